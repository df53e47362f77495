package capacity

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Service is one of several services packed onto a shared fleet.
type Service struct {
	Name      string
	Replicas  int64
	Container Container
}

// Packing is the result of packing services onto nodes of one type.
type Packing struct {
	Nodes        int64
	Pods         int64           // replicas placed
	BusiestNode  int64           // replicas on the fullest node
	UsedCPU      decimal.Decimal // vCPU requested by the replicas
	UnusedCPU    decimal.Decimal // allocatable vCPU left on the nodes
	UsedMemory   int64           // MiB
	UnusedMemory int64           // MiB
}

// Pack places every replica of services on nodes like n with first-fit
// decreasing: services are taken largest first (by their dominant share of
// the node, CPU or memory) and each replica goes to the first node with
// room, opening a node when none has. FFD needs at most 11/9 OPT + 6/9 bins
// in one dimension (Dósa, 2007); with two resources it is a heuristic. Zone
// spread is not modelled here: pack each zone's share separately for that.
// The result says how much allocatable capacity is left unused.
func Pack(n Node, services []Service) (Packing, error) {
	type item struct {
		cpu, mem, count int64
	}
	items := make([]item, 0, len(services))
	for i, s := range services {
		if s.Replicas <= 0 {
			return Packing{}, inputErr(serviceField(i, "replicas"), s.Replicas, "is not positive")
		}
		if err := s.Container.validate(); err != nil {
			return Packing{}, err
		}
		it := item{cpu: millicores(s.Container.VCPU), mem: s.Container.MemoryMB, count: s.Replicas}
		if it.cpu > n.CPUMilli || it.mem > n.MemoryMiB {
			return Packing{}, inputErr(serviceField(i, "container"), s.Container.VCPU.String()+" vCPU / "+decimal.NewFromInt(s.Container.MemoryMB).String()+" MB",
				"does not fit on "+n.Instance.Type+" after the reservation")
		}
		items = append(items, it)
	}
	// Dominant share, compared exactly: max(cpu/C, mem/M) ∝ max(cpu·M, mem·C).
	share := func(it item) int64 { return max(it.cpu*n.MemoryMiB, it.mem*n.CPUMilli) }
	sort.SliceStable(items, func(a, b int) bool { return share(items[a]) > share(items[b]) })

	type bin struct{ cpu, mem, pods int64 }
	var bins []bin
	var p Packing
	var usedCPU int64
	for _, it := range items {
		// Bins only fill up, so a bin that could not take this size before
		// cannot now: each replica of a service resumes where the last went.
		start := 0
		for k := int64(0); k < it.count; k++ {
			j := start
			for ; j < len(bins); j++ {
				b := bins[j]
				if b.cpu >= it.cpu && b.mem >= it.mem && (n.Slots == 0 || b.pods < n.Slots) {
					break
				}
			}
			if j == len(bins) {
				bins = append(bins, bin{cpu: n.CPUMilli, mem: n.MemoryMiB})
			}
			bins[j].cpu -= it.cpu
			bins[j].mem -= it.mem
			bins[j].pods++
			p.BusiestNode = max(p.BusiestNode, bins[j].pods)
			start = j
		}
		p.Pods += it.count
		usedCPU += it.cpu * it.count
		p.UsedMemory += it.mem * it.count
	}
	p.Nodes = int64(len(bins))
	p.UsedCPU = decimal.New(usedCPU, -3)
	p.UnusedCPU = decimal.New(p.Nodes*n.CPUMilli-usedCPU, -3)
	p.UnusedMemory = p.Nodes*n.MemoryMiB - p.UsedMemory
	return p, nil
}

func serviceField(i int, f string) string {
	return "services[" + decimal.NewFromInt(int64(i)).String() + "]." + f
}
