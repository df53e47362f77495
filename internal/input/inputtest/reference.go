package inputtest

import (
	"math/big"
	"runtime"
	"slices"
	"time"
)

// reference is a fixed piece of work of the kind the calls under test do:
// arithmetic on big integers (a decimal is one) that allocates, a map and
// a sort. Run beside a call, it tells how fast the machine runs at that
// moment against refQuiet, its cost on a quiet machine: the same process,
// the same garbage collector, the same neighbours. It uses the standard
// library only, so that a change to the module does not move it.
func reference() {
	x := big.NewInt(1)
	m := big.NewInt(1_000_000_007)
	p, _ := new(big.Int).SetString("1000000000000000000000000000057", 10)
	seen := make(map[string]int, 32)
	var keys []string
	for i := range refSteps {
		x = new(big.Int).Mul(x, m)
		x = new(big.Int).Add(x, big.NewInt(int64(i)))
		x = new(big.Int).Rem(x, p)
		if i%64 == 0 {
			k := x.String()
			seen[k] = i
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
}

// refSteps sizes reference to about a millisecond on a quiet machine.
const refSteps = 4500

// slowdown runs reference for about budget by clock, at least twice and at
// most maxRefBudget, and returns how many times slower than refQuiet it
// ran: 1 on a quiet machine or a faster one. With wall time for a clock,
// a reference about as long as the call meets about the same
// interruptions.
func slowdown(budget time.Duration) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	budget = min(budget, maxRefBudget)
	start := clock()
	var spent time.Duration
	n := 0
	for n < 2 || spent < budget {
		reference()
		n++
		spent = clock() - start
	}
	return max(1, float64(spent)/float64(n)/float64(refQuiet))
}

// maxRefBudget bounds the reference beside one run of a call.
const maxRefBudget = time.Second
