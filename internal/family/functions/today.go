package functions

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Today implements [engine.Baseline]: the function's month at the memory
// it has today. The caller gives that memory in in.Lambda (the bill's
// GB-seconds) as well as in now.MemoryMB; zero means the workload's.
func (Model) Today(p platform.Platform, cat engine.Catalogues, in engine.Inputs, now engine.Current) (engine.Today, error) {
	if err := engine.OnlyUnit(p, now, engine.UnitFunction); err != nil {
		return engine.Today{}, err
	}
	if now.MemoryMB <= 0 {
		now.MemoryMB = int64(in.Lambda.MemoryMB)
	}
	tariff, err := cost.LambdaTariff(cat.Prices, in.Lambda)
	if err != nil {
		return engine.Today{}, err
	}
	if tariff, err = engine.WithFrontDoor(tariff, cat, in); err != nil {
		return engine.Today{}, err
	}
	return engine.Today{
		Bill: tariff.Bill(in.Lambda.Requests),
		// Lambda gives 1 vCPU at 1,769 MB, in proportion below it.
		UnitVCPU:     decimal.NewFromInt(now.MemoryMB).DivRound(decimal.NewFromInt(engine.LambdaOneVCPUMB), 12),
		UnitMemoryMB: now.MemoryMB,
		Unit:         fmt.Sprintf("%d MB execution environment", now.MemoryMB),
	}, nil
}
