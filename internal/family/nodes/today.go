package nodes

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Today implements [engine.Baseline]: now.Count nodes of now.InstanceType
// all month, and the control plane of one cluster (its fee, or the
// scenario's managers on the same type).
func (Model) Today(p platform.Platform, cat engine.Catalogues, in engine.Inputs, now engine.Current) (engine.Today, error) {
	if err := engine.OnlyUnit(p, now, engine.UnitInstance); err != nil {
		return engine.Today{}, err
	}
	t := now.InstanceType
	if t == "" {
		return engine.Today{}, &input.FieldError{Field: "current.instance_type", Reason: fmt.Sprintf("is missing: %s runs on nodes of an instance type", p.Name)}
	}
	inst, ok := cat.Instances.Lookup(t)
	if !ok {
		return engine.Today{}, &input.FieldError{Field: "current.instance_type", Value: t, Reason: "is not in the instance table"}
	}
	// servers.hourly_price is the price of servers.instance_type; today's
	// fleet of another type is priced from the catalogue.
	hourly := ""
	if in.HourlyPrice != nil && t == in.Servers.InstanceType {
		hourly = in.HourlyPrice.String()
	}
	n, hours := engine.MeanUnits(now.Count)
	workers, err := engine.EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: n, Hours: hours, HourlyPrice: hourly, Item: fmt.Sprintf("%s workers today (%s)", p.ID, t)})
	if err != nil {
		return engine.Today{}, err
	}
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
