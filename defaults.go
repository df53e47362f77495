package runwhere

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// The defaults of every field a scenario may leave out, in one place.
// They are assumptions, not published figures; [Scenario.WithDefaults]
// fills them in and every report echoes them.
const (
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

// maxQuantity bounds every number of a scenario (requests_per_month: that
// many per second), far above any real workload, so that counts derived
// from products of them (requests in flight, replicas, nodes) stay well
// inside int64.
var maxQuantity = decimal.New(1, 9)

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
	if err := s.check(); err != nil {
		return Scenario{}, err
	}
	out := s.clone()
	if out.Snapshot == "" {
		out.Snapshot = platform.Newest
	}
	cat, err := platformCatalogue(out.Snapshot)
	if err != nil {
		return Scenario{}, &FieldError{Field: "snapshot", Value: out.Snapshot, Reason: fmt.Sprintf("is not an embedded snapshot (have %v)", platform.Snapshots())}
	}
	if out.Region == "" {
		out.Region = DefaultRegion
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
	if w.PeakRequestsPerSecond == nil {
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
		if out.Snapshot < "2018" {
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
		if out.Snapshot < "2018" {
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

// shortDecimal prints d for an error message without expanding it: a
// refused value may carry a billion-digit exponent.
func shortDecimal(d decimal.Decimal) string {
	c := d.Coefficient()
	if c.BitLen() > 200 {
		return fmt.Sprintf("a %d-bit coefficient ×10^%d", c.BitLen(), d.Exponent())
	}
	return input.Short(c.String()) + "e" + fmt.Sprint(d.Exponent())
}

type decimalCheck struct {
	field    string
	v        *decimal.Decimal
	positive bool
}

// check applies the rules that need no catalogue: signs, ranges, required
// fields and contradictions.
func (s Scenario) check() error {
	for _, f := range []struct{ field, v string }{
		{"name", s.Name}, {"snapshot", s.Snapshot}, {"region", s.Region},
		{"workload.arch", s.Workload.Arch}, {"servers.instance_type", s.Servers.InstanceType},
		{"servers.ecs_network_mode", s.Servers.ECSNetworkMode},
	} {
		if len(f.v) > MaxStringLen {
			return &FieldError{Field: f.field, Value: input.Short(f.v), Reason: fmt.Sprintf("is %d bytes long; at most %d", len(f.v), MaxStringLen)}
		}
	}
	if len(s.Platforms) > len(platform.IDs()) {
		return &FieldError{Field: "platforms", Value: fmt.Sprint(len(s.Platforms)), Reason: fmt.Sprintf("lists more platforms than the %d there are", len(platform.IDs()))}
	}
	seen := map[platform.ID]bool{}
	for i, id := range s.Platforms {
		if _, err := platform.ParseID(string(id)); err != nil {
			return &FieldError{Field: fmt.Sprintf("platforms[%d]", i), Value: string(id), Reason: fmt.Sprintf("is not a platform id (known: %v)", platform.IDs())}
		}
		if seen[id] {
			return &FieldError{Field: fmt.Sprintf("platforms[%d]", i), Value: string(id), Reason: "is listed twice"}
		}
		seen[id] = true
	}
	w := s.Workload
	if w.RequestsPerSecond == nil && w.RequestsPerMonth == nil {
		return &FieldError{Field: "workload.requests_per_second", Reason: "is missing: give requests_per_second or requests_per_month"}
	}
	checks := []decimalCheck{
		{"workload.requests_per_second", w.RequestsPerSecond, false},
		{"workload.requests_per_month", w.RequestsPerMonth, false},
		{"workload.peak_requests_per_second", w.PeakRequestsPerSecond, false},
		{"workload.duration_ms", w.DurationMS, true},
		{"workload.max_duration_s", w.MaxDurationS, true},
		{"workload.cpu_fraction", w.CPUFraction, true},
		{"servers.hourly_price", s.Servers.HourlyPrice, false},
		{"servers.target_utilization", s.Servers.TargetUtilization, true},
		{"container.vcpu", s.Container.VCPU, true},
	}
	if wt := s.Weights; wt != nil {
		checks = append(checks,
			decimalCheck{"weights.cost", wt.Cost, false},
			decimalCheck{"weights.headroom", wt.Headroom, false},
			decimalCheck{"weights.resilience", wt.Resilience, false},
			decimalCheck{"weights.operations", wt.Operations, false},
			decimalCheck{"weights.portability", wt.Portability, false})
	}
	for _, c := range checks {
		if c.v == nil {
			continue
		}
		// Digits and exponent first: comparing a decimal written
		// 1e-999999999 with anything rescales it to a billion digits.
		if err := input.CheckDecimal(*c.v); err != nil {
			return &FieldError{Field: c.field, Value: shortDecimal(*c.v), Reason: err.Error()}
		}
	}
	for _, c := range checks {
		if c.v == nil {
			continue
		}
		limit := maxQuantity
		if c.field == "workload.requests_per_month" {
			limit = limit.Mul(secondsPerMonth)
		}
		if c.v.GreaterThan(limit) {
			return &FieldError{Field: c.field, Value: c.v.String(), Reason: "is beyond any workload runwhere sizes (at most " + limit.String() + ")"}
		}
		if c.v.Sign() < 0 {
			return &FieldError{Field: c.field, Value: c.v.String(), Reason: "is negative"}
		}
		if c.positive && c.v.Sign() == 0 {
			return &FieldError{Field: c.field, Value: "0", Reason: "must be greater than zero"}
		}
	}
	// Both rates may be given when they agree, as WithDefaults and a
	// report's inputs give them: the month is the rate × 2,628,000, or the
	// rate is the month ÷ 2,628,000 rounded as WithDefaults rounds it.
	if w.RequestsPerSecond != nil && w.RequestsPerMonth != nil &&
		!w.RequestsPerSecond.Mul(secondsPerMonth).Equal(*w.RequestsPerMonth) &&
		!w.RequestsPerMonth.DivRound(secondsPerMonth, rateScale).Equal(*w.RequestsPerSecond) {
		return &FieldError{Field: "workload.requests_per_month", Value: w.RequestsPerMonth.String(), Reason: "contradicts workload.requests_per_second " + w.RequestsPerSecond.String() + ": give one of the two, or two that agree (a month is 730 hours)"}
	}
	if s.Container.VCPU != nil && s.Container.VCPU.LessThan(capacity.MinVCPU()) {
		return &FieldError{Field: "container.vcpu", Value: s.Container.VCPU.String(), Reason: "is below 0.001, the smallest CPU a container can be given (1 millicore)"}
	}
	if w.DurationMS == nil {
		return &FieldError{Field: "workload.duration_ms", Reason: "is missing: the mean execution time of one request, in milliseconds"}
	}
	if w.MemoryMB == nil {
		return &FieldError{Field: "workload.memory_mb", Reason: "is missing: the memory one request needs, in MB"}
	}
	if w.PeakRequestsPerSecond != nil {
		mean := w.RequestsPerSecond
		if mean == nil {
			mean = ptr(w.RequestsPerMonth.DivRound(secondsPerMonth, rateScale))
		}
		if w.PeakRequestsPerSecond.LessThan(*mean) {
			return &FieldError{Field: "workload.peak_requests_per_second", Value: w.PeakRequestsPerSecond.String(), Reason: "is below the mean of " + mean.StringFixed(4) + " requests per second"}
		}
	}
	if w.Arch != "" && w.Arch != "x86_64" && w.Arch != "arm64" {
		return &FieldError{Field: "workload.arch", Value: w.Arch, Reason: "is not x86_64 or arm64"}
	}
	if w.MaxDurationS != nil && w.MaxDurationS.Mul(thousand).LessThan(*w.DurationMS) {
		return &FieldError{Field: "workload.max_duration_s", Value: w.MaxDurationS.String(), Reason: "is shorter than the mean duration of " + w.DurationMS.String() + " ms"}
	}
	if w.CPUFraction != nil && w.CPUFraction.GreaterThan(decimal.NewFromInt(1)) {
		return &FieldError{Field: "workload.cpu_fraction", Value: w.CPUFraction.String(), Reason: "is above 1 (it is a share of the duration)"}
	}
	if s.Servers.TargetUtilization != nil && s.Servers.TargetUtilization.GreaterThan(decimal.NewFromInt(1)) {
		return &FieldError{Field: "servers.target_utilization", Value: s.Servers.TargetUtilization.String(), Reason: "is above 1"}
	}
	ints := []struct {
		field string
		v     *int64
		min   int64
	}{
		{"workload.memory_mb", w.MemoryMB, 1},
		{"lambda.ephemeral_storage_mb", s.Lambda.EphemeralStorageMB, 1},
		{"lambda.provisioned_concurrency", s.Lambda.ProvisionedConcurrency, 0},
		{"servers.count", s.Servers.Count, 0},
		{"servers.zones", s.Servers.Zones, 1},
		{"servers.managers", s.Servers.Managers, 1},
		{"container.memory_mb", s.Container.MemoryMB, 1},
	}
	for _, c := range ints {
		if c.v == nil {
			continue
		}
		if *c.v > maxQuantity.IntPart() {
			return &FieldError{Field: c.field, Value: fmt.Sprint(*c.v), Reason: "is beyond any workload runwhere sizes (at most " + maxQuantity.String() + ")"}
		}
		if *c.v < 0 {
			return &FieldError{Field: c.field, Value: fmt.Sprint(*c.v), Reason: "is negative"}
		}
		if *c.v < c.min {
			return &FieldError{Field: c.field, Value: fmt.Sprint(*c.v), Reason: fmt.Sprintf("must be at least %d", c.min)}
		}
	}
	switch s.Servers.ECSNetworkMode {
	case "", "awsvpc", "bridge", "host":
	default:
		return &FieldError{Field: "servers.ecs_network_mode", Value: s.Servers.ECSNetworkMode, Reason: "is not awsvpc, bridge or host"}
	}
	if s.Servers.Zones != nil && *s.Servers.Zones > MaxZones {
		return &FieldError{Field: "servers.zones", Value: fmt.Sprint(*s.Servers.Zones), Reason: fmt.Sprintf("is more than %d zones (named a to z)", MaxZones)}
	}
	if s.Servers.Managers != nil && *s.Servers.Managers > MaxManagers {
		return &FieldError{Field: "servers.managers", Value: fmt.Sprint(*s.Servers.Managers), Reason: fmt.Sprintf("is more than %d; Raft clusters past 7 members already slow their writes", MaxManagers)}
	}
	if s.Lambda.FreeTier != nil && *s.Lambda.FreeTier && s.Lambda.ProvisionedConcurrency != nil && *s.Lambda.ProvisionedConcurrency > 0 {
		return &FieldError{Field: "lambda.free_tier", Value: "true", Reason: fmt.Sprintf("contradicts lambda.provisioned_concurrency %d: the free tier does not apply to functions with Provisioned Concurrency", *s.Lambda.ProvisionedConcurrency)}
	}
	for _, p := range []struct {
		field string
		v     *float64
	}{{"ha.node_availability", s.HA.NodeAvailability}, {"ha.zone_availability", s.HA.ZoneAvailability}} {
		if p.v != nil && (math.IsNaN(*p.v) || *p.v <= 0 || *p.v > 1) {
			return &FieldError{Field: p.field, Value: fmt.Sprint(*p.v), Reason: "is not a probability in (0, 1]"}
		}
	}
	if s.Weights != nil {
		sum := decimal.Zero
		for _, v := range []*decimal.Decimal{s.Weights.Cost, s.Weights.Headroom, s.Weights.Resilience, s.Weights.Operations, s.Weights.Portability} {
			if v != nil {
				sum = sum.Add(*v)
			}
		}
		if sum.IsZero() && s.Weights.Cost != nil && s.Weights.Headroom != nil && s.Weights.Resilience != nil && s.Weights.Operations != nil && s.Weights.Portability != nil {
			return &FieldError{Field: "weights", Value: "0", Reason: "all weights are zero: nothing would rank the platforms"}
		}
	}
	return nil
}
