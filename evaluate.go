package runwhere

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
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
	return evaluateFrom(s, embedded)
}

// evaluateFrom is Evaluate against the catalogues of src.
func evaluateFrom(s Scenario, src sources) (Report, error) {
	e, err := newEnvFrom(s, src)
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
	search := e.search()
	for _, id := range e.s.Platforms {
		m, err := e.evaluate(id)
		if err != nil {
			return Report{}, err
		}
		// Only a report searches for cheaper configurations: curves and
		// what-ifs evaluate the same platforms without it.
		if e.s.Alternatives != nil && *e.s.Alternatives > 0 && m.report.Feasible {
			if err := e.alternatives(m.platform, m.result, &m.report, &search); err != nil {
				return Report{}, err
			}
		}
		models = append(models, m)
		r.Platforms = append(r.Platforms, m.report)
	}
	if r.Baseline, err = e.baseline(); err != nil {
		return Report{}, err
	}
	r.Calibration = e.calibration
	for i := range r.Platforms {
		r.Platforms[i].VsCurrent = vsCurrent(r.Baseline, r.Platforms[i])
	}
	r.BreakEven, err = e.breakEven(models)
	if err != nil {
		return Report{}, err
	}
	r.Recommendation = e.recommend(r.Platforms)
	if line := todayReason(r.Baseline, r); line != "" {
		// After the sentence with the month, where a person compares.
		at := 2
		if e.note != "" {
			at = 3
		}
		at = min(at, len(r.Recommendation.Reasons))
		r.Recommendation.Reasons = slices.Insert(r.Recommendation.Reasons, at, line)
	}
	if r.Assumptions, err = e.assumptions(&r); err != nil {
		return Report{}, err
	}
	if r.Comparison, err = compare(e.platforms, e.s.Platforms); err != nil {
		return Report{}, err
	}
	return r, nil
}

// env is everything an evaluation looks up once: the scenario with its
// defaults, the catalogues of its snapshot and region, and the scenario as
// the components read it.
type env struct {
	s         Scenario
	platforms platform.Catalogue
	prices    *cost.Catalogue
	ha        *ha.Catalogue
	model     ha.Model
	cats      engine.Catalogues
	in        engine.Inputs
	// note says what the defaults changed that a person should know: a
	// peak given below the mean is raised to it.
	note string
	// given is the scenario as the caller gave it, whose fields an error
	// names (inputError).
	given Scenario
	// calibration is what the scenario's current block measured; nil
	// without one.
	calibration *Calibration
	// src is where the catalogues came from, for the re-evaluations of
	// the assumptions.
	src sources
}

// sources are where an evaluation reads its catalogues: the embedded ones,
// or a caller's own (in this package's tests, a platform that exists only
// in the test).
type sources struct {
	platforms func(snapshot string) (platform.Catalogue, error)
	prices    func(snapshot, region string) (*cost.Catalogue, error)
	ha        func() (*ha.Catalogue, error)
	// families are the models of the platforms' families; nil means the
	// built-in ones (families, package family's Builtin).
	families engine.Registry
}

var embedded = sources{platforms: platformCatalogue, prices: priceCatalogue, ha: haCatalogue, families: families}

func newEnv(s Scenario) (*env, error) { return newEnvFrom(s, embedded) }

func newEnvFrom(given Scenario, src sources) (*env, error) {
	s, cal, err := given.withCalibration(src)
	if err != nil {
		return nil, err
	}
	e := &env{s: s, given: given, note: peakNote(given, s), calibration: cal, src: src}
	if e.platforms, err = src.platforms(s.Snapshot); err != nil {
		return nil, err
	}
	if e.ha, err = src.ha(); err != nil {
		return nil, err
	}
	if e.prices, err = src.prices(s.Snapshot, s.Region); err != nil {
		return nil, &FieldError{Field: "region", Value: s.Region, Reason: "has no price catalogue: " + err.Error()}
	}
	instances, err := platform.EmbeddedInstances()
	if err != nil {
		return nil, err
	}
	if e.model, err = ha.ModelFrom(*s.HA.NodeAvailability, *s.HA.ZoneAvailability); err != nil {
		return nil, &FieldError{Field: "ha", Value: fmt.Sprint(*s.HA.NodeAvailability, *s.HA.ZoneAvailability), Reason: err.Error()}
	}
	reg := src.families
	if reg == nil {
		reg = families
	}
	e.cats = engine.Catalogues{Platforms: e.platforms, Prices: e.prices, Instances: instances, Families: reg}
	e.in = e.inputs()
	e.in.Surroundings = engine.NewSurroundings(e.cats, e.in)
	return e, nil
}

// inputs is the scenario, defaults filled in, in the components' terms.
func (e *env) inputs() engine.Inputs {
	if e.s.isJob() {
		return e.jobInputs()
	}
	s := e.s
	w, sv := s.Workload, s.Servers
	in := engine.Inputs{
		Snapshot: platform.SnapshotID(s.Snapshot),
		Region:   s.Region,
		Workload: capacity.Workload{
			RequestsPerSecond:     *w.RequestsPerSecond,
			PeakRequestsPerSecond: *w.PeakRequestsPerSecond,
			DurationMS:            *w.DurationMS,
			MemoryMB:              *w.MemoryMB,
			CPUFraction:           *w.CPUFraction,
			CPUMS:                 deref(w.CPUMS),
			RequestMemoryMB:       deref(w.RequestMemoryMB),
			MaxDurationS:          w.MaxDurationS.Ceil().IntPart(),
		},
		Container: capacity.Container{VCPU: *s.Container.VCPU, MemoryMB: *s.Container.MemoryMB, MaxInFlight: deref(s.Container.MaxInFlight)},
		Servers: capacity.Servers{
			InstanceType:      sv.InstanceType,
			Count:             *sv.Count,
			TargetUtilization: *sv.TargetUtilization,
			Zones:             *sv.Zones,
			SurviveZoneLoss:   *sv.SurviveZoneLoss,
			Managers:          *sv.Managers,
			Node:              capacity.NodeOptions{NetworkMode: capacity.NetworkMode(sv.ECSNetworkMode)},
		},
		HourlyPrice: sv.HourlyPrice,
		Arch:        w.Arch,
		Function: capacity.Function{
			MemoryMB:           *w.MemoryMB,
			EphemeralStorageMB: *s.Lambda.EphemeralStorageMB,
		},
	}
	in.CPUShareScaling = *s.Lambda.CPUShareScaling
	in.ControlPlaneSupport = s.controlPlaneSupport()
	in.Lambda = e.lambdaUsage(in.Workload)
	in.Shape = w.shape()
	in.FrontDoor = s.frontDoor()
	in.ServerDoor = s.serverDoor()
	in.ServerAPI = s.serverAPI()
	in.NAT = s.nat()
	in.InternetEgressGB = s.internetEgressGB()
	in.PublicIPs = s.publicIPs()
	in.RootVolumeGB = s.rootVolumeGB()
	in.Discounts = s.discounts()
	// With no mean load all of it is at the peak (as the fleets of
	// loadFleet read it): there is nothing for a fleet to follow.
	if *sv.Autoscaling && !w.RequestsPerSecond.IsZero() {
		if in.Shape.Flat() {
			in.Shape = engine.NewShape(repeat(HoursPerDay, "1"))
		}
		in.Autoscale = engine.NewAutoscale(in.Shape, *sv.MinCount, *sv.ScaleOutMinutes)
		in.PeakIsBusiestHour = w.PeakRequestsPerSecond.Equal(w.busiestHourOf(in.Shape))
	}
	return in
}

// jobInputs is a job in the components' terms: its tasks as replicas of a
// service that asks for exactly Parallelism of them ([jobWorkload]), in
// one zone, and its runs as Lambda's invocations.
func (e *env) jobInputs() engine.Inputs {
	s := e.s
	sv := s.Servers
	jw := jobWorkload(s)
	j := s.job()
	in := engine.Inputs{
		Snapshot: platform.SnapshotID(s.Snapshot),
		Region:   s.Region,
		Workload: capacity.Workload{
			RequestsPerSecond:     jw.rate,
			PeakRequestsPerSecond: jw.rate,
			DurationMS:            jw.duration,
			MemoryMB:              *s.Container.MemoryMB,
			CPUFraction:           jw.cpuFraction,
			MaxDurationS:          j.RunSeconds.Ceil().IntPart(),
		},
		Container: capacity.Container{VCPU: *s.Container.VCPU, MemoryMB: *s.Container.MemoryMB},
		Servers: capacity.Servers{
			InstanceType:      sv.InstanceType,
			Count:             *sv.Count,
			TargetUtilization: decimal.NewFromInt(1),
			Zones:             1,
			Managers:          *sv.Managers,
			Node:              capacity.NodeOptions{NetworkMode: capacity.NetworkMode(sv.ECSNetworkMode)},
		},
		HourlyPrice: sv.HourlyPrice,
		Arch:        s.Workload.Arch,
		Function: capacity.Function{
			MemoryMB:           *s.Workload.MemoryMB,
			EphemeralStorageMB: *s.Lambda.EphemeralStorageMB,
		},
		Job:                 j,
		Discounts:           s.discounts(),
		ControlPlaneSupport: s.controlPlaneSupport(),
		NAT:                 s.nat(),
		InternetEgressGB:    s.internetEgressGB(),
		PublicIPs:           s.publicIPs(),
		RootVolumeGB:        s.rootVolumeGB(),
	}
	in.Lambda = e.lambdaUsage(in.Workload)
	return in
}

// model is one platform's evaluation plus its monthly cost as a function of
// requests per month (a job's task runs), for break-even and curves.
type model struct {
	report PlatformReport
	curve  *cost.Curve // functions platforms
	fleet  *cost.Fleet // every other platform
	// alt is a job's other way to run on the platform: the platform
	// costs the cheaper of fleet and alt at every load.
	alt *cost.Fleet
	// around is what surrounds a fleet (an ALB, NAT gateways), added to
	// it at every load.
	around *cost.Curve
	// topology is the deployment the adapter described, which the HA
	// summary and the what-if both start from.
	topology ha.Topology
	// platform and result are what the search for cheaper
	// configurations starts from.
	platform platform.Platform
	result   engine.Result
}

// isCurve reports whether the platform is priced per request, as a curve
// of the monthly requests (functions), rather than by a fleet's steps;
// one that cannot be priced is on the side its family prices on.
func (m model) isCurve() bool { return m.result.PerRequest }

// priced reports whether the platform has a cost model.
func (m model) priced() bool { return m.curve != nil || m.fleet != nil }

// monthly is the platform's exact monthly cost at x requests a month.
func (m model) monthly(x decimal.Decimal) decimal.Decimal {
	if m.curve != nil {
		return m.curve.At(x)
	}
	v := m.fleet.At(x)
	if m.alt != nil {
		v = decimal.Min(v, m.alt.At(x))
	}
	if m.around != nil {
		v = v.Add(m.around.At(x))
	}
	return v
}

// evaluate evaluates platform id with the adapter of its family and turns
// the result into the report's column.
func (e *env) evaluate(id platform.ID) (model, error) {
	p, _ := e.platforms.Platform(id) // WithDefaults checked membership
	res, err := engine.Evaluate(p, e.cats, e.in)
	if err != nil {
		return model{}, e.inputError(err)
	}
	m := model{platform: p, result: res, curve: res.Curve, fleet: res.Fleet, alt: res.Alternative, around: res.Around, topology: res.Topology}
	m.report.Platform, m.report.Name = p.ID, p.Name
	m.report.addFindings(res.Findings)
	m.report.setBill(res.Bill)
	m.report.Capacity = Capacity(res.Capacity)
	if m.report.HA, err = e.ha.Summarize(res.Topology, e.model); err != nil {
		return model{}, err
	}
	m.report.Feasible = len(m.report.Blockers) == 0
	if !m.report.Feasible {
		// A platform that cannot run the load has no price for it: a
		// fixed fleet too small for the peak still has a bill, but shown
		// beside the others it reads as the cheapest way to run what it
		// cannot (issue 23). No bill, and no cost model for the curves
		// or the break-even to draw.
		m.report.setBill(cost.Bill{})
		m.curve, m.fleet, m.alt, m.around = nil, nil, nil, nil
	}
	if m.report.Blockers == nil {
		m.report.Blockers = []capacity.Finding{}
	}
	if m.report.Warnings == nil {
		m.report.Warnings = []capacity.Finding{}
	}
	return m, nil
}

// search is what the search for cheaper configurations tries.
func (e *env) search() engine.Search {
	s := engine.Search{Archs: []string{string(platform.X86_64), string(platform.ARM64)}}
	if e.s.Alternatives != nil {
		s.N = int(*e.s.Alternatives)
	}
	if e.s.AlternativesArch == AlternativesSameArch {
		s.Archs = []string{e.s.Workload.Arch}
	}
	return s
}

// alternatives searches p's cheaper configurations for the report.
func (e *env) alternatives(p platform.Platform, res engine.Result, r *PlatformReport, s *engine.Search) error {
	found, tried, err := engine.Alternatives(p, e.cats, e.in, res, s)
	if err != nil {
		return e.inputError(err)
	}
	r.AlternativesSearched = tried
	hundred := decimal.NewFromInt(100)
	for _, a := range found {
		saving := r.MonthlyCost.Sub(a.Bill.Total())
		r.Alternatives = append(r.Alternatives, Alternative{
			InstanceType: a.InstanceType, TaskVCPU: a.TaskVCPU, TaskMemoryMB: a.TaskMemoryMB, MemoryMB: a.MemoryMB, Arch: a.Arch,
			MonthlyCost: a.Bill.Total(), MonthlyCostRounded: a.Bill.Rounded(),
			Saving:        saving,
			SavingPercent: saving.Mul(hundred).DivRound(r.MonthlyCost, 3).Round(1),
		})
	}
	return nil
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
	r.MonthlyCostTotalRounded = b.TotalRounded()
	r.CostLines = costLines(b)
}

// lambdaUsage is what Lambda bills for the scenario whose workload, in
// the components' terms, is w. A job's invocations are its task runs,
// each lasting a run.
func (e *env) lambdaUsage(w capacity.Workload) cost.LambdaUsage {
	return e.lambdaUsageAt(w, *e.s.Workload.MemoryMB)
}

// lambdaUsageAt is lambdaUsage with the function at memoryMB (what
// runs today may have another memory than the workload's).
func (e *env) lambdaUsageAt(w capacity.Workload, memoryMB int64) cost.LambdaUsage {
	s := e.s
	storage := int(*s.Lambda.EphemeralStorageMB)
	if storage == DefaultEphemeralStorageMB {
		storage = 0 // the free size; 2017-12 prices know no other
	}
	var requests, duration decimal.Decimal
	if j := s.job(); j != nil {
		requests, duration = s.jobRequests(), j.RunSeconds.Mul(thousand)
	} else {
		requests, duration = *s.Workload.RequestsPerMonth, engine.LambdaDurationMS(w, memoryMB, *s.Lambda.CPUShareScaling)
	}
	return cost.LambdaUsage{
		Requests:               requests,
		DurationMS:             duration,
		MemoryMB:               int(memoryMB),
		Arch:                   cost.Arch(s.Workload.Arch),
		FreeTier:               *s.Lambda.FreeTier,
		EphemeralStorageMB:     storage,
		ProvisionedConcurrency: int(*s.Lambda.ProvisionedConcurrency),
		ProvisionedSeconds:     e.provisionedSeconds(),
	}
}

// provisionedSeconds is the month's enabled time of a provisioned
// concurrency schedule: its hours of each day or week, times the cycles
// in 730 hours, rounded up to the second (Lambda then rounds it up to its
// 5 minutes); zero, meaning all month, without a schedule.
func (e *env) provisionedSeconds() decimal.Decimal {
	sched := e.s.Lambda.ProvisionedSchedule
	if len(sched) == 0 {
		return decimal.Zero
	}
	cycle := int64(HoursPerDay)
	if n := e.s.Workload.shape().Len(); n > 0 {
		cycle = int64(n)
	}
	secs := decimal.NewFromInt(int64(len(sched)) * platform.SecondsPerMonth)
	return secs.Div(decimal.NewFromInt(cycle)).Ceil()
}

// prefixError gives every error leaving the package its "runwhere: "
// prefix, whichever component raised it.
// The prefix is added when the message is printed ([input.Prefix]), so a
// caller that finds the *FieldError and sets its File or Line changes what
// the error says.
func prefixError(err *error) {
	if *err != nil && !strings.HasPrefix((*err).Error(), "runwhere: ") {
		*err = input.Prefix("runwhere", *err)
	}
}

// peakNote says so when the scenario gave a peak below its mean rate,
// which the defaults raise to the mean; the numbers are the scenario's own.
func peakNote(given, s Scenario) string {
	peak := given.Workload.PeakRequestsPerSecond
	if peak == nil || s.isJob() || !peak.LessThan(*s.Workload.PeakRequestsPerSecond) {
		return ""
	}
	if !s.Workload.PeakRequestsPerSecond.Equal(*s.Workload.RequestsPerSecond) {
		return fmt.Sprintf("The peak of %s requests/s given is below the busiest hour's mean of %s under the load shape, so that is used as the peak (workload.peak_requests_per_second).", peak, s.Workload.PeakRequestsPerSecond.Round(2))
	}
	mean := s.Workload.RequestsPerSecond.Round(2).String()
	if given.Workload.RequestsPerSecond != nil {
		mean = given.Workload.RequestsPerSecond.String()
	}
	return fmt.Sprintf("The peak of %s requests/s given is below the mean of %s, so the mean is used as the peak (workload.peak_requests_per_second).", peak, mean)
}

// load is the x of the cost models at the scenario's own load: its
// requests a month, or a job's task runs.
func (e *env) load() decimal.Decimal {
	if e.s.isJob() {
		return e.s.jobRequests()
	}
	return *e.s.Workload.RequestsPerMonth
}

// deref is *p, or the zero value when p is nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// controlPlaneSupport is the support tier the EKS control planes are
// billed at.
func (s Scenario) controlPlaneSupport() cost.EKSSupport {
	if s.EKS.ExtendedSupport != nil && *s.EKS.ExtendedSupport {
		return cost.EKSExtended
	}
	return cost.EKSStandard
}
