// Package functioninstances is the model of the function-instances
// family ([Family]: Lambda Managed Instances): instances sized by CPU for
// the requests in flight, at least the entry's minimum; instance-hours,
// the provider's share of their price, and a charge per request.
package functioninstances

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Family is functions run on instances in the user's
// account that the provider manages (AWS Lambda Managed Instances): each
// execution environment serves several requests at once, the instances
// are billed as EC2 plus a management fee, and requests are charged as
// for functions.
const Family platform.Family = "function-instances"

// ParamMinInstances is the fewest instances a function-instances
// platform keeps running (Lambda Managed Instances: three, one per
// zone, by default).
const ParamMinInstances = "min_instances"

// The finding codes of the family's own rules.
const (
	// MemoryRaised is a function's memory below the platform's least,
	// sized at that least (Lambda Managed Instances: 2,048 MB).
	MemoryRaised capacity.Code = "memory-raised"
	// FunctionTooLarge is a function whose one execution environment
	// does not fit on the instance type.
	FunctionTooLarge capacity.Code = "function-too-large"
	// MinimumInstances is a load that needs fewer instances than the
	// platform keeps running (Lambda Managed Instances: three).
	MinimumInstances capacity.Code = "minimum-instances"
)

// Model sizes the instances by CPU: an instance serves as
// many requests a second as its vCPUs at the target utilisation can
// (vCPU × target ÷ CPU seconds a request), at least the platform's
// minimum of them, sized for the peak as the provider's scaling keeps
// ahead of it. A request's memory is the function's own in each
// environment, which the provider fits on the instance; the model
// checks only that one environment fits. The bill: the instances as
// EC2, the platform's instance fees (a share of their on-demand price),
// and its per-request fee; the front door, as for functions.
type Model struct{}

// Evaluate implements [engine.Family].
func (Model) Evaluate(p platform.Platform, cat engine.Catalogues, in engine.Inputs) (engine.Result, error) {
	sv := in.Servers
	t := sv.InstanceType
	zones := max(sv.Zones, 1)
	r := engine.Result{
		Capacity: engine.Capacity{InstanceType: t},
		Topology: ha.Topology{Platform: p.ID, Snapshot: in.Snapshot, Zones: int(zones)},
	}
	inst, ok := cat.Instances.Lookup(t)
	if !ok {
		r.Findings = capacity.Findings{capacity.UnknownInstanceFinding(t)}
		return r, nil
	}
	w := in.Workload
	if in.Job != nil {
		w = engine.JobFunction(in.Job)
	}
	if w.MaxDurationS > 0 {
		// A request runs at most the platform's timeout, as on Lambda.
		if f, over := capacity.Over(capacity.MaxDuration, "the longest job", p.Limits.Timeout, w.MaxDurationS); over {
			r.Findings = append(r.Findings, f)
			return r, nil
		}
	}
	mem := w.MemoryMB
	if l := p.Limits.MemoryMin; l != nil && mem < l.Value {
		// The platform's smallest function: the environment holds that
		// much whatever the workload's own memory.
		mem = l.Value
		r.Findings = append(r.Findings, capacity.Finding{
			Code:     MemoryRaised,
			Message:  fmt.Sprintf("a function on %s has at least %d MB; the workload's %d MB is sized at that", p.Name, l.Value, w.MemoryMB),
			Value:    fmt.Sprint(w.MemoryMB),
			Limit:    fmt.Sprint(l.Value),
			Source:   l.URL,
			Severity: capacity.Warning,
		})
	}
	if inst.Shape.MemoryMiB < mem {
		r.Findings = append(r.Findings, capacity.Finding{
			Code:     FunctionTooLarge,
			Message:  fmt.Sprintf("one execution environment of %d MB does not fit on %s (%d MiB)", mem, t, inst.Shape.MemoryMiB),
			Value:    t,
			Severity: capacity.Blocker,
		})
		return r, nil
	}
	hourly := ""
	if in.HourlyPrice != nil {
		hourly = in.HourlyPrice.String()
	}
	if _, err := cost.EC2Hourly(cat.Prices, cost.EC2Usage{InstanceType: t, HourlyPrice: hourly}); err != nil {
		r.Findings = append(r.Findings, engine.MissingFigureFinding(err))
		return r, nil
	}
	if err := engine.CheckFees(p, cat, t, hourly); err != nil {
		r.Findings = append(r.Findings, engine.MissingFigureFinding(err))
		return r, nil
	}
	// Requests a second one instance serves: vCPU × target × 1000 over
	// the CPU milliseconds of a request.
	rate := engine.ReplicaRate{
		Num:   decimal.NewFromInt(inst.Shape.VCPU).Mul(sv.TargetUtilization).Mul(thousand),
		Den:   w.CPUTimeMS(),
		Bound: capacity.BoundCPU,
	}
	least := engine.Param(p, ParamMinInstances, dOne).Ceil().IntPart()
	least = max(least, 1)
	need := int64(0)
	if rate.Den.IsPositive() {
		need = w.PeakRequestsPerSecond.Mul(rate.Den).Div(rate.Num).Ceil().IntPart()
	}
	n := max(need, least)
	u := cost.EC2Usage{InstanceType: t, Count: int(n), HourlyPrice: hourly, Item: fmt.Sprintf("%s instances (%s)", p.ID, t)}
	instances, err := engine.EC2Bill(p, cat, u)
	if err != nil {
		return engine.Result{}, err
	}
	perRequest, err := requestFees(p, cat, in)
	if err != nil {
		r.Findings = append(r.Findings, engine.MissingFigureFinding(err))
		return r, nil
	}
	requests := in.Lambda.Requests
	r.Bill = instances.Add(perRequest.Bill(requests))
	// The fleet: one step an instance, at least the minimum; the requests'
	// charges grow with the load beside it.
	d, _ := Model{}.Discount(p, in)
	du := u
	du.Discount = d
	monthly, err := engine.EC2Monthly(p, cat, du)
	if err != nil {
		return engine.Result{}, err
	}
	var f cost.Fleet
	if in.Job != nil {
		// A job's instances are sized for a run's tasks at once and, as
		// the platform keeps its instances, run all month: whatever the
		// runs, only the requests' charges change.
		f = cost.FixedFleet(monthly.Mul(decimal.NewFromInt(n)))
	} else {
		f = engine.StepFleet(in, rate, dZero, monthly, 1, int(least))
	}
	r.Fleet = &f
	around := perRequest.Curve()
	r.Around = &around
	c := &r.Capacity
	c.Nodes, c.NodesForPeak = int(n), int(need)
	c.RequestsPerReplica = new(rate.Num.DivRound(rate.Den, 4))
	c.BoundBy = rate.Bound
	c.Concurrency = new(w.RequestsPerSecond.Mul(w.DurationMS).DivRound(thousand, 4))
	c.PeakConcurrency = new(w.PeakRequestsPerSecond.Mul(w.DurationMS).DivRound(thousand, 4))
	c.Clusters = 1
	if need < least {
		r.Findings = append(r.Findings, capacity.Finding{
			Code:     MinimumInstances,
			Message:  fmt.Sprintf("the load needs %d instance(s) of %s; %s keeps at least %d running", need, t, p.Name, least),
			Value:    fmt.Sprint(least),
			Severity: capacity.Warning,
		})
	}
	if n <= engine.MaxModelledWorkers {
		r.Topology.Workers = int(n)
		r.Topology.WorkersNeeded = int(min(max(need, 1), n))
	}
	return r, nil
}

// requestFees is the tariff over the monthly requests of p's per-request
// fees and the front door in front of it.
func requestFees(p platform.Platform, cat engine.Catalogues, in engine.Inputs) (cost.Tariff, error) {
	var t cost.Tariff
	for _, name := range p.Fees {
		f, err := cat.Prices.Fee(name)
		if err != nil {
			return nil, err
		}
		if f.Per != cost.PerRequest {
			continue
		}
		rt, err := cost.RequestFeeTariff(cat.Prices, name)
		if err != nil {
			return nil, err
		}
		t = append(t, rt...)
	}
	return engine.WithFrontDoor(t, cat, in)
}

// Discount implements [engine.Discounted]: discounts.ec2, the instances
// being EC2's.
func (Model) Discount(_ platform.Platform, in engine.Inputs) (decimal.Decimal, string) {
	return in.Discounts.EC2, "ec2 discount"
}

// Fields implements [engine.Fielded]: the function's settings and the
// instances'.
func (Model) Fields(platform.Platform) []string {
	return []string{"workload", "servers.instance_type", "servers.hourly_price", "servers.target_utilization", "servers.zones", "discounts.ec2", "ingress.lambda", "ingress.response_kb"}
}

var (
	thousand = decimal.NewFromInt(1000)
	dZero    = decimal.Zero
	dOne     = decimal.NewFromInt(1)
)
