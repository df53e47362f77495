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
	Node              NodeOptions
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
	Clusters        int64  `json:"clusters,omitempty"`
	Allocatable     *Node  `json:"-"`

	// Fargate.
	TaskVCPU     decimal.Decimal `json:"task_vcpu"`
	TaskMemoryMB int64           `json:"task_memory_mb,omitempty"`
	Tasks        int64           `json:"tasks,omitempty"`
}

// Size sizes req on its platform in catalogue cat, with instance shapes from
// inst. Bad input is an error naming the field; an unknown instance type
// wraps ErrUnknownInstanceType (UnknownInstanceFinding turns it into the
// report's blocker). Limits reached are findings in the Result.
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
	switch p.ID {
	case platform.Lambda:
		s, err := SizeLambda(p, req.Workload, req.Lambda)
		if err != nil {
			return Result{}, err
		}
		res.Concurrency, res.PeakConcurrency, res.RampSeconds = s.Concurrency, s.PeakConcurrency, s.RampSeconds
		fs = s.Findings
	case platform.ECSFargate:
		s, err := SizeFargate(p, cat.Snapshot, req.Workload, req.Container, util, req.Servers.Zones, req.Servers.SurviveZoneLoss)
		if err != nil {
			return Result{}, err
		}
		res.Replicas, res.ReplicasBinding = s.Replicas.Count, s.Replicas.Binding
		res.TaskVCPU, res.TaskMemoryMB, res.Tasks = s.Task.VCPU, s.Task.MemoryMiB, s.Tasks
		fs = s.Findings
	default:
		var err error
		if fs, err = sizeServers(p, inst, req, util, &res); err != nil {
			return Result{}, err
		}
	}
	res.Blockers, res.Warnings = fs.Blockers(), fs.Warnings()
	res.Feasible = len(res.Blockers) == 0
	return res, nil
}

func sizeServers(p platform.Platform, inst Instances, req Request, util decimal.Decimal, res *Result) (Findings, error) {
	s := req.Servers
	if s.Count < 0 {
		return nil, inputErr("servers.count", s.Count, "is negative")
	}
	node, err := NodeFor(p.ID, inst, s.InstanceType, s.Node)
	if err != nil {
		return nil, err
	}
	r, err := SizeReplicas(req.Workload, req.Container, util)
	if err != nil {
		return nil, err
	}
	sp, err := SpreadReplicas(r.Count, s.Zones, s.SurviveZoneLoss)
	if err != nil {
		return nil, err
	}
	pl, err := Place(node, req.Container, sp)
	if err != nil {
		return nil, err
	}
	res.Allocatable = &node
	res.Replicas, res.ReplicasBinding = sp.Total, r.Binding
	res.ReplicasPerNode, res.NodeBinding = pl.PerNode, pl.Binding
	res.NodesNeeded, res.Nodes = pl.Nodes, pl.Nodes

	var fs Findings
	if s.Count > 0 {
		res.Nodes = s.Count
		if s.Count < pl.Nodes {
			fs = append(fs, Finding{
				Code:     FleetTooSmall,
				Message:  fmt.Sprintf("a fixed fleet of %d %s serves the peak only with %d", s.Count, s.InstanceType, pl.Nodes),
				Limit:    fmt.Sprint(s.Count),
				Value:    fmt.Sprint(pl.Nodes),
				Unit:     "nodes",
				Severity: Warning,
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
	fs = append(fs, CheckCluster(p, u)...)
	res.Clusters = ClustersNeeded(p, u)
	return fs, nil
}
