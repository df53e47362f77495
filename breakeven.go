package runwhere

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
)

// breakEven solves every platform priced per request (Lambda: a curve of
// the monthly requests) against every platform priced by its fleet's
// steps, on the same cost models the report prices with.
func (e *env) breakEven(models []model) ([]BreakEven, error) {
	out := []BreakEven{}
	for i := range models {
		fn := &models[i]
		if !fn.isCurve() {
			continue
		}
		// The container platforms share their surroundings: Lambda's curve
		// less them is made once.
		var lessAround *cost.Curve
		var aroundOf *cost.Curve
		for _, m := range models {
			if m.isCurve() {
				continue
			}
			be := BreakEven{Serverless: fn.report.Platform, Server: m.report.Platform}
			switch {
			case fn.curve == nil || !fn.report.Feasible:
				be.Reason = fmt.Sprintf("%s cannot run this workload (see its blockers), so there is no break-even", shortName(fn.report.Name))
			case m.fleet == nil || !m.report.Feasible:
				be.Reason = fmt.Sprintf("%s cannot run this workload (see its blockers), so there is no break-even", m.report.Name)
			default:
				// What surrounds the fleet grows with the load too: it moves
				// to Lambda's side of the equation, which stays exact.
				curve := *fn.curve
				if m.around != nil {
					if aroundOf != m.around {
						c := curve.Add(m.around.Neg())
						lessAround, aroundOf = &c, m.around
					}
					curve = *lessAround
				}
				sol, err := cost.Solve(curve, *m.fleet)
				if err == nil && m.alt != nil {
					var other cost.BreakEven
					if other, err = cost.Solve(curve, *m.alt); err == nil {
						sol = cheaperOfTwo(sol, other)
					}
				}
				if errors.Is(err, cost.ErrTooManySteps) {
					// A valid scenario still gets its report.
					be.Reason = fmt.Sprintf("the two costs stay within one step of %s's fleet of each other over more than %d steps, too many to solve one by one", m.report.Name, cost.MaxFleetSteps)
					out = append(out, be)
					continue
				}
				if err != nil {
					return nil, fmt.Errorf("runwhere: break-even %s vs %s: %w", fn.report.Platform, m.report.Platform, err)
				}
				e.describe(&be, sol, fn.report, m.report.Name)
				e.beyondFixedFleet(&be, m.report)
			}
			out = append(out, be)
		}
	}
	return out, nil
}

// describe fills be from a solve: the first crossing, which side is cheaper
// below it, and why there is none when the curves never cross.
func (e *env) describe(be *BreakEven, sol cost.BreakEven, fn PlatformReport, server string) {
	if e.s.isJob() {
		sol = atWholeRuns(sol, decimal.NewFromInt(*e.s.Workload.Parallelism))
	}
	cheaperFirst := server
	if len(sol.Intervals) > 0 && sol.Intervals[0].Cheaper == cost.Serverless {
		cheaperFirst = fn.Name
	}
	if len(sol.Crossings) == 0 {
		be.Reason = fmt.Sprintf("the costs never cross: %s is cheaper at every load", cheaperFirst)
		return
	}
	x := sol.Crossings[0]
	be.Crossings = len(sol.Crossings)
	if e.s.isJob() {
		// The models' x is task runs; a run is Parallelism of them.
		be.RunsPerMonth = ptr(x.DivRound(decimal.NewFromInt(*e.s.Workload.Parallelism), 2))
	} else {
		be.RequestsPerSec = ptr(cost.PerSecond(x).Round(2))
		be.RequestsPerHour = ptr(cost.PerHour(x).Round(1))
	}
	if cheaperFirst == fn.Name {
		be.CheaperBelow = fn.Platform
	} else {
		be.CheaperBelow = be.Server
	}
	if len(sol.Crossings) > 1 {
		be.Reason = fmt.Sprintf("the costs cross %d times: the fleet grows in steps, so the cheaper side alternates near each step; the first crossing is given", len(sol.Crossings))
	}
	// Past Lambda's default concurrency quota the comparison needs a quota
	// increase first; say so rather than hide the figure.
	if p, ok := e.platforms.Platform(fn.Platform); ok && p.Limits.Concurrency != nil && !e.s.isJob() {
		quotaRPS := decimal.NewFromInt(p.Limits.Concurrency.Value).Mul(thousand).Div(*e.s.Workload.DurationMS)
		peakRatio := decimal.NewFromInt(1)
		if !e.s.Workload.RequestsPerSecond.IsZero() {
			peakRatio = e.s.Workload.PeakRequestsPerSecond.Div(*e.s.Workload.RequestsPerSecond)
		}
		if be.RequestsPerSec.Mul(peakRatio).GreaterThan(quotaRPS) {
			note := fmt.Sprintf("at that load %s's peak concurrency exceeds the default quota of %d (%s)", shortName(p.Name), p.Limits.Concurrency.Value, p.Limits.Concurrency.Source)
			if be.Reason != "" {
				be.Reason += "; " + note
			} else {
				be.Reason = note
			}
		}
	}
}

// beyondFixedFleet notes a crossing at a load a fixed fleet cannot serve:
// past its capacity the fleet would have to grow, so its flat cost no
// longer holds.
func (e *env) beyondFixedFleet(be *BreakEven, r PlatformReport) {
	c := r.Capacity
	w := e.s.Workload
	if !c.FixedFleet || e.s.isJob() || be.RequestsPerSec == nil || c.RequestsPerReplica == nil || c.ReplicasPerNode == 0 ||
		w.RequestsPerSecond == nil || w.PeakRequestsPerSecond == nil || w.PeakRequestsPerSecond.IsZero() {
		return
	}
	// The whole fleet, not the replicas the load uses: nodes × replicas a
	// node holds × requests a replica serves, at the peak; the crossing is
	// a mean, so scale by the scenario's mean / peak.
	peak := decimal.NewFromInt(int64(c.Nodes) * int64(c.ReplicasPerNode)).Mul(*c.RequestsPerReplica)
	limit := peak.Mul(*w.RequestsPerSecond).DivRound(*w.PeakRequestsPerSecond, 2)
	if be.RequestsPerSec.GreaterThan(limit) {
		note := fmt.Sprintf("the crossing lies beyond the about %s requests/s the fixed fleet of %d nodes can serve", limit, c.Nodes)
		if be.Reason != "" {
			be.Reason += "; " + note
		} else {
			be.Reason = note
		}
	}
}

// cheaperOfTwo is the break-even of Lambda against a platform that costs
// the cheaper of two fleets, from Lambda's solve against each: Lambda is
// cheaper where it is cheaper than both, the platform where either fleet
// is cheaper than Lambda, and they tie elsewhere.
//
// Both solves' intervals are ascending, so one walk over the two lists
// finds every point where either side changes: a fleet that grows in
// steps crosses Lambda's line tens of thousands of times (issue 27: a
// job at parallelism 10,000), and looking each point up in both lists
// again was quadratic in that.
func cheaperOfTwo(a, b cost.BreakEven) cost.BreakEven {
	var out cost.BreakEven
	ia, ib := -1, -1 // the interval of a and of b in force at x; -1 before the first
	for {
		// The next point where either list starts an interval.
		var x decimal.Decimal
		switch na, nb := ia+1 < len(a.Intervals), ib+1 < len(b.Intervals); {
		case na && nb:
			x = a.Intervals[ia+1].From
			if b.Intervals[ib+1].From.LessThan(x) {
				x = b.Intervals[ib+1].From
			}
		case na:
			x = a.Intervals[ia+1].From
		case nb:
			x = b.Intervals[ib+1].From
		default:
			for i := range len(out.Intervals) - 1 {
				out.Intervals[i].Unbounded = false
			}
			return out
		}
		// Of intervals that start at the same x, the last holds there.
		for ia+1 < len(a.Intervals) && !a.Intervals[ia+1].From.GreaterThan(x) {
			ia++
		}
		for ib+1 < len(b.Intervals) && !b.Intervals[ib+1].From.GreaterThan(x) {
			ib++
		}
		side := cost.Tie
		switch sa, sb := sideIn(a, ia), sideIn(b, ib); {
		case sa == cost.Server || sb == cost.Server:
			side = cost.Server
		case sa == cost.Serverless && sb == cost.Serverless:
			side = cost.Serverless
		}
		if n := len(out.Intervals); n > 0 {
			if out.Intervals[n-1].Cheaper == side {
				continue
			}
			out.Intervals[n-1].To = x
			out.Crossings = append(out.Crossings, x)
		}
		out.Intervals = append(out.Intervals, cost.Interval{From: x, Unbounded: true, Cheaper: side})
	}
}

// sideIn is the cheaper side of interval i of a solve, a tie before its
// first interval.
func sideIn(be cost.BreakEven, i int) cost.Side {
	if i < 0 {
		return cost.Tie
	}
	return be.Intervals[i].Cheaper
}

// atWholeRuns is a job's solve read at whole runs only (one run is perRun
// task runs, perRun a whole number): a job runs a whole number of times,
// so where the costs cross within a run says nothing about it. Fargate's
// tasks, billed by the second with a minute's minimum, step within every
// run against Lambda's line: a job whose every whole run is cheaper on
// Fargate read "Lambda cheaper below 1.65 runs, 78 crossings" (issue 27).
// An interval that holds no whole run is dropped, neighbours with the
// same cheaper side merge, and a crossing is where an interval holding
// whole runs on the other side begins; the first interval starts at zero.
// The side an interval names is the cheaper at each whole run it holds.
func atWholeRuns(sol cost.BreakEven, perRun decimal.Decimal) cost.BreakEven {
	out := cost.BreakEven{}
	for _, iv := range sol.Intervals {
		// A fleet's units are ⌈x / step⌉, so its cost jumps just after
		// each step's edge: an interval holds (From, To], and the whole
		// run at its end belongs to it. Its first whole run is exactly
		// ⌊From / perRun⌋ + 1.
		q, _ := iv.From.QuoRem(perRun, 0)
		first := q.Add(decimal.NewFromInt(1)).Mul(perRun)
		if !iv.Unbounded && first.GreaterThan(iv.To) {
			continue // no whole run in (From, To]
		}
		n := len(out.Intervals)
		switch {
		case n == 0:
			iv.From = decimal.Zero
		case out.Intervals[n-1].Cheaper == iv.Cheaper:
			out.Intervals[n-1].To, out.Intervals[n-1].Unbounded = iv.To, iv.Unbounded
			continue
		default:
			out.Intervals[n-1].To = iv.From
			out.Crossings = append(out.Crossings, iv.From)
		}
		out.Intervals = append(out.Intervals, iv)
	}
	return out
}
