package runwhere

// The checks a scenario passes before any catalogue is read: bounds on
// every number and string, signs, ranges and contradictions. Errors are
// FieldErrors naming the field and the value.

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// maxQuantity bounds every number of a scenario (requests_per_month: that
// many per second), far above any real workload, so that counts derived
// from products of them (requests in flight, replicas, nodes) stay well
// inside int64.
var maxQuantity = decimal.New(1, 9)

// minTargetUtilization is the smallest servers.target_utilization.
var minTargetUtilization = decimal.RequireFromString("0.01")

// maxPlatforms bounds the platforms one scenario compares: ids are open (a
// caller's catalogue may add platforms), so the bound is not the number
// runwhere ships.
const maxPlatforms = 32

// shortDecimal prints d for an error message without expanding it: a
// refused value may carry a billion-digit exponent.
func shortDecimal(d decimal.Decimal) string {
	c := d.Coefficient()
	if c.BitLen() > 200 {
		return fmt.Sprintf("a %d-bit coefficient ×10^%d", c.BitLen(), d.Exponent())
	}
	return input.Short(c.String()) + "e" + fmt.Sprint(d.Exponent())
}

// decimalText prints a decimal that passed input's bounds the shorter
// way: 0.25 as such, 1e-40 not as forty zeros.
func decimalText(d decimal.Decimal) string {
	s, e := d.String(), shortDecimal(d)
	if len(e) < len(s) {
		return e
	}
	return s
}

type decimalCheck struct {
	field    string
	v        *decimal.Decimal
	positive bool
}

// checkDecimalInput is check's rule for one decimal: digits and exponent,
// the bound of every quantity, its sign.
func checkDecimalInput(c decimalCheck) error {
	if err := input.CheckDecimal(*c.v); err != nil {
		return &FieldError{Field: c.field, Value: shortDecimal(*c.v), Reason: err.Error()}
	}
	if c.v.GreaterThan(maxQuantity) {
		return &FieldError{Field: c.field, Value: c.v.String(), Reason: "is beyond any workload runwhere sizes (at most " + maxQuantity.String() + ")"}
	}
	if c.v.Sign() < 0 {
		return &FieldError{Field: c.field, Value: c.v.String(), Reason: "is negative"}
	}
	if c.positive && c.v.Sign() == 0 {
		return &FieldError{Field: c.field, Value: "0", Reason: "must be greater than zero"}
	}
	return nil
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
	if len(s.Platforms) > maxPlatforms {
		return &FieldError{Field: "platforms", Value: fmt.Sprint(len(s.Platforms)), Reason: fmt.Sprintf("lists more than %d platforms", maxPlatforms)}
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
	if err := s.checkKind(); err != nil {
		return err
	}
	if err := w.checkShape(); err != nil {
		return err
	}
	// A job has none of a service's rates and durations (checkKind
	// refused them), so the checks below pass over them.
	if !s.isJob() && w.RequestsPerSecond == nil && w.RequestsPerMonth == nil {
		return &FieldError{Field: "workload.requests_per_second", Reason: "is missing: give requests_per_second or requests_per_month"}
	}
	checks := []decimalCheck{
		{"workload.requests_per_second", w.RequestsPerSecond, false},
		{"workload.requests_per_month", w.RequestsPerMonth, false},
		{"workload.peak_requests_per_second", w.PeakRequestsPerSecond, false},
		{"workload.duration_ms", w.DurationMS, true},
		{"workload.max_duration_s", w.MaxDurationS, true},
		{"workload.cpu_fraction", w.CPUFraction, true},
		{"workload.cpu_ms", w.CPUMS, true},
		{"workload.peak_hour_requests_per_second", w.PeakHourRequestsPerSecond, false},
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
	if !s.isJob() && w.DurationMS == nil {
		return &FieldError{Field: "workload.duration_ms", Reason: "is missing: the mean execution time of one request, in milliseconds"}
	}
	return s.checkRest()
}

// checkRest is check's rules shared by services and jobs.
func (s Scenario) checkRest() error {
	w := s.Workload
	if w.MemoryMB == nil {
		return &FieldError{Field: "workload.memory_mb", Reason: "is missing: the memory one request needs, in MB"}
	}
	if w.Arch != "" && w.Arch != "x86_64" && w.Arch != "arm64" {
		return &FieldError{Field: "workload.arch", Value: w.Arch, Reason: "is not x86_64 or arm64"}
	}
	if w.MaxDurationS != nil && w.DurationMS != nil && w.MaxDurationS.Mul(thousand).LessThan(*w.DurationMS) {
		return &FieldError{Field: "workload.max_duration_s", Value: w.MaxDurationS.String(), Reason: "is shorter than the mean duration of " + w.DurationMS.String() + " ms"}
	}
	if w.CPUFraction != nil && w.CPUFraction.GreaterThan(decimal.NewFromInt(1)) {
		return &FieldError{Field: "workload.cpu_fraction", Value: w.CPUFraction.String(), Reason: "is above 1 (it is a share of the duration)"}
	}
	if s.Servers.TargetUtilization != nil && s.Servers.TargetUtilization.GreaterThan(decimal.NewFromInt(1)) {
		return &FieldError{Field: "servers.target_utilization", Value: s.Servers.TargetUtilization.String(), Reason: "is above 1"}
	}
	// The fleet grows as the target shrinks: a target of 1e-20 asked for
	// more replicas than runwhere sizes, and that error could only name
	// the load, not the target.
	if u := s.Servers.TargetUtilization; u != nil && u.LessThan(minTargetUtilization) {
		return &FieldError{Field: "servers.target_utilization", Value: u.String(), Reason: "is below " + minTargetUtilization.String() + ": a fleet sized to use less than 1 % of its CPU"}
	}
	ints := []struct {
		field string
		v     *int64
		min   int64
	}{
		{"workload.memory_mb", w.MemoryMB, 1},
		{"workload.request_memory_mb", w.RequestMemoryMB, 1},
		{"container.max_in_flight", s.Container.MaxInFlight, 1},
		{"lambda.ephemeral_storage_mb", s.Lambda.EphemeralStorageMB, 1},
		{"lambda.provisioned_concurrency", s.Lambda.ProvisionedConcurrency, 0},
		{"servers.count", s.Servers.Count, 0},
		{"servers.zones", s.Servers.Zones, 1},
		{"servers.managers", s.Servers.Managers, 1},
		{"container.memory_mb", s.Container.MemoryMB, 1},
		{"alternatives", s.Alternatives, 0},
		{"workload.runs_per_month", w.RunsPerMonth, 0},
		{"workload.parallelism", w.Parallelism, 1},
		{"servers.min_count", s.Servers.MinCount, 0},
		{"servers.root_volume_gb", s.Servers.RootVolumeGB, 0},
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
	// A replica serves many requests in one memory space: only a request
	// that could never fit in it is refused.
	if c, r := s.Container.MemoryMB, w.RequestMemoryMB; c != nil && r != nil && *c < *r {
		return &FieldError{Field: "container.memory_mb", Value: fmt.Sprint(*c), Reason: fmt.Sprintf("is less than workload.request_memory_mb %d: one replica cannot hold one request", *r)}
	}
	if err := w.checkCPU(); err != nil {
		return err
	}
	if err := s.checkCurrent(); err != nil {
		return err
	}
	if err := s.checkIngress(); err != nil {
		return err
	}
	if err := s.checkDiscounts(); err != nil {
		return err
	}
	if err := s.checkNetwork(); err != nil {
		return err
	}
	if err := s.checkAddons(); err != nil {
		return err
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
	if s.Alternatives != nil && *s.Alternatives > MaxAlternatives {
		return &FieldError{Field: "alternatives", Value: fmt.Sprint(*s.Alternatives), Reason: fmt.Sprintf("is more than %d", MaxAlternatives)}
	}
	switch s.AlternativesArch {
	case "", AlternativesAnyArch, AlternativesSameArch:
	default:
		return &FieldError{Field: "alternatives_arch", Value: s.AlternativesArch, Reason: "is not any or same"}
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
	return s.checkDerived()
}

// checkCPU: cpu_ms is at most the request's duration (a request runs
// on one thread), and with cpu_fraction it must say the same: duration ×
// fraction, or the fraction WithDefaults writes for it (cpu_ms ÷
// duration at rateScale places).
func (w Workload) checkCPU() error {
	if w.CPUMS == nil || w.DurationMS == nil {
		return nil
	}
	if w.CPUMS.GreaterThan(*w.DurationMS) {
		return &FieldError{Field: "workload.cpu_ms", Value: w.CPUMS.String(), Reason: "is longer than workload.duration_ms " + w.DurationMS.String() + ": a request runs on one thread, so its CPU time is at most its duration"}
	}
	if f := w.CPUFraction; f != nil && !w.DurationMS.Mul(*f).Equal(*w.CPUMS) && !w.CPUMS.DivRound(*w.DurationMS, rateScale).Equal(*f) {
		return &FieldError{Field: "workload.cpu_fraction", Value: f.String(), Reason: "contradicts workload.cpu_ms " + w.CPUMS.String() + " (duration_ms " + w.DurationMS.String() + " × cpu_fraction is the CPU ms): give one of the two, or two that agree"}
	}
	return nil
}

// checkDerived refuses a value that is within its own bounds but makes a
// quantity computed from it carry more digits than any decimal may: the
// component that checks that quantity would name it (lambda.requests,
// ec2.seconds), a field the person never wrote. Each quantity is computed
// here as the evaluation computes it; when two fields feed one, the finer
// of the two (more decimal places) is named. Evaluate maps whatever a
// component still refuses back to a scenario field (inputError).
func (s Scenario) checkDerived() error {
	w := s.Workload
	// Lambda bills the month's requests: the rate × 2,628,000, unless
	// the month is given too (and agrees).
	if w.RequestsPerSecond != nil && w.RequestsPerMonth == nil {
		if err := input.CheckDecimal(w.RequestsPerSecond.Mul(secondsPerMonth)); err != nil {
			return derivedError("workload.requests_per_second", *w.RequestsPerSecond, "requests a month (the rate × 2,628,000)", err)
		}
	}
	// Lambda stretches the CPU-bound share of a request by the vCPU its
	// memory gets: duration × cpu_fraction × 1,769 / memory_mb.
	if !s.isJob() && s.Lambda.CPUShareScaling != nil && *s.Lambda.CPUShareScaling && w.DurationMS != nil {
		cf := DefaultCPUFraction()
		if w.CPUFraction != nil {
			cf = *w.CPUFraction
		}
		cw := capacity.Workload{DurationMS: *w.DurationMS, CPUFraction: cf}
		if w.CPUMS != nil {
			cw.CPUMS = *w.CPUMS
		}
		d := engine.LambdaDurationMS(cw, *w.MemoryMB, true)
		if err := input.CheckDecimal(d); err != nil {
			field, v := "workload.duration_ms", *w.DurationMS
			if cf.Exponent() < v.Exponent() {
				field, v = "workload.cpu_fraction", cf
			}
			return derivedError(field, v, "Lambda's stretched duration (duration_ms × cpu_fraction × 1,769 ÷ memory_mb)", err)
		}
	}
	if s.isJob() && w.RunMinutes != nil {
		run := w.RunMinutes.Mul(sixty)
		// Lambda bills a run in milliseconds.
		if err := input.CheckDecimal(run.Mul(thousand)); err != nil {
			return derivedError("workload.run_minutes", *w.RunMinutes, "a run's milliseconds", err)
		}
		start := DefaultNodeStartMinutes()
		if s.Servers.NodeStartMinutes != nil {
			start = *s.Servers.NodeStartMinutes
		}
		// A node launched for a run is billed its start and the run.
		if err := input.CheckDecimal(run.Add(start.Mul(sixty))); err != nil {
			field, v := "workload.run_minutes", *w.RunMinutes
			if start.Exponent() < v.Exponent() {
				field, v = "servers.node_start_minutes", start
			}
			return derivedError(field, v, "a run's seconds with its node's start (servers.node_start_minutes + workload.run_minutes)", err)
		}
	}
	return nil
}

// derivedError is a FieldError on field, whose value v gives what a
// quantity that input refuses (err).
func derivedError(field string, v decimal.Decimal, what string, err error) error {
	return &FieldError{Field: field, Value: decimalText(v), Reason: "gives " + what + " that " + err.Error() + ": give fewer digits"}
}
