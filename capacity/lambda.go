package capacity

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// Function is a Lambda function's configuration and artefact sizes. Zero
// fields are not checked, except MemoryMB (zero means the workload's
// memory_mb) and EphemeralStorageMB (zero means the snapshot's minimum /tmp).
type Function struct {
	MemoryMB           int64
	EphemeralStorageMB int64
	SyncPayloadKB      int64 // largest synchronous request or response
	AsyncPayloadKB     int64 // largest asynchronous event
	PackageZippedMB    int64
	PackageUnzippedMB  int64 // including layers
	ImageMB            int64 // container image, uncompressed
}

// LambdaSizing is what a workload needs from Lambda.
type LambdaSizing struct {
	Concurrency     decimal.Decimal // mean executions in flight
	PeakConcurrency decimal.Decimal
	// Environments is the peak rounded up to whole execution environments.
	Environments int64
	// RampSeconds is how long a cold function takes to scale from zero to
	// Environments under the snapshot's scaling rule: an immediate burst,
	// then a step every period (2026-11: 1,000 per 10 s per function;
	// 2017-12: a regional burst of 500–3,000, then +500 a minute).
	RampSeconds int64
	Findings    Findings
}

// SizeLambda applies Little's law to w and checks the function against p's
// limits: timeout, memory range and step, payloads, package and image sizes
// and /tmp are hard blockers; the account concurrency quota is a warning.
func SizeLambda(p platform.Platform, w Workload, fn Function) (LambdaSizing, error) {
	if err := w.validate(); err != nil {
		return LambdaSizing{}, err
	}
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"lambda.memory_mb", fn.MemoryMB}, {"lambda.ephemeral_storage_mb", fn.EphemeralStorageMB},
		{"lambda.sync_payload_kb", fn.SyncPayloadKB}, {"lambda.async_payload_kb", fn.AsyncPayloadKB},
		{"lambda.package_zipped_mb", fn.PackageZippedMB}, {"lambda.package_unzipped_mb", fn.PackageUnzippedMB},
		{"lambda.image_mb", fn.ImageMB},
	} {
		if f.v < 0 {
			return LambdaSizing{}, inputErr(f.name, f.v, "is negative")
		}
	}
	l := p.Limits
	s := LambdaSizing{
		Concurrency:     Concurrency(w.RequestsPerSecond, w.DurationMS),
		PeakConcurrency: Concurrency(w.peak(), w.DurationMS),
	}
	s.Environments = ceilDiv(s.PeakConcurrency, one)
	s.RampSeconds = rampSeconds(l, s.Environments)

	add := func(f Finding, ok bool) {
		if ok {
			s.Findings = append(s.Findings, f)
		}
	}
	if w.MaxDurationS > 0 {
		add(over(MaxDuration, "the longest job", l.Timeout, w.MaxDurationS))
	}
	mem := fn.MemoryMB
	if mem == 0 {
		mem = w.MemoryMB
	}
	if mem > 0 {
		add(under(MinMemory, "function memory", l.MemoryMin, mem))
		add(over(MaxMemory, "function memory", l.MemoryMax, mem))
		if st, lo := l.MemoryStep, l.MemoryMin; st != nil && lo != nil && st.Value > 1 && mem >= lo.Value && (l.MemoryMax == nil || mem <= l.MemoryMax.Value) && (mem-lo.Value)%st.Value != 0 {
			f := limitFinding(MemoryStep, fmt.Sprintf("function memory %d MB is not a multiple of %d MB above %d MB", mem, st.Value, lo.Value), st, mem)
			add(f, true)
		}
	}
	if fn.EphemeralStorageMB > 0 {
		add(under(MaxEphemeralStorage, "/tmp storage", l.TmpMin, fn.EphemeralStorageMB))
		add(over(MaxEphemeralStorage, "/tmp storage", l.TmpMax, fn.EphemeralStorageMB))
	}
	if fn.SyncPayloadKB > 0 {
		add(over(MaxPayload, "the synchronous payload", l.SyncPayload, fn.SyncPayloadKB))
	}
	if fn.AsyncPayloadKB > 0 {
		add(over(MaxPayload, "the asynchronous payload", l.AsyncPayload, fn.AsyncPayloadKB))
	}
	if fn.PackageZippedMB > 0 {
		add(over(MaxPackageSize, "the zipped package", l.PackageZipped, fn.PackageZippedMB))
	}
	if fn.PackageUnzippedMB > 0 {
		add(over(MaxPackageSize, "the unzipped package", l.PackageUnzipped, fn.PackageUnzippedMB))
	}
	if fn.ImageMB > 0 {
		if l.ImageSize == nil {
			f := Finding{
				Code: MaxPackageSize, Message: "container images are not supported in this snapshot (none published)",
				Limit: "0", Value: fmt.Sprint(fn.ImageMB), Unit: "MB", Severity: Blocker, Enforcement: platform.Hard,
			}
			if l.PackageZipped != nil {
				f.Source = l.PackageZipped.URL // the limits page of the time, which lists packages only
			}
			s.Findings = append(s.Findings, f)
		} else {
			add(over(MaxPackageSize, "the container image", l.ImageSize, fn.ImageMB))
		}
	}
	add(over(MaxConcurrency, "peak concurrency", l.Concurrency, s.Environments))
	return s, nil
}

// rampSeconds is the time to reach target environments from zero: the
// burst is immediate, then step more arrive every period.
// RampSeconds is how long a function takes to scale out to target
// execution environments from none, at the snapshot's scaling rate
// (limits scaling_burst, scaling_step and scaling_period_seconds); zero
// when the rate is not sourced.
func RampSeconds(l platform.Limits, target int64) int64 { return rampSeconds(l, target) }

func rampSeconds(l platform.Limits, target int64) int64 {
	if l.ScalingBurst == nil || l.ScalingStep == nil || l.ScalingPeriodSeconds == nil || l.ScalingStep.Value <= 0 {
		return 0
	}
	if target <= l.ScalingBurst.Value {
		return 0
	}
	steps := (target - l.ScalingBurst.Value + l.ScalingStep.Value - 1) / l.ScalingStep.Value
	return steps * l.ScalingPeriodSeconds.Value
}
