package engine

import (
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// Shape is a load shape: relative loads for each hour of a day (24) or a
// week (168). The zero Shape is flat: every hour at the mean.
//
// The load of hour h is the month's mean rate × hourly[h] / mean(hourly),
// and its instantaneous peak is the scenario's peak × hourly[h] /
// max(hourly): the peak is the busiest hour's, and every hour is assumed
// as bursty within itself as that one.
type Shape struct {
	hourly   []decimal.Decimal
	max, sum decimal.Decimal
	// distinct are the shape's loads, lowest first, and rank[h] the index
	// of hour h's load among them: plans compare ranks, not decimals.
	distinct []decimal.Decimal
	rank     []int
}

// NewShape is the shape of hourly (24 or 168 non-negative loads, one
// positive: the caller checks them). The slice is copied.
func NewShape(hourly []decimal.Decimal) Shape {
	s := Shape{hourly: slices.Clone(hourly), max: decimal.Zero}
	// Sums and ranks from integers at one scale: adding or comparing
	// decimals of different exponents rescales one of them every time.
	exp := int32(0)
	for _, v := range hourly {
		exp = min(exp, v.Exponent())
	}
	type scaled struct {
		n *big.Int
		h int
	}
	order := make([]scaled, len(hourly))
	for h, v := range hourly {
		order[h] = scaled{v.Shift(-exp).BigInt(), h}
	}
	sum := new(big.Int)
	for _, o := range order {
		sum.Add(sum, o.n)
	}
	s.sum = decimal.NewFromBigInt(sum, exp)
	slices.SortFunc(order, func(a, b scaled) int { return a.n.Cmp(b.n) })
	if len(order) > 0 {
		s.max = hourly[order[len(order)-1].h]
	}
	s.rank = make([]int, len(hourly))
	for i, o := range order {
		if i == 0 || o.n.Cmp(order[i-1].n) != 0 {
			s.distinct = append(s.distinct, hourly[o.h])
		}
		s.rank[o.h] = len(s.distinct) - 1
	}
	return s
}

// Flat reports whether every hour is at the mean.
func (s Shape) Flat() bool { return len(s.hourly) == 0 }

// Len is the hours of the shape's cycle: 24, 168, or 0 when flat.
func (s Shape) Len() int { return len(s.hourly) }

// PeakToMean is max(hourly) / mean(hourly) as a numerator and a
// denominator: how much busier the busiest hour is than the month.
func (s Shape) PeakToMean() (num, den decimal.Decimal) {
	if s.Flat() {
		return dOne, dOne
	}
	return s.max.Mul(decimal.NewFromInt(int64(len(s.hourly)))), s.sum
}

// Level is a load level of a fleet that follows the shape: the relative
// load it serves (in the shape's units) and the hours a month it serves
// at that level.
type Level struct {
	Load, Hours decimal.Decimal
	Minutes     decimal.Decimal // in one cycle of the shape
}

// plan is how a fleet follows the shape when a new unit takes lead
// minutes to serve: at every instant it serves the highest load of the
// next lead minutes, so it grows lead minutes before each busier hour
// (as a scheduled or predictive scaling policy does; a purely reactive
// one would have to keep that headroom all the time) and shrinks when
// the busier hour has passed.
//
// With lead = 60q + r minutes (0 ≤ r < 60), the fleet spends the first
// 60 − r minutes of hour h at the highest load of hours h … h+q and the
// last r minutes at the highest of h … h+q+1. Levels are the distinct
// loads, lowest first, with the hours a month at each: minutes × 730 /
// (60 × the cycle's hours), rounded at [cost.DivScale] places, the
// highest level taking what the others leave of 730 so that they sum to
// the month exactly. perHour is the index in levels of each hour's
// highest level, the fleet the report shows for that hour.
func (s Shape) plan(lead decimal.Decimal) (levels []Level, perHour []int) {
	n := len(s.hourly)
	q := lead.Div(d60).Floor()
	r := lead.Sub(q.Mul(d60))
	steps := int(min(q.IntPart(), int64(n)))
	windowMax := func(h, k int) int {
		m := s.rank[h]
		for j := 1; j <= min(k, n-1); j++ {
			m = max(m, s.rank[(h+j)%n])
		}
		return m
	}
	minutes := make([]decimal.Decimal, len(s.distinct)) // by rank
	add := func(rank int, mins decimal.Decimal) {
		if mins.IsPositive() {
			if minutes[rank].IsZero() {
				minutes[rank] = mins
			} else {
				minutes[rank] = minutes[rank].Add(mins)
			}
		}
	}
	head := d60.Sub(r)
	perHour = make([]int, n)
	for h := range n {
		a := windowMax(h, steps)
		add(a, head)
		perHour[h] = a
		if r.IsPositive() {
			b := windowMax(h, steps+1)
			add(b, r)
			perHour[h] = b
		}
	}
	den := decimal.NewFromInt(int64(60 * n))
	left := hoursPerMonth
	levels = make([]Level, 0, len(s.distinct))
	last := -1
	for rank, m := range minutes {
		if m.IsPositive() {
			last = rank
		}
	}
	// perHour holds indexes into levels from here on.
	index := make([]int, len(s.distinct))
	for rank, m := range minutes {
		if !m.IsPositive() {
			continue
		}
		hours := left
		if rank != last {
			hours = m.Mul(hoursPerMonth).DivRound(den, cost.DivScale)
			left = left.Sub(hours)
		}
		index[rank] = len(levels)
		levels = append(levels, Level{Load: s.distinct[rank], Hours: hours, Minutes: m})
	}
	for h, rank := range perHour {
		perHour[h] = index[rank]
	}
	return levels, perHour
}

// SteepestRise is the largest rise, from one hour to the next over the
// cycle, of peak × the hour's load / the busiest hour's load, each
// rounded up: how many more of peak's units (execution environments at
// the peak concurrency, say) the steepest step up of the shape needs at
// once. Zero when flat or never rising.
func (s Shape) SteepestRise(peak decimal.Decimal) int64 {
	units := make([]int64, len(s.distinct)) // by rank
	for i, v := range s.distinct {
		units[i] = peak.Mul(v).Div(s.max).Ceil().IntPart()
	}
	n := len(s.rank)
	steepest := int64(0)
	for h := range n {
		steepest = max(steepest, units[s.rank[h]]-units[s.rank[(h+n-1)%n]])
	}
	return steepest
}

// monthHours is the hours a month of minutes in each cycle of the shape:
// minutes × 730 / (60 × the cycle's hours), divided once, so exact
// whenever the quotient has a finite decimal (else rounded at
// [cost.DivScale] places).
func (s Shape) monthHours(minutes decimal.Decimal) decimal.Decimal {
	return minutes.Mul(hoursPerMonth).DivRound(decimal.NewFromInt(int64(60*len(s.hourly))), cost.DivScale)
}

var (
	d60           = decimal.NewFromInt(60)
	dOne          = decimal.NewFromInt(1)
	hoursPerMonth = decimal.NewFromInt(platform.HoursPerMonth)
)
