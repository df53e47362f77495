package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// findLine returns the bill's line named item.
func findLine(t *testing.T, b cost.Bill, item string) cost.Line {
	t.Helper()
	for _, l := range b.Lines {
		if l.Item == item {
			return l
		}
	}
	t.Fatalf("no line %q in\n%s", item, b)
	return cost.Line{}
}

// TestEveryLineKindAmount prices one case of every line kind the package
// emits and checks the quantity, the unit price and the exact amount, each
// worked out by hand from the published rates (pinned in pinned_test.go) in
// the case's comment.
func TestEveryLineKindAmount(t *testing.T) {
	now := embedded(t, platform.Snapshot2026)
	old := embedded(t, platform.Snapshot2017)
	lambda := func(c *cost.Catalogue, u cost.LambdaUsage) func() (cost.Bill, error) {
		return func() (cost.Bill, error) { return cost.Lambda(c, u) }
	}
	fargate := func(u cost.FargateUsage) func() (cost.Bill, error) {
		return func() (cost.Bill, error) { return cost.Fargate(now, u) }
	}
	controlPlane := func(cp cost.ControlPlane) func() (cost.Bill, error) {
		return func() (cost.Bill, error) { return cost.ControlPlaneBill(now, cp) }
	}
	ec2 := func(u cost.EC2Usage) func() (cost.Bill, error) {
		return func() (cost.Bill, error) { return cost.EC2(now, u) }
	}
	// Tiers start at the account's prior GB-s; 200M invocations of 1 s at
	// 1,024 MB are 2e8 GB-s, so a prior 1e8 below a bound puts 1e8 on each
	// side of it.
	tiered := func(a cost.Arch, prior string) cost.LambdaUsage {
		return cost.LambdaUsage{Requests: d("200000000"), DurationMS: d("1000"), MemoryMB: 1024, Arch: a, PriorGBSeconds: d(prior)}
	}
	tests := []struct {
		name   string
		bill   func() (cost.Bill, error)
		item   string
		qty    string
		price  string
		amount string
	}{
		// 3,000,000 × $0.0000002 = $0.60
		{"lambda requests x86", lambda(now, cost.LambdaUsage{Requests: d("3000000"), DurationMS: d("100"), MemoryMB: 128}),
			"lambda requests (x86_64)", "3000000", "0.0000002", "0.6"},
		// free tier: (3,000,000 − 1,000,000) × $0.0000002 = $0.40
		{"lambda requests arm64 after the free tier", lambda(now, cost.LambdaUsage{Requests: d("3000000"), DurationMS: d("100"), MemoryMB: 128, Arch: cost.ARM64, FreeTier: true}),
			"lambda requests (arm64)", "2000000", "0.0000002", "0.4"},
		// 2017-12 (one tier, 100 ms): 3M × 1 s × 0.5 GB = 1,500,000 GB-s − 400,000
		// free = 1,100,000 × $0.00001667 = $18.337
		{"lambda duration 2017", lambda(old, cost.LambdaUsage{Requests: d("3000000"), DurationMS: d("1000"), MemoryMB: 512, FreeTier: true}),
			"lambda duration (x86_64)", "1100000", "0.00001667", "18.337"},
		// 1M × 1 s × 1 GB = 1,000,000 GB-s × $0.0000166667 = $16.6667
		{"lambda duration x86 tier 1", lambda(now, cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("1000"), MemoryMB: 1024}),
			"lambda duration (x86_64, tier 1)", "1000000", "0.0000166667", "16.6667"},
		// prior 5.9e9: (6e9 − 5.9e9) in tier 1, then 1e8 × $0.000015 = $1,500
		{"lambda duration x86 tier 2", lambda(now, tiered(cost.X86, "5900000000")),
			"lambda duration (x86_64, tier 2)", "100000000", "0.000015", "1500"},
		// prior 14.9e9: 1e8 in tier 2, then 1e8 × $0.0000133334 = $1,333.34
		{"lambda duration x86 tier 3", lambda(now, tiered(cost.X86, "14900000000")),
			"lambda duration (x86_64, tier 3)", "100000000", "0.0000133334", "1333.34"},
		// prior 7.4e9: (7.5e9 − 7.4e9) × $0.0000133334 = $1,333.34
		{"lambda duration arm64 tier 1", lambda(now, tiered(cost.ARM64, "7400000000")),
			"lambda duration (arm64, tier 1)", "100000000", "0.0000133334", "1333.34"},
		// … and the other 1e8 × $0.0000120001 = $1,200.01
		{"lambda duration arm64 tier 2", lambda(now, tiered(cost.ARM64, "7400000000")),
			"lambda duration (arm64, tier 2)", "100000000", "0.0000120001", "1200.01"},
		// prior 18.65e9: 1e8 in tier 2, then 1e8 × $0.0000106667 = $1,066.67
		{"lambda duration arm64 tier 3", lambda(now, tiered(cost.ARM64, "18650000000")),
			"lambda duration (arm64, tier 3)", "100000000", "0.0000106667", "1066.67"},
		// (10,240 − 512) MB = 9.5 GB × 0.1 s × 1M = 950,000 GB-s × $0.0000000309
		// = $0.029355; storage is not multiplied by the 2,048 MB of memory
		{"lambda ephemeral storage x86", lambda(now, cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("100"), MemoryMB: 2048, EphemeralStorageMB: 10240}),
			"lambda ephemeral storage (x86_64)", "950000", "0.0000000309", "0.029355"},
		// (2,048 − 512) MB = 1.5 GB × 1 s × 2M = 3,000,000 GB-s × $0.0000000309 = $0.0927
		{"lambda ephemeral storage arm64", lambda(now, cost.LambdaUsage{Requests: d("2000000"), DurationMS: d("1000"), MemoryMB: 128, Arch: cost.ARM64, EphemeralStorageMB: 2048}),
			"lambda ephemeral storage (arm64)", "3000000", "0.0000000309", "0.0927"},
		// The page's provisioned-concurrency example 1: 1,000 × 1 GB × 7,200 s
		// = 7,200,000 GB-s × $0.0000041667 = $30.00024
		{"lambda provisioned concurrency x86", lambda(now, cost.LambdaUsage{Requests: d("1200000"), DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 1000, ProvisionedHours: d("2")}),
			"lambda provisioned concurrency (x86_64)", "7200000", "0.0000041667", "30.00024"},
		// … 1.2M × 1 s × 1 GB = 1,200,000 GB-s × $0.0000097222 = $11.66664
		{"lambda provisioned duration x86", lambda(now, cost.LambdaUsage{Requests: d("1200000"), DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 1000, ProvisionedHours: d("2")}),
			"lambda provisioned duration (x86_64)", "1200000", "0.0000097222", "11.66664"},
		// 100 × 2 GB × 3,600 s = 720,000 GB-s × $0.0000033334 = $2.400048
		{"lambda provisioned concurrency arm64", lambda(now, cost.LambdaUsage{Requests: d("100000"), DurationMS: d("500"), MemoryMB: 2048, Arch: cost.ARM64, ProvisionedConcurrency: 100, ProvisionedHours: d("1")}),
			"lambda provisioned concurrency (arm64)", "720000", "0.0000033334", "2.400048"},
		// capacity 100 × 3,600 s / 0.5 s = 720,000 ≥ 100,000 invocations, all
		// warm: 100,000 × 0.5 s × 2 GB = 100,000 GB-s × $0.0000077778 = $0.77778
		{"lambda provisioned duration arm64", lambda(now, cost.LambdaUsage{Requests: d("100000"), DurationMS: d("500"), MemoryMB: 2048, Arch: cost.ARM64, ProvisionedConcurrency: 100, ProvisionedHours: d("1")}),
			"lambda provisioned duration (arm64)", "100000", "0.0000077778", "0.77778"},

		// Fargate page Example 1: 5 tasks × 600 s × 30 days = 90,000 task-seconds
		// of 1 vCPU, 2 GB, 30 GB storage (10 GB billable). vCPU and memory at
		// the hourly rates (item 19): 90,000 vCPU-s = 25 vCPU-h × $0.04048 =
		// $1.012 (the page's 90,000 × $0.000011244 = $1.01196: $1.01 either way)
		{"fargate vcpu linux x86", fargate(cost.FargateUsage{Tasks: 150, Seconds: d("600"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30}),
			"fargate vcpu (linux/x86_64)", "25", "0.04048", "1.012"},
		// 180,000 GB-s = 50 GB-h × $0.004445 = $0.22225 (page: $0.2223; $0.22)
		{"fargate memory linux x86", fargate(cost.FargateUsage{Tasks: 150, Seconds: d("600"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30}),
			"fargate memory (linux/x86_64)", "50", "0.004445", "0.22225"},
		// Issue 15's month: 5 tasks × 2 GB × 730 h = 7,300 GB-h × $0.004445 =
		// $32.4485, billed $32.45 (the page's 26,280,000 GB-s × $0.000001235
		// = $32.4558 would be $32.46)
		{"fargate memory linux x86 month", fargate(cost.FargateUsage{Tasks: 5, VCPU: d("1"), MemoryMB: 2048}),
			"fargate memory (linux/x86_64)", "7300", "0.004445", "32.4485"},
		// Not a whole hour: 1 task × 60 s × 1 vCPU = 60 × $0.04048 ÷ 3,600
		// = 2.4288 ÷ 3,600 = $0.000674666…, rounded at 18 places; the
		// quantity 60 ÷ 3,600 = 0.01666… h likewise
		{"fargate vcpu linux x86 minute", fargate(cost.FargateUsage{Tasks: 1, Seconds: d("60"), VCPU: d("1"), MemoryMB: 2048}),
			"fargate vcpu (linux/x86_64)", "0.016666666666666667", "0.04048", "0.000674666666666667"},
		// 10 GB over the free 20 × 150 tasks × 600 s = 250 GB-h × $0.000111
		// (ecs.json "Storage per GB-Hours", the rate billed) = $0.02775; the
		// page's 900,000 GB-s × $0.0000000308 = $0.02772; $0.03 either way
		{"fargate ephemeral storage linux x86", fargate(cost.FargateUsage{Tasks: 150, Seconds: d("600"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30}),
			"fargate ephemeral storage (linux/x86_64)", "250", "0.000111", "0.02775"},
		// Example 2, Linux/ARM, same usage: 25 vCPU-h × $0.03238 = $0.8095
		// (page: 90,000 × $0.0000089944 = $0.809496; $0.81 either way)
		{"fargate vcpu linux arm64", fargate(cost.FargateUsage{Platform: cost.FargateLinuxARM64, Tasks: 150, Seconds: d("600"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30}),
			"fargate vcpu (linux/arm64)", "25", "0.03238", "0.8095"},
		// 50 GB-h × $0.00356 = $0.178 (page: 180,000 × $0.0000009889 = $0.178002)
		{"fargate memory linux arm64", fargate(cost.FargateUsage{Platform: cost.FargateLinuxARM64, Tasks: 150, Seconds: d("600"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30}),
			"fargate memory (linux/arm64)", "50", "0.00356", "0.178"},
		// 250 GB-h × $0.000111 = $0.02775, the same rate as x86
		{"fargate ephemeral storage linux arm64", fargate(cost.FargateUsage{Platform: cost.FargateLinuxARM64, Tasks: 150, Seconds: d("600"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30}),
			"fargate ephemeral storage (linux/arm64)", "250", "0.000111", "0.02775"},
		// Example 4's usage, Windows at AWS's rate table (ecs.json): 10 tasks
		// × 3,600 s × 30 days = 300 vCPU-h of 1 vCPU, 2 GB: 300 × $0.046552
		// = $13.9656 (the page's per-second figure gave $27.450036)
		{"fargate vcpu windows", fargate(cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 300, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048}),
			"fargate vcpu (windows/x86_64)", "300", "0.046552", "13.9656"},
		// 600 GB-h × $0.00511175 = $3.06705 (page: $6.000048)
		{"fargate memory windows", fargate(cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 300, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048}),
			"fargate memory (windows/x86_64)", "600", "0.00511175", "3.06705"},
		// 300 vCPU-h × $0.046 = $13.80 (page: 1,080,000 × $0.0000127778 = $13.800024)
		{"fargate os licence windows", fargate(cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 300, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048}),
			"fargate os licence (windows/x86_64)", "300", "0.046", "13.8"},
		// Spot as a 70 % discount: 3,600 vCPU-s = 1 vCPU-h × 0.04048 × 0.3
		// = 1 × $0.012144 = $0.012144
		{"fargate vcpu linux x86 spot", fargate(cost.FargateUsage{Tasks: 1, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048, Spot: true, Discount: d("0.7")}),
			"fargate vcpu (linux/x86_64, spot)", "1", "0.012144", "0.012144"},
		// 7,200 GB-s = 2 GB-h × 0.004445 × 0.3 = 2 × $0.0013335 = $0.002667
		{"fargate memory linux x86 spot", fargate(cost.FargateUsage{Tasks: 1, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048, Spot: true, Discount: d("0.7")}),
			"fargate memory (linux/x86_64, spot)", "2", "0.0013335", "0.002667"},
		// 1 vCPU-h × 0.03238 × 0.3 = 1 × $0.009714 = $0.009714
		{"fargate vcpu linux arm64 spot", fargate(cost.FargateUsage{Platform: cost.FargateLinuxARM64, Tasks: 1, Seconds: d("3600"), VCPU: d("1"), MemoryMB: 2048, Spot: true, Discount: d("0.7")}),
			"fargate vcpu (linux/arm64, spot)", "1", "0.009714", "0.009714"},

		// 730 h × $0.10 = $73
		{"eks standard", controlPlane(cost.ControlPlane{Platform: "eks"}),
			"eks control plane (standard support)", "730", "0.10", "73"},
		// 2 clusters × 100 h × $0.60 (in total, not 0.10 + 0.60) = $120
		{"eks extended", controlPlane(cost.ControlPlane{Platform: "eks", Support: cost.EKSExtended, Clusters: 2, Hours: d("100")}),
			"eks control plane (extended support)", "200", "0.60", "120"},
		// ECS bills nothing, and says so: 730 h × $0
		{"ecs control plane", controlPlane(cost.ControlPlane{Platform: "ecs-fargate"}),
			"ecs control plane", "730", "0", "0"},
		// 3 managers × 100 h (the control plane's hours) × $0.096 = $28.80
		{"kubernetes managers", controlPlane(cost.ControlPlane{Platform: "kubernetes", Hours: d("100"), Managers: cost.EC2Usage{InstanceType: "m5.large", Count: 3}}),
			"kubernetes managers (m5.large)", "300", "0.096", "28.8"},
		// 2 × 730 h × $0.0832 = $121.472
		{"ec2 t3.large", ec2(cost.EC2Usage{InstanceType: "t3.large", Count: 2}),
			"ec2 t3.large", "1460", "0.0832", "121.472"},
		// 730 h × $0.1632 = $119.136
		{"ec2 m7g.xlarge", ec2(cost.EC2Usage{InstanceType: "m7g.xlarge", Count: 1}),
			"ec2 m7g.xlarge", "730", "0.1632", "119.136"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.bill()
			require.NoError(t, err)
			l := findLine(t, b, tc.item)
			assert.True(t, d(tc.qty).Equal(l.Quantity), "%s: %q quantity = %s, want %s", tc.name, tc.item, l.Quantity, tc.qty)
			assert.True(t, d(tc.price).Equal(l.UnitPrice), "%s: %q unit price = %s, want %s", tc.name, tc.item, l.UnitPrice, tc.price)
			assert.True(t, d(tc.amount).Equal(l.Amount), "%s: %q amount = %s, want %s", tc.name, tc.item, l.Amount, tc.amount)
		})
	}
}

// The whole bill of a tiered month, so that no line is added or lost:
// prior 14.9e9 GB-s and 2e8 more at x86 prices.
func TestLambdaTier3WholeBill(t *testing.T) {
	b, err := cost.Lambda(embedded(t, platform.Snapshot2026), cost.LambdaUsage{
		Requests: d("200000000"), DurationMS: d("1000"), MemoryMB: 1024, PriorGBSeconds: d("14900000000"),
	})
	require.NoError(t, err)
	// requests 2e8 × 0.0000002 = 40; tier 1 is used up by the prior usage, so
	// it shows as a zero line; tier 2 1e8 × 0.000015 = 1,500; tier 3
	// 1e8 × 0.0000133334 = 1,333.34; total 2,873.34.
	want := []struct{ item, amount string }{
		{"lambda requests (x86_64)", "40"},
		{"lambda duration (x86_64, tier 1)", "0"},
		{"lambda duration (x86_64, tier 2)", "1500"},
		{"lambda duration (x86_64, tier 3)", "1333.34"},
	}
	require.Len(t, b.Lines, len(want), "Lambda(tier 3 month) =\n%s", b)
	for i, w := range want {
		assert.Equal(t, w.item, b.Lines[i].Item)
		assert.True(t, d(w.amount).Equal(b.Lines[i].Amount), "Lambda(tier 3 month) %q = %s, want %s", w.item, b.Lines[i].Amount, w.amount)
	}
	assert.Equal(t, "2873.34", b.Total().StringFixed(2))
}

// A discount (Savings Plan, Spot) is taken off compute, never off the
// Windows licence: the licence is billed at $0.046 per vCPU-hour (ecs.json
// "perCPU OS License Fee per hour Windows") whatever the discount.
func TestDiscountNeverAppliesToWindowsLicence(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	for _, disc := range []string{"0", "0.28", "0.5", "0.999", "1"} {
		t.Run(disc, func(t *testing.T) {
			b, err := cost.Fargate(c, cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 1, Seconds: d("3600"), VCPU: d("2"), MemoryMB: 4096, Discount: d(disc)})
			require.NoError(t, err)
			lic := findLine(t, b, "fargate os licence (windows/x86_64)")
			// 1 task × 1 h × 2 vCPU = 2 vCPU-h × $0.046 = $0.092
			assert.True(t, d("0.046").Equal(lic.UnitPrice), "Fargate(windows, discount %s) licence price = %s, want 0.046", disc, lic.UnitPrice)
			assert.True(t, d("0.092").Equal(lic.Amount), "Fargate(windows, discount %s) licence = %s, want 0.092", disc, lic.Amount)
			// Compute is discounted: 0.046552 × (1 − discount).
			vcpu := findLine(t, b, "fargate vcpu (windows/x86_64)")
			want := d("0.046552").Mul(decimal.NewFromInt(1).Sub(d(disc)))
			assert.True(t, want.Equal(vcpu.UnitPrice), "Fargate(windows, discount %s) vCPU price = %s, want %s", disc, vcpu.UnitPrice, want)
			mem := findLine(t, b, "fargate memory (windows/x86_64)")
			want = d("0.00511175").Mul(decimal.NewFromInt(1).Sub(d(disc)))
			assert.True(t, want.Equal(mem.UnitPrice), "Fargate(windows, discount %s) memory price = %s, want %s", disc, mem.UnitPrice, want)
		})
	}
}
