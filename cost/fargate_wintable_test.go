package cost_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// TestFargateWindowsRateTable (issue 25, item 1): Fargate on Windows is
// billed at AWS's rate table (ecs.json, 2025-10-27) in every region, not
// at the pricing page's per-second figures. Ten 1 vCPU / 2 GB tasks all
// month (7,300 task-hours) in us-east-1: vCPU 7,300 × 0.046552 =
// $339.8296 → $339.83; memory 14,600 GB-h × 0.00511175 = $74.63155 →
// $74.63; licence 7,300 × 0.046 = $335.80; $750.26, where the page's
// figures gave 2,628,000 s × 10 × (0.0000254167 + 2 × 0.0000027778 +
// 0.0000127778) = $1,149.75. The other regions, by their own rows.
func TestFargateWindowsRateTable(t *testing.T) {
	ten := cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 10, VCPU: d("1"), MemoryMB: 2048}
	tests := []struct {
		region             string
		vcpu, mem, licence string // rounded lines
		total, exact       string
	}{
		{region: "us-east-1", vcpu: "339.83", mem: "74.63", licence: "335.80", total: "750.26", exact: "750.26115"},
		{region: "us-west-2", vcpu: "339.83", mem: "74.63", licence: "335.80", total: "750.26", exact: "750.26115"},
		{region: "eu-west-1", vcpu: "339.83", mem: "74.63", licence: "335.80", total: "750.26", exact: "750.26115"},
		// 7,300 × 0.053544 = 390.8712; 14,600 × 0.0058765 = 85.7969
		{region: "eu-central-1", vcpu: "390.87", mem: "85.80", licence: "335.80", total: "812.47", exact: "812.4681"},
		// 7,300 × 0.058144 = 424.4512; 14,600 × 0.0063595 = 92.8487
		{region: "ap-southeast-1", vcpu: "424.45", mem: "92.85", licence: "335.80", total: "853.10", exact: "853.0999"},
		{region: "ap-northeast-1", vcpu: "424.45", mem: "92.85", licence: "335.80", total: "853.10", exact: "853.0999"},
	}
	for _, tc := range tests {
		t.Run(tc.region, func(t *testing.T) {
			c, err := cost.EmbeddedCatalogue(platform.Snapshot2026, tc.region)
			require.NoError(t, err)
			b, err := cost.Fargate(c, ten)
			require.NoError(t, err)
			assert.Equal(t, map[string]string{
				"fargate vcpu (windows/x86_64)":       tc.vcpu,
				"fargate memory (windows/x86_64)":     tc.mem,
				"fargate os licence (windows/x86_64)": tc.licence,
			}, lineAmounts(b), "Fargate(%s, 10 Windows tasks)", tc.region)
			assert.Equal(t, tc.total, b.Rounded().StringFixed(2), "Fargate(%s).Rounded()", tc.region)
			assert.True(t, d(tc.exact).Equal(b.Total()), "Fargate(%s).Total() = %s, want %s", tc.region, b.Total(), tc.exact)
		})
	}

	// The page's figures, given explicitly, still give the old $1,149.75:
	// the difference is the rates, not the arithmetic.
	c := embedded(t, platform.Snapshot2026)
	page := c.Clone()
	page.Fargate.WindowsX86 = &cost.FargateRates{
		VCPUSecond:          cost.Figure{Value: d("0.0000254167")},
		GBSecond:            cost.Figure{Value: d("0.0000027778")},
		OSLicenseVCPUSecond: &cost.Figure{Value: d("0.0000127778")},
		MinimumSeconds:      c.Fargate.WindowsX86.MinimumSeconds,
	}
	b, err := cost.Fargate(page, ten)
	require.NoError(t, err)
	assert.Equal(t, "1149.75", b.Rounded().StringFixed(2), "Fargate(page figures, 10 Windows tasks)")
}

// TestFargateWindowsMinimum: the rate table changes the rates, not the
// billing rule: a Windows task is billed at least 5 minutes (300 s, the
// pricing page's "Duration"), a Linux one at least 1 minute.
func TestFargateWindowsMinimum(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name     string
		platform cost.FargatePlatform
		seconds  string
		vcpuHour string // billed vCPU-hours of one 1 vCPU task
	}{
		{name: "windows 10 s billed 300 s", platform: cost.FargateWindows, seconds: "10", vcpuHour: "0.083333333333333333"},
		{name: "windows 299 s billed 300 s", platform: cost.FargateWindows, seconds: "299", vcpuHour: "0.083333333333333333"},
		{name: "windows 301 s billed 301 s", platform: cost.FargateWindows, seconds: "301", vcpuHour: "0.083611111111111111"},
		{name: "linux 10 s billed 60 s", platform: cost.FargateLinuxX86, seconds: "10", vcpuHour: "0.016666666666666667"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.Fargate(c, cost.FargateUsage{Platform: tc.platform, Tasks: 1, Seconds: d(tc.seconds), VCPU: d("1"), MemoryMB: 2048})
			require.NoError(t, err)
			assert.True(t, d(tc.vcpuHour).Equal(b.Lines[0].Quantity), "Fargate(%s) vCPU quantity = %s, want %s", tc.name, b.Lines[0].Quantity, tc.vcpuHour)
		})
	}
}
