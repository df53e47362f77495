package capacity_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func TestCheckClusterAtAndPastLimits(t *testing.T) {
	for _, tc := range []struct {
		name     string
		snapshot platform.SnapshotID
		id       platform.ID
		u        capacity.ClusterUsage
		want     []capacity.Code
		severity capacity.Severity
	}{
		{"5000 nodes", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5000}, nil, ""},
		{"5001 nodes", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5001}, []capacity.Code{capacity.MaxNodes}, capacity.Warning},
		{"5000 nodes 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5000}, nil, ""},
		{"5001 nodes 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5001}, []capacity.Code{capacity.MaxNodes}, capacity.Warning},
		{"5000 EKS nodes", "2026-11", platform.EKS, capacity.ClusterUsage{Nodes: 5000}, nil, ""},
		{"5001 EKS nodes", "2026-11", platform.EKS, capacity.ClusterUsage{Nodes: 5001}, []capacity.Code{capacity.MaxNodes}, capacity.Warning},
		{"5000 ECS instances", "2026-11", platform.ECSEC2, capacity.ClusterUsage{Nodes: 5000}, nil, ""},
		// Not adjustable since 2022 (AWS's ECS quota table): a hard limit. The
		// engine never gets here with one cluster: it splits the fleet.
		{"5001 ECS instances", "2026-11", platform.ECSEC2, capacity.ClusterUsage{Nodes: 5001}, []capacity.Code{capacity.MaxNodes}, capacity.Blocker},
		{"1000 ECS instances 2017", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Nodes: 1000}, nil, ""},
		{"1001 ECS instances 2017", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Nodes: 1001}, []capacity.Code{capacity.MaxNodes}, capacity.Warning},
		{"1363 x 110 pods", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1363, PodsPerNode: 110, Pods: 1363 * 110}, nil, ""},
		{"1364 x 110 pods", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1364, PodsPerNode: 110, Pods: 1364 * 110}, []capacity.Code{capacity.MaxPods}, capacity.Warning},
		{"1363 x 110 pods EKS", "2026-11", platform.EKS, capacity.ClusterUsage{Nodes: 1363, PodsPerNode: 110, Pods: 1363 * 110}, nil, ""},
		{"1364 x 110 pods EKS", "2026-11", platform.EKS, capacity.ClusterUsage{Nodes: 1364, PodsPerNode: 110, Pods: 1364 * 110}, []capacity.Code{capacity.MaxPods}, capacity.Warning},
		// 2017-12's envelope is 100 pods per node, so 110 also trips that.
		{"1363 x 110 pods 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1363, PodsPerNode: 110, Pods: 1363 * 110}, []capacity.Code{capacity.MaxPodsPerNode}, capacity.Warning},
		{"1364 x 110 pods 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1364, PodsPerNode: 110, Pods: 1364 * 110}, []capacity.Code{capacity.MaxPodsPerNode, capacity.MaxPods}, capacity.Warning},
		{"1500 x 100 pods 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1500, PodsPerNode: 100, Pods: 150000}, nil, ""},
		{"1501 x 100 pods 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1501, PodsPerNode: 100, Pods: 150100}, []capacity.Code{capacity.MaxPods}, capacity.Warning},
		{"110 pods per node", "2026-11", platform.Kubernetes, capacity.ClusterUsage{PodsPerNode: 110}, nil, ""},
		{"111 pods per node", "2026-11", platform.Kubernetes, capacity.ClusterUsage{PodsPerNode: 111}, []capacity.Code{capacity.MaxPodsPerNode}, capacity.Warning},
		{"300000 containers", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Containers: 300000}, nil, ""},
		{"300001 containers", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Containers: 300001}, []capacity.Code{capacity.MaxContainers}, capacity.Warning},
		{"300001 containers 2017", "2017-12", platform.Kubernetes, capacity.ClusterUsage{Containers: 300001}, []capacity.Code{capacity.MaxContainers}, capacity.Warning},
		{"10000 services", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Services: 10000}, nil, ""},
		{"10001 services", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Services: 10001}, []capacity.Code{capacity.MaxServices}, capacity.Warning},
		{"5001 ECS services", "2026-11", platform.ECSEC2, capacity.ClusterUsage{Services: 5001}, []capacity.Code{capacity.MaxServices}, capacity.Warning},
		{"500 ECS services 2017", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Services: 500}, nil, ""},
		{"501 ECS services 2017", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Services: 501}, []capacity.Code{capacity.MaxServices}, capacity.Warning},
		{"5000 tasks per service", "2026-11", platform.ECSFargate, capacity.ClusterUsage{MaxTasksPerService: 5000}, nil, ""},
		{"5001 tasks per service", "2026-11", platform.ECSFargate, capacity.ClusterUsage{MaxTasksPerService: 5001}, []capacity.Code{capacity.MaxTasksPerService}, capacity.Warning},
		{"1001 tasks per service 2017", "2017-12", platform.ECSEC2, capacity.ClusterUsage{MaxTasksPerService: 1001}, []capacity.Code{capacity.MaxTasksPerService}, capacity.Warning},
		{"swarm publishes nothing", "2026-11", platform.Swarm, capacity.ClusterUsage{Nodes: 100000, Pods: 1e7}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := capacity.CheckCluster(snapshotPlatform(t, tc.snapshot, tc.id), tc.u)
			if tc.want == nil {
				assert.Empty(t, fs, "%v", codes(fs))
				return
			}
			assert.Equal(t, tc.want, codes(fs))
			for _, f := range fs {
				assert.Equal(t, tc.severity, f.Severity)
				assert.NotEmpty(t, f.Source)
			}
		})
	}
}

func TestClustersNeeded(t *testing.T) {
	for _, tc := range []struct {
		name     string
		snapshot platform.SnapshotID
		id       platform.ID
		u        capacity.ClusterUsage
		want     int64
	}{
		{"one kubernetes cluster", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5000, Pods: 150000}, 1},
		{"pods need a second", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 1364, Pods: 150040}, 2},
		{"12000 nodes", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 12000}, 3},
		{"ECS 2017: 2500 instances", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Nodes: 2500}, 3},
		{"swarm: no published ceiling", "2026-11", platform.Swarm, capacity.ClusterUsage{Nodes: 10000}, 1},
		{"nothing to run", "2026-11", platform.Kubernetes, capacity.ClusterUsage{}, 1},
		{"5000 nodes", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5000}, 1},
		{"5001 nodes", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Nodes: 5001}, 2},
		{"ECS 2017: 1000 instances", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Nodes: 1000}, 1},
		{"ECS 2017: 1001 instances", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Nodes: 1001}, 2},
		{"ECS 2017: 501 services", "2017-12", platform.ECSEC2, capacity.ClusterUsage{Services: 501}, 2},
		// Containers given count on their own (two per pod here), not as
		// the pods: 300,001 containers need a second cluster.
		{"300001 containers in 150000 pods", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Pods: 150000, Containers: 300001}, 2},
		{"300000 containers", "2026-11", platform.Kubernetes, capacity.ClusterUsage{Pods: 150000, Containers: 300000}, 1},
		// Per-node and per-service limits are not eased by more clusters.
		{"111 pods on a node", "2026-11", platform.Kubernetes, capacity.ClusterUsage{PodsPerNode: 111}, 1},
		{"5001 tasks of a service", "2026-11", platform.ECSEC2, capacity.ClusterUsage{MaxTasksPerService: 5001}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := capacity.ClustersNeeded(snapshotPlatform(t, tc.snapshot, tc.id), tc.u)
			assert.Equal(t, tc.want, got, "ClustersNeeded(%+v) = %d, want %d", tc.u, got, tc.want)
		})
	}
}

// platform.Parse accepts a limit of zero, so a caller's catalogue can hold
// one. ClustersNeeded treats it as no ceiling rather than dividing by it;
// CheckCluster still reports anything above it.
func TestClustersNeededZeroLimit(t *testing.T) {
	p := snapshotPlatform(t, "2026-11", platform.Kubernetes)
	p.Limits.NodesPerCluster = &platform.Limit{Value: 0, Unit: "nodes", Enforcement: platform.Quota}
	u := capacity.ClusterUsage{Nodes: 3, Pods: 30}
	got := capacity.ClustersNeeded(p, u)
	assert.Equal(t, int64(1), got, "ClustersNeeded(%+v) with a zero node limit = %d, want 1", u, got)
	assert.Equal(t, []capacity.Code{capacity.MaxNodes}, codes(capacity.CheckCluster(p, u)))
}
