package cost

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Term is a [Meter] driven by a quantity x shared by a whole [Tariff]
// (monthly requests for a function, task-seconds for Fargate,
// instance-hours for EC2). At x the meter's driver is
//
//	Base + Per × (min(x, Until) − From)⁺
//
// so a term can charge whatever the load (Base: provisioned GB-s, NAT
// gateway hours), in proportion to it (Per: GB-s per request), or only for
// part of it (From and Until: the requests provisioned environments serve
// and the ones that spill over to on-demand prices). Each of those is a
// driver that is itself piecewise linear in x, which keeps the sum exact.
type Term struct {
	Meter Meter
	Base  decimal.Decimal  // driver units whatever x is
	Per   decimal.Decimal  // driver units each counted unit of x adds
	From  decimal.Decimal  // x below From is not counted
	Until *decimal.Decimal // x from Until on is not counted; nil: no end
}

// Quantity is the term's driver quantity at x.
func (t *Term) Quantity(x decimal.Decimal) decimal.Decimal {
	c := x
	if t.Until != nil && c.GreaterThan(*t.Until) {
		c = *t.Until
	}
	if !t.From.IsZero() {
		if c = c.Sub(t.From); c.IsNegative() {
			c = dZero
		}
	}
	q := dZero
	if !t.Per.IsZero() && !c.IsZero() {
		q = c.Mul(t.Per)
	}
	if !t.Base.IsZero() {
		q = t.Base.Add(q)
	}
	return q
}

// perAt is how fast the driver grows at x, from the right.
func (t *Term) perAt(x decimal.Decimal) decimal.Decimal {
	if (!t.From.IsZero() && x.LessThan(t.From)) || (t.Until != nil && !x.LessThan(*t.Until)) {
		return dZero
	}
	return t.Per
}

// check reports a term whose driver could shrink as x grows or whose
// meter is malformed.
func (t *Term) check(field string) error {
	switch {
	case t.Base.IsNegative():
		return fieldErr(field+".base", t.Base.String(), "is negative")
	case t.Per.IsNegative():
		return fieldErr(field+".per", t.Per.String(), "is negative")
	case t.From.IsNegative():
		return fieldErr(field+".from", t.From.String(), "is negative")
	case t.Until != nil && t.Until.LessThan(t.From):
		return fieldErr(field+".until", t.Until.String(), "is before from ("+t.From.String()+")")
	}
	return t.Meter.Check(field + ".meter")
}

// Tariff is a bill as a function of one quantity x: the sum of its terms.
// Its lines, total, slope, breakpoints and [Curve] are all read from the
// same meters, so a rule is written once, where the tariff is built
// ([LambdaTariff], [FargateTariff], [EC2Tariff]); a new price dimension is
// one more term appended to it.
//
// A tariff that fails [Tariff.Check] is priced without panicking, but the
// figures are only as meaningful as its terms.
type Tariff []Term

// Check reports the first malformed term (see [Meter.Check]); a tariff
// built by this package always passes.
func (t Tariff) Check() error {
	for i := range t {
		if err := t[i].check("tariff[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	return nil
}

// Bill is the itemised bill at x: every term's lines, in order.
func (t Tariff) Bill(x decimal.Decimal) Bill {
	lines := make([]Line, 0, len(t)+2)
	for i := range t {
		lines = t[i].Meter.appendLines(lines, t[i].Quantity(x))
	}
	return Bill{Lines: lines}
}

// Total is the exact amount due at x, equal to Bill(x).Total() without
// building the lines.
func (t Tariff) Total(x decimal.Decimal) decimal.Decimal {
	sum := dZero
	for i := range t {
		sum = addNonZero(sum, t[i].Meter.Charge(t[i].Quantity(x)))
	}
	return sum
}

// Slope is the cost of one more unit of x at x (the right derivative of
// Total): each term's meter slope at its driver times how fast the driver
// grows there.
func (t Tariff) Slope(x decimal.Decimal) decimal.Decimal {
	s := dZero
	for i := range t {
		tm := &t[i]
		per := tm.perAt(x)
		if per.IsZero() {
			continue
		}
		if sl := tm.Meter.Slope(tm.Quantity(x)); !sl.IsZero() {
			s = addNonZero(s, per.Mul(sl))
		}
	}
	return s
}

// Breaks lists the x where the slope may change, ascending and without
// duplicates: where a term starts or stops counting, and where its driver
// reaches one of its meter's breaks. A break that needs a division (the
// request at which the free GB-s run out) is rounded up at [DivScale]
// places, so that the slope found there is already the new one.
func (t Tariff) Breaks() []decimal.Decimal { return sortUnique(t.appendBreaks(nil)) }

func (t Tariff) appendBreaks(out []decimal.Decimal) []decimal.Decimal {
	var mb []decimal.Decimal
	for i := range t {
		tm := &t[i]
		if tm.From.IsPositive() {
			out = append(out, tm.From)
		}
		if tm.Until != nil {
			out = append(out, *tm.Until)
		}
		if !tm.Per.IsPositive() {
			continue
		}
		mb = tm.Meter.appendBreaks(mb[:0])
		for _, b := range mb {
			need := b.Sub(tm.Base)
			if !need.IsPositive() {
				continue // passed before any load
			}
			if !tm.Per.Equal(dOne) {
				need = ceilDiv(need, tm.Per)
			}
			x := tm.From.Add(need)
			if tm.Until == nil || x.LessThan(*tm.Until) {
				out = append(out, x)
			}
		}
	}
	return out
}

// Curve is the tariff as a [Curve] over x ≥ 0: exact values and slopes at
// 0 and at every break.
func (t Tariff) Curve() Curve {
	bs := sortUnique(t.appendBreaks(append(make([]decimal.Decimal, 0, 2*len(t)+4), dZero)))
	cv := Curve{Breaks: bs, Values: make([]decimal.Decimal, len(bs)), Slopes: make([]decimal.Decimal, len(bs))}
	for i, b := range bs {
		cv.Values[i] = t.Total(b)
		cv.Slopes[i] = t.Slope(b)
	}
	return cv
}
