package capacity_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// The CPU ladder of the amazon-eks-ami bootstrap (get_cpu_millicores_to_reserve).
func TestEKSKubeReservedCPU(t *testing.T) {
	for _, tc := range []struct{ vcpu, want int64 }{
		{1, 60}, {2, 70}, {4, 80}, {8, 90}, {16, 110}, {96, 310},
	} {
		got := capacity.EKSKubeReservedCPU(tc.vcpu)
		assert.Equal(t, tc.want, got, "EKSKubeReservedCPU(%d) = %d, want %d", tc.vcpu, got, tc.want)
	}
}

// t3.medium: 17 pods → 11 × 17 + 255 = 442 MiB.
func TestEKSKubeReservedMemoryT3Medium(t *testing.T) {
	in, ok := instances(t).Lookup("t3.medium")
	require.True(t, ok)
	pods, _ := in.ENIMaxPods()
	assert.Equal(t, int64(442), capacity.EKSKubeReservedMemory(pods))
}

func TestNodeForEKST3Medium(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveEKS, instances(t), "t3.medium", capacity.NodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, int64(2000-70), n.CPUMilli)
	assert.Equal(t, int64(4096-442-100), n.MemoryMiB)
	assert.Equal(t, int64(17-2), n.Slots, "aws-node and kube-proxy take two of the 17 pods")
}

// A CPU-bound pod of 150m / 100Mi on a 2-CPU / 4-GB node: the upstream
// kubelet defaults (no kube-reserved or system-reserved, 100Mi eviction
// threshold) leave 2000m, so 13 fit (1950m); the EKS AMI's 70m kube-reserved
// leaves 1930m, so 12 fit there.
func TestPodsPerNode150m(t *testing.T) {
	pod := capacity.Container{VCPU: dec("0.15"), MemoryMB: 100}
	for _, tc := range []struct {
		id   platform.NodeReservation
		want int64
	}{
		{platform.ReserveKubelet, 13},
		{platform.ReserveEKS, 12},
	} {
		t.Run(string(tc.id), func(t *testing.T) {
			n, err := capacity.NodeFor(tc.id, instances(t), "t3.medium", capacity.NodeOptions{})
			require.NoError(t, err)
			got, binding := n.Fit(150, 100)
			assert.Equal(t, tc.want, got, "Fit = %d, want %d", got, tc.want)
			assert.Equal(t, "cpu", binding)
			sp, err := capacity.SpreadReplicas(tc.want, 1, false)
			require.NoError(t, err)
			pl, err := capacity.Place(n, pod, sp)
			require.NoError(t, err)
			assert.Equal(t, int64(1), pl.Nodes)
		})
	}
}

func TestNodeForECS(t *testing.T) {
	inst := instances(t)
	for _, tc := range []struct {
		name  string
		ty    string
		opts  capacity.NodeOptions
		slots int64
		err   string
	}{
		{"awsvpc c5.large", "c5.large", capacity.NodeOptions{}, 2, ""},
		{"awsvpc trunking c5.large", "c5.large", capacity.NodeOptions{Trunking: true}, 10, ""},
		{"bridge", "c5.large", capacity.NodeOptions{NetworkMode: capacity.Bridge}, 0, ""},
		{"trunking unpublished", "m7i.large", capacity.NodeOptions{Trunking: true}, 0, "capacity: servers.instance_type: m7i.large has no published ENI trunking figure"},
		{"bad mode", "m5.large", capacity.NodeOptions{NetworkMode: "overlay"}, 0, "capacity: servers.network_mode: overlay"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := capacity.NodeFor(platform.ReserveECS, inst, tc.ty, tc.opts)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.slots, n.Slots)
		})
	}
}

func TestNodeForUnknownInstance(t *testing.T) {
	_, err := capacity.NodeFor(platform.ReserveNone, instances(t), "z9.huge", capacity.NodeOptions{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, capacity.ErrUnknownInstanceType))
	assert.Equal(t, `capacity: servers.instance_type: "z9.huge": unknown instance type`, err.Error())
	f := capacity.UnknownInstanceFinding("z9.huge")
	assert.Equal(t, capacity.UnknownInstanceType, f.Code)
	assert.Equal(t, capacity.Blocker, f.Severity)
}

func TestNodeForReservationOverride(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveKubelet, instances(t), "m5.large",
		capacity.NodeOptions{Reservation: &capacity.Reservation{CPUMilli: 100, MemoryMiB: 600}})
	require.NoError(t, err)
	assert.Equal(t, int64(1900), n.CPUMilli)
	assert.Equal(t, int64(8192-600), n.MemoryMiB)
	assert.Equal(t, int64(110), n.Slots, "slots stay the kubelet's when the override sets none")

	_, err = capacity.NodeFor(platform.ReserveKubelet, instances(t), "m5.large",
		capacity.NodeOptions{Reservation: &capacity.Reservation{CPUMilli: -1}})
	require.ErrorContains(t, err, "capacity: servers.reservation")
}

// Which resource binds a node, at the edges. Swarm keeps nothing back, so
// an m5.large offers its whole 2 vCPU and 8 GiB; ECS awsvpc on a c5.large
// (3 ENIs) offers 2 task slots. Reports must say the same on every run, so
// a tie names the resource checked first: CPU, then memory, then slots.
func TestFit(t *testing.T) {
	swarm, err := capacity.NodeFor(platform.ReserveNone, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	ecs, err := capacity.NodeFor(platform.ReserveECS, instances(t), "c5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name      string
		n         capacity.Node
		cpu, mem  int64
		want      int64
		wantBound string
	}{
		{"CPU binds", swarm, 500, 1024, 2000 / 500, "cpu"},
		{"memory binds", swarm, 100, 1024, 8192 / 1024, "memory"},
		{"CPU and memory tie", swarm, 500, 2048, 4, "cpu"},
		{"the whole node", swarm, 2000, 8192, 1, "cpu"},
		{"one millicore too many", swarm, 2001, 1024, 0, "cpu"},
		{"one MiB too many", swarm, 100, 8193, 0, "memory"},
		{"slots bind", ecs, 100, 128, 2, "slots"},
		{"CPU and slots tie", ecs, 1000, 1024, 2, "cpu"},
		{"memory and slots tie", ecs, 100, 2048, 2, "memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, bound := tc.n.Fit(tc.cpu, tc.mem)
			assert.Equal(t, tc.want, got, "Fit(%dm, %d MiB) = %d, want %d", tc.cpu, tc.mem, got, tc.want)
			assert.Equal(t, tc.wantBound, bound, "Fit(%dm, %d MiB) binding = %s, want %s", tc.cpu, tc.mem, bound, tc.wantBound)
		})
	}
}

// Place sizes each zone on its own, since a node cannot straddle zones:
// 7 replicas over 3 zones are 3, 2 and 2, which at 2 a node need
// 2 + 1 + 1 = 4 nodes; 8 are 3, 3 and 2, which need 2 + 2 + 1 = 5, where a
// single zone would need ⌈8 / 2⌉ = 4.
func TestPlace(t *testing.T) {
	n, err := capacity.NodeFor(platform.ReserveNone, instances(t), "m5.large", capacity.NodeOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name           string
		c              capacity.Container
		replicas       int64
		zones          int64
		perNode, nodes int64
		busiest        int64
	}{
		{"7 over 3 zones", capacity.Container{VCPU: dec("1"), MemoryMB: 512}, 7, 3, 2, 4, 2},
		{"8 over 3 zones", capacity.Container{VCPU: dec("1"), MemoryMB: 512}, 8, 3, 2, 5, 2},
		{"1 a zone", capacity.Container{VCPU: dec("1"), MemoryMB: 512}, 3, 3, 2, 3, 1},
		// A replica the size of the node: one a node, and it fits.
		{"the whole node", capacity.Container{VCPU: dec("2"), MemoryMB: 8192}, 5, 2, 1, 5, 1},
		// 0.001 vCPU is 1 millicore: memory binds at 8192 / 1 MiB.
		{"the 0.001 vCPU floor", capacity.Container{VCPU: dec("0.001"), MemoryMB: 1}, 10, 1, 2000, 1, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sp, err := capacity.SpreadReplicas(tc.replicas, tc.zones, false)
			require.NoError(t, err)
			pl, err := capacity.Place(n, tc.c, sp)
			require.NoError(t, err)
			assert.Equal(t, tc.perNode, pl.PerNode, "Place(%s).PerNode = %d, want %d", tc.name, pl.PerNode, tc.perNode)
			assert.Equal(t, tc.nodes, pl.Nodes, "Place(%s).Nodes = %d, want %d", tc.name, pl.Nodes, tc.nodes)
			assert.Equal(t, tc.busiest, pl.Busiest, "Place(%s).Busiest = %d, want %d", tc.name, pl.Busiest, tc.busiest)
		})
	}
}

// A caller's reservation may keep back nothing of one resource, or all
// but one unit; keeping back everything leaves nothing to place and is
// refused. m5.large: 2 vCPU, 8,192 MiB.
func TestNodeForReservationEdges(t *testing.T) {
	for _, tc := range []struct {
		name     string
		res      capacity.Reservation
		cpu, mem int64
		err      string
	}{
		{"no CPU kept", capacity.Reservation{MemoryMiB: 600}, 2000, 8192 - 600, ""},
		{"no memory kept", capacity.Reservation{CPUMilli: 100}, 1900, 8192, ""},
		{"nothing kept", capacity.Reservation{}, 2000, 8192, ""},
		{"all CPU but a millicore", capacity.Reservation{CPUMilli: 1999}, 1, 8192, ""},
		{"all memory but a MiB", capacity.Reservation{MemoryMiB: 8191}, 2000, 1, ""},
		{"all the CPU", capacity.Reservation{CPUMilli: 2000}, 0, 0,
			"capacity: servers.instance_type: m5.large has nothing allocatable after the reservation"},
		{"all the memory", capacity.Reservation{MemoryMiB: 8192}, 0, 0,
			"capacity: servers.instance_type: m5.large has nothing allocatable after the reservation"},
		{"negative memory", capacity.Reservation{MemoryMiB: -1}, 0, 0, "capacity: servers.reservation: "},
		{"negative slots", capacity.Reservation{Slots: -1}, 0, 0, "capacity: servers.reservation: "},
		{"negative system pods", capacity.Reservation{SystemPods: -1}, 0, 0, "capacity: servers.reservation: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := tc.res
			n, err := capacity.NodeFor(platform.ReserveKubelet, instances(t), "m5.large", capacity.NodeOptions{Reservation: &res})
			if tc.err != "" {
				require.Error(t, err, "NodeFor(%+v) = %dm / %d MiB, want an error", tc.res, n.CPUMilli, n.MemoryMiB)
				assert.True(t, strings.HasPrefix(err.Error(), tc.err), "error %q, want prefix %q", err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.cpu, n.CPUMilli, "NodeFor(%+v).CPUMilli = %d, want %d", tc.res, n.CPUMilli, tc.cpu)
			assert.Equal(t, tc.mem, n.MemoryMiB, "NodeFor(%+v).MemoryMiB = %d, want %d", tc.res, n.MemoryMiB, tc.mem)
		})
	}
}
