package cost

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
)

// Curve is a continuous, non-decreasing, piecewise-linear monthly cost as a
// function of requests per month x ≥ 0: on [Breaks[i], Breaks[i+1]) the cost is
// Values[i] + Slopes[i] × (x − Breaks[i]); the last piece has no end.
// Breaks[0] is 0. Values are exact costs at the breaks; breaks that need a
// division (where the free tier or a volume tier runs out) are rounded up at
// DivScale places.
type Curve struct {
	Breaks []decimal.Decimal
	Values []decimal.Decimal
	Slopes []decimal.Decimal
}

// At evaluates the curve at x requests per month.
func (c Curve) At(x decimal.Decimal) decimal.Decimal {
	i := sort.Search(len(c.Breaks), func(i int) bool { return c.Breaks[i].GreaterThan(x) }) - 1
	if i < 0 {
		i = 0
	}
	return c.Values[i].Add(c.Slopes[i].Mul(x.Sub(c.Breaks[i])))
}

// LambdaCurve is a function's monthly cost as a function of its monthly
// requests, every other field of u held fixed (u.Requests is ignored). It is
// exact on each piece: the free tier, provisioned capacity and volume tiers
// are the breaks.
func LambdaCurve(c *Catalogue, u LambdaUsage) (Curve, error) {
	m, err := newLambdaModel(c, u)
	if err != nil {
		return Curve{}, err
	}
	return m.curve(), nil
}

func (m *lambdaModel) curve() Curve {
	bs := append([]decimal.Decimal{dZero}, m.breaks()...)
	bs = sortUnique(bs)
	cv := Curve{Breaks: bs, Values: make([]decimal.Decimal, len(bs)), Slopes: make([]decimal.Decimal, len(bs))}
	for i, b := range bs {
		cv.Values[i] = m.total(b)
		cv.Slopes[i] = m.slope(b)
	}
	return cv
}

func sortUnique(ds []decimal.Decimal) []decimal.Decimal {
	sort.Slice(ds, func(i, j int) bool { return ds[i].LessThan(ds[j]) })
	out := ds[:0]
	for i, d := range ds {
		if i == 0 || !d.Equal(out[len(out)-1]) {
			out = append(out, d)
		}
	}
	return out
}

// Fleet is a server-based option's monthly cost as a function of requests
// per month x:
//
//	Fixed + PerUnit × max(MinUnits, ceil(x / RequestsPerUnit))
//
// A fixed fleet (n instances whatever the load) has RequestsPerUnit zero and
// its cost in Fixed, or MinUnits = n. A fleet sized to the load is a step
// function: each unit (instance or task) serves RequestsPerUnit a month.
type Fleet struct {
	Fixed           decimal.Decimal // control plane, managers, a fixed fleet
	PerUnit         decimal.Decimal // monthly cost of one instance or task
	RequestsPerUnit decimal.Decimal // monthly requests one unit serves; zero = not load-sized
	MinUnits        int             // units kept however low the load
}

// FixedFleet is a server option that costs monthly whatever the load.
func FixedFleet(monthly decimal.Decimal) Fleet { return Fleet{Fixed: monthly} }

// At is the fleet's monthly cost at x requests per month.
func (f Fleet) At(x decimal.Decimal) decimal.Decimal {
	n := decimal.NewFromInt(int64(f.MinUnits))
	if f.RequestsPerUnit.IsPositive() {
		n = maxDec(n, ceilTo(x, f.RequestsPerUnit).Div(f.RequestsPerUnit).Round(0))
	}
	return f.Fixed.Add(f.PerUnit.Mul(n))
}

// Side says which option is cheaper on an interval.
type Side string

// Sides.
const (
	Serverless Side = "serverless" // the Lambda (curve) side is cheaper
	Server     Side = "server"     // the fleet side is cheaper
	Tie        Side = "tie"        // both cost the same
)

// Interval is a range of requests per month [From, To) on which one side is
// cheaper; the last interval is Unbounded (To is then zero).
type Interval struct {
	From, To  decimal.Decimal
	Unbounded bool
	Cheaper   Side
}

// BreakEven is the answer of a break-even solve, in requests per month (use
// [PerSecond] and [PerHour] for rates). Crossings are every point where the
// cheaper side changes, ascending; Intervals cover [0, ∞) and say which side
// is cheaper on each. Points are exact where the quotient is a finite
// decimal, otherwise rounded at DivScale places.
type BreakEven struct {
	Crossings []decimal.Decimal
	Intervals []Interval
}

// MaxFleetSteps bounds how many fleet steps a solve examines one by one near
// the curves' intersection; beyond it the solve fails rather than run long.
const MaxFleetSteps = 100000

// Solve finds where the curve's cost equals the fleet's, exactly on each
// linear piece: no bisection.
//
// For a load-sized fleet only the steps where the two costs are within one
// unit's price of each other are examined (outside that band the sign is
// known), so the work is proportional to the number of crossings, not to
// the number of steps.
func Solve(c Curve, f Fleet) (BreakEven, error) {
	if len(c.Breaks) == 0 || len(c.Breaks) != len(c.Values) || len(c.Breaks) != len(c.Slopes) {
		return BreakEven{}, fieldErr("curve", fmt.Sprint(len(c.Breaks)), "breaks do not match values and slopes")
	}
	if f.Fixed.IsNegative() || f.PerUnit.IsNegative() || f.RequestsPerUnit.IsNegative() || f.MinUnits < 0 {
		return BreakEven{}, fieldErr("fleet", fmt.Sprintf("%+v", f), "has a negative field")
	}
	s := solver{f: f}
	if f.RequestsPerUnit.IsPositive() {
		s.minEnd = f.RequestsPerUnit.Mul(decimal.NewFromInt(int64(f.MinUnits)))
	}
	for i := range c.Breaks {
		x0, v0, sl := c.Breaks[i], c.Values[i], c.Slopes[i]
		var x1 *decimal.Decimal
		if i+1 < len(c.Breaks) {
			x1 = &c.Breaks[i+1]
		}
		if err := s.piece(x0, x1, v0, sl); err != nil {
			return BreakEven{}, err
		}
	}
	return s.result(), nil
}

type segment struct {
	from decimal.Decimal
	side Side
}

type solver struct {
	f      Fleet
	minEnd decimal.Decimal // end of the MinUnits plateau when load-sized
	segs   []segment
	steps  int
}

func (s *solver) add(from decimal.Decimal, side Side) {
	if n := len(s.segs); n > 0 {
		if s.segs[n-1].side == side {
			return
		}
		if s.segs[n-1].from.Equal(from) {
			s.segs[n-1].side = side
			if n > 1 && s.segs[n-2].side == side {
				s.segs = s.segs[:n-1]
			}
			return
		}
	}
	s.segs = append(s.segs, segment{from, side})
}

func (sd Side) sign() int {
	switch sd {
	case Serverless:
		return -1
	case Server:
		return 1
	}
	return 0
}

func sideOf(d decimal.Decimal) Side {
	switch d.Sign() {
	case -1:
		return Serverless
	case 1:
		return Server
	}
	return Tie
}

// constant handles [x0, x1) (x1 nil: no end) where the curve costs
// v0 + sl(x − x0) and the fleet costs srv.
func (s *solver) constant(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl, srv decimal.Decimal) {
	d0 := v0.Sub(srv) // curve − fleet at x0
	before, after := sideOf(d0), sideOf(sl)
	if sl.IsZero() || before == after {
		s.add(x0, before)
		return
	}
	if d0.IsZero() { // ties at x0 only, then moves to the slope's side
		s.add(x0, after)
		return
	}
	if x1 != nil { // no root inside when the far end keeps the sign: skip the division
		if d1 := d0.Add(sl.Mul(x1.Sub(x0))); d1.Sign() != after.sign() {
			s.add(x0, before)
			return
		}
	}
	r := x0.Add(div(d0.Neg(), sl)) // d(r) = 0
	if x1 != nil && !r.LessThan(*x1) {
		s.add(x0, before)
		return
	}
	s.add(x0, before)
	s.add(r, after)
}

func (s *solver) piece(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl decimal.Decimal) error {
	f := s.f
	if !f.RequestsPerUnit.IsPositive() {
		s.constant(x0, x1, v0, sl, f.At(dZero))
		return nil
	}
	// plateau of MinUnits
	if x0.LessThan(s.minEnd) {
		end := s.minEnd
		if x1 != nil && x1.LessThan(end) {
			end = *x1
		}
		s.constant(x0, &end, v0, sl, f.Fixed.Add(f.PerUnit.Mul(decimal.NewFromInt(int64(f.MinUnits)))))
		if x1 != nil && !x1.GreaterThan(s.minEnd) {
			return nil
		}
		v0 = v0.Add(sl.Mul(s.minEnd.Sub(x0)))
		x0 = s.minEnd
	}
	// Beyond the plateau the fleet costs F + kP on ((k−1)C, kC]. With
	// g(x) = L(x) − F − Px/C, L − S lies in (g − P, g]: the sign is known
	// where C·g = A + Bx is below 0 (serverless) or above PC (server).
	C, P := f.RequestsPerUnit, f.PerUnit
	A := C.Mul(v0.Sub(sl.Mul(x0)).Sub(f.Fixed))
	B := sl.Mul(C).Sub(P)
	PC := P.Mul(C)
	// Most pieces lie wholly outside the band: decide them without dividing.
	g0 := A.Add(B.Mul(x0))
	if x1 != nil {
		g1 := A.Add(B.Mul(*x1))
		if g0.IsNegative() && g1.IsNegative() {
			s.add(x0, Serverless)
			return nil
		}
		if g0.GreaterThan(PC) && g1.GreaterThan(PC) {
			s.add(x0, Server)
			return nil
		}
	} else {
		if B.Sign() >= 0 && g0.GreaterThan(PC) {
			s.add(x0, Server)
			return nil
		}
		if B.Sign() <= 0 && g0.IsNegative() {
			s.add(x0, Serverless)
			return nil
		}
	}
	// band [lo, hi] of x to examine step by step, clipped to the piece
	var lo, hi *decimal.Decimal
	inBand := func(x decimal.Decimal) bool {
		g := A.Add(B.Mul(x))
		return !g.IsNegative() && !g.GreaterThan(PC)
	}
	switch B.Sign() {
	case 0:
		if !inBand(x0) {
			s.add(x0, sideOf(A))
			return nil
		}
		lo = &x0
	case 1:
		l, h := div(A.Neg(), B), div(PC.Sub(A), B)
		lo, hi = &l, &h
	default:
		l, h := div(PC.Sub(A), B), div(A.Neg(), B)
		lo, hi = &l, &h
	}
	// step indices covering the band, widened by one for rounding
	kLo := maxDec(lo.Div(C).Floor().Sub(dOne), x0.Div(C).Floor())
	var kHi decimal.Decimal
	switch {
	case hi != nil && x1 != nil:
		kHi = minDec(hi.Div(C).Ceil().Add(dOne), x1.Div(C).Ceil())
	case hi != nil:
		kHi = hi.Div(C).Ceil().Add(dOne)
	case x1 != nil:
		kHi = x1.Div(C).Ceil()
	default:
		return fmt.Errorf("cost: break-even: the curve tracks the fleet forever (slope %s per request, %s per unit of %s requests); no finite answer",
			sl, P, C)
	}
	if kHi.LessThan(kLo) {
		kHi = kLo
	}
	// before the band: known sign
	bandStart := kLo.Mul(C)
	if bandStart.GreaterThan(x0) {
		if B.IsPositive() {
			s.add(x0, Serverless)
		} else {
			s.add(x0, Server)
		}
	}
	n := kHi.Sub(kLo).IntPart()
	if s.steps += int(n); n > MaxFleetSteps || s.steps > MaxFleetSteps {
		return fmt.Errorf("cost: break-even: more than %d fleet steps to examine", MaxFleetSteps)
	}
	for k := kLo; k.LessThan(kHi); k = k.Add(dOne) {
		a := maxDec(x0, k.Mul(C))
		b := k.Add(dOne).Mul(C)
		if x1 != nil && !b.LessThan(*x1) {
			b = *x1
		}
		if !a.LessThan(b) {
			continue
		}
		srv := f.Fixed.Add(P.Mul(k.Add(dOne)))
		s.constant(a, &b, v0.Add(sl.Mul(a.Sub(x0))), sl, srv)
	}
	// after the band
	bandEnd := kHi.Mul(C)
	if x1 == nil || bandEnd.LessThan(*x1) {
		if B.IsPositive() {
			s.add(maxDec(x0, bandEnd), Server)
		} else {
			s.add(maxDec(x0, bandEnd), Serverless)
		}
	}
	return nil
}

func (s *solver) result() BreakEven {
	var be BreakEven
	for i, seg := range s.segs {
		iv := Interval{From: seg.from, Cheaper: seg.side}
		if i+1 < len(s.segs) {
			iv.To = s.segs[i+1].from
			be.Crossings = append(be.Crossings, iv.To)
		} else {
			iv.Unbounded = true
		}
		be.Intervals = append(be.Intervals, iv)
	}
	return be
}

// LambdaBreakEven solves Lambda (u, any Requests ignored) against a server
// fleet: see [Solve].
func LambdaBreakEven(c *Catalogue, u LambdaUsage, f Fleet) (BreakEven, error) {
	cv, err := LambdaCurve(c, u)
	if err != nil {
		return BreakEven{}, err
	}
	return Solve(cv, f)
}
