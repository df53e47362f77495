package cost_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// TestFargate2017 (issue 25, item 3): the 2017-12 catalogue prices Fargate
// at its launch prices. The deck-2017 scenario's 35 tasks of 0.25 vCPU /
// 0.5 GB all month: 6,387.5 vCPU-h × 0.0506 = $323.2075 → $323.21 and
// 12,775 GB-h × 0.0127 = $162.2425 → $162.24, $485.45. Only the 2017 task
// sizes exist (up to 4 vCPU / 30 GB), and only Linux/x86.
func TestFargate2017(t *testing.T) {
	old := embedded(t, platform.Snapshot2017)
	tests := []struct {
		name    string
		usage   cost.FargateUsage
		lines   map[string]string
		total   string
		wantErr string // the field the error names
	}{
		{
			name:  "deck-2017 month",
			usage: cost.FargateUsage{Tasks: 35, VCPU: d("0.25"), MemoryMB: 512},
			lines: map[string]string{"fargate vcpu (linux/x86_64)": "323.21", "fargate memory (linux/x86_64)": "162.24"},
			total: "485.45",
		},
		{
			// The largest 2017 size: 4 vCPU / 30 GB for an hour,
			// 4 × 0.0506 = $0.2024 and 30 × 0.0127 = $0.381.
			name:  "largest 2017 size",
			usage: cost.FargateUsage{Tasks: 1, Seconds: d("3600"), VCPU: d("4"), MemoryMB: 30720},
			lines: map[string]string{"fargate vcpu (linux/x86_64)": "0.20", "fargate memory (linux/x86_64)": "0.38"},
			total: "0.58",
		},
		{
			// A 10 s task is billed the one-minute minimum: 60 s of 1 vCPU
			// / 2 GB = (0.0506 + 2 × 0.0127) / 60 = $0.0012666….
			name:  "one-minute minimum",
			usage: cost.FargateUsage{Tasks: 1, Seconds: d("10"), VCPU: d("1"), MemoryMB: 2048},
			lines: map[string]string{"fargate vcpu (linux/x86_64)": "0.00", "fargate memory (linux/x86_64)": "0.00"},
			total: "0.00",
		},
		{name: "8 vCPU arrived in 2022", usage: cost.FargateUsage{Tasks: 1, VCPU: d("8"), MemoryMB: 16384}, wantErr: "fargate.vcpu"},
		{name: "31 GB at 4 vCPU", usage: cost.FargateUsage{Tasks: 1, VCPU: d("4"), MemoryMB: 31744}, wantErr: "fargate.vcpu"},
		{name: "no Windows in 2017", usage: cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Platform: cost.FargateWindows}, wantErr: "fargate.platform"},
		{name: "storage not configurable", usage: cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 15}, wantErr: "fargate.ephemeral_storage_gb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.Fargate(old, tc.usage)
			if tc.wantErr != "" {
				var fe *cost.FieldError
				require.ErrorAs(t, err, &fe, "Fargate(2017, %s)", tc.name)
				assert.Equal(t, tc.wantErr, fe.Field)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.lines, lineAmounts(b), "Fargate(2017, %s)", tc.name)
			assert.Equal(t, tc.total, b.Rounded().StringFixed(2), "Fargate(2017, %s).Rounded()", tc.name)
		})
	}
	// The included 14 GB, asked for explicitly, is not billed.
	b, err := cost.Fargate(old, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 14})
	require.NoError(t, err)
	assert.Len(t, b.Lines, 2, "no storage line: %s", b)
}

// TestFargateLaunchPricesDerive: the 2017 prices are today's us-east-1
// rates before the cut of 2019-01-07 (20 % per vCPU, 65 % per GB), so the
// two catalogues must agree: 0.0506 × 0.80 = 0.04048 and 0.0127 × 0.35 =
// 0.004445. The ECS control plane is free in both.
func TestFargateLaunchPricesDerive(t *testing.T) {
	then, now := embedded(t, platform.Snapshot2017), embedded(t, platform.Snapshot2026)
	tests := []struct {
		name       string
		then, now  *cost.Figure
		keptAfter  string // the share of the price the cut left
		wantBefore string
	}{
		{name: "vcpu", then: then.Fargate.LinuxX86.VCPUHour, now: now.Fargate.LinuxX86.VCPUHour, keptAfter: "0.80", wantBefore: "0.0506"},
		{name: "memory", then: then.Fargate.LinuxX86.GBHour, now: now.Fargate.LinuxX86.GBHour, keptAfter: "0.35", wantBefore: "0.0127"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.NotNil(t, tc.then)
			require.NotNil(t, tc.now)
			assert.True(t, d(tc.wantBefore).Equal(tc.then.Value), "2017 %s rate %s, want %s", tc.name, tc.then.Value, tc.wantBefore)
			assert.True(t, tc.then.Value.Mul(d(tc.keptAfter)).Equal(tc.now.Value), "%s × %s = %s, want today's %s", tc.then.Value, tc.keptAfter, tc.then.Value.Mul(d(tc.keptAfter)), tc.now.Value)
			assert.Contains(t, tc.then.Note, "derived: ", "the note gives the derivation")
			assert.Equal(t, "https://github.com/aws/containers-roadmap/issues/94", string(tc.then.URL))
		})
	}
	b, err := cost.ControlPlaneBill(then, cost.ControlPlane{Platform: "ecs-fargate"})
	require.NoError(t, err)
	assert.True(t, b.Total().IsZero(), "ECS in 2017: %s", b)
}

// TestFargateDerivedPriceNote: a line priced by a derived figure carries
// the figure's note, so reports can show the derivation; a line priced as
// published carries none, and a discount keeps the note.
func TestFargateDerivedPriceNote(t *testing.T) {
	tests := []struct {
		name             string
		snapshot         platform.SnapshotID
		usage            cost.FargateUsage
		vcpuNote, gbNote string // prefixes; "" wants no note
	}{
		{name: "2017 launch prices", snapshot: platform.Snapshot2017, usage: cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048},
			vcpuNote: "derived: 0.04048 / (1 - 0.20) = 0.0506.", gbNote: "derived: 0.004445 / (1 - 0.65) = 0.0127."},
		{name: "2017 with a discount", snapshot: platform.Snapshot2017, usage: cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Discount: d("0.2")},
			vcpuNote: "derived: 0.04048 / (1 - 0.20) = 0.0506.", gbNote: "derived: 0.004445 / (1 - 0.65) = 0.0127."},
		{name: "2026 published prices", snapshot: platform.Snapshot2026, usage: cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048}},
		{name: "2026 windows", snapshot: platform.Snapshot2026, usage: cost.FargateUsage{Platform: cost.FargateWindows, Tasks: 1, VCPU: d("1"), MemoryMB: 2048}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.Fargate(embedded(t, tc.snapshot), tc.usage)
			require.NoError(t, err)
			for i, want := range []string{tc.vcpuNote, tc.gbNote} {
				got := b.Lines[i].Note
				if want == "" {
					assert.Empty(t, got, "%s line %q", tc.name, b.Lines[i].Item)
					continue
				}
				assert.True(t, len(got) >= len(want) && got[:len(want)] == want, "%s line %q note = %q, want it to start %q", tc.name, b.Lines[i].Item, got, want)
			}
			for _, l := range b.Lines[2:] {
				assert.Empty(t, l.Note, "%s line %q", tc.name, l.Item)
			}
		})
	}
}
