package nodes

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Today implements [engine.Baseline]: now.Count nodes of now.InstanceType
// all month, and the control plane of one cluster (its fee, or the
// scenario's managers on the same type).
func (Model) Today(p platform.Platform, cat engine.Catalogues, in engine.Inputs, now engine.Current) (engine.Today, error) {
	inst, workers, hourly, err := engine.TodayInstances(p, cat, in, now, fmt.Sprintf("%s workers today", p.ID))
	if err != nil {
		return engine.Today{}, err
	}
	t := inst.Type
	var fs capacity.Findings
	managers := 0
	if p.ControlPlane.RunBy == platform.User {
		managers = int(in.Servers.Managers)
	}
	cp, err := engine.ControlPlane(p, cat, in, cost.ControlPlane{
		Platform: p.ID, RunBy: p.ControlPlane.RunBy, Clusters: 1,
		Managers: cost.EC2Usage{InstanceType: t, Count: managers, HourlyPrice: hourly},
	}, &fs)
	if err != nil {
		return engine.Today{}, err
	}
	return engine.Today{
		Bill:         workers.Add(cp),
		Findings:     fs,
		UnitVCPU:     decimal.NewFromInt(inst.Shape.VCPU),
		UnitMemoryMB: inst.Shape.MemoryMiB,
		Unit:         t + " node",
	}, nil
}
