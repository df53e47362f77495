package cost_test

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
)

// bruteUnits is a plain step's units at x from its definition, on
// rationals: max(MinUnits, ⌈(x − Offset) / RequestsPerUnit⌉).
func bruteUnits(st cost.Step, x decimal.Decimal) int64 {
	m := int64(st.MinUnits)
	if !st.RequestsPerUnit.IsPositive() {
		return m
	}
	q := new(big.Rat).Quo(x.Sub(st.Offset).Rat(), st.RequestsPerUnit.Rat())
	n := new(big.Int).Quo(q.Num(), q.Denom()) // truncated toward zero
	if q.Sign() > 0 && !q.IsInt() {
		n.Add(n, big.NewInt(1))
	}
	return max(m, n.Int64())
}

// bruteZoneUnits is a step over zones' units: its zones' ([cost.Step.PerZone]),
// each from the definition.
func bruteZoneUnits(st cost.Step, x decimal.Decimal) int64 {
	n := int64(0)
	for _, z := range st.PerZone() {
		n += bruteUnits(z, x)
	}
	return n
}

// expand is f with every step over zones replaced by its zones' steps: the
// fleet as it was written before steps over zones, which Solve handles
// tooth by tooth.
func expand(f cost.Fleet) cost.Fleet {
	out := cost.Fleet{Fixed: f.Fixed, PerUnit: f.PerUnit, RequestsPerUnit: f.RequestsPerUnit, MinUnits: f.MinUnits}
	for _, st := range f.Steps {
		out.Steps = append(out.Steps, st.PerZone()...)
	}
	return out
}

// randomZoneStep is a step over 2..26 zones (or 1, a plain step): a
// replica serving about per requests (18 places, as the engine rounds
// them), fit replicas a unit, a floor of 0..3 units a zone, priced about
// price. With closed false, RequestsPerUnit is not a whole multiple of
// the zone offset (or less than zones of them), the form summed zone by
// zone.
func randomZoneStep(r *rand.Rand, per, price decimal.Decimal, closed bool) cost.Step {
	zones := int64(1 + r.IntN(26))
	fit := int64(1 + r.IntN(6))
	s := per.Mul(decimal.NewFromFloat(0.5 + r.Float64())).Round(int32(r.IntN(19)))
	if !s.IsPositive() {
		s = per
	}
	c := s.Mul(decimal.NewFromInt(zones * fit))
	if !closed {
		switch r.IntN(2) {
		case 0: // not a multiple
			c = c.Add(s.Div(decimal.NewFromInt(3)).Round(18))
		default: // fewer replicas a step than zones
			c = s.Mul(decimal.NewFromInt(max(zones-1, 1)))
		}
	}
	return cost.Step{
		PerUnit:         price.Mul(decimal.NewFromFloat(0.5 + r.Float64())).Round(int32(2 + r.IntN(17))),
		RequestsPerUnit: c,
		MinUnits:        r.IntN(int(3*zones + 1)),
		Offset:          []decimal.Decimal{decimal.Zero, decimal.Zero, s.Mul(decimal.NewFromInt(int64(r.IntN(5))))}[r.IntN(3)],
		Zones:           int(zones),
		ZoneOffset:      s,
	}
}

// A step over zones counts, at every load, the units of its zones summed
// one by one from their definition: at every zone's edges, a hair either
// side of them, far past int64 and below the offset.
func TestZoneStepUnitsAreItsZones(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 2))
	for i := range 120 {
		closed := i%4 != 3
		st := randomZoneStep(r, d("1234.567890123456789012"), d("70"), closed)
		t.Run(fmt.Sprintf("%d-z%d-closed=%v", i, st.Zones, closed), func(t *testing.T) {
			var xs []decimal.Decimal
			for _, z := range st.PerZone() {
				for k := range int64(4) {
					edge := z.Offset.Add(z.RequestsPerUnit.Mul(decimal.NewFromInt(int64(z.MinUnits) + k - 2)))
					xs = append(xs, edge, edge.Add(d("0.000000000000000001")), edge.Sub(d("0.000000000000000001")))
				}
			}
			xs = append(xs, d("0"), d("-5"), st.Offset, st.RequestsPerUnit.Mul(d("1e20")).Add(d("0.5")))
			for _, x := range xs {
				want := bruteZoneUnits(st, x)
				if x.GreaterThan(d("1e20")) {
					// Past the integer path: compare as decimals.
					wantD := decimal.Zero
					for _, z := range st.PerZone() {
						q := x.Sub(z.Offset).Div(z.RequestsPerUnit).Ceil()
						wantD = wantD.Add(decimal.Max(q, decimal.NewFromInt(int64(z.MinUnits))))
					}
					got := st.At(x).Div(st.PerUnit).Round(0)
					assert.True(t, wantD.Equal(got), "Units(%s) = %s, want %s", x, got, wantD)
					continue
				}
				assert.Equal(t, want, st.Units(x), "Units(%s) of %+v", x, st)
				assert.True(t, st.At(x).Equal(st.PerUnit.Mul(decimal.NewFromInt(want))), "At(%s) = %s, want %d units", x, st.At(x), want)
			}
		})
	}
}

// A fleet's cost at a load is its fixed cost plus each term's price times
// its units, whatever the mix of plain steps, steps with offsets and steps
// over zones.
func TestFleetAtSumsItsTerms(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 3))
	for i := range 100 {
		f := cost.Fleet{Fixed: d("73.0000001"), PerUnit: d("12.5"), RequestsPerUnit: d("999.99"), MinUnits: r.IntN(4)}
		for range 1 + r.IntN(8) {
			f.Steps = append(f.Steps, randomZoneStep(r, d("321.123456789012345678"), d("50"), r.IntN(5) > 0))
		}
		for range 20 {
			x := decimal.NewFromFloat(r.Float64() * 3e5).Round(int32(r.IntN(19)))
			want := f.Fixed.Add(f.PerUnit.Mul(decimal.NewFromInt(bruteUnits(cost.Step{PerUnit: f.PerUnit, RequestsPerUnit: f.RequestsPerUnit, MinUnits: f.MinUnits}, x))))
			for _, st := range f.Steps {
				want = want.Add(st.PerUnit.Mul(decimal.NewFromInt(bruteZoneUnits(st, x))))
			}
			assert.True(t, want.Equal(f.At(x)), "fleet %d: At(%s) = %s, want %s", i, x, f.At(x), want)
		}
	}
}

// Solve on a fleet with steps over zones answers exactly what it answers
// on the same fleet written zone by zone (the solver before steps over
// zones, tooth by tooth): the same crossings to the last digit, the same
// sides, and both agree with the brute force. The curves are cut to run
// near the fleet, within a few units' price of its average, where the
// band of steps to examine one by one is wide: many crossings, steps
// examined across many levels.
func TestSolveZoneStepsAsTheirZones(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 4))
	solved, crossings := 0, 0
	for i := range 100 {
		f := cost.Fleet{Fixed: decimal.NewFromInt(int64(r.IntN(200)))}
		levels := 1 + r.IntN(6)
		per := d("1000.123456789012345678")
		for range levels {
			f.Steps = append(f.Steps, randomZoneStep(r, per.Mul(decimal.NewFromInt(int64(1+r.IntN(8)))), d("30"), r.IntN(6) > 0))
		}
		if r.IntN(3) == 0 { // a plain first step too
			f.PerUnit, f.RequestsPerUnit, f.MinUnits = d("40"), d("5000"), r.IntN(3)
		}
		ex := expand(f)
		// The fleet's average cost a request past its floors, R, and a
		// curve around it: a slope within ±5 % of R, pieces cut at random.
		rate := decimal.Zero
		for _, st := range ex.Terms() {
			if st.RequestsPerUnit.IsPositive() {
				rate = rate.Add(st.PerUnit.Div(st.RequestsPerUnit))
			}
		}
		cv := cost.Curve{Breaks: []decimal.Decimal{decimal.Zero}, Values: []decimal.Decimal{f.At(decimal.Zero).Mul(decimal.NewFromFloat(0.5 + r.Float64()).Round(3))}}
		x := decimal.Zero
		for p := range 1 + r.IntN(4) {
			sl := rate.Mul(decimal.NewFromFloat(0.95 + r.Float64()/10)).Round(int32(6 + r.IntN(12)))
			if r.IntN(8) == 0 {
				sl = sl.Neg() // a discount's piece may fall
			}
			cv.Slopes = append(cv.Slopes, sl)
			if p > 0 {
				next := x.Add(decimal.NewFromFloat(r.Float64() * 60000).Round(int32(r.IntN(18))))
				cv.Values = append(cv.Values, cv.Values[p-1].Add(cv.Slopes[p-1].Mul(next.Sub(x))))
				cv.Breaks = append(cv.Breaks, next)
				x = next
			}
		}
		what := fmt.Sprintf("case %d: %d levels", i, levels)
		got, err := cost.Solve(cv, f)
		want, werr := cost.Solve(cv, ex)
		if errors.Is(werr, cost.ErrTooManySteps) || errors.Is(err, cost.ErrTooManySteps) {
			continue // both bounded; their counts differ
		}
		require.NoError(t, werr, what)
		require.NoError(t, err, what)
		solved++
		crossings += len(want.Crossings)
		require.Equal(t, len(want.Crossings), len(got.Crossings), "%s: crossings %v, want %v", what, got.Crossings, want.Crossings)
		for j := range want.Crossings {
			assert.True(t, want.Crossings[j].Equal(got.Crossings[j]), "%s: crossing %d = %s, want %s", what, j, got.Crossings[j], want.Crossings[j])
		}
		require.Equal(t, len(want.Intervals), len(got.Intervals), what)
		for j, iv := range want.Intervals {
			g := got.Intervals[j]
			assert.True(t, iv.From.Equal(g.From) && iv.To.Equal(g.To) && iv.Unbounded == g.Unbounded && iv.Cheaper == g.Cheaper, "%s: interval %d = %+v, want %+v", what, j, g, iv)
		}
		end := x.Add(d("200000"))
		if n := len(want.Crossings); n > 0 {
			end = decimal.Max(end, want.Crossings[n-1].Mul(d("1.1")))
		}
		if len(ex.Steps) <= 60 && end.LessThan(d("2000000")) {
			checkSumAgainstOracle(t, what, cv, ex, end)
		}
	}
	t.Logf("%d fleets solved, %d crossings", solved, crossings)
	assert.Greater(t, solved, 80, "most cases solve")
	assert.Greater(t, crossings, 1000, "the curves run near the fleets")
}
