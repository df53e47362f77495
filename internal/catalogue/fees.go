package catalogue

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// FeesFile is the generated table of management fees per instance-hour.
const FeesFile = "cost/data/2026-11_fees.csv"

// A feeRule is how AWS prices one service's management fee from an
// instance type's on-demand price. AWS publishes the fees in the
// service's pricing-page JSON under hashed rate names, one or more per
// instance type, and never says which type a name stands for: the rule
// is what lets the generator find the type by price.
//
// Both rules were read off the data rather than taken on trust. ECS
// rounds the price, not the fee: 12 % of the unrounded price decodes 578
// of ecs.json's 892 hashed rates, 12 % of the price rounded half up to
// 4 decimals 877 (the 15 others are listed in the report) (eu-west-1 c6a.12xlarge costs 1.96992 and its fee is
// 0.236388 = 0.12 × 1.9699, not 0.12 × 1.96992 = 0.2363904), rounded
// half to even 866. EKS rounds the fee to 5 decimals: 851 of 862; no
// price in the data tells half up from half to even, and rounding up
// decodes 437.
type feeRule struct {
	table string // the table's name, as package cost looks it up
	file  string // the pricing-page JSON holding the hashed rates
	short string // the prefix of the table's source keys
	what  string // the fee's name, for the notes
	rule  string // fee in words, for the notes
	fee   func(onDemand decimal.Decimal) decimal.Decimal
}

var twelvePercent = decimal.New(12, -2)

var feeRules = []feeRule{
	{
		table: "ecs-managed-instances", file: "ecs.json", short: "ecs",
		what: "Amazon ECS Managed Instances management fee",
		rule: "12% of the on-demand price after rounding that price half up to 4 decimals",
		fee:  func(p decimal.Decimal) decimal.Decimal { return p.Round(4).Mul(twelvePercent) },
	},
	{
		table: "eks-auto-mode", file: "eks.json", short: "eks",
		what: "Amazon EKS Auto Mode management fee",
		rule: "12% of the on-demand price with the fee rounded half up to 5 decimals",
		fee:  func(p decimal.Decimal) decimal.Decimal { return p.Mul(twelvePercent).Round(5) },
	},
}

// HashedRates are the rates of an AWS pricing-page JSON file that are
// named by a hash instead of words: 43 URL-safe base64 characters, the
// rate's own RegionlessRateCode.
type HashedRates struct {
	Published string // YYYY-MM-DD, the file's publication date
	// Rates are the prices of each hashed name by location name.
	Rates map[string]map[string]decimal.Decimal
	// Twins maps a hashed name to the worded rate whose
	// RegionlessRateCode it is: AWS lists those rates twice, and the
	// hashed copy is that rate, not a fee of some instance type.
	Twins map[string]string
}

// ReadHashedRates reads the hashed rates of an AWS pricing-page JSON file
// as AWS serves it.
func ReadHashedRates(fsys fs.FS, name string) (*HashedRates, error) {
	page, err := readPricePage(fsys, name)
	if err != nil {
		return nil, err
	}
	hr := &HashedRates{Published: page.published, Rates: map[string]map[string]decimal.Decimal{}, Twins: map[string]string{}}
	for loc, rates := range page.Regions {
		for k, v := range rates {
			if k != v.Regional || !isHash(k) {
				if isHash(v.Regional) {
					hr.Twins[v.Regional] = k
				}
				continue
			}
			p, err := page.price(loc, k, v.Price)
			if err != nil {
				return nil, err
			}
			if hr.Rates[k] == nil {
				hr.Rates[k] = map[string]decimal.Decimal{}
			}
			hr.Rates[k][loc] = p
		}
	}
	return hr, nil
}

// isHash reports whether s has the form of AWS's hashed rate names: 43
// URL-safe base64 characters (256 bits).
func isHash(s string) bool {
	if len(s) != 43 {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Fee is one row of a generated fee table.
type Fee struct {
	Table, Type, Region string
	Hourly              decimal.Decimal // USD per instance-hour, AWS's price for the rate
	// Regions counts the regions where the rate was compared with the
	// type's on-demand price, and matched.
	Regions int
}

// FeeTable is what decoding one table found, for the report.
type FeeTable struct {
	Table     string
	Rates     int            // hashed rates priced in the catalogue's regions
	Decoded   int            // of them, matched to at least one instance type
	Rows      map[string]int // fee rows, that is types with a fee, by region code
	Undecoded []string       // "name (why)"
}

// feePrices are the on-demand prices the fees are matched against, by
// region and type: the price table's (buildPrices) for every type,
// whether or not it has a shape. Where the table has a price, a fee
// row's fee is therefore the rule applied to that very price.
func feePrices(src *Sources, useast1 map[string]OnDemand, page map[string]map[string]decimal.Decimal) map[string]map[string]decimal.Decimal {
	out := map[string]map[string]decimal.Decimal{}
	for _, r := range src.Regions {
		m := maps.Clone(page[r.Code])
		if m == nil {
			m = map[string]decimal.Decimal{}
		}
		if r.Code == "us-east-1" {
			for t, od := range useast1 {
				if _, shared := m[t]; !shared && !strings.HasPrefix(od.Note, "metal_above") {
					m[t] = od.Hourly
				}
			}
		}
		out[r.Code] = m
	}
	return out
}

// decodeFees matches the hashed rates of one table's file to instance
// types by price. A rate is a type's fee when, in every region where the
// rate and the type's on-demand price both exist, the rule applied to the
// price gives the rate's price, and there is at least one such region. A
// rate matching several types (equal prices everywhere compared) gives
// its fee to each. A row is written only where the type has a price to
// compare: a rate's price in a region where the type has none is not
// checked against anything, and is left out. One price per type and
// region means two rates that match a type agree on its fee.
func decodeFees(rule feeRule, hr *HashedRates, src *Sources, prices map[string]map[string]decimal.Decimal) ([]Fee, FeeTable) {
	report := FeeTable{Table: rule.table, Rows: map[string]int{}}
	code := map[string]string{} // location → region code
	for _, r := range src.Regions {
		code[r.Location] = r.Code
	}
	// byFee[region][fee] are the types whose price the rule makes that fee.
	byFee := map[string]map[string][]string{}
	for r, m := range prices {
		byFee[r] = map[string][]string{}
		for t, p := range m {
			f := rule.fee(p).String()
			byFee[r][f] = append(byFee[r][f], t)
		}
	}

	type match struct {
		fee     decimal.Decimal
		regions int
	}
	rows := map[[2]string]match{} // {type, region} → its fee
	for _, name := range slices.Sorted(maps.Keys(hr.Rates)) {
		rates := map[string]decimal.Decimal{}
		for loc, p := range hr.Rates[name] {
			if c, ok := code[loc]; ok {
				rates[c] = p
			}
		}
		if len(rates) == 0 {
			continue // not sold in the catalogue's regions
		}
		report.Rates++
		if twin, ok := hr.Twins[name]; ok {
			report.Undecoded = append(report.Undecoded, fmt.Sprintf("%s (the worded rate %q)", name, twin))
			continue
		}
		candidates := map[string]bool{}
		for r, p := range rates {
			for _, t := range byFee[r][p.String()] {
				candidates[t] = true
			}
		}
		matched := false
		for t := range candidates {
			var compared []string
			for r, p := range rates {
				if price, ok := prices[r][t]; ok {
					if !rule.fee(price).Equal(p) {
						compared = nil
						break
					}
					compared = append(compared, r)
				}
			}
			for _, r := range compared {
				k := [2]string{t, r}
				rows[k] = match{rates[r], max(rows[k].regions, len(compared))}
				matched = true
			}
		}
		if matched {
			report.Decoded++
			continue
		}
		why := "no instance type's on-demand price gives these fees"
		if us, ok := rates["us-east-1"]; ok {
			why += "; us-east-1 " + us.String()
		}
		report.Undecoded = append(report.Undecoded, name+" ("+why+")")
	}

	out := make([]Fee, 0, len(rows))
	for k, m := range rows {
		out = append(out, Fee{Table: rule.table, Type: k[0], Region: k[1], Hourly: m.fee, Regions: m.regions})
		report.Rows[k[1]]++
	}
	return out, report
}

// buildFees reads and decodes every fee table.
func buildFees(data fs.FS, src *Sources, useast1 map[string]OnDemand, page map[string]map[string]decimal.Decimal) ([]byte, []FeeTable, error) {
	var b strings.Builder
	b.WriteString(generatedHeader("management fees per instance-hour (USD) by region, for package cost"))
	b.WriteString("# AWS publishes each fee in its pricing-page JSON under a hashed rate name\n" +
		"# that does not say the instance type. A rate is a type's fee when, in every\n" +
		"# region where the rate and the type's on-demand Linux price (as in\n" +
		"# 2026-11_ec2.csv) both exist, it equals the table's rule applied to that\n" +
		"# price; the row's source says the rule and in how many regions it was\n" +
		"# compared. A rate matching several types of equal prices gives its fee to\n" +
		"# each. A row is written only where it was compared, so every fee is the\n" +
		"# rule applied to its type's price in its region; a type with no row has no\n" +
		"# decoded fee there, and none is computed. The fee is the rate's price in\n" +
		"# AWS's file, trailing zeros dropped. Rows are by type, region and table.\n")
	prices := feePrices(src, useast1, page)
	var rows []Fee
	var reports []FeeTable
	for _, rule := range feeRules {
		url := src.FeePages[rule.table]
		if url == "" {
			return nil, nil, fmt.Errorf("%s: no fee_pages entry for %s", SourcesFile, rule.table)
		}
		hr, err := ReadHashedRates(data, rule.file)
		if err != nil {
			return nil, nil, err
		}
		fees, report := decodeFees(rule, hr, src, prices)
		counts := map[int]bool{}
		for _, f := range fees {
			counts[f.Regions] = true
		}
		for _, n := range slices.Backward(slices.Sorted(maps.Keys(counts))) {
			regions := "regions"
			if n == 1 {
				regions = "region"
			}
			writeSource(&b, feeSource(rule, n), FileSource{
				URL: url, AsOf: hr.Published,
				Note: fmt.Sprintf("%s from AWS's %s (hashed rate); decoded by price: %s in %d %s", rule.what, rule.file, rule.rule, n, regions),
			})
		}
		rows = append(rows, fees...)
		reports = append(reports, report)
	}
	b.WriteString("table,region,instance_type,usd_per_instance_hour,source\n")
	short := map[string]feeRule{}
	for _, r := range feeRules {
		short[r.table] = r
	}
	// A type's rows of both tables side by side: the names and regions
	// then repeat close together, which makes the table a seventh smaller
	// in the gzipped wasm than one table after the other.
	order := map[string]int{}
	for i, r := range src.Regions {
		order[r.Code] = i
	}
	slices.SortStableFunc(rows, func(a, b Fee) int {
		if c := strings.Compare(a.Type, b.Type); c != 0 {
			return c
		}
		return order[a.Region] - order[b.Region]
	})
	for _, f := range rows {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s\n", f.Table, f.Region, f.Type, f.Hourly.String(), feeSource(short[f.Table], f.Regions))
	}
	return []byte(b.String()), reports, nil
}

// feeSource is the source key of a table's rows decoded in n regions.
func feeSource(rule feeRule, n int) string { return fmt.Sprintf("%s-%d", rule.short, n) }

// reportFees appends the fee tables' summary to a report.
func reportFees(b *strings.Builder, tables []FeeTable) {
	for _, t := range tables {
		fmt.Fprintf(b, "%s: %d of %d hashed rates decoded\n", t.Table, t.Decoded, t.Rates)
		for _, r := range slices.Sorted(maps.Keys(t.Rows)) {
			fmt.Fprintf(b, "  types with a fee in %s: %d\n", r, t.Rows[r])
		}
		if len(t.Undecoded) > 0 {
			fmt.Fprintf(b, "  undecoded (%d): %s\n", len(t.Undecoded), strings.Join(t.Undecoded, ", "))
		}
	}
}
