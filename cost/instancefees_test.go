package cost_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

const (
	ecsMI    = "ecs-managed-instances"
	eksAuto  = "eks-auto-mode"
	feesHead = "@source,k,2025-10-27,https://aws.amazon.com/ecs/pricing/,decoded by price: 12% of the on-demand price in 6 regions\n" +
		"table,region,instance_type,usd_per_instance_hour,source\n"
)

// TestInstanceFeePublished: the fees AWS publishes as examples, read from
// the embedded 2026-11 table. Sources: the ECS pricing page,
// https://aws.amazon.com/ecs/pricing/ ("ECS Managed Instances management
// fee (example c6a.2xlarge) $0.037 … per instance hour", 0.03672 in AWS's
// ecs.json); the us-east-1 examples of shared/reference/platforms-2026.md,
// "Management fees hidden in the staged price JSON": m5.large 0.01152 (EC2
// 0.096), c6i.xlarge 0.0204 (EC2 0.17), m7g.large ECS 0.009792, EKS
// 0.00979 (EC2 0.0816) — each 12 % of the on-demand price, EKS's rounded
// to 5 decimals.
func TestInstanceFeePublished(t *testing.T) {
	tests := []struct {
		name, table, instanceType, want string
		url, asOf                       string
	}{
		{name: "eks m5.large", table: eksAuto, instanceType: "m5.large", want: "0.01152", url: "https://aws.amazon.com/eks/pricing/", asOf: "2025-10-28"},
		{name: "ecs m5.large", table: ecsMI, instanceType: "m5.large", want: "0.01152", url: "https://aws.amazon.com/ecs/pricing/", asOf: "2025-10-27"},
		{name: "ecs c6a.2xlarge, the pricing page's example", table: ecsMI, instanceType: "c6a.2xlarge", want: "0.03672"},
		{name: "ecs c6i.xlarge", table: ecsMI, instanceType: "c6i.xlarge", want: "0.0204"},
		{name: "eks c6i.xlarge", table: eksAuto, instanceType: "c6i.xlarge", want: "0.0204"},
		{name: "ecs m7g.large", table: ecsMI, instanceType: "m7g.large", want: "0.009792"},
		{name: "eks m7g.large, rounded", table: eksAuto, instanceType: "m7g.large", want: "0.00979"},
	}
	c := embedded(t, platform.Snapshot2026)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := c.InstanceFee(tc.table, tc.instanceType)
			require.NoError(t, err)
			assert.True(t, d(tc.want).Equal(f.Value), "InstanceFee(%s, %s) = %s, want %s", tc.table, tc.instanceType, f.Value, tc.want)
			if tc.url != "" {
				assert.Equal(t, tc.url, string(f.URL))
				assert.Equal(t, tc.asOf, f.AsOf.String(), "the staged file's publication date")
			}
			assert.Contains(t, f.Note, "decoded by price: 12% of the on-demand price")
		})
	}
}

// TestInstanceFeeMissing: a fee the table does not have is an error on
// instance_type naming the type, never a computed 12 %.
func TestInstanceFeeMissing(t *testing.T) {
	c26 := embedded(t, platform.Snapshot2026)
	yamlOnly, err := os.ReadFile("data/2026-11_us-east-1.yaml")
	require.NoError(t, err)
	parsed, err := cost.ParseCatalogue("mine.yaml", yamlOnly)
	require.NoError(t, err)
	tests := []struct {
		name                string
		c                   *cost.Catalogue
		table, instanceType string
		priced              bool // the catalogue prices the type: only the fee is missing
		reason              string
	}{
		{name: "unknown type", c: c26, table: eksAuto, instanceType: "m99.huge",
			reason: "has no sourced eks-auto-mode fee in the 2026-11 us-east-1 catalogue"},
		// t3.nano, t2.micro: priced, but neither service offers them.
		{name: "priced, no ecs fee", c: c26, table: ecsMI, instanceType: "t3.nano", priced: true,
			reason: "has no sourced ecs-managed-instances fee in the 2026-11 us-east-1 catalogue"},
		{name: "priced, no eks fee", c: c26, table: eksAuto, instanceType: "t2.micro", priced: true,
			reason: "has no sourced eks-auto-mode fee in the 2026-11 us-east-1 catalogue"},
		// m4.large has an EKS Auto Mode fee but no ECS Managed Instances one.
		{name: "previous generation", c: c26, table: ecsMI, instanceType: "m4.large", priced: true,
			reason: "has no sourced ecs-managed-instances fee in the 2026-11 us-east-1 catalogue"},
		{name: "unknown table", c: c26, table: "lambda-managed-instances", instanceType: "m5.large", priced: true,
			reason: "has no sourced lambda-managed-instances fee: the 2026-11 us-east-1 catalogue has no such fee table (it has ecs-managed-instances, eks-auto-mode)"},
		{name: "2017 has none", c: embedded(t, platform.Snapshot2017), table: eksAuto, instanceType: "m4.large", priced: true,
			reason: "has no sourced eks-auto-mode fee: the 2017-12 us-east-1 catalogue has no fee tables"},
		// As for instance prices: a catalogue read alone has no generated table.
		{name: "parsed alone", c: parsed, table: eksAuto, instanceType: "m5.large",
			reason: "has no sourced eks-auto-mode fee: the 2026-11 us-east-1 catalogue has no fee tables"},
		{name: "nil catalogue", table: ecsMI, instanceType: "m5.large",
			reason: "has no sourced ecs-managed-instances fee: no catalogue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.c.InstanceFee(tc.table, tc.instanceType)
			var fe *cost.FieldError
			require.True(t, errors.As(err, &fe), "InstanceFee(%s, %s) = %v, want a *FieldError", tc.table, tc.instanceType, err)
			assert.Equal(t, "instance_type", fe.Field)
			assert.Equal(t, tc.instanceType, fe.Value)
			assert.Equal(t, tc.reason, fe.Reason)
			assert.True(t, strings.HasPrefix(err.Error(), "cost: instance_type: "+tc.instanceType+" "), "%q", err)
			_, priceErr := tc.c.Instance(tc.instanceType)
			assert.Equal(t, tc.priced, priceErr == nil, "Instance(%s) = %v", tc.instanceType, priceErr)
		})
	}
}

// TestFeeTables: every 2026-11 region has both tables, and each fee is
// the table's rule applied to the catalogue's price of the type there
// (ECS: 12 % of the price rounded half up to 4 decimals; EKS: 12 % of
// the price rounded half up to 5 decimals), which is how the generator
// found it. 2017-12 has none: neither service existed.
func TestFeeTables(t *testing.T) {
	rules := map[string]func(decimal.Decimal) decimal.Decimal{
		ecsMI:   func(p decimal.Decimal) decimal.Decimal { return p.Round(4).Mul(d("0.12")) },
		eksAuto: func(p decimal.Decimal) decimal.Decimal { return p.Mul(d("0.12")).Round(5) },
	}
	for _, region := range cost.Regions(platform.Snapshot2026) {
		t.Run(region, func(t *testing.T) {
			c, err := cost.EmbeddedCatalogue(platform.Snapshot2026, region)
			require.NoError(t, err)
			require.Equal(t, []string{ecsMI, eksAuto}, c.FeeTables())
			for _, table := range c.FeeTables() {
				fees := 0
				for _, typ := range c.InstanceTypes() {
					in, err := c.Instance(typ)
					require.NoError(t, err)
					f, err := c.InstanceFee(table, typ)
					if err != nil {
						continue
					}
					fees++
					want := rules[table](in.Hourly.Value)
					assert.True(t, want.Equal(f.Value), "%s %s: fee %s, but the rule on the price %s gives %s", table, typ, f.Value, in.Hourly.Value, want)
				}
				assert.Positive(t, fees, "%s has fees in %s", table, region)
			}
		})
	}
	old, err := cost.EmbeddedCatalogue(platform.Snapshot2017, "")
	require.NoError(t, err)
	assert.Empty(t, old.FeeTables())
	assert.Empty(t, (*cost.Catalogue)(nil).FeeTables())
}

// TestInstanceFeeSurvivesClone: the table is shared by copies, as the
// price table is.
func TestInstanceFeeSurvivesClone(t *testing.T) {
	c := embedded(t, platform.Snapshot2026).Clone()
	f, err := c.InstanceFee(ecsMI, "m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.01152", f.Value.String())
}

func TestParseInstanceFees(t *testing.T) {
	f, err := cost.ParseInstanceFees("f.csv", []byte("# c\n"+feesHead+
		"ecs-managed-instances,us-east-1,m5.large,0.01152,k\n"+
		"eks-auto-mode,eu-west-1,m5.large,0.01284,k\n"+
		"eks-auto-mode,us-east-1,m7g.large,0.00979,k\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{ecsMI, eksAuto}, f.Tables())
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, f.Regions())
	assert.Equal(t, 3, f.Len())
	fee, ok := f.Lookup(eksAuto, "eu-west-1", "m5.large")
	require.True(t, ok)
	assert.Equal(t, "0.01284", fee.Value.String())
	assert.Equal(t, "decoded by price: 12% of the on-demand price in 6 regions", fee.Note)
	_, ok = f.Lookup(ecsMI, "eu-west-1", "m5.large")
	assert.False(t, ok, "a fee of one table is not the other's")
}

// TestParseInstanceFeesErrors: each refusal names the file, the line, the
// field and the value.
func TestParseInstanceFeesErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{name: "no header", data: feesHead[:strings.Index(feesHead, "table,")], want: "cost: f.csv: header: is missing"},
		{name: "prices header", data: "type,region,hourly_usd,source\n", want: "cost: f.csv:1: header: type,region,hourly_usd,source is not"},
		{name: "fields", data: feesHead + "eks-auto-mode,us-east-1,m5.large,0.01152\n", want: "cost: f.csv:3: row: eks-auto-mode,us-east-1,m5.large,0.01152 does not have 5 fields"},
		{name: "empty table", data: feesHead + ",us-east-1,m5.large,0.01152,k\n", want: "cost: f.csv:3: row: ,us-east-1,m5.large,0.01152,k has an empty table, region or instance type"},
		{name: "empty type", data: feesHead + "eks-auto-mode,us-east-1,,0.01152,k\n", want: "cost: f.csv:3: row: eks-auto-mode,us-east-1,,0.01152,k has an empty table"},
		{name: "zero", data: feesHead + "eks-auto-mode,us-east-1,m5.large,0,k\n", want: "cost: f.csv:3: m5.large.usd_per_instance_hour: 0 is not a positive decimal"},
		{name: "negative", data: feesHead + "eks-auto-mode,us-east-1,m5.large,-0.01,k\n", want: "cost: f.csv:3: m5.large.usd_per_instance_hour: -0.01 is not a positive decimal"},
		{name: "percent", data: feesHead + "eks-auto-mode,us-east-1,m5.large,12%,k\n", want: "cost: f.csv:3: m5.large.usd_per_instance_hour: 12% is not a positive decimal"},
		{name: "huge exponent", data: feesHead + "eks-auto-mode,us-east-1,m5.large,1e-999999999,k\n", want: "cost: f.csv:3: m5.large.usd_per_instance_hour: 1e-999999999 is not a positive decimal"},
		{name: "source", data: feesHead + "eks-auto-mode,us-east-1,m5.large,0.01152,zz\n", want: "cost: f.csv:3: m5.large.source: zz is not an @source key defined above it"},
		{name: "twice", data: feesHead + "eks-auto-mode,us-east-1,m5.large,0.01152,k\neks-auto-mode,us-east-1,m5.large,0.01153,k\n", want: "cost: f.csv:4: m5.large: eks-auto-mode us-east-1 has two fees in this table and region"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cost.ParseInstanceFees("f.csv", []byte(tc.data))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got  %q\nwant %q…", err, tc.want)
			var fe *cost.FieldError
			assert.True(t, errors.As(err, &fe))
		})
	}
	// The same type in two tables, or two regions, is two fees.
	_, err := cost.ParseInstanceFees("f.csv", []byte(feesHead+"eks-auto-mode,us-east-1,m5.large,0.01152,k\necs-managed-instances,us-east-1,m5.large,0.01152,k\neks-auto-mode,eu-west-1,m5.large,0.01284,k\n"))
	assert.NoError(t, err)
}

// TestLoadCataloguesFeeTable: a fee table attaches to its snapshot's
// catalogues beside the price table; a region with no catalogue, or one
// with no ec2 section, is refused.
func TestLoadCataloguesFeeTable(t *testing.T) {
	yaml, err := os.ReadFile("data/2026-11_us-east-1.yaml")
	require.NoError(t, err)
	files := func(fees string, y []byte) map[string][]byte {
		return map[string][]byte{
			"d/2026-11_us-east-1.yaml": y,
			"d/2026-11_ec2.csv":        []byte(priceSources + "type,region,hourly_usd,source\nm5.large,us-east-1,0.5,k\n"),
			"d/2026-11_fees.csv":       []byte(fees),
		}
	}
	cats, err := cost.LoadCatalogues(mapFS(files(feesHead+"eks-auto-mode,us-east-1,m5.large,0.06,k\n", yaml)), "d")
	require.NoError(t, err)
	require.Len(t, cats, 1)
	f, err := cats[0].InstanceFee(eksAuto, "m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.06", f.Value.String())
	assert.Equal(t, []string{eksAuto}, cats[0].FeeTables())
	in, err := cats[0].Instance("m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.5", in.Hourly.Value.String(), "the price table attaches as before")
	_, err = cats[0].InstanceFee(ecsMI, "m5.large")
	assert.ErrorContains(t, err, "has no such fee table (it has eks-auto-mode)")

	_, err = cost.LoadCatalogues(mapFS(files(feesHead+"eks-auto-mode,eu-west-9,m5.large,0.06,k\n", yaml)), "d")
	assert.ErrorContains(t, err, `cost: d/2026-11_fees.csv: has fees for region "eu-west-9", which has no 2026-11 catalogue`)

	// Without an ec2 section (and so without the price table, which
	// needs one too), the fees have nowhere to go.
	y := string(yaml)
	noEC2 := y[:strings.Index(y, "\nec2:\n")+1] + y[strings.Index(y, "\nfargate:\n")+1:]
	require.NotContains(t, noEC2, "billing_increment_seconds")
	fsys := mapFS(files(feesHead+"eks-auto-mode,us-east-1,m5.large,0.06,k\n", []byte(noEC2)))
	delete(fsys, "d/2026-11_ec2.csv")
	_, err = cost.LoadCatalogues(fsys, "d")
	assert.ErrorContains(t, err, `cost: d/2026-11_fees.csv: has fees for region "us-east-1", whose 2026-11 catalogue has no ec2 section`)

	_, err = cost.LoadCatalogues(mapFS(files(feesHead+"eks-auto-mode,us-east-1,m5.large,free,k\n", yaml)), "d")
	assert.ErrorContains(t, err, "cost: d/2026-11_fees.csv:3: m5.large.usd_per_instance_hour: free is not a positive decimal")
}

// Ten m5.large all month under EKS Auto Mode in us-east-1: the issue's
// 10 × 730 × $0.01152 of management fee.
func ExampleCatalogue_InstanceFee() {
	c, _ := cost.EmbeddedCatalogue(platform.Snapshot2026, "us-east-1")
	fee, err := c.InstanceFee("eks-auto-mode", "m5.large")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fee.Value, fee.URL, fee.AsOf)
	fmt.Println(fee.Value.Mul(decimal.NewFromInt(10 * 730)))
	_, err = c.InstanceFee("ecs-managed-instances", "t3.nano")
	fmt.Println(err)
	// Output:
	// 0.01152 https://aws.amazon.com/eks/pricing/ 2025-10-28
	// 84.096
	// cost: instance_type: t3.nano has no sourced ecs-managed-instances fee in the 2026-11 us-east-1 catalogue
}

func FuzzParseInstanceFees(f *testing.F) {
	data, err := os.ReadFile("data/2026-11_fees.csv")
	require.NoError(f, err)
	f.Add(string(data[:4096]))
	f.Add(feesHead + "eks-auto-mode,us-east-1,m5.large,0.01152,k\n")
	f.Fuzz(func(t *testing.T, doc string) {
		var fees cost.InstanceFees
		var err error
		inputtest.Timed(t, "ParseInstanceFees", doc, func() { fees, err = cost.ParseInstanceFees("f.csv", []byte(doc)) })
		if err != nil {
			return
		}
		n := 0
		for _, table := range fees.Tables() {
			for _, r := range fees.Regions() {
				if table == "" || r == "" {
					t.Fatal("accepted an empty table or region")
				}
			}
		}
		for _, line := range strings.Split(doc, "\n") {
			// encoding/csv reads CRLF line endings as LF.
			line = strings.TrimSuffix(line, "\r")
			fields := strings.Split(line, ",")
			if len(fields) != 5 || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "@source,") || line == "table,region,instance_type,usd_per_instance_hour,source" {
				continue
			}
			fee, ok := fees.Lookup(fields[0], fields[1], fields[2])
			if !ok || !fee.Value.IsPositive() {
				t.Fatalf("row %q was accepted but reads back as %v, %v", line, fee.Value, ok)
			}
			n++
		}
		if n != fees.Len() {
			t.Fatalf("%d rows read back, Len() = %d", n, fees.Len())
		}
	})
}
