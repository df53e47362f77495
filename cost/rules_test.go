package cost_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

func TestLambdaRules(t *testing.T) {
	now := embedded(t, platform.Snapshot2026)
	old := embedded(t, platform.Snapshot2017)
	tests := []struct {
		name  string
		cat   *cost.Catalogue
		usage cost.LambdaUsage
		item  string
		qty   string // billable quantity of item
	}{
		// 1 ms rounding per invocation: 1M × 1.2 ms → 2 ms each.
		{"1 ms rounding", now, cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("1.2"), MemoryMB: 1024},
			"lambda duration (x86_64, tier 1)", "2000"},
		// 100 ms rounding in 2017: 1M × 101 ms → 200 ms each, 128 MB → 25,000 GB-s.
		{"100 ms rounding", old, cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("101"), MemoryMB: 128},
			"lambda duration (x86_64)", "25000"},
		// Tiers start at the account's prior usage: 5.9e9 already used, 2e8 more
		// → 1e8 in tier 1 and 1e8 in tier 2.
		{"tier 1 remainder", now, cost.LambdaUsage{Requests: d("200000000"), DurationMS: d("1000"), MemoryMB: 1024, PriorGBSeconds: d("5900000000")},
			"lambda duration (x86_64, tier 1)", "100000000"},
		{"tier 2 start", now, cost.LambdaUsage{Requests: d("200000000"), DurationMS: d("1000"), MemoryMB: 1024, PriorGBSeconds: d("5900000000")},
			"lambda duration (x86_64, tier 2)", "100000000"},
		// arm64 tiers are their own: 7.5e9 boundary.
		{"arm64 tier 1", now, cost.LambdaUsage{Requests: d("200000000"), DurationMS: d("1000"), MemoryMB: 1024, Arch: cost.ARM64, PriorGBSeconds: d("7400000000")},
			"lambda duration (arm64, tier 1)", "100000000"},
		// Ephemeral storage: (10240 − 512) MB = 9.5 GB × 1M × 0.1 s = 950,000 GB-s,
		// not multiplied by memory.
		{"ephemeral storage", now, cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("100"), MemoryMB: 2048, EphemeralStorageMB: 10240},
			"lambda ephemeral storage (x86_64)", "950000"},
		// Provisioned concurrency: enabled 61 minutes bills 65; 10 × 1 GB × 3900 s.
		{"provisioned rounding", now, cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 1024, ProvisionedConcurrency: 10, ProvisionedHours: d("61").Div(d("60"))},
			"lambda provisioned concurrency (x86_64)", "39000"},
		// Spillover: 10 environments × 3600 s / 1 s = 36,000 served warm; the
		// rest (64,000) on demand, with no free tier.
		{"provisioned spillover", now, cost.LambdaUsage{Requests: d("100000"), DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 10, ProvisionedHours: d("1"), FreeTier: true},
			"lambda duration (x86_64, tier 1)", "64000"},
		{"provisioned served", now, cost.LambdaUsage{Requests: d("100000"), DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 10, ProvisionedHours: d("1")},
			"lambda provisioned duration (x86_64)", "36000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.Lambda(tc.cat, tc.usage)
			require.NoError(t, err)
			found := false
			for _, l := range b.Lines {
				if l.Item == tc.item {
					found = true
					assert.True(t, d(tc.qty).Equal(l.Quantity), "Lambda(%s) %s quantity = %s, want %s", tc.name, tc.item, l.Quantity, tc.qty)
					assert.True(t, l.Quantity.Mul(l.UnitPrice).Equal(l.Amount))
				}
			}
			assert.True(t, found, "no line %q in\n%s", tc.item, b)
		})
	}
}

func TestEC2Billing(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name  string
		usage cost.EC2Usage
		qty   string
		total string
	}{
		// 3 × 730 h × $0.096 = $210.24
		{"a month of m5.large", cost.EC2Usage{InstanceType: "m5.large", Count: 3}, "2190", "210.24"},
		// 3.6 s, billed as the 60 s minimum: 0.096 × 60 / 3600 = $0.0016
		// exactly; the quantity 1/60 h is rounded up at 18 places.
		{"60 s minimum", cost.EC2Usage{InstanceType: "m5.large", Count: 1, Hours: d("0.001")}, "0.016666666666666667", "0.0016"},
		// issue 15: 30 s (1/120 h) of m5.large, billed as 60 s: $0.0016,
		// not 0.001600000000000000032.
		{"30 s is billed as 60 s", cost.EC2Usage{InstanceType: "m5.large", Count: 1, Hours: d("1").Div(d("120"))}, "0.016666666666666667", "0.0016"},
		// 90 s × 7 instances = 630 s: 0.096 × 630 / 3600 = $0.0168
		{"90 s × 7", cost.EC2Usage{InstanceType: "m5.large", Count: 7, Hours: d("0.025")}, "0.175", "0.0168"},
		// 61 s of m4.large: 0.10 × 61 / 3600 = 0.00169444…, no exact
		// decimal: rounded up at 18 places.
		{"61 s", cost.EC2Usage{InstanceType: "m4.large", Count: 1, Hours: d("61").Div(d("3600"))}, "0.016944444444444445", "0.001694444444444445"},
		// 1.5 h × $0.096 = $0.144
		{"per second", cost.EC2Usage{InstanceType: "m5.large", Count: 1, Hours: d("1.5")}, "1.5", "0.144"},
		// 730 h × $0.12 = $87.60
		{"override", cost.EC2Usage{InstanceType: "m4.large", Count: 1, HourlyPrice: "0.12"}, "730", "87.6"},
		// 730 h × $0.096 × 0.75 = $52.56
		{"discount", cost.EC2Usage{InstanceType: "m5.large", Count: 1, Discount: d("0.25")}, "730", "52.56"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.EC2(c, tc.usage)
			require.NoError(t, err)
			require.Len(t, b.Lines, 1)
			assert.True(t, d(tc.qty).Equal(b.Lines[0].Quantity), "EC2(%s) quantity = %s, want %s", tc.name, b.Lines[0].Quantity, tc.qty)
			assert.True(t, d(tc.total).Equal(b.Total()), "EC2(%s).Total() = %s, want %s", tc.name, b.Total(), tc.total)
		})
	}
}

func TestFargateTaskSize(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		vcpu            string
		mem             int
		wantCPU, wantGB string
	}{
		{"0.3", 700, "0.5", "1"},
		{"0.25", 512, "0.25", "0.5"},
		{"0.25", 3000, "0.5", "3"},
		{"1", 2048, "1", "2"},
		{"4", 31000, "8", "32"},
		{"8", 17000, "8", "20"},
		{"16", 122880, "16", "120"},
		{"16", 123904, "32", "244"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s vCPU %d MB", tc.vcpu, tc.mem), func(t *testing.T) {
			ts, err := cost.FargateTaskSize(c, "", d(tc.vcpu), tc.mem)
			require.NoError(t, err)
			assert.True(t, d(tc.wantCPU).Equal(ts.VCPU), "FargateTaskSize(%s, %d).VCPU = %s, want %s", tc.vcpu, tc.mem, ts.VCPU, tc.wantCPU)
			assert.True(t, d(tc.wantGB).Equal(ts.MemoryGB), "FargateTaskSize(%s, %d).MemoryGB = %s, want %s", tc.vcpu, tc.mem, ts.MemoryGB, tc.wantGB)
		})
	}
}

func TestFargateRules(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	// Windows: 5-minute minimum and an OS licence line; 1 task of 1 vCPU/2 GB
	// for 10 s is billed 300 s, in vCPU-hours at the rate table's hourly
	// rates: 300 ÷ 3,600 = 0.0833… vCPU-hour; licence 300 × 0.046 ÷ 3,600
	// = $0.0038333….
	b, err := cost.Fargate(c, cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 1, Seconds: d("10"), VCPU: d("1"), MemoryMB: 2048})
	require.NoError(t, err)
	require.Len(t, b.Lines, 3)
	assert.True(t, d("0.083333333333333333").Equal(b.Lines[0].Quantity), "quantity %s", b.Lines[0].Quantity)
	assert.Equal(t, "fargate os licence (windows/x86_64)", b.Lines[2].Item)
	assert.Equal(t, "vCPU-hour", b.Lines[2].Unit)
	assert.True(t, d("0.003833333333333333").Equal(b.Lines[2].Amount), "licence amount %s", b.Lines[2].Amount)
	// Linux: 1-minute minimum; 2 × 60 s = 120 vCPU-s, on the line in
	// vCPU-hours: 120 ÷ 3,600 = 0.0333… (18 places), at 120 × 0.04048 ÷
	// 3,600 = 4.8576 ÷ 3,600 = $0.00134933…
	b, err = cost.Fargate(c, cost.FargateUsage{Tasks: 2, Seconds: d("5"), VCPU: d("1"), MemoryMB: 2048})
	require.NoError(t, err)
	assert.Equal(t, "vCPU-hour", b.Lines[0].Unit)
	assert.True(t, d("0.033333333333333333").Equal(b.Lines[0].Quantity), "quantity %s", b.Lines[0].Quantity)
	assert.True(t, d("0.001349333333333333").Equal(b.Lines[0].Amount), "amount %s", b.Lines[0].Amount)
	// Spot as a caller discount: 70 % off compute.
	b, err = cost.Fargate(c, cost.FargateUsage{Tasks: 1, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048, Spot: true, Discount: d("0.7")})
	require.NoError(t, err)
	assert.True(t, d("0.04048").Mul(d("0.3")).Equal(b.Lines[0].UnitPrice))
	// A month of one 0.5 vCPU / 1 GB task.
	m, err := cost.FargateMonthly(c, cost.FargateUsage{VCPU: d("0.5"), MemoryMB: 1024})
	require.NoError(t, err)
	// 730 h × (0.5 × 0.04048 + 1 × 0.004445) = 730 × 0.024685 = 18.02005
	// (the page's per-second figures: 2,628,000 s × 0.000006857 = 18.020196)
	assert.True(t, d("18.02005").Equal(m), "FargateMonthly = %s", m)
}

func TestControlPlanes(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name  string
		cp    cost.ControlPlane
		total string
	}{
		{"eks standard", cost.ControlPlane{Platform: "eks"}, "73"},
		{"eks extended", cost.ControlPlane{Platform: "eks", Support: cost.EKSExtended}, "438"},
		{"eks two clusters", cost.ControlPlane{Platform: "eks", Clusters: 2}, "146"},
		{"ecs", cost.ControlPlane{Platform: "ecs-ec2"}, "0"},
		{"swarm managers", cost.ControlPlane{Platform: "swarm", Managers: cost.EC2Usage{InstanceType: "t3.small", Count: 3}}, "45.552"},
		{"lambda", cost.ControlPlane{Platform: "lambda"}, "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.ControlPlaneBill(c, tc.cp)
			require.NoError(t, err)
			assert.True(t, d(tc.total).Equal(b.Total()), "ControlPlaneBill(%s) = %s, want %s", tc.name, b.Total(), tc.total)
		})
	}
}

func TestBillRounding(t *testing.T) {
	// Each line rounded half up, then summed: 0.005 + 0.005 → 0.02 (exact 0.01).
	b := cost.Bill{Lines: []cost.Line{
		{Item: "a", Quantity: d("1"), UnitPrice: d("0.005"), Amount: d("0.005")},
		{Item: "b", Quantity: d("1"), UnitPrice: d("0.005"), Amount: d("0.005")},
	}}
	assert.Equal(t, "0.01", b.Total().StringFixed(2))
	assert.Equal(t, "0.02", b.Rounded().StringFixed(2))
}

func TestLambdaMemorySweep(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	u := cost.LambdaUsage{Requests: d("10000000"), DurationMS: d("1000"), MemoryMB: 1769}
	// Fully CPU-bound: duration × memory is constant up to 1 vCPU, so the
	// request price aside the cost is flat until 1,769 MB, rounding aside.
	sw, err := cost.LambdaMemorySweep(c, u, d("1"))
	require.NoError(t, err)
	require.Len(t, sw.Points, 10240-128+1)
	p := sw.Points[1769-128]
	assert.Equal(t, 1769, p.MemoryMB)
	assert.True(t, d("1000").Equal(p.DurationMS))
	// At 10,240 MB (6 vCPU) a CPU-bound second takes 1000/6 → 167 ms.
	assert.True(t, d("167").Equal(sw.Points[len(sw.Points)-1].DurationMS))
	// Fully I/O-bound: the smallest memory is cheapest.
	sw, err = cost.LambdaMemorySweep(c, u, d("0"))
	require.NoError(t, err)
	assert.Equal(t, 128, sw.Points[sw.Cheapest].MemoryMB)
	// 2017-12 sweeps 128..3008 in 64 MB steps.
	sw, err = cost.LambdaMemorySweep(embedded(t, platform.Snapshot2017), cost.LambdaUsage{Requests: d("1000"), DurationMS: d("100"), MemoryMB: 128}, d("0.5"))
	require.NoError(t, err)
	assert.Len(t, sw.Points, (3008-128)/64+1)
}
