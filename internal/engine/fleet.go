package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// The server model. A replica of the scenario's container serves
// requests until the first of three bounds: its vCPU × target
// utilisation over a request's CPU time, its max_in_flight requests at
// once, and the requests its memory holds at request_memory_mb each. So
// one replica serves perReplica requests per second, and the peak needs
// n = ⌈peak / perReplica⌉ of them: a step function of the monthly requests
// x at the scenario's peak-to-mean ratio. Laid over zones and nodes as
// package capacity lays them, the fleet's cost is a sum of step terms (a
// [cost.Fleet]); the same fleet prices the report, the break-even points
// and the curves, so they agree.

// ReplicaRate is the requests per second one replica (or instance)
// serves, as the numerator and denominator of an exact fraction, and the
// bound that set it (capacity.BoundCPU, BoundInFlight or BoundMemory).
type ReplicaRate struct {
	Num, Den decimal.Decimal
	Bound    string
}

// PerReplica returns the requests per second one replica of
// in.Container serves at in.Servers.TargetUtilization: the least of its
// CPU, in-flight and memory bounds (capacity.SizeReplicas' rule).
func PerReplica(in Inputs) ReplicaRate {
	w, c := in.Workload, in.Container
	// CPU: vCPU × target × 1000 requests over the CPU ms of one.
	best := ReplicaRate{c.VCPU.Mul(in.Servers.TargetUtilization).Mul(thousand), w.CPUTimeMS(), capacity.BoundCPU}
	// In flight: k requests at once, each for duration_ms.
	for _, b := range []struct {
		k     int64
		bound string
	}{{c.MaxInFlight, capacity.BoundInFlight}, {memoryBound(w, c), capacity.BoundMemory}} {
		if b.k <= 0 {
			continue
		}
		r := ReplicaRate{decimal.NewFromInt(b.k).Mul(thousand), w.DurationMS, b.bound}
		// r < best without dividing: r.Num × best.Den < best.Num × r.Den.
		if r.Num.Mul(best.Den).LessThan(best.Num.Mul(r.Den)) {
			best = r
		}
	}
	return best
}

// memoryBound is the requests one replica's memory holds at once; 0 when
// the workload does not say what a request adds.
func memoryBound(w capacity.Workload, c capacity.Container) int64 {
	if w.RequestMemoryMB <= 0 {
		return 0
	}
	return c.MemoryMB / w.RequestMemoryMB
}

// LoadFleet is the fleet capacity.Size sizes, as a function of the
// monthly requests x: the replicas the peak needs grow one every
// perReplica requests, and are spread over zones as
// [capacity.SpreadReplicas] lays them, each zone with the nodes its own
// replicas need.
//
//   - With survive_zone_loss, every zone holds ⌈n / (Z − 1)⌉ replicas: one
//     step of Z nodes every (Z − 1) × fit replicas.
//   - Otherwise zone i holds ⌈(n − i) / Z⌉ replicas and needs
//     max(1, ⌈(n − i) / (Z × fit)⌉) nodes: one step per zone, every Z × fit
//     replicas, the i-th starting i replicas later ([cost.Step.Offset]).
func LoadFleet(in Inputs, rate ReplicaRate, fixed, nodeMonthly decimal.Decimal, sp capacity.Spread, fit int64) cost.Fleet {
	z := sp.Zones
	if sp.SurviveZoneLoss {
		return StepFleet(in, rate, fixed, nodeMonthly.Mul(decimal.NewFromInt(z)), (z-1)*fit, 1)
	}
	if z == 1 {
		return StepFleet(in, rate, fixed, nodeMonthly, fit, 1)
	}
	if in.Workload.RequestsPerSecond.IsZero() {
		// All the load is at the peak: the fleet does not follow the mean.
		return cost.FixedFleet(fixed.Add(nodeMonthly.Mul(decimal.NewFromInt(z))))
	}
	per := requestsPerReplica(in, rate)
	step := per.Mul(decimal.NewFromInt(z * fit))
	f := cost.Fleet{Fixed: fixed, Steps: make([]cost.Step, z)}
	offset := dZero
	for i := range z {
		f.Steps[i] = cost.Step{PerUnit: nodeMonthly, RequestsPerUnit: step, MinUnits: 1, Offset: offset}
		offset = offset.Add(per)
	}
	return f
}

// StepFleet is a fleet of units of unitReplicas replicas (tasks,
// instances, or a node in every zone at once), each costing
// unitMonthly, at least minUnits of them, beside fixed.
func StepFleet(in Inputs, rate ReplicaRate, fixed, unitMonthly decimal.Decimal, unitReplicas int64, minUnits int) cost.Fleet {
	w := in.Workload
	f := cost.Fleet{Fixed: fixed, PerUnit: unitMonthly, MinUnits: minUnits}
	if w.RequestsPerSecond.IsZero() {
		// All the load is at the peak: the fleet does not follow the mean.
		f.MinUnits = 0
		f.Fixed = fixed.Add(unitMonthly.Mul(decimal.NewFromInt(int64(minUnits))))
		return f
	}
	// requests a month one unit serves at the mean load
	perUnit := decimal.NewFromInt(unitReplicas).Mul(secondsPerMonth).Mul(w.RequestsPerSecond).Mul(rate.Num)
	f.RequestsPerUnit = ceilQuotient(perUnit, rate.Den.Mul(w.PeakRequestsPerSecond), cost.DivScale)
	return f
}

// requestsPerReplica is the monthly requests one replica serves at the
// scenario's mean load, rounded up at [cost.DivScale] places.
func requestsPerReplica(in Inputs, rate ReplicaRate) decimal.Decimal {
	w := in.Workload
	perUnit := secondsPerMonth.Mul(w.RequestsPerSecond).Mul(rate.Num)
	return ceilQuotient(perUnit, rate.Den.Mul(w.PeakRequestsPerSecond), cost.DivScale)
}

var (
	secondsPerMonth = decimal.NewFromInt(platform.SecondsPerMonth)
	dZero           = decimal.Zero
)

// ceilQuotient is a/b rounded up at scale places. A fleet's requests per
// unit is a quotient that may not terminate; rounding it up (never down)
// keeps ceil(x / perUnit) from counting one unit too many at the exact
// load where the bill's own integer sizing steps.
func ceilQuotient(a, b decimal.Decimal, scale int32) decimal.Decimal {
	q := a.DivRound(b, scale)
	if q.Mul(b).LessThan(a) {
		q = q.Add(decimal.New(1, -scale))
	}
	return q
}
