package capacity

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
)

// DefaultTargetUtilization is the share of a replica's vCPU the sizing plans
// to use when Servers.TargetUtilization is zero: 0.7. A function rather than
// a variable, so that no caller can change it under everyone else's sizing.
func DefaultTargetUtilization() decimal.Decimal { return defaultTargetUtilization }

var defaultTargetUtilization = decimal.RequireFromString("0.7")

// MaxReplicas bounds the replicas one workload may need: a thousand
// times the largest published cluster envelope (150,000 Kubernetes pods),
// and far enough inside int64 that node, zone and price products of it
// cannot overflow.
const MaxReplicas = 1_000_000_000

// MaxZones bounds the zones replicas are spread over: the zones a to z, as
// the scenario and package ha name them (AWS's largest Region has six).
// Placement works zone by zone, so the bound also keeps its work small.
const MaxZones = 26

// MinVCPU is the smallest CPU a container may be given, 0.001: Kubernetes
// refuses precision finer than 1m (one millicore), and ECS counts CPU in
// units of 1/1024 vCPU. Below it, replica counts stop meaning anything and
// overflow.
func MinVCPU() decimal.Decimal { return minVCPU }

var minVCPU = decimal.New(1, -3)

// Replicas is how many replicas of a container serve a workload's peak.
type Replicas struct {
	// PeakConcurrency is requests in flight at the peak (Little's law).
	PeakConcurrency decimal.Decimal
	// CPUDemand is the vCPU the peak keeps busy: peak × CPU time a request.
	CPUDemand  decimal.Decimal
	ByCPU      int64 // replicas the CPU needs at the target utilisation
	ByInFlight int64 // replicas Container.MaxInFlight needs; 0 = unbounded
	ByMemory   int64 // replicas the memory needs; 0 = unbounded
	Count      int64 // max(ByCPU, ByInFlight, ByMemory, 1)
	// Binding names what set Count: "cpu", "in_flight", "memory" or
	// "minimum" (one replica holds the whole peak).
	Binding string
}

// The bounds on the requests one replica serves (Replicas.Binding,
// ReplicaBound).
const (
	BoundCPU      = "cpu"
	BoundInFlight = "in_flight"
	BoundMemory   = "memory"
	BoundMinimum  = "minimum"
)

// SizeReplicas sizes replicas of c for w's peak. A replica serves
// requests until the first of three bounds: its vCPU × util over the CPU
// time of a request, its MaxInFlight requests at once, and (with
// w.RequestMemoryMB) the requests its memory holds. util must be in
// (0, 1].
func SizeReplicas(w Workload, c Container, util decimal.Decimal) (Replicas, error) {
	if err := w.validate(); err != nil {
		return Replicas{}, err
	}
	if err := c.validate(); err != nil {
		return Replicas{}, err
	}
	if !util.IsPositive() || util.GreaterThan(one) {
		return Replicas{}, inputErr("servers.target_utilization", util, "is not within (0, 1]")
	}
	if w.RequestMemoryMB > c.MemoryMB {
		return Replicas{}, inputErr("container.memory_mb", c.MemoryMB, fmt.Sprintf("cannot hold one request of workload.request_memory_mb %d", w.RequestMemoryMB))
	}
	r := Replicas{PeakConcurrency: Concurrency(w.peak(), w.DurationMS)}
	r.CPUDemand = w.peak().Mul(w.CPUTimeMS()).Shift(-3)
	r.ByCPU = ceilDiv(r.CPUDemand, c.VCPU.Mul(util))
	if c.MaxInFlight > 0 {
		r.ByInFlight = ceilDiv(r.PeakConcurrency, decimal.NewFromInt(c.MaxInFlight))
	}
	if w.RequestMemoryMB > 0 {
		r.ByMemory = ceilDiv(r.PeakConcurrency, decimal.NewFromInt(c.MemoryMB/w.RequestMemoryMB))
	}
	r.Count, r.Binding = 1, BoundMinimum
	if r.ByCPU >= r.Count {
		r.Count, r.Binding = r.ByCPU, BoundCPU
	}
	if r.ByInFlight > r.Count {
		r.Count, r.Binding = r.ByInFlight, BoundInFlight
	}
	if r.ByMemory > r.Count {
		r.Count, r.Binding = r.ByMemory, BoundMemory
	}
	if r.Count > MaxReplicas {
		return Replicas{}, inputErr("workload", r.PeakConcurrency.Round(0).String()+" requests in flight",
			fmt.Sprintf("need more than %d replicas of %s vCPU, beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu", MaxReplicas, c.VCPU))
	}
	return r, nil
}

func (c Container) validate() error {
	if err := input.CheckDecimal(c.VCPU); err != nil {
		return inputErr("container.vcpu", "(refused)", err.Error())
	}
	if !c.VCPU.IsPositive() {
		return inputErr("container.vcpu", c.VCPU, "is not positive")
	}
	if c.VCPU.LessThan(minVCPU) {
		return inputErr("container.vcpu", c.VCPU, "is below 0.001, the smallest CPU a container can be given (1 millicore)")
	}
	if c.MemoryMB <= 0 {
		return inputErr("container.memory_mb", c.MemoryMB, "is not positive")
	}
	if c.MaxInFlight < 0 {
		return inputErr("container.max_in_flight", c.MaxInFlight, "is negative")
	}
	return nil
}

// Spread is how replicas are laid over zones.
type Spread struct {
	Zones int64
	// SurviveZoneLoss: every zone holds enough that the other zones still
	// serve the peak when one is lost (N+1 per zone).
	SurviveZoneLoss bool
	PerZone         int64 // replicas in the fullest zone
	Total           int64
}

// SpreadReplicas lays n replicas over zones (0 means 1; at most [MaxZones]).
// Every zone gets at least one replica. With survive, each zone holds
// ⌈n / (zones − 1)⌉ so that losing any one zone leaves n serving; that needs
// two zones or more.
func SpreadReplicas(n, zones int64, survive bool) (Spread, error) {
	if n <= 0 {
		return Spread{}, inputErr("replicas", n, "is not positive")
	}
	if zones < 0 {
		return Spread{}, inputErr("servers.zones", zones, "is negative")
	}
	if zones > MaxZones {
		return Spread{}, inputErr("servers.zones", zones, fmt.Sprintf("is more than %d zones", MaxZones))
	}
	if zones == 0 {
		zones = 1
	}
	s := Spread{Zones: zones, SurviveZoneLoss: survive}
	if survive {
		if zones < 2 {
			return Spread{}, inputErr("servers.zones", zones, "cannot survive the loss of a zone (needs 2 or more)")
		}
		s.PerZone = (n + zones - 2) / (zones - 1)
		s.Total = s.PerZone * zones
		return s, nil
	}
	n = max(n, zones)
	s.PerZone = (n + zones - 1) / zones
	s.Total = n
	return s, nil
}

// zoneCounts returns the replicas in each zone: Total spread as evenly as
// possible, the first zones taking the remainder.
func (s Spread) zoneCounts() []int64 {
	out := make([]int64, s.Zones)
	base, extra := s.Total/s.Zones, s.Total%s.Zones
	for i := range out {
		out[i] = base
		if int64(i) < extra {
			out[i]++
		}
	}
	return out
}

// Placement is the nodes a spread of replicas needs on one node type.
type Placement struct {
	PerNode int64  // replicas one node holds
	Binding string // what limits PerNode: cpu, memory or slots
	Nodes   int64  // nodes over all zones, each zone sized on its own
	// Busiest is the replicas on the fullest node.
	Busiest int64
}

// Place sizes nodes for s on node n for replicas of c.
func Place(n Node, c Container, s Spread) (Placement, error) {
	if err := c.validate(); err != nil {
		return Placement{}, err
	}
	cpu, mem := millicores(c.VCPU), c.MemoryMB
	fit, binding := n.Fit(cpu, mem)
	if fit < 1 {
		return Placement{}, inputErr("container", fmt.Sprintf("%s vCPU / %d MB", c.VCPU, c.MemoryMB),
			fmt.Sprintf("does not fit on %s (allocatable %dm CPU, %d MiB, after the reservation)", n.Instance.Type, n.CPUMilli, n.MemoryMiB))
	}
	p := Placement{PerNode: fit, Binding: binding}
	for _, z := range s.zoneCounts() {
		p.Nodes += (z + fit - 1) / fit
	}
	p.Busiest = min(fit, s.PerZone)
	return p, nil
}
