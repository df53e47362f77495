package cost

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// InstancePrices is a generated table of EC2 on-demand Linux hourly prices
// for one snapshot, by region and instance type (cost/data/<snapshot>_ec2.csv,
// written by internal/catalogue/gen from AWS's data). A type with no row
// in a region has no published price there. The table is read-only: the
// catalogues of a snapshot share it.
type InstancePrices struct {
	byRegion map[string]listedPrices
	sources  []platform.Source
}

// listedPrices are one region's prices, kept without pointers (a price
// is its coefficient and exponent, its source an index): thousands of
// decimals, each a pointer to a big.Int, would be thousands of objects
// for the garbage collector to mark on every cycle of every evaluation.
type listedPrices map[string]listedPrice

type listedPrice struct {
	coef   int64
	exp    int32
	source uint16
}

// instance builds the price of one row.
func (p InstancePrices) instance(lp listedPrice) Instance {
	return Instance{Hourly: Figure{Value: decimal.New(lp.coef, lp.exp), Source: p.sources[lp.source]}}
}

// Regions lists the table's regions, sorted.
func (p InstancePrices) Regions() []string {
	out := make([]string, 0, len(p.byRegion))
	for r := range p.byRegion {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the price of instance type t in region.
func (p InstancePrices) Lookup(region, t string) (Instance, bool) {
	lp, ok := p.byRegion[region][t]
	if !ok {
		return Instance{}, false
	}
	return p.instance(lp), true
}

// region is the table's view of one region, as a catalogue holds it.
func (p InstancePrices) region(r string) *regionPrices {
	if _, ok := p.byRegion[r]; !ok {
		return nil
	}
	return &regionPrices{table: p, region: r}
}

// regionPrices are the listed prices of one region.
type regionPrices struct {
	table  InstancePrices
	region string
}

func (r *regionPrices) lookup(t string) (Instance, bool) {
	if r == nil {
		return Instance{}, false
	}
	return r.table.Lookup(r.region, t)
}

func (r *regionPrices) types() []string {
	if r == nil {
		return nil
	}
	m := r.table.byRegion[r.region]
	out := make([]string, 0, len(m))
	for t := range m {
		out = append(out, t)
	}
	return out
}

func (r *regionPrices) has(t string) bool {
	if r == nil {
		return false
	}
	_, ok := r.table.byRegion[r.region][t]
	return ok
}

// Len is the number of prices in the table.
func (p InstancePrices) Len() int {
	n := 0
	for _, m := range p.byRegion {
		n += len(m)
	}
	return n
}

// instancePriceLimits bound a price table: the generated one is about
// 400 KB and 6,000 rows.
const (
	instancePriceMaxBytes = 8 << 20
	instancePriceMaxRows  = 200_000
)

// ParseInstancePrices reads a price table in the generated CSV form:
// "#" comment lines, "@source,<key>,<as_of>,<url>,<note>" lines naming the
// sources, a header "type,region,hourly_usd,source" and one row per price,
// each naming its source by key. Errors name the line, the field and the
// value. name labels the data in errors.
func ParseInstancePrices(name string, data []byte) (InstancePrices, error) {
	p, err := parseInstancePrices(data)
	var fe *FieldError
	if errors.As(err, &fe) {
		fe.File = name
	}
	return p, input.Prefix("cost", err)
}

func parseInstancePrices(data []byte) (InstancePrices, error) {
	if len(data) > instancePriceMaxBytes {
		return InstancePrices{}, fieldErr("prices", fmt.Sprintf("%d bytes", len(data)), fmt.Sprintf("is over the %d-byte limit", instancePriceMaxBytes))
	}
	out := InstancePrices{byRegion: map[string]listedPrices{}}
	var srcs tableSources
	err := platform.ScanTable(data, "type,region,hourly_usd,source", "prices", instancePriceMaxRows, func(line int, f []string, sources map[string]platform.Source) error {
		lineErr := func(field, value, reason string) error {
			return &FieldError{Field: field, Value: input.Short(value), Reason: reason, Line: line}
		}
		if len(f) != 4 {
			return lineErr("row", strings.Join(f, ","), "does not have 4 fields (type,region,hourly_usd,source)")
		}
		typ, region := f[0], f[1]
		if typ == "" || region == "" {
			return lineErr("row", strings.Join(f, ","), "has an empty type or region")
		}
		hourly, err := decimal.NewFromString(f[2])
		if err == nil {
			err = input.CheckDecimal(hourly)
		}
		if err != nil || !hourly.IsPositive() {
			return lineErr(typ+".hourly_usd", f[2], "is not a positive decimal")
		}
		src, reason := srcs.index(f[3], sources)
		if reason != "" {
			return lineErr(typ+".source", f[3], reason)
		}
		coef := hourly.Coefficient()
		if !coef.IsInt64() {
			return lineErr(typ+".hourly_usd", f[2], "has more digits than a price needs")
		}
		m := out.byRegion[region]
		if m == nil {
			m = listedPrices{}
			out.byRegion[region] = m
		}
		if _, dup := m[typ]; dup {
			return lineErr(typ, region, "is priced twice in this region")
		}
		m[typ] = listedPrice{coef: coef.Int64(), exp: hourly.Exponent(), source: src}
		return nil
	})
	if err != nil {
		return InstancePrices{}, err
	}
	out.sources = srcs.list
	return out, nil
}

// tableSources are the sources a generated table's rows name, each given
// an index the first time a row names it: a row keeps two bytes for its
// source instead of a copy.
type tableSources struct {
	byKey map[string]uint16
	list  []platform.Source
}

// index is the index of the source defined under key, or the reason the
// row cannot name it.
func (t *tableSources) index(key string, defined map[string]platform.Source) (uint16, string) {
	if i, ok := t.byKey[key]; ok {
		return i, ""
	}
	s, ok := defined[key]
	if !ok {
		return 0, "is not an @source key defined above it"
	}
	if len(t.list) >= 1<<16-1 {
		return 0, "is one source too many"
	}
	if t.byKey == nil {
		t.byKey = map[string]uint16{}
	}
	i := uint16(len(t.list))
	t.byKey[key] = i
	t.list = append(t.list, s)
	return i, ""
}
