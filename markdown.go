package runwhere

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/markdown"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/platform"
)

// Markdown renders the report for reviews and pull-request comments: the
// recommendation with its reasons, a side-by-side table, every bill line
// (exact and as AWS rounds it), findings with their sources, break-even
// points, failure behaviour and the inputs as evaluated. The output is
// deterministic: the same report gives the same bytes on every machine.
//
// Every string of the report is written as text, whatever it holds (a
// scenario name, an instance type quoted in a blocker message): it cannot
// start a line, open a heading, link, image or HTML, add a table cell or
// be autolinked; addresses in it are shown as code. Only catalogue source
// URLs are links.
func (r Report) Markdown() string {
	m := markdown.Writer{Linkable: linkableSources(r)}
	var b strings.Builder
	title := r.Scenario
	if title == "" {
		title = "unnamed scenario"
	}
	fmt.Fprintf(&b, "# runwhere: %s\n\n", m.Text(title))
	fmt.Fprintf(&b, "Snapshot %s, region %s, amounts in %s a month (%d hours).\n\n", m.Text(r.Snapshot), m.Text(r.Region), m.Text(r.Currency), platform.HoursPerMonth)

	names := map[string]string{}
	for _, p := range r.Platforms {
		names[string(p.Platform)] = m.Text(p.Name)
	}
	if r.Recommendation.Platform != "" {
		fmt.Fprintf(&b, "## Recommendation: %s\n\n", names[string(r.Recommendation.Platform)])
	} else {
		b.WriteString("## Recommendation: none\n\n")
	}
	for _, reason := range r.Recommendation.Reasons {
		fmt.Fprintf(&b, "- %s\n", m.Reason(reason))
	}
	b.WriteString("\n| Rank | Platform | Score | Cost | Headroom | Resilience | Operations | Portability |\n|---|---|---|---|---|---|---|---|\n")
	for i, k := range r.Recommendation.Ranking {
		score := fmtFloat(k.Score)
		if !k.Feasible {
			score = "blocked"
		}
		c := k.Criteria
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s |\n", i+1, names[string(k.Platform)], score,
			fmtFloat(c.Cost), fmtFloat(c.Headroom), fmtFloat(c.Resilience), fmtFloat(c.Operations), fmtFloat(c.Portability))
	}

	writeAssumptions(&b, m, r)
	writeToday(&b, m, r)

	b.WriteString("\n## Platforms\n\nMonthly cost: each line rounded to the cent, then summed, as AWS's bill shows it; total rounded once: the exact total rounded to the cent, as most calculators show it (they can differ by a cent or two).\n\n| Platform | Feasible | Monthly cost (AWS rounding) | Total rounded once | Exact | Needs | Control-plane availability |\n|---|---|---|---|---|---|---|\n")
	for _, p := range r.Platforms {
		feasible := "yes"
		if !p.Feasible {
			feasible = "**no**"
		}
		avail := "—"
		if a := p.HA.ControlPlaneAvailability; a != nil {
			avail = fmtFloat(*a)
		}
		// A blocked platform has no bill: "—" as on the page, not $0.00.
		rounded, once, exact := "—", "—", "—"
		if p.Feasible {
			rounded, once, exact = money(p.MonthlyCostRounded), money(p.MonthlyCostTotalRounded), p.MonthlyCost.String()
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", m.Text(p.Name), feasible, rounded, once, exact, m.Text(needs(p.Capacity)), avail)
	}

	writeShared(&b, m, r.Platforms)
	for _, p := range r.Platforms {
		fmt.Fprintf(&b, "\n### %s\n\n", m.Text(p.Name))
		for _, f := range p.Blockers {
			fmt.Fprintf(&b, "- **Blocker** %s: %s%s\n", m.Code(string(f.Code)), m.Text(f.Message), m.SourceSuffix(string(f.Source)))
		}
		for _, f := range p.Warnings {
			fmt.Fprintf(&b, "- Warning %s: %s%s\n", m.Code(string(f.Code)), m.Text(f.Message), m.SourceSuffix(string(f.Source)))
		}
		if n := p.Capacity.NodeBoundNote; n != "" {
			fmt.Fprintf(&b, "- Per node: %s.\n", m.Text(n))
		}
		if len(p.CostLines) > 0 {
			writeBill(&b, m, p.CostLines, p.MonthlyCost, p.MonthlyCostRounded)
		}
		writeFleetByHour(&b, p.Capacity)
		writeAlternatives(&b, m, p)
		h := p.HA
		var ha []string
		if h.Managers != nil {
			ha = append(ha, fmt.Sprintf("%d managers, quorum %d, tolerates %d failure(s)", *h.Managers, deref(h.Quorum), deref(h.ManagerFailuresTolerated)))
		}
		if h.SurvivesZoneLoss != nil {
			ha = append(ha, "survives a zone loss: "+yesNo(*h.SurvivesZoneLoss))
		}
		if h.ControlPlaneDowntimeMinutes != nil {
			ha = append(ha, fmt.Sprintf("control-plane downtime %s min/month", fmtFloat(*h.ControlPlaneDowntimeMinutes)))
		}
		if l := h.OnControlPlaneLoss; l != nil && l.RunningWorkloadsContinue != nil {
			ha = append(ha, "running workloads continue when the control plane is lost: "+yesNo(*l.RunningWorkloadsContinue)+m.SourceSuffix(l.Source))
		}
		if len(ha) > 0 {
			fmt.Fprintf(&b, "\nHA: %s.\n", strings.Join(ha, "; "))
		}
	}

	job := r.Inputs.Workload.Kind == KindJob
	switch {
	case len(r.BreakEven) > 0 && job:
		b.WriteString("\n## Break-even against Lambda\n\nIn runs a month, each run as the scenario describes it.\n\n| Against | Runs a month | Cheaper below | Note |\n|---|---:|---|---|\n")
		for _, be := range r.BreakEven {
			runs := "—"
			if be.RunsPerMonth != nil {
				runs = be.RunsPerMonth.String()
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", names[string(be.Server)], runs, names[string(be.CheaperBelow)], m.Text(be.Reason))
		}
	case len(r.BreakEven) > 0:
		b.WriteString("\n## Break-even against Lambda\n\n")
		if w := r.Inputs.Workload; w.Profile != ProfileFlat {
			b.WriteString("At the mean rate given, with the load shape held: every hour's load scales with it.\n\n")
		}
		b.WriteString("| Against | Requests/s | Requests/h | Cheaper below | Note |\n|---|---:|---:|---|---|\n")
		for _, be := range r.BreakEven {
			rps, rph := "—", "—"
			if be.RequestsPerSec != nil {
				rps, rph = be.RequestsPerSec.String(), be.RequestsPerHour.String()
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", names[string(be.Server)], rps, rph, names[string(be.CheaperBelow)], m.Text(be.Reason))
		}
	}

	writeComparison(&b, m, r.Comparison, names)

	b.WriteString("\n## Inputs as evaluated\n\n")
	in, err := yaml.Marshal(r.Inputs)
	if err != nil {
		in = nil
	}
	// The scenario's strings are in the YAML as written; a fence longer
	// than any run of backticks in it is one they cannot close.
	fence := markdown.Fence(in)
	b.WriteString(fence + "yaml\n")
	b.Write(in)
	b.WriteString(fence + "\n")
	return b.String()
}

func needs(c Capacity) string {
	switch {
	case c.PeakConcurrency != nil && c.Nodes > 0:
		// Functions on instances: the instances, for the requests in
		// flight at the peak.
		return fmt.Sprintf("%d × %s for %s concurrent at peak", c.Nodes, c.InstanceType, c.PeakConcurrency.Ceil())
	case c.PeakConcurrency != nil:
		// Executions are whole: the peak needs the next one up, as the page
		// shows it (the exact figure is in the JSON).
		s := fmt.Sprintf("%s concurrent at peak", c.PeakConcurrency.Ceil())
		if c.Concurrency != nil {
			s += fmt.Sprintf(" (%s mean)", c.Concurrency.Ceil())
		}
		return s
	case c.JobFleet == engine.JobPerRun:
		s := fmt.Sprintf("%d × %s per run", c.NodesPerRun, c.InstanceType)
		if c.Managers > 0 {
			s += fmt.Sprintf(" + %d managers", c.Managers)
		}
		return s
	case c.MaxNodes != nil && c.Nodes > 0:
		s := fmt.Sprintf("%d–%d × %s", *c.MinNodes, *c.MaxNodes, c.InstanceType)
		if c.Managers > 0 {
			s += fmt.Sprintf(" + %d managers", c.Managers)
		}
		return s
	case c.MaxNodes != nil:
		return fmt.Sprintf("%d–%d tasks of %s vCPU / %d MB", *c.MinNodes, *c.MaxNodes, c.TaskVCPU, c.TaskMemoryMB)
	case c.Nodes > 0:
		s := fmt.Sprintf("%d × %s", c.Nodes, c.InstanceType)
		if c.Managers > 0 {
			s += fmt.Sprintf(" + %d managers", c.Managers)
		}
		return s
	case c.Replicas > 0:
		return fmt.Sprintf("%d tasks of %s vCPU / %d MB", c.Replicas, c.TaskVCPU, c.TaskMemoryMB)
	}
	return "—"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'g', 10, 64) }

// writeAlternatives lists a platform's cheaper configurations, when the
// scenario asked for them: "c6g.medium (arm64) would cost $74.46 a month,
// 64.6 % less ($135.78)".
func writeAlternatives(b *strings.Builder, m markdown.Writer, p PlatformReport) {
	if p.AlternativesSearched == 0 {
		return
	}
	if len(p.Alternatives) == 0 {
		fmt.Fprintf(b, "\nCheaper configurations: none of the %s considered costs less than this one.\n", count(p.AlternativesSearched))
		return
	}
	fmt.Fprintf(b, "\nCheaper configurations (of %s considered):\n\n", count(p.AlternativesSearched))
	for _, a := range p.Alternatives {
		fmt.Fprintf(b, "- %s would cost %s a month, %s %% less (%s)\n", m.Text(a.Config()), money(a.MonthlyCostRounded), a.SavingPercent, money(a.Saving.Round(2)))
	}
}

// writeFleetByHour describes a fleet that follows the load shape, or a
// job's: the hours billed, and the fleet hour by hour ("00–07: 3", one
// run of equal hours to an entry).
func writeFleetByHour(b *strings.Builder, c Capacity) {
	switch {
	case c.JobFleet == engine.JobPerRun:
		fmt.Fprintf(b, "\nNodes are launched for each run and stopped after it: %s node-hours a month, cheaper than keeping them all month.\n", c.NodeHours.Round(2))
	case c.JobFleet == engine.JobAlwaysOn:
		fmt.Fprintf(b, "\nThe job's nodes are kept all month: cheaper than launching them for each run.\n")
	case c.TaskHours != nil && c.NodesByHour == nil:
		fmt.Fprintf(b, "\nTasks run only while the job does: %s task-hours a month.\n", c.TaskHours.Round(2))
	}
	if len(c.NodesByHour) == 0 {
		return
	}
	what, hours := "Nodes", c.NodeHours
	if c.TaskHours != nil {
		what, hours = "Tasks", c.TaskHours
	}
	var runs []string
	for start := 0; start < len(c.NodesByHour); {
		end := start
		for end+1 < len(c.NodesByHour) && c.NodesByHour[end+1] == c.NodesByHour[start] {
			end++
		}
		runs = append(runs, fmt.Sprintf("%s: %d", hourSpan(start, end, len(c.NodesByHour)), c.NodesByHour[start]))
		start = end + 1
	}
	fmt.Fprintf(b, "\n%s follow the load: %s hours a month, %d to %d at a time. By hour (UTC): %s.\n", what, hours.Round(2), *c.MinNodes, *c.MaxNodes, strings.Join(runs, ", "))
}

// hourSpan names hours start..end of a day or a week: "08–17", "Mon 08–Tue 03".
func hourSpan(start, end, n int) string {
	name := func(h int) string {
		if n == HoursPerWeek {
			return fmt.Sprintf("%s %02d", [...]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}[h/24], h%24)
		}
		return fmt.Sprintf("%02d", h)
	}
	if start == end {
		return name(start)
	}
	return name(start) + "–" + name(end)
}
