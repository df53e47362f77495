package cost_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// A 128 MB, 100 ms invocation at 2017-12 prices, no free tier: 0.0125 GB-s
// × $0.00001667 + $0.0000002 = $0.000000408375 a request, linear from 0.
var perRequest2017 = d("0.000000408375")

func lambda2017Linear() cost.LambdaUsage {
	return cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128}
}

func sidesOf(be cost.BreakEven) []cost.Side {
	out := make([]cost.Side, len(be.Intervals))
	for i, iv := range be.Intervals {
		out[i] = iv.Cheaper
	}
	return out
}

// TestBreakEvenCrossingCounts has fixtures with no, one and many crossings,
// each worked out by hand.
func TestBreakEvenCrossingCounts(t *testing.T) {
	old := embedded(t, platform.Snapshot2017)
	now := embedded(t, platform.Snapshot2026)
	m5, err := cost.EC2Monthly(now, cost.EC2Usage{InstanceType: "m5.large"})
	require.NoError(t, err)
	require.True(t, d("70.08").Equal(m5), "EC2Monthly(m5.large) = %s, want 730 × 0.096 = 70.08", m5)

	// Sawtooth: a unit of 10M requests costs 97 % of what Lambda charges for
	// them, P = 0.97 × 10M × 0.000000408375 = $3.9612375. In step k
	// ((k−1)·10M, k·10M] the fleet costs kP; Lambda reaches kP at
	// kP/c = 9.7M·k, inside the step while 10(k−1) < 9.7k, i.e. k ≤ 33; at
	// the step's end the next unit makes the fleet dearer again while
	// c·k·10M < (k+1)P, i.e. 4.08375k < 3.9612375(k+1), k ≤ 32.
	var sawtooth []string
	sawSides := []cost.Side{cost.Serverless}
	for k := int64(1); k <= 33; k++ {
		sawtooth = append(sawtooth, decimal.NewFromInt(9_700_000*k).String())
		sawSides = append(sawSides, cost.Server)
		if k <= 32 {
			sawtooth = append(sawtooth, decimal.NewFromInt(10_000_000*k).String())
			sawSides = append(sawSides, cost.Serverless)
		}
	}
	tests := []struct {
		name      string
		cat       *cost.Catalogue
		usage     cost.LambdaUsage
		fleet     cost.Fleet
		crossings []string
		sides     []cost.Side
	}{
		{
			// $5 per 10M requests, at least one unit: the fleet costs at least
			// 5e-7 × x > 4.08375e-7 × x, and $5 > $0 at x = 0.
			name: "none: lambda always cheaper", cat: old, usage: lambda2017Linear(),
			fleet: cost.Fleet{PerUnit: d("5"), RequestsPerUnit: d("10000000"), MinUnits: 1},
			sides: []cost.Side{cost.Serverless},
		},
		{
			// 10 warm environments of 1 GB all month cost 10 × 2,628,000 GB-s
			// × $0.0000041667 = $109.500876 before any request; one m5.large
			// is $70.08.
			name: "none: fleet always cheaper", cat: now,
			usage: cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 1024, ProvisionedConcurrency: 10},
			fleet: cost.FixedFleet(m5),
			sides: []cost.Side{cost.Server},
		},
		{
			// $40.8375 / $0.000000408375 = 100,000,000 requests exactly.
			name: "one: fixed fleet", cat: old, usage: lambda2017Linear(),
			fleet:     cost.FixedFleet(d("40.8375")),
			crossings: []string{"100000000"},
			sides:     []cost.Side{cost.Serverless, cost.Server},
		},
		{
			// 2026-11, free tier: $0 to 1M requests, then $0.0000002 a request
			// to 32M (400,000 GB-s / 0.0125), Lambda then costs $6.20 and adds
			// $0.00000040833375 a request. 10M requests later it costs
			// 6.2 + 4.0833375 = $10.2833375, the fleet's one-unit plateau
			// (up to 1e9 requests). Past the plateau a unit serves 1e9 requests
			// for $10.28: the fleet stays cheaper.
			name: "one: inside a plateau that spans three curve pieces", cat: now,
			usage:     cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128, FreeTier: true},
			fleet:     cost.Fleet{PerUnit: d("10.2833375"), RequestsPerUnit: d("1000000000"), MinUnits: 1},
			crossings: []string{"42000000"},
			sides:     []cost.Side{cost.Serverless, cost.Server},
		},
		{
			// The same free-tier curve against a free fixed fleet: a tie while
			// Lambda is free, then the fleet.
			name: "one: tie, then the fleet", cat: now,
			usage:     cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128, FreeTier: true},
			fleet:     cost.FixedFleet(d("0")),
			crossings: []string{"1000000"},
			sides:     []cost.Side{cost.Tie, cost.Server},
		},
		{
			name: "many: sawtooth of 65 crossings", cat: old, usage: lambda2017Linear(),
			fleet:     cost.Fleet{PerUnit: d("3.9612375"), RequestsPerUnit: d("10000000"), MinUnits: 1},
			crossings: sawtooth,
			sides:     sawSides,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be, err := cost.LambdaBreakEven(tc.cat, tc.usage, tc.fleet)
			require.NoError(t, err)
			got := make([]string, len(be.Crossings))
			for i, x := range be.Crossings {
				got[i] = x.String()
			}
			want := tc.crossings
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, got, "LambdaBreakEven(%s) crossings", tc.name)
			assert.Equal(t, tc.sides, sidesOf(be), "LambdaBreakEven(%s) sides", tc.name)
			require.Len(t, be.Intervals, len(tc.sides))
			assert.True(t, be.Intervals[len(be.Intervals)-1].Unbounded, "last interval is unbounded")
			for i, iv := range be.Intervals {
				if i == 0 {
					assert.True(t, iv.From.IsZero(), "first interval starts at %s, want 0", iv.From)
					continue
				}
				assert.True(t, iv.From.Equal(be.Intervals[i-1].To), "interval %d starts at %s, the previous ends at %s", i, iv.From, be.Intervals[i-1].To)
				assert.True(t, iv.From.Equal(be.Crossings[i-1]), "interval %d starts at %s, crossing %s", i, iv.From, be.Crossings[i-1])
			}
		})
	}
}

// TestLambdaVsFargateCrossings: 2026-11, 128 MB, 100 ms, no free tier:
// c = 0.0000002 + 0.0125 × 0.0000166667 = $0.00000040833375 a request,
// against the smallest Fargate task (0.25 vCPU / 0.5 GB, $9.010025 a month at the hourly rates).
func TestLambdaVsFargateCrossings(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	l := cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128}
	task := cost.FargateUsage{VCPU: d("0.25"), MemoryMB: 512}
	per := d("0.00000040833375")
	// A month of 0.25 vCPU / 0.5 GB at the hourly rates: 730 h × (0.25 ×
	// 0.04048 + 0.5 × 0.004445) = 730 × 0.0123425 = $9.010025.
	monthly := d("9.010025")
	tests := []struct {
		name            string
		requestsPerTask string
		minTasks        int
		count           int
		first           decimal.Decimal // first crossing, to 1e-9 requests
	}{
		// A fixed pair of tasks, $18.02005: one crossing at 18.02005 / c.
		{"two fixed tasks", "0", 2, 1, monthly.Mul(d("2")).DivRound(per, 24)},
		// Each task serves 22.5M requests, c × 22.5M = $9.18750938 > $9.010025:
		// in step k Lambda passes the fleet at 9.010025k / c while
		// (k−1) × 22.5M < that, i.e. k < 1 / (1 − 9.010025/9.18750938) ≈ 51.8,
		// so 51 times, and falls back below it at the step's end while
		// 9.18750938k < 9.010025(k+1), i.e. k < 50.8, 50 times: 101 crossings
		// below 1.2e9 requests. Past tier 1 (6e9 GB-s = 480e9 requests)
		// Lambda adds only 22.5M × (0.0000002 + 0.0125 × 0.000015) = $8.71875
		// a step against a task's $9.010025: the $3,780.33 gap there (Lambda
		// $196,000.2, 21,334 tasks $192,219.87) closes by $0.291348 a step
		// and stays within one task's price for 31 steps (9.010025 /
		// 0.291348 ≈ 30.9), 61 more crossings (a brute force over every step
		// in exact fractions agrees), after which Lambda is cheaper for good.
		{"a task per 22.5M requests", "22500000", 1, 162, monthly.DivRound(per, 24)},
		// No tasks and no fixed fleet: a free fleet; Lambda at 0 requests is
		// free too, then dearer.
		{"no tasks", "0", 0, 0, decimal.Zero},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be, err := cost.LambdaVsFargate(c, l, task, d(tc.requestsPerTask), tc.minTasks)
			require.NoError(t, err)
			require.Len(t, be.Crossings, tc.count, "LambdaVsFargate(%s) crossings", tc.name)
			if tc.count == 0 {
				assert.Equal(t, []cost.Side{cost.Server}, sidesOf(be))
				return
			}
			assert.True(t, be.Crossings[0].Sub(tc.first).Abs().LessThan(d("0.000000001")),
				"LambdaVsFargate(%s) first crossing = %s, want %s", tc.name, be.Crossings[0], tc.first)
			for i, iv := range be.Intervals {
				want := cost.Serverless // alternating, from Lambda's side
				if i%2 == 1 {
					want = cost.Server
				}
				assert.Equal(t, want, iv.Cheaper, "LambdaVsFargate(%s) interval %d from %s", tc.name, i, iv.From)
			}
			below := 0
			for _, x := range be.Crossings {
				if x.LessThan(d("1200000000")) {
					below++
				}
			}
			assert.Equal(t, min(tc.count, 101), below, "LambdaVsFargate(%s) crossings below 1.2e9 requests", tc.name)
		})
	}
	_, err := cost.LambdaVsFargate(c, l, task, d("0"), -1)
	var fe *cost.FieldError
	require.True(t, errors.As(err, &fe), "LambdaVsFargate(min tasks -1) = %v, want a field error", err)
	assert.Equal(t, "fargate.min_tasks", fe.Field)
}

// TestSolveRefusals covers every message Solve gives instead of an answer.
func TestSolveRefusals(t *testing.T) {
	line := func(v0, slope string) cost.Curve {
		return cost.Curve{Breaks: []decimal.Decimal{d("0")}, Values: []decimal.Decimal{d(v0)}, Slopes: []decimal.Decimal{d(slope)}}
	}
	tests := []struct {
		name  string
		curve cost.Curve
		fleet cost.Fleet
		want  string
		field string // for a *FieldError
	}{
		{
			// Lambda = x and the fleet $100 per 100 requests: they tie at every
			// multiple of 100 and Lambda is cheaper in between, forever.
			name: "tracks the fleet forever", curve: line("0", "1"),
			fleet: cost.Fleet{PerUnit: d("100"), RequestsPerUnit: d("100")},
			want:  "the curve tracks the fleet forever",
		},
		{
			// Lambda = 1e6 + x against $1.000001 per request: the fleet's
			// average slope exceeds Lambda's by 1e-6, so the band where either
			// may be cheaper is PC / 1e-6 ≈ 1,000,001 steps wide.
			name: "too many steps", curve: line("1000000", "1"),
			fleet: cost.Fleet{PerUnit: d("1.000001"), RequestsPerUnit: d("1")},
			want:  fmt.Sprintf("more than %d fleet steps", cost.MaxFleetSteps),
		},
		{
			name:  "curve without slopes",
			curve: cost.Curve{Breaks: []decimal.Decimal{d("0")}, Values: []decimal.Decimal{d("0")}},
			want:  "breaks do not match", field: "curve",
		},
		{name: "empty curve", want: "breaks do not match", field: "curve"},
		{name: "negative fixed", curve: line("0", "1"), fleet: cost.Fleet{Fixed: d("-1")}, want: "negative field", field: "fleet"},
		{name: "negative per unit", curve: line("0", "1"), fleet: cost.Fleet{PerUnit: d("-1")}, want: "negative field", field: "fleet"},
		{name: "negative requests per unit", curve: line("0", "1"), fleet: cost.Fleet{RequestsPerUnit: d("-1")}, want: "negative field", field: "fleet"},
		{name: "negative min units", curve: line("0", "1"), fleet: cost.Fleet{MinUnits: -1}, want: "negative field", field: "fleet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be, err := cost.Solve(tc.curve, tc.fleet)
			require.Error(t, err, "Solve(%s) = %+v, want an error", tc.name, be)
			assert.True(t, strings.HasPrefix(err.Error(), "cost: "), "error %q lacks the package prefix", err)
			assert.Contains(t, err.Error(), tc.want)
			if tc.field != "" {
				var fe *cost.FieldError
				require.True(t, errors.As(err, &fe), "Solve(%s) error %v is not a *FieldError", tc.name, err)
				assert.Equal(t, tc.field, fe.Field)
			}
		})
	}
}

// oracleSegments is the answer of a solve worked out by brute force:
// every curve piece is cut at every fleet step up to end, and on each cut
// the difference (linear there) is signed exactly, its root taken at 30
// places. No band, no shortcut: a slower, independent reading of Solve's
// contract. A one-step fleet is a sum of one term, so sumOracle
// (fleetsum_test.go) is the whole of it.
func oracleSegments(cv cost.Curve, f cost.Fleet, end decimal.Decimal) (from []decimal.Decimal, sides []cost.Side) {
	return sumOracle(cv, f, end)
}

func sortDecimals(ds []decimal.Decimal) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].LessThan(ds[j]) })
}

// checkAgainstOracle asserts Solve finds every crossing the brute force
// finds below end, at the same place to 1e-12 requests, with the same
// sides. Solve's answer past end is not compared.
func checkAgainstOracle(t *testing.T, what string, cv cost.Curve, f cost.Fleet, end decimal.Decimal) {
	t.Helper()
	be, err := cost.Solve(cv, f)
	require.NoError(t, err, what)
	from, sides := oracleSegments(cv, f, end)
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
		return
	}
	for i, x := range crossings {
		assert.True(t, x.Sub(from[i+1]).Abs().LessThan(d("0.000000000001")), "%s: crossing %d = %s, want %s", what, i, x, from[i+1])
	}
}

// TestSolveFindsEveryCrossing compares Solve with the brute force on
// hand-picked and seeded fleets around real and hand-made curves, so that a
// shortcut that skips a step (a band too narrow, a piece decided without
// looking) drops a crossing here.
func TestSolveFindsEveryCrossing(t *testing.T) {
	now := embedded(t, platform.Snapshot2026)
	old := embedded(t, platform.Snapshot2017)
	curve := func(c *cost.Catalogue, u cost.LambdaUsage) cost.Curve {
		cv, err := cost.LambdaCurve(c, u)
		require.NoError(t, err)
		return cv
	}
	curves := []struct {
		name string
		cv   cost.Curve
		c    decimal.Decimal // cost of a request on the curve's main piece
	}{
		{"2017 linear", curve(old, lambda2017Linear()), perRequest2017},
		{"2026 free tier", curve(now, cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128, FreeTier: true}), d("0.00000040833375")},
		// 5 warm environments, 1 s invocations: capacity 5 × 2,628,000 =
		// 13,140,000 requests at 1 GB × 0.0000097222 + 0.0000002, then
		// on demand at 1 GB × 0.0000166667 + 0.0000002.
		{"2026 provisioned", curve(now, cost.LambdaUsage{DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 5}), d("0.0000168667")},
		// Starts dearer ($500) and is cheaper at the margin than a fleet at
		// $2 a request: the last piece begins on the fleet's side.
		{"hand-made, dearer at first", cost.Curve{
			Breaks: []decimal.Decimal{d("0")}, Values: []decimal.Decimal{d("500")}, Slopes: []decimal.Decimal{d("1")},
		}, d("1")},
		// Flat, then steep, then gentle.
		{"hand-made, three pieces", cost.Curve{
			Breaks: []decimal.Decimal{d("0"), d("1000"), d("5000")},
			Values: []decimal.Decimal{d("10"), d("10"), d("410")},
			Slopes: []decimal.Decimal{d("0"), d("0.1"), d("0.05")},
		}, d("0.05")},
	}
	for _, cc := range curves {
		t.Run(cc.name+"/hand-picked", func(t *testing.T) {
			for _, f := range []cost.Fleet{
				{PerUnit: cc.c.Mul(d("1000000")).Mul(d("2")), RequestsPerUnit: d("1000000")},
				{PerUnit: cc.c.Mul(d("1000000")).Mul(d("0.97")), RequestsPerUnit: d("1000000"), MinUnits: 3},
				{Fixed: d("25"), PerUnit: cc.c.Mul(d("3000")).Mul(d("0.9")), RequestsPerUnit: d("3000"), MinUnits: 2},
				cost.FixedFleet(d("100")),
			} {
				checkAgainstOracle(t, fmt.Sprintf("Solve(%s, %+v)", cc.name, f), cc.cv, f, f.RequestsPerUnit.Mul(d("400")).Add(d("100000000")))
			}
		})
		for _, seed := range propertySeeds {
			t.Run(fmt.Sprintf("%s/seed %d", cc.name, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, seed))
				for range 4 {
					// A unit's price within ±10 % of what the curve charges for
					// its requests (never exactly equal: that would track the
					// curve forever), a fixed part and a minimum.
					factor := pick(r, d("0.9"), d("0.95"), d("0.99"), d("1.01"), d("1.05"), d("1.1"))
					per := pick(r, d("1000"), d("250000"), d("1000000"), d("7000000"))
					f := cost.Fleet{
						Fixed:           randDecimal(r, 50, 2),
						PerUnit:         cc.c.Mul(per).Mul(factor),
						RequestsPerUnit: per,
						MinUnits:        r.IntN(6),
					}
					checkAgainstOracle(t, fmt.Sprintf("Solve(%s, %+v)", cc.name, f), cc.cv, f, per.Mul(d("400")))
				}
			})
		}
	}
}

// TestSolveStepBoundIsInclusive: Solve examines up to MaxFleetSteps steps
// and refuses one more. Lambda = v0 + 0.99997x against $0.99998 per
// request (C = 1): L − S lies within one unit's price where
// 0 ≤ v0 + 0.99997x − 0.99998x ≤ 0.99998, i.e. x ∈ [(v0 − 0.99998) / 0.00001,
// v0 / 0.00001]. For v0 = 1 that is [2, 100000], steps 2..100000 widened by
// one each side for rounding: steps 1 to 100,001, 100,000 of them. For
// v0 = 1.000001 it is [2.1, 100000.1]: 100,001 steps.
func TestSolveStepBoundIsInclusive(t *testing.T) {
	require.Equal(t, 100000, cost.MaxFleetSteps)
	f := cost.Fleet{PerUnit: d("0.99998"), RequestsPerUnit: d("1")}
	line := func(v0 string) cost.Curve {
		return cost.Curve{Breaks: []decimal.Decimal{d("0")}, Values: []decimal.Decimal{d(v0)}, Slopes: []decimal.Decimal{d("0.99997")}}
	}
	be, err := cost.Solve(line("1"), f)
	require.NoError(t, err, "Solve(%d steps)", cost.MaxFleetSteps)
	// Lambda is dearer in the first two steps, then cheaper at each step's
	// start and dearer by its end until they tie at 100,000 requests
	// (1 + 99,997 = 0.99998 × 100,000): many crossings, Lambda last.
	assert.Greater(t, len(be.Crossings), 100000)
	assert.Equal(t, cost.Server, be.Intervals[0].Cheaper)
	assert.Equal(t, cost.Serverless, be.Intervals[len(be.Intervals)-1].Cheaper)
	_, err = cost.Solve(line("1.000001"), f)
	require.Error(t, err, "Solve(%d steps)", cost.MaxFleetSteps+1)
	assert.Contains(t, err.Error(), "more than 100000 fleet steps")
}
