package runwhere_test

import (
	"encoding/json"
	"strings"
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
			assert.Contains(t, codes, "multiple-clusters", p.Platform)
			assert.Greater(t, p.Capacity.Clusters, 1, "%s needs more than one cluster", p.Platform)
			// The whole fleet's node limit is named once, as a warning the
			// split resolves; each cluster is within it once split.
			assert.Contains(t, codes, "max-nodes", "%s: the limit behind the split", p.Platform)
			for _, f := range p.Blockers {
				assert.NotEqual(t, "max-nodes", string(f.Code), "%s: each cluster is within the node limit once split", p.Platform)
			}
			n := 0
			for _, c := range codes {
				if c == "max-nodes" {
					n++
				}
			}
			assert.Equal(t, 1, n, "%s: max-nodes for the whole fleet only, not per cluster", p.Platform)
		case "lambda":
			assert.Equal(t, "1000000", p.Capacity.Concurrency.String())
			assert.NotEmpty(t, p.Warnings, "a million concurrent executions pass the default quota")
		}
	}
	_, err = runwhere.Curves(s, 200)
	require.NoError(t, err)
}

// At a load where a replica count steps exactly, the fleet model used for
// break-even and curves must not count one unit more than the bill
// (a repeating quotient rounded down did, before it was rounded up).
func TestCostModelAtExactStep(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(`
platforms: [swarm, kubernetes, ecs-fargate]
workload: {requests_per_second: 100, peak_requests_per_second: 300, duration_ms: 70, memory_mb: 1024}
container: {vcpu: 2, memory_mb: 1024}
`))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	at, err := runwhere.ModelCostAtLoad(s)
	require.NoError(t, err)
	for _, p := range r.Platforms {
		assert.True(t, at[p.Platform].Equal(p.MonthlyCost), "%s: model %s, bill %s", p.Platform, at[p.Platform], p.MonthlyCost)
	}
}

// The rounded figures are written as a bill shows them, with two decimals.
func TestRoundedAmountsHaveTwoDecimals(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("snapshot: \"2017-12\"\nplatforms: [swarm]\nworkload: {requests_per_second: 20, duration_ms: 100, memory_mb: 128}"))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	b, err := json.Marshal(r.Platforms[0])
	require.NoError(t, err)
	assert.Contains(t, string(b), `"monthly_cost_rounded":"438.00"`)
	assert.Contains(t, string(b), `"amount_rounded":"219.00"`)
	assert.Contains(t, string(b), `"monthly_cost":"438"`, "the exact figure keeps its own digits")
}

func TestCurves(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(ordersAPI))
	require.NoError(t, err)
	curves, err := runwhere.Curves(s, 9)
	require.NoError(t, err)
	require.Len(t, curves, 7)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	for i, c := range curves {
		require.Len(t, c.Points, 9, c.Platform)
		// Four decades around the mean of 40/s, and the middle point is the
		// scenario's own load, priced as the report prices it.
		assert.Equal(t, "0.4", c.Points[0].RequestsPerSecond.String(), c.Platform)
		assert.Equal(t, "4000", c.Points[8].RequestsPerSecond.String(), c.Platform)
		assert.Equal(t, "40", c.Points[4].RequestsPerSecond.String(), c.Platform)
		assert.True(t, c.Points[4].MonthlyCost.Equal(r.Platforms[i].MonthlyCost), "%s: curve %s, report %s", c.Platform, c.Points[4].MonthlyCost, r.Platforms[i].MonthlyCost)
		for j := 1; j < len(c.Points); j++ {
			assert.False(t, c.Points[j].MonthlyCost.LessThan(c.Points[j-1].MonthlyCost), "%s: cost falls as load rises", c.Platform)
		}
	}
	for _, bad := range []int{1, -3, runwhere.MaxCurvePoints + 1} {
		_, err := runwhere.Curves(s, bad)
		assert.ErrorContains(t, err, "points", "points %d", bad)
	}
}

func TestWhatIf(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(ordersAPI))
	require.NoError(t, err)
	res, err := runwhere.WhatIf(s, "swarm", []string{"manager:1", "manager:2", "zone:c"})
	require.NoError(t, err)
	require.Len(t, res.States, 4, "the initial state, then one per event")
	assert.Equal(t, 3, res.Topology.Managers)
	require.NotNil(t, res.States[1].QuorumKept)
	assert.True(t, *res.States[1].QuorumKept, "3 managers survive one loss (Swarm admin guide)")
	assert.False(t, *res.States[2].QuorumKept, "but not two")
	assert.False(t, res.States[2].ControlPlaneUp)

	_, err = runwhere.WhatIf(s, "openshift", nil)
	assert.ErrorContains(t, err, "openshift")
	_, err = runwhere.WhatIf(s, "swarm", []string{"meteor"})
	assert.ErrorContains(t, err, "events")
}

// With lambda.cpu_share_scaling a CPU-bound 40 ms request on a 512 MB
// function (512/1769 of a vCPU, per the Lambda memory docs) takes
// 40 × 1769/512 = 138.203125 ms, and is billed and sized for that.
func TestLambdaCPUShareScaling(t *testing.T) {
	base := "platforms: [lambda]\nworkload: {requests_per_second: 100, duration_ms: 40, memory_mb: 512, cpu_fraction: CPU}\n"
	tests := []struct {
		name, cpu, scaling, wantMS string
	}{
		{"off: DESIGN's model", "1", "false", "40"},
		{"CPU-bound", "1", "true", "138.203125"},
		{"half I/O", "0.5", "true", "89.1015625"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(strings.Replace(base, "CPU", tc.cpu, 1) + "lambda: {cpu_share_scaling: " + tc.scaling + "}\n"))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			c := r.Platforms[0].Capacity
			assert.Equal(t, tc.wantMS, c.DurationMS.String())
			assert.True(t, c.Concurrency.Equal(mustDec(tc.wantMS).Div(mustDec("10"))), "Little's law: 100/s × %s ms = %s", tc.wantMS, c.Concurrency)
		})
	}
}
