package runwhere

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// DefaultCurvePoints is the number of points [Curves] returns per platform
// when asked for zero; MaxCurvePoints bounds what it accepts (1,000 points
// on seven platforms take about 50 ms; 5,000 took 300 ms).
const (
	DefaultCurvePoints = 200
	MaxCurvePoints     = 1000
)

// Curve is one platform's monthly cost over a range of request rates, for
// plotting. Blocked platforms have no points.
type Curve struct {
	Platform platform.ID  `json:"platform"`
	Name     string       `json:"name"`
	Feasible bool         `json:"feasible"`
	Points   []CurvePoint `json:"points"`
}

// CurvePoint is the exact monthly cost at a mean request rate.
//
// Under a load shape the rate is the month's mean with the shape held:
// every hour's load scales with it. For a job (workload.kind job) the x
// axis is RunsPerMonth, and RequestsPerSecond is the task runs it means,
// per second of the month.
type CurvePoint struct {
	RequestsPerSecond decimal.Decimal  `json:"requests_per_second"`
	RunsPerMonth      *decimal.Decimal `json:"runs_per_month,omitempty"`
	MonthlyCost       decimal.Decimal  `json:"monthly_cost"`
}

// Curves returns every platform's monthly cost at points request rates,
// log-spaced over four decades centred on the scenario's mean rate (from
// 1/100 to 100 times it), on the same cost models as [Evaluate]: Lambda's
// bill, and fleets sized to each load with the scenario's peak-to-mean
// ratio and load shape (a fleet that follows the shape is priced hour by
// hour at every point). For a job the points are runs a month, centred on
// its own. points = 0 means [DefaultCurvePoints].
func Curves(s Scenario, points int) (_ []Curve, err error) {
	defer prefixError(&err)
	if points == 0 {
		points = DefaultCurvePoints
	}
	if points < 2 || points > MaxCurvePoints {
		return nil, &FieldError{Field: "points", Value: fmt.Sprint(points), Reason: fmt.Sprintf("is outside 2..%d", MaxCurvePoints)}
	}
	e, err := newEnv(s)
	if err != nil {
		return nil, err
	}
	var rates []decimal.Decimal // requests per second, or a job's runs a month
	if e.s.isJob() {
		// Whole runs: a run is billed whole, so a fraction of one has no
		// bill to agree with.
		rates = logRates(float64(*e.s.Workload.RunsPerMonth), points)
		for i, r := range rates {
			rates[i] = decimal.Max(r.Round(0), decimal.NewFromInt(1))
		}
	} else {
		rates = logRates(e.s.Workload.RequestsPerSecond.InexactFloat64(), points)
	}
	out := make([]Curve, 0, len(e.s.Platforms))
	shared := e.sharedTotal()
	for _, id := range e.s.Platforms {
		m, err := e.evaluate(id)
		if err != nil {
			return nil, err
		}
		c := Curve{Platform: id, Name: m.report.Name, Feasible: m.report.Feasible, Points: []CurvePoint{}}
		if m.priced() {
			c.Points = make([]CurvePoint, len(rates))
			for i, r := range rates {
				if e.s.isJob() {
					x := r.Mul(decimal.NewFromInt(*e.s.Workload.Parallelism))
					c.Points[i] = CurvePoint{RequestsPerSecond: x.DivRound(secondsPerMonth, 12), RunsPerMonth: ptr(r), MonthlyCost: m.monthly(x).Add(shared)}
					continue
				}
				c.Points[i] = CurvePoint{RequestsPerSecond: r, MonthlyCost: m.monthly(r.Mul(secondsPerMonth)).Add(shared)}
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// logRates spaces n rates evenly on a log scale from mean/100 to mean×100
// (from 0.01 to 100 requests per second for a zero mean). Rates are plot
// coordinates, not money: they are rounded to six significant digits so
// that the decimals stay short.
func logRates(mean float64, n int) []decimal.Decimal {
	if mean <= 0 {
		mean = 1
	}
	lo, hi := math.Log10(mean/100), math.Log10(mean*100)
	out := make([]decimal.Decimal, n)
	for i := range n {
		v := math.Pow(10, lo+(hi-lo)*float64(i)/float64(n-1))
		exp := int32(math.Floor(math.Log10(v))) - 5
		out[i] = decimal.NewFromFloatWithExponent(v, exp)
	}
	return out
}
