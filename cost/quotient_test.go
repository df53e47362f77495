package cost_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere/cost"
)

// DivCeil is DivRound's quotient rounded up where DivRound rounded down:
// the same value and the same exponent as the decimals' own ceiling, for
// quotients that terminate, that do not, and operands of every scale.
func TestDivCeil(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 7))
	random := func() decimal.Decimal {
		return decimal.New(r.Int64N(1e12)+1, -int32(r.IntN(30))).Mul(decimal.New(1, int32(r.IntN(12))))
	}
	for i := range 2000 {
		a, b := random(), random()
		if i%7 == 0 {
			a = b.Mul(decimal.NewFromInt(r.Int64N(1000))) // terminating
		}
		if i%11 == 0 {
			a = a.Neg()
		}
		places := int32(r.IntN(25))
		want := a.DivRound(b, places)
		if want.Mul(b).LessThan(a) {
			want = want.Add(decimal.New(1, -places))
		}
		got := cost.DivCeil(a, b, places)
		assert.True(t, want.Equal(got), "DivCeil(%s, %s, %d) = %s, want %s", a, b, places, got, want)
		assert.Equal(t, -places, got.Exponent(), fmt.Sprintf("DivCeil(%s, %s, %d) exponent", a, b, places))
	}
}
