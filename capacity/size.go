package capacity

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// ErrNotInSnapshot is wrapped when a platform is absent from a snapshot
// (EKS in 2017-12: it was not generally available until 2018-06).
var ErrNotInSnapshot = errors.New("platform not in snapshot")

// Servers configures the EC2-backed platforms (ecs-ec2, eks, kubernetes,
// swarm, nomad).
type Servers struct {
	InstanceType string
	// Count is a fixed fleet of workers; 0 sizes the fleet from the workload.
	Count int64
	// TargetUtilization is the share of a replica's vCPU to plan on, in
	// (0, 1]; zero means [DefaultTargetUtilization] (0.7).
	TargetUtilization decimal.Decimal
	Zones             int64 // 0 means 1
	SurviveZoneLoss   bool  // N+1 per zone
	// Managers is the control-plane nodes of one cluster on platforms
	// whose control plane the user runs (Swarm, Nomad, self-managed
	// Kubernetes); a fleet split over clusters needs them in each.
	Managers int64
	Node     NodeOptions
}

// Request is one workload on one platform, shaped after the Scenario's
// workload, servers, container and lambda sections.
type Request struct {
	Platform  platform.ID
	Workload  Workload
	Container Container
	Servers   Servers
	Lambda    Function
}

// Result is what a platform needs for a Request and what stands in its way.
// Fields that do not apply to the platform are zero.
type Result struct {
	Platform platform.ID `json:"platform"`
	Feasible bool        `json:"feasible"`
	Blockers Findings    `json:"blockers"`
	Warnings Findings    `json:"warnings"`

	// Lambda.
	Concurrency     decimal.Decimal `json:"concurrency"`
	PeakConcurrency decimal.Decimal `json:"peak_concurrency"`
	RampSeconds     int64           `json:"ramp_seconds,omitempty"`

	// Container platforms.
	Replicas        int64  `json:"replicas,omitempty"`
	ReplicasBinding string `json:"replicas_binding,omitempty"`

	// EC2-backed platforms.
	ReplicasPerNode int64  `json:"replicas_per_node,omitempty"`
	NodeBinding     string `json:"node_binding,omitempty"`
	NodesNeeded     int64  `json:"nodes_needed,omitempty"`
	Nodes           int64  `json:"nodes,omitempty"` // Count when fixed, else NodesNeeded
	// NodesForPeak is the nodes the peak needs with no zone spread or
	// redundancy, ⌈replicas for the peak / ReplicasPerNode⌉: what package
	// ha checks the fleet left after a failure against.
	NodesForPeak int64 `json:"nodes_for_peak,omitempty"`
	Clusters     int64 `json:"clusters,omitempty"`
	// Managers is the control-plane nodes over all clusters, for platforms
	// whose control plane the user runs.
	Managers    int64  `json:"managers,omitempty"`
	Allocatable *Node  `json:"-"`
	Spread      Spread `json:"-"` // replicas over zones (container platforms)

	// Fargate.
	TaskVCPU     decimal.Decimal `json:"task_vcpu"`
	TaskMemoryMB int64           `json:"task_memory_mb,omitempty"`
	Tasks        int64           `json:"tasks,omitempty"`
}

// Size sizes req on its platform in catalogue cat, with instance shapes from
// inst. Bad input is an error naming the field; an unknown instance type
// wraps ErrUnknownInstanceType (UnknownInstanceFinding turns it into the
// report's blocker). Limits reached are findings in the Result.
//
// Size serves the families of the 2017 deck (functions, tasks, nodes) by
// their entries' family; a family's own model calls the sizing it needs
// (SizeLambda, SizeFargate, SizeServers) directly.
func Size(cat platform.Catalogue, inst Instances, req Request) (Result, error) {
	p, ok := cat.Platform(req.Platform)
	if !ok {
		return Result{}, fmt.Errorf("capacity: platform: %q: %w %s", req.Platform, ErrNotInSnapshot, cat.Snapshot)
	}
	util := req.Servers.TargetUtilization
	if util.IsZero() {
		util = DefaultTargetUtilization()
	}
	res := Result{Platform: p.ID}
	var fs Findings
	switch p.Family {
	case platform.Functions:
		s, err := SizeLambda(p, req.Workload, req.Lambda)
		if err != nil {
			return Result{}, err
		}
		res.Concurrency, res.PeakConcurrency, res.RampSeconds = s.Concurrency, s.PeakConcurrency, s.RampSeconds
		fs = s.Findings
	case platform.Tasks:
		s, err := SizeFargate(p, cat.Snapshot, req.Workload, req.Container, util, req.Servers.Zones, req.Servers.SurviveZoneLoss)
		if err != nil {
			return Result{}, err
		}
		res.Replicas, res.ReplicasBinding = s.Replicas.Count, s.Replicas.Binding
		res.TaskVCPU, res.TaskMemoryMB, res.Tasks = s.Task.VCPU, s.Task.MemoryMiB, s.Tasks
		fs = s.Findings
	case platform.Nodes:
		return SizeServers(cat, inst, req)
	default:
		return Result{}, inputErr("platform", req.Platform, fmt.Sprintf("has no family capacity can size (%q)", p.Family))
	}
	res.Blockers, res.Warnings = fs.Blockers(), fs.Warnings()
	res.Feasible = len(res.Blockers) == 0
	return res, nil
}

// sizeServers is the one sizing model of the EC2-backed platforms; the
// root package prices exactly what it returns. Replicas for the peak are
// spread over zones as [SpreadReplicas] lays them (the remainder goes to
// the first zones, as an Auto Scaling group spanning zones balances
// instances and as a topology spread constraint with maxSkew 1 places
// pods), and each zone gets the nodes its own replicas need. That is the
// cheapest placement that still keeps every zone serving; balancing whole
// zones instead (every zone as large as the fullest) pays for up to
// zones − 1 replicas nobody asked for.
//
// A replica that does not fit on the node after the platform's
// reservation is a max-task-size blocker, and a fixed fleet (Count) below
// what the peak needs is a fleet-too-small blocker: in both cases the
// platform, as configured, cannot serve the workload. A fleet beyond one
// cluster's published limits is split into [ClustersNeeded] clusters, each
// checked on its own share, with a multiple-clusters warning and a warning
// for each cluster-wide limit (nodes, pods, containers, services) the
// unsplit fleet exceeds, with its code, limit, value and source.
func sizeServers(p platform.Platform, inst Instances, req Request, util decimal.Decimal, res *Result) (Findings, error) {
	s := req.Servers
	if s.Count < 0 {
		return nil, inputErr("servers.count", s.Count, "is negative")
	}
	if s.Managers < 0 {
		return nil, inputErr("servers.managers", s.Managers, "is negative")
	}
	r, err := SizeReplicas(req.Workload, req.Container, util)
	if err != nil {
		return nil, err
	}
	sp, err := SpreadReplicas(r.Count, s.Zones, s.SurviveZoneLoss)
	if err != nil {
		return nil, err
	}
	res.Replicas, res.ReplicasBinding, res.Spread = sp.Total, r.Binding, sp
	node, err := NodeFor(p.NodeReservation, inst, s.InstanceType, s.Node)
	if errors.Is(err, ErrUnknownInstanceType) {
		return nil, err
	}
	if err != nil {
		return nil, &NodeError{Err: err}
	}
	res.Allocatable = &node
	fit, _ := node.Fit(millicores(req.Container.VCPU), req.Container.MemoryMB)
	if fit < 1 {
		return Findings{{
			Code:     MaxTaskSize,
			Message:  fmt.Sprintf("one %s vCPU / %d MB replica does not fit on a %s after the platform's reservations (allocatable %dm CPU, %d MiB)", req.Container.VCPU, req.Container.MemoryMB, s.InstanceType, node.CPUMilli, node.MemoryMiB),
			Limit:    fmt.Sprintf("%dm CPU, %d MiB", node.CPUMilli, node.MemoryMiB),
			Severity: Blocker,
		}}, nil
	}
	pl, err := Place(node, req.Container, sp)
	if err != nil {
		return nil, err
	}
	res.ReplicasPerNode, res.NodeBinding = pl.PerNode, pl.Binding
	res.NodesNeeded, res.Nodes = pl.Nodes, pl.Nodes
	res.NodesForPeak = (r.Count + pl.PerNode - 1) / pl.PerNode

	var fs Findings
	if s.Count > 0 {
		res.Nodes = s.Count
		if s.Count < pl.Nodes {
			fs = append(fs, Finding{
				Code:     FleetTooSmall,
				Message:  fmt.Sprintf("servers.count %d is below the %d nodes the peak needs (%d replicas, %d per %s, %d zones)", s.Count, pl.Nodes, sp.Total, pl.PerNode, s.InstanceType, sp.Zones),
				Limit:    fmt.Sprint(s.Count),
				Value:    fmt.Sprint(pl.Nodes),
				Unit:     "nodes",
				Severity: Blocker,
			})
		}
	}
	sys := node.Reservation.SystemPods
	u := ClusterUsage{
		Nodes:              res.Nodes,
		PodsPerNode:        pl.Busiest + sys,
		Pods:               sp.Total + sys*res.Nodes,
		Services:           1,
		MaxTasksPerService: sp.Total,
	}
	res.Clusters = ClustersNeeded(p, u)
	if c := res.Clusters; c > 1 {
		// Split the fleet as the deck advises for Swarm-style scale-out:
		// each cluster is checked, and billed, on its own share.
		fs = append(fs, Finding{
			Code:     MultipleClusters,
			Message:  fmt.Sprintf("%d nodes and %d replicas are more than one %s cluster holds within its published limits: split into %d clusters, each with its own control plane", res.Nodes, sp.Total, p.Name, c),
			Value:    fmt.Sprint(c),
			Severity: Warning,
		})
		// Name each cluster-wide limit the whole fleet exceeds, with its
		// source: the split is advice, the limit is the fact behind it.
		// The split resolves them, so they warn whatever their enforcement.
		for _, f := range CheckCluster(p, u) {
			switch f.Code {
			case MaxNodes, MaxPods, MaxContainers, MaxServices:
				f.Message += fmt.Sprintf(" as one cluster; %d clusters hold it", c)
				f.Severity = Warning
				fs = append(fs, f)
			}
		}
		u.Nodes, u.Pods = ceilInt(u.Nodes, c), ceilInt(u.Pods, c)
		u.MaxTasksPerService = ceilInt(sp.Total, c)
	}
	fs = append(fs, CheckCluster(p, u)...)
	if p.ControlPlane.RunBy == platform.User {
		res.Managers = s.Managers * res.Clusters
	}
	return fs, nil
}

func ceilInt(a, b int64) int64 { return (a + b - 1) / b }

// SizeServers sizes req on the worker instances of a platform whose
// replicas are packed onto nodes (a nodes platform: its entry names the
// node reservation rule), as [Size] does for one.
func SizeServers(cat platform.Catalogue, inst Instances, req Request) (Result, error) {
	p, ok := cat.Platform(req.Platform)
	if !ok {
		return Result{}, fmt.Errorf("capacity: platform: %q: %w %s", req.Platform, ErrNotInSnapshot, cat.Snapshot)
	}
	if p.NodeReservation == "" {
		return Result{}, inputErr("platform", req.Platform, "names no node_reservation: it is not sized on nodes")
	}
	util := req.Servers.TargetUtilization
	if util.IsZero() {
		util = DefaultTargetUtilization()
	}
	res := Result{Platform: p.ID}
	fs, err := sizeServers(p, inst, req, util, &res)
	if err != nil {
		return Result{}, err
	}
	res.Blockers, res.Warnings = fs.Blockers(), fs.Warnings()
	res.Feasible = len(res.Blockers) == 0
	return res, nil
}
