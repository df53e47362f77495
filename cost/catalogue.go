package cost

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Snapshot ids of the built-in catalogues, as text.
//
// Deprecated: use [platform.Snapshot2017] and [platform.Snapshot2026].
const (
	Snapshot2017 = "2017-12"
	Snapshot2026 = "2026-11"
)

// DefaultRegion is the region used when a caller gives none.
const DefaultRegion = "us-east-1"

// Arch is a processor architecture: [X86] or [ARM64]. The zero value means
// [X86] wherever an Arch is an input.
type Arch string

// Architectures.
const (
	X86   Arch = "x86_64"
	ARM64 Arch = "arm64"
)

// String returns the architecture's id.
func (a Arch) String() string { return string(a) }

func (a Arch) orDefault() Arch {
	if a == "" {
		return X86
	}
	return a
}

// Figure is one sourced number of a catalogue: a price or a billing rule,
// with the [platform.Source] every sourced figure of runwhere embeds: the
// URL it was read at, the date it is known to hold, and how it was read
// when that matters.
type Figure struct {
	Value           decimal.Decimal `yaml:"value"`
	platform.Source `yaml:",inline"`
}

// Tier is one band of Lambda's monthly duration pricing. UpToGBSeconds is the
// band's upper end in GB-s per month and architecture; nil marks the last,
// unbounded band.
type Tier struct {
	UpToGBSeconds *decimal.Decimal `yaml:"up_to_gb_seconds,omitempty"`
	Figure        `yaml:",inline"`
}

// ProvisionedPrices are Lambda's provisioned-concurrency prices for one
// architecture, both in USD per GB-s.
type ProvisionedPrices struct {
	Concurrency Figure `yaml:"concurrency"` // configured concurrency × memory × enabled time
	Duration    Figure `yaml:"duration"`    // invocations served by provisioned environments
}

// LambdaPrices are AWS Lambda's prices and billing rules in one snapshot and
// region. Optional features absent from a snapshot (arm64, ephemeral storage,
// provisioned concurrency) are nil or missing map entries.
type LambdaPrices struct {
	Request       Figure          `yaml:"request"`        // USD per request
	GranularityMS Figure          `yaml:"granularity_ms"` // each invocation rounded up to this
	FreeRequests  Figure          `yaml:"free_requests"`  // per month
	FreeGBSeconds Figure          `yaml:"free_gb_seconds"`
	Duration      map[Arch][]Tier `yaml:"duration"` // USD per GB-s, tiered

	// The memory range is not a price: [ParseCatalogue] fills it in from
	// package platform's Lambda limits (memory_min, memory_max,
	// memory_step) of the snapshot in force.
	MemoryMinMB  Figure `yaml:"-"`
	MemoryMaxMB  Figure `yaml:"-"`
	MemoryStepMB Figure `yaml:"-"`

	// EphemeralStorage is USD per GB-s of /tmp above EphemeralFreeMB. The
	// /tmp range is platform's (tmp_min, tmp_max), filled in beside the
	// price: every function gets tmp_min, and only what is configured
	// above it is billed.
	EphemeralStorage *Figure `yaml:"ephemeral_storage,omitempty"`
	EphemeralFreeMB  *Figure `yaml:"-"`
	EphemeralMaxMB   *Figure `yaml:"-"`

	ProvisionedRoundingMinutes *Figure                    `yaml:"provisioned_rounding_minutes,omitempty"`
	Provisioned                map[Arch]ProvisionedPrices `yaml:"provisioned,omitempty"`
}

// Instance is one EC2 instance type's on-demand Linux hourly price. Its
// shape (vCPUs, memory, architecture) is not a price: it lives in package
// platform's instance table ([platform.EmbeddedInstances]).
type Instance struct {
	Hourly Figure `yaml:"hourly"` // USD per instance-hour
}

// EC2Prices are EC2's billing rules and instance catalogue.
type EC2Prices struct {
	BillingIncrementSeconds Figure `yaml:"billing_increment_seconds"` // 1 = per second, 3600 = per hour
	MinimumSeconds          Figure `yaml:"minimum_seconds"`
	// Instances are prices written in the catalogue's YAML — a company's
	// negotiated prices, a snapshot curated by hand (2017-12) — or set by
	// a caller on its own copy. A type priced here is priced by this entry,
	// whatever the generated table says.
	Instances map[string]Instance `yaml:"instances,omitempty"`
	// listed are the prices of the snapshot's generated table
	// (<snapshot>_ec2.csv) in the catalogue's region: read-only, and shared
	// by every copy of the catalogue, which is why it is unexported. An
	// instance type is priced in Instances or in listed, never both.
	listed *regionPrices
}

// FargateRates are the rates of one Fargate platform: per second as the
// pricing page prints them and, where published, per hour as AWS's price
// list states them (the page's per-second figures are these ÷ 3600,
// rounded: 0.04048 / 3600 = 0.0000112444… is printed 0.000011244). See
// [Fargate] for which applies.
type FargateRates struct {
	VCPUSecond          Figure  `yaml:"vcpu_second"`                      // USD per vCPU-second
	GBSecond            Figure  `yaml:"gb_second"`                        // USD per GB-second
	VCPUHour            *Figure `yaml:"vcpu_hour,omitempty"`              // USD per vCPU-hour
	GBHour              *Figure `yaml:"gb_hour,omitempty"`                // USD per GB-hour
	OSLicenseVCPUSecond *Figure `yaml:"os_license_vcpu_second,omitempty"` // Windows only
	MinimumSeconds      Figure  `yaml:"minimum_seconds"`
}

// TaskSizeRow is one row of Fargate's valid task sizes: a vCPU figure with
// either an explicit list of memory sizes or a min..max range in steps, in
// GB. It is package platform's row ([platform.TaskSizeRow]), the one home
// of the table; cost only reads it.
type TaskSizeRow platform.TaskSizeRow

// TaskSizes is Fargate's table of valid task sizes in a catalogue's
// snapshot: [platform.EmbeddedTaskSizes], which [ParseCatalogue] and
// [EmbeddedCatalogue] fill in. It is not read from price YAML.
type TaskSizes struct {
	platform.Source
	Sizes []TaskSizeRow
}

// FargatePrices are Fargate's rates, storage price and task sizes.
type FargatePrices struct {
	LinuxX86   *FargateRates `yaml:"linux_x86,omitempty"`
	LinuxARM64 *FargateRates `yaml:"linux_arm64,omitempty"`
	WindowsX86 *FargateRates `yaml:"windows_x86,omitempty"`
	// Ephemeral storage above the free amount: per GB-second as the
	// pricing page prints it, and per GB-hour as AWS's price list states
	// it. The hourly rate, where given, is the one billed (÷ 3600 per
	// second, as for vCPU and memory); one of the two is required.
	EphemeralGBSecond Figure  `yaml:"ephemeral_gb_second,omitempty"`
	EphemeralGBHour   *Figure `yaml:"ephemeral_gb_hour,omitempty"`
	EphemeralFreeGB   Figure  `yaml:"ephemeral_free_gb"`
	// TaskSizes are platform's, for the catalogue's snapshot.
	TaskSizes TaskSizes `yaml:"-"`
}

// EKSPrices are the EKS control-plane fees, USD per cluster-hour.
type EKSPrices struct {
	StandardClusterHour Figure `yaml:"standard_cluster_hour"`
	ExtendedClusterHour Figure `yaml:"extended_cluster_hour"` // the total, not a surcharge
}

// Catalogue is every price of one snapshot and region. Each call of
// [EmbeddedCatalogue] returns a deep copy of its own; [Catalogue.Clone]
// makes one of any catalogue.
// The zero Catalogue prices nothing; every entry point rejects it.
type Catalogue struct {
	Snapshot platform.SnapshotID `yaml:"snapshot"`
	Region   string              `yaml:"region"`
	// Location is the region's name in AWS's price lists ("EU (Ireland)").
	Location        string            `yaml:"location,omitempty"`
	Currency        string            `yaml:"currency"`
	Lambda          *LambdaPrices     `yaml:"lambda,omitempty"`
	EC2             *EC2Prices        `yaml:"ec2,omitempty"`
	Fargate         *FargatePrices    `yaml:"fargate,omitempty"`
	EKS             *EKSPrices        `yaml:"eks,omitempty"`
	ECSControlPlane *Figure           `yaml:"ecs_control_plane,omitempty"`
	APIGateway      *APIGatewayPrices `yaml:"api_gateway,omitempty"`
}

// APIGatewayPrices are API Gateway's request prices, USD per request,
// in tiers of an account's monthly requests in a region: the REST API's
// four and the HTTP API's two.
type APIGatewayPrices struct {
	REST []RequestTier `yaml:"rest"`
	HTTP []RequestTier `yaml:"http"`
}

// RequestTier is one band of a per-request price. UpToRequests is the
// band's upper end in requests per month; nil marks the last, open band.
type RequestTier struct {
	UpToRequests *decimal.Decimal `yaml:"up_to_requests,omitempty"`
	Figure       `yaml:",inline"`
}

// Instance looks up an EC2 instance type. The error names the type when the
// catalogue does not hold it.
func (c *Catalogue) Instance(instanceType string) (Instance, error) {
	if c == nil || c.EC2 == nil {
		return Instance{}, fieldErr("instance_type", instanceType, "is not priced: the catalogue has no EC2 section")
	}
	in, ok := c.EC2.Instances[instanceType]
	if !ok {
		in, ok = c.EC2.listed.lookup(instanceType)
	}
	if !ok {
		return Instance{}, fieldErr("instance_type", instanceType, fmt.Sprintf("is not in the %s %s catalogue", c.Snapshot, c.Region))
	}
	return in, nil
}

// InstanceTypes returns the catalogue's EC2 instance types, sorted.
func (c *Catalogue) InstanceTypes() []string {
	if c == nil || c.EC2 == nil {
		return nil
	}
	out := c.EC2.listed.types()
	for k := range c.EC2.Instances {
		if !c.EC2.listed.has(k) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

//go:embed data/*.yaml data/*.csv
var embedded embed.FS

type catalogueKey struct {
	snapshot platform.SnapshotID
	region   string
}

var loadEmbedded = sync.OnceValues(func() (map[catalogueKey]*Catalogue, error) {
	list, err := LoadCatalogues(embedded, "data")
	if err != nil {
		return nil, err
	}
	out := make(map[catalogueKey]*Catalogue, len(list))
	for _, c := range list {
		out[catalogueKey{c.Snapshot, c.Region}] = c
	}
	return out, nil
})

// LoadCatalogues parses every *.yaml file of dir in fsys as a catalogue,
// in file-name order, each named in its errors by its path in fsys; two
// files for the same snapshot and region are an error. A file named
// <snapshot>_ec2.csv is a generated table of instance prices
// ([ParseInstancePrices]): each region's prices go to that snapshot's
// catalogue of the region, which must exist and must not price the same
// type in its YAML.
func LoadCatalogues(fsys fs.FS, dir string) ([]*Catalogue, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("cost: reading catalogues: %w", err)
	}
	var out []*Catalogue
	seen := make(map[catalogueKey]bool)
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("cost: reading %s: %w", name, err)
		}
		c, err := ParseCatalogue(name, data)
		if err != nil {
			return nil, err
		}
		k := catalogueKey{c.Snapshot, c.Region}
		if seen[k] {
			return nil, fmt.Errorf("cost: %s: snapshot %q region %q is defined twice", name, c.Snapshot, c.Region)
		}
		seen[k] = true
		out = append(out, c)
	}
	for _, e := range entries {
		snap, ok := strings.CutSuffix(e.Name(), "_ec2.csv")
		if e.IsDir() || !ok {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("cost: reading %s: %w", name, err)
		}
		table, err := ParseInstancePrices(name, data)
		if err != nil {
			return nil, err
		}
		if err := attachPrices(name, platform.SnapshotID(snap), table, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// attachPrices gives each catalogue of snapshot its region's prices from
// a generated table. A region without a catalogue, or a type priced both
// in the table and in a catalogue's YAML, is an error: every price has
// one home.
func attachPrices(name string, snapshot platform.SnapshotID, table InstancePrices, cats []*Catalogue) error {
	regions := map[string]*Catalogue{}
	for _, c := range cats {
		if c.Snapshot == snapshot {
			regions[c.Region] = c
		}
	}
	for _, r := range table.Regions() {
		c, ok := regions[r]
		if !ok {
			return fmt.Errorf("cost: %s: prices region %q, which has no %s catalogue", name, r, snapshot)
		}
		if c.EC2 == nil {
			return fmt.Errorf("cost: %s: prices region %q, whose %s catalogue has no ec2 section (billing rules)", name, r, snapshot)
		}
		for t := range c.EC2.Instances {
			if table.region(r).has(t) {
				return fmt.Errorf("cost: %s: %s in %s is also priced in the catalogue's YAML: a price has one home", name, t, r)
			}
		}
		c.EC2.listed = table.region(r)
	}
	return nil
}

// LoadFS parses every *.yaml file of dir in fsys as a catalogue.
//
// Deprecated: use [LoadCatalogues].
func LoadFS(fsys fs.FS, dir string) ([]*Catalogue, error) { return LoadCatalogues(fsys, dir) }

// EmbeddedCatalogue returns the built-in catalogue of a snapshot and
// region (the zero snapshot means [platform.Newest], "" [DefaultRegion]).
// The result is a deep copy: changing it cannot reach the next caller or an
// evaluation under way.
func EmbeddedCatalogue(snapshot platform.SnapshotID, region string) (*Catalogue, error) {
	if snapshot == "" {
		snapshot = platform.Newest
	}
	if region == "" {
		region = DefaultRegion
	}
	all, err := loadEmbedded()
	if err != nil {
		return nil, err
	}
	c, ok := all[catalogueKey{snapshot, region}]
	if !ok {
		if !slices.Contains(Snapshots(), snapshot) {
			return nil, fieldErr("snapshot", snapshot.String(), "is not a known snapshot (2017-12, 2026-11)")
		}
		return nil, fieldErr("region", region, fmt.Sprintf("has no built-in prices for snapshot %s: the regions are %s", snapshot, strings.Join(Regions(snapshot), ", ")))
	}
	return c.Clone(), nil
}

// Regions lists the regions with built-in prices for a snapshot (the zero
// snapshot means [platform.Newest]), DefaultRegion first, then in name order.
func Regions(snapshot platform.SnapshotID) []string {
	if snapshot == "" {
		snapshot = platform.Newest
	}
	all, err := loadEmbedded()
	if err != nil {
		return nil
	}
	var out []string
	for k := range all {
		if k.snapshot == snapshot {
			out = append(out, k.region)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == DefaultRegion:
			return -1
		case b == DefaultRegion:
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

// Embedded returns the built-in catalogue of a snapshot and region.
//
// Deprecated: use [EmbeddedCatalogue].
func Embedded(snapshot, region string) (*Catalogue, error) {
	return EmbeddedCatalogue(platform.SnapshotID(snapshot), region)
}

// Snapshots lists the snapshots with built-in catalogues, oldest first.
func Snapshots() []platform.SnapshotID {
	return []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026}
}

// ParseCatalogue reads one catalogue from YAML — a company's negotiated prices
// or another region — strictly: unknown fields, negative prices, figures
// without a source URL or with a malformed as_of date or snapshot month are
// errors naming the field, its value and, where known, its line. name
// labels the data in errors (a file name, or "" for none).
func ParseCatalogue(name string, data []byte) (*Catalogue, error) {
	c, err := parseCatalogue(name, data)
	var fe *FieldError
	if errors.As(err, &fe) {
		fe.File = name
	}
	return c, err
}

func parseCatalogue(name string, data []byte) (*Catalogue, error) {
	var c Catalogue
	if err := input.Decode(data, &c, catalogueLimits); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			if fe.Field == "" {
				fe.Field = "catalogue"
			}
			return nil, input.Prefix("cost", fe)
		}
		var pe *platform.FieldError
		if errors.As(err, &pe) { // a malformed as_of date
			var root yaml.Node
			field := pe.Field
			if yaml.Unmarshal(data, &root) == nil {
				if at := pathAt(&root, pe.Line, pe.Column, ""); at != "" {
					field = at
				}
			}
			return nil, &FieldError{Field: field, Value: input.Short(pe.Value), Reason: "is not a date (YYYY-MM-DD)", Line: pe.Line}
		}
		if name == "" {
			name = "catalogue"
		}
		return nil, fmt.Errorf("cost: %s: %w", name, err)
	}
	if c.EC2 != nil && c.EC2.Instances == nil {
		c.EC2.Instances = map[string]Instance{} // a caller's own prices go here
	}
	if err := c.joinPlatform(); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) && fe.Line == 0 {
			var root yaml.Node
			if yaml.Unmarshal(data, &root) == nil {
				fe.Line = lineOf(&root, fe.Field)
			}
		}
		return nil, err
	}
	return &c, nil
}

// lineOf finds the line of a dotted field path ("lambda.duration.x86_64[1].value",
// "ec2.instances.m5.large.hourly") in a YAML document, or 0. Keys that contain
// dots are matched by trying longer keys when a shorter one is missing.
func lineOf(n *yaml.Node, field string) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	parts := strings.Split(field, ".")
	for i := 0; i < len(parts); i++ {
		if n.Kind != yaml.MappingNode {
			return line
		}
		var next *yaml.Node
		idx := -1
		for j := i; j < len(parts) && next == nil; j++ {
			key := strings.Join(parts[i:j+1], ".")
			idx = -1
			if k := strings.IndexByte(key, '['); k >= 0 && strings.HasSuffix(key, "]") {
				idx, _ = strconv.Atoi(key[k+1 : len(key)-1])
				key = key[:k]
			}
			for c := 0; c+1 < len(n.Content); c += 2 {
				if n.Content[c].Value == key {
					next, line, i = n.Content[c+1], n.Content[c].Line, j
					break
				}
			}
		}
		if next == nil {
			return line
		}
		n = next
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line
			}
			n = n.Content[idx]
			line = n.Line
		}
	}
	return line
}

// Validate checks every figure of c: a non-negative value, an http(s) source
// and an as_of date (YYYY-MM-DD), plus the structural rules (tiers ascending
// and ending unbounded).
func (c *Catalogue) Validate() error {
	if c == nil {
		return fieldErr("catalogue", "nil", "is missing")
	}
	// Digits and exponents first: a price written 1e-999999999 makes the
	// first comparison or sum rescale to a billion digits.
	if field, err := input.CheckDecimals(c); err != nil {
		return fieldErr(field, "(refused)", err.Error())
	}
	if c.Snapshot == "" {
		return fieldErr("snapshot", "", "is missing")
	}
	if _, err := platform.ParseSnapshotID(c.Snapshot.String()); err != nil {
		return fieldErr("snapshot", c.Snapshot.String(), "is not a YYYY-MM month")
	}
	if c.Region == "" {
		return fieldErr("region", "", "is missing")
	}
	if c.Currency != "USD" {
		return fieldErr("currency", c.Currency, "is not USD")
	}
	if l := c.Lambda; l != nil {
		if err := l.validate(); err != nil {
			return err
		}
	}
	if e := c.EC2; e != nil {
		if err := e.validate(); err != nil {
			return err
		}
	}
	if f := c.Fargate; f != nil {
		if err := f.validate(); err != nil {
			return err
		}
	}
	if e := c.EKS; e != nil {
		if err := checkFigures("eks", map[string]*Figure{
			"standard_cluster_hour": &e.StandardClusterHour,
			"extended_cluster_hour": &e.ExtendedClusterHour,
		}); err != nil {
			return err
		}
	}
	if c.ECSControlPlane != nil {
		if err := c.ECSControlPlane.check("ecs_control_plane"); err != nil {
			return err
		}
	}
	if a := c.APIGateway; a != nil {
		if err := checkRequestTiers("api_gateway.rest", a.REST); err != nil {
			return err
		}
		if err := checkRequestTiers("api_gateway.http", a.HTTP); err != nil {
			return err
		}
	}
	return nil
}

// checkRequestTiers checks a tiered per-request price: sourced figures,
// bounds rising, the last band open.
func checkRequestTiers(field string, tiers []RequestTier) error {
	if len(tiers) == 0 {
		return fieldErr(field, "", "is empty: a tiered price needs at least its open last band")
	}
	var prev decimal.Decimal
	for i, t := range tiers {
		at := fmt.Sprintf("%s[%d]", field, i)
		if err := t.check(at); err != nil {
			return err
		}
		last := i == len(tiers)-1
		switch {
		case last && t.UpToRequests != nil:
			return fieldErr(at+".up_to_requests", t.UpToRequests.String(), "is set on the last band, which must be open")
		case !last && t.UpToRequests == nil:
			return fieldErr(at+".up_to_requests", "", "is missing: only the last band is open")
		case !last && !t.UpToRequests.GreaterThan(prev):
			return fieldErr(at+".up_to_requests", t.UpToRequests.String(), "does not rise above the band before it")
		}
		if !last {
			prev = *t.UpToRequests
		}
	}
	return nil
}

func (f *Figure) check(field string) error {
	if f.Value.IsNegative() {
		return fieldErr(field+".value", f.Value.String(), "is negative")
	}
	if f.URL == "" {
		return fieldErr(field+".source", "", "is missing: every figure needs a source URL")
	}
	if f.URL.Validate() != nil {
		return fieldErr(field+".source", string(f.URL), "is not an http(s) URL")
	}
	if f.AsOf.IsZero() {
		return fieldErr(field+".as_of", "", "is missing: every figure needs an as_of date (YYYY-MM-DD)")
	}
	return nil
}

// checkFigures checks named figures in a stable order.
// isZero reports whether f was left out of its YAML.
func (f Figure) isZero() bool {
	return f.Value.IsZero() && f.URL == "" && f.AsOf.IsZero() && f.Note == ""
}

func checkFigures(prefix string, figs map[string]*Figure) error {
	names := make([]string, 0, len(figs))
	for k := range figs {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if f := figs[k]; f != nil {
			if err := f.check(prefix + "." + k); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkPositiveInt(field string, f *Figure) error {
	if !f.Value.IsPositive() || !f.Value.IsInteger() {
		return fieldErr(field+".value", f.Value.String(), "is not a positive whole number")
	}
	if f.Value.GreaterThan(maxWholeFigure) {
		return fieldErr(field+".value", f.Value.String(), "is above "+maxWholeFigure.String()+", beyond any published billing rule")
	}
	return nil
}

// Bounds on a price catalogue. The whole-number figures are milliseconds,
// megabytes, seconds and minutes: the largest published one is Lambda's
// 10,240 MB. A memory range may hold at most maxMemorySteps sizes, since
// sweeps walk every one.
var (
	maxWholeFigure  = decimal.NewFromInt(1_000_000_000)
	catalogueLimits = input.Limits{MaxBytes: 16 << 20, MaxNodes: 2_000_000, MaxItems: 5_000, MaxString: 4096}
	maxMemorySteps  = decimal.NewFromInt(1_000_000)
)

func (l *LambdaPrices) validate() error {
	if err := checkFigures("lambda", map[string]*Figure{
		"request": &l.Request, "granularity_ms": &l.GranularityMS,
		"memory_min_mb": &l.MemoryMinMB, "memory_max_mb": &l.MemoryMaxMB, "memory_step_mb": &l.MemoryStepMB,
		"free_requests": &l.FreeRequests, "free_gb_seconds": &l.FreeGBSeconds,
		"ephemeral_storage": l.EphemeralStorage, "ephemeral_free_mb": l.EphemeralFreeMB,
		"ephemeral_max_mb": l.EphemeralMaxMB, "provisioned_rounding_minutes": l.ProvisionedRoundingMinutes,
	}); err != nil {
		return err
	}
	for name, f := range map[string]*Figure{
		"lambda.granularity_ms": &l.GranularityMS, "lambda.memory_min_mb": &l.MemoryMinMB,
		"lambda.memory_max_mb": &l.MemoryMaxMB, "lambda.memory_step_mb": &l.MemoryStepMB,
	} {
		if err := checkPositiveInt(name, f); err != nil {
			return err
		}
	}
	if l.MemoryMaxMB.Value.LessThan(l.MemoryMinMB.Value) {
		return fieldErr("lambda.memory_max_mb.value", l.MemoryMaxMB.Value.String(), "is below memory_min_mb")
	}
	if steps := l.MemoryMaxMB.Value.Sub(l.MemoryMinMB.Value).DivRound(l.MemoryStepMB.Value, 0); steps.GreaterThan(maxMemorySteps) {
		return fieldErr("lambda.memory_step_mb.value", l.MemoryStepMB.Value.String(), "makes more than "+maxMemorySteps.String()+" memory sizes between memory_min_mb and memory_max_mb")
	}
	if (l.EphemeralStorage == nil) != (l.EphemeralFreeMB == nil) || (l.EphemeralStorage == nil) != (l.EphemeralMaxMB == nil) {
		return fieldErr("lambda.ephemeral_storage", "", "needs the /tmp range (EphemeralFreeMB, EphemeralMaxMB) beside its price")
	}
	if len(l.Provisioned) > 0 && l.ProvisionedRoundingMinutes == nil {
		return fieldErr("lambda.provisioned_rounding_minutes", "", "is missing while provisioned prices are given")
	}
	if l.ProvisionedRoundingMinutes != nil {
		if err := checkPositiveInt("lambda.provisioned_rounding_minutes", l.ProvisionedRoundingMinutes); err != nil {
			return err
		}
	}
	if _, ok := l.Duration[X86]; !ok {
		return fieldErr("lambda.duration", "", "has no x86_64 prices")
	}
	for _, a := range sortedArchs(l.Duration) {
		if a != X86 && a != ARM64 {
			return fieldErr("lambda.duration", string(a), "is not an architecture (x86_64, arm64)")
		}
		tiers := l.Duration[a]
		if len(tiers) == 0 {
			return fieldErr("lambda.duration."+string(a), "[]", "has no tiers")
		}
		prev := decimal.Zero
		for i := range tiers {
			field := fmt.Sprintf("lambda.duration.%s[%d]", a, i)
			if err := tiers[i].check(field); err != nil {
				return err
			}
			up := tiers[i].UpToGBSeconds
			last := i == len(tiers)-1
			switch {
			case last && up != nil:
				return fieldErr(field+".up_to_gb_seconds", up.String(), "must be absent on the last tier")
			case !last && up == nil:
				return fieldErr(field+".up_to_gb_seconds", "", "is missing")
			case !last && !up.GreaterThan(prev):
				return fieldErr(field+".up_to_gb_seconds", up.String(), "does not increase")
			}
			if up != nil {
				prev = *up
			}
		}
	}
	for _, a := range sortedArchs(l.Provisioned) {
		p := l.Provisioned[a]
		if _, ok := l.Duration[a]; !ok {
			return fieldErr("lambda.provisioned", string(a), "has no on-demand duration prices")
		}
		prefix := "lambda.provisioned." + string(a)
		if err := p.Concurrency.check(prefix + ".concurrency"); err != nil {
			return err
		}
		if err := p.Duration.check(prefix + ".duration"); err != nil {
			return err
		}
	}
	return nil
}

func sortedArchs[V any](m map[Arch]V) []Arch {
	out := make([]Arch, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func (e *EC2Prices) validate() error {
	if err := checkFigures("ec2", map[string]*Figure{
		"billing_increment_seconds": &e.BillingIncrementSeconds, "minimum_seconds": &e.MinimumSeconds,
	}); err != nil {
		return err
	}
	if err := checkPositiveInt("ec2.billing_increment_seconds", &e.BillingIncrementSeconds); err != nil {
		return err
	}
	if !e.MinimumSeconds.Value.IsInteger() {
		return fieldErr("ec2.minimum_seconds.value", e.MinimumSeconds.Value.String(), "is not a whole number")
	}
	names := make([]string, 0, len(e.Instances))
	for k := range e.Instances {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		in := e.Instances[k]
		prefix := "ec2.instances." + k
		if err := in.Hourly.check(prefix + ".hourly"); err != nil {
			return err
		}
	}
	return nil
}

func (f *FargatePrices) validate() error {
	for name, r := range map[string]*FargateRates{
		"fargate.linux_x86": f.LinuxX86, "fargate.linux_arm64": f.LinuxARM64, "fargate.windows_x86": f.WindowsX86,
	} {
		if r == nil {
			continue
		}
		if (r.VCPUHour == nil) != (r.GBHour == nil) {
			return fieldErr(name+".vcpu_hour", "", "and gb_hour go together")
		}
		figs := map[string]*Figure{
			"vcpu_hour": r.VCPUHour, "gb_hour": r.GBHour,
			"os_license_vcpu_second": r.OSLicenseVCPUSecond, "minimum_seconds": &r.MinimumSeconds,
		}
		// The per-second rates are what the pricing page prints; with the
		// hourly rates AWS bills they may be left out.
		if r.VCPUHour == nil || !r.VCPUSecond.isZero() || !r.GBSecond.isZero() {
			figs["vcpu_second"], figs["gb_second"] = &r.VCPUSecond, &r.GBSecond
		}
		if err := checkFigures(name, figs); err != nil {
			return err
		}
		if !r.MinimumSeconds.Value.IsInteger() {
			return fieldErr(name+".minimum_seconds.value", r.MinimumSeconds.Value.String(), "is not a whole number")
		}
	}
	figs := map[string]*Figure{"ephemeral_gb_hour": f.EphemeralGBHour, "ephemeral_free_gb": &f.EphemeralFreeGB}
	if f.EphemeralGBHour == nil || !f.EphemeralGBSecond.isZero() {
		figs["ephemeral_gb_second"] = &f.EphemeralGBSecond
	}
	if err := checkFigures("fargate", figs); err != nil {
		return err
	}
	return nil
}
