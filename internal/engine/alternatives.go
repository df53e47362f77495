package engine

import (
	"slices"

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

// Search is what [Alternatives] looks through.
type Search struct {
	// Archs are the architectures to try: the scenario's, if it gave one,
	// else both.
	Archs []string
	// N is how many alternatives to keep.
	N int
}

// Alternatives returns up to s.N configurations of p that run the
// workload for less than current, the scenario's own result, cheapest
// first, and how many configurations it priced. Only feasible
// configurations count: no blocker, a sourced price. It tries every
// current-generation, non-burstable instance type priced in the region
// (nodes), every
// task size holding one replica (tasks), and every memory size from the
// scenario's up in steps of 64 MB (functions), on each architecture of
// s.Archs.
func Alternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s Search) ([]Alternative, int, error) {
	if s.N <= 0 || len(current.Bill.Lines) == 0 {
		return nil, 0, nil
	}
	var (
		found []Alternative
		tried int
		err   error
	)
	switch p.Family {
	case platform.Nodes:
		found, tried, err = nodeAlternatives(p, cat, in, current, s)
	case platform.Tasks:
		found, tried, err = taskAlternatives(p, cat, in, current, s)
	case platform.Functions:
		found, tried, err = functionAlternatives(p, cat, in, s)
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
	slices.SortStableFunc(out, func(a, b Alternative) int { return a.Bill.Total().Cmp(b.Bill.Total()) })
	if len(out) > s.N {
		out = out[:s.N]
	}
	return out, tried, nil
}

// nodeAlternatives sizes and prices the workload on every other
// current-generation instance type of the scenario's architectures priced
// in the region. A fleet of a fixed count, or at a price the scenario
// gives, is the user's choice of type: nothing is searched.
func nodeAlternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s Search) ([]Alternative, int, error) {
	if in.Servers.Count > 0 || in.HourlyPrice != nil {
		return nil, 0, nil
	}
	var out []Alternative
	tried := 0
	// A type whose workers alone cost more than the s.N-th cheapest so far
	// (or than the scenario's choice) cannot be among the answers: the
	// workers' bill, nodes × 730 h × the hourly price, is a lower bound
	// of the total, found without pricing the rest.
	best := []decimal.Decimal{current.Bill.Total()}
	bound := func() decimal.Decimal { return best[min(len(best), s.N)-1] }
	hours := decimal.NewFromInt(platform.HoursPerMonth)
	for _, t := range cat.Instances.Types() {
		if t == in.Servers.InstanceType {
			continue
		}
		inst, _ := cat.Instances.Lookup(t)
		if inst.PreviousGeneration || Burstable(t) || !slices.Contains(s.Archs, string(inst.Shape.Arch)) {
			continue
		}
		if _, err := cat.Prices.Instance(t); err != nil {
			continue // no sourced price in this region
		}
		tried++
		sv := in.Servers
		sv.InstanceType = t
		res, err := capacity.Size(cat.Platforms, cat.Instances, capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: sv})
		if err != nil || len(res.Blockers) > 0 || res.Nodes == 0 {
			continue // the type cannot run it (or lacks a figure it needs)
		}
		price, _ := cat.Prices.Instance(t)
		if price.Hourly.Value.Mul(hours).Mul(decimal.NewFromInt(res.Nodes)).GreaterThanOrEqual(bound()) {
			continue
		}
		var fs capacity.Findings
		workers, cp, err := nodeBills(p, cat, t, "", res, &fs)
		if err != nil || len(fs.Blockers()) > 0 {
			continue
		}
		a := Alternative{InstanceType: t, Arch: string(inst.Shape.Arch), Bill: workers.Add(cp)}
		out = append(out, a)
		// Keep best sorted: the scenario's cost, then the cheapest found.
		best = append(best, a.Bill.Total())
		slices.SortFunc(best, decimal.Decimal.Cmp)
	}
	return out, tried, nil
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
func taskAlternatives(p platform.Platform, cat Catalogues, in Inputs, current Result, s Search) ([]Alternative, int, error) {
	table, err := platform.EmbeddedTaskSizes(in.Snapshot)
	if err != nil {
		return nil, 0, err
	}
	cp, err := controlPlane(p, cat, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, new(capacity.Findings))
	if err != nil {
		return nil, 0, err
	}
	var out []Alternative
	tried := 0
	for _, row := range table.Sizes {
		if row.VCPU.LessThan(in.Container.VCPU) {
			continue
		}
		size, ok, err := capacity.FargateTaskSize(capacity.Container{VCPU: row.VCPU, MemoryMB: in.Container.MemoryMB}, in.Snapshot)
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
			tried++
			bill, err := cost.Fargate(cat.Prices, cost.FargateUsage{Platform: fp, Tasks: current.Capacity.Replicas, VCPU: size.VCPU, MemoryMB: int(size.MemoryMiB)})
			if err != nil {
				continue // no sourced rate for this architecture
			}
			out = append(out, Alternative{TaskVCPU: ptr(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: bill.Add(cp)})
		}
	}
	return out, tried, nil
}

// functionMemoryStep is the step of the memory sizes tried for a
// function: Lambda takes any size in 1 MB steps; 64 MB keeps the search
// small and still finds where the price turns.
const functionMemoryStep = 64

// functionAlternatives prices the function at every memory size from the
// scenario's up (a function needs at least the memory it is given) in
// steps of 64 MB, on each architecture; with lambda.cpu_share_scaling the
// duration follows the memory's vCPU share.
func functionAlternatives(p platform.Platform, cat Catalogues, in Inputs, s Search) ([]Alternative, int, error) {
	maxMB := p.Limits.MemoryMax
	if maxMB == nil {
		return nil, 0, nil
	}
	var sizes []int64
	for m := in.Workload.MemoryMB; m <= maxMB.Value; m = (m/functionMemoryStep + 1) * functionMemoryStep {
		sizes = append(sizes, m)
	}
	var out []Alternative
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
			fn := in.Function
			fn.MemoryMB = m
			sz, err := capacity.SizeLambda(p, w, fn)
			if err != nil || len(sz.Findings.Blockers()) > 0 {
				continue
			}
			u := in.Lambda
			u.MemoryMB, u.Arch, u.DurationMS = int(m), cost.Arch(arch), w.DurationMS
			tariff, err := cost.LambdaTariff(cat.Prices, u)
			if err != nil {
				continue
			}
			out = append(out, Alternative{MemoryMB: int(m), Arch: arch, Bill: tariff.Bill(u.Requests)})
		}
	}
	return out, tried, nil
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
