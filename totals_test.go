package runwhere_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Two honest totals (issue 25, correction 2). The nightly-batch-40min
// preset on ECS on Fargate: 30 runs × 40 minutes = 20 task-hours of the
// 2 vCPU / 4 GB size that holds 1.5 vCPU / 4,096 MB (us-east-1, $0.04048 a
// vCPU-hour, $0.004445 a GB-hour): vCPU 20 × 2 × 0.04048 = $1.6192 →
// $1.62, memory 20 × 4 × 0.004445 = $0.3556 → $0.36. The lines rounded
// and summed, as AWS's bill shows them: $1.98; the exact $1.9748 rounded
// once, as infracost shows it: $1.97.
func TestTwoTotals(t *testing.T) {
	var yaml string
	for _, p := range runwhere.Presets() {
		if p.Name == "nightly-batch-40min" {
			yaml = p.YAML
		}
	}
	require.NotEmpty(t, yaml, "the preset")
	r := evaluateYAML(t, yaml)
	p := platformIn(t, r, "ecs-fargate")
	assert.Equal(t, "1.9748", p.MonthlyCost.String(), "exact")
	assert.Equal(t, "1.98", p.MonthlyCostRounded.StringFixed(2), "each line rounded, then summed")
	assert.Equal(t, "1.97", p.MonthlyCostTotalRounded.StringFixed(2), "the exact total rounded once")
	js, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"monthly_cost_rounded":"1.98"`)
	assert.Contains(t, string(js), `"monthly_cost_total_rounded":"1.97"`)
	assert.Contains(t, r.Markdown(), "| Amazon ECS on Fargate | yes | $1.98 | $1.97 | 1.9748 |")
}

// Issue 25's done-when for NAT gateways: in eu-west-1 one gateway is
// 730 h × $0.048 = $35.04 of hours (AWS's natgateway.json, "Hourly
// charge for NAT Gateways", EU (Ireland)), and no container platform is
// blocked by a missing figure.
func TestNATInEveryRegion(t *testing.T) {
	r := evaluateYAML(t, "region: eu-west-1\nplatforms: [ecs-fargate, ecs-ec2]\nworkload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\nnetwork: {nat_gateways: one}\n")
	for _, p := range r.Platforms {
		assert.True(t, p.Feasible, "%s: %+v", p.Platform, p.Blockers)
		found := false
		for _, l := range p.CostLines {
			if l.Unit == "gateway-hour" {
				if l.Quantity.Equal(decimal.NewFromInt(730)) {
					assert.Equal(t, "35.04", l.Amount.String(), "%s: %s", p.Platform, l.Item)
					found = true
				}
			}
		}
		assert.True(t, found, "%s bills the gateway's hours: %+v", p.Platform, p.CostLines)
	}
}

// EKS extended support from a scenario (issue 25, item 10): a cluster on
// a Kubernetes version past standard support is billed $0.60 a
// cluster-hour in all (us-east-1, eks.json "Compute per hours" 0.10 plus
// "Compute ExtendedSupport per Hours" 0.50): 730 × 0.60 = $438, on every
// platform whose control plane is EKS's, and nothing on ECS's.
func TestEKSExtendedSupport(t *testing.T) {
	const base = "platforms: [eks, eks-auto-mode, eks-fargate, ecs-fargate]\nworkload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\n"
	for _, tc := range []struct {
		name, extra, want string
	}{
		{"standard", "", "73"},
		{"extended", "eks: {extended_support: true}\n", "438"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, base+tc.extra)
			for _, p := range r.Platforms {
				var cp string
				for _, l := range p.CostLines {
					if l.Unit == "cluster-hour" {
						cp = l.Amount.String()
					}
				}
				if p.Platform == "ecs-fargate" {
					assert.Equal(t, "0", cp, "ECS's control plane is free either way")
					continue
				}
				assert.Equal(t, tc.want, cp, "%s control plane", p.Platform)
			}
		})
	}
}
