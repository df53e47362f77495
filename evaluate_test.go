package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// The break-even points and the curves use a cost model per platform; at
// the scenario's own load it must give the report's exact monthly cost, or
// the chart and the table would disagree.
func TestCostModelsAgreeWithBills(t *testing.T) {
	for _, p := range runwhere.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(p.YAML))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			at, err := runwhere.ModelCostAtLoad(s)
			require.NoError(t, err)
			for _, pr := range r.Platforms {
				m, ok := at[pr.Platform]
				if !pr.Feasible && !ok {
					continue
				}
				require.True(t, ok, "%s has no cost model", pr.Platform)
				assert.True(t, m.Sub(pr.MonthlyCost).Abs().LessThan(mustDec("0.000001")),
					"%s: model at load = %s, bill = %s", pr.Platform, m, pr.MonthlyCost)
			}
		})
	}
}

// Workloads past every cluster limit still get a report: the limits show
// as findings and the cluster count grows, rather than Evaluate failing.
func TestHugeWorkloadsReportLimits(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 1000000, duration_ms: 1000, memory_mb: 128}"))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	for _, p := range r.Platforms {
		switch p.Platform {
		case "kubernetes", "eks", "ecs-ec2":
			codes := []string{}
			for _, f := range append(p.Blockers, p.Warnings...) {
				codes = append(codes, string(f.Code))
			}
			assert.Contains(t, codes, "max-nodes", p.Platform)
			assert.Greater(t, p.Capacity.Clusters, 1, "%s needs more than one cluster", p.Platform)
		case "lambda":
			assert.Equal(t, "1000000", p.Capacity.Concurrency.String())
			assert.NotEmpty(t, p.Warnings, "a million concurrent executions pass the default quota")
		}
	}
	_, err = runwhere.Curves(s, 200)
	require.NoError(t, err)
}
