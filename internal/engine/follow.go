package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
)

// A fleet that follows the load (servers.autoscaling). For each load
// level of the shape's plan ([Autoscale.Plan]) the fleet is the peak's fleet
// of [LoadFleet] sized for that level's share of the peak, and each of its
// units costs the unit's hourly price × the hours a month at that level:
// the sum over the levels is again a sum of step terms of the monthly
// requests, so the report, the break-even points and the curves price the
// same fleet. A level with no load keeps only the floor.

// Following is a fleet that follows the load, and what it comes to at the
// scenario's load.
type Following struct {
	Fleet     cost.Fleet
	UnitHours decimal.Decimal // node-hours or task-hours a month, what the bill charges
	ByHour    []int64         // units in each hour of the shape
	Min, Max  int64           // the fewest and the most units of an hour
}

// FollowFleet builds the fleet of units (nodes holding fit replicas, or
// tasks: fit 1) laid over zones as sp lays them, each unit costing
// unitHourly an hour, floor units at least, over the scenario's shape.
// What it comes to (UnitHours, ByHour, Min, Max) counts nodes or tasks,
// not the fleet's steps.
func FollowFleet(in Inputs, rate ReplicaRate, fixed, unitHourly decimal.Decimal, sp capacity.Spread, fit, floor int64) Following {
	levels, perHour := in.Autoscale.Plan(in.Shape)
	x := in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
	f := Following{Fleet: cost.Fleet{Fixed: fixed}}
	f.Fleet.Steps = make([]cost.Step, 0, len(levels))
	unitMinutes := dZero
	units := make([]int64, len(levels))
	per := newReplicaRequests(in, rate)
	// A fleet sized to survive a zone's loss grows a node (or task) in
	// every zone at once: its step's unit is that many of what the bill
	// counts. Counting units as nodes billed a third of a 3-zone fleet.
	perUnit := int64(1)
	if z := max(sp.Zones, 1); sp.SurviveZoneLoss && z > 1 {
		perUnit = z
	}
	for i, l := range levels {
		st := levelStep(per.at(l.Load), unitHourly.Mul(l.Hours), sp, fit, floor, l.Load)
		n := st.Units(x) * perUnit
		units[i] = n
		unitMinutes = unitMinutes.Add(decimal.NewFromInt(n).Mul(l.Minutes))
		f.Fleet.Steps = append(f.Fleet.Steps, st)
	}
	// The bill's unit-hours are divided once, so that they are exact
	// whenever they can be; each level's step prices its own rounded
	// hours, so the model and the bill may differ below 10⁻¹⁵ dollars.
	f.UnitHours = in.Shape.monthHours(unitMinutes)
	f.ByHour = make([]int64, len(perHour))
	for h, level := range perHour {
		n := units[level]
		f.ByHour[h] = n
		if h == 0 || n < f.Min {
			f.Min = n
		}
		f.Max = max(f.Max, n)
	}
	return f
}

// levelStep is the step term of the fleet at one load level (in the
// shape's units), each unit costing unitCost, per the monthly requests a
// replica serves at that level ([replicaRequests]): the terms of
// [LoadFleet] with the replicas' requests a month scaled by max(shape) /
// load, and the floor spread over the zones as replicas are (zone i
// keeps ⌈(floor − i) / Z⌉ units), as one step over the zones.
func levelStep(per, unitCost decimal.Decimal, sp capacity.Spread, fit, floor int64, load decimal.Decimal) cost.Step {
	z := max(sp.Zones, 1)
	if sp.SurviveZoneLoss && z > 1 {
		// Units of one node (or task) in every zone.
		return cost.Step{PerUnit: unitCost.Mul(decimal.NewFromInt(z)), RequestsPerUnit: per.Mul(decimal.NewFromInt((z - 1) * fit)), MinUnits: int(ceilDiv(floor, z))}
	}
	if !load.IsPositive() {
		return cost.Step{PerUnit: unitCost, MinUnits: int(floor)}
	}
	if z == 1 || fit == 1 {
		// One replica a unit (tasks, or nodes that hold one): the zones'
		// ⌈(n − i) / Z⌉ units sum to n, and their floors to the floor.
		return cost.Step{PerUnit: unitCost, RequestsPerUnit: per.Mul(decimal.NewFromInt(fit)), MinUnits: int(floor)}
	}
	// Zone i starts i replicas later and keeps ⌈(floor − i) / Z⌉ units,
	// which cost.Step sums in closed form.
	return cost.Step{PerUnit: unitCost, RequestsPerUnit: per.Mul(decimal.NewFromInt(z * fit)), MinUnits: int(floor), Zones: int(z), ZoneOffset: per}
}

// replicaRequests gives the monthly requests one replica serves when the
// fleet is sized for a load (in the shape's units): [requestsPerReplica]
// scaled by max(shape) / load, rounded up at [cost.DivScale] places. The
// numerator and the peak are multiplied once for every level.
type replicaRequests struct {
	num, den decimal.Decimal // the requests a month and the peak's part of the divisor
	ok       bool            // the workload has a peak
}

func newReplicaRequests(in Inputs, rate ReplicaRate) replicaRequests {
	w := in.Workload
	if !w.PeakRequestsPerSecond.IsPositive() {
		return replicaRequests{}
	}
	if in.PeakIsBusiestHour && !in.Shape.Flat() {
		// The peak is mean × max × n / sum(shape), stored rounded up: with
		// it, mean and max cancel, and nothing rounded enters the sizing
		// (an hour at exactly k replicas' capacity needs k, not k + 1).
		return replicaRequests{
			num: secondsPerMonth.Mul(rate.Num).Mul(in.Shape.sum),
			den: rate.Den.Mul(decimal.NewFromInt(int64(in.Shape.Len()))),
			ok:  true,
		}
	}
	return replicaRequests{
		num: secondsPerMonth.Mul(w.RequestsPerSecond).Mul(rate.Num).Mul(in.Shape.max),
		den: rate.Den.Mul(w.PeakRequestsPerSecond),
		ok:  true,
	}
}

// at is the requests a month one replica serves at load; zero when there
// is no load or no peak.
func (r replicaRequests) at(load decimal.Decimal) decimal.Decimal {
	if !r.ok || !load.IsPositive() {
		return dZero
	}
	return cost.DivCeil(r.num, r.den.Mul(load), cost.DivScale)
}

// PerReplicaAt is the monthly requests one replica serves when the fleet
// is sized for load, in the shape's units (see [replicaRequests]).
func PerReplicaAt(in Inputs, rate ReplicaRate, load decimal.Decimal) decimal.Decimal {
	return newReplicaRequests(in, rate).at(load)
}
