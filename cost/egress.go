package cost

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// DataTransferPrices are what AWS bills for data moving out of a region
// and between its zones, per GB: data out to the internet in tiers of
// the month's GB beyond a free allowance, and data crossing zones.
type DataTransferPrices struct {
	// InternetOut are the tiers of data out to the internet, counted from
	// the first GB beyond FreeInternetGB ("first 10 TB / month data
	// transfer out beyond the global free tier", as AWS's bills word it).
	InternetOut []GBTier `yaml:"internet_out"`
	// FreeInternetGB is the monthly allowance of data out to the internet
	// before any tier. It is the account's, across every service and
	// region: runwhere gives it all to the service it prices.
	FreeInternetGB Figure `yaml:"free_internet_gb"`
	// CrossZoneGB is USD per GB between two zones of the region, billed
	// in each direction: once as it leaves one zone, once as it enters
	// the other.
	CrossZoneGB Figure `yaml:"cross_zone_gb"`
}

// GBTier is one band of a per-GB price. UpToGB is the band's upper end in
// GB per month (beyond the free allowance); nil marks the last, open band.
type GBTier struct {
	UpToGB *decimal.Decimal `yaml:"up_to_gb,omitempty"`
	Figure `yaml:",inline"`
}

func (d *DataTransferPrices) clone() *DataTransferPrices {
	if d == nil {
		return nil
	}
	out := *d
	out.InternetOut = slices.Clone(d.InternetOut)
	for i := range out.InternetOut {
		out.InternetOut[i].UpToGB = clonePtr(out.InternetOut[i].UpToGB)
	}
	return &out
}

func (d *DataTransferPrices) validate() error {
	if err := checkFigures("data_transfer", map[string]*Figure{
		"free_internet_gb": &d.FreeInternetGB, "cross_zone_gb": &d.CrossZoneGB,
	}); err != nil {
		return err
	}
	if len(d.InternetOut) == 0 {
		return fieldErr("data_transfer.internet_out", "", "is empty: a tiered price needs at least its open last band")
	}
	var prev decimal.Decimal
	for i, t := range d.InternetOut {
		at := fmt.Sprintf("data_transfer.internet_out[%d]", i)
		if err := t.check(at); err != nil {
			return err
		}
		last := i == len(d.InternetOut)-1
		switch {
		case last && t.UpToGB != nil:
			return fieldErr(at+".up_to_gb", t.UpToGB.String(), "is set on the last band, which must be open")
		case !last && t.UpToGB == nil:
			return fieldErr(at+".up_to_gb", "", "is missing: only the last band is open")
		case !last && !t.UpToGB.GreaterThan(prev):
			return fieldErr(at+".up_to_gb", t.UpToGB.String(), "does not rise above the band before it")
		}
		if !last {
			prev = *t.UpToGB
		}
	}
	return nil
}

// InternetEgress prices gb a month of data out to the internet: the free
// allowance, then the catalogue's tiers. The tiers and the allowance are
// the account's: runwhere counts this service alone, from the first GB of
// the month. Data out is the same whatever runs the service, so callers
// show it once, beside the platforms, and add it to every total.
func InternetEgress(c *Catalogue, gb decimal.Decimal) (Bill, error) {
	if c == nil || c.DataTransfer == nil {
		return Bill{}, fieldErr("data_transfer", regionOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"internet_egress_gb", gb}); err != nil {
		return Bill{}, err
	}
	if gb.IsNegative() {
		return Bill{}, fieldErr("internet_egress_gb", gb.String(), "is negative")
	}
	d := c.DataTransfer
	m := Meter{Unit: "GB", Free: d.FreeInternetGB.Value, Bands: make([]Band, len(d.InternetOut))}
	for i, t := range d.InternetOut {
		m.Bands[i] = Band{Item: "internet egress (tier " + strconv.Itoa(i+1) + ")", Price: t.Value, UpTo: clonePtr(t.UpToGB)}
	}
	lines := []Line{line("internet egress (free allowance)", "GB", minDec(gb, d.FreeInternetGB.Value), dZero)}
	if gb.GreaterThan(d.FreeInternetGB.Value) {
		lines = m.appendLines(lines, gb)
	}
	return Bill{Lines: lines}, nil
}

// CrossZone prices gb a month crossing between two zones of the region:
// each GB billed twice, as it leaves one zone and as it enters the other.
func CrossZone(c *Catalogue, item string, gb decimal.Decimal) (Bill, error) {
	if c == nil || c.DataTransfer == nil {
		return Bill{}, fieldErr("data_transfer", regionOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"cross_zone_gb", gb}); err != nil {
		return Bill{}, err
	}
	if gb.IsNegative() {
		return Bill{}, fieldErr("cross_zone_gb", gb.String(), "is negative")
	}
	return Bill{Lines: []Line{line(item, "GB", gb.Mul(decimal.NewFromInt(2)), c.DataTransfer.CrossZoneGB.Value)}}, nil
}

// PublicIPv4 prices addresses public IPv4 addresses held all month, a
// line named item ("nat gateway public ipv4").
func PublicIPv4(c *Catalogue, item string, addresses int64) (Bill, error) {
	if c == nil || c.PublicIPv4 == nil {
		return Bill{}, fieldErr("public_ipv4_hour", regionOf(c), "is not priced in this catalogue")
	}
	if addresses < 0 {
		return Bill{}, fieldErr("public_ipv4.addresses", strconv.FormatInt(addresses, 10), "is negative")
	}
	return Bill{Lines: []Line{line(item, "address-hour", dHoursPerMonth.Mul(decimal.NewFromInt(addresses)), c.PublicIPv4.Value)}}, nil
}
