package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// Catalogues are the data one evaluation reads: the snapshot's platforms,
// the region's prices and the instance table.
type Catalogues struct {
	Platforms platform.Catalogue
	Prices    *cost.Catalogue
	Instances platform.Instances
	// Families are the models of the platforms' families: the caller's
	// choice (runwhere's own are package family's Builtin). A nil
	// registry has none, and every platform is then an error.
	Families Registry
}

// Inputs are the scenario as the components read it, every default filled
// in by the caller.
type Inputs struct {
	Snapshot  platform.SnapshotID
	Region    string
	Workload  capacity.Workload
	Container capacity.Container
	// Servers configures nodes platforms (and zones for tasks). Its
	// Managers are per cluster.
	Servers capacity.Servers
	// HourlyPrice overrides the catalogue's instance price when not nil.
	HourlyPrice *decimal.Decimal
	// Arch is the workload's CPU architecture (x86_64 or arm64).
	Arch string
	// Function and Lambda describe the function on functions platforms:
	// the sizing's view and the bill's (Lambda.DurationMS is what Lambda
	// bills, possibly stretched by its CPU share).
	Function capacity.Function
	Lambda   cost.LambdaUsage
	// CPUShareScaling is lambda.cpu_share_scaling: Lambda's duration
	// follows its memory's vCPU share ([LambdaDurationMS]).
	CPUShareScaling bool
	// Shape is how the load is spread over the hours (zero: flat).
	Shape Shape
	// Autoscale, when not nil, lets workers and tasks follow Shape.
	Autoscale *Autoscale
	// PeakIsBusiestHour says Workload.PeakRequestsPerSecond is Shape's
	// busiest hour, mean × max / mean(shape), which a decimal holds only
	// rounded up when the quotient does not terminate: a fleet that
	// follows Shape then sizes each hour from the exact fraction, so that
	// an hour at an exact capacity boundary gets the replicas it needs and
	// not one more.
	PeakIsBusiestHour bool
	// Job, when not nil, makes the workload a scheduled job. Workload
	// and Container then describe its tasks as replicas: Workload asks
	// for exactly Parallelism replicas in one zone (see the root's
	// inputs), so that capacity sizes the nodes one run needs.
	Job *Job
	// Discounts are the fractions off on-demand compute: bills show them
	// as lines of their own, cost models price at the discounted rates.
	Discounts Discounts
	// FrontDoor, when not nil, is the API in front of a function: its
	// requests are billed beside the function's.
	FrontDoor *FrontDoor
	// ServerDoor, when not nil, is the ALB in front of the container
	// platforms; NAT the NAT gateways their traffic goes through.
	ServerDoor *cost.ALBUsage
	NAT        *NAT
	// ServerAPI, when not nil, is the API Gateway API in front of the
	// container platforms (its API; the ALB behind it is ServerDoor):
	// its requests are the workload's.
	ServerAPI *FrontDoor
	// Surroundings are ServerAPI, ServerDoor and NAT priced once for every platform
	// ([NewSurroundings]); nil prices them on each evaluation.
	Surroundings *Surroundings
	// TaskSize, when not nil, is the Fargate task size to price instead
	// of the smallest that holds the container (a cheaper configuration
	// the search tries; the replicas stay the container's).
	TaskSize *capacity.TaskSize
	// RankOnly asks for what ranks a platform — its bill, findings,
	// capacity and topology — and not its cost models (Fleet, Curve,
	// Alternative): a family may skip building them. The re-evaluations
	// of a report's assumptions ask for no more.
	RankOnly bool
	// ControlPlaneSupport is the Kubernetes version support tier the
	// control plane's fee is charged at (EKS's extended support); zero
	// means standard.
	ControlPlaneSupport cost.EKSSupport
	// InternetEgressGB is the month's data out to the internet, the same
	// on every platform ([shareEgress]); zero: none.
	InternetEgressGB decimal.Decimal
	// PublicIPs is which machines have a public IPv4 address, each
	// billed by the address-hour ([NodeAddons], [TaskAddons]).
	PublicIPs PublicIPs
	// RootVolumeGB is servers.root_volume_gb: each node's gp3 root
	// volume; nil takes the platform's documented default ([NodeAddons]).
	RootVolumeGB *decimal.Decimal
}

// Autoscale is servers.autoscaling on.
type Autoscale struct {
	// MinCount is the fleet's floor, in nodes (tasks on Fargate), spread
	// over the zones as replicas are.
	MinCount int64
	// LeadMinutes is servers.scale_out_minutes ([Autoscale.Plan]).
	LeadMinutes decimal.Decimal

	// The shape's plan at LeadMinutes, made once for every platform.
	levels  []Level
	perHour []int
}

// Plan is the shape's plan at the scale-out time (its load levels, and
// the index in them of each hour's level): the one NewAutoscale made, or
// a new one for an Autoscale built by hand. The caller must not change
// what it returns.
func (a *Autoscale) Plan(shape Shape) ([]Level, []int) {
	if a.levels == nil {
		return shape.plan(a.LeadMinutes)
	}
	return a.levels, a.perHour
}

// NewAutoscale is servers.autoscaling on over shape: a floor of minCount
// nodes (or tasks), grown lead minutes ahead of each busier hour.
func NewAutoscale(shape Shape, minCount int64, lead decimal.Decimal) *Autoscale {
	a := &Autoscale{MinCount: minCount, LeadMinutes: lead}
	a.levels, a.perHour = shape.plan(lead)
	return a
}

// FrontDoor is an API Gateway API, or an ALB, in front of a function.
type FrontDoor struct {
	API       cost.APIGateway
	PayloadKB decimal.Decimal // a request and its response together
	ALB       *cost.ALBUsage  // instead of API
}

// NAT is the NAT gateways of the container platforms' subnets.
type NAT struct {
	Gateways int64
	GB       decimal.Decimal // processed a month
}

// Job is a scheduled batch job: Runs runs a month, each of Parallelism
// tasks lasting RunSeconds. NodeStartSeconds is what a node launched for
// a run is billed before the run starts.
type Job struct {
	Runs             int64
	RunSeconds       decimal.Decimal
	Parallelism      int64
	NodeStartSeconds decimal.Decimal
}

// Result is one platform evaluated: what it needs, what it costs, what
// stands in its way and how it is deployed.
type Result struct {
	Findings capacity.Findings
	Bill     cost.Bill
	Capacity Capacity
	// Curve (functions) or Fleet (tasks and nodes) is the monthly cost as
	// a function of the monthly requests, for break-even points and
	// curves; both nil when the platform cannot be priced.
	Curve *cost.Curve
	Fleet *cost.Fleet
	// Alternative is a job's other way to run on the same platform (nodes
	// per run or all month; [JobPerRun]): the platform costs the cheaper
	// of Fleet and Alternative at every load, and Fleet is the cheaper at
	// the scenario's.
	Alternative *cost.Fleet
	// Around is what the service's surroundings add to a fleet at each
	// load, beside its steps: an ALB's hours and LCUs, NAT gateways. The
	// platform costs Fleet (or the cheaper with Alternative) plus Around.
	Around *cost.Curve
	// Topology is the deployment as package ha models it.
	Topology ha.Topology
	// PerRequest marks a platform priced per request, as a Curve (even
	// when it cannot be priced): break-even points set it against the
	// platforms priced by a Fleet.
	PerRequest bool
}

// Capacity mirrors the report's capacity object field for field (the root
// package converts one into the other, so the two cannot drift).
type Capacity struct {
	DurationMS         *decimal.Decimal
	Concurrency        *decimal.Decimal
	PeakConcurrency    *decimal.Decimal
	RampSeconds        *decimal.Decimal
	Nodes              int
	InstanceType       string
	Managers           int
	Replicas           int
	RequestsPerReplica *decimal.Decimal
	BoundBy            string
	TaskVCPU           *decimal.Decimal
	TaskMemoryMB       int
	ReplicasPerNode    int
	NodeBoundBy        string
	NodeBoundNote      string
	Clusters           int
	NodesForPeak       int
	FixedFleet         bool
	UnusedVCPU         *decimal.Decimal
	// A fleet that follows the load shape, or a job's.
	NodeHours           *decimal.Decimal
	TaskHours           *decimal.Decimal
	NodesByHour         []int64
	MinNodes            *int64
	MaxNodes            *int64
	JobFleet            string
	NodesPerRun         int
	PeakHourConcurrency *decimal.Decimal
	StepUpSeconds       *decimal.Decimal
}

// The two ways an EC2-based platform can run a job (Capacity.JobFleet).
const (
	JobPerRun   = "per-run"   // nodes launched for each run, then stopped
	JobAlwaysOn = "always-on" // the run's nodes kept all month
)

// Evaluate evaluates platform p with the model of its family.
func Evaluate(p platform.Platform, cat Catalogues, in Inputs) (Result, error) {
	f, err := cat.Families.FamilyOf(p)
	if err != nil {
		return Result{}, err
	}
	r, err := f.Evaluate(p, cat, in)
	if err != nil {
		return Result{}, err
	}
	if f, ok := archMismatch(p, cat, in); ok {
		r.Findings = append(r.Findings, f)
	}
	// A platform it could price (a fleet, or under RankOnly a bill) stands
	// behind its surroundings.
	if _, ok := f.(Surrounded); ok && (r.Fleet != nil || in.RankOnly && len(r.Bill.Lines) > 0) {
		s := in.Surroundings
		if s == nil {
			s = NewSurroundings(cat, in)
		}
		around(&r, s)
	}
	if d, ok := f.(Discounted); ok {
		frac, label := d.Discount(p, in)
		r.Bill = withDiscount(r.Bill, label, frac)
	}
	shareEgress(&r, cat, in)
	return r, nil
}

// ArchMismatch is the warning on a platform that runs on
// servers.instance_type when the type's architecture is not the
// workload's: the functions and tasks are priced on workload.arch, the
// instances on another processor ([archMismatch]).
const ArchMismatch capacity.Code = "arch-mismatch"

// MissingFigure is the finding code for a figure the catalogues do not
// source (a price, an ENI count), so runwhere will not guess it.
const MissingFigure capacity.Code = "missing-figure"

// MissingFigureFinding is the blocker a family reports for err, a
// component's refusal to guess a figure (a price, an ENI count): its
// message without the component's prefix, saying runwhere does not
// guess it.
func MissingFigureFinding(err error) capacity.Finding {
	msg := err.Error()
	for _, prefix := range []string{"capacity: ", "cost: ", "platform: "} {
		msg = trimPrefix(msg, prefix)
	}
	return capacity.Finding{Code: MissingFigure, Message: msg + " (no sourced figure; runwhere does not guess one)", Severity: capacity.Blocker}
}

func trimPrefix(s, p string) string {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}

// ControlPlane prices the control plane of cp.Clusters clusters of p
// (cp.Fee is taken from p's entry, cp.Support from in's). A managed control plane whose price
// the snapshot does not source (ECS in 2017-12) is left out of the bill
// with a warning appended to fs that says so.
func ControlPlane(p platform.Platform, cat Catalogues, in Inputs, cp cost.ControlPlane, fs *capacity.Findings) (cost.Bill, error) {
	if p.ControlPlane.RunBy == platform.AWS && p.ControlPlane.Fee == "" {
		return cost.Bill{}, nil // no cluster to pay for
	}
	cp.Fee = p.ControlPlane.Fee
	if cp.Support == "" {
		cp.Support = in.ControlPlaneSupport
	}
	bill, err := cost.ControlPlaneBill(cat.Prices, cp)
	if err == nil {
		return bill, nil
	}
	if p.ControlPlane.RunBy != platform.AWS {
		return cost.Bill{}, err
	}
	f := MissingFigureFinding(err)
	f.Severity = capacity.Warning
	f.Message += "; the bill leaves the control plane out"
	*fs = append(*fs, f)
	return cost.Bill{}, nil
}

// MaxModelledWorkers is the largest worker tier package ha computes: a
// family reports a larger fleet's topology without its workers.
const MaxModelledWorkers = 10000

// JobFunction is the workload a job's runs are to a function's sizing:
// its Parallelism tasks at once at the peak, its mean concurrency (runs ×
// tasks × run seconds over the month) the rest of the time, and its run
// as the longest execution. A one-second duration keeps the concurrency
// figures exact: they are then the rates themselves.
func JobFunction(j *Job) capacity.Workload {
	par := decimal.NewFromInt(j.Parallelism)
	mean := decimal.NewFromInt(j.Runs).Mul(par).Mul(j.RunSeconds).DivRound(secondsPerMonth, cost.DivScale)
	return capacity.Workload{
		RequestsPerSecond:     decimal.Min(mean, par),
		PeakRequestsPerSecond: par,
		DurationMS:            thousand,
		CPUFraction:           dOne,
		MaxDurationS:          j.RunSeconds.Ceil().IntPart(),
	}
}

// WithFrontDoor is a function's tariff t with the API in front of it
// (in.FrontDoor), if any: its requests are the function's, so it is one
// more term of the same tariff, and the curve and break-even points
// carry it. An error is a price the catalogue does not source.
func WithFrontDoor(t cost.Tariff, cat Catalogues, in Inputs) (cost.Tariff, error) {
	fd := in.FrontDoor
	if fd == nil {
		return t, nil
	}
	if fd.ALB != nil {
		alb, err := cost.ALBTariff(cat.Prices, *fd.ALB)
		if err != nil {
			return nil, err
		}
		return append(append(t, alb...), functionALBAddresses(cat)...), nil
	}
	term, err := cost.APIGatewayTerm(cat.Prices, fd.API, fd.PayloadKB)
	if err != nil {
		return nil, err
	}
	return append(t, term), nil
}

var thousand = decimal.NewFromInt(1000)

func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		return a
	}
	return (a + b - 1) / b
}
