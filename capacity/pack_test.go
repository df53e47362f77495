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
	n, err := capacity.NodeFor(platform.Swarm, instances(t), "m5.large", capacity.NodeOptions{})
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
	n, err := capacity.NodeFor(platform.ECSEC2, instances(t), "c5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	p, err := capacity.Pack(n, []capacity.Service{{Name: "tiny", Replicas: 5, Container: capacity.Container{VCPU: dec("0.1"), MemoryMB: 64}}})
	require.NoError(t, err)
	assert.Equal(t, int64(3), p.Nodes, "awsvpc without trunking: two tasks per c5.large")
	assert.Equal(t, int64(2), p.BusiestNode)
}

func TestPackBadInput(t *testing.T) {
	n, err := capacity.NodeFor(platform.Swarm, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		s    capacity.Service
		want string
	}{
		{"zero replicas", capacity.Service{Replicas: 0, Container: capacity.Container{VCPU: dec("1"), MemoryMB: 1}}, "capacity: services[0].replicas: 0 is not positive"},
		{"negative replicas", capacity.Service{Replicas: -2, Container: capacity.Container{VCPU: dec("1"), MemoryMB: 1}}, "capacity: services[0].replicas: -2 is not positive"},
		{"too big", capacity.Service{Replicas: 1, Container: capacity.Container{VCPU: dec("3"), MemoryMB: 1}}, "capacity: services[0].container: 3 vCPU / 1 MB does not fit on m5.large"},
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
	n, err := capacity.NodeFor(platform.Kubernetes, instances(b), "m5.2xlarge", capacity.NodeOptions{})
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
	cat, err := platform.Snapshot("2026-11")
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
