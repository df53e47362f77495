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

func TestSizeReplicas(t *testing.T) {
	for _, tc := range []struct {
		name    string
		w       capacity.Workload
		c       capacity.Container
		util    string
		byCPU   int64
		byMem   int64
		count   int64
		binding string
	}{
		// 400 rps × 120 ms = 48 in flight, CPU-bound: 48 vCPU busy;
		// a 0.5 vCPU replica at 70% gives 0.35 → ⌈137.14⌉ = 138.
		{"DESIGN example", capacity.Workload{RequestsPerSecond: dec("40"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512},
			capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}, "0.7", 138, 24, 138, "cpu"},
		{"I/O bound: memory binds", capacity.Workload{RequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512, CPUFraction: dec("0.05")},
			capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}, "0.7", 7, 24, 24, "memory"},
		{"exact division is not rounded up", capacity.Workload{RequestsPerSecond: dec("10"), DurationMS: dec("70")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 128}, "0.7", 1, 0, 1, "cpu"},
		{"no traffic still one replica", capacity.Workload{DurationMS: dec("1")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 128}, "1", 0, 0, 1, "minimum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := capacity.SizeReplicas(tc.w, tc.c, dec(tc.util))
			require.NoError(t, err)
			assert.Equal(t, tc.byCPU, r.ByCPU, "ByCPU")
			assert.Equal(t, tc.byMem, r.ByMemory, "ByMemory")
			assert.Equal(t, tc.count, r.Count, "Count")
			assert.Equal(t, tc.binding, r.Binding)
		})
	}
}

func TestSpreadReplicas(t *testing.T) {
	for _, tc := range []struct {
		name           string
		n, zones       int64
		survive        bool
		perZone, total int64
	}{
		{"one zone", 7, 0, false, 7, 7},
		{"three zones", 7, 3, false, 3, 7},
		{"every zone serves", 2, 3, false, 1, 3},
		{"N+1 over three zones", 7, 3, true, 4, 12},
		{"N+1 over two zones", 5, 2, true, 5, 10},
		{"one zone given", 7, 1, false, 7, 7},
		// MaxZones, the zones a to z: one replica still lands in each.
		{"26 zones, 1 replica", 1, 26, false, 1, 26},
		{"26 zones, 27 replicas", 27, 26, false, 2, 27},
		// ⌈50 / 25⌉ = 2 in each of 26 zones.
		{"N+1 over 26 zones", 50, 26, true, 2, 52},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := capacity.SpreadReplicas(tc.n, tc.zones, tc.survive)
			require.NoError(t, err)
			assert.Equal(t, tc.perZone, s.PerZone)
			assert.Equal(t, tc.total, s.Total)
			if tc.survive {
				assert.GreaterOrEqual(t, s.PerZone*(s.Zones-1), tc.n, "losing a zone leaves the peak served")
			}
		})
	}
}

func TestFargateTaskSize(t *testing.T) {
	for _, tc := range []struct {
		name, vcpu string
		mem        int64
		snapshot   string
		wantCPU    string
		wantMem    int64
		ok         bool
	}{
		{"smallest", "0.1", 100, "", "0.25", 512, true},
		{"0.25 with 2 GB", "0.25", 2048, "", "0.25", 2048, true},
		{"0.25 with 3 GB moves up", "0.25", 3000, "", "0.5", 3072, true},
		{"DESIGN container", "0.5", 1024, "", "0.5", 1024, true},
		{"0.5 needs 1 GB minimum", "0.5", 100, "", "0.5", 1024, true},
		{"1 GB steps", "1", 2500, "", "1", 3072, true},
		{"4 vCPU 30 GB", "4", 30720, "", "4", 30720, true},
		{"4 vCPU 31 GB moves to 8", "4", 31744, "", "8", 32768, true},
		{"8 vCPU 4 GB steps", "8", 17000, "", "8", 20480, true},
		{"16 vCPU 8 GB steps", "16", 40000, "", "16", 40960, true},
		{"too big", "16", 130000, "", "", 0, false},
		{"no 8 vCPU in 2017", "8", 16384, "2017-12", "", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := capacity.FargateTaskSize(capacity.Container{VCPU: dec(tc.vcpu), MemoryMB: tc.mem}, tc.snapshot)
			require.NoError(t, err)
			require.Equal(t, tc.ok, ok)
			if ok {
				assert.True(t, dec(tc.wantCPU).Equal(got.VCPU), "VCPU = %s, want %s", got.VCPU, tc.wantCPU)
				assert.Equal(t, tc.wantMem, got.MemoryMiB)
			}
		})
	}
}

func TestSizeFargateQuota(t *testing.T) {
	w := capacity.Workload{RequestsPerSecond: dec("40"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512}
	c := capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}
	for _, snap := range []string{"2026-11", "2017-12"} {
		t.Run(snap, func(t *testing.T) {
			p := snapshotPlatform(t, snap, platform.ECSFargate)
			s, err := capacity.SizeFargate(p, snap, w, c, dec("0.7"), 3, false)
			require.NoError(t, err)
			assert.Equal(t, int64(138), s.Tasks)
			assert.True(t, dec("69").Equal(s.VCPU), "VCPU = %s", s.VCPU)
			want := capacity.MaxVCPUPerRegion
			if snap == "2017-12" {
				want = capacity.MaxTasksPerRegion
			}
			assert.Equal(t, []capacity.Code{want}, codes(s.Findings))
			assert.Equal(t, capacity.Warning, s.Findings[0].Severity)
		})
	}
}

func TestSizeServers(t *testing.T) {
	cat, err := platform.Snapshot("2026-11")
	require.NoError(t, err)
	req := capacity.Request{
		Platform:  platform.EKS,
		Workload:  capacity.Workload{RequestsPerSecond: dec("40"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512},
		Container: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024},
		Servers:   capacity.Servers{InstanceType: "m5.large", Zones: 3},
	}
	res, err := capacity.Size(cat, instances(t), req)
	require.NoError(t, err)
	// m5.large on EKS: 2000 − 70 = 1930m → 3 replicas of 500m per node.
	assert.Equal(t, int64(138), res.Replicas)
	assert.Equal(t, int64(3), res.ReplicasPerNode)
	assert.Equal(t, "cpu", res.NodeBinding)
	assert.Equal(t, int64(48), res.Nodes, "46 replicas per zone need 16 nodes in each of 3 zones")
	assert.True(t, res.Feasible)

	req.Servers.SurviveZoneLoss = true
	res, err = capacity.Size(cat, instances(t), req)
	require.NoError(t, err)
	assert.Equal(t, int64(207), res.Replicas, "69 per zone so two zones hold 138")
	assert.Equal(t, int64(69), res.Nodes)

	req.Servers.Count = 10
	res, err = capacity.Size(cat, instances(t), req)
	require.NoError(t, err)
	assert.Equal(t, int64(10), res.Nodes)
	assert.Equal(t, []capacity.Code{capacity.FleetTooSmall}, codes(res.Warnings))
}

func TestSizeManyClusters(t *testing.T) {
	cat, err := platform.Snapshot("2017-12")
	require.NoError(t, err)
	// 1,200 ECS instances in 2017: past the 1,000 default quota, two clusters.
	res, err := capacity.Size(cat, instances(t), capacity.Request{
		Platform:  platform.ECSEC2,
		Workload:  capacity.Workload{RequestsPerSecond: dec("1200"), DurationMS: dec("1000"), CPUFraction: dec("1")},
		Container: capacity.Container{VCPU: dec("1"), MemoryMB: 512},
		Servers:   capacity.Servers{InstanceType: "c5.large", TargetUtilization: dec("1"), Node: capacity.NodeOptions{NetworkMode: capacity.Bridge}},
	})
	require.NoError(t, err)
	assert.Equal(t, int64(600), res.Nodes)
	assert.Equal(t, int64(1), res.Clusters)
	assert.Equal(t, []capacity.Code{capacity.MaxTasksPerService}, codes(res.Warnings))
}

func TestSizeBadInput(t *testing.T) {
	cat, err := platform.Snapshot("2026-11")
	require.NoError(t, err)
	old, err := platform.Snapshot("2017-12")
	require.NoError(t, err)
	good := capacity.Request{
		Platform:  platform.Kubernetes,
		Workload:  capacity.Workload{RequestsPerSecond: dec("10"), DurationMS: dec("100"), MemoryMB: 128},
		Container: capacity.Container{VCPU: dec("0.5"), MemoryMB: 512},
		Servers:   capacity.Servers{InstanceType: "m5.large"},
	}
	_, err = capacity.Size(cat, instances(t), good)
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		cat    platform.Catalogue
		modify func(*capacity.Request)
		want   string
		is     error
	}{
		{"negative count", cat, func(r *capacity.Request) { r.Servers.Count = -1 }, "capacity: servers.count: -1 is negative", nil},
		{"zero vcpu", cat, func(r *capacity.Request) { r.Container.VCPU = dec("0") }, "capacity: container.vcpu: 0 is not positive", nil},
		{"negative memory", cat, func(r *capacity.Request) { r.Container.MemoryMB = -5 }, "capacity: container.memory_mb: -5 is not positive", nil},
		{"container bigger than any node", cat, func(r *capacity.Request) { r.Container.VCPU = dec("64") }, "capacity: container: 64 vCPU / 512 MB does not fit on m5.large", nil},
		{"container too small for a request", cat, func(r *capacity.Request) { r.Workload.MemoryMB = 1024 }, "capacity: container.memory_mb: 512 cannot hold one request", nil},
		{"unknown instance type", cat, func(r *capacity.Request) { r.Servers.InstanceType = "m99.large" }, `capacity: servers.instance_type: "m99.large"`, capacity.ErrUnknownInstanceType},
		{"utilisation over 1", cat, func(r *capacity.Request) { r.Servers.TargetUtilization = dec("1.2") }, "capacity: servers.target_utilization: 1.2", nil},
		{"zone survival needs 2 zones", cat, func(r *capacity.Request) { r.Servers.SurviveZoneLoss = true }, "capacity: servers.zones: 1 cannot survive", nil},
		{"negative zones", cat, func(r *capacity.Request) { r.Servers.Zones = -2 }, "capacity: servers.zones: -2 is negative", nil},
		{"27 zones", cat, func(r *capacity.Request) { r.Servers.Zones = 27 }, "capacity: servers.zones: 27 is more than 26 zones", nil},
		// Placement lists the zones one by one: this many was a slice too
		// large to make (a panic), and a billion would have been 8 GB.
		{"2^50 zones", cat, func(r *capacity.Request) { r.Servers.Zones = 1 << 50 }, "capacity: servers.zones: 1125899906842624 is more than 26 zones", nil},
		{"2^50 zones on Fargate", cat, func(r *capacity.Request) { r.Platform = platform.ECSFargate; r.Servers.Zones = 1 << 50 }, "capacity: servers.zones: 1125899906842624 is more than 26 zones", nil},
		{"EKS not in 2017-12", old, func(r *capacity.Request) { r.Platform = platform.EKS }, `capacity: platform: "eks": platform not in snapshot 2017-12`, capacity.ErrNotInSnapshot},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := good
			tc.modify(&req)
			_, err := capacity.Size(tc.cat, instances(t), req)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q, want prefix %q", err, tc.want)
			if tc.is != nil {
				assert.True(t, errors.Is(err, tc.is))
			}
		})
	}
	for _, n := range []int64{0, -3} {
		_, err := capacity.SpreadReplicas(n, 1, false)
		require.ErrorContains(t, err, "capacity: replicas:")
	}
}
