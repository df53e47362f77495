package cost_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// randomPoints draws request counts to evaluate a curve at: 0, every
// break, a request either side of each, points inside the pieces, and
// random loads up to 2e12 (with and without fractions).
func randomPoints(r *rand.Rand, cv cost.Curve) []decimal.Decimal {
	xs := []decimal.Decimal{d("0")}
	for i, b := range cv.Breaks {
		xs = append(xs, b, b.Add(d("1")))
		if b.GreaterThan(d("1")) {
			xs = append(xs, b.Sub(d("1")))
		}
		if i+1 < len(cv.Breaks) {
			span := cv.Breaks[i+1].Sub(b)
			places := int32(6)
			if span.GreaterThan(d("1e15")) { // far breaks (1e30: unbounded provisioned capacity)
				places = 0
			}
			xs = append(xs, b.Add(span.Mul(randDecimal(r, 1, 6))).Truncate(places))
		}
	}
	for range 6 {
		xs = append(xs, randDecimal(r, 2_000_000_000_000, 0), randDecimal(r, 100_000_000, 3))
	}
	return xs
}

// meterSlope is the slope the terms' meters give at x, from their exported
// fields: each meter's slope at its driver times how fast the driver grows.
func meterSlope(t cost.Tariff, x decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for _, tm := range t {
		if x.LessThan(tm.From) || (tm.Until != nil && !x.LessThan(*tm.Until)) {
			continue
		}
		s = s.Add(tm.Per.Mul(tm.Meter.Slope(tm.Quantity(x))))
	}
	return s
}

func sameLines(t *testing.T, what string, want, got []cost.Line) {
	t.Helper()
	require.Len(t, got, len(want), what)
	for i := range want {
		w, g := want[i], got[i]
		assert.Equal(t, w.Item, g.Item, "%s: line %d", what, i)
		assert.Equal(t, w.Unit, g.Unit, "%s: line %d", what, i)
		assert.True(t, w.Quantity.Equal(g.Quantity) && w.UnitPrice.Equal(g.UnitPrice) && w.Amount.Equal(g.Amount),
			"%s: line %q = %s × %s = %s, want %s × %s = %s", what, w.Item, g.Quantity, g.UnitPrice, g.Amount, w.Quantity, w.UnitPrice, w.Amount)
	}
}

// TestMetersAgree is the meters' contract: for random usages in both
// snapshots, at random loads, the bill's lines are its meters' lines, and
// the bill's total, the tariff's total, the sum of the meters' charges and
// the curve's value are one number; between two breaks the curve is
// linear with the slope its meters give.
func TestMetersAgree(t *testing.T) {
	for _, snapshot := range cost.Snapshots() {
		c := embedded(t, snapshot)
		for _, seed := range propertySeeds {
			t.Run(fmt.Sprintf("%s/seed %d", snapshot, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, seed^0x3e7e))
				for range usagesPerSeed / 4 {
					u := lambdaUsage(r, c)
					tr, err := cost.LambdaTariff(c, u)
					require.NoError(t, err)
					require.NoError(t, tr.Check())
					cv, err := cost.LambdaCurve(c, u)
					require.NoError(t, err)
					tc := tr.Curve()
					assertDecimals(t, "LambdaCurve breaks = tariff curve breaks", decimalStrings(tc.Breaks), cv.Breaks)
					for _, x := range randomPoints(r, cv) {
						what := fmt.Sprintf("%s, %+v at %s requests", snapshot, u, x)
						b, err := cost.Lambda(c, withRequests(u, x))
						require.NoError(t, err, what)
						var fromMeters []cost.Line
						charged := decimal.Zero
						for _, tm := range tr {
							q := tm.Quantity(x)
							fromMeters = append(fromMeters, tm.Meter.Lines(q)...)
							charged = charged.Add(tm.Meter.Charge(q))
						}
						sameLines(t, "Lambda vs its meters: "+what, fromMeters, b.Lines)
						sameLines(t, "Lambda vs Tariff.Bill: "+what, tr.Bill(x).Lines, b.Lines)
						total := b.Total()
						assert.True(t, total.Equal(tr.Total(x)), "%s: Tariff.Total = %s, bill %s", what, tr.Total(x), total)
						assert.True(t, total.Equal(charged), "%s: meters charge %s, bill %s", what, charged, total)
						assert.True(t, total.Equal(cv.At(x)), "%s: curve %s, bill %s", what, cv.At(x), total)

						// The piece that prices x: its slope is the meters'.
						i := len(cv.Breaks) - 1
						for i > 0 && cv.Breaks[i].GreaterThan(x) {
							i--
						}
						slope := cv.Slopes[i]
						assert.True(t, slope.Equal(tr.Slope(x)), "%s: Tariff.Slope = %s, curve piece %d %s", what, tr.Slope(x), i, slope)
						assert.True(t, slope.Equal(meterSlope(tr, x)), "%s: meters' slope = %s, curve piece %d %s", what, meterSlope(tr, x), i, slope)
						// Linear from the piece's start to x.
						if x.GreaterThan(cv.Breaks[i]) {
							rise := tr.Total(x).Sub(tr.Total(cv.Breaks[i]))
							assert.True(t, rise.Equal(slope.Mul(x.Sub(cv.Breaks[i]))), "%s: rise from break %s = %s, slope × run = %s", what, cv.Breaks[i], rise, slope.Mul(x.Sub(cv.Breaks[i])))
						}
					}
					if t.Failed() {
						return
					}
				}
			})
		}
	}
}

func decimalStrings(ds []decimal.Decimal) []string {
	out := make([]string, len(ds))
	for i, x := range ds {
		out[i] = x.String()
	}
	return out
}

// gatewayTerm is an illustrative request meter in front of a function
// (graduated per-million prices with a free allowance): not a catalogue
// price, a second dimension to add.
func gatewayTerm(r *rand.Rand) cost.Term {
	return cost.Term{Per: d("1"), Meter: cost.Meter{Unit: "request", Free: pick(r, d("0"), d("1000000")), Bands: []cost.Band{
		{Item: "gateway (tier 1)", UpTo: dp("300000000"), Price: d("0.000001")},
		{Item: "gateway (tier 2)", Price: d("0.0000009")},
	}}}
}

// TestCurveAddIsThePointwiseSum adds random Lambda curves to each other
// and to a gateway's: the sum's breaks are both curves', it equals the
// sum at every point, and adding curves is adding tariffs.
func TestCurveAddIsThePointwiseSum(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	for _, seed := range propertySeeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, seed^0xadd))
			for range 40 {
				t1, err := cost.LambdaTariff(c, lambdaUsage(r, c))
				require.NoError(t, err)
				var t2 cost.Tariff
				if r.IntN(2) == 0 {
					t2 = cost.Tariff{gatewayTerm(r)}
				} else if t2, err = cost.LambdaTariff(c, lambdaUsage(r, c)); err != nil {
					t.Fatal(err)
				}
				a, b := t1.Curve(), t2.Curve()
				sum := a.Add(b)
				checkCurve(t, "sum", sum)
				union := append(append([]decimal.Decimal{}, a.Breaks...), b.Breaks...)
				sortDecimals(union)
				want := []string{}
				for i, x := range union {
					if i == 0 || !x.Equal(union[i-1]) {
						want = append(want, x.String())
					}
				}
				assertDecimals(t, "Add breaks", want, sum.Breaks)
				both := append(append(cost.Tariff{}, t1...), t2...)
				tb := both.Curve()
				assertDecimals(t, "tariff sum breaks", decimalStrings(tb.Breaks), sum.Breaks)
				for i := range tb.Breaks {
					assert.True(t, tb.Values[i].Equal(sum.Values[i]) && tb.Slopes[i].Equal(sum.Slopes[i]),
						"at break %s: curves' sum %s + %s·x, tariffs' sum %s + %s·x", tb.Breaks[i], sum.Values[i], sum.Slopes[i], tb.Values[i], tb.Slopes[i])
				}
				for _, x := range randomPoints(r, sum) {
					w := a.At(x).Add(b.At(x))
					assert.True(t, w.Equal(sum.At(x)), "Add.At(%s) = %s, want %s", x, sum.At(x), w)
					assert.True(t, both.Total(x).Equal(sum.At(x)), "summed tariffs at %s = %s, summed curves %s", x, both.Total(x), sum.At(x))
				}
				if t.Failed() {
					return
				}
			}
		})
	}
}

// TestServerTariffsAgree: Fargate's and EC2's bills are their tariffs'
// at the billed task-seconds and instance-hours, and the monthly unit
// prices the fleets step by are the tariffs' over a month.
func TestServerTariffsAgree(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	minimum := map[cost.FargatePlatform]decimal.Decimal{
		"": c.Fargate.LinuxX86.MinimumSeconds.Value, cost.FargateLinuxX86: c.Fargate.LinuxX86.MinimumSeconds.Value,
		cost.FargateLinuxARM64: c.Fargate.LinuxARM64.MinimumSeconds.Value, cost.FargateWindows: c.Fargate.WindowsX86.MinimumSeconds.Value,
	}
	for _, seed := range propertySeeds {
		r := rand.New(rand.NewPCG(seed, seed))
		for range usagesPerSeed / 4 {
			u := fargateUsage(r)
			what := fmt.Sprintf("Fargate(%+v)", u)
			b, err := cost.Fargate(c, u)
			require.NoError(t, err, what)
			tr, err := cost.FargateTariff(c, u)
			require.NoError(t, err, what)
			require.NoError(t, tr.Check())
			secs := u.Seconds
			if secs.IsZero() {
				secs = d("2628000")
			}
			secs = decimal.Max(secs.Ceil(), minimum[u.Platform])
			sameLines(t, what, tr.Bill(secs.Mul(decimal.NewFromInt(int64(u.Tasks)))).Lines, b.Lines)
			monthly, err := cost.FargateMonthly(c, u)
			require.NoError(t, err, what)
			assert.True(t, monthly.Equal(tr.Total(d("2628000"))), "%s: FargateMonthly = %s, tariff over a month %s", what, monthly, tr.Total(d("2628000")))
		}
	}
	for _, typ := range c.InstanceTypes() {
		u := cost.EC2Usage{InstanceType: typ, Count: 3, Discount: d("0.28")}
		b, err := cost.EC2(c, u)
		require.NoError(t, err)
		tr, err := cost.EC2Tariff(c, u)
		require.NoError(t, err)
		sameLines(t, "EC2 "+typ, tr.Bill(d("2190")).Lines, b.Lines)
		monthly, err := cost.EC2Monthly(c, u)
		require.NoError(t, err)
		assert.True(t, monthly.Equal(tr.Total(d("730"))), "EC2Monthly(%s) = %s, tariff over 730 h %s", typ, monthly, tr.Total(d("730")))
	}
}
