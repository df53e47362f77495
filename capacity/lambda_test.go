package capacity_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// Every ranged function setting at its minimum and maximum and one past, in
// both snapshots, from limits-ha.md §5a: 2017-12 (awsdocs limits.md of
// 2017-12-12) allowed 128–3,008 MB in 64 MB steps, 300 s, a fixed 512 MB
// /tmp, 6 MB sync and 128 KB async payloads, 50 MB zipped and 250 MB
// unzipped packages and no images; 2026-11 allows 128–10,240 MB in 1 MB
// steps, 900 s, 512–10,240 MB /tmp, 6 MB / 1 MB payloads, the same package
// sizes and 10 GB images.
func TestLambdaLimits(t *testing.T) {
	base := capacity.Workload{RequestsPerSecond: dec("10"), DurationMS: dec("100"), MemoryMB: 128}
	for _, tc := range []struct {
		name     string
		snapshot platform.SnapshotID
		w        func(*capacity.Workload)
		fn       capacity.Function
		want     capacity.Code // "" = no finding
	}{
		{"900 s ok", "2026-11", func(w *capacity.Workload) { w.MaxDurationS = 900 }, capacity.Function{}, ""},
		{"901 s", "2026-11", func(w *capacity.Workload) { w.MaxDurationS = 901 }, capacity.Function{}, capacity.MaxDuration},
		{"300 s ok 2017", "2017-12", func(w *capacity.Workload) { w.MaxDurationS = 300 }, capacity.Function{}, ""},
		{"301 s 2017", "2017-12", func(w *capacity.Workload) { w.MaxDurationS = 301 }, capacity.Function{}, capacity.MaxDuration},
		{"10240 MB ok", "2026-11", nil, capacity.Function{MemoryMB: 10240}, ""},
		{"10241 MB", "2026-11", nil, capacity.Function{MemoryMB: 10241}, capacity.MaxMemory},
		{"127 MB", "2026-11", nil, capacity.Function{MemoryMB: 127}, capacity.MinMemory},
		{"1 MB steps", "2026-11", nil, capacity.Function{MemoryMB: 129}, ""},
		{"3008 MB ok 2017", "2017-12", nil, capacity.Function{MemoryMB: 3008}, ""},
		{"3009 MB 2017", "2017-12", nil, capacity.Function{MemoryMB: 3009}, capacity.MaxMemory},
		{"192 MB on the 64 MB step 2017", "2017-12", nil, capacity.Function{MemoryMB: 192}, ""},
		{"200 MB off the 64 MB step 2017", "2017-12", nil, capacity.Function{MemoryMB: 200}, capacity.MemoryStep},
		{"workload memory used", "2017-12", func(w *capacity.Workload) { w.MemoryMB = 4096 }, capacity.Function{}, capacity.MaxMemory},
		{"sync 6144 KB ok", "2026-11", nil, capacity.Function{SyncPayloadKB: 6144}, ""},
		{"sync 6145 KB", "2026-11", nil, capacity.Function{SyncPayloadKB: 6145}, capacity.MaxPayload},
		{"async 1024 KB ok", "2026-11", nil, capacity.Function{AsyncPayloadKB: 1024}, ""},
		{"async 1025 KB", "2026-11", nil, capacity.Function{AsyncPayloadKB: 1025}, capacity.MaxPayload},
		{"async 128 KB ok 2017", "2017-12", nil, capacity.Function{AsyncPayloadKB: 128}, ""},
		{"async 129 KB 2017", "2017-12", nil, capacity.Function{AsyncPayloadKB: 129}, capacity.MaxPayload},
		{"zip 50 MB ok", "2026-11", nil, capacity.Function{PackageZippedMB: 50}, ""},
		{"zip 51 MB", "2026-11", nil, capacity.Function{PackageZippedMB: 51}, capacity.MaxPackageSize},
		{"unzipped 251 MB 2017", "2017-12", nil, capacity.Function{PackageUnzippedMB: 251}, capacity.MaxPackageSize},
		{"image 10240 MB ok", "2026-11", nil, capacity.Function{ImageMB: 10240}, ""},
		{"image 10241 MB", "2026-11", nil, capacity.Function{ImageMB: 10241}, capacity.MaxPackageSize},
		{"no images in 2017", "2017-12", nil, capacity.Function{ImageMB: 100}, capacity.MaxPackageSize},
		{"/tmp 10240 MB ok", "2026-11", nil, capacity.Function{EphemeralStorageMB: 10240}, ""},
		{"/tmp 10241 MB", "2026-11", nil, capacity.Function{EphemeralStorageMB: 10241}, capacity.MaxEphemeralStorage},
		{"/tmp 513 MB 2017", "2017-12", nil, capacity.Function{EphemeralStorageMB: 513}, capacity.MaxEphemeralStorage},

		{"1 s ok", "2026-11", func(w *capacity.Workload) { w.MaxDurationS = 1 }, capacity.Function{}, ""},
		{"128 MB ok", "2026-11", nil, capacity.Function{MemoryMB: 128}, ""},
		{"128 MB ok 2017", "2017-12", nil, capacity.Function{MemoryMB: 128}, ""},
		// Below the minimum is one finding, not a step finding as well.
		{"127 MB 2017", "2017-12", nil, capacity.Function{MemoryMB: 127}, capacity.MinMemory},
		{"10239 MB ok", "2026-11", nil, capacity.Function{MemoryMB: 10239}, ""},
		// 3,007 − 128 = 2,879 = 44 × 64 + 63.
		{"3007 MB off the 64 MB step 2017", "2017-12", nil, capacity.Function{MemoryMB: 3007}, capacity.MemoryStep},
		{"workload memory at the 2026 maximum", "2026-11", func(w *capacity.Workload) { w.MemoryMB = 10240 }, capacity.Function{}, ""},
		{"workload memory past the 2026 maximum", "2026-11", func(w *capacity.Workload) { w.MemoryMB = 10241 }, capacity.Function{}, capacity.MaxMemory},
		{"/tmp 512 MB ok", "2026-11", nil, capacity.Function{EphemeralStorageMB: 512}, ""},
		{"/tmp 512 MB ok 2017", "2017-12", nil, capacity.Function{EphemeralStorageMB: 512}, ""},
		{"/tmp 511 MB", "2026-11", nil, capacity.Function{EphemeralStorageMB: 511}, capacity.MaxEphemeralStorage},
		{"/tmp 511 MB 2017", "2017-12", nil, capacity.Function{EphemeralStorageMB: 511}, capacity.MaxEphemeralStorage},
		{"sync 6144 KB ok 2017", "2017-12", nil, capacity.Function{SyncPayloadKB: 6144}, ""},
		{"sync 6145 KB 2017", "2017-12", nil, capacity.Function{SyncPayloadKB: 6145}, capacity.MaxPayload},
		{"zip 50 MB ok 2017", "2017-12", nil, capacity.Function{PackageZippedMB: 50}, ""},
		{"zip 51 MB 2017", "2017-12", nil, capacity.Function{PackageZippedMB: 51}, capacity.MaxPackageSize},
		{"unzipped 250 MB ok", "2026-11", nil, capacity.Function{PackageUnzippedMB: 250}, ""},
		{"unzipped 251 MB", "2026-11", nil, capacity.Function{PackageUnzippedMB: 251}, capacity.MaxPackageSize},
		{"unzipped 250 MB ok 2017", "2017-12", nil, capacity.Function{PackageUnzippedMB: 250}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := base
			if tc.w != nil {
				tc.w(&w)
			}
			s, err := capacity.SizeLambda(snapshotPlatform(t, tc.snapshot, platform.Lambda), w, tc.fn)
			require.NoError(t, err)
			if tc.want == "" {
				assert.Empty(t, s.Findings, "SizeLambda(%s) findings = %v, want none", tc.name, codes(s.Findings))
				return
			}
			require.Len(t, s.Findings, 1, "SizeLambda(%s) findings = %v, want [%s]", tc.name, codes(s.Findings), tc.want)
			f := s.Findings[0]
			assert.Equal(t, tc.want, f.Code)
			assert.Equal(t, capacity.Blocker, f.Severity, "Lambda function limits are hard")
			assert.NotEmpty(t, f.Source)
			assert.NotEmpty(t, f.Limit)
		})
	}
}

func TestLambdaConcurrencyAndRamp(t *testing.T) {
	// The ramp rules (limits-ha.md §5a): since 2023-11 a function gets 1,000
	// environments at once, then 1,000 more every 10 s; the 2018-07 doc (the
	// earliest found, standing for 2017-12) gives a 3,000 burst in us-east-1,
	// then 500 a minute. The account quota is 1,000 in both.
	for _, tc := range []struct {
		name           string
		snapshot       platform.SnapshotID
		rps, peak, ms  string
		mean, peakConc string
		envs           int64
		ramp           int64
		quotaFinding   bool
	}{
		{"DESIGN example", "2026-11", "40", "400", "120", "4.8", "48", 48, 0, false},
		{"at the quota", "2026-11", "100", "1000", "1000", "100", "1000", 1000, 0, false},
		{"past the quota", "2026-11", "100", "1001", "1000", "100", "1001", 1001, 10, true},
		{"5000 now: 4 steps of 10 s", "2026-11", "1000", "5000", "1000", "1000", "5000", 5000, 40, true},
		{"5000 in 2017: burst 3000 then 500/min", "2017-12", "1000", "5000", "1000", "1000", "5000", 5000, 240, true},
		{"fractional", "2026-11", "0.5", "0", "30", "0.015", "0.015", 1, 0, false},
		{"no traffic", "2026-11", "0", "0", "30", "0", "0", 0, 0, false},
		{"no traffic 2017", "2017-12", "0", "0", "30", "0", "0", 0, 0, false},
		{"2000 now: one step", "2026-11", "1", "2000", "1000", "1", "2000", 2000, 10, true},
		{"2001 now: two steps", "2026-11", "1", "2001", "1000", "1", "2001", 2001, 20, true},
		{"at the quota 2017", "2017-12", "1", "1000", "1000", "1", "1000", 1000, 0, false},
		{"past the quota 2017, inside the burst", "2017-12", "1", "1001", "1000", "1", "1001", 1001, 0, true},
		{"the whole 2017 burst", "2017-12", "1", "3000", "1000", "1", "3000", 3000, 0, true},
		{"one past the 2017 burst", "2017-12", "1", "3001", "1000", "1", "3001", 3001, 60, true},
		{"3500 in 2017: one step", "2017-12", "1", "3500", "1000", "1", "3500", 3500, 60, true},
		{"3501 in 2017: two steps", "2017-12", "1", "3501", "1000", "1", "3501", 3501, 120, true},
		// 0.0005 in flight still needs a whole environment.
		{"a sliver of a request", "2017-12", "0.5", "0", "1", "0.0005", "0.0005", 1, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := capacity.Workload{RequestsPerSecond: dec(tc.rps), PeakRequestsPerSecond: dec(tc.peak), DurationMS: dec(tc.ms), MemoryMB: 128}
			s, err := capacity.SizeLambda(snapshotPlatform(t, tc.snapshot, platform.Lambda), w, capacity.Function{})
			require.NoError(t, err)
			assert.True(t, dec(tc.mean).Equal(s.Concurrency), "Concurrency = %s, want %s", s.Concurrency, tc.mean)
			assert.True(t, dec(tc.peakConc).Equal(s.PeakConcurrency), "PeakConcurrency = %s, want %s", s.PeakConcurrency, tc.peakConc)
			assert.Equal(t, tc.envs, s.Environments, "SizeLambda(%s).Environments = %d, want %d", tc.name, s.Environments, tc.envs)
			assert.Equal(t, tc.ramp, s.RampSeconds, "SizeLambda(%s).RampSeconds = %d, want %d", tc.name, s.RampSeconds, tc.ramp)
			assert.Equal(t, tc.quotaFinding, s.Findings.Has(capacity.MaxConcurrency))
			for _, f := range s.Findings {
				if f.Code == capacity.MaxConcurrency {
					assert.Equal(t, capacity.Warning, f.Severity, "the concurrency quota is adjustable")
					assert.Equal(t, "1000", f.Limit)
				}
			}
		})
	}
}

func TestLambdaBadInput(t *testing.T) {
	p := snapshotPlatform(t, "2026-11", platform.Lambda)
	for _, tc := range []struct {
		name string
		w    capacity.Workload
		fn   capacity.Function
		want string
	}{
		{"zero duration", capacity.Workload{RequestsPerSecond: dec("1")}, capacity.Function{}, "capacity: workload.duration_ms: 0 is not positive"},
		{"negative rps", capacity.Workload{RequestsPerSecond: dec("-1"), DurationMS: dec("1")}, capacity.Function{}, "capacity: workload.requests_per_second: -1 is negative"},
		{"peak below mean", capacity.Workload{RequestsPerSecond: dec("5"), PeakRequestsPerSecond: dec("4"), DurationMS: dec("1")}, capacity.Function{}, "capacity: workload.peak_requests_per_second: 4 is below the mean 5"},
		{"cpu fraction", capacity.Workload{RequestsPerSecond: dec("5"), DurationMS: dec("1"), CPUFraction: dec("1.5")}, capacity.Function{}, "capacity: workload.cpu_fraction: 1.5"},
		{"negative memory", capacity.Workload{RequestsPerSecond: dec("5"), DurationMS: dec("1")}, capacity.Function{MemoryMB: -5}, "capacity: lambda.memory_mb: -5 is negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := capacity.SizeLambda(p, tc.w, tc.fn)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// A caller's catalogue may publish a scaling burst without a step, or a
// step of zero (platform.Parse accepts a zero limit): there is no ramp to
// compute then, and no division by the step.
func TestLambdaRampWithoutAStep(t *testing.T) {
	w := capacity.Workload{RequestsPerSecond: dec("5000"), DurationMS: dec("1000")}
	for _, tc := range []struct {
		name   string
		change func(*platform.Limits)
	}{
		{"zero step", func(l *platform.Limits) { l.ScalingStep = &platform.Limit{Value: 0, Unit: "execution environments"} }},
		{"no step", func(l *platform.Limits) { l.ScalingStep = nil }},
		{"no burst", func(l *platform.Limits) { l.ScalingBurst = nil }},
		{"no period", func(l *platform.Limits) { l.ScalingPeriodSeconds = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := snapshotPlatform(t, "2026-11", platform.Lambda)
			tc.change(&p.Limits)
			s, err := capacity.SizeLambda(p, w, capacity.Function{})
			require.NoError(t, err)
			assert.Equal(t, int64(0), s.RampSeconds, "SizeLambda(%s).RampSeconds = %d, want 0", tc.name, s.RampSeconds)
			assert.Equal(t, int64(5000), s.Environments)
		})
	}
}
