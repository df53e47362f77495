//go:build !linux

package inputtest

import "time"

// threadClocks says whether clock reads CPU time: not on this system,
// whose threads' CPU time the standard library does not give. Wall time
// stands in, and the reference computation, run about as long as the call,
// is held up by other processes about as much as the call was.
const threadClocks = false

var epoch = time.Now()

func clock() time.Duration { return time.Since(epoch) }

func thread() int { return 0 }

func threadClock(int) (time.Duration, bool) { return clock(), true }
