package functioninstances

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Today implements [engine.Baseline]: now.Count instances of
// now.InstanceType all month with the platform's share of their price,
// and the per-request fees of the month's requests.
func (Model) Today(p platform.Platform, cat engine.Catalogues, in engine.Inputs, now engine.Current) (engine.Today, error) {
	if err := engine.OnlyUnit(p, now, engine.UnitInstance); err != nil {
		return engine.Today{}, err
	}
	t := now.InstanceType
	if t == "" {
		return engine.Today{}, &input.FieldError{Field: "current.instance_type", Reason: fmt.Sprintf("is missing: %s runs on instances of a type", p.Name)}
	}
	inst, ok := cat.Instances.Lookup(t)
	if !ok {
		return engine.Today{}, &input.FieldError{Field: "current.instance_type", Value: t, Reason: "is not in the instance table"}
	}
	hourly := ""
	if in.HourlyPrice != nil && t == in.Servers.InstanceType {
		hourly = in.HourlyPrice.String()
	}
	n, hours := engine.MeanUnits(now.Count)
	instances, err := engine.EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: n, Hours: hours, HourlyPrice: hourly, Item: fmt.Sprintf("%s instances today (%s)", p.ID, t)})
	if err != nil {
		return engine.Today{}, err
	}
	perRequest, err := requestFees(p, cat, in)
	if err != nil {
		return engine.Today{}, err
	}
	return engine.Today{
		Bill:         instances.Add(perRequest.Bill(in.Lambda.Requests)),
		UnitVCPU:     decimal.NewFromInt(inst.Shape.VCPU),
		UnitMemoryMB: inst.Shape.MemoryMiB,
		Unit:         t + " instance",
	}, nil
}
