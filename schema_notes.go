package runwhere

import (
	"fmt"
	"slices"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/family"
	"github.com/runwhere/runwhere/platform"
)

// The words a form shows for each scenario field: the home of the field
// docs for people, as the struct comments are for Go programmers. A test
// fails when a field of Scenario has no entry here, or an entry names no
// field, so a new field cannot reach the page unlabelled.

type fieldNote struct {
	label, unit, help string
	example           string    // shown in an empty field with no default
	defaultNote       string    // what a field left out takes, when it follows other fields
	kind              FieldKind // overrides the kind found by reflection
	oneOf             string    // the other field of an exactly-one-of pair
	enum              func() []string
	appliesTo         func(platform.Platform) bool
}

// families are the built-in families: the models every evaluation uses
// (unless a test brings its own), asked which fields they read. Never
// changed.
var families = family.Builtin()

// uses is whether a platform's family reads the scenario field.
func uses(field string) func(platform.Platform) bool {
	return func(p platform.Platform) bool { return families.Uses(p, field) }
}

type groupNote struct {
	label, help string
	appliesTo   func(platform.Platform) bool
}

// Which platforms a setting affects, as the root's evaluation decides it.
var (
	isServerless = func(p platform.Platform) bool { return p.Kind == platform.Serverless }
	isContainer  = func(p platform.Platform) bool { return p.Kind == platform.Orchestrator }
	// onServers: the platforms whose instances the scenario picks, as
	// their families say ([engine.Fielded]).
	onServers   = uses("servers.instance_type")
	selfManaged = func(p platform.Platform) bool { return p.ControlPlane.RunBy == platform.User }
	onECSEC2    = func(p platform.Platform) bool { return p.NodeReservation == platform.ReserveECS }
	onFargate   = uses("discounts.fargate")
	// onEKS: the platforms whose control plane is billed EKS's fee.
	onEKS = func(p platform.Platform) bool { return p.ControlPlane.Fee == "eks" }
)

// The values of the enum fields. archValues and networkModes are the
// values Scenario.check accepts; a test holds them to it.
var (
	archValues   = []string{DefaultArch, "arm64"}
	networkModes = []string{"awsvpc", "bridge", "host"}
)

func snapshotValues() []string {
	s := snapshotNames()
	slices.Reverse(s)
	return s
}

// snapshotNames lists the embedded snapshots, oldest first, as a
// scenario's snapshot field holds them.
func snapshotNames() []string {
	var out []string
	for _, id := range platform.Snapshots() {
		out = append(out, id.String())
	}
	return out
}

// regionValues are the regions of the newest snapshot's prices.
func regionValues() []string { return cost.Regions(platform.Newest) }

func platformValues() []string {
	var out []string
	for _, id := range platform.IDs() {
		out = append(out, string(id))
	}
	return out
}

var groupNotes = map[string]groupNote{
	"":          {label: "Scenario"},
	"workload":  {label: "Workload"},
	"lambda":    {label: "AWS Lambda", appliesTo: uses("lambda")},
	"servers":   {label: "Servers", appliesTo: onServers},
	"container": {label: "Container (one replica)", appliesTo: isContainer},
	"network":   {label: "Around the service: network", help: "NAT gateways for containers in private subnets; Lambda outside a VPC needs none.", appliesTo: isContainer},
	"discounts": {label: "Around the service: discounts", help: "What you pay less than on-demand for compute; each is a bill line of its own."},
	"ingress":   {label: "Around the service: front door", help: "What routes requests to the service; left out, the bill is the compute's alone."},
	"ha":        {label: "Availability"},
	"eks":       {label: "Amazon EKS", help: "The control plane of EKS, EKS Auto Mode and EKS on Fargate.", appliesTo: onEKS},
	"current":   {label: "What runs today", help: "Where the service runs now and what CloudWatch measures: it calibrates the model and prices today's bill as the baseline."},
	"weights":   {label: "Recommendation weights", help: "How much each criterion counts; they need not sum to one."},
}

var fieldNotes = map[string]fieldNote{
	"name": {label: "Name", example: "my-service",
		help: "A name for the scenario; reports and exports carry it."},
	"snapshot": {label: "Price snapshot", enum: snapshotValues,
		help: "The dated catalogue of prices and limits; 2017-12 is the era of the 2017 deck."},
	"region": {label: "Region", enum: regionValues,
		help: "The AWS region whose prices apply (2017-12 has us-east-1 only)."},
	"platforms": {label: "Platforms", enum: platformValues,
		help: "The platforms to compare; all of the snapshot's when left out."},
	"alternatives": {label: "Cheaper configurations", unit: "per platform", defaultNote: "none",
		help: "How many cheaper instance types, task sizes, memory sizes or architectures to look for on each platform (at most 10)."},
	"alternatives_arch": {label: "…on", defaultNote: "any", enum: func() []string { return []string{AlternativesAnyArch, AlternativesSameArch} },
		help: "Which architectures the search tries: any (x86_64 and arm64) or the same as the workload's."},

	"workload.requests_per_second": {label: "Requests per second", unit: "mean", oneOf: "workload.requests_per_month",
		help: "The mean request rate over the month (a month is 730 hours)."},
	"workload.requests_per_month": {label: "…or per month", oneOf: "workload.requests_per_second",
		help: "Requests in a month, instead of the rate per second."},
	"workload.peak_requests_per_second": {label: "Instantaneous peak", unit: "requests/s", defaultNote: "busiest hour",
		help: "The highest rate at any moment, which servers are sized for; the busiest hour's mean when left out."},
	"workload.peak_hour_requests_per_second": {label: "Busiest hour", unit: "requests/s, hour's mean", defaultNote: "mean or load shape",
		help: "The mean rate of the busiest hour, as a one-hour CloudWatch statistic shows it; the load shape's busiest hour (the mean when flat) when left out."},
	"workload.duration_ms": {label: "Duration", unit: "ms",
		help: "The mean execution time of one request."},
	"workload.memory_mb": {label: "Memory", unit: "MB",
		help: "The memory one Lambda invocation is given; a container's replica has its own (container.memory_mb)."},
	"workload.request_memory_mb": {label: "Memory a request adds", unit: "MB", defaultNote: "none",
		help: "What one request in flight adds to a replica's memory; left out, memory does not bound the requests a replica serves."},
	"workload.arch": {label: "Architecture", enum: func() []string { return slices.Clone(archValues) },
		help: "The instruction set the code is built for."},
	"workload.max_duration_s": {label: "Longest job", unit: "s", defaultNote: "duration",
		help: "The longest single request or job; the mean duration when left out."},
	"workload.cpu_fraction": {label: "CPU share", unit: "0–1", defaultNote: "1",
		help: "The share of the duration spent on CPU: 1 is CPU-bound, an I/O-bound API less. Or give CPU ms."},
	"workload.cpu_ms": {label: "CPU a request", unit: "ms", defaultNote: "duration × CPU share",
		help: "The CPU milliseconds one request uses, as a profiler or today's fleet measures it (duration × CPU share)."},
	"workload.kind": {label: "Kind", enum: func() []string { return []string{KindService, KindJob} },
		help: "A service answers requests all month; a job runs on a schedule (runs a month × minutes a run)."},
	"workload.profile": {label: "Load shape", enum: profileNames, defaultNote: "flat unless hourly is given",
		help: "How the mean rate is spread over the hours of a day or week; the peak is the busiest hour's."},
	"workload.hourly": {label: "Hourly load", unit: "24 or 168 values",
		help: "Your own load shape instead of a built-in one: relative loads for each hour of a day, or of a week from Monday 00:00 UTC."},
	"workload.runs_per_month": {label: "Runs a month", example: "30",
		help: "How many times a month the job runs."},
	"workload.run_minutes": {label: "Run length", unit: "min", example: "40",
		help: "How long one run lasts; Lambda stops at 15 minutes."},
	"workload.parallelism": {label: "Tasks a run", defaultNote: "1",
		help: "Tasks that run side by side in one run, each one container."},

	"lambda.free_tier": {label: "Free tier",
		help: "Count Lambda's monthly free tier (it is per account, so off unless said)."},
	"lambda.ephemeral_storage_mb": {label: "Ephemeral storage", unit: "MB",
		help: "The /tmp size of each function."},
	"lambda.provisioned_schedule": {label: "Provisioned hours", unit: "hours of the day or week", defaultNote: "all month",
		help: "The hours (0–23, or 0–167 under a weekly load shape) when provisioned concurrency is on; left out, all month."},
	"lambda.provisioned_concurrency": {label: "Provisioned concurrency",
		help: "Executions kept warm all month, billed whether used or not."},
	"lambda.cpu_share_scaling": {label: "Slow CPU-bound work by Lambda’s vCPU share",
		help: "Read the duration as measured on a whole vCPU and slow its CPU-bound share in proportion to the vCPU Lambda gives the memory."},

	"servers.instance_type": {label: "Instance type",
		help: "The EC2 instance type of the workers."},
	"servers.hourly_price": {label: "Hourly price", unit: "USD", kind: KindMoney, defaultNote: "catalogue",
		help: "Overrides the catalogue's on-demand price of the instance (a negotiated rate, another region)."},
	"servers.count": {label: "Workers", unit: "0 = size it",
		help: "A fixed fleet of workers; 0 sizes it from the workload."},
	"servers.target_utilization": {label: "Target utilisation", unit: "0–1",
		help: "The share of each replica's vCPU that requests may use; the rest is headroom."},
	"servers.zones": {label: "Zones",
		help: "Availability zones the workers and managers are spread over."},
	"servers.managers": {label: "Managers", appliesTo: selfManaged,
		help: "Control-plane nodes of a self-managed cluster."},
	"servers.root_volume_gb": {label: "Root volume", unit: "GB a node", defaultNote: "left out", appliesTo: uses("servers.root_volume_gb"),
		help: "Each EC2 node's gp3 root volume, billed per GB-month while the node runs, on every EC2-based platform alike (us-east-1 $0.08; other regions' price is not sourced). Left out, no platform bills one: AWS documents the ECS-optimized AMI's 30 GB and an EKS node group's 20 GB, and no default for the others. 0: no EBS root volume."},
	"servers.ecs_network_mode": {label: "ECS network mode", enum: func() []string { return slices.Clone(networkModes) }, appliesTo: onECSEC2,
		help: "The task network mode on ECS with EC2: awsvpc gives each task an ENI, so ENIs bound the tasks per instance."},
	"ingress.lambda": {label: "In front of Lambda", enum: func() []string { return slices.Clone(ingressValues) }, defaultNote: "none", appliesTo: isServerless,
		help: "What invokes the function over HTTP: a function URL adds no charge; API Gateway bills every request (the REST API about 3.5 times the HTTP API)."},
	"ingress.servers": {label: "In front of the containers", enum: func() []string { return slices.Clone(serverIngressValues) }, defaultNote: "none", appliesTo: isContainer,
		help: "What routes requests to the EC2-based and Fargate platforms: an Application Load Balancer (its hours, LCUs and a public IPv4 address in each zone; priced in us-east-1 and ap-southeast-1), or API Gateway's HTTP or REST API (its requests, as Lambda's) with the internal ALB its VPC link reaches. Give Lambda and the containers the same door to compare compute alone."},
	"ingress.keep_alive": {label: "Clients keep connections", defaultNote: "yes with an ALB",
		help: "Off: every request opens a connection, which an ALB bills as new connections (25 a second an LCU)."},
	"ingress.rules": {label: "ALB rule evaluations", unit: "per request", defaultNote: "0 with an ALB",
		help: "Listener rule evaluations an ALB bills for each request, beyond those AWS does not bill."},
	"network.nat_gateways": {label: "NAT gateways", enum: func() []string { return slices.Clone(natValues) }, defaultNote: "none",
		help: "None, one, or one per zone: their hours and processed GB, at the region's prices."},
	"network.egress_gb_per_month": {label: "Through NAT", unit: "GB a month", defaultNote: "0",
		help: "What the NAT gateways process in a month."},
	"network.internet_egress_gb_per_month": {label: "Out to the internet", unit: "GB a month", defaultNote: "0",
		help: "What the service sends to the internet in a month, at the region's data-transfer tiers beyond the account's free 100 GB: the same on every platform, shown once and in every total."},
	"network.public_ips": {label: "Public IPv4 addresses", enum: func() []string { return slices.Clone(publicIPsValues) }, defaultNote: "none", appliesTo: isContainer,
		help: "Which machines have a public IPv4 address, each $0.005 an address-hour: tasks (only ECS on Fargate gives a task one; ECS tasks on EC2 in awsvpc mode cannot have one, and EKS on Fargate runs pods in private subnets) or nodes (every EC2 node you pay for; Fargate and Lambda have none). Where the choice gives no address, nothing is billed."},
	"ingress.response_kb": {label: "Request + response", unit: "KB", defaultNote: "10 with a front door",
		help: "One request and its response together; an HTTP API meters a request per started 512 KB."},
	"discounts.ec2": {label: "Off EC2", unit: "0–1", defaultNote: "none", appliesTo: uses("discounts.ec2"),
		help: "A Savings Plan's or reserved instances' effective discount on workers and managers: 0.2 is 20 % off."},
	"discounts.fargate": {label: "Off Fargate", unit: "0–1", defaultNote: "none", appliesTo: onFargate,
		help: "Off Fargate vCPU and memory; with Spot, Fargate Spot's discount (AWS publishes no fixed rate)."},
	"discounts.lambda": {label: "Off Lambda", unit: "0–1", defaultNote: "none", appliesTo: uses("discounts.lambda"),
		help: "A Compute Savings Plan's discount on duration and provisioned concurrency, not requests."},
	"discounts.spot": {label: "Fargate Spot", defaultNote: "no", appliesTo: uses("discounts.spot"),
		help: "Run the Fargate tasks on Spot capacity (x86_64): cheaper, but AWS may stop them at two minutes' notice."},
	"servers.autoscaling": {label: "Autoscale with the load",
		help: "Workers (and Fargate tasks) follow the load shape hour by hour instead of running the peak's fleet all month."},
	"servers.min_count": {label: "Fewest nodes", defaultNote: "one per zone",
		help: "The smallest an autoscaled fleet gets, in nodes (tasks on Fargate), spread over the zones."},
	"servers.scale_out_minutes": {label: "Scale-out time", unit: "min", defaultNote: "5",
		help: "How long a new node or task takes to serve; the fleet grows that long before each busier hour."},
	"servers.node_start_minutes": {label: "Node start time", unit: "min", defaultNote: "5",
		help: "What a node launched for a job's run is billed before the run starts (boot, join, image pull)."},
	"servers.survive_zone_loss": {label: "Size to survive a zone loss",
		help: "Size every zone so that the others still serve the peak when one is lost."},

	"container.vcpu": {label: "vCPU",
		help: "The vCPU of one replica (Fargate rounds up to its next task size)."},
	"container.memory_mb": {label: "Memory", unit: "MB", defaultNote: fmt.Sprintf("≥ %d", DefaultContainerMemory),
		help: fmt.Sprintf("The memory of one replica; %d MB, or the workload's memory when that is more, when left out.", DefaultContainerMemory)},
	"container.max_in_flight": {label: "Requests at once", unit: "workers or threads", defaultNote: "no bound",
		help: "The requests one replica serves at the same time (its worker or thread count); left out, only its CPU and memory bound it."},

	"current.platform": {label: "Runs today on", enum: platformValues,
		help: "The platform the service runs on today: its bill is the baseline every platform is set against."},
	"current.instance_type": {label: "Instance type", example: "m5.large",
		help: "Today's node or instance type (EC2-based platforms, Lambda Managed Instances)."},
	"current.task_vcpu": {label: "Task vCPU",
		help: "Today's task size on Fargate: its vCPU (with its memory)."},
	"current.task_memory_mb": {label: "Task memory", unit: "MB",
		help: "Today's task size on Fargate: its memory."},
	"current.memory_mb": {label: "Function memory", unit: "MB",
		help: "Today's function memory on Lambda."},
	"current.count": {label: "Running", unit: "nodes, tasks or instances (mean)", example: "4",
		help: "How many run today, the month's mean (on Lambda, concurrent executions; Little's law's when left out)."},
	"current.cpu_utilization": {label: "CPU", unit: "0–1, month's mean", example: "0.1",
		help: "The fleet's mean CPU utilisation as CloudWatch reports it (10 % is 0.1): it calibrates the CPU a request uses."},
	"current.peak_cpu_utilization": {label: "Busiest hour's CPU", unit: "0–1",
		help: "The busiest hour's CPU utilisation: it calibrates the busiest hour's rate."},
	"current.memory_utilization": {label: "Memory in use", unit: "0–1",
		help: "The mean share of each node's or task's memory in use; on Fargate it sizes a replica's memory."},
	"current.requests_per_second": {label: "At requests/s", defaultNote: "the mean",
		help: "The rate the utilisations were measured at; the workload's mean when left out."},

	"eks.extended_support": {label: "Extended support", defaultNote: "no", appliesTo: onEKS,
		help: "The cluster runs a Kubernetes version past its standard support: EKS bills $0.60 a cluster-hour in all instead of $0.10."},

	"ha.node_availability": {label: "One node", unit: "0–1",
		help: "The chance that one node is up (an assumption: set your own)."},
	"ha.zone_availability": {label: "One zone", unit: "0–1",
		help: "The chance that one availability zone is up (an assumption: set your own)."},

	"weights.cost":        {label: "Cost", help: "The weight of the monthly cost (the cheapest scores 1)."},
	"weights.headroom":    {label: "Headroom", help: "The weight of room left below the platform's hard limits and tested envelopes; adjustable quotas only warn."},
	"weights.resilience":  {label: "Resilience", help: "The weight of control-plane uptime and surviving the loss of a zone."},
	"weights.operations":  {label: "Operations", help: "The weight of how little the team has to run itself."},
	"weights.portability": {label: "Portability", help: "The weight of a configuration that runs off AWS too."},
}
