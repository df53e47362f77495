package runwhere

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
)

// cheaperOfTwoOracle is cheaperOfTwo as it was before issue 27: every
// interval start of either solve, and at each the side of both looked up
// by scanning their intervals from the first. Quadratic, but plainly
// right, so it is the oracle for the merge.
func cheaperOfTwoOracle(a, b cost.BreakEven) cost.BreakEven {
	var points []decimal.Decimal
	for _, iv := range append(slices.Clone(a.Intervals), b.Intervals...) {
		points = append(points, iv.From)
	}
	slices.SortFunc(points, func(x, y decimal.Decimal) int { return x.Cmp(y) })
	points = slices.CompactFunc(points, func(x, y decimal.Decimal) bool { return x.Equal(y) })
	var out cost.BreakEven
	for _, x := range points {
		sa, sb := sideAtOracle(a, x), sideAtOracle(b, x)
		side := cost.Tie
		switch {
		case sa == cost.Server || sb == cost.Server:
			side = cost.Server
		case sa == cost.Serverless && sb == cost.Serverless:
			side = cost.Serverless
		}
		if n := len(out.Intervals); n > 0 {
			if out.Intervals[n-1].Cheaper == side {
				continue
			}
			out.Intervals[n-1].To = x
			out.Crossings = append(out.Crossings, x)
		}
		out.Intervals = append(out.Intervals, cost.Interval{From: x, Unbounded: true, Cheaper: side})
	}
	for i := range len(out.Intervals) - 1 {
		out.Intervals[i].Unbounded = false
	}
	return out
}

// sideAtOracle is the cheaper side of a solve at x.
func sideAtOracle(be cost.BreakEven, x decimal.Decimal) cost.Side {
	side := cost.Tie
	for _, iv := range be.Intervals {
		if iv.From.GreaterThan(x) {
			break
		}
		side = iv.Cheaper
	}
	return side
}

// solveOf builds a solve from its interval starts (ascending, the first
// normally 0) and the side of each interval.
func solveOf(t *testing.T, froms []string, sides string) cost.BreakEven {
	t.Helper()
	require.Len(t, sides, len(froms), "one side a start")
	var be cost.BreakEven
	for i, f := range froms {
		from := decimal.RequireFromString(f)
		if i > 0 {
			be.Intervals[i-1].To = from
			if be.Intervals[i-1].Cheaper != sideOfLetter(sides[i]) {
				be.Crossings = append(be.Crossings, from)
			}
		}
		be.Intervals = append(be.Intervals, cost.Interval{From: from, Unbounded: i == len(froms)-1, Cheaper: sideOfLetter(sides[i])})
	}
	return be
}

// sideOfLetter reads L (Lambda), S (server) and T (tie).
func sideOfLetter(c byte) cost.Side {
	switch c {
	case 'L':
		return cost.Serverless
	case 'S':
		return cost.Server
	}
	return cost.Tie
}

// randomSolve is a solve of up to n intervals over [0, ∞) with starts of
// mixed exponents (as a solve's exact and rounded quotients have) that
// often coincide with those of another solve drawn from the same small
// grid, and sometimes with each other (an empty interval).
func randomSolve(r *rand.Rand, n int) cost.BreakEven {
	var be cost.BreakEven
	x := decimal.Zero
	sides := []cost.Side{cost.Serverless, cost.Server, cost.Tie}
	for i := range r.IntN(n + 1) {
		if i > 0 {
			step := decimal.New(int64(r.IntN(4)), 0) // 0 repeats a start
			if r.IntN(3) == 0 {
				step = step.Add(decimal.New(int64(r.IntN(1000)), -int32(r.IntN(6))))
			}
			x = x.Add(step)
			be.Intervals[i-1].To = x
		}
		be.Intervals = append(be.Intervals, cost.Interval{From: x, Cheaper: sides[r.IntN(len(sides))]})
	}
	if n := len(be.Intervals); n > 0 {
		be.Intervals[n-1].Unbounded = true
		for i := 1; i < n; i++ {
			if be.Intervals[i].Cheaper != be.Intervals[i-1].Cheaper {
				be.Crossings = append(be.Crossings, be.Intervals[i].From)
			}
		}
	}
	return be
}

// requireSameSolve compares two solves decimal by decimal (1.0 and 1.00
// are the same point).
func requireSameSolve(t *testing.T, want, got cost.BreakEven, msg string) {
	t.Helper()
	require.Len(t, got.Intervals, len(want.Intervals), "%s: intervals %v, want %v", msg, got.Intervals, want.Intervals)
	for i, w := range want.Intervals {
		g := got.Intervals[i]
		assert.True(t, w.From.Equal(g.From), "%s: interval %d from %s, want %s", msg, i, g.From, w.From)
		assert.Equal(t, w.Unbounded, g.Unbounded, "%s: interval %d unbounded", msg, i)
		if !w.Unbounded {
			assert.True(t, w.To.Equal(g.To), "%s: interval %d to %s, want %s", msg, i, g.To, w.To)
		}
		assert.Equal(t, w.Cheaper, g.Cheaper, "%s: interval %d cheaper", msg, i)
	}
	require.Len(t, got.Crossings, len(want.Crossings), "%s: crossings %v, want %v", msg, got.Crossings, want.Crossings)
	for i, w := range want.Crossings {
		assert.True(t, w.Equal(got.Crossings[i]), "%s: crossing %d at %s, want %s", msg, i, got.Crossings[i], w)
	}
}

// TestCheaperOfTwoCrafted checks the merge on solves built by hand, against
// the figures by hand and against the oracle.
func TestCheaperOfTwoCrafted(t *testing.T) {
	type solve struct {
		froms []string
		sides string
	}
	tests := []struct {
		name string
		a, b solve
		want solve
	}{
		{name: "both empty"},
		{
			name: "one empty: the other ties with nothing", a: solve{[]string{"0", "5"}, "LS"},
			want: solve{[]string{"0", "5"}, "TS"},
		},
		{
			name: "the same solve twice", a: solve{[]string{"0", "5", "7"}, "LSL"}, b: solve{[]string{"0", "5", "7"}, "LSL"},
			want: solve{[]string{"0", "5", "7"}, "LSL"},
		},
		{
			// Lambda is cheaper only where it beats both fleets: the
			// server side holds from a's 2 to b's 8.
			name: "interleaved", a: solve{[]string{"0", "2", "6"}, "LSL"}, b: solve{[]string{"0", "4", "8"}, "LSL"},
			want: solve{[]string{"0", "2", "8"}, "LSL"},
		},
		{
			name: "disjoint steps", a: solve{[]string{"0", "2", "3"}, "LSL"}, b: solve{[]string{"0", "5", "6"}, "LSL"},
			want: solve{[]string{"0", "2", "3", "5", "6"}, "LSLSL"},
		},
		{
			// 1.0 and 1.00 are one point: the merge must not split it.
			name: "equal points written differently", a: solve{[]string{"0", "1.0", "2"}, "LSL"}, b: solve{[]string{"0.000", "1.00", "3"}, "LTL"},
			want: solve{[]string{"0", "1", "2", "3"}, "LSTL"},
		},
		{
			// A tie with either fleet is a tie, unless the other is cheaper.
			name: "ties", a: solve{[]string{"0", "1", "2"}, "TLT"}, b: solve{[]string{"0", "1.5"}, "LT"},
			want: solve{[]string{"0", "1", "1.5"}, "TLT"},
		},
		{
			// Of two intervals that start at one point, the second holds.
			name: "an empty interval", a: solve{[]string{"0", "1", "1", "4"}, "LSTL"}, b: solve{[]string{"0"}, "L"},
			want: solve{[]string{"0", "1", "4"}, "LTL"},
		},
		{
			// Before a solve's first interval its side is a tie.
			name: "a solve starting past zero", a: solve{[]string{"3"}, "L"}, b: solve{[]string{"0", "5"}, "LS"},
			want: solve{[]string{"0", "3", "5"}, "TLS"},
		},
		{
			name: "one long, one short", a: solve{[]string{"0", "1", "2", "3", "4", "5", "6"}, "LSLSLSL"}, b: solve{[]string{"0"}, "S"},
			want: solve{[]string{"0"}, "S"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := solveOf(t, tc.a.froms, tc.a.sides), solveOf(t, tc.b.froms, tc.b.sides)
			want := solveOf(t, tc.want.froms, tc.want.sides)
			requireSameSolve(t, want, cheaperOfTwoOracle(a, b), "the oracle")
			requireSameSolve(t, want, cheaperOfTwo(a, b), "cheaperOfTwo")
			requireSameSolve(t, want, cheaperOfTwo(b, a), "cheaperOfTwo, swapped")
		})
	}
}

// TestCheaperOfTwoRandom checks the merge against the oracle on random
// solves, small ones (where every coincidence happens) and long ones.
func TestCheaperOfTwoRandom(t *testing.T) {
	tests := []struct {
		name   string
		n      int // intervals at most
		rounds int
	}{
		{name: "short", n: 6, rounds: 3000},
		{name: "long", n: 400, rounds: 40},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(27, uint64(tc.n)))
			for i := range tc.rounds {
				a, b := randomSolve(r, tc.n), randomSolve(r, tc.n)
				requireSameSolve(t, cheaperOfTwoOracle(a, b), cheaperOfTwo(a, b), fmt.Sprintf("round %d: cheaperOfTwo(%v, %v)", i, a.Intervals, b.Intervals))
			}
		})
	}
}
