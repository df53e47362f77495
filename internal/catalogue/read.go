// Package catalogue generates runwhere's AWS catalogue for snapshot 2026-11
// from the public data staged in shared/data/aws (see its MANIFEST.md): the
// instance table of package platform and the per-region prices and
// management fees of package cost. It reads each source in its own format — CSV extracts, AWS's
// pricing-page JSON as AWS serves it — and writes only runwhere's files,
// each row naming the source it was read from.
//
// Run it with go run ./internal/catalogue/gen; TestCommittedCatalogue fails
// when the committed files differ from what it writes.
package catalogue

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/platform"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// Sources is sources.yaml: where each input file comes from.
type Sources struct {
	Files   map[string]FileSource `yaml:"files"`
	Regions []struct {
		Code     string `yaml:"code"`
		Location string `yaml:"location"`
	} `yaml:"regions"`
	PreviousGeneration struct {
		Families []string `yaml:"families"`
		URL      string   `yaml:"source"`
		AsOf     string   `yaml:"as_of"`
	} `yaml:"previous_generation"`
	ECSTrunkingUnsupported struct {
		Types    []string `yaml:"types"`
		Families []string `yaml:"families"`
	} `yaml:"ecs_trunking_unsupported"`
	// FeePages are the pricing pages of the management-fee tables
	// (fees.go), by table name.
	FeePages map[string]string `yaml:"fee_pages"`
	// Surroundings are figures no staged file holds (surroundings.go).
	Surroundings Surroundings `yaml:"surroundings"`
}

// FileSource is one input file's provenance.
type FileSource struct {
	URL  string `yaml:"url"`
	AsOf string `yaml:"as_of"`
	Note string `yaml:"note"`
}

// ParseSources reads sources.yaml.
func ParseSources(data []byte) (*Sources, error) {
	var s Sources
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("sources.yaml: %w", err)
	}
	if len(s.Regions) == 0 {
		return nil, fmt.Errorf("sources.yaml: no regions")
	}
	return &s, nil
}

// Spec is a row of ec2-specs.csv.
type Spec struct {
	VCPU, MemoryMiB int64
	Arch            string
}

// Net is a row of ec2-network.csv: the figures the catalogue uses. The
// branch-ENI and trunking columns are EKS's security groups for pods, not
// ECS's task density (MANIFEST.md 2.6), and are not read.
type Net struct {
	MaxENIs, IPv4PerENI, DefaultCardENIs int64
}

// OnDemand is a row of ec2-ondemand-us-east-1.csv.
type OnDemand struct {
	Hourly decimal.Decimal
	Note   string
}

// ECSTasks is a row of ecs-eni-trunking.csv.
type ECSTasks struct {
	Without, With int64
}

// readCSV reads a headed CSV file into records keyed by column name, and
// checks that the header has the columns wanted.
func readCSV(fsys fs.FS, name string, want ...string) ([]map[string]string, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("%s: no column %q (header %v)", name, w, recs[0])
		}
	}
	out := make([]map[string]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(want))
		for _, w := range want {
			m[w] = strings.TrimSpace(rec[col[w]])
		}
		out = append(out, m)
	}
	return out, nil
}

// ints parses the named fields of rec as whole numbers.
func ints(name string, rec map[string]string, fields ...string) ([]int64, error) {
	out := make([]int64, len(fields))
	for i, f := range fields {
		v, err := strconv.ParseInt(rec[f], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %s %q is not a whole number", name, rec["instance_type"], f, rec[f])
		}
		out[i] = v
	}
	return out, nil
}

// ReadSpecs reads ec2-specs.csv.
func ReadSpecs(fsys fs.FS) (map[string]Spec, error) {
	const name = "ec2-specs.csv"
	recs, err := readCSV(fsys, name, "instance_type", "vcpu", "memory_mib", "arch")
	if err != nil {
		return nil, err
	}
	out := make(map[string]Spec, len(recs))
	for _, r := range recs {
		n, err := ints(name, r, "vcpu", "memory_mib")
		if err != nil {
			return nil, err
		}
		if r["arch"] != "x86_64" && r["arch"] != "arm64" {
			return nil, fmt.Errorf("%s: %s: arch %q is not x86_64 or arm64", name, r["instance_type"], r["arch"])
		}
		out[r["instance_type"]] = Spec{VCPU: n[0], MemoryMiB: n[1], Arch: r["arch"]}
	}
	return out, nil
}

// ReadNetwork reads ec2-network.csv.
func ReadNetwork(fsys fs.FS) (map[string]Net, error) {
	const name = "ec2-network.csv"
	recs, err := readCSV(fsys, name, "instance_type", "max_enis", "ipv4_per_eni", "default_card_max_enis")
	if err != nil {
		return nil, err
	}
	out := make(map[string]Net, len(recs))
	for _, r := range recs {
		n, err := ints(name, r, "max_enis", "ipv4_per_eni", "default_card_max_enis")
		if err != nil {
			return nil, err
		}
		out[r["instance_type"]] = Net{MaxENIs: n[0], IPv4PerENI: n[1], DefaultCardENIs: n[2]}
	}
	return out, nil
}

// ReadMaxPods reads eks-max-pods.txt: "# comment" lines and
// "<type> <pods>" lines.
func ReadMaxPods(fsys fs.FS) (map[string]int64, error) {
	const name = "eks-max-pods.txt"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Fields(text)
		if len(f) != 2 {
			return nil, fmt.Errorf("%s:%d: %q is not \"<type> <max pods>\"", name, line, text)
		}
		n, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%s:%d: max pods %q is not a positive whole number", name, line, f[1])
		}
		out[f[0]] = n
	}
	return out, sc.Err()
}

// ReadOnDemand reads ec2-ondemand-us-east-1.csv.
func ReadOnDemand(fsys fs.FS) (map[string]OnDemand, error) {
	const name = "ec2-ondemand-us-east-1.csv"
	recs, err := readCSV(fsys, name, "instance_type", "hourly_usd", "note")
	if err != nil {
		return nil, err
	}
	out := make(map[string]OnDemand, len(recs))
	for _, r := range recs {
		p, err := positive(r["hourly_usd"])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: hourly_usd %w", name, r["instance_type"], err)
		}
		out[r["instance_type"]] = OnDemand{Hourly: p, Note: r["note"]}
	}
	return out, nil
}

// ReadECSTasks reads ecs-eni-trunking.csv.
func ReadECSTasks(fsys fs.FS) (map[string]ECSTasks, error) {
	const name = "ecs-eni-trunking.csv"
	recs, err := readCSV(fsys, name, "instance_type", "tasks_without_trunking", "tasks_with_trunking")
	if err != nil {
		return nil, err
	}
	out := make(map[string]ECSTasks, len(recs))
	for _, r := range recs {
		n, err := ints(name, r, "tasks_without_trunking", "tasks_with_trunking")
		if err != nil {
			return nil, err
		}
		out[r["instance_type"]] = ECSTasks{Without: n[0], With: n[1]}
	}
	return out, nil
}

// ReadEC2Regional reads ec2-transformed.json: on-demand Linux hourly
// prices by region code and instance type.
func ReadEC2Regional(fsys fs.FS) (map[string]map[string]decimal.Decimal, error) {
	const name = "ec2-transformed.json"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var recs []struct {
		Region     string `json:"region"`
		Attributes struct {
			InstanceType    string `json:"instanceType"`
			OperatingSystem string `json:"operatingSystem"`
		} `json:"attributes"`
		Price string `json:"pricePerUnit"`
		Unit  string `json:"unit"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := map[string]map[string]decimal.Decimal{}
	for _, r := range recs {
		if r.Attributes.OperatingSystem != "Linux" || r.Unit != "USD per hour" {
			continue
		}
		p, err := positive(r.Price)
		if err != nil {
			return nil, fmt.Errorf("%s: %s %s: pricePerUnit %w", name, r.Region, r.Attributes.InstanceType, err)
		}
		if out[r.Region] == nil {
			out[r.Region] = map[string]decimal.Decimal{}
		}
		if old, dup := out[r.Region][r.Attributes.InstanceType]; dup && !old.Equal(p) {
			return nil, fmt.Errorf("%s: %s %s: two prices, %s and %s", name, r.Region, r.Attributes.InstanceType, old, p)
		}
		out[r.Region][r.Attributes.InstanceType] = p
	}
	return out, nil
}

// PriceMap is one of AWS's pricing-page JSON files
// (meteredUnitMaps/<service>/USD/current/<service>.json): rate names by
// location name, and the file's publication date.
type PriceMap struct {
	Published string // YYYY-MM-DD
	Regions   map[string]map[string]decimal.Decimal
}

// ReadPriceMap reads an AWS pricing-page JSON file as AWS serves it.
func ReadPriceMap(fsys fs.FS, name string) (*PriceMap, error) {
	page, err := readPricePage(fsys, name)
	if err != nil {
		return nil, err
	}
	pm := &PriceMap{Published: page.published, Regions: map[string]map[string]decimal.Decimal{}}
	for loc, rates := range page.Regions {
		m := make(map[string]decimal.Decimal, len(rates))
		for k, v := range rates {
			p, err := page.price(loc, k, v.Price)
			if err != nil {
				return nil, err
			}
			m[k] = p
		}
		pm.Regions[loc] = m
	}
	return pm, nil
}

// pricePage is an AWS pricing-page JSON file as AWS serves it: a manifest
// and each location's rates, by name ([ReadPriceMap], [ReadHashedRates]).
type pricePage struct {
	Manifest struct {
		Published string `json:"hawkFilePublicationDate"`
		Currency  string `json:"currencyCode"`
	} `json:"manifest"`
	Regions map[string]map[string]struct {
		Price    string `json:"price"`
		Regional string `json:"RegionlessRateCode"`
	} `json:"regions"`
	name      string
	published string // YYYY-MM-DD
}

// readPricePage reads and checks the file's form: USD, and a publication
// date.
func readPricePage(fsys fs.FS, name string) (*pricePage, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	page := &pricePage{name: name}
	if err := json.Unmarshal(data, page); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if page.Manifest.Currency != "USD" {
		return nil, fmt.Errorf("%s: manifest.currencyCode %q is not USD", name, page.Manifest.Currency)
	}
	day, _, _ := strings.Cut(page.Manifest.Published, "T")
	if _, err := platform.ParseDate(day); err != nil {
		return nil, fmt.Errorf("%s: manifest.hawkFilePublicationDate %q is not a date", name, page.Manifest.Published)
	}
	page.published = day
	return page, nil
}

// price reads rate key's price in location loc.
func (p *pricePage) price(loc, key, v string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(v)
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, fmt.Errorf("%s: %s %q: price %q is not a non-negative decimal", p.name, loc, key, v)
	}
	return d, nil
}

// Rate returns the named rate of a location, or an error naming both.
func (pm *PriceMap) Rate(file, location, key string) (decimal.Decimal, error) {
	rates, ok := pm.Regions[location]
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("%s: no region %q", file, location)
	}
	p, ok := rates[key]
	if !ok {
		return decimal.Decimal{}, fmt.Errorf("%s: %s has no rate %q", file, location, key)
	}
	return p, nil
}

func positive(s string) (decimal.Decimal, error) {
	p, err := decimal.NewFromString(s)
	if err != nil || !p.IsPositive() {
		return decimal.Decimal{}, fmt.Errorf("%q is not a positive decimal", s)
	}
	return p, nil
}
