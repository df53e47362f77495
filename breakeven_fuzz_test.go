package runwhere_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// jobFuzzBound is the bound the parser keeps on a job's counts
// (runs_per_month, parallelism) and memory_mb: 1e9.
const jobFuzzBound = 1000000000

// FuzzJobBreakEven evaluates jobs up to the parser's bounds, where a fleet
// billed a run at a time crosses Lambda's line at nearly every run (issue
// 27: 19,047 crossings at parallelism 1e9). Whatever the counts, Evaluate
// fails with a "runwhere: " error or returns money that is never negative
// and, for each break-even, at most one crossing (the first), given when
// and only when the costs cross, with the rest counted in words.
//
// No timing is asserted: at the largest parallelisms one Evaluate takes
// about 0.3 s on a 2-core machine, past inputtest.CallLimit; the
// benchmarks in breakeven_bench_test.go keep the figure.
func FuzzJobBreakEven(f *testing.F) {
	f.Add(int64(30), "5", int64(512), int64(10000))
	f.Add(int64(30), "5", int64(512), int64(jobFuzzBound))
	f.Add(int64(jobFuzzBound), "43800", int64(10240), int64(jobFuzzBound))
	f.Add(int64(0), "0.001", int64(128), int64(1))
	f.Add(int64(1), "15", int64(1), int64(3000))
	f.Add(int64(720), "1", int64(jobFuzzBound), int64(123457))
	f.Fuzz(func(t *testing.T, runs int64, runMinutes string, memoryMB, parallelism int64) {
		// Into the parser's bounds, so that the fuzzer explores valid jobs
		// rather than refusals.
		runs = mod(runs, jobFuzzBound+1)
		memoryMB = 1 + mod(memoryMB-1, jobFuzzBound)
		parallelism = 1 + mod(parallelism-1, jobFuzzBound)
		if strings.ContainsAny(runMinutes, "\n{}[],:#\"'&*!|>%@`") {
			return
		}
		yaml := fmt.Sprintf("workload: {kind: job, runs_per_month: %d, run_minutes: %q, memory_mb: %d, parallelism: %d}\n", runs, runMinutes, memoryMB, parallelism)
		s, err := runwhere.ParseScenario([]byte(yaml))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("ParseScenario(%q) error %q lacks the package prefix", yaml, err)
			}
			return
		}
		r, err := runwhere.Evaluate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("Evaluate(%q) error %q lacks the package prefix", yaml, err)
			}
			return
		}
		for _, p := range r.Platforms {
			if p.MonthlyCost.IsNegative() || p.MonthlyCostRounded.IsNegative() {
				t.Fatalf("%s: %s costs %s (rounded %s) a month, want ≥ 0", yaml, p.Platform, p.MonthlyCost, p.MonthlyCostRounded)
			}
			for _, l := range p.CostLines {
				if l.Amount.IsNegative() || l.AmountRounded.IsNegative() || l.Quantity.IsNegative() || l.UnitPrice.IsNegative() {
					t.Fatalf("%s: %s line %q: %s × %s = %s (rounded %s), want every figure ≥ 0", yaml, p.Platform, l.Item, l.Quantity, l.UnitPrice, l.Amount, l.AmountRounded)
				}
			}
		}
		for _, be := range r.BreakEven {
			if be.RequestsPerSec != nil || be.RequestsPerHour != nil {
				t.Fatalf("%s: break-even against %s in requests (%v/s), want runs a month", yaml, be.Server, be.RequestsPerSec)
			}
			listed := 0
			if be.RunsPerMonth != nil {
				listed = 1
				if !be.RunsPerMonth.IsPositive() {
					t.Fatalf("%s: break-even against %s at %s runs a month, want > 0", yaml, be.Server, be.RunsPerMonth)
				}
				if be.CheaperBelow == "" {
					t.Fatalf("%s: break-even against %s names no side cheaper below it", yaml, be.Server)
				}
			}
			if listed > 1 || listed != min(be.Crossings, 1) {
				t.Fatalf("%s: break-even against %s lists %d crossings of %d, want the first of them", yaml, be.Server, listed, be.Crossings)
			}
			if be.Crossings > 1 && !strings.Contains(be.Reason, fmt.Sprintf("the costs cross %d times", be.Crossings)) {
				t.Fatalf("%s: break-even against %s crosses %d times, but its reason %q does not say so", yaml, be.Server, be.Crossings, be.Reason)
			}
			if be.Crossings == 0 && be.Reason == "" {
				t.Fatalf("%s: break-even against %s has neither a crossing nor a reason", yaml, be.Server)
			}
		}
	})
}

// mod is x mod n in [0, n), for any x (Go's % keeps the sign of x).
func mod(x, n int64) int64 {
	return (x%n + n) % n
}
