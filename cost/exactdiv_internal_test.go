package cost

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// ceilDivSlow is ceilDiv without its exact fast path: the long division
// at DivScale places every bill line paid for before it.
func ceilDivSlow(a, b decimal.Decimal) decimal.Decimal {
	q := a.DivRound(b, DivScale)
	if q.Mul(b).LessThan(a) {
		q = q.Add(ulp)
	}
	return trim(q)
}

// The fast path gives the same decimal, digits and exponent alike, as the
// long division, whether or not the quotient is exact.
func TestExactDivIsTheLongDivision(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 7))
	cases := [][2]string{
		{"2628000", "3600"}, {"281196.000", "3600"}, {"0", "3600"}, {"7", "3600"},
		{"1e5", "1000"}, {"0.000000000000000001", "1"}, {"123.45", "5"}, {"1e9", "1e3"}, {"10", "4"},
	}
	for range 2000 {
		a := decimal.New(r.Int64N(1_000_000_000), -int32(r.IntN(20)))
		b := decimal.New(1+r.Int64N(10_000), int32(r.IntN(3)))
		cases = append(cases, [2]string{a.String(), b.String()})
	}
	for _, c := range cases {
		a, b := decimal.RequireFromString(c[0]), decimal.RequireFromString(c[1])
		want, got := ceilDivSlow(a, b), ceilDiv(a, b)
		assert.True(t, want.Equal(got), "%s / %s: %s, want %s", a, b, got, want)
		assert.Equal(t, want.Exponent(), got.Exponent(), "%s / %s: exponent", a, b)
	}
}
