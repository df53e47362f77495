package engine

import (
	"cmp"
	"math/big"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// Alternative is a configuration of a platform other than the scenario's
// — an instance type, a task size, a function's memory, an architecture —
// with the monthly bill the same workload would have on it.
type Alternative struct {
	InstanceType string
	TaskVCPU     *decimal.Decimal
	TaskMemoryMB int
	MemoryMB     int
	Arch         string
	Bill         cost.Bill
}

// Search is what [Alternatives] looks through. One Search serves every
// platform of an evaluation: the instance types it tries are listed,
// priced and ordered once.
type Search struct {
	// Archs are the architectures to try: both, or the workload's only
	// (the scenario's alternatives_arch).
	Archs []string
	// N is how many alternatives to keep.
	N int

	nodes *[]candidate // the instance types to try, cheapest first; nil until needed
	// follows holds the node-hours of each way an autoscaled fleet lays
	// its replicas (a Search serves one evaluation's Inputs).
	follows map[followKey]decimal.Decimal
}

// candidate is an instance type the search may try.
type candidate struct {
	typ          string
	vcpu, memMiB int64
	arch         string
	hourly       decimal.Decimal
	order        float64 // the hourly price, only to order the search
}

// candidates lists, once per Search, every current-generation,
// non-burstable instance type of s.Archs priced in the region, cheapest
// by the hour first so that the bound in nodeAlternatives tightens early
// (the order only speeds the search; a float sorts without rescaling
// decimals).
func (s *Search) candidates(cat Catalogues) []candidate {
	if s.nodes != nil {
		return *s.nodes
	}
	var cands []candidate
	for _, t := range cat.Instances.Types() {
		if Burstable(t) {
			continue
		}
		inst, _ := cat.Instances.Lookup(t)
		if inst.PreviousGeneration || !slices.Contains(s.Archs, string(inst.Shape.Arch)) {
			continue
		}
		price, err := cat.Prices.Instance(t)
		if err != nil {
			continue // no sourced price in this region
		}
		order, _ := strconv.ParseFloat(price.Hourly.Value.String(), 64)
		cands = append(cands, candidate{t, inst.Shape.VCPU, inst.Shape.MemoryMiB, string(inst.Shape.Arch), price.Hourly.Value, order})
	}
	slices.SortFunc(cands, func(a, b candidate) int { return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.typ, b.typ)) })
	s.nodes = &cands
	return cands
}

// Alternatives returns up to s.N configurations of p that run the
// workload for less than current, the scenario's own result, cheapest
// first, and how many configurations it considered. Only feasible
// configurations count: no blocker, a sourced price. It tries every
// current-generation, non-burstable instance type priced in the region
// (nodes), every task size holding one replica (tasks), and every memory
// size from the scenario's up in steps of 64 MB (functions), on each
// architecture of s.Archs.
func Alternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search) ([]Alternative, int, error) {
	return alternativesOf(p, cat, in, current, s)
}

// alternativesOf is the search Alternatives runs: a test puts the search
// of before issue 27 in its place to compare the two on whole reports.
var alternativesOf = shortlistAlternatives

// shortlistAlternatives is [Alternatives].
func shortlistAlternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search) ([]Alternative, int, error) {
	if s.N <= 0 || len(current.Bill.Lines) == 0 {
		return nil, 0, nil
	}
	l := newShortlist(s.N, current.Bill.Total())
	var (
		tried int
		err   error
	)
	f, err := cat.Families.FamilyOf(p)
	if err != nil {
		return nil, 0, err
	}
	sr, ok := f.(Searcher)
	if !ok {
		return nil, 0, nil // the report says no search applies
	}
	tried, err = sr.search(p, cat, in, current, s, l)
	if err != nil {
		return nil, tried, err
	}
	return l.alternatives(), tried, nil
}

func (nodes) search(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *shortlist) (int, error) {
	return nodeAlternatives(p, cat, in, current, s, l)
}

func (tasks) search(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *shortlist) (int, error) {
	return taskAlternatives(p, cat, in, current, s, l)
}

func (functions) search(p platform.Platform, cat Catalogues, in Inputs, _ Result, s *Search, l *shortlist) (int, error) {
	return functionAlternatives(p, cat, in, s, l)
}

// shortlist is what a search keeps: the n cheapest configurations
// cheaper than the scenario's own, and the bound that prunes the nodes
// searches. Each configuration found costs one insertion into lists of at
// most n (at most 10) instead of a sort of everything found so far.
type shortlist struct {
	n     int
	limit decimal.Decimal // the scenario's own total
	// least holds the n least of limit and every total found, cheaper or
	// not, ascending: its last is the bound, as it was when every total
	// was kept and sorted.
	least []decimal.Decimal
	kept  []ranked // the answer so far, in its order
}

// ranked is a configuration found with its total, summed once.
type ranked struct {
	Alternative
	total decimal.Decimal
}

func newShortlist(n int, limit decimal.Decimal) *shortlist {
	return &shortlist{n: n, limit: limit, least: append(make([]decimal.Decimal, 0, n+1), limit)}
}

// bound is the n-th least of the scenario's total and the totals found
// (the greatest while fewer are known): a configuration whose bill is
// at least that cannot be among the answers.
func (l *shortlist) bound() decimal.Decimal { return l.least[len(l.least)-1] }

// add records a configuration found.
func (l *shortlist) add(a Alternative) {
	total := a.Bill.Total()
	if i := len(l.least); i < l.n || total.LessThan(l.least[i-1]) {
		l.least = insertAt(l.least, total, func(v decimal.Decimal) bool { return v.GreaterThan(total) }, l.n)
	}
	if !total.LessThan(l.limit) {
		return
	}
	r := ranked{a, total}
	if i := len(l.kept); i < l.n || answerOrder(r, l.kept[i-1]) < 0 {
		// After its equals, as a stable sort of everything found placed it.
		l.kept = insertAt(l.kept, r, func(k ranked) bool { return answerOrder(k, r) > 0 }, l.n)
	}
}

// insertAt inserts v into the ascending list before its first element
// that after reports to come after v, and keeps the first n.
func insertAt[T any](list []T, v T, after func(T) bool, n int) []T {
	i := len(list)
	for i > 0 && after(list[i-1]) {
		i--
	}
	list = slices.Insert(list, i, v)
	return list[:min(len(list), n)]
}

// answerOrder orders the answers: cheapest first; equal costs in the
// order of their names.
func answerOrder(a, b ranked) int {
	if c := a.total.Cmp(b.total); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(a.InstanceType, b.InstanceType), cmp.Compare(a.Arch, b.Arch), cmp.Compare(a.MemoryMB, b.MemoryMB), cmp.Compare(a.TaskMemoryMB, b.TaskMemoryMB))
}

// alternatives is the answer.
func (l *shortlist) alternatives() []Alternative {
	if len(l.kept) == 0 {
		return nil
	}
	out := make([]Alternative, len(l.kept))
	for i, r := range l.kept {
		out[i] = r.Alternative
	}
	return out
}

// nodeAlternatives sizes and prices the workload on every other
// current-generation instance type of the scenario's architectures priced
// in the region. A fleet of a fixed count, or at a price the scenario
// gives, is the user's choice of type: nothing is searched.
func nodeAlternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *shortlist) (int, error) {
	if in.Servers.Count > 0 || in.HourlyPrice != nil {
		return 0, nil
	}
	if in.Autoscale != nil || in.Job != nil {
		return adapterAlternatives(p, cat, in, current, s, l)
	}
	around := surroundingsOf(cat, in)
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
	for _, c := range s.candidates(cat) {
		if c.typ == in.Servers.InstanceType {
			continue // the scenario's own
		}
		tried++
		fill := max(1, ceilDiv(replicas*cpuMilli, c.vcpu*1000), ceilDiv(replicas*in.Container.MemoryMB, c.memMiB))
		if l.over(least, c, hours.Mul(decimal.NewFromInt(fill))) {
			continue
		}
		sv := in.Servers
		sv.InstanceType = c.typ
		res, err := capacity.Size(cat.Platforms, cat.Instances, capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: sv})
		if err != nil || len(res.Blockers) > 0 || res.Nodes == 0 {
			continue // the type cannot run it (or lacks a figure it needs)
		}
		if l.over(least, c, hours.Mul(decimal.NewFromInt(res.Nodes))) {
			continue
		}
		var fs capacity.Findings
		workers, cp, err := nodeBills(p, cat, c.typ, "", res, &fs)
		if err != nil || len(fs.Blockers()) > 0 {
			continue
		}
		l.add(Alternative{InstanceType: c.typ, Arch: c.arch, Bill: discountedBy(nodes{}, p, in, workers.Add(cp).Add(around.bill()))})
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
func (l *shortlist) over(least leastBill, c candidate, nodeHours decimal.Decimal) bool {
	bound := l.bound()
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

func newLeastBill(p platform.Platform, cat Catalogues, in Inputs, around *Surroundings) leastBill {
	b := leastBill{discount: in.Discounts.EC2, around: around.total(), managerHours: dZero, fee: dZero}
	switch p.ControlPlane.RunBy {
	case platform.User:
		b.managerHours = hoursPerMonth.Mul(decimal.NewFromInt(in.Servers.Managers))
	case platform.AWS:
		// A fee the snapshot does not source is left out of every bill
		// (with a warning), so of the bound too.
		fee, err := controlPlane(p, cat, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy, Clusters: 1}, new(capacity.Findings))
		if err == nil {
			b.fee = discountedBy(nodes{}, p, in, fee).Total()
		}
	}
	return b
}

// workers is the least bill of type c's workers, running nodeHours a
// month, with what surrounds them.
func (b leastBill) workers(c candidate, nodeHours decimal.Decimal) decimal.Decimal {
	v := discounted(c.hourly, b.discount).Mul(nodeHours)
	if !b.around.IsZero() {
		v = v.Add(b.around)
	}
	return v
}

// whole is workers, type c's least workers' bill, with its least control
// plane.
func (b leastBill) whole(c candidate, workers decimal.Decimal) decimal.Decimal {
	if !b.managerHours.IsZero() {
		workers = workers.Add(discounted(c.hourly, b.discount).Mul(b.managerHours))
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
func adapterAlternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *shortlist) (int, error) {
	nodeHours := leastNodeHours(in, current)
	// What every type needs, whatever its size (the floor all month, or a
	// node for each run): one multiplication prunes the dear types before
	// their levels are summed.
	anyType := nodeHours(func(int64) int64 { return 0 })
	around := surroundingsOf(cat, in)
	least := newLeastBill(p, cat, in, around)
	cpuMilli := in.Container.VCPU.Mul(thousand).Ceil().IntPart()
	tried := 0
	for _, c := range s.candidates(cat) {
		if c.typ == in.Servers.InstanceType {
			continue
		}
		tried++
		if l.over(least, c, anyType) {
			continue
		}
		fill := func(replicas int64) int64 {
			return max(ceilDiv(replicas*cpuMilli, c.vcpu*1000), ceilDiv(replicas*in.Container.MemoryMB, c.memMiB))
		}
		if l.over(least, c, nodeHours(fill)) {
			continue
		}
		bill, ok := s.adapterBill(p, cat, in, c.typ)
		if !ok {
			continue
		}
		l.add(Alternative{InstanceType: c.typ, Arch: c.arch, Bill: discountedBy(nodes{}, p, in, bill.Add(around.bill()))})
	}
	return tried, nil
}

// followKey is what the node-hours of a fleet that follows the load
// depend on, for one evaluation's Inputs: how the replicas lie over the
// zones and how many a node holds. The instance type's price does not
// enter them.
type followKey struct {
	spread capacity.Spread
	fit    int64
}

// adapterBill is the bill of the scenario's workload on type t as the
// nodes adapter prices it, and false when t cannot run it. A fleet that
// follows the load is priced level by level (hundreds of levels for a
// week's shape, each a step per zone): its node-hours are computed once
// per way of laying the replicas and reused for every other type, on
// every platform, that lays them the same way, so that a type costs one
// sizing and one price.
func (s *Search) adapterBill(p platform.Platform, cat Catalogues, in Inputs, t string) (cost.Bill, bool) {
	alt := in
	alt.Servers.InstanceType = t
	if in.Job != nil {
		res, err := nodes{}.Evaluate(p, cat, alt)
		if err != nil || len(res.Findings.Blockers()) > 0 || len(res.Bill.Lines) == 0 {
			return cost.Bill{}, false
		}
		return res.Bill, true
	}
	res, err := capacity.Size(cat.Platforms, cat.Instances, capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: alt.Servers})
	if err != nil || len(res.Blockers) > 0 || res.Nodes == 0 {
		return cost.Bill{}, false // the adapter leaves it unpriced or blocked
	}
	key := followKey{res.Spread, res.ReplicasPerNode}
	hours, ok := s.follows[key]
	if !ok {
		// The first type laid out this way: the adapter prices it whole.
		r, err := nodes{}.Evaluate(p, cat, alt)
		if err != nil || len(r.Findings.Blockers()) > 0 || len(r.Bill.Lines) == 0 || r.Capacity.NodeHours == nil {
			return cost.Bill{}, false
		}
		if s.follows == nil {
			s.follows = map[followKey]decimal.Decimal{}
		}
		s.follows[key] = *r.Capacity.NodeHours
		return r.Bill, true
	}
	// What the adapter's autoscaled case bills: the workers' node-hours
	// at t's price and the control plane.
	var fs capacity.Findings
	workers, cp, err := nodeBills(p, cat, t, "", res, &fs)
	if err != nil || len(fs.Blockers()) > 0 {
		return cost.Bill{}, false
	}
	tariff, err := ec2Tariff(p, cat, cost.EC2Usage{InstanceType: t, Item: workers.Lines[0].Item})
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
func leastNodeHours(in Inputs, current Result) func(fill func(replicas int64) int64) decimal.Decimal {
	if j := in.Job; j != nil {
		runHours := j.RunSeconds.Add(j.NodeStartSeconds).Div(d3600).Mul(decimal.NewFromInt(j.Runs))
		return func(fill func(int64) int64) decimal.Decimal {
			n := decimal.NewFromInt(max(fill(j.Parallelism), 1))
			return n.Mul(decimal.Min(runHours, hoursPerMonth))
		}
	}
	levels, _ := in.Autoscale.plan(in.Shape)
	x := in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
	rate := perReplica(in)
	replicas := make([]int64, len(levels))
	// Each level's hours as an integer at one exponent, so that a type's
	// bound is a sum of integer products: the search asks it of every
	// type for every platform, and a week's 168 levels summed in decimals
	// were 70 % of a shaped service's Evaluate with alternatives (issue
	// 27). The sum is exact, as the decimal one was.
	exp := int32(0)
	for _, l := range levels {
		exp = min(exp, l.hours.Exponent())
	}
	hours := make([]big.Int, len(levels))
	ten := big.NewInt(10)
	for i, l := range levels {
		if per := perReplicaAt(in, rate, l.load); per.IsPositive() {
			replicas[i] = x.Div(per).Ceil().IntPart()
		}
		var scale big.Int
		hours[i].Mul(l.hours.Coefficient(), scale.Exp(ten, big.NewInt(int64(l.hours.Exponent()-exp)), nil))
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

// Burstable reports whether t is a burstable-performance type (the T
// families): it sustains only a baseline share of its vCPUs, and CPU
// above it costs surplus credits, so a fleet sized for sustained load is
// not priced right by its hourly rate. The search leaves them out
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances.html).
func Burstable(t string) bool {
	return len(t) > 1 && t[0] == 't' && t[1] >= '0' && t[1] <= '9'
}

// taskAlternatives prices the same tasks at every valid size holding one
// replica — for each vCPU size the least memory that holds it — on each
// architecture.
func taskAlternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *shortlist) (int, error) {
	table, err := platform.EmbeddedTaskSizes(in.Snapshot)
	if err != nil {
		return 0, err
	}
	cp, err := controlPlane(p, cat, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, new(capacity.Findings))
	if err != nil {
		return 0, err
	}
	around := surroundingsOf(cat, in)
	tried := 0
	for _, row := range table.Sizes {
		if row.VCPU.LessThan(in.Container.VCPU) {
			continue
		}
		size, ok, err := capacity.FargateTaskSize(capacity.Container{VCPU: row.VCPU, MemoryMB: in.Container.MemoryMB + Param(p, ParamPodOverheadMB, dZero).Ceil().IntPart()}, in.Snapshot)
		if err != nil || !ok || !size.VCPU.Equal(row.VCPU) {
			continue
		}
		for _, arch := range s.Archs {
			if arch == in.Arch && size.VCPU.Equal(*current.Capacity.TaskVCPU) && int(size.MemoryMiB) == current.Capacity.TaskMemoryMB {
				continue // the scenario's own
			}
			fp := cost.FargateLinuxX86
			if arch == string(platform.ARM64) {
				fp = cost.FargateLinuxARM64
			}
			if arch == string(platform.ARM64) && !arm64Offered(p) {
				continue
			}
			if in.Discounts.FargateSpot && arch == string(platform.ARM64) {
				continue // Fargate Spot runs x86_64 Linux tasks only
			}
			tried++
			if in.Autoscale != nil || in.Job != nil {
				// Tasks that follow the load, or a job's: the adapter
				// prices them, at this size and architecture.
				alt := in
				alt.TaskSize, alt.Arch = &size, arch
				res, err := tasks{}.Evaluate(p, cat, alt)
				if err != nil || len(res.Findings.Blockers()) > 0 || len(res.Bill.Lines) == 0 {
					continue
				}
				l.add(Alternative{TaskVCPU: ptr(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: discountedBy(tasks{}, p, in, res.Bill.Add(around.bill()))})
				continue
			}
			bill, err := cost.Fargate(cat.Prices, cost.FargateUsage{Platform: fp, Tasks: current.Capacity.Replicas, VCPU: size.VCPU, MemoryMB: int(size.MemoryMiB)})
			if err != nil {
				continue // no sourced rate for this architecture
			}
			l.add(Alternative{TaskVCPU: ptr(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: discountedBy(tasks{}, p, in, bill.Add(cp).Add(around.bill()))})
		}
	}
	return tried, nil
}

// functionMemoryStep is the step of the memory sizes tried for a
// function: Lambda takes any size in 1 MB steps; 64 MB keeps the search
// small and still finds where the price turns.
const functionMemoryStep = 64

// functionAlternatives prices the function at every memory size from the
// scenario's up (a function needs at least the memory it is given) in
// steps of 64 MB, on each architecture; with lambda.cpu_share_scaling the
// duration follows the memory's vCPU share.
func functionAlternatives(p platform.Platform, cat Catalogues, in Inputs, s *Search, l *shortlist) (int, error) {
	maxMB := p.Limits.MemoryMax
	if maxMB == nil {
		return 0, nil
	}
	var sizes []int64
	for m := in.Workload.MemoryMB; m <= maxMB.Value; m = (m/functionMemoryStep + 1) * functionMemoryStep {
		sizes = append(sizes, m)
	}
	tried := 0
	for _, m := range sizes {
		for _, arch := range s.Archs {
			if m == in.Workload.MemoryMB && arch == in.Arch {
				continue // the scenario's own
			}
			tried++
			w := in.Workload
			w.MemoryMB = m
			w.DurationMS = LambdaDurationMS(in.Workload, m, in.CPUShareScaling)
			if in.Job != nil {
				w = jobFunction(in.Job)
			}
			fn := in.Function
			fn.MemoryMB = m
			sz, err := capacity.SizeLambda(p, w, fn)
			if err != nil || len(sz.Findings.Blockers()) > 0 {
				continue
			}
			u := in.Lambda
			u.MemoryMB, u.Arch = int(m), cost.Arch(arch)
			if in.Job == nil {
				u.DurationMS = w.DurationMS
			}
			tariff, err := cost.LambdaTariff(cat.Prices, u)
			if err == nil {
				tariff, err = withFrontDoor(tariff, cat, in)
			}
			if err != nil {
				continue
			}
			l.add(Alternative{MemoryMB: int(m), Arch: arch, Bill: discountedBy(functions{}, p, in, tariff.Bill(u.Requests))})
		}
	}
	return tried, nil
}

// LambdaOneVCPUMB is the memory at which Lambda gives a function one full
// vCPU (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
const LambdaOneVCPUMB = 1769

// LambdaDurationMS is the mean duration of one invocation on Lambda at
// memoryMB: the workload's own, or with CPU-share scaling its CPU-bound
// share (w.CPUFraction) stretched by 1 / (the vCPU share of the memory),
// never shortened (one request uses one thread).
func LambdaDurationMS(w capacity.Workload, memoryMB int64, scaling bool) decimal.Decimal {
	d := w.DurationMS
	if !scaling || memoryMB >= LambdaOneVCPUMB {
		return d
	}
	cpu := d.Mul(w.CPUFraction)
	// cpu × 1769 / mb, kept to the picosecond; billing rounds it up to the
	// millisecond (or 100 ms in 2017-12) anyway.
	stretched := cpu.Mul(decimal.NewFromInt(LambdaOneVCPUMB)).DivRound(decimal.NewFromInt(memoryMB), 9)
	return d.Sub(cpu).Add(stretched)
}
