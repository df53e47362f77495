package runwhere_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAutoscaledFleetSizesExactFractions (issue 23): under a load shape
// with no peak given, the peak is the busiest hour, mean × max /
// mean(shape), which the inputs hold rounded up at 20 places when the
// quotient repeats. An autoscaled fleet sizes each hour from the exact
// fraction, so an hour at exactly k replicas' capacity runs k, not k + 1.
//
// Here a replica serves 0.5 × 0.7 × 1000 / 105 = 10/3 requests a second,
// the busiest hours 5 × 4/3 = 20/3 (two replicas' worth exactly) and the
// quiet ones 10/3 (one).
func TestAutoscaledFleetSizesExactFractions(t *testing.T) {
	const base = `platforms: [ecs-fargate, ecs-ec2]
workload:
  requests_per_second: 5
  duration_ms: 105
  memory_mb: 512
  cpu_fraction: 1
  hourly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
container: {vcpu: 0.5, memory_mb: 1024}
servers: {zones: 1, autoscaling: true, min_count: 1, instance_type: m5.large}
`
	busy, quiet := int64(2), int64(1)
	tests := []struct {
		name            string
		yaml            string
		wantTasks       []int64 // ECS on Fargate's tasks by hour
		wantFargateCost string
		wantNodes       []int64 // ECS on EC2's m5.large nodes by hour (2 tasks each)
		wantEC2Cost     string
	}{
		{name: "the busiest hour at an exact boundary", yaml: base,
			// Hour 23 grows ahead of hour 0 (5 minutes' scale-out).
			wantTasks:       append(append(repeatN(12, busy), repeatN(11, quiet)...), busy),
			wantFargateCost: "27.092644618055555556",
			wantNodes:       repeatN(24, 1),
			// 730 node-hours × $0.096, and each node's 30 GB root volume,
			// 730 × 30 × $0.08 / 730 = $2.40 (issue 25, item 9).
			wantEC2Cost: "72.48"},
		{name: "a given peak is sized as given", yaml: strings.Replace(base, "  cpu_fraction: 1\n", "  cpu_fraction: 1\n  peak_requests_per_second: 10\n", 1),
			// 10 → 3 replicas; the quiet hours 5 → 1.5 → 2.
			wantTasks:       append(append(repeatN(12, 3), repeatN(11, 2)...), 3),
			wantFargateCost: "45.112694618055555556",
			wantNodes:       append(append(repeatN(12, 2), repeatN(11, 1)...), 2),
			// The node-hours × ($0.096 + 30 × $0.08 / 730 of root volume).
			wantEC2Cost: "108.971666666666666666312"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, tc.yaml)
			fg, ec2 := platformIn(t, r, "ecs-fargate"), platformIn(t, r, "ecs-ec2")
			require.True(t, fg.Feasible && ec2.Feasible)
			assert.Equal(t, tc.wantTasks, fg.Capacity.NodesByHour, "Fargate tasks by hour")
			assert.Equal(t, tc.wantFargateCost, fg.MonthlyCost.String(), "Fargate monthly cost")
			assert.Equal(t, tc.wantNodes, ec2.Capacity.NodesByHour, "ECS on EC2 nodes by hour")
			assert.Equal(t, tc.wantEC2Cost, ec2.MonthlyCost.String(), "ECS on EC2 monthly cost")
		})
	}
}

func repeatN(n int, v int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = v
	}
	return out
}
