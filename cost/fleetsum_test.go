package cost_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// sumOracle is oracleSegments for a fleet of any number of steps: every
// curve piece is cut at every step edge of every term below end, and on
// each cut the fleet's cost is summed term by term.
func sumOracle(cv cost.Curve, f cost.Fleet, end decimal.Decimal) (from []decimal.Decimal, sides []cost.Side) {
	points := append([]decimal.Decimal(nil), cv.Breaks...)
	terms := f.Terms()
	for _, st := range terms {
		if st.RequestsPerUnit.IsPositive() {
			for x := st.Offset; x.LessThan(end); x = x.Add(st.RequestsPerUnit) {
				points = append(points, x)
			}
		}
	}
	points = append(points, end)
	sortDecimals(points)
	add := func(x decimal.Decimal, s cost.Side) {
		if n := len(sides); n > 0 && sides[n-1] == s {
			return
		}
		from, sides = append(from, x), append(sides, s)
	}
	sign := func(x decimal.Decimal) cost.Side {
		switch x.Sign() {
		case -1:
			return cost.Serverless
		case 1:
			return cost.Server
		}
		return cost.Tie
	}
	for i := 0; i+1 < len(points); i++ {
		a, b := points[i], points[i+1]
		if !a.LessThan(b) || !a.LessThan(end) {
			continue
		}
		p := 0
		for p+1 < len(cv.Breaks) && !cv.Breaks[p+1].GreaterThan(a) {
			p++
		}
		la := cv.Values[p].Add(cv.Slopes[p].Mul(a.Sub(cv.Breaks[p])))
		srv := f.Fixed
		for _, st := range terms {
			units := decimal.NewFromInt(int64(st.MinUnits))
			if st.RequestsPerUnit.IsPositive() && !a.LessThan(st.Offset) {
				// on (a, b) the load needs ⌊(a − o)/C⌋ + 1 units
				units = decimal.Max(units, a.Sub(st.Offset).Div(st.RequestsPerUnit).Floor().Add(decimal.NewFromInt(1)))
			}
			srv = srv.Add(st.PerUnit.Mul(units))
		}
		da, sl := la.Sub(srv), cv.Slopes[p]
		switch {
		case sl.IsZero():
			add(a, sign(da))
		case da.IsZero():
			add(a, sign(sl))
		case sign(da) == sign(sl):
			add(a, sign(da))
		default:
			add(a, sign(da))
			if r := a.Sub(da.DivRound(sl, 30)); r.LessThan(b) {
				add(r, sign(sl))
			}
		}
	}
	return from, sides
}

func checkSumAgainstOracle(t *testing.T, what string, cv cost.Curve, f cost.Fleet, end decimal.Decimal) cost.BreakEven {
	t.Helper()
	be, err := cost.Solve(cv, f)
	require.NoError(t, err, what)
	from, sides := sumOracle(cv, f, end)
	require.NotEmpty(t, sides, what)
	var got []cost.Side
	var crossings []decimal.Decimal
	for i, iv := range be.Intervals {
		if iv.From.LessThan(end) {
			got = append(got, iv.Cheaper)
			if i > 0 {
				crossings = append(crossings, iv.From)
			}
		}
	}
	if !assert.Equal(t, sides, got, "%s: sides below %s", what, end) {
		t.Logf("%s: Solve crossings %v, oracle %v", what, crossings, from[1:])
		return be
	}
	for i, x := range crossings {
		assert.True(t, x.Sub(from[i+1]).Abs().LessThan(d("0.000000000001")), "%s: crossing %d = %s, want %s", what, i, x, from[i+1])
	}
	return be
}

// shapeFleet is a fleet that follows an hourly load shape: one step per
// slot of the shape, each slot an equal share of the month. weights are
// the slots' loads relative to the mean (their mean is 1); a unit serves
// perUnit requests a month at the mean load, so perUnit / w in a slot of
// weight w, and costs monthly / slots there.
func shapeFleet(fixed, monthly, perUnit decimal.Decimal, minUnits int, weights ...string) cost.Fleet {
	n := decimal.NewFromInt(int64(len(weights)))
	f := cost.Fleet{Fixed: fixed}
	for _, w := range weights {
		f.Steps = append(f.Steps, cost.Step{PerUnit: monthly.Div(n), RequestsPerUnit: perUnit.Div(d(w)), MinUnits: minUnits})
	}
	return f
}

// TestSolveSumsFindsEveryCrossing: fleets of several steps (load shapes
// over hours, fleets added together) against real and hand-made curves,
// and curves that are sums, compared with the brute force.
func TestSolveSumsFindsEveryCrossing(t *testing.T) {
	now := embedded(t, platform.Snapshot2026)
	curve := func(u cost.LambdaUsage) cost.Curve {
		cv, err := cost.LambdaCurve(now, u)
		require.NoError(t, err)
		return cv
	}
	free := curve(cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128, FreeTier: true})
	gateway, err := cost.Tariff{gatewayTerm(rand.New(rand.NewPCG(1, 1)))}.Curve(), error(nil)
	require.NoError(t, err)
	curves := []struct {
		name string
		cv   cost.Curve
		c    decimal.Decimal // cost of a request on the main piece
	}{
		{"2026 free tier", free, d("0.00000040833375")},
		{"2026 free tier + gateway", free.Add(gateway), d("0.00000140833375")},
		{"2026 provisioned", curve(cost.LambdaUsage{DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 5}), d("0.0000168667")},
		{"hand-made, three pieces", cost.Curve{
			Breaks: []decimal.Decimal{d("0"), d("1000"), d("5000")},
			Values: []decimal.Decimal{d("10"), d("10"), d("410")},
			Slopes: []decimal.Decimal{d("0"), d("0.1"), d("0.05")},
		}, d("0.05")},
	}
	shapes := [][]string{
		{"1", "1"},
		{"0.5", "1.5"},
		{"0.5", "1", "2", "0.5"},
		{"0.8", "1.25", "0.95", "1"},
		{"0.2", "0.2", "1.8", "1.8"},
	}
	for _, cc := range curves {
		for _, seed := range propertySeeds {
			t.Run(fmt.Sprintf("%s/seed %d", cc.name, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, seed^0x5a5a))
				for range 3 {
					factor := pick(r, d("0.9"), d("0.95"), d("0.99"), d("1.01"), d("1.05"), d("1.1"))
					per := pick(r, d("1000"), d("250000"), d("1000000"), d("7000000"))
					f := shapeFleet(randDecimal(r, 50, 2), cc.c.Mul(per).Mul(factor), per, r.IntN(4), pick(r, shapes...)...)
					if r.IntN(3) == 0 { // and a second fleet on top, one step
						f = f.Add(cost.Fleet{Fixed: d("3"), PerUnit: cc.c.Mul(per).Mul(d("0.5")), RequestsPerUnit: per.Mul(d("2")), MinUnits: 1})
					}
					checkSumAgainstOracle(t, fmt.Sprintf("Solve(%s, %+v)", cc.name, f), cc.cv, f, per.Mul(d("200")))
				}
			})
		}
	}
}

// zoneFleet is a fleet whose replicas are spread over zones with the
// remainder in the first zones: zone i holds ⌈(n − i)/Z⌉ of n replicas and
// needs ⌈(n − i)/(Z·fit)⌉ nodes (at least one), so it is one step per zone,
// offset by i replicas' worth of requests (perReplica each).
func zoneFleet(fixed, nodeMonthly, perReplica decimal.Decimal, zones, fit int64) cost.Fleet {
	return zoneFleetMin(fixed, nodeMonthly, perReplica, zones, fit, 1)
}

// zoneFleetMin is zoneFleet with minNodes nodes kept in every zone.
func zoneFleetMin(fixed, nodeMonthly, perReplica decimal.Decimal, zones, fit int64, minNodes int) cost.Fleet {
	f := cost.Fleet{Fixed: fixed}
	for i := range zones {
		f.Steps = append(f.Steps, cost.Step{
			PerUnit:         nodeMonthly,
			RequestsPerUnit: perReplica.Mul(decimal.NewFromInt(zones * fit)),
			MinUnits:        minNodes,
			Offset:          perReplica.Mul(decimal.NewFromInt(i)),
		})
	}
	return f
}

// A zone-spread fleet costs, at every load, the nodes its zones need when
// each is sized on its own share: 7 replicas over 3 zones at 2 a node are
// zones of 3, 2 and 2 replicas and 2 + 1 + 1 nodes.
func TestZoneFleetAt(t *testing.T) {
	per := d("1000") // requests a month one replica serves
	f := zoneFleet(d("0"), d("1"), per, 3, 2)
	for _, tc := range []struct {
		replicas int64
		nodes    string
	}{{1, "3"}, {3, "3"}, {4, "3"}, {5, "3"}, {6, "3"}, {7, "4"}, {8, "5"}, {9, "6"}, {12, "6"}, {13, "7"}} {
		// the load at which exactly this many replicas are needed
		x := per.Mul(decimal.NewFromInt(tc.replicas))
		assert.True(t, d(tc.nodes).Equal(f.At(x)), "zone fleet at %d replicas = %s nodes, want %s", tc.replicas, f.At(x), tc.nodes)
	}
	// Brute force: Σ over zones of max(1, ⌈(n − i)/(Z·fit)⌉).
	for n := int64(1); n <= 60; n++ {
		want := int64(0)
		for i := int64(0); i < 3; i++ {
			want += max(1, (n-i+5)/6)
		}
		got := f.At(per.Mul(decimal.NewFromInt(n)))
		assert.True(t, decimal.NewFromInt(want).Equal(got), "zone fleet at %d replicas = %s, want %d", n, got, want)
	}
}

// Zone-spread fleets (steps with offsets) against the brute force, on the
// real and hand-made curves, with per-replica request counts that divide
// evenly and ones that do not.
func TestSolveZoneFleets(t *testing.T) {
	now := embedded(t, platform.Snapshot2026)
	cv, err := cost.LambdaCurve(now, cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128, FreeTier: true})
	require.NoError(t, err)
	c := d("0.00000040833375") // a request on the main piece
	// A step that starts late (offset 10 units' worth of requests) under a
	// curve parallel to its average, half a unit above its lower bound
	// fixed + x·R − O: the costs cross at every step, and a solver that
	// left the offset out of its bounds (O = 10 units here) would call the
	// whole piece certainly cheaper.
	t.Run("late step, parallel curve", func(t *testing.T) {
		f := cost.Fleet{Fixed: d("10"), Steps: []cost.Step{{PerUnit: d("1"), RequestsPerUnit: d("1000"), Offset: d("10000")}}}
		r := d("0.001")
		parallel := cost.Curve{
			Breaks: []decimal.Decimal{d("0"), d("10000"), d("300000")},
			Values: []decimal.Decimal{d("0.5"), d("10.5"), d("300.5")},
			Slopes: []decimal.Decimal{r, r, r.Mul(d("2"))},
		}
		be := checkSumAgainstOracle(t, "Solve(parallel curve, late step)", parallel, f, d("400000"))
		assert.Greater(t, len(be.Crossings), 100, "crossings at the step edges")
	})
	// Zones with no floor under a curve half a node above their average:
	// the costs cross in the very first step, where the later zones have
	// not started.
	t.Run("no floor, crossing in the first step", func(t *testing.T) {
		f := zoneFleetMin(d("0"), d("1"), d("1000"), 3, 1, 0) // ⌈x / 1,000⌉ nodes
		cv := cost.Curve{Breaks: []decimal.Decimal{d("0"), d("30000")}, Values: []decimal.Decimal{d("0.5"), d("30.5")}, Slopes: []decimal.Decimal{d("0.001"), d("0.002")}}
		be := checkSumAgainstOracle(t, "Solve(no floor)", cv, f, d("40000"))
		require.NotEmpty(t, be.Crossings)
		assert.True(t, d("500").Equal(be.Crossings[0]), "first crossing %s, want 500", be.Crossings[0])
	})
	for _, seed := range propertySeeds {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, seed^0x7e7e))
			for range 4 {
				per := pick(r, d("1000"), d("333333.333333333333333334"), d("250000"), d("7000000"))
				zones, fit := int64(1+r.IntN(4)), int64(1+r.IntN(5))
				factor := pick(r, d("0.5"), d("0.9"), d("1"), d("1.1"), d("2"))
				minNodes := r.IntN(4) // no floor, or one above one node: teeth still on their plateau past the first's
				f := zoneFleetMin(randDecimal(r, 50, 2), c.Mul(per).Mul(decimal.NewFromInt(fit)).Mul(factor), per, zones, fit, minNodes)
				checkSumAgainstOracle(t, fmt.Sprintf("Solve(zones %d, fit %d, min %d, %s per replica, ×%s)", zones, fit, minNodes, per, factor), cv, f, per.Mul(d("300")))
			}
		})
	}
}

// TestSolveSplitFleetIsTheSameFleet: a step split into equal parts, or
// written in Steps instead of the fleet's own fields, is the same fleet:
// the same crossings exactly, on every sawtooth of the crossing tests.
func TestSolveSplitFleetIsTheSameFleet(t *testing.T) {
	old := embedded(t, platform.Snapshot2017)
	cv, err := cost.LambdaCurve(old, lambda2017Linear())
	require.NoError(t, err)
	for _, f := range []cost.Fleet{
		{PerUnit: d("3.9612375"), RequestsPerUnit: d("10000000"), MinUnits: 1},
		{Fixed: d("25"), PerUnit: perRequest2017.Mul(d("3000")).Mul(d("0.9")), RequestsPerUnit: d("3000"), MinUnits: 2},
		{PerUnit: d("5"), RequestsPerUnit: d("10000000"), MinUnits: 1},
	} {
		one, err := cost.Solve(cv, f)
		require.NoError(t, err)
		st := cost.Step{PerUnit: f.PerUnit, RequestsPerUnit: f.RequestsPerUnit, MinUnits: f.MinUnits}
		half := st
		half.PerUnit = f.PerUnit.Div(d("2"))
		for name, g := range map[string]cost.Fleet{
			"in Steps": {Fixed: f.Fixed, Steps: []cost.Step{st}},
			"halves":   {Fixed: f.Fixed, PerUnit: half.PerUnit, RequestsPerUnit: half.RequestsPerUnit, MinUnits: half.MinUnits, Steps: []cost.Step{half}},
			"added":    cost.Fleet{Fixed: f.Fixed}.Add(cost.Fleet{PerUnit: half.PerUnit, RequestsPerUnit: half.RequestsPerUnit, MinUnits: half.MinUnits}).Add(cost.Fleet{Steps: []cost.Step{half}}),
		} {
			for _, x := range []string{"0", "1", "9999999", "10000000", "123456789.5"} {
				assert.True(t, f.At(d(x)).Equal(g.At(d(x))), "%s: At(%s) = %s, want %s", name, x, g.At(d(x)), f.At(d(x)))
			}
			got, err := cost.Solve(cv, g)
			require.NoError(t, err, name)
			assert.Equal(t, decimalStrings(one.Crossings), decimalStrings(got.Crossings), "%s: crossings of %+v", name, g)
			assert.Equal(t, sidesOf(one), sidesOf(got), "%s: sides of %+v", name, g)
		}
	}
}

// TestFleetSum: At, Terms and Add on sums, and the refusals that name
// the step.
func TestFleetSum(t *testing.T) {
	f := cost.Fleet{Fixed: d("10"), PerUnit: d("2"), RequestsPerUnit: d("100"), MinUnits: 1,
		Steps: []cost.Step{{PerUnit: d("3"), RequestsPerUnit: d("50")}, {PerUnit: d("1"), MinUnits: 4}}}
	for x, want := range map[string]string{
		"0":   "16", // 10 + 2·1 + 3·0 + 1·4
		"1":   "19", // + 3·1
		"50":  "19",
		"51":  "22",
		"100": "22",
		"101": "27", // 10 + 2·2 + 3·3 + 4
	} {
		assert.Equal(t, want, f.At(d(x)).String(), "At(%s)", x)
	}
	assert.Len(t, f.Terms(), 3)
	assert.Len(t, cost.Fleet{Fixed: d("1")}.Terms(), 0, "a fixed fleet has no step terms")
	g := f.Add(f)
	for _, x := range []string{"0", "1", "50", "51", "101", "777.7"} {
		assert.True(t, f.At(d(x)).Mul(d("2")).Equal(g.At(d(x))), "f.Add(f).At(%s) = %s, want twice %s", x, g.At(d(x)), f.At(d(x)))
	}
	line := cost.Curve{Breaks: []decimal.Decimal{d("0")}, Values: []decimal.Decimal{d("0")}, Slopes: []decimal.Decimal{d("1")}}
	for name, tc := range map[string]struct {
		fleet cost.Fleet
		want  string
	}{
		"negative step price":   {cost.Fleet{Steps: []cost.Step{{}, {PerUnit: d("-1")}}}, "fleet.steps[1]"},
		"negative step minimum": {cost.Fleet{Steps: []cost.Step{{MinUnits: -1}}}, "fleet.steps[0]"},
	} {
		_, err := cost.Solve(line, tc.fleet)
		var fe *cost.FieldError
		require.ErrorAs(t, err, &fe, name)
		assert.Equal(t, tc.want, fe.Field, name)
	}
	// Two steps whose average price per request is the curve's own: they
	// tie at every common edge, forever.
	_, err := cost.Solve(line, cost.Fleet{Steps: []cost.Step{{PerUnit: d("50"), RequestsPerUnit: d("100")}, {PerUnit: d("25"), RequestsPerUnit: d("50")}}})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "tracks the fleet forever"), "%v", err)
}

// BenchmarkBreakEvenHourly solves Lambda against a fleet that follows a
// 24-hour load shape: 24 step terms.
func BenchmarkBreakEvenHourly(b *testing.B) {
	c := embedded(b, platform.Snapshot2026)
	cv, err := cost.LambdaCurve(c, cost.LambdaUsage{DurationMS: d("120"), MemoryMB: 512, FreeTier: true})
	if err != nil {
		b.Fatal(err)
	}
	monthly, err := cost.EC2Monthly(c, cost.EC2Usage{InstanceType: "m5.large"})
	if err != nil {
		b.Fatal(err)
	}
	weights := strings.Fields("0.4 0.4 0.4 0.4 0.5 0.6 0.8 1 1.25 1.25 1.5 1.6 1.6 1.5 1.25 1.25 1.25 1.25 1 1 0.8 0.8 0.6 0.5")
	f := shapeFleet(d("73"), monthly, d("100000000"), 2, weights...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cost.Solve(cv, f); err != nil {
			b.Fatal(err)
		}
	}
}
