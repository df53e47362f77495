package cost

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
)

// Step is one step term of a fleet's monthly cost at x requests per month:
//
//	PerUnit × max(MinUnits, ceil((x − Offset) / RequestsPerUnit))
//
// Each unit (instance or task) serves RequestsPerUnit a month and costs
// PerUnit; RequestsPerUnit zero means MinUnits units whatever the load.
// Offset moves the steps: a zone that receives the i-th of every Z
// replicas adds its units i replicas' worth of requests later than the
// first zone, so a fleet whose replicas are spread over zones with the
// remainder in the first ones is one step per zone, each with its own
// offset, or one step with Zones set. For a fleet that follows an hourly
// load shape there is one step per load level of the shape: PerUnit is
// what a unit costs over the month's hours at that level,
// RequestsPerUnit the monthly requests a unit could serve if every hour
// were like it.
//
// Zones > 1 makes the step the sum of the steps of that many zones over
// which the fleet's replicas are spread one at a time: zone i
// (0 ≤ i < Zones) is the step above with its Offset i × ZoneOffset later
// (ZoneOffset is what one replica serves) and MinUnits spread as replicas
// are, max(⌈(MinUnits − i) / Zones⌉, 0) units in zone i. RequestsPerUnit
// is then a whole multiple of ZoneOffset and at least Zones times it (a
// zone adds a unit every Zones × replicas-a-unit replicas), so every zone
// steps within one step of the first, and the sum has a closed form: with
// n = ⌈(x − Offset) / ZoneOffset⌉ replicas, zone i keeps
// max(⌈(MinUnits − i) / Zones⌉, ⌈(n − i) / K⌉) units, K = RequestsPerUnit
// / ZoneOffset. A fleet over 26 zones and 168 load levels is 168 such
// steps, not 4,368, for [Fleet.At] and [Solve] alike.
type Step struct {
	PerUnit         decimal.Decimal // cost of one unit
	RequestsPerUnit decimal.Decimal // monthly requests one unit serves; zero = not load-sized
	MinUnits        int             // units kept however low the load (over all zones)
	Offset          decimal.Decimal // requests before the steps start; not negative
	Zones           int             // zones the step is spread over; 0 or 1: one
	ZoneOffset      decimal.Decimal // requests one replica serves, with Zones > 1
}

// At is the step's cost at x requests per month.
func (s Step) At(x decimal.Decimal) decimal.Decimal { return s.PerUnit.Mul(s.units(x)) }

// Units is how many units the step keeps at x requests per month: its
// cost at x is PerUnit × Units(x).
func (s Step) Units(x decimal.Decimal) int64 { return s.units(x).IntPart() }

func (s Step) units(x decimal.Decimal) decimal.Decimal {
	if n, ok := s.unitsInt(x); ok {
		return decimal.NewFromInt(n)
	}
	// Past the integer path: counts above 2⁵², in decimals.
	if s.Zones > 1 && s.RequestsPerUnit.IsPositive() {
		return s.zoneUnits(x)
	}
	n := decimal.NewFromInt(int64(s.MinUnits))
	if s.RequestsPerUnit.IsPositive() {
		if !s.Offset.IsZero() {
			x = x.Sub(s.Offset)
		}
		if x.IsPositive() {
			// ⌈x / C⌉ from one exact integer division: the quotient, plus
			// one when something remains.
			q, r := x.QuoRem(s.RequestsPerUnit, 0)
			if r.IsPositive() {
				q = q.Add(dOne)
			}
			n = maxDec(n, q)
		}
	}
	return n
}

// unitsInt is units(x) when it is below [maxSmall], the common case, on
// integers ([load]).
func (s Step) unitsInt(x decimal.Decimal) (int64, bool) {
	return s.unitsAt(&at{x: x})
}

// at is a load at which steps are counted: x, split once into integers
// when a step divides it, and scratch. With right, units are counted just
// past x, as [Solve]'s bands count them.
type at struct {
	x     decimal.Decimal
	right bool
	l     load
	split bool
	k     load // for a step over zones' K
}

// replicas is ⌈x / c⌉ (right: ⌊x / c⌋ + 1) for c > 0, or 0 where x is
// below (right: x < 0) or at zero, and whether it is below [maxSmall].
func (a *at) replicas(c decimal.Decimal) (int64, bool) {
	if a.x.Sign() < 0 || (!a.right && a.x.IsZero()) {
		return 0, true
	}
	return a.replicasSplit(splitOf(c))
}

// replicasSplit is replicas for x ≥ 0 (right) or x > 0, c split.
func (a *at) replicasSplit(c split) (int64, bool) {
	if !a.split {
		a.l.set(a.x)
		a.split = true
	}
	q, rem := a.l.quoSplit(c)
	if !q.IsInt64() || q.Int64() >= maxSmall {
		return 0, false
	}
	n := q.Int64()
	if rem || a.right {
		n++
	}
	return n, true
}

func (s Step) unitsAt(a *at) (int64, bool) {
	m := int64(s.MinUnits)
	if !s.RequestsPerUnit.IsPositive() {
		return m, true
	}
	if !s.Offset.IsZero() {
		b := &at{x: a.x.Sub(s.Offset), right: a.right}
		s.Offset = dZero
		return s.unitsAt(b)
	}
	if s.Zones > 1 {
		return s.zoneUnitsAt(a)
	}
	n, ok := a.replicas(s.RequestsPerUnit)
	return max(m, n), ok
}

func (s Step) check(field string) error {
	if s.PerUnit.IsNegative() || s.RequestsPerUnit.IsNegative() || s.MinUnits < 0 || s.Offset.IsNegative() || s.Zones < 0 || s.ZoneOffset.IsNegative() {
		return fieldErr(field, fmt.Sprintf("%+v", s), "has a negative field")
	}
	if s.Zones > MaxStepZones {
		return fieldErr(field+".zones", fmt.Sprint(s.Zones), fmt.Sprintf("is more than %d", MaxStepZones))
	}
	return nil
}

// Fleet is a server-based option's monthly cost as a function of requests
// per month x: Fixed plus a sum of [Step] terms,
//
//	Fixed + PerUnit × max(MinUnits, ceil(x / RequestsPerUnit)) + Σ Steps
//
// The first step is written in the fleet's own fields, because most
// fleets have exactly one (a fixed fleet has RequestsPerUnit zero and its
// cost in Fixed, or MinUnits = n; a fleet sized to the load steps up one
// unit every RequestsPerUnit); Steps holds the others, such as one per hour
// of a load shape. The zero Fleet costs nothing.
type Fleet struct {
	Fixed           decimal.Decimal // control plane, managers, a fixed fleet
	PerUnit         decimal.Decimal // monthly cost of one instance or task
	RequestsPerUnit decimal.Decimal // monthly requests one unit serves; zero = not load-sized
	MinUnits        int             // units kept however low the load
	Steps           []Step          // further step terms, added to the first
}

// FixedFleet is a server option that costs monthly whatever the load.
func FixedFleet(monthly decimal.Decimal) Fleet { return Fleet{Fixed: monthly} }

// first is the step written in the fleet's own fields.
func (f Fleet) first() Step {
	return Step{PerUnit: f.PerUnit, RequestsPerUnit: f.RequestsPerUnit, MinUnits: f.MinUnits}
}

// Terms are the fleet's step terms: the first (when it charges anything)
// followed by Steps.
func (f Fleet) Terms() []Step {
	out := make([]Step, 0, 1+len(f.Steps))
	if !f.PerUnit.IsZero() {
		out = append(out, f.first())
	}
	return append(out, f.Steps...)
}

// Add is the fleet that costs f's plus o's at every load: the fixed costs
// summed, the step terms of both.
func (f Fleet) Add(o Fleet) Fleet {
	sum := f
	sum.Fixed = f.Fixed.Add(o.Fixed)
	sum.Steps = make([]Step, 0, len(f.Steps)+1+len(o.Steps))
	sum.Steps = append(sum.Steps, f.Steps...)
	if !o.PerUnit.IsZero() {
		sum.Steps = append(sum.Steps, o.first())
	}
	sum.Steps = append(sum.Steps, o.Steps...)
	return sum
}

// At is the fleet's monthly cost at x requests per month.
func (f Fleet) At(x decimal.Decimal) decimal.Decimal {
	// On one integer: a fleet that follows a shape has a step per load
	// level, and a curve prices it at every point.
	var t sum
	t.add(f.Fixed, 1)
	a := &at{x: x}
	var rest []decimal.Decimal // steps past the integer path
	for i := -1; i < len(f.Steps); i++ {
		st := f.first()
		if i >= 0 {
			st = f.Steps[i]
		}
		if n, ok := st.unitsAt(a); ok {
			t.add(st.PerUnit, n)
		} else {
			rest = append(rest, st.At(x))
		}
	}
	v := t.decimal()
	for _, r := range rest {
		v = v.Add(r)
	}
	return v
}

// check refuses negative fields, naming the step: "fleet" for the fleet's
// own, "fleet.steps[i]" for the others.
func (f Fleet) check() error {
	if f.Fixed.IsNegative() || f.PerUnit.IsNegative() || f.RequestsPerUnit.IsNegative() || f.MinUnits < 0 {
		return fieldErr("fleet", fmt.Sprintf("%+v", f), "has a negative field")
	}
	for i, s := range f.Steps {
		if err := s.check("fleet.steps[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	return nil
}
