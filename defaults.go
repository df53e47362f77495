package runwhere

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// The defaults of every field a scenario may leave out, in one place.
// They are assumptions, not published figures; [Scenario.WithDefaults]
// fills them in and every report echoes them.
const (
	// The values of alternatives_arch: search both architectures (the
	// default) or only the workload's.
	AlternativesAnyArch  = "any"
	AlternativesSameArch = "same"

	DefaultRegion = "us-east-1"
	// DefaultArch is the instruction set when workload.arch is left out.
	DefaultArch = "x86_64"
	// DefaultInstanceType is the worker instance for snapshots from 2018
	// on; DefaultInstanceType2017 for "2017-12", the deck's m4.large.
	DefaultInstanceType     = "m5.large"
	DefaultInstanceType2017 = "m4.large"
	// DefaultZones spreads workers and managers over three zones.
	DefaultZones = 3
	// DefaultManagers: three managers tolerate one failure, the smallest
	// size the Swarm, etcd and Nomad docs call fault tolerant.
	DefaultManagers = 3
	// DefaultEphemeralStorageMB is Lambda's free /tmp size.
	DefaultEphemeralStorageMB = 512
	// DefaultFreeTier is off: Lambda's free tier is per account, so a
	// function priced alone should not claim it unless the caller says so.
	DefaultFreeTier = false
	// DefaultNodeAvailability and DefaultZoneAvailability are the
	// assumptions of DESIGN.md's example scenario, not measured figures:
	// set your own.
	DefaultNodeAvailability = 0.995
	DefaultZoneAvailability = 0.9999
)

// Bounds on inputs whose size drives the work an evaluation does.
const (
	MaxZones    = 26
	MaxManagers = 99
)

// DefaultContainerMemory is container.memory_mb when left out (raised to
// workload.memory_mb when that is larger).
const DefaultContainerMemory int64 = 1024

// The decimal defaults are functions, not variables: a variable could be
// reassigned by any caller under every later evaluation.

// DefaultTargetUtilization leaves 30 % CPU headroom on every replica: 0.7.
func DefaultTargetUtilization() decimal.Decimal { return defaultTargetUtilization }

// DefaultCPUFraction is the conservative CPU-bound assumption: 1.
func DefaultCPUFraction() decimal.Decimal { return defaultCPUFraction }

// DefaultContainerVCPU is container.vcpu when left out: 0.5.
func DefaultContainerVCPU() decimal.Decimal { return defaultContainerVCPU }

var (
	defaultTargetUtilization = decimal.RequireFromString("0.7")
	defaultCPUFraction       = decimal.NewFromInt(1)
	defaultContainerVCPU     = decimal.RequireFromString("0.5")
	// defaultWeights rank cost first; see [Weights].
	defaultWeights = struct{ cost, headroom, resilience, operations, portability decimal.Decimal }{
		cost:        decimal.RequireFromString("0.4"),
		headroom:    decimal.RequireFromString("0.2"),
		resilience:  decimal.RequireFromString("0.15"),
		operations:  decimal.RequireFromString("0.15"),
		portability: decimal.RequireFromString("0.1"),
	}
)

func ptr[T any](v T) *T { return &v }

// WithDefaults returns s with every field it leaves out set to its
// default, after checking it as [ParseScenario] does. Evaluate calls it;
// callers use it to see the assumptions before evaluating. The result
// shares no memory with s or with anything else: changing it changes
// nothing another evaluation reads.
func (s Scenario) WithDefaults() (_ Scenario, err error) {
	defer prefixError(&err)
	return s.withDefaults(embedded)
}

// withDefaults is WithDefaults against the catalogues of src.
func (s Scenario) withDefaults(src sources) (Scenario, error) {
	if err := s.check(); err != nil {
		return Scenario{}, err
	}
	out := s.clone()
	if out.Snapshot == "" {
		out.Snapshot = platform.Newest
	}
	cat, err := src.platforms(out.Snapshot)
	if err != nil {
		return Scenario{}, &FieldError{Field: "snapshot", Value: out.Snapshot, Reason: fmt.Sprintf("is not an embedded snapshot (have %v)", platform.Snapshots())}
	}
	if out.Region == "" {
		out.Region = DefaultRegion
	}
	if out.Alternatives != nil && *out.Alternatives > 0 && out.AlternativesArch == "" {
		out.AlternativesArch = AlternativesAnyArch
	}
	if _, err := src.prices(out.Snapshot, out.Region); err != nil {
		// The catalogue's own refusal names the regions there are.
		var fe *FieldError
		if errors.As(err, &fe) && fe.Field == "region" {
			return Scenario{}, &FieldError{Field: "region", Value: out.Region, Reason: fe.Reason}
		}
		return Scenario{}, &FieldError{Field: "region", Value: out.Region, Reason: "has no price catalogue: " + err.Error()}
	}
	if len(out.Platforms) == 0 {
		for _, p := range cat.Platforms {
			out.Platforms = append(out.Platforms, p.ID)
		}
	} else {
		for i, id := range out.Platforms {
			if _, ok := cat.Platform(id); !ok {
				return Scenario{}, &FieldError{Field: fmt.Sprintf("platforms[%d]", i), Value: string(id), Reason: fmt.Sprintf("is not in snapshot %s", out.Snapshot)}
			}
		}
	}
	w := out.Workload
	// Both rates are kept when both are given: check found that they agree,
	// and the month, the figure Lambda bills, is not recomputed from a
	// rounded rate.
	switch {
	case w.RequestsPerSecond == nil:
		w.RequestsPerSecond = ptr(w.RequestsPerMonth.DivRound(secondsPerMonth, rateScale))
	case w.RequestsPerMonth == nil:
		w.RequestsPerMonth = ptr(w.RequestsPerSecond.Mul(secondsPerMonth))
	}
	// A peak below the mean cannot happen: the peak follows the mean, and
	// the report says so (peakNote). Editing the mean first, as a person
	// does, must not make the scenario invalid.
	if w.PeakRequestsPerSecond == nil || w.PeakRequestsPerSecond.LessThan(*w.RequestsPerSecond) {
		w.PeakRequestsPerSecond = ptr(*w.RequestsPerSecond)
	}
	if w.Arch == "" {
		w.Arch = DefaultArch
	}
	if w.MaxDurationS == nil {
		w.MaxDurationS = ptr(w.DurationMS.Div(thousand))
	}
	if w.CPUFraction == nil {
		w.CPUFraction = ptr(DefaultCPUFraction())
	}
	out.Workload = w

	l := out.Lambda
	if l.FreeTier == nil {
		l.FreeTier = ptr(DefaultFreeTier)
	}
	if l.EphemeralStorageMB == nil {
		l.EphemeralStorageMB = ptr(int64(DefaultEphemeralStorageMB))
	}
	if l.ProvisionedConcurrency == nil {
		l.ProvisionedConcurrency = ptr(int64(0))
	}
	if l.CPUShareScaling == nil {
		l.CPUShareScaling = ptr(false)
	}
	out.Lambda = l

	sv := out.Servers
	if sv.InstanceType == "" {
		sv.InstanceType = DefaultInstanceType
		if platform.SnapshotID(out.Snapshot).Before("2018-01") {
			sv.InstanceType = DefaultInstanceType2017
		}
	}
	if sv.Count == nil {
		sv.Count = ptr(int64(0))
	}
	if sv.TargetUtilization == nil {
		sv.TargetUtilization = ptr(DefaultTargetUtilization())
	}
	if sv.Zones == nil {
		sv.Zones = ptr(int64(DefaultZones))
	}
	if sv.Managers == nil {
		sv.Managers = ptr(int64(DefaultManagers))
	}
	if sv.ECSNetworkMode == "" {
		sv.ECSNetworkMode = "awsvpc"
		if platform.SnapshotID(out.Snapshot).Before("2018-01") {
			// awsvpc reached the EC2 launch type in 2017-11; bridge was
			// still the default network mode of a task definition.
			sv.ECSNetworkMode = "bridge"
		}
	}
	if sv.SurviveZoneLoss == nil {
		sv.SurviveZoneLoss = ptr(false)
	}
	out.Servers = sv

	c := out.Container
	if c.VCPU == nil {
		c.VCPU = ptr(DefaultContainerVCPU())
	}
	if c.MemoryMB == nil {
		c.MemoryMB = ptr(max(DefaultContainerMemory, *w.MemoryMB))
	}
	if *c.MemoryMB < *w.MemoryMB {
		return Scenario{}, &FieldError{Field: "container.memory_mb", Value: fmt.Sprint(*c.MemoryMB), Reason: fmt.Sprintf("is less than workload.memory_mb %d: one replica cannot hold one request", *w.MemoryMB)}
	}
	out.Container = c

	h := out.HA
	if h.NodeAvailability == nil {
		h.NodeAvailability = ptr(DefaultNodeAvailability)
	}
	if h.ZoneAvailability == nil {
		h.ZoneAvailability = ptr(DefaultZoneAvailability)
	}
	out.HA = h

	var wt Weights
	if out.Weights != nil {
		wt = *out.Weights
	}
	d := defaultWeights
	for _, f := range []struct {
		p **decimal.Decimal
		d decimal.Decimal
	}{{&wt.Cost, d.cost}, {&wt.Headroom, d.headroom}, {&wt.Resilience, d.resilience}, {&wt.Operations, d.operations}, {&wt.Portability, d.portability}} {
		if *f.p == nil {
			*f.p = ptr(f.d)
		}
	}
	out.Weights = &wt
	return out, nil
}

// rateScale is the decimal places kept when a monthly count becomes a
// per-second rate (the only division of an input).
const rateScale = 20

var (
	thousand        = decimal.NewFromInt(1000)
	secondsPerMonth = decimal.NewFromInt(platform.SecondsPerMonth)
)
