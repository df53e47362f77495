package runwhere

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// Currency of every amount in a report: the catalogues are USD list prices.
const Currency = "USD"

// Evaluate answers a scenario: it fills in the defaults, then sizes, prices
// and checks every platform the scenario names, solves the break-even
// points against Lambda and ranks the platforms. A platform that cannot
// run the workload is reported with its blockers, not as an error; errors
// are for scenarios that cannot be evaluated at all.
func Evaluate(s Scenario) (_ Report, err error) {
	defer prefixError(&err)
	e, err := newEnv(s)
	if err != nil {
		return Report{}, err
	}
	r := Report{
		Scenario: e.s.Name,
		Snapshot: e.s.Snapshot,
		Region:   e.s.Region,
		Currency: Currency,
		Inputs:   e.s,
	}
	models := make([]model, 0, len(e.s.Platforms))
	for _, id := range e.s.Platforms {
		m, err := e.evaluate(id)
		if err != nil {
			return Report{}, err
		}
		models = append(models, m)
		r.Platforms = append(r.Platforms, m.report)
	}
	r.BreakEven, err = e.breakEven(models)
	if err != nil {
		return Report{}, err
	}
	r.Recommendation = e.recommend(r.Platforms)
	return r, nil
}

// env is everything an evaluation looks up once: the scenario with its
// defaults and the catalogues of its snapshot.
type env struct {
	s         Scenario
	platforms platform.Catalogue
	prices    *cost.Catalogue
	instances capacity.Instances
	model     ha.Model
	workload  capacity.Workload
	container capacity.Container
}

func newEnv(s Scenario) (*env, error) {
	s, err := s.WithDefaults()
	if err != nil {
		return nil, err
	}
	e := &env{s: s}
	if e.platforms, err = platformCatalogue(s.Snapshot); err != nil {
		return nil, err
	}
	if e.prices, err = priceCatalogue(s.Snapshot, s.Region); err != nil {
		return nil, &FieldError{Field: "region", Value: s.Region, Reason: "has no price catalogue: " + err.Error()}
	}
	if e.instances, err = platform.EmbeddedInstances(); err != nil {
		return nil, err
	}
	if e.model, err = ha.ModelFrom(*s.HA.NodeAvailability, *s.HA.ZoneAvailability); err != nil {
		return nil, &FieldError{Field: "ha", Value: fmt.Sprint(*s.HA.NodeAvailability, *s.HA.ZoneAvailability), Reason: err.Error()}
	}
	w := s.Workload
	e.workload = capacity.Workload{
		RequestsPerSecond:     *w.RequestsPerSecond,
		PeakRequestsPerSecond: *w.PeakRequestsPerSecond,
		DurationMS:            *w.DurationMS,
		MemoryMB:              *w.MemoryMB,
		CPUFraction:           *w.CPUFraction,
		MaxDurationS:          w.MaxDurationS.Ceil().IntPart(),
	}
	e.container = capacity.Container{VCPU: *s.Container.VCPU, MemoryMB: *s.Container.MemoryMB}
	return e, nil
}

// model is one platform's evaluation plus its monthly cost as a function of
// requests per month, for break-even and curves.
type model struct {
	report PlatformReport
	lambda *cost.Curve // Lambda
	fleet  *cost.Fleet // every other platform
	usage  cost.LambdaUsage
	task   *cost.FargateUsage
}

// monthly is the platform's exact monthly cost at x requests a month.
func (m model) monthly(x decimal.Decimal) decimal.Decimal {
	if m.lambda != nil {
		return m.lambda.At(x)
	}
	return m.fleet.At(x)
}

func (e *env) evaluate(id platform.ID) (model, error) {
	p, _ := e.platforms.Platform(id) // WithDefaults checked membership
	var (
		m   model
		err error
	)
	switch {
	case id == platform.Lambda:
		m, err = e.evaluateLambda(p)
	case id == platform.ECSFargate:
		m, err = e.evaluateFargate(p)
	default:
		m, err = e.evaluateServers(p)
	}
	if err != nil {
		return model{}, err
	}
	m.report.Platform, m.report.Name = p.ID, p.Name
	m.report.Feasible = len(m.report.Blockers) == 0
	if m.report.Blockers == nil {
		m.report.Blockers = []capacity.Finding{}
	}
	if m.report.Warnings == nil {
		m.report.Warnings = []capacity.Finding{}
	}
	return m, nil
}

// addFindings sorts findings into blockers and warnings.
func (r *PlatformReport) addFindings(fs capacity.Findings) {
	for _, f := range fs {
		if f.Severity == capacity.Blocker {
			r.Blockers = append(r.Blockers, f)
		} else {
			r.Warnings = append(r.Warnings, f)
		}
	}
}

// setBill puts a bill's lines and totals on the report.
func (r *PlatformReport) setBill(b cost.Bill) {
	r.MonthlyCost = b.Total()
	r.MonthlyCostRounded = b.Rounded()
	r.CostLines = make([]CostLine, 0, len(b.Lines))
	for _, l := range b.Lines {
		r.CostLines = append(r.CostLines, CostLine{
			Item: l.Item, Quantity: l.Quantity, Unit: l.Unit, UnitPrice: l.UnitPrice,
			Amount: l.Amount, AmountRounded: l.Rounded(),
		})
	}
}

func (e *env) lambdaUsage() cost.LambdaUsage {
	s := e.s
	storage := int(*s.Lambda.EphemeralStorageMB)
	if storage == DefaultEphemeralStorageMB {
		storage = 0 // the free size; 2017-12 prices know no other
	}
	return cost.LambdaUsage{
		Requests:               *s.Workload.RequestsPerMonth,
		DurationMS:             e.lambdaDurationMS(),
		MemoryMB:               int(*s.Workload.MemoryMB),
		Arch:                   cost.Arch(s.Workload.Arch),
		FreeTier:               *s.Lambda.FreeTier,
		EphemeralStorageMB:     storage,
		ProvisionedConcurrency: int(*s.Lambda.ProvisionedConcurrency),
	}
}

func (e *env) evaluateLambda(p platform.Platform) (model, error) {
	var m model
	w := e.workload
	w.DurationMS = e.lambdaDurationMS()
	sz, err := capacity.SizeLambda(p, w, capacity.Function{
		MemoryMB:           *e.s.Workload.MemoryMB,
		EphemeralStorageMB: *e.s.Lambda.EphemeralStorageMB,
	})
	if err != nil {
		return model{}, err
	}
	m.report.addFindings(sz.Findings)
	m.report.Capacity = Capacity{
		DurationMS:      ptr(w.DurationMS),
		Concurrency:     ptr(sz.Concurrency),
		PeakConcurrency: ptr(sz.PeakConcurrency),
		RampSeconds:     ptr(decimal.NewFromInt(sz.RampSeconds)),
	}
	m.usage = e.lambdaUsage()
	if len(m.report.Blockers) > 0 {
		// A blocked function has no bill: its memory or duration may be
		// outside what the price catalogue can price.
		m.report.setBill(cost.Bill{})
	} else {
		bill, err := cost.Lambda(e.prices, m.usage)
		if err != nil {
			return model{}, err
		}
		m.report.setBill(bill)
		curve, err := cost.LambdaCurve(e.prices, m.usage)
		if err != nil {
			return model{}, err
		}
		m.lambda = &curve
	}
	m.report.HA, err = ha.Summarize(ha.Topology{Platform: p.ID, Snapshot: platform.SnapshotID(e.s.Snapshot)}, e.model)
	return m, err
}

// prefixError gives every error leaving the package its "runwhere: "
// prefix, whichever component raised it.
func prefixError(err *error) {
	if *err != nil && !strings.HasPrefix((*err).Error(), "runwhere: ") {
		*err = fmt.Errorf("runwhere: %w", *err)
	}
}

// lambdaDurationMS is the mean duration of one invocation on Lambda: the
// workload's own, or with lambda.cpu_share_scaling its CPU-bound share
// stretched by 1 / (the vCPU share of the function's memory), never
// shortened (one request uses one thread).
func (e *env) lambdaDurationMS() decimal.Decimal {
	d := *e.s.Workload.DurationMS
	mb := *e.s.Workload.MemoryMB
	if !*e.s.Lambda.CPUShareScaling || mb >= lambdaOneVCPUMB {
		return d
	}
	cpu := d.Mul(*e.s.Workload.CPUFraction)
	// cpu × 1769 / mb, kept to the picosecond; billing rounds it up to the
	// millisecond (or 100 ms in 2017-12) anyway.
	stretched := cpu.Mul(decimal.NewFromInt(lambdaOneVCPUMB)).DivRound(decimal.NewFromInt(mb), 9)
	return d.Sub(cpu).Add(stretched)
}

// lambdaOneVCPUMB is the memory at which Lambda gives a function one full
// vCPU (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
const lambdaOneVCPUMB = 1769
