package functioninstances

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Today implements [engine.Baseline]: now.Count instances of
// now.InstanceType all month with the platform's share of their price,
// and the per-request fees of the month's requests.
func (Model) Today(p platform.Platform, cat engine.Catalogues, in engine.Inputs, now engine.Current) (engine.Today, error) {
	inst, instances, _, err := engine.TodayInstances(p, cat, in, now, fmt.Sprintf("%s instances today", p.ID))
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
		Unit:         inst.Type + " instance",
	}, nil
}
