package runwhere

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Scenario describes a workload and the choices to compare. Its YAML/JSON
// names are the stable contract of DESIGN.md. Fields left out take the
// defaults of defaults.go (listed in DESIGN.md and by [Schema]), which
// [Scenario.WithDefaults] fills in; [Evaluate] echoes the scenario with
// every default filled in, so a report shows each assumption it used.
//
// Optional numbers are pointers so that "left out" and "zero" differ.
type Scenario struct {
	Name      string        `yaml:"name,omitempty" json:"name"`
	Snapshot  string        `yaml:"snapshot,omitempty" json:"snapshot"`
	Region    string        `yaml:"region,omitempty" json:"region"`
	Platforms []platform.ID `yaml:"platforms,omitempty" json:"platforms"`
	// Alternatives asks for up to this many cheaper configurations of
	// each feasible platform (0 to MaxAlternatives; left out, none): other
	// instance types, task sizes, function memory sizes or architectures
	// that run the same workload for less, in each report's Alternatives.
	// The search prices every current instance type of the region, so it
	// is asked for, not done on every evaluation.
	Alternatives *int64 `yaml:"alternatives,omitempty" json:"alternatives,omitempty"`
	// AlternativesArch says which architectures the search tries: "any"
	// (both x86_64 and arm64, the default when alternatives are asked
	// for) or "same" (the workload's arch only, for code that runs on one).
	AlternativesArch string        `yaml:"alternatives_arch,omitempty" json:"alternatives_arch,omitempty"`
	Workload         Workload      `yaml:"workload" json:"workload"`
	Lambda           LambdaOptions `yaml:"lambda,omitempty" json:"lambda"`
	Servers          Servers       `yaml:"servers,omitempty" json:"servers"`
	Container        Container     `yaml:"container,omitempty" json:"container"`
	HA               HAOptions     `yaml:"ha,omitempty" json:"ha"`
	// Ingress is what routes requests to the service: left out, nothing
	// (the bill is the compute's alone).
	Ingress *Ingress `yaml:"ingress,omitempty" json:"ingress,omitempty"`
	// Discounts are what the buyer pays less than on-demand for compute;
	// left out, on-demand prices.
	Discounts *Discounts `yaml:"discounts,omitempty" json:"discounts,omitempty"`
	// Network is the NAT gateways the containers' traffic goes through;
	// left out, none.
	Network *Network `yaml:"network,omitempty" json:"network,omitempty"`
	// Weights set how much each criterion counts in the recommendation.
	Weights *Weights `yaml:"weights,omitempty" json:"weights,omitempty"`
	// EKS are the settings of the platforms whose control plane is EKS's.
	EKS EKSOptions `yaml:"eks,omitempty" json:"eks"`
	// Current is what runs the service today and what it measures: it
	// calibrates the CPU time of a request (and the busiest hour), and
	// prices today's bill as the baseline every platform is set against.
	// Left out, the report says what it assumed instead.
	Current *Current `yaml:"current,omitempty" json:"current,omitempty"`
}

// MaxAlternatives is the most cheaper configurations a scenario may ask
// for per platform.
const MaxAlternatives = 10

// Workload is what the application does.
type Workload struct {
	// One of RequestsPerSecond (the mean over the month) and
	// RequestsPerMonth; a month is 730 hours. Both may be given when they
	// agree, as [Scenario.WithDefaults] and a report's Inputs give them.
	RequestsPerSecond *decimal.Decimal `yaml:"requests_per_second,omitempty" json:"requests_per_second,omitempty"`
	RequestsPerMonth  *decimal.Decimal `yaml:"requests_per_month,omitempty" json:"requests_per_month,omitempty"`
	// PeakRequestsPerSecond is the instantaneous peak the servers are
	// sized for; defaults to the busiest hour's mean.
	PeakRequestsPerSecond *decimal.Decimal `yaml:"peak_requests_per_second,omitempty" json:"peak_requests_per_second,omitempty"`
	// PeakHourRequestsPerSecond is the busiest hour's mean rate, what a
	// one-hour CloudWatch statistic shows; defaults to the load shape's
	// busiest hour (the mean when flat). The servers' target utilisation
	// is the headroom above it for bursts within the hour.
	PeakHourRequestsPerSecond *decimal.Decimal `yaml:"peak_hour_requests_per_second,omitempty" json:"peak_hour_requests_per_second,omitempty"`
	// DurationMS is the mean execution time of one request. Required.
	DurationMS *decimal.Decimal `yaml:"duration_ms,omitempty" json:"duration_ms,omitempty"`
	// MemoryMB is the memory one Lambda invocation is given. Required.
	// A container's replica has container.memory_mb, shared by the
	// requests it serves (see RequestMemoryMB).
	MemoryMB *int64 `yaml:"memory_mb,omitempty" json:"memory_mb,omitempty"`
	// RequestMemoryMB is what one request in flight adds to a replica's
	// memory; left out, memory does not bound the requests a replica
	// serves at once.
	RequestMemoryMB *int64 `yaml:"request_memory_mb,omitempty" json:"request_memory_mb,omitempty"`
	// Arch is x86_64 or arm64.
	Arch string `yaml:"arch,omitempty" json:"arch,omitempty"`
	// MaxDurationS is the longest single job; defaults to DurationMS.
	MaxDurationS *decimal.Decimal `yaml:"max_duration_s,omitempty" json:"max_duration_s,omitempty"`
	// CPUFraction is the share of DurationMS spent on CPU, in (0, 1].
	// CPUMS says the same in CPU milliseconds a request, the unit a
	// profiler measures (cpu_ms = duration_ms × cpu_fraction): give one,
	// or both when they agree. Left out, and not calibrated from
	// Scenario.Current, every millisecond is CPU (cpu_fraction 1).
	CPUFraction *decimal.Decimal `yaml:"cpu_fraction,omitempty" json:"cpu_fraction,omitempty"`
	CPUMS       *decimal.Decimal `yaml:"cpu_ms,omitempty" json:"cpu_ms,omitempty"`

	// Kind is "service" (the default: requests arrive all month at the
	// rates above) or "job" (a scheduled batch job: RunsPerMonth runs of
	// RunMinutes each, Parallelism tasks at a time; the rates, durations
	// and load shape do not apply).
	Kind string `yaml:"kind,omitempty" json:"kind,omitempty"`
	// Profile names a built-in load shape (see [Profiles]): how the mean
	// rate is spread over the hours of a day or a week. "flat", the
	// default, is today's model: every hour at the mean.
	Profile string `yaml:"profile,omitempty" json:"profile,omitempty"`
	// Hourly is a load shape of its own instead of a profile: 24 (a day)
	// or 168 (a week, Monday 00:00 UTC first) non-negative relative loads,
	// scaled so that their mean is the mean rate. The busiest hour's
	// instantaneous peak is PeakRequestsPerSecond.
	Hourly []decimal.Decimal `yaml:"hourly,omitempty" json:"hourly,omitempty"`
	// RunsPerMonth, RunMinutes and Parallelism describe a job (Kind
	// "job"): how often it runs, how long one run lasts, and how many
	// tasks (each one Container) run side by side in a run (default 1).
	RunsPerMonth *int64           `yaml:"runs_per_month,omitempty" json:"runs_per_month,omitempty"`
	RunMinutes   *decimal.Decimal `yaml:"run_minutes,omitempty" json:"run_minutes,omitempty"`
	Parallelism  *int64           `yaml:"parallelism,omitempty" json:"parallelism,omitempty"`
}

// The kinds of workload.
const (
	KindService = "service"
	KindJob     = "job"
)

// LambdaOptions are the Lambda-only settings.
type LambdaOptions struct {
	FreeTier               *bool  `yaml:"free_tier,omitempty" json:"free_tier,omitempty"`
	EphemeralStorageMB     *int64 `yaml:"ephemeral_storage_mb,omitempty" json:"ephemeral_storage_mb,omitempty"`
	ProvisionedConcurrency *int64 `yaml:"provisioned_concurrency,omitempty" json:"provisioned_concurrency,omitempty"`
	// CPUShareScaling reads workload.duration_ms as measured on a whole
	// vCPU (as a container gets it) and slows the CPU-bound share of it
	// (workload.cpu_fraction) in proportion to the vCPU Lambda gives
	// workload.memory_mb: 1 vCPU at 1,769 MB, so a 512 MB function runs
	// CPU-bound code about 3.5 times slower. Off by default: DESIGN.md's
	// sizing model bills Lambda for duration_ms as given.
	CPUShareScaling *bool `yaml:"cpu_share_scaling,omitempty" json:"cpu_share_scaling,omitempty"`
	// ProvisionedSchedule lists the hours of the load shape's day (0–23)
	// or week (0–167, Monday 00:00 UTC first) during which
	// ProvisionedConcurrency is enabled; left out, all month.
	ProvisionedSchedule []int64 `yaml:"provisioned_schedule,omitempty" json:"provisioned_schedule,omitempty"`
}

// Servers are the settings of the EC2-backed platforms (ecs-ec2, eks,
// kubernetes, swarm, nomad).
type Servers struct {
	InstanceType string `yaml:"instance_type,omitempty" json:"instance_type,omitempty"`
	// HourlyPrice overrides the catalogue's on-demand price (a decimal
	// string: a negotiated rate, another region).
	HourlyPrice *decimal.Decimal `yaml:"hourly_price,omitempty" json:"hourly_price,omitempty"`
	// Count > 0 is a fixed fleet of workers; 0 sizes it from the workload.
	Count             *int64           `yaml:"count,omitempty" json:"count,omitempty"`
	TargetUtilization *decimal.Decimal `yaml:"target_utilization,omitempty" json:"target_utilization,omitempty"`
	Zones             *int64           `yaml:"zones,omitempty" json:"zones,omitempty"`
	// Managers is the control-plane size of self-managed swarm, kubernetes
	// and nomad.
	Managers *int64 `yaml:"managers,omitempty" json:"managers,omitempty"`
	// ECSNetworkMode is the task network mode of ecs-ec2: awsvpc (one ENI
	// per task, so ENIs bound the tasks per instance), bridge or host.
	ECSNetworkMode string `yaml:"ecs_network_mode,omitempty" json:"ecs_network_mode,omitempty"`
	// SurviveZoneLoss sizes every zone so that the others still serve the
	// peak when one zone is lost (N+1 per zone).
	SurviveZoneLoss *bool `yaml:"survive_zone_loss,omitempty" json:"survive_zone_loss,omitempty"`
	// Autoscaling lets the workers (EC2-based platforms) and tasks
	// (Fargate) follow the load shape hour by hour instead of running
	// the peak's fleet all month; control planes and managers stay on.
	Autoscaling *bool `yaml:"autoscaling,omitempty" json:"autoscaling,omitempty"`
	// MinCount is an autoscaled fleet's floor, in nodes (tasks on
	// Fargate), spread over the zones; default one per zone.
	MinCount *int64 `yaml:"min_count,omitempty" json:"min_count,omitempty"`
	// ScaleOutMinutes is how long a new node or task takes to serve: an
	// autoscaled fleet is grown that long before each busier hour.
	ScaleOutMinutes *decimal.Decimal `yaml:"scale_out_minutes,omitempty" json:"scale_out_minutes,omitempty"`
	// NodeStartMinutes is how long a node launched for a job's run is
	// billed before the run starts (boot, join, image pull).
	NodeStartMinutes *decimal.Decimal `yaml:"node_start_minutes,omitempty" json:"node_start_minutes,omitempty"`
	// RootVolumeGB is each EC2 node's gp3 root volume, in GB; left out,
	// the AMI's documented default where AWS gives one (30 on ECS on EC2,
	// 20 on EKS), else the bill leaves the volumes out and says so; 0 is
	// no EBS root volume (an instance-store-backed AMI).
	RootVolumeGB *int64 `yaml:"root_volume_gb,omitempty" json:"root_volume_gb,omitempty"`
}

// Ingress is the front door of a service.
type Ingress struct {
	// Lambda is what invokes the function over HTTP: "none" (the
	// default), "function-url" (no charge of its own), "api-gateway-http"
	// or "api-gateway-rest" (billed per request in the region's tiers), or
	// "alb" (hours and LCUs).
	Lambda string `yaml:"lambda,omitempty" json:"lambda,omitempty"`
	// ResponseKB is the size of one request and its response together, in
	// KB: an HTTP API meters a request per started 512 KB.
	ResponseKB *decimal.Decimal `yaml:"response_kb,omitempty" json:"response_kb,omitempty"`
	// Servers is what routes requests to the container platforms (EC2-based
	// and Fargate): "none" (the default), "alb" (an internet-facing ALB:
	// hours and LCUs), or "api-gateway-http" or "api-gateway-rest" (the
	// API's requests, and the internal ALB its VPC link reaches the
	// containers through), so that a move from Lambda keeps its front door.
	Servers string `yaml:"servers,omitempty" json:"servers,omitempty"`
	// KeepAlive: clients reuse connections (the default); false makes
	// every request open one, which an ALB bills as new connections.
	KeepAlive *bool `yaml:"keep_alive,omitempty" json:"keep_alive,omitempty"`
	// Rules are the listener rule evaluations a request costs an ALB
	// beyond those AWS does not bill (default 0).
	Rules *decimal.Decimal `yaml:"rules,omitempty" json:"rules,omitempty"`
}

// Network is what the service's traffic costs on the way out.
type Network struct {
	// NATGateways: "none" (the default), "one", or "per-zone" (one in each
	// of servers.zones), for containers in private subnets.
	NATGateways string `yaml:"nat_gateways,omitempty" json:"nat_gateways,omitempty"`
	// EgressGBPerMonth is what the NAT gateways process in a month.
	EgressGBPerMonth *decimal.Decimal `yaml:"egress_gb_per_month,omitempty" json:"egress_gb_per_month,omitempty"`
	// InternetEgressGBPerMonth is what the service sends to the internet
	// in a month (its responses), on every platform alike.
	InternetEgressGBPerMonth *decimal.Decimal `yaml:"internet_egress_gb_per_month,omitempty" json:"internet_egress_gb_per_month,omitempty"`
	// PublicIPs: "none" (the default), "tasks" or "nodes": which machines
	// have a public IPv4 address, each billed by the address-hour
	// ([PublicIPsTasks], [PublicIPsNodes] say where each applies).
	PublicIPs string `yaml:"public_ips,omitempty" json:"public_ips,omitempty"`
}

// The NAT gateway layouts (network.nat_gateways).
const (
	NATNone    = "none"
	NATOne     = "one"
	NATPerZone = "per-zone"
)

// The front doors of a function (ingress.lambda).
const (
	IngressNone        = "none"
	IngressFunctionURL = "function-url"
	IngressHTTPAPI     = "api-gateway-http"
	IngressRESTAPI     = "api-gateway-rest"
	IngressALB         = "alb"
)

// Discounts are fractions off on-demand compute, in [0, 1): a Savings
// Plan's or reserved instances' effective rate, an enterprise agreement.
// Each is its own negative bill line, so the on-demand figure stays
// visible, and never applies to request fees, control-plane fees or what
// routes requests in.
type Discounts struct {
	// EC2 is off EC2 instances: workers and managers.
	EC2 *decimal.Decimal `yaml:"ec2,omitempty" json:"ec2,omitempty"`
	// Fargate is off Fargate vCPU and memory; with Spot, Fargate Spot's
	// discount, which the buyer gives (AWS publishes no fixed rate).
	Fargate *decimal.Decimal `yaml:"fargate,omitempty" json:"fargate,omitempty"`
	// Lambda is off Lambda duration and provisioned concurrency.
	Lambda *decimal.Decimal `yaml:"lambda,omitempty" json:"lambda,omitempty"`
	// Spot runs the Fargate tasks on Fargate Spot (x86_64 Linux): they
	// can be stopped at two minutes' notice.
	Spot *bool `yaml:"spot,omitempty" json:"spot,omitempty"`
}

// Container is one replica on every container platform: one process
// serving many requests in one memory space.
type Container struct {
	VCPU     *decimal.Decimal `yaml:"vcpu,omitempty" json:"vcpu,omitempty"`
	MemoryMB *int64           `yaml:"memory_mb,omitempty" json:"memory_mb,omitempty"`
	// MaxInFlight is the requests a replica holds at once (its workers
	// or threads); left out, only its CPU and memory bound it.
	MaxInFlight *int64 `yaml:"max_in_flight,omitempty" json:"max_in_flight,omitempty"`
}

// EKSOptions are the settings of the platforms whose control plane is
// Amazon EKS (EKS, EKS Auto Mode, EKS on Fargate).
type EKSOptions struct {
	// ExtendedSupport bills the cluster at the extended-support fee of a
	// Kubernetes version past its standard support ($0.60 a cluster-hour
	// in all, against $0.10): left out, standard support.
	ExtendedSupport *bool `yaml:"extended_support,omitempty" json:"extended_support,omitempty"`
}

// HAOptions are the availability assumptions of the self-managed tiers.
type HAOptions struct {
	NodeAvailability *float64 `yaml:"node_availability,omitempty" json:"node_availability,omitempty"`
	ZoneAvailability *float64 `yaml:"zone_availability,omitempty" json:"zone_availability,omitempty"`
}

// Weights set the recommendation's criteria weights. They need not sum
// to one; each is divided by their sum.
type Weights struct {
	Cost        *decimal.Decimal `yaml:"cost,omitempty" json:"cost,omitempty"`
	Headroom    *decimal.Decimal `yaml:"headroom,omitempty" json:"headroom,omitempty"`
	Resilience  *decimal.Decimal `yaml:"resilience,omitempty" json:"resilience,omitempty"`
	Operations  *decimal.Decimal `yaml:"operations,omitempty" json:"operations,omitempty"`
	Portability *decimal.Decimal `yaml:"portability,omitempty" json:"portability,omitempty"`
}

// FieldError reports a bad scenario value: the field's path, a short form
// of the value as written (at most about 64 bytes), what is wrong with it,
// and its line and column when it came from text. An empty Field means the
// scenario as a whole (too large, not YAML, two documents); File is empty.
//
// It is the module's one field error: platform.FieldError,
// cost.FieldError, capacity.FieldError and ha.FieldError are the same
// type, so errors.As with any of them finds it, whichever package raised
// it. Its message reads "line <line>:<column>: <field>: <value> <reason>",
// each part only when known and the value unquoted, behind "runwhere: ":
// "runwhere: line 8:3: workload.duration_ms: -5 is negative".
type FieldError = input.FieldError

// Bounds on a scenario's text, checked before it is decoded. The largest
// real scenario (a week of hourly loads with comments) is under 8 KiB.
var scenarioLimits = input.Limits{
	MaxBytes:  MaxScenarioBytes,
	MaxNodes:  5000,
	MaxItems:  200,
	MaxString: MaxStringLen,
}

// Limits on a scenario, whether parsed or built in Go.
const (
	// MaxScenarioBytes is the largest scenario text ParseScenario reads.
	MaxScenarioBytes = 64 << 10
	// MaxStringLen bounds every text field (name, region, instance
	// type, ids): a report echoes them, so they bound its size.
	MaxStringLen = 256
)

// ParseScenario reads a scenario written in YAML or JSON (JSON is YAML).
// Unknown fields, wrong types, non-finite or negative numbers, unknown ids
// and contradictory inputs are errors naming the field and the value. The
// returned scenario is as written; [Evaluate] fills in the defaults.
//
// Every number follows one rule, quoted or not: decimal fields take
// decimal notation (-12, 0.0416, 4e-3) with at most 34 significant digits
// and an exponent within ±40; whole-number fields take base-10 digits.
// Hexadecimal, octal, underscores, .inf and .nan are refused. Anchors,
// aliases and merge keys are allowed and their values checked like
// literal ones. The README's "Limits on input" lists every bound.
func ParseScenario(data []byte) (Scenario, error) {
	var s Scenario
	if err := input.Decode(data, &s, scenarioLimits); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			if fe.Field == "" && fe.Reason == "is empty" {
				// Still a *FieldError, so that a caller that knows the
				// file's name (the CLI) can put it in the message.
				fe.Reason = "is an empty scenario: it needs at least a workload"
			}
			fe.Value = input.Short(fe.Value)
			return Scenario{}, input.Prefix("runwhere", fe)
		}
		return Scenario{}, fmt.Errorf("runwhere: %w", err)
	}
	if err := s.check(); err != nil {
		return Scenario{}, input.Prefix("runwhere", withLine(err, data))
	}
	// A scenario written as text names platforms runwhere ships; a Go
	// caller evaluating its own catalogue builds its Scenario in Go.
	for i, id := range s.Platforms {
		if !id.Known() {
			err := &FieldError{Field: fmt.Sprintf("platforms[%d]", i), Value: string(id), Reason: fmt.Sprintf("is not a known platform id (known: %v)", platform.IDs())}
			return Scenario{}, input.Prefix("runwhere", withLine(err, data))
		}
	}
	if c := s.Current; c != nil && !c.Platform.Known() {
		err := &FieldError{Field: "current.platform", Value: string(c.Platform), Reason: fmt.Sprintf("is not a known platform id (known: %v)", platform.IDs())}
		return Scenario{}, input.Prefix("runwhere", withLine(err, data))
	}
	// Likewise a region: one that no embedded snapshot prices. One that
	// only the scenario's snapshot lacks is Evaluate's to refuse, since a
	// caller may evaluate it against another snapshot (runwhere report
	// -snapshot).
	if s.Region != "" && !slices.Contains(pricedRegions(), s.Region) {
		err := &FieldError{Field: "region", Value: s.Region, Reason: "has no built-in prices in any snapshot: the regions are " + strings.Join(pricedRegions(), ", ")}
		return Scenario{}, input.Prefix("runwhere", withLine(err, data))
	}
	return s, nil
}

// pricedRegions are the regions of every embedded snapshot's prices, the
// newest snapshot's first, in its order.
func pricedRegions() []string {
	var out []string
	for _, snap := range slices.Backward(platform.Snapshots()) {
		for _, r := range cost.Regions(snap) {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// LocateError gives a *FieldError in err that has no position the line
// and column of the field it names, found in data, the scenario text the
// Scenario was parsed from; it returns err. ParseScenario's errors have
// their positions already; [Evaluate] works on a Scenario, which keeps
// none, so a caller that holds the text (the command line) finds them
// here. A field left out of a section that is there points at the
// section. Errors without a *FieldError, or naming no field the text
// holds, are returned as they are.
func LocateError(err error, data []byte) error {
	return withLine(err, data)
}

// withLine adds the line and column of the offending field to a
// FieldError when the field's path can be found in the text.
func withLine(err error, data []byte) error {
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Line > 0 || fe.Field == "" {
		return err
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return err
	}
	n := root.Content[0]
	for _, key := range strings.Split(fe.Field, ".") {
		key, index, indexed := strings.Cut(key, "[")
		next := (*yaml.Node)(nil)
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					next = n.Content[i+1]
				}
			}
		}
		if next == nil {
			break
		}
		n = next
		// platforms[2]: the item itself, when the sequence holds it.
		if i, err := strconv.Atoi(strings.TrimSuffix(index, "]")); indexed && err == nil && n.Kind == yaml.SequenceNode && i >= 0 && i < len(n.Content) {
			n = n.Content[i]
		}
	}
	if n != root.Content[0] {
		fe.Line, fe.Column = n.Line, n.Column
	}
	return err
}
