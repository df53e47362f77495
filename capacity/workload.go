package capacity

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
)

// Workload is the traffic to serve, per DESIGN.md's sizing model: one request
// is in flight for DurationMS and keeps one vCPU busy for CPUMS of it. On
// Lambda each execution holds MemoryMB; in a container, requests share the
// replica's memory and each adds RequestMemoryMB (none: memory does not
// bound them).
type Workload struct {
	RequestsPerSecond decimal.Decimal // mean
	// PeakRequestsPerSecond sizes the servers; zero means the mean.
	PeakRequestsPerSecond decimal.Decimal
	DurationMS            decimal.Decimal // mean time of one request
	MemoryMB              int64           // memory one Lambda execution holds
	// CPUFraction is the share of DurationMS spent on CPU, in (0, 1];
	// zero means 1, the conservative CPU-bound default. CPUMS, when not
	// zero, says the same in milliseconds and wins: it need not be a
	// fraction with a finite decimal (16 ms of 120).
	CPUFraction decimal.Decimal
	CPUMS       decimal.Decimal
	// RequestMemoryMB is what one request in flight adds to a replica's
	// memory; zero means memory does not bound requests per replica.
	RequestMemoryMB int64
	MaxDurationS    int64 // the longest single job; 0 = not checked
}

// Container is one replica's requests: its vCPU and memory, and the
// requests it can hold in flight at once (MaxInFlight, its workers or
// threads; zero means no bound but CPU and memory).
type Container struct {
	VCPU        decimal.Decimal
	MemoryMB    int64
	MaxInFlight int64
}

var (
	one      = decimal.NewFromInt(1)
	thousand = decimal.NewFromInt(1000)
)

func (w Workload) peak() decimal.Decimal {
	if w.PeakRequestsPerSecond.IsZero() {
		return w.RequestsPerSecond
	}
	return w.PeakRequestsPerSecond
}

// CPUTimeMS is the CPU time of one request in vCPU-milliseconds: CPUMS,
// or DurationMS × CPUFraction (a zero fraction meaning 1).
func (w Workload) CPUTimeMS() decimal.Decimal {
	switch {
	case w.CPUMS.IsPositive():
		return w.CPUMS
	case w.CPUFraction.IsZero():
		return w.DurationMS
	}
	return w.DurationMS.Mul(w.CPUFraction)
}

func (w Workload) validate() error {
	// Digits and exponent before any comparison, which would rescale a
	// value written 1e-999999999 to a billion digits.
	for _, f := range []struct {
		field string
		v     decimal.Decimal
	}{
		{"workload.requests_per_second", w.RequestsPerSecond},
		{"workload.peak_requests_per_second", w.PeakRequestsPerSecond},
		{"workload.duration_ms", w.DurationMS},
		{"workload.cpu_fraction", w.CPUFraction},
		{"workload.cpu_ms", w.CPUMS},
	} {
		if err := input.CheckDecimal(f.v); err != nil {
			return inputErr(f.field, "(refused)", err.Error())
		}
	}
	switch {
	case w.RequestsPerSecond.IsNegative():
		return inputErr("workload.requests_per_second", w.RequestsPerSecond, "is negative")
	case w.PeakRequestsPerSecond.IsNegative():
		return inputErr("workload.peak_requests_per_second", w.PeakRequestsPerSecond, "is negative")
	case !w.PeakRequestsPerSecond.IsZero() && w.PeakRequestsPerSecond.LessThan(w.RequestsPerSecond):
		return inputErr("workload.peak_requests_per_second", w.PeakRequestsPerSecond, "is below the mean "+w.RequestsPerSecond.String())
	case !w.DurationMS.IsPositive():
		return inputErr("workload.duration_ms", w.DurationMS, "is not positive")
	case w.MemoryMB < 0:
		return inputErr("workload.memory_mb", w.MemoryMB, "is negative")
	case w.CPUFraction.IsNegative() || w.CPUFraction.GreaterThan(one):
		return inputErr("workload.cpu_fraction", w.CPUFraction, "is not within (0, 1]")
	case w.CPUMS.IsNegative():
		return inputErr("workload.cpu_ms", w.CPUMS, "is negative")
	case w.CPUMS.GreaterThan(w.DurationMS):
		return inputErr("workload.cpu_ms", w.CPUMS, "is longer than the request's duration_ms "+w.DurationMS.String()+" (one request runs on one thread)")
	case w.RequestMemoryMB < 0:
		return inputErr("workload.request_memory_mb", w.RequestMemoryMB, "is negative")
	case w.MaxDurationS < 0:
		return inputErr("workload.max_duration_s", w.MaxDurationS, "is negative")
	}
	return nil
}

// Concurrency is Little's law: requests in flight = arrival rate × time in
// the system, rps × duration_ms / 1000. It is exact.
func Concurrency(rps, durationMS decimal.Decimal) decimal.Decimal {
	return rps.Mul(durationMS).Shift(-3)
}

// ceilDiv returns ⌈a / b⌉ exactly for non-negative a and positive b.
func ceilDiv(a, b decimal.Decimal) int64 {
	e := min(a.Exponent(), b.Exponent())
	ai := scaled(a, e)
	bi := scaled(b, e)
	q, r := new(big.Int).QuoRem(ai, bi, new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return 1<<63 - 1
	}
	return q.Int64()
}

// scaled returns d's coefficient expressed at exponent e ≤ d.Exponent().
func scaled(d decimal.Decimal, e int32) *big.Int {
	c := d.Coefficient()
	if k := d.Exponent() - e; k > 0 {
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
	}
	return c
}

// millicores converts vCPUs to whole millicores, rounding up.
func millicores(vcpu decimal.Decimal) int64 {
	return ceilDiv(vcpu.Mul(thousand), one)
}
