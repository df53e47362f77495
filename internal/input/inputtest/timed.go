package inputtest

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// CallLimit is the most one fuzz input may cost the call under test on a
// quiet machine (issue 10: 100 ms): the calculator re-evaluates on every
// keystroke, and an input that takes longer is a denial of service in
// waiting. Under the race detector, which slows this code about tenfold,
// it is ten times that. The figure itself is kept by the benchmarks over
// the worst scenarios; Timed keeps a regression from slipping in unseen.
const CallLimit = time.Duration(callLimit)

// hangWall is how long Timed waits for a call that neither returns nor
// spends CPU time (blocked, or starved of it). Go's fuzzer reports no hangs
// of its own: a worker stuck in one input only stops finding new ones
// until -fuzztime ends, and the run passes.
const hangWall = 2 * time.Minute

// hangFactor × the limit is the CPU time after which a call that has not
// returned hangs. Contended caches and memory have made a call's CPU time
// two to three times its quiet figure; ten times was reached by a call of
// four times the limit.
const hangFactor = 30

// attempts is how many times a call over its limit is run before it
// fails: one stalled run proves nothing, a slow input is slow every time.
const attempts = 4

// Timed runs call, the call under test for input, and fails the input when
// it panics, hangs, or costs more than CallLimit on a quiet machine. Only
// the call is measured, not the fuzz target's own checks.
//
// The cost does not depend on what else the machine runs (issue 27: the
// suite failed beside other work). It is read from the CPU time of the
// call's thread, which does not advance while the thread waits for a core
// (Linux; elsewhere wall time). A call over the limit is run again, up to
// attempts times, each time beside a fixed reference computation
// (reference) that says how much slower than on a quiet machine the
// machine runs just then (contended caches and memory, the garbage
// collector working for other tests); the cheapest run, so discounted,
// counts. A call that passes only so is logged with its figures.
//
// The call runs on its own goroutine so that one that never returns fails
// the input (the goroutine is left behind): after hangFactor × CallLimit of
// CPU time, or hangWall of wall time without returning.
func Timed(t testing.TB, what string, input any, call func()) {
	t.Helper()
	timed(t, what, input, CallLimit, call)
}

func timed(t testing.TB, what string, input any, limit time.Duration, call func()) {
	t.Helper()
	quiet, runs := judge(limit, func() time.Duration {
		cost, err := watch(call, limit)
		if err != nil {
			t.Fatalf("%s(%q) %v", what, input, err)
		}
		return cost
	})
	if quiet > limit {
		t.Fatalf("%s(%q) costs %v on a quiet machine, want at most %v (%d runs: %s)", what, input, quiet, limit, len(runs), strings.Join(runs, "; "))
	}
	if len(runs) > 0 {
		t.Logf("%s: within %v on a quiet machine, over it by the clock on this busy one: %s", what, limit, strings.Join(runs, "; "))
	}
}

// Fastest returns what call costs on a quiet machine, judged as Timed
// judges against CallLimit: the CPU time of one run when that is within
// bound, else the cheapest of up to attempts runs, each discounted by how
// much slower the reference computation ran beside it. It catches neither
// panics nor hangs.
func Fastest(bound time.Duration, call func()) time.Duration {
	quiet, _ := judge(bound, func() time.Duration {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		start := clock()
		call()
		return clock() - start
	})
	return quiet
}

// judge runs a call through run, which returns one run's cost by clock,
// and returns its cost on a quiet machine: the first run's when it is
// within limit, else the cheapest of up to attempts runs, each divided by
// the slowdown of the reference computation around it. It stops early on
// a run that costs over ten times the limit even so: that input is slow by
// construction. runs describes the runs over the limit.
func judge(limit time.Duration, run func() time.Duration) (quiet time.Duration, runs []string) {
	cost := run()
	if cost <= limit {
		return cost, nil
	}
	quiet = time.Duration(math.MaxInt64)
	before := 0.0
	for i := 0; ; i++ {
		pace := slowdown(cost / 2)
		if i > 0 {
			pace = (before + pace) / 2
		}
		q := time.Duration(float64(cost) / pace)
		runs = append(runs, fmt.Sprintf("%v at %.2f× slower than quiet, so %v", cost.Round(time.Microsecond), pace, q.Round(time.Microsecond)))
		quiet = min(quiet, q)
		if quiet <= limit || q > 10*limit || i == attempts-1 {
			return quiet, runs
		}
		before = slowdown(cost / 2)
		cost = run()
	}
}

// watch runs call on a goroutine of its own, locked to its thread, and
// returns its cost by clock; an error when it panics or hangs: spends over
// hangFactor × limit of CPU time, or hangWall of wall time, without
// returning (where only wall time can be read, hangWall alone).
func watch(call func(), limit time.Duration) (time.Duration, error) {
	type begun struct {
		tid int
		at  time.Duration
	}
	type result struct {
		cost     time.Duration
		panicked string
	}
	start := make(chan begun, 1)
	done := make(chan result, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.panicked = fmt.Sprintf("%v\n%s", p, debug.Stack())
			}
			done <- r
		}()
		at := clock()
		start <- begun{thread(), at}
		call()
		r.cost = clock() - at
	}()
	b := <-start
	hangCPU := hangFactor * limit
	if !threadClocks {
		hangCPU = hangWall
	}
	wall := time.NewTimer(hangWall)
	defer wall.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case r := <-done:
			if r.panicked != "" {
				return 0, fmt.Errorf("panicked: %s", r.panicked)
			}
			return r.cost, nil
		case <-tick.C:
			if now, ok := threadClock(b.tid); ok && now-b.at > hangCPU {
				return 0, fmt.Errorf("ran %v without returning, want at most %v", (now - b.at).Round(time.Millisecond), limit)
			}
		case <-wall.C:
			return 0, fmt.Errorf("did not return within %v", hangWall)
		}
	}
}
