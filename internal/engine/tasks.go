package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// tasks evaluates platforms that run each replica as a task on capacity
// the provider runs (ECS on Fargate): replicas spread over zones as for
// nodes, each at the smallest valid task size, billed per second of vCPU
// and memory, plus the control plane's fee where one is charged.
type tasks struct{}

func (tasks) Evaluate(p platform.Platform, cat Catalogues, in Inputs) (Result, error) {
	sv := in.Servers
	sz, err := capacity.SizeFargate(p, in.Snapshot, in.Workload, in.Container, sv.TargetUtilization, sv.Zones, sv.SurviveZoneLoss)
	if err != nil {
		return Result{}, err
	}
	r := Result{
		Findings: sz.Findings,
		Capacity: Capacity{
			Replicas:     int(sz.Tasks),
			TaskVCPU:     ptr(sz.Task.VCPU),
			TaskMemoryMB: int(sz.Task.MemoryMiB),
		},
		Topology: ha.Topology{Platform: p.ID, Snapshot: in.Snapshot, Zones: int(max(sv.Zones, 1))},
	}
	if len(sz.Findings.Blockers()) > 0 && sz.Task.VCPU.IsZero() {
		return r, nil // no task size holds the container
	}
	fp := cost.FargateLinuxX86
	if in.Arch == string(platform.ARM64) {
		fp = cost.FargateLinuxARM64
	}
	task := cost.FargateUsage{Platform: fp, Tasks: int(sz.Tasks), VCPU: sz.Task.VCPU, MemoryMB: int(sz.Task.MemoryMiB)}
	bill, err := cost.Fargate(cat.Prices, task)
	if err != nil {
		// No sourced task prices in this snapshot (2017-12).
		r.Findings = append(r.Findings, missingFigure(err))
		return r, nil
	}
	cp, err := controlPlane(p, cat, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, &r.Findings)
	if err != nil {
		return Result{}, err
	}
	r.Bill = bill.Add(cp)
	rate := perReplica(in)
	r.Capacity.RequestsPerReplica = ptr(rate.num.DivRound(rate.den, 4))
	taskMonthly, err := cost.FargateMonthly(cat.Prices, task)
	if err != nil {
		return Result{}, err
	}
	z := max(sv.Zones, 1)
	var f cost.Fleet
	if sv.SurviveZoneLoss {
		f = stepFleet(in, rate, cp.Total(), taskMonthly.Mul(decimal.NewFromInt(z)), z-1, 1)
	} else {
		f = stepFleet(in, rate, cp.Total(), taskMonthly, 1, int(z))
	}
	r.Fleet = &f
	return r, nil
}
