package runwhere

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
)

// jobAtParallelism is issue 27's job: 30 runs a month of 5 minutes at
// 512 MB, parallelism tasks a run. A run is a step of parallelism task
// runs on every fleet, so the fleets cross Lambda's line thousands of
// times.
func jobAtParallelism(tb testing.TB, parallelism int64) Scenario {
	tb.Helper()
	s, err := ParseScenario(fmt.Appendf(nil, "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512, parallelism: %d}\n", parallelism))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkJobBreakEven evaluates the job whose break-even was quadratic
// in its crossings (issue 27: 75 s at parallelism 10,000, 129 s at the
// bound of 1e9).
func BenchmarkJobBreakEven(b *testing.B) {
	for _, p := range []int64{1000, 10000, 1000000000} {
		b.Run(fmt.Sprintf("parallelism=%d", p), func(b *testing.B) {
			s := jobAtParallelism(b, p)
			for b.Loop() {
				if _, err := Evaluate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// alternating is a solve of n intervals over [0, ∞), the cheaper side
// alternating from first at every step from offset on, the way a fleet
// that grows in steps crosses Lambda's line: points at offset + k·step.
func alternating(n int, first cost.Side, offset, step decimal.Decimal) cost.BreakEven {
	var be cost.BreakEven
	side := first
	for k := range n {
		from := decimal.Zero
		if k > 0 {
			from = offset.Add(step.Mul(decimal.NewFromInt(int64(k - 1))))
			be.Intervals[k-1].To = from
			be.Crossings = append(be.Crossings, from)
		}
		be.Intervals = append(be.Intervals, cost.Interval{From: from, Unbounded: k == n-1, Cheaper: side})
		if side == cost.Serverless {
			side = cost.Server
		} else {
			side = cost.Serverless
		}
	}
	return be
}

// BenchmarkCheaperOfTwo merges two solves of n intervals each whose
// points interleave, with exponents that differ (as a solve's quotients
// do) so that every comparison rescales.
func BenchmarkCheaperOfTwo(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("intervals=%d", n), func(b *testing.B) {
			x := alternating(n, cost.Serverless, decimal.RequireFromString("1000.5"), decimal.RequireFromString("3000"))
			y := alternating(n, cost.Serverless, decimal.RequireFromString("1500.25"), decimal.RequireFromString("2999.999"))
			for b.Loop() {
				cheaperOfTwo(x, y)
			}
		})
	}
}
