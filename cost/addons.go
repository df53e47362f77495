package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// An InstanceAddon is a charge that follows every hour an EC2 instance or
// a Fargate task runs, beside its compute: a public IPv4 address ($0.005
// an address-hour) or a node's EBS root volume (GB × the GB-month price,
// prorated over the month's 730 hours). [EC2] and [Fargate] bill an
// addon of their usage as a line of its own over the same billed seconds
// as the compute, and [EC2Tariff] and [FargateTariff] carry it as a term,
// so that every bill, tariff and monthly price of a fleet has it. No
// buyer's discount lowers an addon: its meter is not compute.
type InstanceAddon struct {
	// Item names the bill line ("public ipv4 (nodes)").
	Item string
	// Unit is what Price is per ("address-hour", "GB-month").
	Unit  string
	Price decimal.Decimal
	// PerHour is how many Units one hour of one instance runs up, as a
	// fraction PerHourNum ÷ PerHourDen so that a GB-month over 730 hours
	// stays exact until the amount is divided: an address-hour is 1 ÷ 1,
	// 30 GB of root volume 30 ÷ 730 GB-months an hour. A zero Den is 1.
	PerHourNum decimal.Decimal
	PerHourDen decimal.Decimal
}

// PublicIPv4Addon is one public IPv4 address on each instance or task,
// at the catalogue's price per address-hour; kind names the line
// ("nodes", "tasks"). The error says when the catalogue has no price for
// the addresses (a snapshot from before AWS charged for them).
func PublicIPv4Addon(c *Catalogue, kind string) (InstanceAddon, error) {
	if c == nil || c.PublicIPv4 == nil {
		return InstanceAddon{}, fieldErr("public_ipv4", snapshotOf(c), "is not priced in this catalogue")
	}
	return InstanceAddon{Item: "public ipv4 (" + kind + ")", Unit: "address-hour", Price: c.PublicIPv4.Value, PerHourNum: dOne}, nil
}

// RootVolumeAddon is a gp3 EBS root volume of gb GB on each instance, at
// the catalogue's price per GB-month: EBS bills provisioned storage per
// GB-month, prorated by the second, and a month here is [HoursPerMonth]
// hours, as AWS's pricing page counts it in its examples. The error says
// when the catalogue has no gp3 price, or gb is not positive.
func RootVolumeAddon(c *Catalogue, gb decimal.Decimal) (InstanceAddon, error) {
	if c == nil || c.EBS == nil {
		return InstanceAddon{}, fieldErr("ebs.gp3_gb_month", snapshotOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"root_volume_gb", gb}); err != nil {
		return InstanceAddon{}, err
	}
	if !gb.IsPositive() {
		return InstanceAddon{}, fieldErr("root_volume_gb", gb.String(), "is not greater than zero")
	}
	return InstanceAddon{
		Item:       fmt.Sprintf("root volume (gp3, %s GB)", gb),
		Unit:       "GB-month",
		Price:      c.EBS.GP3GBMonth.Value,
		PerHourNum: gb,
		PerHourDen: dHoursPerMonth,
	}, nil
}

func (a InstanceAddon) check(i int) error {
	at := fmt.Sprintf("addons[%d]", i)
	if a.Item == "" {
		return fieldErr(at+".item", "", "is missing")
	}
	if err := checkDecimals(namedDecimal{at + ".price", a.Price}, namedDecimal{at + ".per_hour_num", a.PerHourNum}, namedDecimal{at + ".per_hour_den", a.PerHourDen}); err != nil {
		return err
	}
	if a.Price.IsNegative() {
		return fieldErr(at+".price", a.Price.String(), "is negative")
	}
	if a.PerHourNum.IsNegative() {
		return fieldErr(at+".per_hour_num", a.PerHourNum.String(), "is negative")
	}
	if a.PerHourDen.IsNegative() {
		return fieldErr(at+".per_hour_den", a.PerHourDen.String(), "is negative")
	}
	return nil
}

func checkAddons(addons []InstanceAddon) error {
	for i, a := range addons {
		if err := a.check(i); err != nil {
			return err
		}
	}
	return nil
}

// den is the addon's PerHourDen, one when unset.
func (a InstanceAddon) den() decimal.Decimal {
	if a.PerHourDen.IsZero() {
		return dOne
	}
	return a.PerHourDen
}

// meter is the addon's meter over a driver of which driverPerHour units
// make one instance-hour (1 for instance-hours, 3,600 for task-seconds):
// the term's Per is PerHourNum and the meter's Scale the rest, so that
// the amount is driver × PerHourNum × Price, divided last.
func (a InstanceAddon) meter(driverPerHour decimal.Decimal) (Meter, decimal.Decimal) {
	m := Meter{Unit: a.Unit, Bands: []Band{{Item: a.Item, Price: a.Price}}}
	if s := driverPerHour.Mul(a.den()); !s.Equal(dOne) {
		m.Scale = s
	}
	return m, a.PerHourNum
}

// addonLines bills addons over count runs of billed seconds each, as
// [EC2] bills the instances.
func addonLines(addons []InstanceAddon, billed decimal.Decimal, count int) []Line {
	out := make([]Line, 0, len(addons))
	secs := billed.Mul(decimal.NewFromInt(int64(count)))
	for _, a := range addons {
		m, per := a.meter(d3600)
		out = append(out, m.Lines(secs.Mul(per))[0])
	}
	return out
}

// addonTerms are addons as terms of a tariff whose driver counts
// driverPerHour units to an instance-hour.
func addonTerms(addons []InstanceAddon, driverPerHour decimal.Decimal) Tariff {
	out := make(Tariff, 0, len(addons))
	for _, a := range addons {
		m, per := a.meter(driverPerHour)
		out = append(out, Term{Meter: m, Per: per})
	}
	return out
}

// AddonsHourly is what addons add to one hour of one instance, before
// any division is rounded: Σ Price × PerHourNum ÷ PerHourDen, at
// [DivScale] places where the quotient does not terminate.
func AddonsHourly(addons []InstanceAddon) decimal.Decimal {
	sum := dZero
	for _, a := range addons {
		sum = sum.Add(div(a.Price.Mul(a.PerHourNum), a.den()))
	}
	return sum
}

// EBSPrices are EBS volume prices: USD per GB-month of provisioned gp3
// storage (its baseline 3,000 IOPS and 125 MB/s are included).
type EBSPrices struct {
	GP3GBMonth Figure `yaml:"gp3_gb_month"`
}

// validateAddons checks the prices of what follows instances: a sourced
// figure each (public_ipv4_hour is checked with the surroundings').
func (c *Catalogue) validateAddons() error {
	if c.EBS != nil {
		return checkFigures("ebs", map[string]*Figure{"gp3_gb_month": &c.EBS.GP3GBMonth})
	}
	return nil
}
