package nodes

import (
	"fmt"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// What limits the replicas one node holds (engine.Capacity.NodeBoundBy).
const (
	BoundCPU    = "cpu"
	BoundMemory = "memory"
	BoundPods   = "pods"  // a Kubernetes node's max pods
	BoundTasks  = "tasks" // an ECS instance's awsvpc tasks (one ENI each)
)

// nodeBound says what limits the replicas one node of res holds, and,
// when the platform's reservation or its pod or task limit leaves room
// for fewer replicas than the instance type's vCPUs and memory alone
// would, why, in words: EKS puts half as many 1 vCPU replicas on an
// m5.large as Kubernetes does, and a reader comparing the two cards
// should not have to know the EKS AMI to see why. "" and "" when the
// node was not sized.
func nodeBound(p platform.Platform, c capacity.Container, res capacity.Result) (by, note string) {
	n := res.Allocatable
	if n == nil || res.ReplicasPerNode < 1 {
		return "", ""
	}
	switch res.NodeBinding {
	case "cpu":
		by = BoundCPU
	case "memory":
		by = BoundMemory
	case "slots":
		by = BoundPods
		if p.NodeReservation == platform.ReserveECS {
			by = BoundTasks
		}
	default:
		return res.NodeBinding, ""
	}
	sh := n.Instance.Shape
	cpu := c.VCPU.Shift(3).Ceil().IntPart() // as capacity rounds a replica's CPU
	bare := min(sh.VCPU*1000/max(cpu, 1), sh.MemoryMiB/max(c.MemoryMB, 1))
	if res.ReplicasPerNode >= bare {
		return by, ""
	}
	note = fmt.Sprintf("one %s holds %s on %s, where its %d vCPU and %s alone would hold %d: ",
		n.Instance.Type, plural(res.ReplicasPerNode, "replica"), p.Name, sh.VCPU, memoryText(sh.MemoryMiB), bare)
	r := n.Reservation
	if by == BoundPods || by == BoundTasks {
		note += slotsText(p, n)
		if r.SystemPods > 0 {
			note += fmt.Sprintf(", %d of them the platform's own (%s), leaving %d for replicas", r.SystemPods, systemPods(p), n.Slots)
		}
		return by, note
	}
	kept := fmt.Sprintf("%d MiB", r.MemoryMiB)
	if r.CPUMilli > 0 {
		kept = fmt.Sprintf("%dm CPU and %s", r.CPUMilli, kept)
	}
	return by, note + fmt.Sprintf("the node keeps back %s (%s), leaving %dm CPU and %d MiB for replicas",
		kept, reservedText(p), n.CPUMilli, n.MemoryMiB)
}

// slotsText says how many pods or tasks a node of n runs and where the
// figure comes from.
func slotsText(p platform.Platform, n *capacity.Node) string {
	in, r := n.Instance, n.Reservation
	switch p.NodeReservation {
	case platform.ReserveEKS:
		s := fmt.Sprintf("it runs at most %d pods", r.Slots)
		if nw := in.Network; nw != nil && in.EKSMaxPods == nil {
			return s + fmt.Sprintf(" (the ENI formula: %d ENIs × (%d addresses − 1) + 2)", nw.ENIs, nw.IPv4PerENI)
		}
		if nw := in.Network; nw != nil {
			return s + fmt.Sprintf(" (the EKS AMI's max pods for it; its %d ENIs × (%d addresses − 1) + 2 = %d)", nw.ENIs, nw.IPv4PerENI, nw.ENIs*(nw.IPv4PerENI-1)+2)
		}
		return s + " (the EKS AMI's max pods for it)"
	case platform.ReserveKubelet:
		return fmt.Sprintf("it runs at most %d pods (the kubelet's default max pods)", r.Slots)
	case platform.ReserveECS:
		if nw := in.Network; nw != nil && r.Slots == nw.ENIs-1 {
			return fmt.Sprintf("it runs at most %s in awsvpc mode (one ENI each; the instance's own takes one of its %d)", plural(r.Slots, "task"), nw.ENIs)
		}
		return fmt.Sprintf("it runs at most %s in awsvpc mode (%s)", plural(r.Slots, "task"), r.Note)
	}
	return "it runs at most " + plural(r.Slots, "replica")
}

// systemPods names the daemons that take a node's pod slots.
func systemPods(p platform.Platform) string {
	if p.NodeReservation == platform.ReserveEKS {
		return "aws-node and kube-proxy"
	}
	return "its daemons"
}

// reservedText says what a node keeps back from its CPU and memory.
func reservedText(p platform.Platform) string {
	switch p.NodeReservation {
	case platform.ReserveEKS:
		return fmt.Sprintf("the EKS AMI's kube-reserved, and its %d MiB eviction threshold", capacity.EKSEvictionHardMiB)
	case platform.ReserveKubelet:
		return fmt.Sprintf("the kubelet's %d MiB eviction threshold", capacity.KubeletEvictionHardMiB)
	}
	return "the platform's reservation"
}

func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// memoryText is an instance's memory as its specification page says it:
// whole GiB where it is whole, else MiB.
func memoryText(mib int64) string {
	if mib%1024 == 0 {
		return fmt.Sprintf("%d GiB", mib/1024)
	}
	return fmt.Sprintf("%d MiB", mib)
}
