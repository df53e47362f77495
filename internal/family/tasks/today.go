package tasks

import (
	"fmt"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Today implements [engine.Baseline]: now.Count tasks of now.Task all
// month on the workload's architecture, and the control plane's fee.
func (Model) Today(p platform.Platform, cat engine.Catalogues, in engine.Inputs, now engine.Current) (engine.Today, error) {
	if err := engine.OnlyUnit(p, now, engine.UnitTask); err != nil {
		return engine.Today{}, err
	}
	if now.Task == nil {
		return engine.Today{}, &input.FieldError{Field: "current.task_vcpu", Reason: fmt.Sprintf("is missing: %s runs tasks, given by current.task_vcpu and current.task_memory_mb", p.Name)}
	}
	fp := cost.FargateLinuxX86
	if in.Arch == string(platform.ARM64) {
		fp = cost.FargateLinuxARM64
	}
	n, hours := engine.MeanUnits(now.Count)
	task := cost.FargateUsage{Platform: fp, Tasks: n, Seconds: hours.Mul(d3600), VCPU: now.Task.VCPU, MemoryMB: int(now.Task.MemoryMiB),
		Spot: in.Discounts.FargateSpot && spotOffered(p)}
	bill, err := cost.Fargate(cat.Prices, task)
	if err != nil {
		return engine.Today{}, err
	}
	var fs capacity.Findings
	cp, err := engine.ControlPlane(p, cat, in, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, &fs)
	if err != nil {
		return engine.Today{}, err
	}
	return engine.Today{
		Bill:         bill.Add(cp),
		Findings:     fs,
		UnitVCPU:     now.Task.VCPU,
		UnitMemoryMB: now.Task.MemoryMiB,
		Unit:         fmt.Sprintf("%s vCPU / %d MB task", now.Task.VCPU, now.Task.MemoryMiB),
	}, nil
}
