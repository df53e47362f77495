package inputtest

import (
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that keeps what Timed reports: Fatalf ends the
// goroutine as the real one does.
type recorder struct {
	testing.TB
	fatal string
	logs  []string
}

func (r *recorder) Helper() {}

func (r *recorder) Fatalf(format string, args ...any) {
	r.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

// work is a call that does n reference computations: its cost on a quiet
// machine is about n × refQuiet, whatever the machine does meanwhile.
func work(n int) func() {
	return func() {
		for range n {
			reference()
		}
	}
}

// burn keeps n goroutines spinning until the returned function is called:
// load inside the process, which the Go scheduler shares with the call.
func burn(n int) (stop func()) {
	var done atomic.Bool
	for range n {
		go func() {
			for !done.Load() {
			}
		}()
	}
	return func() { done.Store(true) }
}

// Each case would pass or fail the other way if Timed read the wall clock
// or believed one slow run: a sleep counts as nothing, a loaded process
// does not fail a cheap call, an expensive call fails however loaded the
// machine, and a panic or a hang fails the input with what happened.
func TestTimed(t *testing.T) {
	// The limit is a dozen reference computations, so that the cases keep
	// their meaning under the race detector, which slows both tenfold.
	const limit = time.Duration(12 * refQuiet)
	var spinning atomic.Bool
	t.Cleanup(func() { spinning.Store(false) })
	tests := []struct {
		name      string
		call      func()
		load      int    // goroutines spinning beside the call
		wantFatal string // "" when the input passes
		cpuClock  bool   // the case needs a thread's CPU clock
	}{
		{name: "cheap", call: work(3)},
		// Long enough that wall time, even discounted by the reference on a
		// machine many times oversubscribed, would fail it.
		{name: "waiting is free", call: func() { time.Sleep(50 * limit) }, cpuClock: true},
		{name: "cheap beside a busy process", call: work(int(limit / 3 / refQuiet)), load: 2 * runtime.GOMAXPROCS(0), cpuClock: true},
		{name: "expensive", call: work(int(4 * limit / refQuiet)), wantFatal: fmt.Sprintf("on a quiet machine, want at most %v", limit)},
		{name: "panic", call: func() { panic("boom") }, wantFatal: "call(\"in\") panicked: boom"},
		{name: "hang", call: func() {
			spinning.Store(true)
			for spinning.Load() {
			}
		}, wantFatal: fmt.Sprintf("without returning, want at most %v", limit), cpuClock: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.cpuClock && !threadClocks {
				t.Skip("no thread CPU clock on this system")
			}
			stop := burn(tc.load)
			defer stop()
			r := &recorder{TB: t}
			done := make(chan struct{})
			start := time.Now()
			go func() {
				defer close(done)
				timed(r, "call", "in", limit, tc.call)
			}()
			<-done
			spinning.Store(false)
			t.Logf("%v by the wall clock; logged %q", time.Since(start), r.logs)
			if tc.wantFatal == "" {
				assert.Empty(t, r.fatal)
			} else {
				assert.Contains(t, r.fatal, tc.wantFatal)
			}
		})
	}
}

func TestFastest(t *testing.T) {
	const bound = time.Duration(12 * refQuiet)
	tests := []struct {
		name     string
		call     func()
		wantOver bool
	}{
		{name: "cheap", call: work(3)},
		{name: "expensive", call: work(int(4 * bound / refQuiet)), wantOver: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Fastest(bound, tc.call)
			assert.Equal(t, tc.wantOver, got > bound, "Fastest(%v, %s) = %v", bound, tc.name, got)
		})
	}
}

// BenchmarkReference gives refQuiet: the fastest of its runs by the
// thread's CPU clock, on a machine as quiet as can be had.
func BenchmarkReference(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var costs []time.Duration
	for b.Loop() {
		start := clock()
		reference()
		costs = append(costs, clock()-start)
	}
	slices.Sort(costs)
	b.ReportMetric(float64(costs[0]), "min-ns/op")
	b.ReportMetric(float64(costs[len(costs)/2]), "median-ns/op")
}
