package capacity

import (
	"errors"
	"fmt"

	"github.com/runwhere/runwhere/platform"
)

// Published reservation figures.
const (
	// EKSBootstrapSource is the amazon-eks-ami bootstrap script whose
	// get_cpu_millicores_to_reserve and get_memory_mebibytes_to_reserve set
	// the kubelet's kube-reserved, and whose kubelet config sets
	// evictionHard memory.available to 100Mi.
	EKSBootstrapSource platform.URL = "https://github.com/awslabs/amazon-eks-ami/blob/v20200723/files/bootstrap.sh"
	// EKSEvictionHardMiB is the EKS AMI's hard eviction threshold.
	EKSEvictionHardMiB = 100
	// EKSSystemPods are the two host-network pods (aws-node, kube-proxy) the
	// "+ 2" of the max-pods formula accounts for; they use pod slots.
	EKSSystemPods = 2

	// KubeletSource documents the upstream kubelet defaults: no kube-reserved
	// or system-reserved, hard eviction at memory.available<100Mi.
	KubeletSource platform.URL = "https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/"
	// KubeletMaxPods is the kubelet's --max-pods default.
	KubeletMaxPods = 110
	// KubeletEvictionHardMiB is the kubelet's default hard eviction threshold.
	KubeletEvictionHardMiB = 100
)

// EKSKubeReservedCPU is the EKS AMI's kube-reserved CPU, in millicores, for a
// node of vcpu vCPUs: 6% of the first core, 1% of the second, 0.5% of cores
// 3–4 and 0.25% of every core above 4 (1 vCPU → 60m, 2 → 70m, 4 → 80m,
// 8 → 90m, 16 → 110m). The bootstrap computes each band in integer
// arithmetic; so does this.
func EKSKubeReservedCPU(vcpu int64) int64 {
	total := vcpu * 1000
	bands := []struct{ from, to, basisPoints int64 }{
		{0, 1000, 600}, {1000, 2000, 100}, {2000, 4000, 50}, {4000, total, 25},
	}
	var m int64
	for _, b := range bands {
		if total > b.from {
			m += (min(total, b.to) - b.from) * b.basisPoints / 10000
		}
	}
	return m
}

// EKSKubeReservedMemory is the EKS AMI's kube-reserved memory in MiB for a
// node that runs at most maxPods pods: 11 MiB per pod plus 255 MiB
// (t3.medium, 17 pods → 442 MiB).
func EKSKubeReservedMemory(maxPods int64) int64 { return 11*maxPods + 255 }

// NetworkMode is an ECS task network mode.
type NetworkMode string

// ECS network modes. The zero NetworkMode means AWSVPC, the mode AWS
// recommends and the only one Fargate supports.
const (
	AWSVPC NetworkMode = "awsvpc" // one ENI per task: ENIs bound the tasks per instance
	Bridge NetworkMode = "bridge" // bound by CPU and memory only
	Host   NetworkMode = "host"   // bound by CPU and memory only
)

// Reservation is what a node keeps from the workload.
type Reservation struct {
	CPUMilli  int64 // kube-reserved, system-reserved and the like, in millicores
	MemoryMiB int64 // reserved memory plus the hard eviction threshold
	// Slots is the most pods or tasks a node runs, platform daemons
	// included; 0 means no count limit (CPU and memory bind first).
	Slots int64
	// SystemPods are slots taken by the platform's own daemons.
	SystemPods int64
	Source     platform.URL
	Note       string
}

// Node is what one node offers the workload after its reservation.
type Node struct {
	Instance    Instance
	CPUMilli    int64 // allocatable millicores
	MemoryMiB   int64 // allocatable MiB
	Slots       int64 // pods or tasks for the workload; 0 = unbounded
	Reservation Reservation
}

// NodeOptions adjust how a node is modelled. The zero value is the
// platform's default.
type NodeOptions struct {
	// NetworkMode applies to ECS on EC2; zero means AWSVPC.
	NetworkMode NetworkMode
	// Trunking turns on ECS ENI trunking (awsvpc only); it needs a published
	// trunking figure for the instance type.
	Trunking bool
	// Reservation, when set, replaces the platform's default reservation.
	// Upstream Kubernetes, Swarm, Nomad and ECS default to what their agents
	// reserve out of the box (the kubelet: only its 100Mi eviction
	// threshold); real clusters usually reserve more, so callers should set
	// it to what their nodes run.
	Reservation *Reservation
}

// ErrUnknownInstanceType is wrapped by errors about an instance type missing
// from the catalogue.
var ErrUnknownInstanceType = errors.New("unknown instance type")

// UnknownInstanceFinding is the blocker a report shows for an instance type
// the catalogue does not know.
func UnknownInstanceFinding(t string) Finding {
	return Finding{
		Code:     UnknownInstanceType,
		Message:  fmt.Sprintf("instance type %q is not in the instance catalogue", t),
		Value:    t,
		Severity: Blocker,
	}
}

// DefaultReservation returns what a node keeps back on instance in under
// rule, the platform entry's node_reservation:
//
//   - eks-bootstrap (EKS): the amazon-eks-ami bootstrap's kube-reserved (CPU ladder, 11 MiB
//     per max pod + 255 MiB) plus the 100Mi eviction threshold; max pods from
//     the ENI formula, two of them taken by aws-node and kube-proxy.
//   - kubelet-defaults (Kubernetes): the kubelet defaults — no reservation, 100Mi eviction
//     threshold, 110 pods.
//   - ecs-agent (ECS on EC2): nothing reserved; in awsvpc mode ENIs − 1 tasks (the primary
//     ENI is the instance's, so one ENI is refused), or the published
//     trunking figure.
//   - none (Swarm, Nomad): nothing reserved, no count limit.
func DefaultReservation(rule platform.NodeReservation, in Instance, opts NodeOptions) (Reservation, error) {
	switch rule {
	case platform.ReserveEKS:
		maxPods, ok := in.ENIMaxPods()
		if in.EKSMaxPods != nil {
			// The published figure wins: it follows multi-card layouts the
			// one-card formula does not (i7ie.48xlarge: 394, not 737).
			maxPods, ok = in.EKSMaxPods.Value, true
		}
		if !ok {
			return Reservation{}, inputErr("servers.instance_type", in.Type, "has no published ENI or max-pods figures")
		}
		return Reservation{
			CPUMilli:   EKSKubeReservedCPU(in.Shape.VCPU),
			MemoryMiB:  EKSKubeReservedMemory(maxPods) + EKSEvictionHardMiB,
			Slots:      maxPods,
			SystemPods: EKSSystemPods,
			Source:     EKSBootstrapSource,
			Note:       "kube-reserved from the EKS AMI bootstrap; max pods = ENIs x (IPv4 per ENI - 1) + 2",
		}, nil
	case platform.ReserveKubelet:
		return Reservation{
			MemoryMiB: KubeletEvictionHardMiB,
			Slots:     KubeletMaxPods,
			Source:    KubeletSource,
			Note:      "kubelet defaults: no kube-reserved or system-reserved; set NodeOptions.Reservation to match your nodes",
		}, nil
	case platform.ReserveECS:
		mode := opts.NetworkMode
		if mode == "" {
			mode = AWSVPC
		}
		switch mode {
		case Bridge, Host:
			return Reservation{Note: "bridge/host mode: tasks bound by CPU and memory"}, nil
		case AWSVPC:
		default:
			return Reservation{}, inputErr("servers.network_mode", mode, "is not awsvpc, bridge or host")
		}
		if opts.Trunking {
			if in.ECSTrunkTasks == nil {
				return Reservation{}, inputErr("servers.instance_type", in.Type, "has no published ENI trunking figure")
			}
			return Reservation{Slots: in.ECSTrunkTasks.Value, Source: in.ECSTrunkTasks.URL, Note: "awsvpc with ENI trunking"}, nil
		}
		if in.ECSTasks != nil { // the ECS guide's own figure
			return Reservation{Slots: in.ECSTasks.Value, Source: in.ECSTasks.URL, Note: "awsvpc without trunking, as the ECS guide tabulates it"}, nil
		}
		if in.Network == nil {
			return Reservation{}, inputErr("servers.instance_type", in.Type, "has no published ENI figures")
		}
		// A zero Slots would read as "no count limit".
		if in.Network.ENIs < 2 {
			return Reservation{}, inputErr("servers.instance_type", in.Type, "has one ENI, the instance's own: awsvpc without trunking leaves no task slot")
		}
		return Reservation{Slots: in.Network.ENIs - 1, Source: in.Network.URL, Note: "awsvpc without trunking: one ENI per task, the primary ENI is the instance's"}, nil
	case platform.ReserveNone:
		return Reservation{Note: "no reservation modelled; bound by CPU and memory"}, nil
	}
	return Reservation{}, inputErr("node_reservation", rule, "is not a reservation rule (the platform does not run on EC2 instances)")
}

// NodeFor returns what one node of instance type t offers on platform id.
func NodeFor(rule platform.NodeReservation, inst Instances, t string, opts NodeOptions) (Node, error) {
	in, ok := inst.Lookup(t)
	if !ok {
		return Node{}, fmt.Errorf("capacity: servers.instance_type: %q: %w", t, ErrUnknownInstanceType)
	}
	r, err := DefaultReservation(rule, in, opts)
	if err != nil {
		return Node{}, err
	}
	if o := opts.Reservation; o != nil {
		if o.CPUMilli < 0 || o.MemoryMiB < 0 || o.Slots < 0 || o.SystemPods < 0 {
			return Node{}, inputErr("servers.reservation", fmt.Sprintf("%+v", *o), "has a negative figure")
		}
		slots, sys := r.Slots, r.SystemPods
		r = *o
		if r.Slots == 0 {
			r.Slots, r.SystemPods = slots, sys
		}
	}
	n := Node{
		Instance:    in,
		CPUMilli:    in.Shape.VCPU*1000 - r.CPUMilli,
		MemoryMiB:   in.Shape.MemoryMiB - r.MemoryMiB,
		Reservation: r,
	}
	if r.Slots > 0 {
		n.Slots = r.Slots - r.SystemPods
		if n.Slots < 1 {
			return Node{}, inputErr("servers.instance_type", t, "leaves no pod or task slot after the platform's daemons")
		}
	}
	if n.CPUMilli <= 0 || n.MemoryMiB <= 0 {
		return Node{}, inputErr("servers.instance_type", t, "has nothing allocatable after the reservation")
	}
	return n, nil
}

// Fit returns how many replicas of the given size one node holds, and which
// resource binds ("cpu", "memory" or "slots").
func (n Node) Fit(cpuMilli, memMiB int64) (count int64, binding string) {
	count, binding = n.CPUMilli/cpuMilli, "cpu"
	if m := n.MemoryMiB / memMiB; m < count {
		count, binding = m, "memory"
	}
	if n.Slots > 0 && n.Slots < count {
		count, binding = n.Slots, "slots"
	}
	return count, binding
}
