package runwhere_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// rankWith evaluates a workload on which Lambda is the cheapest platform
// but is listed second, so a ranking that ignores the weights (every score
// 0, list order kept) shows.
func rankWith(t *testing.T, w runwhere.Weights) runwhere.Recommendation {
	t.Helper()
	s, err := runwhere.ParseScenario([]byte("platforms: [ecs-fargate, lambda]\nworkload: {requests_per_second: 40, duration_ms: 120, memory_mb: 512}\n"))
	require.NoError(t, err)
	s.Weights = &w
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	return r.Recommendation
}

func weights(cost, headroom, resilience, operations, portability string) runwhere.Weights {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	return runwhere.Weights{Cost: d(cost), Headroom: d(headroom), Resilience: d(resilience), Operations: d(operations), Portability: d(portability)}
}

// Only the weights' ratios count, exactly: a weight of any size a check
// accepts still decides the ranking when it is the only one above zero,
// and weights scaled by a power of ten rank as the originals do.
func TestRankingUsesWeightRatiosExactly(t *testing.T) {
	tests := []struct {
		name      string
		weights   runwhere.Weights
		same      runwhere.Weights // ranks identically
		wantFirst runwhere.PlatformID
	}{
		{"tiny cost alone", weights("1e-40", "0", "0", "0", "0"), weights("1", "0", "0", "0", "0"), "lambda"},
		{"tiny pair keeps its ratio", weights("10e-40", "1e-40", "0", "0", "0"), weights("10", "1", "0", "0", "0"), "lambda"},
		{"tiny resilience alone", weights("0", "0", "1e-40", "0", "0"), weights("0", "0", "7", "0", "0"), "ecs-fargate"},
		{"far apart", weights("1e-40", "0", "2e-40", "0", "0"), weights("1", "0", "2", "0", "0"), "ecs-fargate"},
		{"large", weights("1e9", "0", "0", "0", "0"), weights("1", "0", "0", "0", "0"), "lambda"},
		{"34 digits", weights("1234567890123456789012345678901234e-40", "0", "1e-33", "0", "0"), weights("1234567890123456789012345678901234e-25", "0", "1e-18", "0", "0"), "lambda"},
		{"49 orders of magnitude apart", weights("1e9", "0", "1e-40", "0", "0"), weights("1", "0", "0", "0", "0"), "lambda"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, want := rankWith(t, tc.weights), rankWith(t, tc.same)
			require.NotEmpty(t, got.Ranking)
			assert.Equal(t, tc.wantFirst, got.Ranking[0].Platform, "first of %+v", got.Ranking)
			assert.Equal(t, want.Ranking, got.Ranking, "ranking with %s", tc.name)
			assert.Greater(t, got.Ranking[0].Score, 0.0, "the top score with %s", tc.name)
		})
	}
}

// A weight past the input bounds (exponent within ±40) is refused, not
// ranked: the check that refuses it must not rescale it first.
func TestWeightsPastTheBoundsAreRefused(t *testing.T) {
	for _, v := range []string{"1e-5000", "1e-999999999", "1e41"} {
		t.Run(v, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 40, duration_ms: 120, memory_mb: 512}\n"))
			require.NoError(t, err)
			w := weights(v, "0", "0", "0", "0")
			s.Weights = &w
			_, err = runwhere.Evaluate(s)
			require.ErrorContains(t, err, "weights.cost")
		})
	}
}
