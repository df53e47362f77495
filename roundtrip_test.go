package runwhere_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere"
)

// The scenario a report echoes (Report.Inputs, the Markdown's "Inputs as
// evaluated") and the one WithDefaults returns can be evaluated again, and
// give the same report: a reviewer reproduces a report from its own inputs.
// Both carry requests_per_second and requests_per_month, which agree.
func TestInputsAsEvaluatedEvaluateAgain(t *testing.T) {
	cases := []moneyCase{
		// A monthly count that is no whole number of requests a second: the
		// echoed rate is rounded, and must not be read as a contradiction.
		{"monthly count", "workload: {requests_per_month: 1000000, duration_ms: 100, memory_mb: 128}\n"},
	}
	for _, p := range runwhere.Presets() {
		cases = append(cases, moneyCase{p.Name, p.YAML})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.NoError(t, err)
			want, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)

			d, err := s.WithDefaults()
			require.NoError(t, err)
			again, err := d.WithDefaults()
			require.NoError(t, err, "WithDefaults(WithDefaults(s))")
			assert.Equal(t, d, again, "WithDefaults(WithDefaults(s)) = WithDefaults(s)")

			text, err := yaml.Marshal(want.Inputs)
			require.NoError(t, err)
			echoed, err := runwhere.ParseScenario(text)
			require.NoError(t, err, "ParseScenario(the inputs as evaluated):\n%s", text)
			for name, in := range map[string]runwhere.Scenario{"WithDefaults(s)": d, "the inputs as evaluated": echoed} {
				got, err := runwhere.Evaluate(in)
				require.NoError(t, err, "Evaluate(%s)", name)
				gotJSON, err := json.Marshal(got)
				require.NoError(t, err)
				assert.JSONEq(t, withoutGuesses(t, wantJSON), withoutGuesses(t, gotJSON), "Evaluate(%s) differs from Evaluate(s)", name)
			}
		})
	}
}

// withoutGuesses is a report's JSON without what depends on which inputs
// were given rather than defaulted or calibrated: the assumptions, the
// reasons they lead with, and the fields the calibration filled in.
// Evaluated again from its own inputs, a report has no defaults left.
func withoutGuesses(t *testing.T, report []byte) string {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(report, &m))
	delete(m, "assumptions")
	if c, ok := m["calibration"].(map[string]any); ok {
		delete(c, "sets")
	}
	rec := m["recommendation"].(map[string]any)
	var reasons []any
	for _, r := range rec["reasons"].([]any) {
		if !strings.HasPrefix(r.(string), runwhere.AssumptionReasonPrefix) {
			reasons = append(reasons, r)
		}
	}
	rec["reasons"] = reasons
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return string(out)
}

// Two rates that disagree are still refused.
func TestRatesThatDisagreeAreRefused(t *testing.T) {
	tests := []struct {
		name, workload string
	}{
		{"far apart", "{requests_per_second: 10, requests_per_month: 5, duration_ms: 100, memory_mb: 128}"},
		// 10/s is 26,280,000 a month, exactly.
		{"one request apart", "{requests_per_second: 10, requests_per_month: 26280001, duration_ms: 100, memory_mb: 128}"},
		// 1,000,000 a month is 0.38051750380517503805/s at 20 places; a
		// rate rounded otherwise is another figure.
		{"rounded otherwise", "{requests_per_second: 0.3805, requests_per_month: 1000000, duration_ms: 100, memory_mb: 128}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runwhere.ParseScenario([]byte("workload: " + tc.workload + "\n"))
			require.Error(t, err, "ParseScenario(%s)", tc.workload)
			assert.Contains(t, err.Error(), "workload.requests_per_month")
			assert.Contains(t, err.Error(), "contradicts workload.requests_per_second")
		})
	}
}

// Two rates that agree are accepted: the month is the rate × 2,628,000
// exactly, or the rate is the month ÷ 2,628,000 at the 20 places
// WithDefaults keeps.
func TestRatesThatAgreeAreAccepted(t *testing.T) {
	for _, w := range []string{
		"{requests_per_second: 10, requests_per_month: 26280000, duration_ms: 100, memory_mb: 128}",
		"{requests_per_second: 0.38051750380517503805, requests_per_month: 1000000, duration_ms: 100, memory_mb: 128}",
		// More places than WithDefaults keeps: 1e-22 × 2,628,000 = 2.628e-16.
		"{requests_per_second: 1e-22, requests_per_month: 2.628e-16, duration_ms: 100, memory_mb: 128}",
	} {
		_, err := runwhere.ParseScenario([]byte("workload: " + w + "\n"))
		assert.NoError(t, err, "ParseScenario(%s)", w)
	}
}
