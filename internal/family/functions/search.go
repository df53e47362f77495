package functions

import (
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Search implements [engine.Searcher]: the function at other memory
// sizes and architectures.
func (Model) Search(p platform.Platform, cat engine.Catalogues, in engine.Inputs, _ engine.Result, s *engine.Search, l *engine.Shortlist) (int, error) {
	return functionAlternatives(p, cat, in, s, l)
}

// MemoryStep is the step of the memory sizes tried for a function:
// Lambda takes any size in 1 MB steps; 64 MB keeps the search small and
// still finds where the price turns.
const MemoryStep = 64

// functionAlternatives prices the function at every memory size from the
// scenario's up (a function needs at least the memory it is given) in
// steps of 64 MB, on each architecture; with lambda.cpu_share_scaling the
// duration follows the memory's vCPU share.
func functionAlternatives(p platform.Platform, cat engine.Catalogues, in engine.Inputs, s *engine.Search, l *engine.Shortlist) (int, error) {
	maxMB := p.Limits.MemoryMax
	if maxMB == nil {
		return 0, nil
	}
	var sizes []int64
	for m := in.Workload.MemoryMB; m <= maxMB.Value; m = (m/MemoryStep + 1) * MemoryStep {
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
			l.Add(engine.Alternative{MemoryMB: int(m), Arch: arch, Bill: engine.DiscountedBy(Model{}, p, in, tariff.Bill(u.Requests))})
		}
	}
	return tried, nil
}
