package nodes

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Scheduled jobs. A job's cost is a function of its runs a month; the
// cost models (fleets and curves) are functions of the monthly requests,
// so a job's requests are its task runs (runs × parallelism) and one run
// is a step of Parallelism requests. Control planes and managers are
// billed all month, whatever the job.

// nodesJob prices a job on an EC2-based platform both ways — nodes
// launched for each run, billed per second (at least the minimum) for the
// run plus the node's start, or the same nodes running all month — and
// keeps the cheaper, the other as the result's Alternative fleet. res is
// the sizing of one run's tasks (Inputs.Job); workers is its nodes for a
// month, cp the control plane.
func nodesJob(p platform.Platform, cat engine.Catalogues, in engine.Inputs, hourly string, res capacity.Result, workers, cp cost.Bill, modelTotal func(cost.Bill) decimal.Decimal, r *engine.Result) error {
	j := in.Job
	t := in.Servers.InstanceType
	addons, _, err := engine.NodeAddons(p, cat, in)
	if err != nil {
		return err
	}
	secs := j.RunSeconds.Add(j.NodeStartSeconds)
	item := fmt.Sprintf("%s workers per run (%s)", p.ID, t)
	run, err := engine.EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: int(res.Nodes), Seconds: secs, HourlyPrice: hourly, Item: item, Addons: addons})
	if err != nil {
		return err
	}
	par := decimal.NewFromInt(j.Parallelism)
	perRun := cost.Fleet{Fixed: modelTotal(cp), PerUnit: modelTotal(run), RequestsPerUnit: par}
	// An always-on fleet runs one run at a time: runs that together last
	// longer than the month overlap, and each overlapping run needs
	// another such fleet.
	inTurn := max(secondsPerMonth.Div(j.RunSeconds).Floor().IntPart(), 1)
	fleets := ceilDiv(j.Runs, inTurn)
	alwaysOn := cost.Fleet{Fixed: modelTotal(cp), PerUnit: modelTotal(workers), RequestsPerUnit: par.Mul(decimal.NewFromInt(inTurn)), MinUnits: 1}
	c := &r.Capacity
	c.NodesPerRun = int(res.Nodes)
	c.RequestsPerReplica, c.BoundBy = nil, "" // a job's tasks serve no requests
	runs := decimal.NewFromInt(j.Runs)
	kept := workers.Total().Mul(decimal.NewFromInt(max(fleets, 1)))
	if run.Total().Mul(runs).LessThanOrEqual(kept) {
		// The month's runs are priced in one go, exactly; the model's step
		// is one run's.
		month, err := engine.EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: int(res.Nodes * j.Runs), Seconds: secs, HourlyPrice: hourly, Item: item, Addons: addons})
		if err != nil {
			return err
		}
		r.Bill = month.Add(cp)
		r.Fleet, r.Alternative = &perRun, &alwaysOn
		c.JobFleet = engine.JobPerRun
		c.NodeHours = new(month.Lines[0].Quantity)
		return nil
	}
	if fleets > 1 {
		month, err := engine.EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: int(res.Nodes * fleets), HourlyPrice: hourly, Item: workers.Lines[0].Item, Addons: addons})
		if err != nil {
			return err
		}
		workers = month
		r.Bill = workers.Add(cp)
		c.Nodes = int(res.Nodes * fleets)
	}
	r.Fleet, r.Alternative = &alwaysOn, &perRun
	c.JobFleet = engine.JobAlwaysOn
	c.NodeHours = new(workers.Lines[0].Quantity)
	return nil
}
