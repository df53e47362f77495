package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// A platform that cannot run the load is never shown with a price for it
// (issue 23, item 7): not in the report's JSON or Markdown, not as a line
// of the cost curves, not in a break-even. The case the issue met: today's
// 4 m5.large run an API whose peak needs 69 of them, and the chart drew
// their $312.44 as the cheapest line, with unused_vcpu -61.
func TestBlockedPlatformHasNoPrice(t *testing.T) {
	tests := []struct {
		name     string
		yaml     string
		platform runwhere.PlatformID
		blocker  string
	}{
		{
			name:     "fixed fleet too small",
			yaml:     "region: eu-west-1\nplatforms: [lambda, ecs-fargate, ecs-ec2]\nworkload: {requests_per_second: 50, peak_requests_per_second: 400, duration_ms: 120, memory_mb: 512}\nservers: {instance_type: m5.large, count: 4}\n",
			platform: "ecs-ec2",
			blocker:  "fleet-too-small",
		},
		{
			name:     "self-managed fixed fleet too small",
			yaml:     "platforms: [lambda, kubernetes]\nworkload: {requests_per_second: 50, peak_requests_per_second: 400, duration_ms: 120, memory_mb: 512}\nservers: {instance_type: m5.large, count: 2}\n",
			platform: "kubernetes",
			blocker:  "fleet-too-small",
		},
		{
			name:     "Lambda past its timeout",
			yaml:     "platforms: [lambda, ecs-fargate]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128, max_duration_s: 1200}\n",
			platform: "lambda",
			blocker:  "max-duration",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, tc.yaml)
			p := platformIn(t, r, tc.platform)
			require.False(t, p.Feasible)
			assert.Contains(t, codes(p.Blockers), tc.blocker)
			assert.True(t, p.MonthlyCost.IsZero(), "MonthlyCost = %s, want none for a blocked platform", p.MonthlyCost)
			assert.True(t, p.MonthlyCostRounded.IsZero(), "MonthlyCostRounded = %s", p.MonthlyCostRounded)
			assert.Empty(t, p.CostLines, "cost lines of a blocked platform")
			if u := p.Capacity.UnusedVCPU; u != nil {
				assert.False(t, u.IsNegative(), "unused vCPU = %s", u)
			}
			for _, be := range r.BreakEven {
				if be.Server == tc.platform || be.Serverless == tc.platform {
					assert.Nil(t, be.RequestsPerSec, "break-even against %s", tc.platform)
					assert.Contains(t, be.Reason, "cannot run this workload")
				}
			}

			s, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.NoError(t, err)
			curves, err := runwhere.Curves(s, 10)
			require.NoError(t, err)
			found := false
			for _, c := range curves {
				if c.Platform == tc.platform {
					found = true
					assert.False(t, c.Feasible)
					assert.Empty(t, c.Points, "a blocked platform's curve has no points")
				} else {
					assert.Len(t, c.Points, 10, "%s's curve", c.Platform)
				}
			}
			assert.True(t, found, "the blocked platform is listed among the curves, without points")
		})
	}
}

// A fixed fleet too small for the load has no unused vCPU: its nodes cannot
// hold the replicas it needs, and the difference is not a vCPU count.
func TestUnusedVCPUNeverNegative(t *testing.T) {
	tests := []struct {
		name   string
		yaml   string
		unused string
	}{
		// 138 replicas of 0.5 vCPU need 69 m5.large; 4 run.
		{"fleet too small", "platforms: [ecs-ec2]\nworkload: {requests_per_second: 50, peak_requests_per_second: 400, duration_ms: 120, memory_mb: 512}\nservers: {instance_type: m5.large, count: 4}\n", "0"},
		// One replica a zone on 3 nodes of 1,930m allocatable (EKS on a
		// m5.large): 3 × 1.93 − 3 × 0.5 = 4.29 vCPU idle.
		{"fleet large enough", "platforms: [eks]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {instance_type: m5.large, count: 3}\n", "4.29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, tc.yaml)
			require.Len(t, r.Platforms, 1)
			u := r.Platforms[0].Capacity.UnusedVCPU
			require.NotNil(t, u)
			assert.Equal(t, tc.unused, u.String(), "unused vCPU")
		})
	}
}
