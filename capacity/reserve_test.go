package capacity_test

import (
	"errors"
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
	n, err := capacity.NodeFor(platform.EKS, instances(t), "t3.medium", capacity.NodeOptions{})
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
		id   platform.ID
		want int64
	}{
		{platform.Kubernetes, 13},
		{platform.EKS, 12},
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
		{"trunking unpublished", "m5.large", capacity.NodeOptions{Trunking: true}, 0, "capacity: servers.instance_type: m5.large has no published ENI trunking figure"},
		{"bad mode", "m5.large", capacity.NodeOptions{NetworkMode: "overlay"}, 0, "capacity: servers.network_mode: overlay"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := capacity.NodeFor(platform.ECSEC2, inst, tc.ty, tc.opts)
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
	_, err := capacity.NodeFor(platform.Swarm, instances(t), "z9.huge", capacity.NodeOptions{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, capacity.ErrUnknownInstanceType))
	assert.Equal(t, `capacity: servers.instance_type: "z9.huge": unknown instance type`, err.Error())
	f := capacity.UnknownInstanceFinding("z9.huge")
	assert.Equal(t, capacity.UnknownInstanceType, f.Code)
	assert.Equal(t, capacity.Blocker, f.Severity)
}

func TestNodeForReservationOverride(t *testing.T) {
	n, err := capacity.NodeFor(platform.Kubernetes, instances(t), "m5.large",
		capacity.NodeOptions{Reservation: &capacity.Reservation{CPUMilli: 100, MemoryMiB: 600}})
	require.NoError(t, err)
	assert.Equal(t, int64(1900), n.CPUMilli)
	assert.Equal(t, int64(8192-600), n.MemoryMiB)
	assert.Equal(t, int64(110), n.Slots, "slots stay the kubelet's when the override sets none")

	_, err = capacity.NodeFor(platform.Kubernetes, instances(t), "m5.large",
		capacity.NodeOptions{Reservation: &capacity.Reservation{CPUMilli: -1}})
	require.ErrorContains(t, err, "capacity: servers.reservation")
}
