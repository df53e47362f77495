package runwhere

// Every guess on show (issue 23): the inputs an answer rests on that the
// scenario did not give, and for those that move money, the answer at a
// plausible alternative, so that a person sees which guess decides it.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Assumption is one input the answer rests on that the scenario did not
// give: the field, the value used, where it came from ("default",
// "calibrated" from the current block, or "imported"), and its effect —
// for those that move money, the answer at a plausible alternative.
type Assumption struct {
	Field  string `json:"field"`
	Value  string `json:"value"`
	Source string `json:"source"`
	Effect string `json:"effect"`
	// Flips is true when the recommendation changes at the alternative.
	Flips bool `json:"flips,omitempty"`
}

// The sources of an assumption.
const (
	SourceDefault    = "default"
	SourceCalibrated = "calibrated"
	SourceImported   = "imported"
)

// AssumptionReasonPrefix starts each recommendation reason that names an
// assumption which, at its alternative, changes the recommendation: they
// come first, where a person reads first.
const AssumptionReasonPrefix = "Assumed: "

// The plausible alternatives runwhere re-evaluates a defaulted input at.
// They are runwhere's own choices, not published figures: each is a value
// a real service commonly has where the default is the conservative or
// the convenient one.
var (
	// altCPUFraction: an HTTP API mostly waits on its database and
	// other services; a quarter of its time on CPU is a busy one.
	altCPUFraction = decimal.RequireFromString("0.25")
	// altPeakFactor: a burst within the busiest hour at twice its mean.
	altPeakFactor = decimal.NewFromInt(2)
	// altTargetUtilization: half the vCPU, the headroom many teams keep.
	altTargetUtilization = decimal.RequireFromString("0.5")
	// altZones: two zones, the fewest that survive one's loss.
	altZones = int64(2)
	// altResponseFactor: responses four times the default's size.
	altResponseFactor = decimal.NewFromInt(4)
)

// assumption is one guess: the entry, and how to set the evaluated
// scenario at its alternative (nil: nothing to re-evaluate) with the
// alternative in words and the field it changes.
type assumption struct {
	Assumption
	at    func(*Scenario)
	alt   string
	hint  string // what to give instead, for a reason that leads
	money bool
}

// assumptions lists the guesses of r's evaluation and re-evaluates those
// that move money at their alternatives, saying in each effect whether
// the recommendation changes and how the cheapest platform's month
// moves; the reasons then lead with those that change it.
func (e *env) assumptions(r *Report) ([]Assumption, error) {
	list := e.guesses(r)
	out := make([]Assumption, 0, len(list))
	var leads []string
	cheapest, base := cheapestOf(r.Platforms)
	for _, a := range list {
		if a.at != nil && r.Recommendation.Platform != "" {
			alt, err := e.quick(a.Field, a.at, r.Platforms)
			if err != nil {
				a.Effect = fmt.Sprintf("At %s the scenario cannot be evaluated: %v.", a.alt, err)
			} else {
				a.Effect, a.Flips = e.effect(a, r, alt, cheapest, base)
			}
			if a.Flips {
				leads = append(leads, fmt.Sprintf("%s%s %s (%s). %s %s", AssumptionReasonPrefix, a.Field, a.Value, a.Source, a.Effect, a.hint))
			}
		}
		out = append(out, a.Assumption)
	}
	if len(leads) > 0 {
		// After what runwhere changed in the scenario (a peak below the
		// mean), which stays first.
		at := 0
		if e.note != "" && len(r.Recommendation.Reasons) > 0 {
			at = 1
		}
		r.Recommendation.Reasons = slices.Insert(r.Recommendation.Reasons, at, leads...)
	}
	return out, nil
}

// guesses are the scenario's assumptions, in the order of the form.
func (e *env) guesses(r *Report) []assumption {
	g, s := e.given, e.s
	var out []assumption
	add := func(a assumption) { out = append(out, a) }
	containers := e.anyReads("container")
	if s.isJob() {
		if g.Container.VCPU == nil {
			add(assumption{Assumption: Assumption{Field: "container.vcpu", Value: s.Container.VCPU.String(), Source: SourceDefault, Effect: "Each task of a run gets this vCPU."}})
		}
		return out
	}
	w := s.Workload
	calibrated := func(field string) bool {
		return e.calibration != nil && slices.Contains(e.calibration.Sets, field)
	}
	switch {
	case calibrated("workload.cpu_ms"):
		c := s.Current
		add(assumption{Assumption: Assumption{Field: "workload.cpu_ms", Value: w.CPUMS.String() + " ms", Source: SourceCalibrated,
			Effect: fmt.Sprintf("Measured from what runs today: %s × %s at %s CPU ÷ %s requests/s, %s of a request's %s ms.",
				countText(c, w), unitText(c), c.CPUUtilization, c.RequestsPerSecond, pct(w.CPUFraction), w.DurationMS)}})
	case g.Workload.CPUMS == nil && g.Workload.CPUFraction == nil:
		add(assumption{Assumption: Assumption{Field: "workload.cpu_fraction", Value: w.CPUFraction.String() + " (every millisecond of a request on CPU)", Source: SourceDefault},
			at: func(s *Scenario) { s.Workload.CPUFraction, s.Workload.CPUMS = ptr(altCPUFraction), nil }, alt: fmt.Sprintf("cpu_fraction %s (%s ms of CPU a request)", altCPUFraction, w.DurationMS.Mul(altCPUFraction)), money: true,
			hint: cpuHint(s)})
	}
	if calibrated("workload.peak_hour_requests_per_second") {
		add(assumption{Assumption: Assumption{Field: "workload.peak_hour_requests_per_second", Value: w.PeakHourRequestsPerSecond.Round(2).String() + " requests/s", Source: SourceCalibrated,
			Effect: "The busiest hour's rate, from current.peak_cpu_utilization over current.cpu_utilization."}})
	}
	if g.Workload.PeakRequestsPerSecond == nil {
		peak := w.PeakHourRequestsPerSecond.Mul(altPeakFactor)
		what := "the busiest hour's mean: no burst above it within the hour"
		if g.Workload.PeakHourRequestsPerSecond == nil && !calibrated("workload.peak_hour_requests_per_second") && w.shape().Flat() {
			what = "the mean: no busier hour, no burst"
		}
		add(assumption{Assumption: Assumption{Field: "workload.peak_requests_per_second", Value: w.PeakRequestsPerSecond.Round(2).String() + " requests/s (" + what + ")", Source: SourceDefault},
			at: func(s *Scenario) { s.Workload.PeakRequestsPerSecond = ptr(peak) }, alt: fmt.Sprintf("an instantaneous peak of %s requests/s", peak.Round(2)), money: true,
			hint: "Give workload.peak_hour_requests_per_second (CloudWatch's busiest hour) and the peak you size for."})
	}
	if containers && g.Servers.TargetUtilization == nil {
		add(assumption{Assumption: Assumption{Field: "servers.target_utilization", Value: s.Servers.TargetUtilization.String(), Source: SourceDefault},
			at: func(s *Scenario) { s.Servers.TargetUtilization = ptr(altTargetUtilization) }, alt: "a target utilisation of " + altTargetUtilization.String(), money: true,
			hint: "Give the target your autoscaling policy holds."})
	}
	if containers && g.Servers.Zones == nil {
		minGiven := g.Servers.MinCount != nil
		add(assumption{Assumption: Assumption{Field: "servers.zones", Value: fmt.Sprint(*s.Servers.Zones), Source: SourceDefault},
			at: func(s *Scenario) {
				s.Servers.Zones = ptr(altZones)
				if s.Servers.MinCount != nil && !minGiven {
					s.Servers.MinCount = ptr(altZones) // one per zone
				}
			}, alt: fmt.Sprintf("%d zones", altZones), money: true, hint: "Give the zones you run in."})
	}
	if in := s.Ingress; in != nil && in.ResponseKB != nil && (g.Ingress == nil || g.Ingress.ResponseKB == nil) {
		kb := in.ResponseKB.Mul(altResponseFactor)
		add(assumption{Assumption: Assumption{Field: "ingress.response_kb", Value: in.ResponseKB.String() + " KB", Source: SourceDefault},
			at: func(s *Scenario) {
				ing := *s.Ingress
				ing.ResponseKB = ptr(kb)
				s.Ingress = &ing
			}, alt: fmt.Sprintf("%s KB a request and response", kb), money: true,
			hint: "Give the size your front door sees."})
	}
	if containers {
		if g.Container.VCPU == nil {
			add(assumption{Assumption: Assumption{Field: "container.vcpu", Value: s.Container.VCPU.String(), Source: SourceDefault,
				Effect: "The vCPU of one replica; a Fargate task is the smallest size holding it."}})
		}
		if calibrated("container.memory_mb") {
			add(assumption{Assumption: Assumption{Field: "container.memory_mb", Value: fmt.Sprintf("%d MB", *s.Container.MemoryMB), Source: SourceCalibrated,
				Effect: fmt.Sprintf("The memory today's task has in use (%s of %d MB), taken as a replica's.", s.Current.MemoryUtilization, *s.Current.TaskMemoryMB)}})
		}
		if g.Container.MemoryMB == nil && !calibrated("container.memory_mb") {
			add(assumption{Assumption: Assumption{Field: "container.memory_mb", Value: fmt.Sprintf("%d MB", *s.Container.MemoryMB), Source: SourceDefault,
				Effect: "The memory of one replica."}})
		}
		if g.Workload.RequestMemoryMB == nil {
			add(assumption{Assumption: Assumption{Field: "workload.request_memory_mb", Value: "none", Source: SourceDefault,
				Effect: "Memory does not bound the requests a replica serves at once; only its CPU (and max_in_flight) do."}})
		}
		if g.Container.MaxInFlight == nil {
			add(assumption{Assumption: Assumption{Field: "container.max_in_flight", Value: "none", Source: SourceDefault,
				Effect: "A replica takes as many requests at once as its CPU serves: no worker or thread limit."}})
		}
		if calibrated("servers.instance_type") && e.anyReads("servers.instance_type") {
			add(assumption{Assumption: Assumption{Field: "servers.instance_type", Value: s.Servers.InstanceType, Source: SourceCalibrated,
				Effect: "Today's instance type, for the EC2-based platforms; ask for cheaper configurations (alternatives) to try the others."}})
		}
		if g.Servers.InstanceType == "" && !calibrated("servers.instance_type") && e.anyReads("servers.instance_type") {
			add(assumption{Assumption: Assumption{Field: "servers.instance_type", Value: s.Servers.InstanceType, Source: SourceDefault,
				Effect: "The worker type of the EC2-based platforms; ask for cheaper configurations (alternatives) to try the others."}})
		}
		if g.Servers.Autoscaling == nil {
			add(assumption{Assumption: Assumption{Field: "servers.autoscaling", Value: "off", Source: SourceDefault,
				Effect: "The peak's fleet runs all month; under a load shape, autoscaling follows it hour by hour."}})
		}
	}
	out = append(out, unitGuesses(e, r)...)
	out = append(out, quotaGuesses(r)...)
	return out
}

// quotaGuesses are the adjustable quotas the platforms reach: a new
// account's defaults, which a request raises.
func quotaGuesses(r *Report) []assumption {
	var out []assumption
	for _, p := range r.Platforms {
		for _, f := range p.Warnings {
			if f.Enforcement != platform.Quota || f.Limit == "" {
				continue
			}
			unit := ""
			if f.Unit != "" {
				unit = " " + f.Unit
			}
			out = append(out, assumption{Assumption: Assumption{
				Field: "quota." + string(f.Code), Value: f.Limit + unit + " (" + p.Name + ")", Source: SourceDefault,
				Effect: fmt.Sprintf("A new account's default, adjustable: on %s, %s. A warning; it does not change the ranking.", p.Name, strings.TrimSuffix(f.Message, ".")),
			}})
		}
	}
	return out
}

// effect says what the alternative changes: the cheapest platform's
// month then and now, and the recommendation.
func (e *env) effect(a assumption, r *Report, alt quickResult, cheapest PlatformReport, base decimal.Decimal) (string, bool) {
	text := "At " + a.alt
	if cheapest.Platform != "" {
		if now, ok := alt.cost[cheapest.Platform]; !ok {
			text += fmt.Sprintf(", %s (%s now, the cheapest) can no longer run it", cheapest.Name, money(base))
		} else if now.Equal(base) {
			text += fmt.Sprintf(", the cheapest, %s, stays at %s a month", cheapest.Name, money(base))
		} else {
			text += fmt.Sprintf(", the cheapest, %s, costs %s a month instead of %s", cheapest.Name, money(now), money(base))
		}
	}
	// The platform whose month moves most, when it is another.
	var mover PlatformReport
	moved := decimal.Zero
	for _, p := range r.Platforms {
		now, ok := alt.cost[p.Platform]
		if !p.Feasible || !ok || p.Platform == cheapest.Platform {
			continue
		}
		if d := now.Sub(p.MonthlyCost).Abs(); d.GreaterThan(moved) {
			mover, moved = p, d
		}
	}
	if mover.Platform != "" {
		text += fmt.Sprintf("; %s moves most, %s → %s", mover.Name, money(mover.MonthlyCost), money(alt.cost[mover.Platform]))
	}
	flips := alt.recommended != r.Recommendation.Platform
	switch {
	case alt.recommended == "":
		text += "; no platform can run it."
	case flips:
		text += "; the recommendation becomes " + e.name(alt.recommended) + "."
	default:
		text += "; the recommendation stays " + e.name(r.Recommendation.Platform) + "."
	}
	return text, flips
}

// quickResult is what a re-evaluation at an alternative gives.
type quickResult struct {
	cost        map[platform.ID]decimal.Decimal // feasible platforms' months
	recommended platform.ID
}

// quick re-evaluates the scenario with set applied to it (the scenario
// with its defaults, so that nothing is checked or looked up again) as far
// as the recommendation: only the platforms that read field are priced
// again, the others keep base, their reports; no break-even points,
// cheaper configurations, comparison, baseline or assumptions of its own.
func (e *env) quick(field string, set func(*Scenario), base []PlatformReport) (quickResult, error) {
	q := *e
	q.s = e.s.clone()
	set(&q.s)
	q.in = q.inputs()
	q.in.Surroundings = engine.NewSurroundings(q.cats, q.in)
	q.in.RankOnly = true
	reports := make([]PlatformReport, 0, len(base))
	res := quickResult{cost: map[platform.ID]decimal.Decimal{}}
	for _, b := range base {
		r := b
		if p, ok := q.platforms.Platform(b.Platform); ok && reads(q.cats.Families, p, field) {
			m, err := q.evaluate(b.Platform)
			if err != nil {
				return quickResult{}, err
			}
			r = m.report
		}
		reports = append(reports, r)
		if r.Feasible {
			res.cost[r.Platform] = r.MonthlyCost
		}
	}
	res.recommended = q.rank(reports)
	return res, nil
}

// reads is whether p's evaluation reads the scenario field: every
// platform reads the workload; the others, the platforms whose families
// in reg say so.
func reads(reg engine.Registry, p platform.Platform, field string) bool {
	return strings.HasPrefix(field, "workload.") || reg.Uses(p, field)
}

// cheapestOf is the feasible platform with the least month, and that.
func cheapestOf(ps []PlatformReport) (PlatformReport, decimal.Decimal) {
	var best PlatformReport
	for _, p := range ps {
		if p.Feasible && (best.Platform == "" || p.MonthlyCost.LessThan(best.MonthlyCost)) {
			best = p
		}
	}
	return best, best.MonthlyCost
}

// anyReads is whether a platform of the scenario reads the field (its
// family says so): "container" for the platforms that run containers,
// "servers.instance_type" for those on instances of the scenario's type.
func (e *env) anyReads(field string) bool {
	for _, id := range e.s.Platforms {
		if p, ok := e.platforms.Platform(id); ok && e.cats.Families.Uses(p, field) {
			return true
		}
	}
	return false
}

func (e *env) name(id platform.ID) string {
	if p, ok := e.platforms.Platform(id); ok {
		return p.Name
	}
	return string(id)
}

func pct(f *decimal.Decimal) string {
	return f.Mul(decimal.NewFromInt(100)).Round(1).String() + " %"
}

// cpuHint says how to replace the CPU-share default: measure it, or let
// what runs today measure it.
func cpuHint(s Scenario) string {
	if s.Current != nil {
		return "Give workload.cpu_ms as measured, or current.cpu_utilization to calibrate it."
	}
	return "Give workload.cpu_ms as measured, or a current block to calibrate it."
}

// countText and unitText say what runs today: "4", "m5.large nodes".
func countText(c *Current, w Workload) string {
	if c.Count != nil {
		return decimalText(*c.Count)
	}
	return "a mean of " + capacity.Concurrency(*c.RequestsPerSecond, *w.DurationMS).Round(2).String()
}

func unitText(c *Current) string {
	switch {
	case c.InstanceType != "":
		return c.InstanceType
	case c.TaskVCPU != nil:
		return fmt.Sprintf("%s vCPU / %d MB tasks", c.TaskVCPU, *c.TaskMemoryMB)
	case c.MemoryMB != nil:
		return fmt.Sprintf("%d MB functions", *c.MemoryMB)
	}
	return string(c.Platform)
}
