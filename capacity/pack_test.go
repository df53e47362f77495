package capacity_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func TestPack(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveNone, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	// 2000m / 8192 MiB per node.
	p, err := capacity.Pack(n, []capacity.Service{
		{Name: "small", Replicas: 4, Container: capacity.Container{VCPU: dec("0.5"), MemoryMB: 512}},
		{Name: "big", Replicas: 2, Container: capacity.Container{VCPU: dec("1.5"), MemoryMB: 1024}},
	})
	require.NoError(t, err)
	// FFD: big, big → two nodes (500m left each); the four small fill one
	// slot on each, then a third node takes the other two.
	assert.Equal(t, int64(3), p.Nodes)
	assert.Equal(t, int64(6), p.Pods)
	assert.True(t, dec("5").Equal(p.UsedCPU), "UsedCPU = %s", p.UsedCPU)
	assert.True(t, dec("1").Equal(p.UnusedCPU), "UnusedCPU = %s", p.UnusedCPU)
	assert.Equal(t, int64(3*8192-4*512-2*1024), p.UnusedMemory)
}

func TestPackSlots(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveECS, instances(t), "c5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	p, err := capacity.Pack(n, []capacity.Service{{Name: "tiny", Replicas: 5, Container: capacity.Container{VCPU: dec("0.1"), MemoryMB: 64}}})
	require.NoError(t, err)
	assert.Equal(t, int64(3), p.Nodes, "awsvpc without trunking: two tasks per c5.large")
	assert.Equal(t, int64(2), p.BusiestNode)
}

// First-fit decreasing takes the largest service first, by its dominant
// share of the node (CPU or memory, whichever is the larger fraction), and
// only then the input order. Swarm keeps nothing back: m5.large nodes
// offer 2,000m and 8,192 MiB. Each case lists the smaller service first,
// so packing in the given order, or by the wrong share, costs a node.
func TestPackLargestFirst(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveNone, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		services []capacity.Service
		nodes    int64
		busiest  int64
	}{
		// CPU dominates both: 1,200m first fills two nodes to 1,200m, and
		// each takes one 800m replica, 2 nodes. Smaller first: 800m + 800m
		// on one node, then 1,200m alone on each of two more, 3 nodes.
		{"by CPU", []capacity.Service{
			{Name: "b", Replicas: 2, Container: capacity.Container{VCPU: dec("0.8"), MemoryMB: 256}},
			{Name: "a", Replicas: 2, Container: capacity.Container{VCPU: dec("1.2"), MemoryMB: 256}},
		}, 2, 2},
		// Memory dominates both: 5,000 MiB first fills two nodes, and each
		// takes one 3,000 MiB replica (8,000 of 8,192), 2 nodes. Smaller
		// first: 3,000 + 3,000 on one node, then 5,000 alone twice, 3 nodes.
		{"by memory", []capacity.Service{
			{Name: "d", Replicas: 2, Container: capacity.Container{VCPU: dec("0.1"), MemoryMB: 3000}},
			{Name: "c", Replicas: 2, Container: capacity.Container{VCPU: dec("0.1"), MemoryMB: 5000}},
		}, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := capacity.Pack(n, tc.services)
			require.NoError(t, err)
			assert.Equal(t, tc.nodes, p.Nodes, "Pack(%s).Nodes = %d, want %d", tc.name, p.Nodes, tc.nodes)
			assert.Equal(t, tc.busiest, p.BusiestNode, "Pack(%s).BusiestNode = %d, want %d", tc.name, p.BusiestNode, tc.busiest)
		})
	}
}

// A replica that uses a node's last millicore or MiB fits on it.
func TestPackExactFit(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveNone, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name      string
		service   capacity.Service
		nodes     int64
		unusedCPU string // nodes × 2 − replicas × vCPU
		unusedMem int64  // nodes × 8,192 − replicas × MiB
	}{
		{"the whole node", capacity.Service{Replicas: 3, Container: capacity.Container{VCPU: dec("2"), MemoryMB: 8192}}, 3, "0", 0},
		{"two halves of the CPU", capacity.Service{Replicas: 4, Container: capacity.Container{VCPU: dec("1"), MemoryMB: 512}}, 2, "0", 2*8192 - 4*512},
		{"two halves of the memory", capacity.Service{Replicas: 4, Container: capacity.Container{VCPU: dec("0.1"), MemoryMB: 4096}}, 2, "3.6", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := capacity.Pack(n, []capacity.Service{tc.service})
			require.NoError(t, err)
			assert.Equal(t, tc.nodes, p.Nodes, "Pack(%s).Nodes = %d, want %d", tc.name, p.Nodes, tc.nodes)
			assert.True(t, dec(tc.unusedCPU).Equal(p.UnusedCPU), "Pack(%s).UnusedCPU = %s, want %s", tc.name, p.UnusedCPU, tc.unusedCPU)
			assert.Equal(t, tc.unusedMem, p.UnusedMemory, "Pack(%s).UnusedMemory = %d, want %d", tc.name, p.UnusedMemory, tc.unusedMem)
		})
	}
}

func TestPackBadInput(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveNone, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		s    capacity.Service
		want string
	}{
		{"zero replicas", capacity.Service{Replicas: 0, Container: capacity.Container{VCPU: dec("1"), MemoryMB: 1}}, "capacity: services[0].replicas: 0 is not positive"},
		{"negative replicas", capacity.Service{Replicas: -2, Container: capacity.Container{VCPU: dec("1"), MemoryMB: 1}}, "capacity: services[0].replicas: -2 is not positive"},
		{"too big", capacity.Service{Replicas: 1, Container: capacity.Container{VCPU: dec("3"), MemoryMB: 1}}, "capacity: services[0].container: 3 vCPU / 1 MB does not fit on m5.large"},
		{"one millicore too many", capacity.Service{Replicas: 1, Container: capacity.Container{VCPU: dec("2.001"), MemoryMB: 1}}, "capacity: services[0].container: 2.001 vCPU / 1 MB does not fit on m5.large"},
		{"one MiB too many", capacity.Service{Replicas: 1, Container: capacity.Container{VCPU: dec("1"), MemoryMB: 8193}}, "capacity: services[0].container: 1 vCPU / 8193 MB does not fit on m5.large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := capacity.Pack(n, []capacity.Service{tc.s})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func mixedServices(n int) []capacity.Service {
	sizes := []capacity.Container{
		{VCPU: dec("0.25"), MemoryMB: 256}, {VCPU: dec("0.5"), MemoryMB: 1024}, {VCPU: dec("1"), MemoryMB: 2048},
		{VCPU: dec("0.1"), MemoryMB: 128}, {VCPU: dec("2"), MemoryMB: 4096}, {VCPU: dec("0.75"), MemoryMB: 3072},
	}
	out := make([]capacity.Service, n)
	for i := range out {
		out[i] = capacity.Service{Name: fmt.Sprintf("svc-%d", i), Replicas: int64(1 + i%5), Container: sizes[i%len(sizes)]}
	}
	return out
}

func BenchmarkPack1000Services(b *testing.B) {
	n, err := capacity.NodeFor(platform.ReserveKubelet, instances(b), "m5.2xlarge", capacity.NodeOptions{})
	require.NoError(b, err)
	svcs := mixedServices(1000)
	b.ReportAllocs()
	var p capacity.Packing
	for b.Loop() {
		p, err = capacity.Pack(n, svcs)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(p.Nodes), "nodes")
}

func BenchmarkSize(b *testing.B) {
	cat, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(b, err)
	inst := instances(b)
	req := capacity.Request{
		Platform:  platform.EKS,
		Workload:  capacity.Workload{RequestsPerSecond: dec("40"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512},
		Container: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024},
		Servers:   capacity.Servers{InstanceType: "m5.large", Zones: 3, SurviveZoneLoss: true},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := capacity.Size(cat, inst, req); err != nil {
			b.Fatal(err)
		}
	}
}
