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
	if in.Job != nil {
		w = jobFunction(in.Job)
	}
	sz, err := capacity.SizeLambda(p, w, in.Function)
	if err != nil {
		return Result{}, err
	}
	if in.Job != nil {
		for i, f := range sz.Findings {
			if f.Code == capacity.MaxDuration {
				sz.Findings[i].Message += ": split the job into steps of at most that long, or run it as a Step Functions workflow, a Fargate task or a container"
			}
		}
	}
	r := Result{
		Findings: sz.Findings,
		Capacity: Capacity{
			DurationMS:      ptr(w.DurationMS),
			Concurrency:     ptr(sz.Concurrency),
			PeakConcurrency: ptr(sz.PeakConcurrency),
			RampSeconds:     ptr(decimal.NewFromInt(sz.RampSeconds)),
		},
		Topology:   ha.Topology{Platform: p.ID, Snapshot: in.Snapshot},
		PerRequest: true,
	}
	if in.Job != nil {
		// Sized with one-second tasks; the capacity shows the job's own.
		r.Capacity.DurationMS = ptr(in.Lambda.DurationMS)
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
		return Result{}, err
	}
	if tariff, err = withFrontDoor(tariff, cat, in); err != nil {
		r.Findings = append(r.Findings, missingFigure(err))
		return r, nil
	}
	r.Bill = tariff.Bill(in.Lambda.Requests)
	// The curve prices compute at the discounted rate; the bill shows
	// on-demand lines and the discount apart ([withDiscount]).
	model := tariff
	if d := in.Discounts.Lambda; !d.IsZero() {
		u := in.Lambda
		u.Discount = d
		if model, err = cost.LambdaTariff(cat.Prices, u); err != nil {
			return Result{}, err
		}
		if model, err = withFrontDoor(model, cat, in); err != nil {
			return Result{}, err
		}
	}
	curve := model.Curve()
	r.Curve = &curve
	return r, nil
}

// jobFunction is the workload a job's runs are to Lambda's sizing: its
// Parallelism tasks at once at the peak, its mean concurrency (runs ×
// tasks × run seconds over the month) the rest of the time, and its run
// as the longest execution. A one-second duration keeps the concurrency
// figures exact: they are then the rates themselves.
func jobFunction(j *Job) capacity.Workload {
	par := decimal.NewFromInt(j.Parallelism)
	mean := decimal.NewFromInt(j.Runs).Mul(par).Mul(j.RunSeconds).DivRound(secondsPerMonth, cost.DivScale)
	return capacity.Workload{
		RequestsPerSecond:     decimal.Min(mean, par),
		PeakRequestsPerSecond: par,
		DurationMS:            thousand,
		CPUFraction:           dOne,
		MaxDurationS:          j.RunSeconds.Ceil().IntPart(),
	}
}

// shapeConcurrency adds what the load shape changes for a function: the
// busiest hour's mean concurrency, and how long Lambda takes to scale
// through the steepest rise from one hour's peak concurrency to the
// next's (each hour's peak being the scenario's peak × its share of the
// busiest hour's load).
func shapeConcurrency(p platform.Platform, in Inputs, sz capacity.LambdaSizing, c *Capacity) {
	num, den := in.Shape.PeakToMean()
	c.PeakHourConcurrency = ptr(sz.Concurrency.Mul(num).DivRound(den, 4))
	sh := in.Shape
	envs := make([]int64, len(sh.distinct)) // by rank
	for i, v := range sh.distinct {
		envs[i] = sz.PeakConcurrency.Mul(v).Div(sh.max).Ceil().IntPart()
	}
	n := len(sh.rank)
	steepest := int64(0)
	for h := range n {
		steepest = max(steepest, envs[sh.rank[h]]-envs[sh.rank[(h+n-1)%n]])
	}
	c.StepUpSeconds = ptr(decimal.NewFromInt(capacity.RampSeconds(p.Limits, steepest)))
}

// withFrontDoor is a function's tariff with the API in front of it, if
// any: its requests are the function's, so it is one more term of the
// same tariff, and the curve and break-even points carry it. An error is
// a price the catalogue does not source.
func withFrontDoor(t cost.Tariff, cat Catalogues, in Inputs) (cost.Tariff, error) {
	fd := in.FrontDoor
	if fd == nil {
		return t, nil
	}
	if fd.ALB != nil {
		alb, err := cost.ALBTariff(cat.Prices, *fd.ALB)
		if err != nil {
			return nil, err
		}
		return append(t, alb...), nil
	}
	term, err := cost.APIGatewayTerm(cat.Prices, fd.API, fd.PayloadKB)
	if err != nil {
		return nil, err
	}
	return append(t, term), nil
}

// Fields: a function reads its own settings and its front door.
func (functions) Fields(platform.Platform) []string {
	return []string{"lambda", "discounts.lambda", "ingress.lambda", "ingress.response_kb"}
}

// Discount is discounts.lambda on the function's compute.
func (functions) Discount(_ platform.Platform, in Inputs) (decimal.Decimal, string) {
	return in.Discounts.Lambda, "lambda discount"
}
