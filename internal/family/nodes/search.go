package nodes

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Search implements [engine.Searcher]: the workload on other instance
// types.
func (Model) Search(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search, l *engine.Shortlist) (int, error) {
	return nodeAlternatives(p, cat, in, current, s, l)
}

// nodeAlternatives sizes and prices the workload on every other
// current-generation instance type of the scenario's architectures priced
// in the region. A fleet of a fixed count, or at a price the scenario
// gives, is the user's choice of type: nothing is searched.
func nodeAlternatives(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search, l *engine.Shortlist) (int, error) {
	if in.Servers.Count > 0 || in.HourlyPrice != nil {
		return 0, nil
	}
	if in.Autoscale != nil || in.Job != nil {
		return adapterAlternatives(p, cat, in, current, s, l)
	}
	around := engine.SurroundingsOf(cat, in)
	least := newLeastBill(p, cat, in, around)
	tried := 0
	// A type whose least bill reaches the n-th cheapest so far (or the
	// scenario's choice) cannot be among the answers. Its workers, nodes ×
	// 730 h × the hourly price, bound theirs; and before sizing, the nodes
	// are at least what the replicas' vCPUs and memory fill (the replica
	// count does not depend on the instance type, and a node offers at
	// most its own vCPUs and memory).
	hours := decimal.NewFromInt(platform.HoursPerMonth)
	replicas := int64(current.Capacity.Replicas)
	cpuMilli := in.Container.VCPU.Mul(thousand).Ceil().IntPart()
	for _, c := range s.Candidates(cat) {
		if c.Type == in.Servers.InstanceType {
			continue // the scenario's own
		}
		tried++
		fill := max(1, ceilDiv(replicas*cpuMilli, c.VCPU*1000), ceilDiv(replicas*in.Container.MemoryMB, c.MemoryMiB))
		if over(l, least, c, hours.Mul(decimal.NewFromInt(fill))) {
			continue
		}
		sv := in.Servers
		sv.InstanceType = c.Type
		res, err := capacity.SizeServers(cat.Platforms, cat.Instances, capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: sv})
		if err != nil || len(res.Blockers) > 0 || res.Nodes == 0 {
			continue // the type cannot run it (or lacks a figure it needs)
		}
		if over(l, least, c, hours.Mul(decimal.NewFromInt(res.Nodes))) {
			continue
		}
		var fs capacity.Findings
		workers, cp, err := Bills(p, cat, in, c.Type, "", res, &fs)
		if err != nil || len(fs.Blockers()) > 0 {
			continue
		}
		l.Add(engine.Alternative{InstanceType: c.Type, Arch: c.Arch, Bill: engine.DiscountedBy(Model{}, p, in, workers.Add(cp).Add(around.Added()))})
	}
	return tried, nil
}

// over reports whether type c, its workers running at least nodeHours a
// month, cannot be among the answers. Two bounds prune it:
//
//   - its workers and what surrounds them reach the bound: the search's
//     rule before issue 27, kept as it was because it settles ties (a
//     type that would cost exactly the n-th cheapest, whose workers alone
//     cost that much, is left out and the one found first stays);
//   - its whole least bill, the control plane too, passes the bound by
//     more than a cent. This one prunes most types of a job, whose nodes
//     run a few hours a month beside a control plane that runs all month;
//     its margin keeps it from settling a tie the first would not, and
//     from the rounding of the hours of each load level (at 10⁻¹⁸ h).
func over(l *engine.Shortlist, least leastBill, c engine.Candidate, nodeHours decimal.Decimal) bool {
	bound := l.Bound()
	workers := least.workers(c, nodeHours)
	if workers.GreaterThanOrEqual(bound) {
		return true
	}
	return least.whole(c, workers).GreaterThan(bound.Add(cent))
}

var cent = decimal.New(1, -2)

// leastBill bounds a candidate type's bill from below: its workers'
// node-hours at the type's discounted price and what surrounds the fleet
// (an ALB, NAT gateways: the same on every type); then the whole bill,
// with the least control plane: a provider's fee for one cluster, or the
// scenario's managers of one cluster at the type's price all month.
type leastBill struct {
	discount     decimal.Decimal
	around       decimal.Decimal
	managerHours decimal.Decimal // 730 h × the managers of one cluster; zero when AWS runs the control plane
	fee          decimal.Decimal
}

func newLeastBill(p platform.Platform, cat engine.Catalogues, in engine.Inputs, around *engine.Surroundings) leastBill {
	b := leastBill{discount: in.Discounts.EC2, around: around.AddedTotal(), managerHours: dZero, fee: dZero}
	switch p.ControlPlane.RunBy {
	case platform.User:
		b.managerHours = hoursPerMonth.Mul(decimal.NewFromInt(in.Servers.Managers))
	case platform.AWS:
		// A fee the snapshot does not source is left out of every bill
		// (with a warning), so of the bound too.
		fee, err := engine.ControlPlane(p, cat, in, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy, Clusters: 1}, new(capacity.Findings))
		if err == nil {
			b.fee = engine.DiscountedBy(Model{}, p, in, fee).Total()
		}
	}
	return b
}

// workers is the least bill of type c's workers, running nodeHours a
// month, with what surrounds them.
func (b leastBill) workers(c engine.Candidate, nodeHours decimal.Decimal) decimal.Decimal {
	v := engine.DiscountedPrice(c.Hourly, b.discount).Mul(nodeHours)
	if !b.around.IsZero() {
		v = v.Add(b.around)
	}
	return v
}

// whole is workers, type c's least workers' bill, with its least control
// plane.
func (b leastBill) whole(c engine.Candidate, workers decimal.Decimal) decimal.Decimal {
	if !b.managerHours.IsZero() {
		workers = workers.Add(engine.DiscountedPrice(c.Hourly, b.discount).Mul(b.managerHours))
	}
	if !b.fee.IsZero() {
		workers = workers.Add(b.fee)
	}
	return workers
}

// adapterAlternatives prices each candidate type with the nodes adapter
// itself: a fleet that follows the load, or a job's, is not the peak's
// fleet for a month, so nodeAlternatives' pricing does not hold. Its
// bound does, in this form: a type's workers cost at least its hourly
// price × the hours it runs × the nodes the replicas' vCPUs and memory
// fill (at least the floor), level by level, or, for a job, the cheaper of
// a run's nodes for every run and the same nodes all month.
func adapterAlternatives(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search, l *engine.Shortlist) (int, error) {
	nodeHours := leastNodeHours(in, current)
	// What every type needs, whatever its size (the floor all month, or a
	// node for each run): one multiplication prunes the dear types before
	// their levels are summed.
	anyType := nodeHours(func(int64) int64 { return 0 })
	around := engine.SurroundingsOf(cat, in)
	least := newLeastBill(p, cat, in, around)
	cpuMilli := in.Container.VCPU.Mul(thousand).Ceil().IntPart()
	tried := 0
	for _, c := range s.Candidates(cat) {
		if c.Type == in.Servers.InstanceType {
			continue
		}
		tried++
		if over(l, least, c, anyType) {
			continue
		}
		fill := func(replicas int64) int64 {
			return max(ceilDiv(replicas*cpuMilli, c.VCPU*1000), ceilDiv(replicas*in.Container.MemoryMB, c.MemoryMiB))
		}
		if over(l, least, c, nodeHours(fill)) {
			continue
		}
		bill, ok := adapterBill(s, p, cat, in, c.Type)
		if !ok {
			continue
		}
		l.Add(engine.Alternative{InstanceType: c.Type, Arch: c.Arch, Bill: engine.DiscountedBy(Model{}, p, in, bill.Add(around.Added()))})
	}
	return tried, nil
}

// adapterBill is the bill of the scenario's workload on type t as the
// nodes adapter prices it, and false when t cannot run it. A fleet that
// follows the load is priced level by level (hundreds of levels for a
// week's shape, each a step per zone): its node-hours are computed once
// per way of laying the replicas and reused for every other type, on
// every platform, that lays them the same way, so that a type costs one
// sizing and one price.
func adapterBill(s *engine.Search, p platform.Platform, cat engine.Catalogues, in engine.Inputs, t string) (cost.Bill, bool) {
	alt := in
	alt.Servers.InstanceType = t
	if in.Job != nil {
		res, err := Model{}.Evaluate(p, cat, alt)
		if err != nil || len(res.Findings.Blockers()) > 0 || len(res.Bill.Lines) == 0 {
			return cost.Bill{}, false
		}
		return res.Bill, true
	}
	res, err := capacity.SizeServers(cat.Platforms, cat.Instances, capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: alt.Servers})
	if err != nil || len(res.Blockers) > 0 || res.Nodes == 0 {
		return cost.Bill{}, false // the adapter leaves it unpriced or blocked
	}
	hours, ok := s.FollowHours(res.Spread, res.ReplicasPerNode)
	if !ok {
		// The first type laid out this way: the adapter prices it whole.
		r, err := Model{}.Evaluate(p, cat, alt)
		if err != nil || len(r.Findings.Blockers()) > 0 || len(r.Bill.Lines) == 0 || r.Capacity.NodeHours == nil {
			return cost.Bill{}, false
		}
		s.SetFollowHours(res.Spread, res.ReplicasPerNode, *r.Capacity.NodeHours)
		return r.Bill, true
	}
	// What the adapter's autoscaled case bills: the workers' node-hours
	// at t's price and the control plane.
	var fs capacity.Findings
	workers, cp, err := Bills(p, cat, in, t, "", res, &fs)
	if err != nil || len(fs.Blockers()) > 0 {
		return cost.Bill{}, false
	}
	addons, _, err := engine.NodeAddons(p, cat, in)
	if err != nil {
		return cost.Bill{}, false
	}
	tariff, err := engine.EC2Tariff(p, cat, cost.EC2Usage{InstanceType: t, Item: workers.Lines[0].Item, Addons: addons})
	if err != nil {
		return cost.Bill{}, false
	}
	return tariff.Bill(hours).Add(cp), true
}

// leastNodeHours returns, for a function giving the least nodes that
// hold a number of replicas on a candidate type, the least node-hours a
// month that type needs: level by level for a fleet that follows the
// load (at least the floor), or for a job the cheaper of its runs and a
// month.
func leastNodeHours(in engine.Inputs, current engine.Result) func(fill func(replicas int64) int64) decimal.Decimal {
	if j := in.Job; j != nil {
		runHours := j.RunSeconds.Add(j.NodeStartSeconds).Div(d3600).Mul(decimal.NewFromInt(j.Runs))
		return func(fill func(int64) int64) decimal.Decimal {
			n := decimal.NewFromInt(max(fill(j.Parallelism), 1))
			return n.Mul(decimal.Min(runHours, hoursPerMonth))
		}
	}
	levels, _ := in.Autoscale.Plan(in.Shape)
	x := in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
	rate := engine.PerReplica(in)
	replicas := make([]int64, len(levels))
	// Each level's hours as an integer at one exponent, so that a type's
	// bound is a sum of integer products: the search asks it of every
	// type for every platform, and a week's 168 levels summed in decimals
	// were 70 % of a shaped service's Evaluate with alternatives (issue
	// 27). The sum is exact, as the decimal one was.
	exp := int32(0)
	for _, l := range levels {
		exp = min(exp, l.Hours.Exponent())
	}
	hours := make([]big.Int, len(levels))
	ten := big.NewInt(10)
	for i, l := range levels {
		if per := engine.PerReplicaAt(in, rate, l.Load); per.IsPositive() {
			replicas[i] = x.Div(per).Ceil().IntPart()
		}
		var scale big.Int
		hours[i].Mul(l.Hours.Coefficient(), scale.Exp(ten, big.NewInt(int64(l.Hours.Exponent()-exp)), nil))
	}
	return func(fill func(int64) int64) decimal.Decimal {
		var sum, term, n big.Int
		for i := range levels {
			n.SetInt64(max(fill(replicas[i]), in.Autoscale.MinCount))
			sum.Add(&sum, term.Mul(&hours[i], &n))
		}
		return decimal.NewFromBigInt(&sum, exp)
	}
}
