package tasks

import (
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Search implements [engine.Searcher]: the tasks at other sizes and
// architectures.
func (Model) Search(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search, l *engine.Shortlist) (int, error) {
	return taskAlternatives(p, cat, in, current, s, l)
}

// taskAlternatives prices the same tasks at every valid size holding one
// replica — for each vCPU size the least memory that holds it — on each
// architecture.
func taskAlternatives(p platform.Platform, cat engine.Catalogues, in engine.Inputs, current engine.Result, s *engine.Search, l *engine.Shortlist) (int, error) {
	table, err := platform.EmbeddedTaskSizes(in.Snapshot)
	if err != nil {
		return 0, err
	}
	cp, err := engine.ControlPlane(p, cat, in, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, new(capacity.Findings))
	if err != nil {
		return 0, err
	}
	around := engine.SurroundingsOf(cat, in)
	tried := 0
	for _, row := range table.Sizes {
		if row.VCPU.LessThan(in.Container.VCPU) {
			continue
		}
		size, ok, err := capacity.FargateTaskSize(capacity.Container{VCPU: row.VCPU, MemoryMB: in.Container.MemoryMB + engine.Param(p, ParamPodOverheadMB, dZero).Ceil().IntPart()}, in.Snapshot)
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
			if arch == string(platform.ARM64) && !Arm64Offered(p) {
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
				res, err := Model{}.Evaluate(p, cat, alt)
				if err != nil || len(res.Findings.Blockers()) > 0 || len(res.Bill.Lines) == 0 {
					continue
				}
				l.Add(engine.Alternative{TaskVCPU: new(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: engine.DiscountedBy(Model{}, p, in, res.Bill.Add(around.Added()))})
				continue
			}
			bill, err := cost.Fargate(cat.Prices, cost.FargateUsage{Platform: fp, Tasks: current.Capacity.Replicas, VCPU: size.VCPU, MemoryMB: int(size.MemoryMiB)})
			if err != nil {
				continue // no sourced rate for this architecture
			}
			l.Add(engine.Alternative{TaskVCPU: new(size.VCPU), TaskMemoryMB: int(size.MemoryMiB), Arch: arch, Bill: engine.DiscountedBy(Model{}, p, in, bill.Add(cp).Add(around.Added()))})
		}
	}
	return tried, nil
}
