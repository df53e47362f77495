package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// The 2016 break-even table quoted by the 2017 deck, from trek10's "AWS Lambda
// Pricing in Context – A Comparison to EC2" (https://www.trek10.com/blog/lambda-cost/,
// 17 Aug 2016): Lambda at 2016 prices ($0.20/M requests, $0.00001667 per GB-s,
// 100 ms rounding, no free compute) against one m4.large at $0.12/h × 730 h.
// Assumption set from shared/reference/pricing.md §3.
func TestTrek10BreakEvenTable(t *testing.T) {
	c := embedded(t, platform.Snapshot2017)
	server, err := cost.EC2Monthly(c, cost.EC2Usage{InstanceType: "m4.large", HourlyPrice: "0.12"})
	require.NoError(t, err)
	require.True(t, d("87.6").Equal(server), "EC2Monthly(m4.large @ 0.12) = %s, want 87.6", server)

	rows := []struct {
		name       string
		durationMS string
		memoryMB   int
		perHour    int64 // published requests per hour
		step       int64 // the table's rounding step
		perSecond  string
	}{
		{"100 ms at 128 MB", "100", 128, 295000, 1000, "81.9"},
		{"200 ms at 512 MB", "200", 512, 64000, 1000, "17.8"},
		{"200 ms at 1 GB", "200", 1024, 34000, 1000, "9.4"},
		{"1 s at 1 GB", "1000", 1024, 7100, 100, "2.0"},
	}
	roundTo := func(x decimal.Decimal, step int64) int64 {
		s := decimal.NewFromInt(step)
		return x.Div(s).Round(0).Mul(s).IntPart()
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			u := cost.LambdaUsage{DurationMS: d(row.durationMS), MemoryMB: row.memoryMB}

			// Plain $0.12/h, no free tier at all: rows 2-4 round to the table;
			// row 1 (293,847.6/h) is within 0.5 % of 295,000.
			be, err := cost.LambdaBreakEven(c, u, cost.FixedFleet(server))
			require.NoError(t, err)
			require.Len(t, be.Crossings, 1)
			assert.Equal(t, cost.Serverless, be.Intervals[0].Cheaper)
			assert.Equal(t, cost.Server, be.Intervals[1].Cheaper)
			perHour := cost.PerHour(be.Crossings[0])
			if row.perHour == 295000 {
				ratio := perHour.Div(decimal.NewFromInt(row.perHour)).Sub(decimal.NewFromInt(1)).Abs()
				assert.True(t, ratio.LessThan(d("0.005")), "break-even %s/h, want 295,000 ± 0.5 %%", perHour)
			} else {
				assert.Equal(t, row.perHour, roundTo(perHour, row.step), "break-even %s/h", perHour)
			}

			// Assumption set (a): the 1M free requests credited ($0.20) and no
			// free GB-s. Crediting $0.20 on the Lambda side equals adding it to
			// the server side once past 1M requests, so all four rows match.
			be, err = cost.LambdaBreakEven(c, u, cost.FixedFleet(server.Add(d("0.20"))))
			require.NoError(t, err)
			require.Len(t, be.Crossings, 1)
			perHour = cost.PerHour(be.Crossings[0])
			assert.Equal(t, row.perHour, roundTo(perHour, row.step), "break-even (a) %s/h", perHour)
			// requests per second = published per-hour figure / 3600, to 0.1
			ps := decimal.NewFromInt(row.perHour).Div(decimal.NewFromInt(3600)).StringFixed(1)
			assert.Equal(t, row.perSecond, ps)
		})
	}
}

func TestSolveFixedFleetWithFreeTier(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	// 128 MB, 100 ms, free tier: the curve is flat up to 1M requests, then
	// requests only, then duration from 32M requests (400,000 / 0.0125 GB-s).
	u := cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128, FreeTier: true}
	cv, err := cost.LambdaCurve(c, u)
	require.NoError(t, err)
	want := []string{"0", "1000000", "32000000", "480032000000", "1200032000000"}
	require.Len(t, cv.Breaks, len(want))
	for i, w := range want {
		assert.True(t, d(w).Equal(cv.Breaks[i]), "break %d = %s, want %s", i, cv.Breaks[i], w)
	}
	// At every break the curve equals the bill.
	for _, x := range append(cv.Breaks, d("5000000"), d("999999999999")) {
		b, err := cost.Lambda(c, withRequests(u, x))
		require.NoError(t, err)
		assert.True(t, b.Total().Equal(cv.At(x)), "curve(%s) = %s, bill %s", x, cv.At(x), b.Total())
	}
	// Against $10/month: Lambda costs 0.2 + 0.0000002·(R−32M) + 0.0000166667·0.0125·(R−32M)
	// past 32M; the solver's crossing must price at exactly $10 (to DivScale).
	be, err := cost.Solve(cv, cost.FixedFleet(d("10")))
	require.NoError(t, err)
	require.Len(t, be.Crossings, 1)
	at := cv.At(be.Crossings[0])
	assert.True(t, at.Sub(d("10")).Abs().LessThan(d("0.000000000001")), "cost at crossing = %s", at)
}

func withRequests(u cost.LambdaUsage, r decimal.Decimal) cost.LambdaUsage {
	u.Requests = r
	return u
}

func TestSolveStepFleet(t *testing.T) {
	// A hand-made curve: $0 up to 100 requests, then $1 per request.
	cv := cost.Curve{
		Breaks: []decimal.Decimal{d("0"), d("100")},
		Values: []decimal.Decimal{d("0"), d("0")},
		Slopes: []decimal.Decimal{d("0"), d("1")},
	}
	tests := []struct {
		name      string
		fleet     cost.Fleet
		crossings []string
		sides     []cost.Side
	}{
		{
			// Each server serves 100 requests for $50 (at least one): Lambda's
			// (R − 100) passes the 3-server $150 at R = 250 and stays above.
			name:      "step fleet, cheaper per request than the curve",
			fleet:     cost.Fleet{PerUnit: d("50"), RequestsPerUnit: d("100"), MinUnits: 1},
			crossings: []string{"250"},
			sides:     []cost.Side{cost.Serverless, cost.Server},
		},
		{
			// $95 per 100 requests: a sawtooth. In step k ((k−1)·100, k·100] the
			// fleet costs 95k; Lambda reaches it at 95k + 100 when k ≥ 21, and the
			// next server makes the fleet dearer again at 100k, until k = 39.
			name:  "step fleet, sawtooth",
			fleet: cost.Fleet{PerUnit: d("95"), RequestsPerUnit: d("100")},
			crossings: func() []string {
				var out []string
				for k := 21; k <= 38; k++ {
					out = append(out, decimal.NewFromInt(int64(95*k+100)).String(), decimal.NewFromInt(int64(100*k)).String())
				}
				return append(out, "3805")
			}(),
			sides: func() []cost.Side {
				out := []cost.Side{cost.Serverless}
				for k := 21; k <= 38; k++ {
					out = append(out, cost.Server, cost.Serverless)
				}
				return append(out, cost.Server)
			}(),
		},
		{
			name:      "fixed fleet",
			fleet:     cost.FixedFleet(d("50")),
			crossings: []string{"150"},
			sides:     []cost.Side{cost.Serverless, cost.Server},
		},
		{
			name:      "free fleet is never dearer",
			fleet:     cost.Fleet{},
			crossings: []string{"100"},
			sides:     []cost.Side{cost.Tie, cost.Server},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be, err := cost.Solve(cv, tc.fleet)
			require.NoError(t, err)
			got := make([]string, len(be.Crossings))
			for i, x := range be.Crossings {
				got[i] = x.String()
			}
			assert.Equal(t, tc.crossings, got)
			sides := make([]cost.Side, len(be.Intervals))
			for i, iv := range be.Intervals {
				sides[i] = iv.Cheaper
			}
			assert.Equal(t, tc.sides, sides)
			assert.True(t, be.Intervals[len(be.Intervals)-1].Unbounded)
		})
	}
}

// Sampled check: on every interval the claimed side is cheaper at its midpoint.
func TestSolveStepFleetAgreesWithSampling(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	u := cost.LambdaUsage{DurationMS: d("120"), MemoryMB: 512, FreeTier: true}
	cv, err := cost.LambdaCurve(c, u)
	require.NoError(t, err)
	monthly, err := cost.EC2Monthly(c, cost.EC2Usage{InstanceType: "m5.large"})
	require.NoError(t, err)
	f := cost.Fleet{Fixed: d("73"), PerUnit: monthly, RequestsPerUnit: d("100000000"), MinUnits: 2}
	be, err := cost.Solve(cv, f)
	require.NoError(t, err)
	require.NotEmpty(t, be.Crossings)
	for _, iv := range be.Intervals {
		to := iv.To
		if iv.Unbounded {
			to = iv.From.Mul(d("2")).Add(d("1000000"))
		}
		mid := iv.From.Add(to).Div(d("2"))
		l, s := cv.At(mid), f.At(mid)
		switch iv.Cheaper {
		case cost.Serverless:
			assert.True(t, l.LessThan(s), "at %s lambda %s, fleet %s", mid, l, s)
		case cost.Server:
			assert.True(t, s.LessThan(l), "at %s lambda %s, fleet %s", mid, l, s)
		}
	}
}

func TestLambdaVsFargate(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	l := cost.LambdaUsage{DurationMS: d("50"), MemoryMB: 512, FreeTier: true}
	task := cost.FargateUsage{VCPU: d("0.5"), MemoryMB: 1024}
	be, err := cost.LambdaVsFargate(c, l, task, d("100000000"), 1)
	require.NoError(t, err)
	require.NotEmpty(t, be.Crossings)
	assert.Equal(t, cost.Serverless, be.Intervals[0].Cheaper)
}
