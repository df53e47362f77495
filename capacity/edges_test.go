package capacity_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// oneInstance is a catalogue of one instance type, x.test, with 2 vCPUs and
// 4 GiB, and the network figures given (enis, ipv4 per ENI).
func oneInstance(t *testing.T, enis, ipv4 int64) capacity.Instances {
	t.Helper()
	const doc = `instances:
  - type: x.test
    shape: {vcpu: 2, memory_mib: 4096, arch: x86_64, source: "https://example.com/s", as_of: 2026-11-25}
    network: {enis: %d, ipv4_per_eni: %d, source: "https://example.com/n", as_of: 2026-11-25}
`
	inst, err := platform.ParseInstances("", fmt.Appendf(nil, doc, enis, ipv4))
	require.NoError(t, err)
	return inst
}

// The amazon-eks-ami max-pods formula, ENIs × (IPv4 per ENI − 1) + 2, at the
// ends of the range the instance catalogue accepts (1 to 1,000 for both
// figures). One ENI with one address leaves no pod address: only the two
// host-network pods, aws-node and kube-proxy, which take no address.
func TestENIMaxPodsAtTheEdges(t *testing.T) {
	for _, tc := range []struct {
		name       string
		enis, ipv4 int64
		want       int64
	}{
		{"1 ENI, 1 address", 1, 1, 2},                     // 1 × 0 + 2
		{"1 ENI, 2 addresses", 1, 2, 3},                   // 1 × 1 + 2
		{"1000 ENIs, 1000 addresses", 1000, 1000, 999002}, // 1,000 × 999 + 2
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, ok := oneInstance(t, tc.enis, tc.ipv4).Lookup("x.test")
			require.True(t, ok)
			got, ok := in.ENIMaxPods()
			require.True(t, ok)
			assert.Equal(t, tc.want, got, "ENIMaxPods(%d ENIs × %d) = %d, want %d", tc.enis, tc.ipv4, got, tc.want)
		})
	}
}

// Pod and task slots at their smallest: the platform's own daemons may take
// every slot (then the node is refused), or leave exactly one.
func TestNodeSlotsAtTheEdges(t *testing.T) {
	for _, tc := range []struct {
		name       string
		id         platform.NodeReservation
		enis, ipv4 int64
		opts       capacity.NodeOptions
		slots      int64  // when err is ""
		err        string // prefix
	}{
		// 1 × (1 − 1) + 2 = 2 pods, both aws-node and kube-proxy.
		{"EKS, max pods 2", platform.ReserveEKS, 1, 1, capacity.NodeOptions{}, 0,
			"capacity: servers.instance_type: x.test leaves no pod or task slot"},
		// 1 × (2 − 1) + 2 = 3 pods, one for the workload.
		{"EKS, max pods 3", platform.ReserveEKS, 1, 2, capacity.NodeOptions{}, 1, ""},
		// awsvpc without trunking gives each task an ENI of its own and the
		// primary ENI stays the instance's (container-instance-eni.html):
		// one ENI runs no awsvpc task at all.
		{"ECS awsvpc, 1 ENI", platform.ReserveECS, 1, 10, capacity.NodeOptions{}, 0,
			"capacity: servers.instance_type: x.test has one ENI, the instance's own: awsvpc without trunking leaves no task slot"},
		{"ECS awsvpc, 2 ENIs", platform.ReserveECS, 2, 10, capacity.NodeOptions{}, 1, ""},
		// Bridge mode uses no ENI per task: the one ENI does not bound it.
		{"ECS bridge, 1 ENI", platform.ReserveECS, 1, 10, capacity.NodeOptions{NetworkMode: capacity.Bridge}, 0, ""},
		{"Kubernetes, daemons take every slot", platform.ReserveKubelet, 3, 10,
			capacity.NodeOptions{Reservation: &capacity.Reservation{Slots: 2, SystemPods: 2}}, 0,
			"capacity: servers.instance_type: x.test leaves no pod or task slot"},
		{"Kubernetes, daemons leave one slot", platform.ReserveKubelet, 3, 10,
			capacity.NodeOptions{Reservation: &capacity.Reservation{Slots: 3, SystemPods: 2}}, 1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := capacity.NodeFor(tc.id, oneInstance(t, tc.enis, tc.ipv4), "x.test", tc.opts)
			if tc.err != "" {
				require.Error(t, err, "NodeFor(%s) = %d slots, want an error", tc.name, n.Slots)
				assert.True(t, strings.HasPrefix(err.Error(), tc.err), "error %q, want prefix %q", err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.slots, n.Slots, "NodeFor(%s).Slots = %d, want %d", tc.name, n.Slots, tc.slots)
		})
	}
}
