package inputtest

import (
	"fmt"
	"math"
	"runtime/debug"
	"testing"
	"time"
)

// CallLimit is the most one fuzz input may spend in the call under test
// (issue 10: 100 ms): the calculator re-evaluates on every keystroke, and an
// input that takes longer is a denial of service in waiting. Under the race
// detector, which slows this code about tenfold, it is ten times that.
const CallLimit = time.Duration(callLimit)

// hangLimit is how long Timed waits for one run before it reports the input
// as hanging. Go's fuzzer reports no hangs of its own: a worker stuck in one
// input only stops finding new ones until -fuzztime ends, and the run passes.
const hangLimit = 10 * CallLimit

// Timed runs call, the call under test for input, and fails the input when
// it took longer than CallLimit. Only the call is timed, not the fuzz
// target's own checks. A slow call is run twice more and the fastest run
// counts: on a loaded machine one run can stall for hundreds of
// milliseconds, while an input that is slow by construction is slow every
// time. The call runs on its own goroutine so that one that never returns
// fails the input after hangLimit (the goroutine is left behind).
func Timed(t testing.TB, what string, input any, call func()) {
	t.Helper()
	fastest := time.Duration(math.MaxInt64)
	for range 3 {
		done := make(chan any, 1)
		start := time.Now()
		go func() {
			defer func() {
				if p := recover(); p != nil {
					done <- fmt.Sprintf("%v\n%s", p, debug.Stack())
				}
				close(done)
			}()
			call()
		}()
		hang := time.NewTimer(hangLimit)
		select {
		case p := <-done:
			hang.Stop()
			if p != nil {
				t.Fatalf("%s(%q) panicked: %v", what, input, p)
			}
		case <-hang.C:
			t.Fatalf("%s(%q) did not return within %v, want at most %v", what, input, hangLimit, CallLimit)
		}
		if fastest = min(fastest, time.Since(start)); fastest <= CallLimit {
			return
		}
	}
	t.Fatalf("%s(%q) took %v, want at most %v", what, input, fastest, CallLimit)
}

// Fastest runs call up to three times and returns the fastest duration,
// stopping as soon as one run is within bound: on a loaded machine one run
// can stall, while an input that is slow by construction is slow every time.
func Fastest(bound time.Duration, call func()) time.Duration {
	fastest := time.Duration(math.MaxInt64)
	for range 3 {
		start := time.Now()
		call()
		if fastest = min(fastest, time.Since(start)); fastest <= bound {
			break
		}
	}
	return fastest
}
