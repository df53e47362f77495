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

// InstanceFees are generated tables of management fees per instance-hour
// for one snapshot — Amazon EKS Auto Mode's and Amazon ECS Managed
// Instances', each charged for every instance the service runs on top of
// the instance's own price — by table, region and instance type
// (cost/data/<snapshot>_fees.csv, which internal/catalogue/gen decodes
// from AWS's data). A type with no row has no sourced fee in that table
// and region. The tables are read-only: the catalogues of a snapshot
// share them.
type InstanceFees struct {
	byTable map[string]map[string]listedPrices // table → region → type
	sources []platform.Source
}

// Tables lists the fee tables, sorted.
func (f InstanceFees) Tables() []string {
	out := make([]string, 0, len(f.byTable))
	for t := range f.byTable {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Regions lists the regions with a fee in any table, sorted.
func (f InstanceFees) Regions() []string {
	seen := map[string]bool{}
	for _, regions := range f.byTable {
		for r := range regions {
			seen[r] = true
		}
	}
	out := make([]string, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the fee of instance type t in a table and region.
func (f InstanceFees) Lookup(table, region, t string) (Figure, bool) {
	lp, ok := f.byTable[table][region][t]
	if !ok {
		return Figure{}, false
	}
	return Figure{Value: decimal.New(lp.coef, lp.exp), Source: f.sources[lp.source]}, true
}

// Len is the number of fees in all tables.
func (f InstanceFees) Len() int {
	n := 0
	for _, regions := range f.byTable {
		for _, m := range regions {
			n += len(m)
		}
	}
	return n
}

// region is the tables' view of one region, as a catalogue holds it, or
// nil when no table has the region.
func (f InstanceFees) region(r string) *regionFees {
	for _, regions := range f.byTable {
		if _, ok := regions[r]; ok {
			return &regionFees{tables: f, region: r}
		}
	}
	return nil
}

// regionFees are the fees of one region.
type regionFees struct {
	tables InstanceFees
	region string
}

// instanceFeeLimits bound a fee table: the generated one is about
// 470 KB and 8,300 rows.
const (
	instanceFeeMaxBytes = 8 << 20
	instanceFeeMaxRows  = 200_000
)

// ParseInstanceFees reads fee tables in the generated CSV form: "#"
// comment lines, "@source,<key>,<as_of>,<url>,<note>" lines naming the
// sources, a header "table,region,instance_type,usd_per_instance_hour,source"
// and one row per fee, each naming its source by key. Errors name the
// line, the field and the value. name labels the data in errors.
func ParseInstanceFees(name string, data []byte) (InstanceFees, error) {
	f, err := parseInstanceFees(data)
	var fe *FieldError
	if errors.As(err, &fe) {
		fe.File = name
	}
	return f, input.Prefix("cost", err)
}

func parseInstanceFees(data []byte) (InstanceFees, error) {
	if len(data) > instanceFeeMaxBytes {
		return InstanceFees{}, fieldErr("fees", fmt.Sprintf("%d bytes", len(data)), fmt.Sprintf("is over the %d-byte limit", instanceFeeMaxBytes))
	}
	out := InstanceFees{byTable: map[string]map[string]listedPrices{}}
	var srcs tableSources
	const header = "table,region,instance_type,usd_per_instance_hour,source"
	err := platform.ScanTable(data, header, "fees", instanceFeeMaxRows, func(line int, f []string, sources map[string]platform.Source) error {
		lineErr := func(field, value, reason string) error {
			return &FieldError{Field: field, Value: input.Short(value), Reason: reason, Line: line}
		}
		if len(f) != 5 {
			return lineErr("row", strings.Join(f, ","), "does not have 5 fields ("+header+")")
		}
		table, region, typ := f[0], f[1], f[2]
		if table == "" || region == "" || typ == "" {
			return lineErr("row", strings.Join(f, ","), "has an empty table, region or instance type")
		}
		fee, err := decimal.NewFromString(f[3])
		if err == nil {
			err = input.CheckDecimal(fee)
		}
		if err != nil || !fee.IsPositive() {
			return lineErr(typ+".usd_per_instance_hour", f[3], "is not a positive decimal")
		}
		coef := fee.Coefficient()
		if !coef.IsInt64() {
			return lineErr(typ+".usd_per_instance_hour", f[3], "has more digits than a fee needs")
		}
		src, reason := srcs.index(f[4], sources)
		if reason != "" {
			return lineErr(typ+".source", f[4], reason)
		}
		regions := out.byTable[table]
		if regions == nil {
			regions = map[string]listedPrices{}
			out.byTable[table] = regions
		}
		m := regions[region]
		if m == nil {
			m = listedPrices{}
			regions[region] = m
		}
		if _, dup := m[typ]; dup {
			return lineErr(typ, table+" "+region, "has two fees in this table and region")
		}
		m[typ] = listedPrice{coef: coef.Int64(), exp: fee.Exponent(), source: src}
		return nil
	})
	if err != nil {
		return InstanceFees{}, err
	}
	out.sources = srcs.list
	return out, nil
}

// attachFees gives each catalogue of snapshot its region's fees from a
// generated table. A region without a catalogue, or whose catalogue has
// no ec2 section to hold them, is an error, as for prices.
func attachFees(name string, snapshot platform.SnapshotID, fees InstanceFees, cats []*Catalogue) error {
	regions, err := ec2Sections(name, "has fees for region", snapshot, fees.Regions(), cats)
	if err != nil {
		return err
	}
	for r, c := range regions {
		c.EC2.fees = fees.region(r)
	}
	return nil
}

// InstanceFee returns the management fee per instance-hour that table
// ("eks-auto-mode", "ecs-managed-instances"; see [Catalogue.FeeTables])
// charges for an instance of instanceType in the catalogue's snapshot and
// region, with its source. The fees come from the snapshot's generated
// table, which [EmbeddedCatalogue] and [LoadCatalogues] attach, as they
// do instance prices; a catalogue read alone with [ParseCatalogue] has
// none. A type the table has no sourced fee for is a *FieldError on
// instance_type — a missing figure, never an estimate — as are a nil
// catalogue and a table the catalogue does not have.
func (c *Catalogue) InstanceFee(table, instanceType string) (Figure, error) {
	if c == nil || c.EC2 == nil || c.EC2.fees == nil {
		where := "no catalogue"
		if c != nil {
			where = fmt.Sprintf("the %s %s catalogue has no fee tables", c.Snapshot, c.Region)
		}
		return Figure{}, fieldErr("instance_type", instanceType, fmt.Sprintf("has no sourced %s fee: %s", table, where))
	}
	fees := c.EC2.fees
	regions, ok := fees.tables.byTable[table]
	if !ok {
		return Figure{}, fieldErr("instance_type", instanceType, fmt.Sprintf("has no sourced %s fee: the %s %s catalogue has no such fee table (it has %s)", table, c.Snapshot, c.Region, strings.Join(c.FeeTables(), ", ")))
	}
	if _, ok := regions[fees.region]; !ok {
		return Figure{}, fieldErr("instance_type", instanceType, fmt.Sprintf("has no sourced %s fee: the table has no fees in %s for snapshot %s", table, c.Region, c.Snapshot))
	}
	f, ok := fees.tables.Lookup(table, fees.region, instanceType)
	if !ok {
		return Figure{}, fieldErr("instance_type", instanceType, fmt.Sprintf("has no sourced %s fee in the %s %s catalogue", table, c.Snapshot, c.Region))
	}
	return f, nil
}

// FeeTables lists the fee tables the catalogue has fees from in its
// region, sorted; none for a catalogue read alone with [ParseCatalogue].
func (c *Catalogue) FeeTables() []string {
	if c == nil || c.EC2 == nil || c.EC2.fees == nil {
		return nil
	}
	var out []string
	for _, t := range c.EC2.fees.tables.Tables() {
		if _, ok := c.EC2.fees.tables.byTable[t][c.EC2.fees.region]; ok {
			out = append(out, t)
		}
	}
	return out
}
