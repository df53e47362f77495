package cost

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Band is one band of a graduated price: Price per unit of a meter's
// driver for the units up to UpTo, counted from the start of the period
// (the account's, not the bill's: see [Meter.Prior]). UpTo nil marks the
// last, unbounded band. Item names the bill line the band's units go on.
type Band struct {
	Item  string
	UpTo  *decimal.Decimal
	Price decimal.Decimal // USD per unit; negative for a discount line
	// Note says how Price was worked out when it was not read in a source
	// ([Figure.Derivation]); the band's lines carry it.
	Note string
}

// Meter is one price dimension: a charge that is a piecewise-linear
// function of one driver quantity (requests, GB-seconds, vCPU-seconds,
// instance-hours), with a free allowance and graduated bands. Lambda
// requests, Lambda duration with its free tier and volume tiers, Fargate
// vCPU and EC2 instance-hours are each one meter; so are a gateway's
// request tiers or a NAT gateway's hours and GB.
//
// A bill's lines ([Meter.Lines]), its amount ([Meter.Charge]), its
// marginal price ([Meter.Slope]) and where that price changes
// ([Meter.Breaks]) all read the same fields, so they cannot disagree.
//
// The zero Meter has no bands and charges nothing.
type Meter struct {
	Unit  string // the driver's unit, e.g. "request", "GB-second"
	Bands []Band // ascending UpTo; the last has none (see [Meter.Check])

	// Free is the allowance: the first Free units of the driver are not
	// billed and do not count towards the bands.
	Free decimal.Decimal
	// Prior is billable usage already counted elsewhere in the period
	// (other functions of the account): the bands start there, so a bill
	// that begins past a band's end is priced at the next band.
	Prior decimal.Decimal
	// Scale is how many driver units make one Unit; zero means one. A
	// meter driven by seconds and priced by the hour (Fargate's vCPU at
	// 0.04048 per vCPU-hour) has Unit "vCPU-hour" and Scale 3600: Free,
	// Prior and the bands' UpTo stay in driver units, its lines count
	// driver units ÷ Scale, and it charges driver units × Price ÷ Scale,
	// the product first, so the amount is exact whenever it has a decimal
	// form of at most [DivScale] places (always, for whole Units) and
	// rounded half up there otherwise.
	Scale decimal.Decimal
	// Compute: the meter prices compute — EC2 instance time, Fargate vCPU
	// and memory, Lambda duration and provisioned concurrency — which a
	// Savings Plan or an agreement discounts; requests, storage, licences,
	// fees and what surrounds a service are not. Its lines say so.
	Compute bool
}

// scaled is x ÷ the meter's Scale (x itself when there is none).
func (m *Meter) scaled(x decimal.Decimal) decimal.Decimal {
	if m.Scale.IsZero() || m.Scale.Equal(dOne) || x.IsZero() {
		return x
	}
	return div(x, m.Scale)
}

// Check reports a meter the other methods would price by accident rather
// than by design: no bands, a band bound that is missing, negative or not
// increasing, a bound on the last band, or a negative allowance or prior
// usage. field prefixes the names in the error, e.g. "lambda.duration".
func (m Meter) Check(field string) error {
	if len(m.Bands) == 0 {
		return fieldErr(field+".bands", "[]", "has no bands")
	}
	if m.Free.IsNegative() {
		return fieldErr(field+".free", m.Free.String(), "is negative")
	}
	if m.Prior.IsNegative() {
		return fieldErr(field+".prior", m.Prior.String(), "is negative")
	}
	if m.Scale.IsNegative() {
		return fieldErr(field+".scale", m.Scale.String(), "is negative")
	}
	prev := dZero
	for i, b := range m.Bands {
		f := field + ".bands[" + strconv.Itoa(i) + "].up_to"
		last := i == len(m.Bands)-1
		switch {
		case last && b.UpTo != nil:
			return fieldErr(f, b.UpTo.String(), "must be absent on the last band")
		case !last && b.UpTo == nil:
			return fieldErr(f, "", "is missing")
		case !last && !b.UpTo.GreaterThan(prev):
			return fieldErr(f, b.UpTo.String(), "does not increase")
		}
		if b.UpTo != nil {
			prev = *b.UpTo
		}
	}
	return nil
}

// billable is the driver quantity q less the free allowance, never negative.
func (m *Meter) billable(q decimal.Decimal) decimal.Decimal {
	if m.Free.IsZero() {
		return q
	}
	if b := q.Sub(m.Free); b.IsPositive() {
		return b
	}
	return dZero
}

// eachBand splits billable units over the bands, starting at Prior, and
// calls fn for every band in order up to the last one they reach. A band
// without a bound ends the walk: it takes everything left.
func (m *Meter) eachBand(billable decimal.Decimal, fn func(i int, qty decimal.Decimal)) {
	if len(m.Bands) == 1 { // one price: the bands' position does not matter
		fn(0, billable)
		return
	}
	pos, end := m.Prior, m.Prior.Add(billable)
	lo := dZero
	for i, b := range m.Bands {
		bounded := b.UpTo != nil && i < len(m.Bands)-1
		hi := end
		if bounded {
			hi = minDec(end, *b.UpTo)
		}
		qty := dZero
		if hi.GreaterThan(pos) {
			if qty = hi.Sub(maxDec(pos, lo)); qty.IsNegative() {
				qty = dZero
			}
		}
		fn(i, qty)
		if !bounded {
			return
		}
		lo = *b.UpTo
		if !end.GreaterThan(lo) {
			return
		}
	}
}

// Charge is the exact amount the meter bills for q units of its driver.
func (m Meter) Charge(q decimal.Decimal) decimal.Decimal {
	t := dZero
	m.eachBand(m.billable(q), func(i int, qty decimal.Decimal) {
		if !qty.IsZero() {
			t = addNonZero(t, m.scaled(qty.Mul(m.Bands[i].Price)))
		}
	})
	return t
}

// addNonZero is a + b, skipping the rescale an addition to zero costs
// (sums of amounts start at zero, and adding decimals of different
// exponents allocates).
func addNonZero(a, b decimal.Decimal) decimal.Decimal {
	if a.IsZero() {
		return b
	}
	if b.IsZero() {
		return a
	}
	return a.Add(b)
}

// Lines are the bill lines for q units of the driver: one per band that
// bills a positive quantity, and always the first band's, so that a bill
// still says what is metered when nothing is due.
func (m Meter) Lines(q decimal.Decimal) []Line { return m.appendLines(nil, q) }

func (m *Meter) appendLines(dst []Line, q decimal.Decimal) []Line {
	m.eachBand(m.billable(q), func(i int, qty decimal.Decimal) {
		if i == 0 || qty.IsPositive() {
			l := line(m.Bands[i].Item, m.Unit, qty, m.Bands[i].Price)
			l.Quantity, l.Amount = m.scaled(qty), m.scaled(l.Amount)
			l.Compute, l.Note = m.Compute, m.Bands[i].Note
			dst = append(dst, l)
		}
	})
	return dst
}

// Slope is the price of one more unit of the driver at q (the charge's
// right derivative): zero inside the free allowance, then the price of the
// band the next unit falls in (÷ Scale, rounded at [DivScale] places).
func (m Meter) Slope(q decimal.Decimal) decimal.Decimal {
	if len(m.Bands) == 0 || (!m.Free.IsZero() && q.LessThan(m.Free)) {
		return dZero
	}
	if len(m.Bands) == 1 {
		return m.scaled(m.Bands[0].Price)
	}
	pos := m.Prior.Add(q.Sub(m.Free))
	for i, b := range m.Bands {
		if b.UpTo == nil || i == len(m.Bands)-1 || pos.LessThan(*b.UpTo) {
			return m.scaled(b.Price)
		}
	}
	return dZero // unreachable: the last band takes everything left
}

// Breaks are the driver quantities where the slope may change, ascending:
// the end of the free allowance and the end of every band the bill can
// still reach after Prior.
func (m Meter) Breaks() []decimal.Decimal { return m.appendBreaks(nil) }

func (m *Meter) appendBreaks(dst []decimal.Decimal) []decimal.Decimal {
	if m.Free.IsPositive() {
		dst = append(dst, m.Free)
	}
	for i, b := range m.Bands {
		if b.UpTo == nil || i == len(m.Bands)-1 {
			break
		}
		if need := b.UpTo.Sub(m.Prior); need.IsPositive() {
			dst = append(dst, m.Free.Add(need))
		}
	}
	return dst
}
