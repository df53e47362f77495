package runwhere

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A re-evaluation at an alternative (quick: the evaluated scenario, only
// the platforms that read the field, no cost models) gives every feasible
// platform the month, and the recommendation, that evaluating the
// scenario at that alternative in full gives: for every preset and every
// assumption that moves money.
func TestQuickIsTheFullEvaluation(t *testing.T) {
	for _, p := range Presets() {
		s, err := ParseScenario([]byte(p.YAML))
		require.NoError(t, err)
		e, err := newEnv(s)
		require.NoError(t, err)
		r, err := evaluateFrom(s, embedded)
		require.NoError(t, err)
		for _, a := range e.guesses(&r) {
			if a.at == nil {
				continue
			}
			t.Run(p.Name+"/"+a.Field, func(t *testing.T) {
				q, err := e.quick(a.Field, a.at, r.Platforms)
				require.NoError(t, err)
				full := e.s.clone()
				a.at(&full)
				want, err := evaluateFrom(full, embedded)
				require.NoError(t, err)
				assert.Equal(t, want.Recommendation.Platform, q.recommended, "recommendation")
				for _, w := range want.Platforms {
					got, ok := q.cost[w.Platform]
					if !w.Feasible {
						assert.False(t, ok, "%s cannot run it", w.Platform)
						continue
					}
					if assert.True(t, ok, "%s runs it", w.Platform) {
						assert.True(t, w.MonthlyCost.Equal(got), "%s: quick %s, full %s", w.Platform, got, w.MonthlyCost)
					}
				}
			})
		}
	}
}
