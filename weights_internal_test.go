package runwhere

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// weightUnits reads exponents instead of comparing values, so weights a Go
// caller builds with any int32 exponent become whole units at once and
// keep their ratios; one too small to show beside the largest drops out.
func TestWeightUnitsAnyExponent(t *testing.T) {
	d := func(coef int64, exp int32) *decimal.Decimal { v := decimal.New(coef, exp); return &v }
	tests := []struct {
		name    string
		in      Weights
		want    [5]string
		wantSum string
	}{
		{"defaults", defaultWeightsForTest(), [5]string{"40", "20", "15", "15", "10"}, "100"},
		{"tiny alone", Weights{Cost: d(1, -5000)}, [5]string{"1", "0", "0", "0", "0"}, "1"},
		{"smallest exponent", Weights{Headroom: d(3, math.MinInt32), Portability: d(1, math.MinInt32)}, [5]string{"0", "3", "0", "0", "1"}, "4"},
		{"largest exponent", Weights{Cost: d(25, math.MaxInt32-1), Resilience: d(1, math.MaxInt32-2)}, [5]string{"250", "0", "1", "0", "0"}, "251"},
		{"extremes together", Weights{Cost: d(1, math.MaxInt32), Operations: d(1, math.MinInt32)}, [5]string{"1", "0", "0", "0", "0"}, "1"},
		{"weightOrders below is kept", Weights{Cost: d(1, 0), Headroom: d(1, -weightOrders)}, [5]string{"1" + strings.Repeat("0", weightOrders), "1", "0", "0", "0"}, "1" + strings.Repeat("0", weightOrders-1) + "1"},
		{"further below drops out", Weights{Cost: d(1, 0), Headroom: d(9, -weightOrders-1)}, [5]string{"1", "0", "0", "0", "0"}, "1"},
		{"zero and negative", Weights{Cost: d(0, 0), Headroom: d(-1, 0), Resilience: d(2, 0)}, [5]string{"0", "0", "2", "0", "0"}, "2"},
		{"none", Weights{}, [5]string{"0", "0", "0", "0", "0"}, "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var units [5]*big.Int
			var sum *big.Int
			elapsed := inputtest.Fastest(10*time.Millisecond, func() { units, sum = weightUnits(&tc.in) })
			assert.Less(t, elapsed, 10*time.Millisecond, "weightUnits(%s) took too long", tc.name)
			var got [5]string
			for i, u := range units {
				got[i] = "0"
				if u != nil {
					got[i] = u.String()
				}
			}
			assert.Equal(t, tc.want, got, "weightUnits(%s) units", tc.name)
			assert.Equal(t, tc.wantSum, sum.String(), "weightUnits(%s) sum", tc.name)
		})
	}
}

// The mean rounds half up at the fourth decimal, exactly: 0.5 × 0.0001
// is not lost to binary fractions as in a float64 mean.
func TestWeightedMeanRoundsHalfUp(t *testing.T) {
	d := func(s string) *decimal.Decimal { v := decimal.RequireFromString(s); return &v }
	tests := []struct {
		name string
		w    Weights
		c    Criteria
		want float64
	}{
		{"one criterion", Weights{Cost: d("3")}, Criteria{Cost: 0.1234, Headroom: 1}, 0.1234},
		{"half rounds up", Weights{Cost: d("1"), Headroom: d("1")}, Criteria{Cost: 0.0001}, 0.0001},
		{"below half rounds down", Weights{Cost: d("1"), Headroom: d("2")}, Criteria{Cost: 0.0001}, 0},
		{"thirds", Weights{Cost: d("1"), Headroom: d("1"), Resilience: d("1")}, Criteria{Cost: 1, Headroom: 1}, 0.6667},
		{"all ones", defaultWeightsForTest(), Criteria{1, 1, 1, 1, 1}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			units, sum := weightUnits(&tc.w)
			assert.Equal(t, tc.want, weightedMean(units, sum, tc.c), "weightedMean(%+v)", tc.c)
		})
	}
}

func defaultWeightsForTest() Weights {
	d := defaultWeights
	return Weights{Cost: ptr(d.cost), Headroom: ptr(d.headroom), Resilience: ptr(d.resilience), Operations: ptr(d.operations), Portability: ptr(d.portability)}
}
