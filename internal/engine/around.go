package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
)

// Surroundings are what surrounds a container platform's fleet: an API
// Gateway API in front of it (its requests), an ALB in front of it or
// behind the API (its hours, and LCUs that grow with every request) and NAT
// gateways behind it (their hours and the GB they process, whatever the
// load). They are the same for every container platform of an
// evaluation, so [NewSurroundings] prices them once.
type Surroundings struct {
	Bill  cost.Bill   // at the scenario's load
	Curve *cost.Curve // at every load; nil when there is nothing around
	// Err is a price the catalogue does not source (an ALB or a NAT
	// gateway outside us-east-1): it blocks every container platform.
	Err error
}

// NewSurroundings prices in's API, ALB and NAT gateways, if any; nil
// when there are none.
func NewSurroundings(cat Catalogues, in Inputs) *Surroundings {
	if in.ServerDoor == nil && in.NAT == nil && in.ServerAPI == nil {
		return nil
	}
	x := in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
	if in.Job != nil {
		x = decimal.NewFromInt(in.Job.Runs * in.Job.Parallelism)
	}
	s := &Surroundings{}
	var t cost.Tariff
	if a := in.ServerAPI; a != nil {
		term, err := cost.APIGatewayTerm(cat.Prices, a.API, a.PayloadKB)
		if err != nil {
			return &Surroundings{Err: err}
		}
		t = append(t, term)
	}
	if u := in.ServerDoor; u != nil {
		alb, err := cost.ALBTariff(cat.Prices, *u)
		if err != nil {
			return &Surroundings{Err: err}
		}
		t = append(t, alb...)
	}
	if n := in.NAT; n != nil {
		b, err := cost.NAT(cat.Prices, int(n.Gateways), n.GB)
		if err != nil {
			return &Surroundings{Err: err}
		}
		// Constant in the load: fixed terms of the same tariff.
		for _, l := range b.Lines {
			t = append(t, cost.Term{Meter: cost.Meter{Unit: l.Unit, Bands: []cost.Band{{Item: l.Item, Price: l.UnitPrice}}}, Base: l.Quantity})
		}
	}
	extras, err := surroundingExtras(cat, in)
	if err != nil {
		return &Surroundings{Err: err}
	}
	t = append(t, fixedTerms(extras)...)
	s.Bill = t.Bill(x)
	c := t.Curve()
	s.Curve = &c
	return s
}

// around adds the surroundings to a container platform's result: their
// lines to its bill and their curve to its models. A price the catalogue
// does not source blocks the platform with missing-figure: runwhere does
// not guess it.
func around(r *Result, s *Surroundings) {
	if s == nil {
		return
	}
	if s.Err != nil {
		r.Findings = append(r.Findings, MissingFigureFinding(s.Err))
		r.Bill, r.Fleet, r.Alternative, r.Around = cost.Bill{}, nil, nil, nil
		return
	}
	r.Bill = r.Bill.Add(s.Bill)
	r.Around = s.Curve
}

// SurroundingsOf is in's surroundings, priced once by the caller
// (in.Surroundings) or now; nil when there are none.
func SurroundingsOf(cat Catalogues, in Inputs) *Surroundings {
	if in.Surroundings != nil {
		return in.Surroundings
	}
	return NewSurroundings(cat, in)
}

// Added is what the surroundings add to a bill at the scenario's load:
// nothing when there are none (s is nil) or they cannot be priced (the
// platform is then blocked).
func (s *Surroundings) Added() cost.Bill {
	if s == nil || s.Err != nil {
		return cost.Bill{}
	}
	return s.Bill
}

// AddedTotal is the total of [Surroundings.Added].
func (s *Surroundings) AddedTotal() decimal.Decimal { return s.Added().Total() }
