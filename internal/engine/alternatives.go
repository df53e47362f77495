package engine

import (
	"cmp"
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

	nodes *[]Candidate // the instance types to try, cheapest first; nil until needed
	// follows holds the node-hours of each way an autoscaled fleet lays
	// its replicas (a Search serves one evaluation's Inputs).
	follows map[followKey]decimal.Decimal
}

// Candidate is an instance type a search may try.
type Candidate struct {
	Type            string
	VCPU, MemoryMiB int64
	Arch            string
	Hourly          decimal.Decimal // on demand, in the region
	order           float64         // the hourly price, only to order the search
}

// followKey is what the node-hours of a fleet that follows the load
// depend on, for one evaluation's Inputs: how the replicas lie over the
// zones and how many a node holds. The instance type's price does not
// enter them.
type followKey struct {
	spread capacity.Spread
	fit    int64
}

// FollowHours returns the node-hours a month that a family recorded with
// [Search.SetFollowHours] for a fleet that follows the load, its replicas
// laid as sp lays them, fit to a node; false when none was recorded.
func (s *Search) FollowHours(sp capacity.Spread, fit int64) (decimal.Decimal, bool) {
	h, ok := s.follows[followKey{sp, fit}]
	return h, ok
}

// SetFollowHours records the node-hours a month of a fleet that follows
// the load, its replicas laid as sp lays them, fit to a node: they are
// the same on every instance type and platform of the evaluation that
// lays them so, so a search prices them once.
func (s *Search) SetFollowHours(sp capacity.Spread, fit int64, hours decimal.Decimal) {
	if s.follows == nil {
		s.follows = map[followKey]decimal.Decimal{}
	}
	s.follows[followKey{sp, fit}] = hours
}

// Candidates lists, once per Search, every current-generation,
// non-burstable instance type of s.Archs priced in the region, cheapest
// by the hour first so that a search's bound tightens early
// (the order only speeds the search; a float sorts without rescaling
// decimals).
func (s *Search) Candidates(cat Catalogues) []Candidate {
	if s.nodes != nil {
		return *s.nodes
	}
	var cands []Candidate
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
		cands = append(cands, Candidate{t, inst.Shape.VCPU, inst.Shape.MemoryMiB, string(inst.Shape.Arch), price.Hourly.Value, order})
	}
	slices.SortFunc(cands, func(a, b Candidate) int { return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.Type, b.Type)) })
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
	// The search prices configurations without the lines every platform
	// shares (data out): compare them without, and add them back.
	shared := sharedEgress(cat, in)
	l := newShortlist(s.N, current.Bill.Total().Sub(shared.Total()))
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
	tried, err = sr.Search(p, cat, in, current, s, l)
	if err != nil {
		return nil, tried, err
	}
	return withShared(l.alternatives(), shared), tried, nil
}

// Shortlist is what a search keeps: the n cheapest configurations
// cheaper than the scenario's own, and the bound that prunes a family's
// search. Each configuration found costs one insertion into lists of at
// most n (at most 10) instead of a sort of everything found so far.
type Shortlist struct {
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

func newShortlist(n int, limit decimal.Decimal) *Shortlist {
	return &Shortlist{n: n, limit: limit, least: append(make([]decimal.Decimal, 0, n+1), limit)}
}

// Bound is the n-th least of the scenario's total and the totals found
// (the greatest while fewer are known): a configuration whose bill is
// at least that cannot be among the answers.
func (l *Shortlist) Bound() decimal.Decimal { return l.least[len(l.least)-1] }

// Add records a configuration found.
func (l *Shortlist) Add(a Alternative) {
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
func (l *Shortlist) alternatives() []Alternative {
	if len(l.kept) == 0 {
		return nil
	}
	out := make([]Alternative, len(l.kept))
	for i, r := range l.kept {
		out[i] = r.Alternative
	}
	return out
}

// Burstable reports whether t is a burstable-performance type (the T
// families): it sustains only a baseline share of its vCPUs, and CPU
// above it costs surplus credits, so a fleet sized for sustained load is
// not priced right by its hourly rate. The search leaves them out
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances.html).
func Burstable(t string) bool {
	return len(t) > 1 && t[0] == 't' && t[1] >= '0' && t[1] <= '9'
}

// LambdaOneVCPUMB is the memory at which Lambda gives a function one full
// vCPU (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
const LambdaOneVCPUMB = 1769

// LambdaDurationMS is the mean duration of one invocation on Lambda at
// memoryMB: the workload's own, or with CPU-share scaling its CPU-bound
// time (w.CPUTimeMS) stretched by 1 / (the vCPU share of the memory),
// never shortened (one request uses one thread).
func LambdaDurationMS(w capacity.Workload, memoryMB int64, scaling bool) decimal.Decimal {
	d := w.DurationMS
	if !scaling || memoryMB >= LambdaOneVCPUMB {
		return d
	}
	cpu := w.CPUTimeMS()
	// cpu × 1769 / mb, kept to the picosecond; billing rounds it up to the
	// millisecond (or 100 ms in 2017-12) anyway.
	stretched := cpu.Mul(decimal.NewFromInt(LambdaOneVCPUMB)).DivRound(decimal.NewFromInt(memoryMB), 9)
	return d.Sub(cpu).Add(stretched)
}
