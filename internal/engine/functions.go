package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// functions evaluates platforms that run code per request (Lambda): the
// concurrency the load needs and the limits it meets, and the bill of
// requests and GB-seconds, whose curve over the monthly requests the
// break-even points are solved on.
type functions struct{}

func (functions) Evaluate(p platform.Platform, cat Catalogues, in Inputs) (Result, error) {
	w := in.Workload
	w.DurationMS = in.Lambda.DurationMS
	sz, err := capacity.SizeLambda(p, w, in.Function)
	if err != nil {
		return Result{}, err
	}
	r := Result{
		Findings: sz.Findings,
		Capacity: Capacity{
			DurationMS:      ptr(w.DurationMS),
			Concurrency:     ptr(sz.Concurrency),
			PeakConcurrency: ptr(sz.PeakConcurrency),
			RampSeconds:     ptr(decimal.NewFromInt(sz.RampSeconds)),
		},
		Topology: ha.Topology{Platform: p.ID, Snapshot: in.Snapshot},
	}
	if len(sz.Findings.Blockers()) > 0 {
		// A blocked function has no bill: its memory or duration may be
		// outside what the price catalogue can price.
		return r, nil
	}
	// One tariff gives the bill at the scenario's load and the curve at
	// every load.
	tariff, err := cost.LambdaTariff(cat.Prices, in.Lambda)
	if err != nil {
		return Result{}, err
	}
	r.Bill = tariff.Bill(in.Lambda.Requests)
	curve := tariff.Curve()
	r.Curve = &curve
	return r, nil
}
