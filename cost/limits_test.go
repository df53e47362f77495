package cost_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// TestLambdaMemoryLimits prices a function at exactly the smallest and the
// largest memory of each snapshot and refuses one step outside:
// 128..10,240 MB in 1 MB steps now
// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html),
// 128..3,008 MB in 64 MB steps in 2017-12 (https://aws.amazon.com/lambda/pricing/,
// 2017-2020 page). 1M invocations of 100 ms each time.
func TestLambdaMemoryLimits(t *testing.T) {
	tests := []struct {
		snapshot platform.SnapshotID
		memoryMB int
		gbs      string // duration quantity; "" = refused
		amount   string
	}{
		// 128/1024 GB × 0.1 s × 1M = 12,500 GB-s × $0.0000166667 = $0.20833375
		{platform.Snapshot2026, 128, "12500", "0.20833375"},
		// 10,240/1024 GB × 0.1 s × 1M = 1,000,000 GB-s × $0.0000166667 = $16.6667
		{platform.Snapshot2026, 10240, "1000000", "16.6667"},
		{platform.Snapshot2026, 127, "", ""},
		{platform.Snapshot2026, 10241, "", ""},
		// 12,500 GB-s × $0.00001667 = $0.208375
		{platform.Snapshot2017, 128, "12500", "0.208375"},
		// 3,008/1024 GB × 0.1 s × 1M = 293,750 GB-s × $0.00001667 = $4.8968125
		{platform.Snapshot2017, 3008, "293750", "4.8968125"},
		{platform.Snapshot2017, 64, "", ""},   // one 64 MB step below
		{platform.Snapshot2017, 3072, "", ""}, // one 64 MB step above
		{platform.Snapshot2017, 3009, "", ""}, // above, off the grid
		{platform.Snapshot2017, 3007, "", ""}, // inside, off the grid
		{platform.Snapshot2017, 129, "", ""},  // inside, off the grid
		{platform.Snapshot2017, 0, "", ""},    // the zero value is not a default
		{platform.Snapshot2026, -128, "", ""}, // negative
		// the last size below the maximum: 2,944/1024 GB × 0.1 s × 1M
		// = 287,500 GB-s × $0.00001667 = $4.792625
		{platform.Snapshot2017, 2944, "287500", "4.792625"},
	}
	for _, tc := range tests {
		t.Run(tc.snapshot.String()+"/"+strconv.Itoa(tc.memoryMB), func(t *testing.T) {
			c := embedded(t, tc.snapshot)
			u := cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("100"), MemoryMB: tc.memoryMB}
			b, err := cost.Lambda(c, u)
			_, cerr := cost.LambdaCurve(c, u)
			if tc.amount == "" {
				var fe *cost.FieldError
				require.True(t, errors.As(err, &fe), "Lambda(%s, %d MB) = %v, want a memory_mb error", tc.snapshot, tc.memoryMB, err)
				assert.Equal(t, "lambda.memory_mb", fe.Field)
				assert.Equal(t, strconv.Itoa(tc.memoryMB), fe.Value)
				assert.Error(t, cerr, "LambdaCurve(%s, %d MB)", tc.snapshot, tc.memoryMB)
				return
			}
			require.NoError(t, err, "Lambda(%s, %d MB)", tc.snapshot, tc.memoryMB)
			require.NoError(t, cerr, "LambdaCurve(%s, %d MB)", tc.snapshot, tc.memoryMB)
			l := b.Lines[1]
			assert.True(t, d(tc.gbs).Equal(l.Quantity), "Lambda(%s, %d MB) %s = %s GB-s, want %s", tc.snapshot, tc.memoryMB, l.Item, l.Quantity, tc.gbs)
			assert.True(t, d(tc.amount).Equal(l.Amount), "Lambda(%s, %d MB) %s = %s, want %s", tc.snapshot, tc.memoryMB, l.Item, l.Amount, tc.amount)
		})
	}
}

// TestLambdaEphemeralStorageLimits: 512 MB free up to 10,240 MB
// (https://aws.amazon.com/lambda/pricing/), configurable only in 2026-11.
// 1M invocations of 1 s at 128 MB.
func TestLambdaEphemeralStorageLimits(t *testing.T) {
	tests := []struct {
		snapshot  platform.SnapshotID
		storageMB int
		amount    string // of the storage line; "none" = no line; "" = refused
	}{
		{platform.Snapshot2026, 0, "none"},   // the default: the free 512 MB
		{platform.Snapshot2026, 512, "none"}, // the minimum is the free size
		// 1 MB = 1/1024 GB × 1 s × 1M = 976.5625 GB-s × $0.0000000309
		// = $0.00003017578125
		{platform.Snapshot2026, 513, "0.00003017578125"},
		// (10,240 − 512)/1024 = 9.5 GB × 1 s × 1M = 9,500,000 GB-s
		// × $0.0000000309 = $0.29355
		{platform.Snapshot2026, 10240, "0.29355"},
		{platform.Snapshot2026, 511, ""},
		{platform.Snapshot2026, 1, ""},
		{platform.Snapshot2026, 10241, ""},
		{platform.Snapshot2026, -1, ""},
		{platform.Snapshot2017, 512, ""}, // not configurable then
		{platform.Snapshot2017, 0, "none"},
	}
	for _, tc := range tests {
		t.Run(tc.snapshot.String()+"/"+strconv.Itoa(tc.storageMB), func(t *testing.T) {
			c := embedded(t, tc.snapshot)
			u := cost.LambdaUsage{Requests: d("1000000"), DurationMS: d("1000"), MemoryMB: 128, EphemeralStorageMB: tc.storageMB}
			b, err := cost.Lambda(c, u)
			if tc.amount == "" {
				var fe *cost.FieldError
				require.True(t, errors.As(err, &fe), "Lambda(%s, storage %d MB) = %v, want an ephemeral_storage_mb error", tc.snapshot, tc.storageMB, err)
				assert.Equal(t, "lambda.ephemeral_storage_mb", fe.Field)
				assert.Equal(t, strconv.Itoa(tc.storageMB), fe.Value)
				return
			}
			require.NoError(t, err)
			for _, l := range b.Lines {
				if l.Item != "lambda ephemeral storage (x86_64)" {
					continue
				}
				assert.NotEqual(t, "none", tc.amount, "Lambda(%s, storage %d MB) bills storage: %s", tc.snapshot, tc.storageMB, l.Amount)
				assert.True(t, d(tc.amount).Equal(l.Amount), "Lambda(%s, storage %d MB) storage = %s, want %s", tc.snapshot, tc.storageMB, l.Amount, tc.amount)
				return
			}
			assert.Equal(t, "none", tc.amount, "Lambda(%s, storage %d MB) has no storage line", tc.snapshot, tc.storageMB)
		})
	}
}

// TestFargateTaskSizeLimits prices the smallest and the largest Fargate task
// (0.25 vCPU / 0.5 GB and 32 vCPU / 244 GB, https://aws.amazon.com/fargate/pricing/
// "Supported Configurations") for a month, and refuses anything beyond.
func TestFargateTaskSizeLimits(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name     string
		vcpu     string
		memoryMB int
		monthly  string // "" = refused
	}{
		// At the hourly rates: 730 h × (0.25 × 0.04048 + 0.5 × 0.004445)
		// = 7.3876 + 1.622425 = $9.010025 (the page's per-second figures
		// gave $9.010098)
		{"smallest", "0.25", 512, "9.010025"},
		// a request below the smallest size is billed as the smallest
		{"below the smallest", "0.01", 1, "9.010025"},
		// 730 h × (32 × 0.04048 + 244 × 0.004445)
		// = 945.5328 + 791.8234 = $1,737.3562 (per-second figures: $1,737.496944)
		{"largest", "32", 244 * 1024, "1737.3562"},
		{"1 MB above the largest", "32", 244*1024 + 1, ""},
		{"above 32 vCPU", "32.01", 1024, ""},
		{"zero vCPU", "0", 1024, ""},
		{"zero memory", "1", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cost.FargateMonthly(c, cost.FargateUsage{VCPU: d(tc.vcpu), MemoryMB: tc.memoryMB})
			if tc.monthly == "" {
				var fe *cost.FieldError
				assert.True(t, errors.As(err, &fe), "FargateMonthly(%s vCPU, %d MB) = %s, %v, want a field error", tc.vcpu, tc.memoryMB, got, err)
				return
			}
			require.NoError(t, err)
			assert.True(t, d(tc.monthly).Equal(got), "FargateMonthly(%s vCPU, %d MB) = %s, want %s", tc.vcpu, tc.memoryMB, got, tc.monthly)
		})
	}
}

// TestFargateEdges: the included 20 GB of storage and the per-platform
// minimum (60 s Linux, 300 s Windows, https://aws.amazon.com/fargate/pricing/
// "Duration"), one task of 1 vCPU / 2 GB.
func TestFargateEdges(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		name     string
		usage    cost.FargateUsage
		seconds  string // billed vCPU-seconds; "" = refused
		storageG string // billed storage GB-seconds; "" = no storage line
	}{
		{"storage: the included 20 GB", cost.FargateUsage{Seconds: d("100"), EphemeralStorageGB: 20}, "100", ""},
		// 1 GB above 20 × 100 s = 100 GB-s
		{"storage: 21 GB", cost.FargateUsage{Seconds: d("100"), EphemeralStorageGB: 21}, "100", "100"},
		{"storage: 19 GB", cost.FargateUsage{Seconds: d("100"), EphemeralStorageGB: 19}, "", ""},
		{"storage: negative", cost.FargateUsage{Seconds: d("100"), EphemeralStorageGB: -1}, "", ""},
		{"linux: 0.5 s is a minute", cost.FargateUsage{Seconds: d("0.5")}, "60", ""},
		{"linux: 59 s is a minute", cost.FargateUsage{Seconds: d("59")}, "60", ""},
		{"linux: 60 s", cost.FargateUsage{Seconds: d("60")}, "60", ""},
		{"linux: 60.2 s rounds up", cost.FargateUsage{Seconds: d("60.2")}, "61", ""},
		{"windows: 299 s is five minutes", cost.FargateUsage{Platform: cost.FargateWindows, Seconds: d("299")}, "300", ""},
		{"windows: 301 s", cost.FargateUsage{Platform: cost.FargateWindows, Seconds: d("301")}, "301", ""},
		{"zero seconds is the month", cost.FargateUsage{}, "2628000", ""},
		{"negative seconds", cost.FargateUsage{Seconds: d("-1")}, "", ""},
		{"discount 1 is free compute", cost.FargateUsage{Seconds: d("60"), Discount: d("1")}, "60", ""},
		{"discount above 1", cost.FargateUsage{Seconds: d("60"), Discount: d("1.0001")}, "", ""},
		{"negative discount", cost.FargateUsage{Seconds: d("60"), Discount: d("-0.0001")}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.usage
			u.Tasks, u.VCPU, u.MemoryMB = 1, d("1"), 2048
			b, err := cost.Fargate(c, u)
			if tc.seconds == "" {
				var fe *cost.FieldError
				assert.True(t, errors.As(err, &fe), "Fargate(%s) = %v, want a field error", tc.name, err)
				return
			}
			require.NoError(t, err)
			// Linux bills vCPU-hours at the hourly rate, counted in seconds:
			// the line's quantity is the seconds ÷ 3,600 (at 18 places).
			want := d(tc.seconds)
			if b.Lines[0].Unit == "vCPU-hour" {
				want = want.DivRound(d("3600"), 18)
			} else {
				assert.Equal(t, "vCPU-second", b.Lines[0].Unit, "Fargate(%s) vCPU unit", tc.name)
			}
			assert.True(t, want.Equal(b.Lines[0].Quantity), "Fargate(%s) vCPU %ss = %s, want %s (%s s)", tc.name, b.Lines[0].Unit, b.Lines[0].Quantity, want, tc.seconds)
			var storage *cost.Line
			storageQty := d("1")
			for i := range b.Lines {
				if strings.HasPrefix(b.Lines[i].Item, "fargate ephemeral") {
					storage = &b.Lines[i]
					if storage.Unit == "GB-hour" { // billed per hour, counted in seconds
						storageQty = d("3600")
					}
				}
			}
			if tc.storageG == "" {
				assert.Nil(t, storage, "Fargate(%s) bills storage", tc.name)
				return
			}
			require.NotNil(t, storage, "Fargate(%s) has no storage line", tc.name)
			assert.True(t, d(tc.storageG).Equal(storage.Quantity.Mul(storageQty).Round(12)), "Fargate(%s) storage = %s %s, want %s GB-s", tc.name, storage.Quantity, storage.Unit, tc.storageG)
		})
	}
}

// TestEC2CountAndHourLimits: a fleet of zero is a zero line, not an error;
// a negative one is refused; per-second billing has a 60 s minimum
// (https://aws.amazon.com/about-aws/whats-new/2017/10/announcing-amazon-ec2-per-second-billing/).
func TestEC2CountAndHourLimits(t *testing.T) {
	for _, snapshot := range cost.Snapshots() {
		c := embedded(t, snapshot)
		tests := []struct {
			name  string
			usage cost.EC2Usage
			qty   string // instance-hours; "" = refused
		}{
			{"count 0", cost.EC2Usage{InstanceType: "m4.large", Count: 0}, "0"},
			{"count 1", cost.EC2Usage{InstanceType: "m4.large", Count: 1}, "730"},
			{"count -1", cost.EC2Usage{InstanceType: "m4.large", Count: -1}, ""},
			// 0.01 h = 36 s, billed as the 60 s minimum = 1/60 h, rounded up
			// at 18 places
			{"36 s is a minute", cost.EC2Usage{InstanceType: "m4.large", Count: 1, Hours: d("0.01")}, "0.016666666666666667"},
			// 0.02 h = 72 s, past the minimum: billed as run
			{"72 s", cost.EC2Usage{InstanceType: "m4.large", Count: 1, Hours: d("0.02")}, "0.02"},
			{"discount 1", cost.EC2Usage{InstanceType: "m4.large", Count: 1, Discount: d("1")}, "730"},
			{"discount above 1", cost.EC2Usage{InstanceType: "m4.large", Count: 1, Discount: d("1.01")}, ""},
			{"negative hours", cost.EC2Usage{InstanceType: "m4.large", Count: 1, Hours: d("-1")}, ""},
		}
		for _, tc := range tests {
			t.Run(snapshot.String()+"/"+tc.name, func(t *testing.T) {
				b, err := cost.EC2(c, tc.usage)
				if tc.qty == "" {
					var fe *cost.FieldError
					assert.True(t, errors.As(err, &fe), "EC2(%s) = %v, want a field error", tc.name, err)
					return
				}
				require.NoError(t, err)
				require.Len(t, b.Lines, 1)
				assert.True(t, d(tc.qty).Equal(b.Lines[0].Quantity), "EC2(%s) quantity = %s, want %s", tc.name, b.Lines[0].Quantity, tc.qty)
				if tc.qty == "0" {
					assert.True(t, b.Total().IsZero(), "EC2(%s).Total() = %s, want 0", tc.name, b.Total())
				}
			})
		}
	}
}
