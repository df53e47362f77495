//go:build linux

package inputtest

import (
	"syscall"
	"time"
	"unsafe"
)

// threadCPUClock is Linux's CLOCK_THREAD_CPUTIME_ID: the CPU time the
// calling thread has run. A thread that waits for a core while other
// processes run does not advance it, which is what makes a call's cost
// independent of the machine's load.
const threadCPUClock = 3

// threadClocks says whether clock reads CPU time (else wall time).
var threadClocks = func() bool { _, ok := readClock(threadCPUClock); return ok }()

var epoch = time.Now()

// clock returns the CPU time of the calling thread. The caller holds its
// thread (runtime.LockOSThread) from one read to the next.
func clock() time.Duration {
	if d, ok := readClock(threadCPUClock); ok {
		return d
	}
	return time.Since(epoch)
}

// thread names the calling thread, for threadClock.
func thread() int { return syscall.Gettid() }

// threadClock returns the CPU time thread tid has run, the clock another
// goroutine watches to tell a call that hangs from one that waits; false
// when the thread is gone. Linux names a thread's CPU clock by its id
// (MAKE_THREAD_CPUCLOCK(tid, CPUCLOCK_SCHED) in the kernel's
// posix-timers.h; glibc's pthread_getcpuclockid builds the same).
func threadClock(tid int) (time.Duration, bool) {
	if !threadClocks {
		return time.Since(epoch), true
	}
	return readClock(int(int32(^uint32(tid)<<3 | 6)))
}

func readClock(id int) (time.Duration, bool) {
	var ts syscall.Timespec
	_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, uintptr(id), uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano()), errno == 0
}
