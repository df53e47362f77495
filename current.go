package runwhere

// What runs today (Scenario.Current): its checks, the calibration it
// gives the model, and the baseline bill every platform is set against.

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Current is what runs the service today and what it measures, as
// CloudWatch reports it. One unit is a node or an instance
// (InstanceType: nodes and Lambda Managed Instances platforms), a task
// (TaskVCPU and TaskMemoryMB: Fargate) or a function's execution
// environment (MemoryMB: Lambda).
type Current struct {
	// Platform is where it runs: any platform id of the snapshot.
	Platform     platform.ID      `yaml:"platform,omitempty" json:"platform,omitempty"`
	InstanceType string           `yaml:"instance_type,omitempty" json:"instance_type,omitempty"`
	TaskVCPU     *decimal.Decimal `yaml:"task_vcpu,omitempty" json:"task_vcpu,omitempty"`
	TaskMemoryMB *int64           `yaml:"task_memory_mb,omitempty" json:"task_memory_mb,omitempty"`
	MemoryMB     *int64           `yaml:"memory_mb,omitempty" json:"memory_mb,omitempty"`
	// Count is the nodes, tasks or instances running, the month's mean
	// (for Lambda, its mean concurrent executions; left out, Little's
	// law's).
	Count *decimal.Decimal `yaml:"count,omitempty" json:"count,omitempty"`
	// CPUUtilization is the fleet's mean CPU over the month, 0–1;
	// PeakCPUUtilization the busiest hour's; MemoryUtilization the
	// mean share of each unit's memory in use.
	CPUUtilization     *decimal.Decimal `yaml:"cpu_utilization,omitempty" json:"cpu_utilization,omitempty"`
	PeakCPUUtilization *decimal.Decimal `yaml:"peak_cpu_utilization,omitempty" json:"peak_cpu_utilization,omitempty"`
	MemoryUtilization  *decimal.Decimal `yaml:"memory_utilization,omitempty" json:"memory_utilization,omitempty"`
	// RequestsPerSecond is the rate the utilisations were measured at;
	// left out, the workload's mean.
	RequestsPerSecond *decimal.Decimal `yaml:"requests_per_second,omitempty" json:"requests_per_second,omitempty"`
}

// Calibration is what Scenario.Current measured of the service, and the
// scenario fields it filled in.
type Calibration struct {
	// CPUMS is the CPU milliseconds of one request: count × vCPU per
	// unit × cpu_utilization ÷ requests per second, rounded half up to
	// four places (a tenth of a microsecond).
	CPUMS *decimal.Decimal `json:"cpu_ms,omitempty"`
	// PeakHourRequestsPerSecond is the busiest hour's rate: the rate
	// measured × peak_cpu_utilization ÷ cpu_utilization (CPU follows
	// the load on a fleet of the same size).
	PeakHourRequestsPerSecond *decimal.Decimal `json:"peak_hour_requests_per_second,omitempty"`
	// MemoryMB is the memory one unit has in use today
	// (memory_utilization × its memory), rounded up to the MB.
	MemoryMB *int64 `json:"memory_mb,omitempty"`
	// From are the fields the figures came from; Sets the scenario
	// fields they filled in (a field the scenario gives is not changed).
	From []string `json:"from"`
	Sets []string `json:"sets"`
}

// Baseline is today's bill: what runs today (Scenario.Current) for the
// month, priced with the evaluation's catalogue, region, surroundings
// and discounts.
type Baseline struct {
	Platform platform.ID `json:"platform"`
	Name     string      `json:"name"`
	// Runs says what was priced: "4 × m5.large node".
	Runs string `json:"runs"`
	// MonthlyCost is exact; MonthlyCostRounded each line rounded to the
	// cent, half up, then summed, as a PlatformReport's.
	MonthlyCost             decimal.Decimal    `json:"monthly_cost"`
	MonthlyCostRounded      decimal.Decimal    `json:"monthly_cost_rounded"`
	MonthlyCostTotalRounded decimal.Decimal    `json:"monthly_cost_total_rounded"`
	CostLines               []CostLine         `json:"cost_lines"`
	Warnings                []capacity.Finding `json:"warnings"`
}

// VsCurrent is one platform's month against the baseline: Saving is the
// baseline's exact cost minus the platform's (negative: it costs more);
// SavingPercent is it as a share of the baseline, in percent, rounded
// half up to one place.
type VsCurrent struct {
	Saving        decimal.Decimal `json:"saving"`
	SavingPercent decimal.Decimal `json:"saving_percent"`
	// SavingRounded is the difference of the two bills as they are shown
	// (monthly_cost_rounded), so that the saving a person reads is the
	// one the two totals beside it give, to the cent.
	SavingRounded decimal.Decimal `json:"saving_rounded"`
}

// MarshalJSON writes the rounded saving with exactly two decimals.
func (v VsCurrent) MarshalJSON() ([]byte, error) {
	type plain VsCurrent
	return json.Marshal(struct {
		plain
		SavingRounded string `json:"saving_rounded"`
	}{plain(v), v.SavingRounded.StringFixed(2)})
}

// MarshalJSON writes the rounded total with exactly two decimals.
func (b Baseline) MarshalJSON() ([]byte, error) {
	type plain Baseline
	return json.Marshal(struct {
		plain
		MonthlyCostRounded      string `json:"monthly_cost_rounded"`
		MonthlyCostTotalRounded string `json:"monthly_cost_total_rounded"`
	}{plain(b), b.MonthlyCostRounded.StringFixed(2), b.MonthlyCostTotalRounded.StringFixed(2)})
}

var (
	dOne        = decimal.NewFromInt(1)
	cpuMSScale  = int32(4)
	lambdaOneMB = decimal.NewFromInt(engine.LambdaOneVCPUMB)
)

// checkCurrent applies the rules of the current block that need no
// catalogue: ranges, and measurements that contradict each other.
func (s Scenario) checkCurrent() error {
	c := s.Current
	if c == nil {
		return nil
	}
	if s.isJob() {
		return &FieldError{Field: "current", Reason: "applies to services: a job's runs are priced from workload.runs_per_month"}
	}
	if c.Platform == "" {
		return &FieldError{Field: "current.platform", Reason: "is missing: the platform the service runs on today"}
	}
	if _, err := platform.ParseID(string(c.Platform)); err != nil {
		return &FieldError{Field: "current.platform", Value: string(c.Platform), Reason: fmt.Sprintf("is not a platform id (known: %v)", platform.IDs())}
	}
	if len(c.InstanceType) > MaxStringLen {
		return &FieldError{Field: "current.instance_type", Value: c.InstanceType[:16] + "…", Reason: fmt.Sprintf("is %d bytes long; at most %d", len(c.InstanceType), MaxStringLen)}
	}
	checks := []decimalCheck{
		{"current.task_vcpu", c.TaskVCPU, true},
		{"current.count", c.Count, true},
		{"current.cpu_utilization", c.CPUUtilization, true},
		{"current.peak_cpu_utilization", c.PeakCPUUtilization, true},
		{"current.memory_utilization", c.MemoryUtilization, true},
		{"current.requests_per_second", c.RequestsPerSecond, true},
	}
	if err := checkDecimals(checks); err != nil {
		return err
	}
	for _, u := range checks[2:5] {
		if u.v != nil && u.v.GreaterThan(dOne) {
			return &FieldError{Field: u.field, Value: u.v.String(), Reason: "is above 1: a utilisation is a share of the fleet's capacity, 0–1 (CloudWatch's 50 % is 0.5)"}
		}
	}
	if c.PeakCPUUtilization != nil {
		if c.CPUUtilization == nil {
			return &FieldError{Field: "current.peak_cpu_utilization", Value: c.PeakCPUUtilization.String(), Reason: "needs current.cpu_utilization, the mean it is the peak of"}
		}
		if c.PeakCPUUtilization.LessThan(*c.CPUUtilization) {
			return &FieldError{Field: "current.peak_cpu_utilization", Value: c.PeakCPUUtilization.String(), Reason: "is below current.cpu_utilization " + c.CPUUtilization.String() + ": the busiest hour cannot be less busy than the mean"}
		}
	}
	for _, f := range []struct {
		field string
		v     *int64
	}{{"current.task_memory_mb", c.TaskMemoryMB}, {"current.memory_mb", c.MemoryMB}} {
		if f.v == nil {
			continue
		}
		if *f.v <= 0 {
			return &FieldError{Field: f.field, Value: fmt.Sprint(*f.v), Reason: "must be greater than zero"}
		}
		if *f.v > maxQuantity.IntPart() {
			return &FieldError{Field: f.field, Value: fmt.Sprint(*f.v), Reason: "is beyond any workload runwhere sizes (at most " + maxQuantity.String() + ")"}
		}
	}
	if (c.TaskVCPU == nil) != (c.TaskMemoryMB == nil) {
		field := "current.task_memory_mb"
		if c.TaskVCPU == nil {
			field = "current.task_vcpu"
		}
		return &FieldError{Field: field, Reason: "is missing: a task is given by both current.task_vcpu and current.task_memory_mb"}
	}
	given := 0
	for _, g := range []bool{c.InstanceType != "", c.TaskVCPU != nil, c.MemoryMB != nil} {
		if g {
			given++
		}
	}
	if given > 1 {
		return &FieldError{Field: "current", Value: string(c.Platform), Reason: "gives more than one kind of unit: an instance_type (nodes), a task_vcpu and task_memory_mb (Fargate) or a memory_mb (Lambda)"}
	}
	return nil
}

// checkDecimals is check's bounds and signs on a list of decimals.
func checkDecimals(checks []decimalCheck) error {
	for _, c := range checks {
		if c.v == nil {
			continue
		}
		if err := checkDecimalInput(c); err != nil {
			return err
		}
	}
	return nil
}

// calibrate reads s.Current against the snapshot's catalogue and the
// instance table, and fills in the workload fields it measures that s
// leaves out: the CPU time of a request, the busiest hour, a task's
// memory, the instance type. It runs once the rates are in and before
// any other default. No current block: nil.
func (s *Scenario) calibrate(cat platform.Catalogue, inst platform.Instances) (*Calibration, error) {
	c := s.Current
	if c == nil {
		return nil, nil
	}
	if _, ok := cat.Platform(c.Platform); !ok {
		return nil, &FieldError{Field: "current.platform", Value: string(c.Platform), Reason: fmt.Sprintf("is not in snapshot %s%s", s.Snapshot, arrivedNote(c.Platform))}
	}
	w := &s.Workload
	cal := &Calibration{From: []string{}, Sets: []string{}}
	unit, err := currentUnit(c, inst, platform.SnapshotID(s.Snapshot))
	if err != nil {
		return nil, err
	}
	if c.InstanceType != "" && s.Servers.InstanceType == "" {
		s.Servers.InstanceType = c.InstanceType
		cal.Sets = append(cal.Sets, "servers.instance_type")
	}
	if c.Count == nil && (c.InstanceType != "" || c.TaskVCPU != nil) {
		return nil, &FieldError{Field: "current.count", Reason: "is missing: the nodes, tasks or instances running today (the month's mean)"}
	}
	// The rate the measurements were taken at: the workload's mean when
	// not said, and then written down (s is the caller's clone), so that
	// the scenario as evaluated keeps it when a caller moves the mean.
	rateField := "current.requests_per_second"
	if c.RequestsPerSecond == nil {
		c.RequestsPerSecond = ptr(*w.RequestsPerSecond)
		rateField = "workload.requests_per_second" // what an error names
	}
	rate := *c.RequestsPerSecond
	if u := c.CPUUtilization; u != nil {
		if unit.vcpu.IsZero() {
			return nil, &FieldError{Field: "current.cpu_utilization", Value: u.String(), Reason: "needs the unit it is a share of: current.instance_type, current.task_vcpu and current.task_memory_mb, or current.memory_mb"}
		}
		if !rate.IsPositive() {
			return nil, &FieldError{Field: rateField, Value: rate.String(), Reason: "is no load: current.cpu_utilization needs the requests per second it was measured at"}
		}
		count, countField := unitsRunning(c, *w.DurationMS, rate)
		busy := count.Mul(unit.vcpu).Mul(*u) // vCPU in use
		cpu := busy.Mul(thousand).DivRound(rate, cpuMSScale)
		cal.CPUMS = &cpu
		cal.From = append(cal.From, countField, "current.cpu_utilization", "current.requests_per_second")
		switch {
		case !cpu.IsPositive():
			return nil, &FieldError{Field: "current.cpu_utilization", Value: u.String(), Reason: fmt.Sprintf("gives less than 0.0001 ms of CPU a request (%s vCPU busy at %s requests/s)", busy, rate)}
		case cpu.GreaterThan(*w.DurationMS):
			return nil, &FieldError{Field: "current.cpu_utilization", Value: u.String(), Reason: fmt.Sprintf("gives %s ms of CPU a request (%s × %s vCPU × %s ÷ %s requests/s), longer than workload.duration_ms %s: the measurements contradict each other (a request runs on one thread); check current.count, the rate and the duration", cpu, count, unit.vcpu, u, rate, w.DurationMS)}
		}
		if err := agrees(w, cpu, *u); err != nil {
			return nil, err
		}
		if w.CPUMS == nil && w.CPUFraction == nil {
			w.CPUMS = &cpu
			cal.Sets = append(cal.Sets, "workload.cpu_ms")
		}
		if p := c.PeakCPUUtilization; p != nil {
			// On a fleet of the same size, CPU follows the load.
			peak := rate.Mul(*p).DivRound(*u, rateScale)
			if peak.LessThan(*w.RequestsPerSecond) {
				return nil, &FieldError{Field: "current.peak_cpu_utilization", Value: p.String(), Reason: fmt.Sprintf("gives a busiest hour of %s requests/s (%s × %s ÷ %s), below the workload's mean of %s: the measurements contradict each other", peak.Round(2), rate, p, u, w.RequestsPerSecond)}
			}
			cal.PeakHourRequestsPerSecond = &peak
			cal.From = append(cal.From, "current.peak_cpu_utilization")
			if w.PeakHourRequestsPerSecond == nil {
				w.PeakHourRequestsPerSecond = &peak
				cal.Sets = append(cal.Sets, "workload.peak_hour_requests_per_second")
			}
		}
	}
	if m := c.MemoryUtilization; m != nil && unit.memoryMB > 0 {
		inUse := m.Mul(decimal.NewFromInt(unit.memoryMB)).Ceil().IntPart()
		cal.MemoryMB = &inUse
		cal.From = append(cal.From, "current.memory_utilization")
		// A task is one replica: what it holds today is a replica's
		// memory. A node's share says nothing of its replicas'.
		if c.TaskVCPU != nil && s.Container.MemoryMB == nil {
			if r := w.RequestMemoryMB; r != nil && inUse < *r {
				return nil, &FieldError{Field: "current.memory_utilization", Value: m.String(), Reason: fmt.Sprintf("gives %d MB in use in a task, less than one request's workload.request_memory_mb %d: the measurements contradict each other", inUse, *r)}
			}
			s.Container.MemoryMB = &inUse
			cal.Sets = append(cal.Sets, "container.memory_mb")
		}
	}
	if unit.field != "" {
		cal.From = append([]string{unit.field}, cal.From...)
	}
	cal.From = dedupe(cal.From)
	return cal, nil
}

// agrees refuses a CPU time the workload gives that the measurement
// contradicts: the two must say the same to the calibration's 0.0001 ms.
// A team that wants its own figure leaves current.cpu_utilization out.
func agrees(w *Workload, measured, util decimal.Decimal) error {
	var given decimal.Decimal
	field := "workload.cpu_ms"
	switch {
	case w.CPUMS != nil:
		given = *w.CPUMS
	case w.CPUFraction != nil:
		given, field = w.DurationMS.Mul(*w.CPUFraction), "workload.cpu_fraction"
	default:
		return nil
	}
	if given.Round(cpuMSScale).Equal(measured) {
		return nil
	}
	value := given.String()
	if field == "workload.cpu_fraction" {
		value = w.CPUFraction.String()
	}
	return &FieldError{Field: field, Value: value, Reason: fmt.Sprintf("contradicts current.cpu_utilization %s, which measures %s ms of CPU a request (this gives %s ms): give one of the two", util, measured, given.Round(cpuMSScale))}
}

// unitOf is one unit of what runs today, as the calibration reads it.
type unitOf struct {
	field    string // the field that gave it
	vcpu     decimal.Decimal
	memoryMB int64
}

// currentUnit is the unit c gives: an instance type of the table, a task,
// or a function's memory (whose vCPU is Lambda's share of one at 1,769
// MB). None given: the zero unit.
func currentUnit(c *Current, inst platform.Instances, snapshot platform.SnapshotID) (unitOf, error) {
	switch {
	case c.InstanceType != "":
		i, ok := inst.Lookup(c.InstanceType)
		if !ok {
			// Suggestions from the whole table: the calibration has no
			// price catalogue at hand.
			return unitOf{}, checkInstanceType("current.instance_type", c.InstanceType, inst, nil)
		}
		return unitOf{"current.instance_type", decimal.NewFromInt(i.Shape.VCPU), i.Shape.MemoryMiB}, nil
	case c.TaskVCPU != nil:
		// Today's task is a size Fargate runs, or it is not today's.
		want := capacity.Container{VCPU: *c.TaskVCPU, MemoryMB: *c.TaskMemoryMB}
		size, ok, err := capacity.FargateTaskSize(want, snapshot)
		if err != nil {
			return unitOf{}, &FieldError{Field: "current.task_vcpu", Value: c.TaskVCPU.String(), Reason: err.Error()}
		}
		if !ok || !size.VCPU.Equal(*c.TaskVCPU) || size.MemoryMiB != *c.TaskMemoryMB {
			reason := fmt.Sprintf("with current.task_memory_mb %d is not a Fargate task size", *c.TaskMemoryMB)
			if ok {
				reason += fmt.Sprintf(" (the smallest holding it is %s vCPU / %d MB)", size.VCPU, size.MemoryMiB)
			}
			return unitOf{}, &FieldError{Field: "current.task_vcpu", Value: c.TaskVCPU.String(), Reason: reason}
		}
		return unitOf{"current.task_vcpu", *c.TaskVCPU, *c.TaskMemoryMB}, nil
	case c.MemoryMB != nil:
		return unitOf{"current.memory_mb", decimal.NewFromInt(*c.MemoryMB).DivRound(lambdaOneMB, 12), *c.MemoryMB}, nil
	}
	return unitOf{}, nil
}

// unitsRunning is the units running: current.count, or for a function's
// execution environments Little's law's mean concurrency.
func unitsRunning(c *Current, durationMS, rate decimal.Decimal) (decimal.Decimal, string) {
	if c.Count != nil {
		return *c.Count, "current.count"
	}
	return capacity.Concurrency(rate, durationMS), "workload.duration_ms"
}

func dedupe(in []string) []string {
	out := in[:0]
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
