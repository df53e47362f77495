package cost

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
)

// EC2Usage is a fleet of identical on-demand Linux instances.
type EC2Usage struct {
	InstanceType string
	Count        int
	// Hours each instance runs, one continuous run each; zero means the
	// whole month (HoursPerMonth). Billed per the snapshot's increment
	// (per second since Oct 2, 2017) with its minimum (60 s).
	Hours decimal.Decimal
	// Seconds, when not zero, is each run's length in seconds instead of
	// Hours (a job's run of 43 minutes is 2,580 s, not a rounded 0.7167 h).
	Seconds decimal.Decimal
	// HourlyPrice, when not empty, replaces the catalogue's price (a decimal
	// string such as "0.12": negotiated, another era, another region). An
	// instance type missing from the catalogue is then accepted, with no
	// shape.
	HourlyPrice string
	// Discount is the fraction taken off the hourly price (Savings Plan,
	// reserved instance): 0 = on-demand, 0.28 = pay 72 %.
	Discount decimal.Decimal
	// Item names the line; zero means "ec2 <type>".
	Item string
	// Addons follow each instance's billed seconds (a public IPv4
	// address, its root volume), a line each after the instances'.
	Addons []InstanceAddon
}

// EC2 prices a fleet of instances: one line of instance-hours. The amount
// is price × billed seconds / 3600, multiplied before it is divided, so it
// is exact whenever that has at most DivScale places; the quantity, billed
// seconds / 3600, is rounded up at DivScale places when a run lasts a
// fraction of an hour with no exact decimal (60 s is 1/60 h), and the
// amount is then within (price + 1) × 10⁻¹⁸ of quantity × price.
func EC2(c *Catalogue, u EC2Usage) (Bill, error) {
	m, billed, err := ec2Meter(c, u)
	if err != nil {
		return Bill{}, err
	}
	return Bill{Lines: append([]Line{runsLine(m, billed, u.Count)}, addonLines(u.Addons, billed, u.Count)...)}, nil
}

// EC2Hourly is the hourly price EC2 would bill for u's instance type: the
// override or the catalogue's price, after the discount.
func EC2Hourly(c *Catalogue, u EC2Usage) (decimal.Decimal, error) {
	if err := checkDecimals(namedDecimal{"ec2.hours", u.Hours}, namedDecimal{"ec2.discount", u.Discount}); err != nil {
		return dZero, err
	}
	if u.Discount.IsNegative() || u.Discount.GreaterThan(dOne) {
		return dZero, fieldErr("ec2.discount", u.Discount.String(), "is not a fraction between 0 and 1")
	}
	var price decimal.Decimal
	if u.HourlyPrice != "" {
		p, err := input.ParseDecimal(u.HourlyPrice)
		if err != nil {
			return dZero, fieldErr("ec2.hourly_price", u.HourlyPrice, err.Error())
		}
		if p.IsNegative() {
			return dZero, fieldErr("ec2.hourly_price", u.HourlyPrice, "is negative")
		}
		price = p
	} else {
		in, err := c.Instance(u.InstanceType)
		if err != nil {
			return dZero, err
		}
		price = in.Hourly.Value
	}
	if !u.Discount.IsZero() {
		price = price.Mul(dOne.Sub(u.Discount))
	}
	return price, nil
}

// runsLine is the line of count runs of billed seconds each on an hourly
// meter: price × seconds, then / 3600, the product first.
func runsLine(m Meter, billed decimal.Decimal, count int) Line {
	secs := billed.Mul(decimal.NewFromInt(int64(count)))
	l := m.Lines(ceilDiv(secs, d3600))[0]
	l.Amount = ceilDiv(l.UnitPrice.Mul(secs), d3600)
	return l
}

// runSeconds is how long each of u's runs lasts: Seconds when given, else
// Hours (zero: the whole month).
func runSeconds(u EC2Usage) decimal.Decimal {
	if !u.Seconds.IsZero() {
		return u.Seconds
	}
	hours := u.Hours
	if hours.IsZero() {
		hours = dHoursPerMonth
	}
	return hours.Mul(d3600)
}

// EC2Tariff is the price of u's instance type as a [Tariff] over
// instance-hours: one term, the hourly price (override or catalogue,
// after the discount). u is checked as [EC2] checks it, but u.Count and
// u.Hours are not used: the billing increment and minimum apply to each
// run, not to the tariff. A fleet whose size changes hour by hour is the
// sum of the tariff at each hour's instance-hours.
func EC2Tariff(c *Catalogue, u EC2Usage) (Tariff, error) {
	m, _, err := ec2Meter(c, u)
	if err != nil {
		return nil, err
	}
	return append(Tariff{{Meter: m, Per: dOne}}, addonTerms(u.Addons, dOne)...), nil
}

// ec2Meter checks u and returns its meter of instance-hours and the billed
// seconds of one instance's run.
func ec2Meter(c *Catalogue, u EC2Usage) (Meter, decimal.Decimal, error) {
	if c == nil || c.EC2 == nil {
		return Meter{}, dZero, fieldErr("ec2", snapshotOf(c), "is not priced in this catalogue")
	}
	if u.Count < 0 {
		return Meter{}, dZero, fieldErr("ec2.count", strconv.Itoa(u.Count), "is negative")
	}
	if u.InstanceType == "" {
		return Meter{}, dZero, fieldErr("ec2.instance_type", "", "is missing")
	}
	if err := checkDecimals(namedDecimal{"ec2.hours", u.Hours}, namedDecimal{"ec2.seconds", u.Seconds}, namedDecimal{"ec2.discount", u.Discount}); err != nil {
		return Meter{}, dZero, err
	}
	if u.Hours.IsNegative() {
		return Meter{}, dZero, fieldErr("ec2.hours", u.Hours.String(), "is negative")
	}
	if u.Seconds.IsNegative() {
		return Meter{}, dZero, fieldErr("ec2.seconds", u.Seconds.String(), "is negative")
	}
	price, err := EC2Hourly(c, u)
	if err != nil {
		return Meter{}, dZero, err
	}
	if err := checkAddons(u.Addons); err != nil {
		return Meter{}, dZero, err
	}
	billed := maxDec(ceilTo(runSeconds(u), c.EC2.BillingIncrementSeconds.Value), c.EC2.MinimumSeconds.Value)
	item := u.Item
	if item == "" {
		item = "ec2 " + u.InstanceType
	}
	return Meter{Unit: "instance-hour", Bands: []Band{{Item: item, Price: price}}, Compute: true}, billed, nil
}

// EC2Monthly is the monthly cost of one instance running all month: hourly
// price (override or catalogue, after discount) × HoursPerMonth, plus its
// addons for the month (undiscounted).
func EC2Monthly(c *Catalogue, u EC2Usage) (decimal.Decimal, error) {
	u.Count, u.Hours, u.Seconds = 1, dHoursPerMonth, dZero
	b, err := EC2(c, u)
	if err != nil {
		return dZero, err
	}
	return b.Total(), nil
}
