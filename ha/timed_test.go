package ha_test

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// fuzzCallLimit is the most one fuzz input may spend in the call under
// test: an input that takes longer is a denial of service in waiting
// (issue 10). The root package's fuzz targets use the same bound.
const fuzzCallLimit = 100 * time.Millisecond

// timed runs call, the call under test for input, and fails the input when
// it took longer than fuzzCallLimit. Only the call is timed, not the fuzz
// target's own checks. A slow call is run twice more and the fastest run
// counts: on a loaded machine one run can stall for hundreds of
// milliseconds, while an input that is slow by construction is slow every
// time.
func timed(t *testing.T, what string, input any, call func()) {
	t.Helper()
	fastest := time.Duration(math.MaxInt64)
	for range 3 {
		start := time.Now()
		call()
		if fastest = min(fastest, time.Since(start)); fastest <= fuzzCallLimit {
			return
		}
	}
	t.Fatalf("%s(%s) took %v, want at most %v", what, fmt.Sprintf("%q", input), fastest, fuzzCallLimit)
}
