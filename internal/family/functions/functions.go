// Package functions is the model of the functions family (platform
// Functions: Lambda): the concurrency the load needs and the limits it
// meets, and the bill of requests and GB-seconds, whose curve over the
// monthly requests the break-even points are solved on.
package functions

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Model evaluates platforms that run code per request (Lambda): the
// concurrency the load needs and the limits it meets, and the bill of
// requests and GB-seconds, whose curve over the monthly requests the
// break-even points are solved on.
type Model struct{}

// Evaluate implements [engine.Family].
func (Model) Evaluate(p platform.Platform, cat engine.Catalogues, in engine.Inputs) (engine.Result, error) {
	w := in.Workload
	w.DurationMS = in.Lambda.DurationMS
	if in.Job != nil {
		w = engine.JobFunction(in.Job)
	}
	sz, err := capacity.SizeLambda(p, w, in.Function)
	if err != nil {
		return engine.Result{}, err
	}
	if in.Job != nil {
		for i, f := range sz.Findings {
			if f.Code == capacity.MaxDuration {
				sz.Findings[i].Message += ": split the job into steps of at most that long, or run it as a Step Functions workflow, a Fargate task or a container"
			}
		}
	}
	r := engine.Result{
		Findings: sz.Findings,
		Capacity: engine.Capacity{
			DurationMS:      new(w.DurationMS),
			Concurrency:     new(sz.Concurrency),
			PeakConcurrency: new(sz.PeakConcurrency),
			RampSeconds:     new(decimal.NewFromInt(sz.RampSeconds)),
		},
		Topology:   ha.Topology{Platform: p.ID, Snapshot: in.Snapshot},
		PerRequest: true,
	}
	if in.Job != nil {
		// Sized with one-second tasks; the capacity shows the job's own.
		r.Capacity.DurationMS = new(in.Lambda.DurationMS)
	}
	if !in.Shape.Flat() && in.Job == nil {
		shapeConcurrency(p, in, sz, &r.Capacity)
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
		return engine.Result{}, err
	}
	if tariff, err = engine.WithFrontDoor(tariff, cat, in); err != nil {
		r.Findings = append(r.Findings, engine.MissingFigureFinding(err))
		return r, nil
	}
	r.Bill = tariff.Bill(in.Lambda.Requests)
	if in.RankOnly {
		return r, nil // no curve is asked for
	}
	// The curve prices compute at the discounted rate; the bill shows
	// on-demand lines and the discount apart (engine.Evaluate adds it).
	model := tariff
	if d := in.Discounts.Lambda; !d.IsZero() {
		u := in.Lambda
		u.Discount = d
		if model, err = cost.LambdaTariff(cat.Prices, u); err != nil {
			return engine.Result{}, err
		}
		if model, err = engine.WithFrontDoor(model, cat, in); err != nil {
			return engine.Result{}, err
		}
	}
	curve := model.Curve()
	r.Curve = &curve
	return r, nil
}

// shapeConcurrency adds what the load shape changes for a function: the
// busiest hour's mean concurrency, and how long Lambda takes to scale
// through the steepest rise from one hour's peak concurrency to the
// next's (each hour's peak being the scenario's peak × its share of the
// busiest hour's load).
func shapeConcurrency(p platform.Platform, in engine.Inputs, sz capacity.LambdaSizing, c *engine.Capacity) {
	num, den := in.Shape.PeakToMean()
	c.PeakHourConcurrency = new(sz.Concurrency.Mul(num).DivRound(den, 4))
	steepest := in.Shape.SteepestRise(sz.PeakConcurrency)
	c.StepUpSeconds = new(decimal.NewFromInt(capacity.RampSeconds(p.Limits, steepest)))
}

// Fields implements [engine.Fielded]: a function reads its own settings
// and its front door.
func (Model) Fields(platform.Platform) []string {
	return []string{"lambda", "discounts.lambda", "ingress.lambda", "ingress.response_kb"}
}

// Discount implements [engine.Discounted]: discounts.lambda on the
// function's compute.
func (Model) Discount(_ platform.Platform, in engine.Inputs) (decimal.Decimal, string) {
	return in.Discounts.Lambda, "lambda discount"
}
