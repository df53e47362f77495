package cost

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// CPU share model: Lambda allocates CPU in proportion to memory, one vCPU at
// 1,769 MB and at most six at 10,240 MB
// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
const (
	oneVCPUMB = 1769
	maxVCPUMB = 10240
	maxVCPU   = 6
)

// VCPUShare is the CPU share the sweep model gives memoryMB of Lambda memory:
// memoryMB/1769 up to one vCPU at 1,769 MB, then linear to 6 vCPU at
// 10,240 MB (so that both published anchor points hold). Exact as a fraction.
func VCPUShare(memoryMB int) *big.Rat {
	if memoryMB <= oneVCPUMB {
		return big.NewRat(int64(memoryMB), oneVCPUMB)
	}
	// 1 + (maxVCPU−1)(m − 1769)/(10240 − 1769)
	span := int64(maxVCPUMB - oneVCPUMB)
	return big.NewRat(span+int64(maxVCPU-1)*int64(memoryMB-oneVCPUMB), span)
}

// SweepPoint is one memory size of a [Sweep].
type SweepPoint struct {
	MemoryMB   int
	DurationMS decimal.Decimal // modelled duration, rounded up to the snapshot's granularity
	Total      decimal.Decimal // exact monthly cost
}

// Sweep is the monthly cost of one workload at every valid memory size.
type Sweep struct {
	Points   []SweepPoint // ascending memory
	Cheapest int          // index of the cheapest point (the smallest memory on a tie)
}

// LambdaMemorySweep answers "which memory size is cheapest": u is the
// workload as measured (u.DurationMS at u.MemoryMB), cpuFraction the share of
// that duration that is CPU-bound (0..1). At every valid memory size m of the
// snapshot the duration is modelled as
//
//	DurationMS × ((1 − cpuFraction) + cpuFraction × share(u.MemoryMB) / share(m))
//
// with share from [VCPUShare] (the CPU-bound part scales with the CPU share,
// the rest does not), rounded up to the billing granularity exactly, and
// priced with every other field of u.
func LambdaMemorySweep(c *Catalogue, u LambdaUsage, cpuFraction decimal.Decimal) (Sweep, error) {
	if cpuFraction.IsNegative() || cpuFraction.GreaterThan(dOne) {
		return Sweep{}, fieldErr("lambda.cpu_fraction", cpuFraction.String(), "is not between 0 and 1")
	}
	if u.Requests.IsNegative() {
		return Sweep{}, fieldErr("lambda.requests", u.Requests.String(), "is negative")
	}
	m, err := newLambdaModel(c, u) // validates u at the measured size
	if err != nil {
		return Sweep{}, err
	}
	lp := c.Lambda
	minMB, maxMB, step := lp.MemoryMinMB.Value.IntPart(), lp.MemoryMaxMB.Value.IntPart(), lp.MemoryStepMB.Value.IntPart()
	// d(m) = d0(1−f) + d0·f·share(m0)/share(m) = a/b + (p/q)·den(m)/num(m),
	// billed = gran · ceil(d(m)/gran), in exact integers:
	// ceil((a·q·num + b·p·den) / (b·q·num·gran)).
	fixedPart := new(big.Rat).Mul(u.DurationMS.Rat(), new(big.Rat).Sub(big.NewRat(1, 1), cpuFraction.Rat()))
	cpuPart := new(big.Rat).Mul(new(big.Rat).Mul(u.DurationMS.Rat(), cpuFraction.Rat()), VCPUShare(u.MemoryMB))
	aq := new(big.Int).Mul(fixedPart.Num(), cpuPart.Denom())
	bp := new(big.Int).Mul(fixedPart.Denom(), cpuPart.Num())
	bqg := new(big.Int).Mul(fixedPart.Denom(), cpuPart.Denom())
	gran := lp.GranularityMS.Value
	bqg.Mul(bqg, gran.BigInt())
	sw := Sweep{Points: make([]SweepPoint, 0, (maxMB-minMB)/step+1)}
	var num, den, x, y, z, r big.Int
	for mb := minMB; mb <= maxMB; mb += step {
		if mb <= oneVCPUMB {
			num.SetInt64(mb)
			den.SetInt64(oneVCPUMB)
		} else {
			num.SetInt64(maxVCPUMB - oneVCPUMB + (maxVCPU-1)*(mb-oneVCPUMB))
			den.SetInt64(maxVCPUMB - oneVCPUMB)
		}
		x.Mul(aq, &num)
		y.Mul(bp, &den)
		x.Add(&x, &y)    // numerator
		z.Mul(bqg, &num) // denominator
		x.QuoRem(&x, &z, &r)
		if r.Sign() > 0 {
			x.Add(&x, big.NewInt(1))
		}
		var billed decimal.Decimal
		if x.IsInt64() {
			billed = decimal.NewFromInt(x.Int64())
		} else {
			billed = decimal.NewFromBigInt(&x, 0)
		}
		if !gran.Equal(dOne) {
			billed = billed.Mul(gran)
		}
		m.drive(mb, billed)
		t := m.tariff.Total(u.Requests)
		sw.Points = append(sw.Points, SweepPoint{MemoryMB: int(mb), DurationMS: billed, Total: t})
		if t.LessThan(sw.Points[sw.Cheapest].Total) {
			sw.Cheapest = len(sw.Points) - 1
		}
	}
	return sw, nil
}
