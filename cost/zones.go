package cost

import (
	"github.com/shopspring/decimal"
)

// MaxStepZones bounds a [Step]'s Zones: a step over more zones is refused
// by [Solve] (a solve may price its zones one by one, and [Step.At] does
// when the step is not of the form with a closed sum).
const MaxStepZones = 10000

// PerZone is the step as plain steps, one a zone (see [Step]): the step
// itself when Zones ≤ 1 or it is not load-sized, else Zones steps whose
// sum it is. It is the definition the closed forms of [Step.At] and
// [Solve] follow.
func (s Step) PerZone() []Step {
	if s.Zones <= 1 || !s.RequestsPerUnit.IsPositive() {
		s.Zones, s.ZoneOffset = 0, dZero
		return []Step{s}
	}
	z := int64(s.Zones)
	out := make([]Step, z)
	offset := s.Offset
	for i := range z {
		out[i] = s.zone(i, offset)
		offset = offset.Add(s.ZoneOffset)
	}
	return out
}

// zone is the step's zone i, its steps starting at offset.
func (s Step) zone(i int64, offset decimal.Decimal) Step {
	z := int64(s.Zones)
	return Step{PerUnit: s.PerUnit, RequestsPerUnit: s.RequestsPerUnit, MinUnits: int(max(ceilInt(int64(s.MinUnits)-i, z), 0)), Offset: offset}
}

// zoneSteps is K = RequestsPerUnit / ZoneOffset, the fleet's replicas
// between two steps of one zone, and whether the step has the form whose
// sum is closed (K whole, Zones ≤ K, and not past [MaxStepZones]):
// every zone then steps within one step of the first.
func (s Step) zoneSteps() (int64, bool) { return s.zoneStepsWith(new(load)) }

// zoneStepsWith is zoneSteps with scratch.
func (s Step) zoneStepsWith(l *load) (int64, bool) {
	if s.Zones < 2 || s.Zones > MaxStepZones || !s.ZoneOffset.IsPositive() || !s.RequestsPerUnit.IsPositive() {
		return 0, false
	}
	l.set(s.RequestsPerUnit)
	q, rem := l.quo(s.ZoneOffset)
	if rem || !q.IsInt64() || q.Int64() < int64(s.Zones) || q.Int64() >= maxSmall {
		return 0, false
	}
	return q.Int64(), true
}

// zoneUnitsAt is [Step.unitsAt] for a step over zones with no offset:
// the sum of [Step.PerZone]'s units, in closed form when the zones step
// within one step of each other.
func (s Step) zoneUnitsAt(a *at) (int64, bool) {
	z, f := int64(s.Zones), max(int64(s.MinUnits), 0)
	k, ok := s.zoneStepsWith(&a.k)
	if !ok {
		n := int64(0)
		offset := dZero
		for i := range z {
			u, ok := s.zone(i, offset).unitsAt(a)
			if n += u; !ok || n >= maxSmall {
				return 0, false
			}
			offset = offset.Add(s.ZoneOffset)
		}
		return n, true
	}
	n, ok := a.replicas(s.ZoneOffset)
	if !ok {
		return 0, false
	}
	return spreadInt(n/k, n%k, z, f), true
}

// zoneUnits is the units of a step over zones at x past the integer path
// (a count above 2⁵²), in decimals.
func (s Step) zoneUnits(x decimal.Decimal) decimal.Decimal {
	k, ok := s.zoneSteps()
	if !ok {
		n := dZero
		z, offset := int64(s.Zones), s.Offset
		for i := range z {
			n = n.Add(s.zone(i, offset).units(x))
			offset = offset.Add(s.ZoneOffset)
		}
		return n
	}
	if !s.Offset.IsZero() {
		x = x.Sub(s.Offset)
	}
	q, r := x.QuoRem(s.ZoneOffset, 0)
	if r.IsPositive() {
		q = q.Add(dOne)
	}
	return spread(q, k, int64(s.Zones), int64(s.MinUnits))
}

// spread is the units z zones keep for n ≥ 0 replicas laid over them one
// at a time, a zone stepping up a unit every k replicas of the fleet
// (z ≤ k), with a floor of f units spread the same way:
//
//	Σ_{i<z} max(⌈(f − i) / z⌉, ⌈(n − i) / k⌉)
//
// With n = a·k + b (0 ≤ b < k), zone i holds a + 1 units when i < b and
// a otherwise (b − i > −k, so ⌈(b − i) / k⌉ is 1 or 0); with f = c·z + d
// (0 ≤ d < z), its floor is c + 1 when i < d and c otherwise. Above the
// floor (a > c) the units are z·a + min(b, z); below it (a < c, so
// a + 1 ≤ c) the floor, f; level with it, z·c + max(min(b, z), d).
func spread(n decimal.Decimal, k, z, f int64) decimal.Decimal {
	if v, ok := smallInt(n); ok {
		return decimal.NewFromInt(spreadInt(v/k, v%k, z, f))
	}
	a, b := n.QuoRem(decimal.NewFromInt(k), 0)
	c, d := decimal.NewFromInt(f/z), f%z
	b = decimal.Min(b, decimal.NewFromInt(z))
	switch a.Cmp(c) {
	case 1:
		return a.Mul(decimal.NewFromInt(z)).Add(b)
	case -1:
		return decimal.NewFromInt(f)
	}
	return c.Mul(decimal.NewFromInt(z)).Add(decimal.Max(b, decimal.NewFromInt(d)))
}

func spreadInt(a, b, z, f int64) int64 {
	c, d := f/z, f%z
	b = min(b, z)
	switch {
	case a > c:
		return z*a + b
	case a < c:
		return f
	}
	return z*c + max(b, d)
}

// maxSmallDigits keeps spreadInt's products (z·a ≤ n) inside an int64.
const maxSmallDigits = 18

// smallInt is d as an int64 when d is a whole number of exponent 0 with
// at most 18 digits (quotients of QuoRem at precision 0 are).
func smallInt(d decimal.Decimal) (int64, bool) {
	if d.Exponent() != 0 || d.NumDigits() > maxSmallDigits {
		return 0, false
	}
	return d.CoefficientInt64(), true
}

// ceilInt is ⌈a / b⌉ for b > 0.
func ceilInt(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a > 0) {
		q++
	}
	return q
}

// mulInt is d × n, without a product for n = 0 or 1.
func mulInt(d decimal.Decimal, n int64) decimal.Decimal {
	switch n {
	case 0:
		return dZero
	case 1:
		return d
	}
	return d.Mul(decimal.NewFromInt(n))
}
