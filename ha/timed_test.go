package ha_test

import (
	"fmt"
	"math"
	"runtime/debug"
	"testing"
	"time"
)

// fuzzCallLimit is the most one fuzz input may spend in the call under
// test: an input that takes longer is a denial of service in waiting
// (issue 10). The root package's fuzz targets use the same bound.
const fuzzCallLimit = 100 * time.Millisecond

// fuzzHangLimit is how long timed waits for one run before it reports the
// input as hanging. Go's fuzzer reports no hangs of its own: a worker stuck
// in one input only stops finding new ones until -fuzztime ends, and the
// run passes.
const fuzzHangLimit = 10 * fuzzCallLimit

// timed runs call, the call under test for input, and fails the input when
// it took longer than fuzzCallLimit. Only the call is timed, not the fuzz
// target's own checks. A slow call is run twice more and the fastest run
// counts: on a loaded machine one run can stall for hundreds of
// milliseconds, while an input that is slow by construction is slow every
// time. The call runs on its own goroutine so that one that never returns
// fails the input after fuzzHangLimit (the goroutine is left behind).
func timed(t *testing.T, what string, input any, call func()) {
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
		hang := time.NewTimer(fuzzHangLimit)
		select {
		case p := <-done:
			hang.Stop()
			if p != nil {
				t.Fatalf("%s(%s) panicked: %v", what, fmt.Sprintf("%q", input), p)
			}
		case <-hang.C:
			t.Fatalf("%s(%s) did not return within %v, want at most %v", what, fmt.Sprintf("%q", input), fuzzHangLimit, fuzzCallLimit)
		}
		if fastest = min(fastest, time.Since(start)); fastest <= fuzzCallLimit {
			return
		}
	}
	t.Fatalf("%s(%s) took %v, want at most %v", what, fmt.Sprintf("%q", input), fastest, fuzzCallLimit)
}
