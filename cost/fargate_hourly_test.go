package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// TestFargateWhichRate (issue 15 item 19): Linux vCPU, memory and
// ephemeral storage are billed at the hourly rates, counted in seconds;
// so are Windows and its licence, at AWS's rate table (issue 25, item 1).
// The lines say which.
func TestFargateWhichRate(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name  string
		usage cost.FargateUsage
		units map[string]string // item → unit
	}{
		{"linux x86", cost.FargateUsage{Tasks: 1, Seconds: d("61"), VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 21},
			map[string]string{"fargate vcpu (linux/x86_64)": "vCPU-hour", "fargate memory (linux/x86_64)": "GB-hour", "fargate ephemeral storage (linux/x86_64)": "GB-hour"}},
		{"linux arm64", cost.FargateUsage{Platform: cost.FargateLinuxARM64, Tasks: 1, Seconds: d("61"), VCPU: d("1"), MemoryMB: 2048},
			map[string]string{"fargate vcpu (linux/arm64)": "vCPU-hour", "fargate memory (linux/arm64)": "GB-hour"}},
		{"windows", cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 1, Seconds: d("301"), VCPU: d("1"), MemoryMB: 2048},
			map[string]string{"fargate vcpu (windows/x86_64)": "vCPU-hour", "fargate memory (windows/x86_64)": "GB-hour", "fargate os licence (windows/x86_64)": "vCPU-hour"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.Fargate(c, tc.usage)
			require.NoError(t, err)
			require.Len(t, b.Lines, len(tc.units), "%s", b)
			for item, unit := range tc.units {
				assert.Equal(t, unit, findLine(t, b, item).Unit, "%s: %s", tc.name, item)
			}
		})
	}
	// The 2017-12 catalogue gives the launch prices per hour too (the
	// rates the 2019 cut was stated against), billed the same way.
	old := embedded(t, platform.Snapshot2017)
	b, err := cost.Fargate(old, cost.FargateUsage{Tasks: 1, Seconds: d("60"), VCPU: d("1"), MemoryMB: 2048})
	require.NoError(t, err)
	assert.Equal(t, "vCPU-hour", b.Lines[0].Unit)
	assert.True(t, d("0.0506").Equal(b.Lines[0].UnitPrice), "2017 vCPU rate %s", b.Lines[0].UnitPrice)
}

// TestFargateHourlyBill: the amounts are task-seconds × hourly rate ÷ 3,600,
// the product first, and the tariff's meters are the bill's, whole hours
// or not.
func TestFargateHourlyBill(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name             string
		usage            cost.FargateUsage
		vcpuQty, vcpuAmt string
		memQty, memAmt   string
	}{
		// 5 tasks × 730 h of 1 vCPU / 2 GB: 3,650 vCPU-h × 0.04048 =
		// $147.752; 7,300 GB-h × 0.004445 = $32.4485 → $32.45 (the page's
		// per-second figure, 26,280,000 GB-s × 0.000001235 = $32.4558,
		// would print $32.46: the cent of issue 15)
		{"a month", cost.FargateUsage{Tasks: 5, VCPU: d("1"), MemoryMB: 2048},
			"3650", "147.752", "7300", "32.4485"},
		// 1 task × 90 s of 0.5 vCPU / 1 GB: 45 vCPU-s = 0.0125 vCPU-h ×
		// 0.04048 = $0.000506; 90 GB-s = 0.025 GB-h × 0.004445 =
		// $0.000111125, exact (a whole number of 1/80 hours)
		{"90 s", cost.FargateUsage{Tasks: 1, Seconds: d("90"), VCPU: d("0.5"), MemoryMB: 1024},
			"0.0125", "0.000506", "0.025", "0.000111125"},
		// 1 task × 61 s of 1 vCPU / 2 GB: 61 × 0.04048 ÷ 3,600 =
		// 2.46928 ÷ 3,600 = 0.000685911… ; 122 × 0.004445 ÷ 3,600 =
		// 0.54229 ÷ 3,600 = 0.000150636…, half up at 18 places
		{"61 s", cost.FargateUsage{Tasks: 1, Seconds: d("61"), VCPU: d("1"), MemoryMB: 2048},
			"0.016944444444444444", "0.000685911111111111", "0.033888888888888889", "0.000150636111111111"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.Fargate(c, tc.usage)
			require.NoError(t, err)
			v, m := findLine(t, b, "fargate vcpu (linux/x86_64)"), findLine(t, b, "fargate memory (linux/x86_64)")
			assert.True(t, d(tc.vcpuQty).Equal(v.Quantity) && d(tc.vcpuAmt).Equal(v.Amount), "vCPU %s × %s = %s, want %s = %s", v.Quantity, v.UnitPrice, v.Amount, tc.vcpuQty, tc.vcpuAmt)
			assert.True(t, d(tc.memQty).Equal(m.Quantity) && d(tc.memAmt).Equal(m.Amount), "memory %s × %s = %s, want %s = %s", m.Quantity, m.UnitPrice, m.Amount, tc.memQty, tc.memAmt)

			// The tariff's meters price the same seconds identically.
			tr, err := cost.FargateTariff(c, tc.usage)
			require.NoError(t, err)
			secs := tc.usage.Seconds
			if secs.IsZero() {
				secs = d("2628000")
			}
			x := secs.Mul(decimal.NewFromInt(int64(tc.usage.Tasks)))
			sameLines(t, tc.name, tr.Bill(x).Lines, b.Lines)
			assert.True(t, tr.Total(x).Equal(b.Total()), "%s: tariff %s, bill %s", tc.name, tr.Total(x), b.Total())
		})
	}
	month, err := cost.Fargate(c, tests[0].usage)
	require.NoError(t, err)
	assert.Equal(t, "32.45", findLine(t, month, "fargate memory (linux/x86_64)").Rounded().StringFixed(2))
}

// TestFargateHourlyMatchesPage: the page's per-second figures are the
// catalogued hourly rates ÷ 3,600, rounded to the places the page prints,
// so the two figures are one price.
func TestFargateHourlyMatchesPage(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	for name, r := range map[string]*cost.FargateRates{"linux_x86": c.Fargate.LinuxX86, "linux_arm64": c.Fargate.LinuxARM64} {
		require.NotNil(t, r.VCPUHour, name)
		require.NotNil(t, r.GBHour, name)
		for _, p := range [][2]decimal.Decimal{{r.VCPUHour.Value, r.VCPUSecond.Value}, {r.GBHour.Value, r.GBSecond.Value}} {
			got := p[0].DivRound(d("3600"), -p[1].Exponent())
			assert.True(t, got.Equal(p[1]), "%s: %s / 3600 = %s at the page's places, page %s", name, p[0], got, p[1])
		}
	}
}
