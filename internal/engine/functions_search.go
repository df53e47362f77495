package engine

import (
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

func (functions) search(p platform.Platform, cat Catalogues, in Inputs, _ Result, s *Search, l *shortlist) (int, error) {
	return functionAlternatives(p, cat, in, s, l)
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
