package engine

import (
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

func (tasks) search(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *shortlist) (int, error) {
	return taskAlternatives(p, cat, in, current, s, l)
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
