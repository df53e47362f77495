package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// servers.root_volume_gb (issue 25, item 9): each EC2 node's gp3 root
// volume, GB × the region's GB-month price ($0.08 in us-east-1) × hours /
// 730, a line beside the instances on every EC2-based platform alike.
// Left out, no platform bills one: AWS documents a default for two of
// the seven EC2-based platforms' AMIs only (30 GB ECS-optimized, 20 GB
// EKS). Fargate's first 20 GB are included and Lambda has no disk: no
// line there.
func TestRootVolumes(t *testing.T) {
	const svc = "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\n"
	tests := []struct {
		name     string
		yaml     string
		platform string
		amount   string // the root volume lines' sum; "" for none
		gbMonths string
		blocked  bool // a missing-figure blocker
	}{
		// 10 × 30 GB × $0.08 = $24.00.
		{name: "ECS on EC2, the ECS-optimized AMI's 30 GB", yaml: "platforms: [ecs-ec2]\nservers: {count: 10, root_volume_gb: 30}\n" + svc,
			platform: "ecs-ec2", amount: "24", gbMonths: "300"},
		// 10 × 20 GB × $0.08 = $16.00.
		{name: "EKS, the managed node group's 20 GB", yaml: "platforms: [eks]\nservers: {count: 10, root_volume_gb: 20}\n" + svc,
			platform: "eks", amount: "16", gbMonths: "200"},
		// 10 workers and 3 managers × 8 GB × $0.08 = $8.32.
		{name: "Swarm, workers and managers, as set", yaml: "platforms: [swarm]\nservers: {count: 10, managers: 3, root_volume_gb: 8}\n" + svc,
			platform: "swarm", amount: "8.32", gbMonths: "104"},
		{name: "left out: no platform bills one", yaml: "platforms: [ecs-ec2]\nservers: {count: 10}\n" + svc,
			platform: "ecs-ec2"},
		{name: "eu-west-1, left out: nothing to price", yaml: "region: eu-west-1\nplatforms: [ecs-ec2]\nservers: {count: 10}\n" + svc,
			platform: "ecs-ec2"},
		{name: "eu-west-1, a size set: a missing figure", yaml: "region: eu-west-1\nplatforms: [ecs-ec2]\nservers: {count: 10, root_volume_gb: 50}\n" + svc,
			platform: "ecs-ec2", blocked: true},
		{name: "0: no EBS root volume", yaml: "platforms: [ecs-ec2]\nservers: {count: 10, root_volume_gb: 0}\n" + svc,
			platform: "ecs-ec2"},
		{name: "Fargate: 20 GB included", yaml: "platforms: [ecs-fargate]\nservers: {root_volume_gb: 30}\n" + svc,
			platform: "ecs-fargate"},
		{name: "Lambda: no disk", yaml: "platforms: [lambda]\nservers: {root_volume_gb: 30}\n" + svc,
			platform: "lambda"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := platformIn(t, evaluateYAML(t, tc.yaml), runwhere.PlatformID(tc.platform))
			if tc.blocked {
				require.False(t, p.Feasible)
				assert.Equal(t, runwhere.MissingFigure, p.Blockers[0].Code)
				assert.Contains(t, p.Blockers[0].Message, "ebs.gp3_gb_month")
				return
			}
			require.True(t, p.Feasible, "%v", p.Blockers)
			amount, gbMonths, n := mustDec("0"), mustDec("0"), 0
			for _, l := range p.CostLines {
				if l.Unit == "GB-month" {
					assert.Equal(t, "0.08", l.UnitPrice.String(), l.Item)
					amount, gbMonths = amount.Add(l.Amount), gbMonths.Add(l.Quantity)
					n++
				}
			}
			if tc.amount == "" {
				assert.Zero(t, n, "no root volume line")
			} else {
				assert.Equal(t, tc.amount, amount.String(), "the root volumes")
				assert.Equal(t, tc.gbMonths, gbMonths.String(), "GB-months")
			}
		})
	}
}

// A root volume follows each node's billed seconds: a job's node
// launched for a 40-minute run and its 5-minute start bills 45 minutes of
// 30 GB, 30 × 0.08 × 2,700 / (730 × 3,600) = $0.00246575…, rounded up at
// 18 places.
func TestRootVolumeFollowsAJobsRuns(t *testing.T) {
	p := platformIn(t, evaluateYAML(t, "platforms: [ecs-ec2]\nworkload: {kind: job, runs_per_month: 1, run_minutes: 40, memory_mb: 1024}\ncontainer: {vcpu: 1, memory_mb: 2048}\nservers: {root_volume_gb: 30}\n"), "ecs-ec2")
	require.True(t, p.Feasible, "%v", p.Blockers)
	var got string
	for _, l := range p.CostLines {
		if l.Item == "root volume (gp3, 30 GB)" {
			got = l.Amount.String()
		}
	}
	assert.Equal(t, "0.002465753424657534", got)
}
