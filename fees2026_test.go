package runwhere

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// The four 2026 platforms' fees, worked by hand. EKS Auto Mode: "EC2
// price plus a per-instance management fee", $0.01152 an hour for
// m5.large in us-east-1 (decoded from AWS's eks.json by the generator:
// 12 % of the $0.096 on-demand price; shared/reference/platforms-2026.md)
// and the EKS control plane ($0.10 a cluster-hour,
// https://aws.amazon.com/eks/pricing/). ECS Managed Instances: the same
// fee for m5.large (ecs.json), and ECS itself at no charge (the zero line
// ECS on EC2 has too).
func TestManagementFees(t *testing.T) {
	d := decimal.RequireFromString
	s := Scenario{
		Platforms: []platform.ID{"eks-auto-mode", "ecs-managed-instances"},
		Workload:  Workload{RequestsPerSecond: ptr(d("10")), DurationMS: ptr(d("100")), MemoryMB: ptr(int64(128))},
		Servers:   Servers{InstanceType: "m5.large", Count: ptr(int64(10))},
	}
	r, err := Evaluate(s)
	require.NoError(t, err)
	lines := func(p PlatformReport) map[string]string {
		out := map[string]string{}
		for _, l := range p.CostLines {
			out[l.Item] = l.Amount.String()
		}
		return out
	}
	require.Len(t, r.Platforms, 2)
	// 10 × 730 h × $0.096 = $700.80; 10 × 730 × $0.01152 = $84.096;
	// 730 × $0.10 = $73.
	assert.Equal(t, map[string]string{
		"eks-auto-mode workers (m5.large)":     "700.8",
		"eks-auto-mode fee (m5.large)":         "84.096",
		"eks control plane (standard support)": "73",
	}, lines(r.Platforms[0]))
	assert.Equal(t, map[string]string{
		"ecs-managed-instances workers (m5.large)": "700.8",
		"ecs-managed-instances fee (m5.large)":     "84.096",
		"ecs control plane":                        "0",
	}, lines(r.Platforms[1]))
	assert.Equal(t, "857.896", r.Platforms[0].MonthlyCost.String())
	assert.Equal(t, "784.896", r.Platforms[1].MonthlyCost.String())
}
