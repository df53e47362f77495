package runwhere

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
)

// sideAtRun is the cheaper side of a solve at x task runs, read as the
// fleets' steps make it: an interval holds (From, To], the last one all
// above its From.
func sideAtRun(be cost.BreakEven, x decimal.Decimal) cost.Side {
	for i, iv := range be.Intervals {
		if (i == 0 || x.GreaterThan(iv.From)) && (iv.Unbounded || !x.GreaterThan(iv.To)) {
			return iv.Cheaper
		}
	}
	return cost.Tie
}

// checkWholeRuns holds atWholeRuns to its meaning: at every whole run up
// to past the last edge, the side it gives is the solve's; its sides
// alternate; its crossings are its intervals' edges; it starts at zero.
func checkWholeRuns(t *testing.T, sol cost.BreakEven, perRun int64) cost.BreakEven {
	t.Helper()
	p := decimal.NewFromInt(perRun)
	got := atWholeRuns(sol, p)
	require.NotEmpty(t, got.Intervals)
	assert.True(t, got.Intervals[0].From.IsZero(), "starts at %s", got.Intervals[0].From)
	assert.True(t, got.Intervals[len(got.Intervals)-1].Unbounded, "the last interval is unbounded")
	require.Len(t, got.Crossings, len(got.Intervals)-1)
	for i := 1; i < len(got.Intervals); i++ {
		assert.NotEqual(t, got.Intervals[i-1].Cheaper, got.Intervals[i].Cheaper, "intervals %d and %d have the same side", i-1, i)
		assert.True(t, got.Crossings[i-1].Equal(got.Intervals[i].From) && got.Intervals[i-1].To.Equal(got.Intervals[i].From), "crossing %d", i-1)
	}
	last := sol.Intervals[len(sol.Intervals)-1].From
	runs := last.Div(p).IntPart() + 2
	for k := int64(1); k <= runs; k++ {
		x := decimal.NewFromInt(k * perRun)
		require.Equal(t, sideAtRun(sol, x), sideAtRun(got, x), "side at run %d (%s task runs)", k, x)
	}
	return got
}

// The solve of a 5-minute Fargate job of one task against Lambda (issue
// 27): Fargate's step of a whole run against Lambda's line crosses it
// within every run, but at every whole run Fargate, $0.002057 a run
// against Lambda's $0.0025, is the cheaper.
func TestAtWholeRunsFargateJob(t *testing.T) {
	d := decimal.RequireFromString
	sol := cost.BreakEven{
		Crossings: []decimal.Decimal{d("0.822765866532277953"), d("1"), d("1.645531733064555906"), d("2"), d("2.46829759959683386")},
		Intervals: []cost.Interval{
			{From: d("0"), To: d("0.822765866532277953"), Cheaper: cost.Serverless},
			{From: d("0.822765866532277953"), To: d("1"), Cheaper: cost.Server},
			{From: d("1"), To: d("1.645531733064555906"), Cheaper: cost.Serverless},
			{From: d("1.645531733064555906"), To: d("2"), Cheaper: cost.Server},
			{From: d("2"), To: d("2.46829759959683386"), Cheaper: cost.Serverless},
			{From: d("2.46829759959683386"), Unbounded: true, Cheaper: cost.Server},
		},
	}
	got := checkWholeRuns(t, sol, 1)
	assert.Empty(t, got.Crossings, "a job of whole runs never crosses here")
	require.Len(t, got.Intervals, 1)
	assert.Equal(t, cost.Server, got.Intervals[0].Cheaper)
}

// Random solves: edges on a grid of quarter runs and off it, any sides.
func TestAtWholeRunsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 2))
	for n := range 2000 {
		perRun := int64(1 + r.IntN(5))
		var sol cost.BreakEven
		x := decimal.Zero
		sides := []cost.Side{cost.Serverless, cost.Server, cost.Tie}
		si := r.IntN(3)
		for i := range 1 + r.IntN(12) {
			if i > 0 {
				step := decimal.New(int64(1+r.IntN(40)), -2) // 0.01 … 0.40 task runs
				if r.IntN(3) == 0 {
					step = decimal.NewFromInt(int64(r.IntN(3) + 1)) // whole task runs, edges on runs
				}
				next := x.Add(step)
				sol.Intervals[len(sol.Intervals)-1].To = next
				sol.Crossings = append(sol.Crossings, next)
				x = next
				si = (si + 1 + r.IntN(2)) % 3 // another side
			}
			sol.Intervals = append(sol.Intervals, cost.Interval{From: x, Cheaper: sides[si]})
		}
		sol.Intervals[len(sol.Intervals)-1].Unbounded = true
		t.Run(fmt.Sprint(n), func(t *testing.T) { checkWholeRuns(t, sol, perRun) })
	}
}
