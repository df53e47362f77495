package runwhere

// The recommendation's reasons: the sentences that say why the ranking
// is what it is, why a platform is blocked, and where the 2017 deck's
// conclusions no longer hold. The scores themselves are in recommend.go.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func money(d decimal.Decimal) string {
	s := d.StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	return "$" + grouped(whole) + "." + frac
}

// count writes a whole number with thousands separators: 1,214.
func count(n int) string { return grouped(strconv.Itoa(n)) }

// grouped puts a comma between each group of three digits of whole.
func grouped(whole string) string {
	var b strings.Builder
	for i, ch := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	return b.String()
}

func byID(reports []PlatformReport, id platform.ID) PlatformReport {
	for _, r := range reports {
		if r.Platform == id {
			return r
		}
	}
	return PlatformReport{}
}

func (e *env) reasons(ranking []Ranked, reports []PlatformReport) []string {
	best := byID(reports, ranking[0].Platform)
	load := e.loadWords()
	var out []string
	out = append(out, fmt.Sprintf("%s ranks first with a score of %.2f of 1 (cost %.2f, headroom %.2f, resilience %.2f, operations %.2f, portability %.2f).",
		best.Name, ranking[0].Score, ranking[0].Criteria.Cost, ranking[0].Criteria.Headroom, ranking[0].Criteria.Resilience, ranking[0].Criteria.Operations, ranking[0].Criteria.Portability))

	// Cost at the stated load, against the next cheapest and the second by score.
	var cheapest PlatformReport
	for _, r := range reports {
		if r.Feasible && (cheapest.Platform == "" || r.MonthlyCost.LessThan(cheapest.MonthlyCost)) {
			cheapest = r
		}
	}
	if cheapest.Platform == best.Platform {
		// The cheapest alternative and the second by score are named
		// apart: they are often not the same platform.
		s := fmt.Sprintf("At %s it costs %s a month, the least of the feasible platforms", load, money(best.MonthlyCostRounded))
		var second PlatformReport
		for _, r := range reports {
			if r.Feasible && r.Platform != best.Platform && (second.Platform == "" || r.MonthlyCost.LessThan(second.MonthlyCost)) {
				second = r
			}
		}
		if second.Platform != "" {
			s += fmt.Sprintf("; the next cheapest is %s at %s", second.Name, money(second.MonthlyCostRounded))
		}
		if len(ranking) > 1 && ranking[1].Feasible {
			next := byID(reports, ranking[1].Platform)
			if next.Platform == second.Platform {
				s += ", which also ranks second"
			} else {
				s += fmt.Sprintf(", and %s (%s) ranks second", next.Name, money(next.MonthlyCostRounded))
			}
		}
		out = append(out, s+".")
	} else {
		out = append(out, fmt.Sprintf("At %s it costs %s a month; %s is cheaper at %s, but ranks lower on the other criteria.", load, money(best.MonthlyCostRounded), cheapest.Name, money(cheapest.MonthlyCostRounded)))
	}

	// Headroom before limits.
	p, _ := e.platforms.Platform(best.Platform)
	switch {
	case best.Capacity.PeakConcurrency != nil && p.Limits.Concurrency != nil:
		out = append(out, fmt.Sprintf("The peak needs %s concurrent executions of the %d default quota (%s).", best.Capacity.PeakConcurrency.Ceil(), p.Limits.Concurrency.Value, p.Limits.Concurrency.Source))
	case best.Capacity.Nodes > 0 && p.Limits.NodesPerCluster != nil:
		c, l := best.Capacity, p.Limits.NodesPerCluster
		verb := "needs"
		if c.FixedFleet {
			verb = "runs a fixed fleet of"
		}
		clusters := max(c.Clusters, 1)
		share := float64(c.Nodes) / float64(clusters) / float64(l.Value)
		where := "within"
		switch {
		case share <= 0.5:
			where = "well within"
		case share > 1:
			where = "past"
		}
		s := fmt.Sprintf("It %s %d %s nodes", verb, c.Nodes, c.InstanceType)
		if clusters > 1 {
			s += fmt.Sprintf(" over %d clusters", clusters)
		}
		out = append(out, fmt.Sprintf("%s, %s the %d-node %s per cluster (%s).", s, where, l.Value, l.Enforcement, l.Source))
	case best.Capacity.Replicas > 0:
		tasks := fmt.Sprintf("%d tasks", best.Capacity.Replicas)
		if best.Capacity.Replicas == 1 {
			tasks = "1 task"
		}
		if e.s.isJob() {
			out = append(out, fmt.Sprintf("Each run starts %s of %s vCPU / %d MB, billed by the second while it runs.", tasks, best.Capacity.TaskVCPU, best.Capacity.TaskMemoryMB))
		} else {
			out = append(out, fmt.Sprintf("It runs %s of %s vCPU / %d MB.", tasks, best.Capacity.TaskVCPU, best.Capacity.TaskMemoryMB))
		}
	}
	for _, f := range best.Warnings {
		if f.Enforcement == platform.Quota {
			out = append(out, fmt.Sprintf("It needs a quota increase (%s): %s.", f.Code, f.Message))
			continue
		}
		out = append(out, fmt.Sprintf("Watch %s: %s", f.Code, f.Message))
	}

	// Failure behaviour and who runs the control plane.
	h := best.HA
	switch {
	case h.SLA != nil && !h.SLA.None():
		out = append(out, fmt.Sprintf("AWS runs the control plane under a %s%% monthly SLA (%s).", h.SLA.Percent, h.SLA.Source))
	case h.SLA != nil:
		out = append(out, fmt.Sprintf("AWS runs the control plane; it published no SLA in %s (%s).", e.s.Snapshot, h.SLA.Source))
	case h.Managers != nil && h.ManagerFailuresTolerated != nil:
		out = append(out, fmt.Sprintf("Its %d managers tolerate %d failure(s); the team runs and upgrades them.", *h.Managers, *h.ManagerFailuresTolerated))
	case p.ControlPlane.RunBy == platform.AWS:
		out = append(out, "AWS runs the control plane; no SLA is published for this snapshot.")
	}
	if l := h.OnControlPlaneLoss; l != nil && l.RunningWorkloadsContinue != nil && *l.RunningWorkloadsContinue {
		out = append(out, fmt.Sprintf("If its control plane is lost, running workloads keep running (%s).", l.Source))
	}
	out = append(out, e.frontDoorReasons(reports)...)
	out = append(out, e.doorsReasons(reports)...)
	out = append(out, e.natReasons(reports)...)
	out = append(out, e.blockedReasons(reports)...)
	out = append(out, e.deckReasons(best, reports)...)
	return out
}

func (e *env) blockedReasons(reports []PlatformReport) []string {
	var out []string
	for _, r := range reports {
		if r.Feasible || len(r.Blockers) == 0 {
			continue
		}
		b := r.Blockers[0]
		s := fmt.Sprintf("%s cannot run it: %s", r.Name, strings.TrimSuffix(b.Message, "."))
		if b.Source != "" {
			s += fmt.Sprintf(" (%s)", b.Source)
		}
		out = append(out, s+".")
	}
	return out
}

// deckReasons compares the answer with the 2017 deck's conclusions and
// says where today's limits changed them.
func (e *env) deckReasons(best PlatformReport, reports []PlatformReport) []string {
	var out []string
	// The deck's serverless claims are about Lambda, the functions
	// platform; its scale claim about the orchestrators that publish a
	// node ceiling (ECS and Kubernetes; Swarm and Nomad publish none).
	var lambda PlatformReport
	for _, r := range reports {
		if p, ok := e.platforms.Platform(r.Platform); ok && p.Kind == platform.Serverless {
			lambda = r
			break
		}
	}
	if lambda.Platform != "" && best.Platform == lambda.Platform {
		out = append(out, "This agrees with the 2017 deck: periodic or light workloads and API-only applications suit serverless.")
	}
	if lambda.Platform != "" && !lambda.Feasible && slices.ContainsFunc(lambda.Blockers, func(f capacity.Finding) bool { return f.Code == capacity.MaxDuration }) {
		out = append(out, "This agrees with the 2017 deck: long-running jobs belong in containers.")
	}
	if !platform.SnapshotID(e.s.Snapshot).Before("2018-01") && lambda.Feasible {
		if old, err := e.maxDurationIn2017(lambda.Platform); err == nil && e.s.Workload.MaxDurationS != nil && e.s.Workload.MaxDurationS.GreaterThan(old) {
			out = append(out, fmt.Sprintf("Today's limits changed the deck's answer: a %s s job was past Lambda's %s s timeout in 2017-12; the limit has been 900 s since 2018-10.", e.s.Workload.MaxDurationS, old))
		}
		out = append(out, "The deck counted native libraries against serverless; Lambda container images (up to 10 GB, since 2020-12) now carry them.")
	}
	if p, ok := e.platforms.Platform(best.Platform); ok && best.Capacity.Nodes > 1000 && p.Limits.NodesPerCluster != nil {
		out = append(out, "This agrees with the 2017 deck: the largest conventional scale is ECS's or Kubernetes'.")
	}
	return out
}

func (e *env) maxDurationIn2017(id platform.ID) (decimal.Decimal, error) {
	c, err := platformCatalogue(platform.Snapshot2017.String())
	if err != nil {
		return decimal.Zero, err
	}
	p, ok := c.Platform(id)
	if !ok || p.Limits.Timeout == nil {
		return decimal.Zero, fmt.Errorf("no 2017 timeout")
	}
	return decimal.NewFromInt(p.Limits.Timeout.Value), nil
}

// loadWords is the scenario's load as the reasons state it.
func (e *env) loadWords() string {
	w := e.s.Workload
	if e.s.isJob() {
		tasks := "one task"
		if *w.Parallelism > 1 {
			tasks = fmt.Sprintf("%d tasks", *w.Parallelism)
		}
		return fmt.Sprintf("%d runs a month of %s minutes (%s each)", *w.RunsPerMonth, w.RunMinutes, tasks)
	}
	load := fmt.Sprintf("%s requests/s on average (peak %s)", w.RequestsPerSecond.Round(2), w.PeakRequestsPerSecond.Round(2))
	if w.RequestsPerSecond.Round(2).IsZero() {
		load = fmt.Sprintf("%s requests a month", w.RequestsPerMonth.Round(0))
	}
	if w.Profile != ProfileFlat {
		shape := w.Profile
		if shape == "" {
			shape = "the given hourly"
		}
		load += " with " + shape + " load shape"
	}
	return load
}

// natReasons name NAT gateways that are at least half of a container
// platform's bill, and what one gateway instead of one per zone saves
// (the hours of the others: the processed GB cost the same).
func (e *env) natReasons(reports []PlatformReport) []string {
	n := e.s.nat()
	if n == nil {
		return nil
	}
	var out []string
	for _, r := range reports {
		nat, hours := decimal.Zero, decimal.Zero
		for _, l := range r.CostLines {
			if strings.HasPrefix(l.Item, "nat gateway") {
				nat = nat.Add(l.Amount)
				// A gateway's hours and its address go with it.
				if l.Unit == "gateway-hour" || l.Item == itemNATPublicIPv4 {
					hours = hours.Add(l.Amount)
				}
			}
		}
		if !r.Feasible || !nat.IsPositive() || nat.Mul(decimal.NewFromInt(2)).LessThan(r.MonthlyCost) {
			continue
		}
		share := nat.Mul(decimal.NewFromInt(100)).DivRound(r.MonthlyCost, 0)
		s := fmt.Sprintf("NAT gateways are %s %% of %s's bill", share, r.Name)
		if n.Gateways > 1 {
			saving := hours.Sub(hours.DivRound(decimal.NewFromInt(n.Gateways), 18)).Round(2)
			s += fmt.Sprintf(": one gateway instead of one per zone would cost %s less, and lose the other zones' egress when its zone fails (network.nat_gateways: %s)", money(saving), NATOne)
		}
		out = append(out, s+".")
	}
	return out
}
