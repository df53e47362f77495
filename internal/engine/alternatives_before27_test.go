package engine_test

// The search for cheaper configurations as it was before issue 27 (commit
// 4d35221), kept verbatim but for the names: every total found was kept
// and sorted again after each candidate, the bound left out the control
// plane, and every candidate of an autoscaled fleet was priced whole.
// TestAlternativesAsBefore27 checks that the search gives the same answers.

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family/functions"
	"github.com/runwhere/runwhere/internal/family/nodes"
	"github.com/runwhere/runwhere/internal/family/tasks"
	"github.com/runwhere/runwhere/platform"
)

// Alternatives returns up to s.N configurations of p that run the
// workload for less than current, the scenario's own result, cheapest
// first, and how many configurations it considered. Only feasible
// configurations count: no blocker, a sourced price. It tries every
// current-generation, non-burstable instance type priced in the region
// (nodes), every task size holding one replica (tasks), and every memory
// size from the scenario's up in steps of 64 MB (functions), on each
// architecture of s.Archs.
func alternativesBefore27(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search) ([]engine.Alternative, int, error) {
	if s.N <= 0 || len(current.Bill.Lines) == 0 {
		return nil, 0, nil
	}
	var (
		found []engine.Alternative
		tried int
		err   error
	)
	switch p.Family {
	case platform.Nodes:
		found, tried, err = nodeAlternativesBefore27(p, cat, in, current, s)
	case platform.Tasks:
		found, tried, err = taskAlternativesBefore27(p, cat, in, current, s)
	case platform.Functions:
		found, tried, err = functionAlternativesBefore27(p, cat, in, s)
	}
	if err != nil {
		return nil, tried, err
	}
	limit := current.Bill.Total()
	out := found[:0]
	for _, a := range found {
		if a.Bill.Total().LessThan(limit) {
			out = append(out, a)
		}
	}
	// Cheapest first; equal costs in the order of their names.
	slices.SortStableFunc(out, func(a, b engine.Alternative) int {
		if c := a.Bill.Total().Cmp(b.Bill.Total()); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.InstanceType, b.InstanceType), cmp.Compare(a.Arch, b.Arch), cmp.Compare(a.MemoryMB, b.MemoryMB), cmp.Compare(a.TaskMemoryMB, b.TaskMemoryMB))
	})
	if len(out) > s.N {
		out = out[:s.N]
	}
	return out, tried, nil
}

// nodeAlternativesBefore27 sizes and prices the workload on every other
// current-generation instance type of the scenario's architectures priced
// in the region. A fleet of a fixed count, or at a price the scenario
// gives, is the user's choice of type: nothing is searched.
func nodeAlternativesBefore27(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search) ([]engine.Alternative, int, error) {
	if in.Servers.Count > 0 || in.HourlyPrice != nil {
		return nil, 0, nil
	}
	cands := s.Candidates(cat)
	if in.Autoscale != nil || in.Job != nil {
		return adapterAlternativesBefore27(p, cat, in, current, cands, s)
	}
	// What surrounds the fleet (an ALB, NAT gateways) is the same on
	// every type: it joins each bill and each bound.
	around := engine.SurroundingsOf(cat, in)
	extra := around.AddedTotal()
	tried := 0
	// A type whose workers alone cost more than the s.N-th cheapest so far
	// (or than the scenario's choice) cannot be among the answers. The
	// workers' bill, nodes × 730 h × the hourly price, is a lower bound of
	// the total; and before sizing, the nodes are at least what the
	// replicas' vCPUs and memory fill (the replica count does not depend
	// on the instance type, and a node offers at most its own vCPUs and
	// memory).
	best := []decimal.Decimal{current.Bill.Total()}
	bound := func() decimal.Decimal { return best[min(len(best), s.N)-1] }
	// over reports whether workers costing at least v, with what surrounds
	// them, cannot be among the answers.
	over := func(v decimal.Decimal) bool {
		if !extra.IsZero() {
			v = v.Add(extra)
		}
		return v.GreaterThanOrEqual(bound())
	}
	hours := decimal.NewFromInt(platform.HoursPerMonth)
	replicas := int64(current.Capacity.Replicas)
	cpuMilli := in.Container.VCPU.Mul(thousand).Ceil().IntPart()
	var out []engine.Alternative
	for _, c := range cands {
		if c.Type == in.Servers.InstanceType {
			continue // the scenario's own
		}
		tried++
		least := max(1, ceilDiv(replicas*cpuMilli, c.VCPU*1000), ceilDiv(replicas*in.Container.MemoryMB, c.MemoryMiB))
		hourly := engine.DiscountedPrice(c.Hourly, in.Discounts.EC2)
		if over(hourly.Mul(hours).Mul(decimal.NewFromInt(least))) {
			continue
		}
		sv := in.Servers
		sv.InstanceType = c.Type
		res, err := capacity.Size(cat.Platforms, cat.Instances, capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: sv})
		if err != nil || len(res.Blockers) > 0 || res.Nodes == 0 {
			continue // the type cannot run it (or lacks a figure it needs)
		}
		if over(hourly.Mul(hours).Mul(decimal.NewFromInt(res.Nodes))) {
			continue
		}
		var fs capacity.Findings
		workers, cp, err := nodes.Bills(p, cat, in, c.Type, "", res, &fs)
		if err != nil || len(fs.Blockers()) > 0 {
			continue
		}
		a := engine.Alternative{InstanceType: c.Type, Arch: c.Arch, Bill: engine.DiscountedBy(nodes.Model{}, p, in, workers.Add(cp).Add(around.Added()))}
		out = append(out, a)
		best = append(best, a.Bill.Total())
		slices.SortFunc(best, decimal.Decimal.Cmp)
	}
	return out, tried, nil
}

// adapterAlternativesBefore27 prices each candidate type with the nodes adapter
// itself: a fleet that follows the load, or a job's, is not the peak's
// fleet for a month, so nodeAlternativesBefore27' pricing does not hold. Its
// bound does, in this form: a type's workers cost at least its hourly
// price × the hours it runs × the nodes the replicas' vCPUs and memory
// fill (at least the floor), level by level, or, for a job, the cheaper of
// a run's nodes for every run and the same nodes all month.
func adapterAlternativesBefore27(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, cands []engine.Candidate, s *engine.Search) ([]engine.Alternative, int, error) {
	least := leastNodeHoursBefore27(in, current)
	around := engine.SurroundingsOf(cat, in)
	extra := around.AddedTotal()
	best := []decimal.Decimal{current.Bill.Total()}
	bound := func() decimal.Decimal { return best[min(len(best), s.N)-1] }
	cpuMilli := in.Container.VCPU.Mul(thousand).Ceil().IntPart()
	tried := 0
	var out []engine.Alternative
	for _, c := range cands {
		if c.Type == in.Servers.InstanceType {
			continue
		}
		tried++
		fill := func(replicas int64) int64 {
			return max(ceilDiv(replicas*cpuMilli, c.VCPU*1000), ceilDiv(replicas*in.Container.MemoryMB, c.MemoryMiB))
		}
		floor := engine.DiscountedPrice(c.Hourly, in.Discounts.EC2).Mul(least(fill))
		if !extra.IsZero() {
			floor = floor.Add(extra)
		}
		if floor.GreaterThanOrEqual(bound()) {
			continue
		}
		alt := in
		alt.Servers.InstanceType = c.Type
		res, err := nodes.Model{}.Evaluate(p, cat, alt)
		if err != nil || len(res.Findings.Blockers()) > 0 || len(res.Bill.Lines) == 0 {
			continue
		}
		a := engine.Alternative{InstanceType: c.Type, Arch: c.Arch, Bill: engine.DiscountedBy(nodes.Model{}, p, in, res.Bill.Add(around.Added()))}
		out = append(out, a)
		best = append(best, a.Bill.Total())
		slices.SortFunc(best, decimal.Decimal.Cmp)
	}
	return out, tried, nil
}

// leastNodeHoursBefore27 returns, for a function giving the least nodes that
// hold a number of replicas on a candidate type, the least node-hours a
// month that type needs: level by level for a fleet that follows the
// load (at least the floor), or for a job the cheaper of its runs and a
// month.
func leastNodeHoursBefore27(in engine.Inputs, current engine.Result) func(fill func(replicas int64) int64) decimal.Decimal {
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
	for i, l := range levels {
		if per := engine.PerReplicaAt(in, rate, l.Load); per.IsPositive() {
			replicas[i] = x.Div(per).Ceil().IntPart()
		}
	}
	return func(fill func(int64) int64) decimal.Decimal {
		sum := dZero
		for i, l := range levels {
			sum = sum.Add(l.Hours.Mul(decimal.NewFromInt(max(fill(replicas[i]), in.Autoscale.MinCount))))
		}
		return sum
	}
}

// Burstable reports whether t is a burstable-performance type (the T
// families): it sustains only a baseline share of its vCPUs, and CPU
// above it costs surplus credits, so a fleet sized for sustained load is
// not priced right by its hourly rate. The search leaves them out
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances.html).

// taskAlternativesBefore27 prices the same tasks at every valid size holding one
// replica — for each vCPU size the least memory that holds it — on each
// architecture.
func taskAlternativesBefore27(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search) ([]engine.Alternative, int, error) {
	table, err := platform.EmbeddedTaskSizes(in.Snapshot)
	if err != nil {
		return nil, 0, err
	}
	cp, err := engine.ControlPlane(p, cat, in, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, new(capacity.Findings))
	if err != nil {
		return nil, 0, err
	}
	around := engine.SurroundingsOf(cat, in)
	var out []engine.Alternative
	tried := 0
	for _, row := range table.Sizes {
		if row.VCPU.LessThan(in.Container.VCPU) {
			continue
		}
		// The platform's pod overhead and architectures (issue 24) are
		// rules of the family, not of the search: the oracle applies them
		// as the search does.
		size, ok, err := capacity.FargateTaskSize(capacity.Container{VCPU: row.VCPU, MemoryMB: in.Container.MemoryMB + engine.Param(p, tasks.ParamPodOverheadMB, dZero).Ceil().IntPart()}, in.Snapshot)
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
			if arch == string(platform.ARM64) && !tasks.Arm64Offered(p) {
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
				res, err := tasks.Model{}.Evaluate(p, cat, alt)
				if err != nil || len(res.Findings.Blockers()) > 0 || len(res.Bill.Lines) == 0 {
					continue
				}
				out = append(out, engine.Alternative{TaskVCPU: ptr(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: engine.DiscountedBy(tasks.Model{}, p, in, res.Bill.Add(around.Added()))})
				continue
			}
			bill, err := cost.Fargate(cat.Prices, cost.FargateUsage{Platform: fp, Tasks: current.Capacity.Replicas, VCPU: size.VCPU, MemoryMB: int(size.MemoryMiB)})
			if err != nil {
				continue // no sourced rate for this architecture
			}
			out = append(out, engine.Alternative{TaskVCPU: ptr(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: engine.DiscountedBy(tasks.Model{}, p, in, bill.Add(cp).Add(around.Added()))})
		}
	}
	return out, tried, nil
}

// functionAlternativesBefore27 prices the function at every memory size from the
// scenario's up (a function needs at least the memory it is given) in
// steps of 64 MB, on each architecture; with lambda.cpu_share_scaling the
// duration follows the memory's vCPU share.
func functionAlternativesBefore27(p platform.Platform, cat engine.Catalogues, in engine.Inputs, s *engine.Search) ([]engine.Alternative, int, error) {
	maxMB := p.Limits.MemoryMax
	if maxMB == nil {
		return nil, 0, nil
	}
	var sizes []int64
	for m := in.Workload.MemoryMB; m <= maxMB.Value; m = (m/functions.MemoryStep + 1) * functions.MemoryStep {
		sizes = append(sizes, m)
	}
	var out []engine.Alternative
	tried := 0
	for _, m := range sizes {
		for _, arch := range s.Archs {
			if m == in.Workload.MemoryMB && arch == in.Arch {
				continue // the scenario's own
			}
			tried++
			w := in.Workload
			w.MemoryMB = m
			w.DurationMS = engine.LambdaDurationMS(in.Workload, m, in.CPUShareScaling)
			if in.Job != nil {
				w = engine.JobFunction(in.Job)
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
				tariff, err = engine.WithFrontDoor(tariff, cat, in)
			}
			if err != nil {
				continue
			}
			out = append(out, engine.Alternative{MemoryMB: int(m), Arch: arch, Bill: engine.DiscountedBy(functions.Model{}, p, in, tariff.Bill(u.Requests))})
		}
	}
	return out, tried, nil
}

// LambdaOneVCPUMB is the memory at which Lambda gives a function one full

// SearchAsBefore27 makes [engine.Alternatives] search as before issue 27
// until the function it returns is called.
func SearchAsBefore27() (restore func()) {
	return engine.SearchWith(alternativesBefore27)
}

var (
	thousand        = decimal.NewFromInt(1000)
	d3600           = decimal.NewFromInt(3600)
	dZero           = decimal.Zero
	hoursPerMonth   = decimal.NewFromInt(platform.HoursPerMonth)
	secondsPerMonth = decimal.NewFromInt(platform.SecondsPerMonth)
)

func ptr[T any](v T) *T { return &v }

func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		return a
	}
	return (a + b - 1) / b
}
