package cost

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// HoursPerMonth is the month every monthly figure assumes:
// [platform.HoursPerMonth], 730 hours, as AWS's own calculators and the
// DESIGN do (8,760 hours a year / 12).
const HoursPerMonth = platform.HoursPerMonth

// SecondsPerMonth is HoursPerMonth in seconds: [platform.SecondsPerMonth]
// (2,628,000).
const SecondsPerMonth = platform.SecondsPerMonth

// DivScale is the number of decimal places kept where a division has no
// exact decimal form (a break-even point, a fraction of an hour, a duration
// scaled by a CPU share). Everything else is exact.
const DivScale = 18

var (
	dZero          = decimal.Zero
	dOne           = decimal.NewFromInt(1)
	dThousand      = decimal.NewFromInt(1000)
	d3600          = decimal.NewFromInt(3600)
	dHoursPerMonth = decimal.NewFromInt(HoursPerMonth)
	dSecsPerMonth  = decimal.NewFromInt(SecondsPerMonth)
	dPerMiB        = decimal.RequireFromString("0.0009765625")    // 1/1024, exact: MB → GB (binary)
	dPerMBms       = decimal.RequireFromString("0.0000009765625") // 1/(1024 × 1000): MB·ms → GB-s
	ulp            = decimal.New(1, -DivScale)
)

// ceilDiv returns a/b rounded up at DivScale places (exact when a/b has at
// most DivScale places). b must be positive.
func ceilDiv(a, b decimal.Decimal) decimal.Decimal {
	if q, ok := exactDiv(a, b); ok {
		return q
	}
	q := a.DivRound(b, DivScale)
	if q.Mul(b).LessThan(a) {
		q = q.Add(ulp)
	}
	return trim(q)
}

// exactDiv is a/b when b is a whole number that divides a's coefficient
// (seconds into hours: 2,628,000 / 3,600, $0.107 × 2,628,000 / 3,600), in
// the form ceilDiv's long division gives it, without the division at
// DivScale places that a bill's every line paid for.
func exactDiv(a, b decimal.Decimal) (decimal.Decimal, bool) {
	if a.Sign() < 0 || b.Sign() <= 0 || b.Exponent() < 0 || b.Exponent() > 9 || a.Exponent() < -DivScale || a.Exponent() > 9 {
		return decimal.Decimal{}, false
	}
	bc := b.Coefficient()
	if b.Exponent() > 0 {
		bc.Mul(bc, new(big.Int).Exp(bigTen, big.NewInt(int64(b.Exponent())), nil))
	}
	c, e := a.Coefficient(), a.Exponent()
	if e > 0 {
		c.Mul(c, new(big.Int).Exp(bigTen, big.NewInt(int64(e)), nil))
		e = 0
	}
	var q, r big.Int
	q.QuoRem(c, bc, &r)
	if r.Sign() != 0 {
		return decimal.Decimal{}, false
	}
	return trim(decimal.NewFromBigInt(&q, e)), true
}

// trim drops trailing zeros from d's coefficient, so that quotients that
// happen to be short do not drag 18-place scales through later arithmetic.
func trim(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return dZero
	}
	exp := d.Exponent()
	if exp >= 0 {
		return d
	}
	// Divide the coefficient by ten while the remainder is zero: one small
	// division a digit, where truncating and comparing decimals rescaled
	// them through powers of ten each time.
	c := d.Coefficient()
	var q, r big.Int
	n := int32(0)
	for exp+n < 0 {
		q.QuoRem(c, bigTen, &r)
		if r.Sign() != 0 {
			break
		}
		c.Set(&q)
		n++
	}
	if n == 0 {
		return d
	}
	return decimal.NewFromBigInt(c, exp+n)
}

var bigTen = big.NewInt(10)

// div returns a/b rounded half up at DivScale places.
func div(a, b decimal.Decimal) decimal.Decimal { return trim(a.DivRound(b, DivScale)) }

// ceilTo rounds x up to a whole multiple of step (step > 0).
func ceilTo(x, step decimal.Decimal) decimal.Decimal {
	if step.Equal(dOne) {
		return x.Ceil()
	}
	q := x.Div(step).Ceil() // integer quotient; Div's 16 places only matter below the ceiling
	if q.Mul(step).LessThan(x) {
		q = q.Add(dOne)
	}
	if r := q.Sub(dOne).Mul(step); !r.LessThan(x) {
		q = q.Sub(dOne)
	}
	return q.Mul(step)
}

// PerSecond converts a monthly quantity (requests per month) to a rate per
// second, rounded at DivScale places.
func PerSecond(perMonth decimal.Decimal) decimal.Decimal { return div(perMonth, dSecsPerMonth) }

// PerHour converts a monthly quantity to a rate per hour, rounded at DivScale
// places.
func PerHour(perMonth decimal.Decimal) decimal.Decimal { return div(perMonth, dHoursPerMonth) }

// MonthlyFromPerSecond converts a rate per second to a monthly quantity, exactly.
func MonthlyFromPerSecond(perSecond decimal.Decimal) decimal.Decimal {
	return perSecond.Mul(dSecsPerMonth)
}

func maxDec(a, b decimal.Decimal) decimal.Decimal {
	if a.GreaterThan(b) {
		return a
	}
	return b
}

func minDec(a, b decimal.Decimal) decimal.Decimal {
	if a.LessThan(b) {
		return a
	}
	return b
}
