package cost

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

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
//
// A figure whose note starts "derived:" was not read in a source but
// worked out from sourced figures (2017's Fargate prices, from AWS's 2019
// cut and today's rates); the note gives the derivation, and a bill line
// priced by it carries the note ([Line.Note]) so that reports show it.
type Figure struct {
	Value           decimal.Decimal `yaml:"value"`
	platform.Source `yaml:",inline"`
}

// Derivation is the figure's note when it says how the figure was worked
// out (it starts "derived:"), else "".
func (f Figure) Derivation() string {
	if strings.HasPrefix(f.Note, derivedPrefix) {
		return f.Note
	}
	return ""
}

const derivedPrefix = "derived:"

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
	// fees are the management fees of the snapshot's generated table
	// (<snapshot>_fees.csv) in the catalogue's region, read-only and
	// shared as listed is ([Catalogue.InstanceFee]).
	fees *regionFees
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
	// OSLicenseVCPUHour is the Windows licence per vCPU-hour as AWS's rate
	// table states it; where given it is the one billed, as VCPUHour is.
	OSLicenseVCPUHour *Figure `yaml:"os_license_vcpu_hour,omitempty"`
	MinimumSeconds    Figure  `yaml:"minimum_seconds"`
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
	// second, as for vCPU and memory). Neither means storage could not be
	// configured then (2017-12): a task gets EphemeralFreeGB and no more.
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
	ALB             *ALBPrices        `yaml:"alb,omitempty"`
	NATGateway      *NATPrices        `yaml:"nat_gateway,omitempty"`
	// PublicIPv4 is USD per public IPv4 address-hour, in use or idle.
	PublicIPv4 *Figure `yaml:"public_ipv4_hour,omitempty"`
	// DataTransfer is data out to the internet and between zones.
	DataTransfer *DataTransferPrices `yaml:"data_transfer,omitempty"`
	// EBS is the gp3 root volumes' storage ([InstanceAddon]).
	EBS *EBSPrices `yaml:"ebs,omitempty"`
	// Fees are what providers add to what a platform runs on, by name
	// ([Catalogue.Fee]): control-plane fees and per-instance management
	// fees, which platform entries name.
	Fees map[string]Fee `yaml:"fees,omitempty"`
}

// ALBPrices are an Application Load Balancer's: USD per load-balancer
// hour and per LCU-hour, and what one LCU (load balancer capacity unit)
// holds in each of its dimensions; an hour is billed the LCUs of its
// busiest dimension.
type ALBPrices struct {
	Hour    Figure      `yaml:"hour"`
	LCUHour Figure      `yaml:"lcu_hour"`
	LCU     LCUCapacity `yaml:"lcu"`
}

// LCUCapacity is what one LCU holds.
type LCUCapacity struct {
	NewConnectionsPerSecond  Figure `yaml:"new_connections_per_second"`
	GBPerHourInstances       Figure `yaml:"gb_per_hour_instances"` // EC2, container and IP targets
	GBPerHourLambda          Figure `yaml:"gb_per_hour_lambda_targets"`
	RuleEvaluationsPerSecond Figure `yaml:"rule_evaluations_per_second"`
}

// NATPrices are a NAT gateway's: USD per gateway-hour and per GB it
// processes.
type NATPrices struct {
	Hour Figure `yaml:"hour"`
	GB   Figure `yaml:"gb"`
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
