package capacity_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func TestSizeReplicas(t *testing.T) {
	for _, tc := range []struct {
		name       string
		w          capacity.Workload
		c          capacity.Container
		util       string
		byCPU      int64
		byInFlight int64
		byMem      int64
		count      int64
		binding    string
	}{
		// 400 rps × 120 ms = 48 in flight, CPU-bound: 48 vCPU busy;
		// a 0.5 vCPU replica at 70% gives 0.35 → ⌈137.14⌉ = 138. A
		// replica is one process: Lambda's 512 MB a request does not
		// bound it.
		{name: "DESIGN example", w: capacity.Workload{RequestsPerSecond: dec("40"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512},
			c: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}, util: "0.7", byCPU: 138, count: 138, binding: "cpu"},
		// Issue 23's done-when: a 1 GB, 0.5 vCPU task at cpu_fraction
		// 0.05, 50 rps of 120 ms: 0.35 vCPU ÷ 0.006 vCPU-s ≈ 58 rps a
		// replica, so one (the old rule held 2 requests in 1 GB: 3).
		{name: "I/O bound: one replica, not three", w: capacity.Workload{RequestsPerSecond: dec("50"), DurationMS: dec("120"), MemoryMB: 512, CPUFraction: dec("0.05")},
			c: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}, util: "0.7", byCPU: 1, count: 1, binding: "cpu"},
		// The same in CPU milliseconds: 6 ms of 120.
		{name: "cpu_ms says the same", w: capacity.Workload{RequestsPerSecond: dec("50"), DurationMS: dec("120"), CPUMS: dec("6")},
			c: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}, util: "0.7", byCPU: 1, count: 1, binding: "cpu"},
		// With what a request adds: 1024 / 512 = 2 in flight a replica,
		// 48 in flight need 24.
		{name: "I/O bound: memory binds", w: capacity.Workload{RequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512, RequestMemoryMB: 512, CPUFraction: dec("0.05")},
			c: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}, util: "0.7", byCPU: 7, byMem: 24, count: 24, binding: "memory"},
		// Four workers a replica: 48 in flight need 12.
		{name: "I/O bound: workers bind", w: capacity.Workload{RequestsPerSecond: dec("400"), DurationMS: dec("120"), CPUFraction: dec("0.05")},
			c: capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024, MaxInFlight: 4}, util: "0.7", byCPU: 7, byInFlight: 12, count: 12, binding: "in_flight"},
		{name: "exact division is not rounded up", w: capacity.Workload{RequestsPerSecond: dec("10"), DurationMS: dec("70")},
			c: capacity.Container{VCPU: dec("1"), MemoryMB: 128}, util: "0.7", byCPU: 1, count: 1, binding: "cpu"},
		{name: "no traffic still one replica", w: capacity.Workload{DurationMS: dec("1")},
			c: capacity.Container{VCPU: dec("1"), MemoryMB: 128}, util: "1", count: 1, binding: "minimum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := capacity.SizeReplicas(tc.w, tc.c, dec(tc.util))
			require.NoError(t, err)
			assert.Equal(t, tc.byCPU, r.ByCPU, "ByCPU")
			assert.Equal(t, tc.byInFlight, r.ByInFlight, "ByInFlight")
			assert.Equal(t, tc.byMem, r.ByMemory, "ByMemory")
			assert.Equal(t, tc.count, r.Count, "Count")
			assert.Equal(t, tc.binding, r.Binding)
		})
	}
}

// The ends of SizeReplicas' range. MaxReplicas (10^9) replicas of the
// smallest container, 0.001 vCPU, fully used: 10^9 × 0.001 = 10^6 vCPU busy,
// so 10^6 requests in flight, 10^6 rps of 1,000 ms. A thousandth of a
// request per second more needs 1,000,000,001 replicas.
func TestSizeReplicasEdges(t *testing.T) {
	floor := capacity.Container{VCPU: dec("0.001"), MemoryMB: 1}
	for _, tc := range []struct {
		name    string
		w       capacity.Workload
		c       capacity.Container
		count   int64
		binding string
		err     string // the whole message, when an error is wanted
	}{
		{"MaxReplicas exactly", capacity.Workload{RequestsPerSecond: dec("1000000"), DurationMS: dec("1000")},
			floor, capacity.MaxReplicas, "cpu", ""},
		{"one over MaxReplicas", capacity.Workload{RequestsPerSecond: dec("1000000.001"), DurationMS: dec("1000")},
			floor, 0, "", "capacity: workload: 1000000 requests in flight need more than 1000000000 replicas of 0.001 vCPU, " +
				"beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu"},
		// 10^30 vCPU busy over 0.001 vCPU is 10^33 replicas, past int64:
		// the count saturates rather than wrapping to a small number.
		{"past int64", capacity.Workload{RequestsPerSecond: dec("1e30"), DurationMS: dec("1000")},
			floor, 0, "", "capacity: workload: 1000000000000000000000000000000 requests in flight need more than 1000000000 replicas of 0.001 vCPU, " +
				"beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu"},
		// 1 rps × 1 ms = 0.001 vCPU: one replica at the floor, fully used.
		{"the 0.001 vCPU floor", capacity.Workload{RequestsPerSecond: dec("1"), DurationMS: dec("1")},
			floor, 1, "cpu", ""},
		{"below the floor", capacity.Workload{RequestsPerSecond: dec("1"), DurationMS: dec("1")},
			capacity.Container{VCPU: dec("0.0009"), MemoryMB: 1}, 0, "",
			"capacity: container.vcpu: 0.0009 is below 0.001, the smallest CPU a container can be given (1 millicore)"},
		// A container exactly one request's memory holds one request.
		{"memory of one request", capacity.Workload{RequestsPerSecond: dec("30"), DurationMS: dec("100"), RequestMemoryMB: 512, CPUFraction: dec("0.01")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 512}, 3, "memory", ""},
		{"memory one MiB short", capacity.Workload{RequestsPerSecond: dec("30"), DurationMS: dec("100"), RequestMemoryMB: 512},
			capacity.Container{VCPU: dec("1"), MemoryMB: 511}, 0, "",
			"capacity: container.memory_mb: 511 cannot hold one request of workload.request_memory_mb 512"},
		{"Lambda's memory does not bound a replica", capacity.Workload{RequestsPerSecond: dec("30"), DurationMS: dec("100"), MemoryMB: 512, CPUFraction: dec("0.01")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 511}, 1, "cpu", ""},
		{"negative in flight", capacity.Workload{RequestsPerSecond: dec("1"), DurationMS: dec("1")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 1, MaxInFlight: -1}, 0, "", "capacity: container.max_in_flight: -1 is negative"},
		{"CPU longer than the request", capacity.Workload{RequestsPerSecond: dec("1"), DurationMS: dec("10"), CPUMS: dec("11")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 1}, 0, "", "capacity: workload.cpu_ms: 11 is longer than the request's duration_ms 10 (one request runs on one thread)"},
		{"zero container memory", capacity.Workload{RequestsPerSecond: dec("1"), DurationMS: dec("1")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 0}, 0, "", "capacity: container.memory_mb: 0 is not positive"},
		// 48 in flight, half on CPU: 24 vCPU busy, 24 one-vCPU replicas; two
		// 512 MB requests per 1,024 MB replica: 24 replicas too. Reports
		// must say the same on every run, so the tie names the CPU, the
		// resource checked first.
		{"CPU and memory tie", capacity.Workload{RequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512, CPUFraction: dec("0.5")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 1024}, 24, "cpu", ""},
		// A zero cpu_fraction is the CPU-bound default: 48 vCPU busy.
		{"cpu_fraction 0 means 1", capacity.Workload{RequestsPerSecond: dec("400"), DurationMS: dec("120")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 1024}, 48, "cpu", ""},
		{"cpu_fraction 1", capacity.Workload{RequestsPerSecond: dec("400"), DurationMS: dec("120"), CPUFraction: dec("1")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 1024}, 48, "cpu", ""},
		{"peak equal to the mean", capacity.Workload{RequestsPerSecond: dec("400"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120")},
			capacity.Container{VCPU: dec("1"), MemoryMB: 1024}, 48, "cpu", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := capacity.SizeReplicas(tc.w, tc.c, dec("1"))
			if tc.err != "" {
				require.Error(t, err, "SizeReplicas(%s) = %d replicas, want an error", tc.name, r.Count)
				assert.Equal(t, tc.err, err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.count, r.Count, "SizeReplicas(%s).Count = %d, want %d", tc.name, r.Count, tc.count)
			assert.Equal(t, tc.binding, r.Binding, "SizeReplicas(%s).Binding = %s, want %s", tc.name, r.Binding, tc.binding)
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

// Expected sizes come from the task-size table of FargateSource (also in
// ../shared/reference/pricing.md §4.4): 0.25 vCPU with 0.5, 1 or 2 GB;
// 0.5 vCPU 1–4 GB, 1 vCPU 2–8 GB, 2 vCPU 4–16 GB, 4 vCPU 8–30 GB in 1 GB
// steps; 8 vCPU 16–60 GB in 4 GB steps and 16 vCPU 32–120 GB in 8 GB steps,
// the last two since 2022-09; 32 vCPU with 60, 120 or 244 GB, counted from
// 2026-11 when it was read (platform/data/fargate-task-sizes.yaml). Each band is checked at its first and last
// size and one MiB or one millicore past them.
func TestFargateTaskSize(t *testing.T) {
	for _, tc := range []struct {
		name, vcpu string
		mem        int64
		snapshot   platform.SnapshotID
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
		{"too big for 16 vCPU moves to 32", "16", 130000, "", "32", 249856, true},
		{"too big", "32", 249857, "", "", 0, false},
		{"no 8 vCPU in 2017", "8", 16384, "2017-12", "", 0, false},

		{"the floor, 1 millicore and 1 MiB", "0.001", 1, "", "0.25", 512, true},
		{"the floor in 2017", "0.001", 1, "2017-12", "0.25", 512, true},
		{"0.25 vCPU 512 MiB exactly", "0.25", 512, "", "0.25", 512, true},
		{"0.25 vCPU 513 MiB takes the 1 GB size", "0.25", 513, "", "0.25", 1024, true},
		{"0.25 vCPU 2049 MiB moves to 0.5", "0.25", 2049, "", "0.5", 3072, true},
		{"0.251 vCPU moves to 0.5", "0.251", 512, "", "0.5", 1024, true},
		{"0.5 vCPU 4 GB, its largest", "0.5", 4096, "", "0.5", 4096, true},
		{"0.5 vCPU 4097 MiB moves to 1", "0.5", 4097, "", "1", 5120, true},
		{"1 vCPU 2 GB, its smallest", "1", 1, "", "1", 2048, true},
		{"1 vCPU 8 GB, its largest", "1", 8192, "", "1", 8192, true},
		{"1 vCPU 8193 MiB moves to 2", "1", 8193, "", "2", 9216, true},
		{"2 vCPU 4 GB, its smallest", "2", 1, "", "2", 4096, true},
		{"2 vCPU 16 GB, its largest", "2", 16384, "", "2", 16384, true},
		{"2 vCPU 16385 MiB moves to 4", "2", 16385, "", "4", 17408, true},
		{"4 vCPU 8 GB, its smallest", "4", 1, "", "4", 8192, true},
		{"4 vCPU 30 GB, the largest in 2017", "4", 30720, "2017-12", "4", 30720, true},
		{"4 vCPU 30721 MiB: none in 2017", "4", 30721, "2017-12", "", 0, false},
		{"4.001 vCPU: none in 2017", "4.001", 8192, "2017-12", "", 0, false},
		{"4.001 vCPU moves to 8 now", "4.001", 8192, "", "8", 16384, true},
		{"8 vCPU in 2022-09, when it arrived", "8", 16384, "2022-09", "8", 16384, true},
		{"8 vCPU not in 2022-08", "8", 16384, "2022-08", "", 0, false},
		{"8 vCPU 60 GB, its largest", "8", 61440, "", "8", 61440, true},
		{"8 vCPU 61441 MiB moves to 16", "8", 61441, "", "16", 65536, true},
		{"16 vCPU 32 GB, its smallest", "16", 1, "", "16", 32768, true},
		{"16 vCPU 120 GB, the largest now", "16", 122880, "", "16", 122880, true},
		{"16 vCPU 122881 MiB moves to 32 (244 GB)", "16", 122881, "", "32", 249856, true},
		{"16.001 vCPU moves to 32", "16.001", 1, "", "32", 61440, true},
		{"32 vCPU 120 GB, a listed size", "32", 122880, "", "32", 122880, true},
		{"32 vCPU 244 GB, the largest now", "32", 249856, "", "32", 249856, true},
		{"32.001 vCPU: none", "32.001", 1, "", "", 0, false},
		{"16.001 vCPU: none in 2026-10", "16.001", 1, "2026-10", "", 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := capacity.FargateTaskSize(capacity.Container{VCPU: dec(tc.vcpu), MemoryMB: tc.mem}, tc.snapshot)
			require.NoError(t, err)
			require.Equal(t, tc.ok, ok, "FargateTaskSize(%s vCPU, %d MiB, %q) = %+v, ok %v, want ok %v", tc.vcpu, tc.mem, tc.snapshot, got, ok, tc.ok)
			if ok {
				assert.True(t, dec(tc.wantCPU).Equal(got.VCPU), "FargateTaskSize(%s vCPU, %d MiB).VCPU = %s, want %s", tc.vcpu, tc.mem, got.VCPU, tc.wantCPU)
				assert.Equal(t, tc.wantMem, got.MemoryMiB, "FargateTaskSize(%s vCPU, %d MiB).MemoryMiB = %d, want %d", tc.vcpu, tc.mem, got.MemoryMiB, tc.wantMem)
			}
		})
	}
}

func TestSizeFargateQuota(t *testing.T) {
	w := capacity.Workload{RequestsPerSecond: dec("40"), PeakRequestsPerSecond: dec("400"), DurationMS: dec("120"), MemoryMB: 512}
	c := capacity.Container{VCPU: dec("0.5"), MemoryMB: 1024}
	for _, snap := range []platform.SnapshotID{platform.Snapshot2026, platform.Snapshot2017} {
		t.Run(snap.String(), func(t *testing.T) {
			p := snapshotPlatform(t, snap, platform.ECSFargate)
			s, err := capacity.SizeFargate(p, snap, w, c, dec("0.7"), 3, false)
			require.NoError(t, err)
			assert.Equal(t, int64(138), s.Tasks)
			assert.True(t, dec("69").Equal(s.VCPU), "VCPU = %s", s.VCPU)
			want := capacity.MaxVCPUPerRegion
			if snap == platform.Snapshot2017 {
				want = capacity.MaxTasksPerRegion
			}
			assert.Equal(t, []capacity.Code{want}, codes(s.Findings))
			assert.Equal(t, capacity.Warning, s.Findings[0].Severity)
		})
	}
}

// Fargate's regional quotas and the per-service task quota, exactly at and
// one past each, in both snapshots (limits-ha.md §4a): 20 tasks per Region
// and 1,000 tasks per service in 2018-01; a 6-vCPU default quota and 5,000
// tasks per service now. A 0.25-vCPU task fully used for 250 ms per request
// makes n requests per second need n tasks: n × 0.25 s in flight / 0.25 vCPU.
func TestSizeFargateQuotaEdges(t *testing.T) {
	c := capacity.Container{VCPU: dec("0.25"), MemoryMB: 512}
	for _, tc := range []struct {
		snapshot platform.SnapshotID
		tasks    int64
		want     []capacity.Code
	}{
		{"2026-11", 24, []capacity.Code{}},                            // 6 vCPU
		{"2026-11", 25, []capacity.Code{capacity.MaxVCPUPerRegion}},   // 6.25 vCPU, 7 counted
		{"2026-11", 5000, []capacity.Code{capacity.MaxVCPUPerRegion}}, // 1,250 vCPU
		{"2026-11", 5001, []capacity.Code{capacity.MaxVCPUPerRegion, capacity.MaxTasksPerService}},
		{"2017-12", 20, []capacity.Code{}},
		{"2017-12", 21, []capacity.Code{capacity.MaxTasksPerRegion}},
		{"2017-12", 1000, []capacity.Code{capacity.MaxTasksPerRegion}},
		{"2017-12", 1001, []capacity.Code{capacity.MaxTasksPerRegion, capacity.MaxTasksPerService}},
	} {
		t.Run(fmt.Sprintf("%s/%d tasks", tc.snapshot, tc.tasks), func(t *testing.T) {
			w := capacity.Workload{RequestsPerSecond: decimal.NewFromInt(tc.tasks), DurationMS: dec("250")}
			s, err := capacity.SizeFargate(snapshotPlatform(t, tc.snapshot, platform.ECSFargate), tc.snapshot, w, c, dec("1"), 0, false)
			require.NoError(t, err)
			assert.Equal(t, tc.tasks, s.Tasks, "SizeFargate(%d rps).Tasks = %d, want %d", tc.tasks, s.Tasks, tc.tasks)
			wantVCPU := decimal.NewFromInt(tc.tasks).Mul(dec("0.25"))
			assert.True(t, wantVCPU.Equal(s.VCPU), "SizeFargate(%d rps).VCPU = %s, want %s", tc.tasks, s.VCPU, wantVCPU)
			assert.Equal(t, tc.want, codes(s.Findings), "SizeFargate(%d tasks in %s) findings", tc.tasks, tc.snapshot)
			for _, f := range s.Findings {
				assert.Equal(t, capacity.Warning, f.Severity, "%s is an adjustable quota", f.Code)
			}
		})
	}
}

func TestSizeServers(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2026-11")
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
	assert.Equal(t, []capacity.Code{capacity.FleetTooSmall}, codes(res.Blockers), "a fixed fleet below the peak's needs cannot serve it")
	assert.False(t, res.Feasible)

	// A fixed fleet of exactly the 69 nodes needed is enough; one fewer is not.
	for _, tc := range []struct {
		count int64
		want  []capacity.Code
	}{{69, []capacity.Code{}}, {68, []capacity.Code{capacity.FleetTooSmall}}} {
		req.Servers.Count = tc.count
		res, err = capacity.Size(cat, instances(t), req)
		require.NoError(t, err)
		assert.Equal(t, int64(69), res.NodesNeeded)
		assert.Equal(t, tc.want, codes(res.Blockers), "Size(fleet of %d).Blockers", tc.count)
	}
}

// The slots the platform's daemons take count against the per-node and
// per-cluster pod envelopes (cluster-large.md: 110 pods per node, 150,000
// per cluster), though they serve no replica. Here a Kubernetes node keeps
// no CPU or memory back but runs daemon pods; replicas of 10 millicores
// are fully used, so n rps of 1,000 ms need 100 × n replicas.
func TestSizeCountsDaemonPods(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		rps      string
		res      capacity.Reservation
		replicas int64
		nodes    int64
		clusters int64
		want     []capacity.Code
	}{
		// 112 slots less 10 daemons: 102 replicas on one node, 112 pods.
		{"112 pods on a node", "1.02", capacity.Reservation{Slots: 112, SystemPods: 10}, 102, 1, 1,
			[]capacity.Code{capacity.MaxPodsPerNode}},
		// 100 replicas a node: 1,400 nodes, 140,000 replicas and 14,000
		// daemon pods, 154,000 pods: ⌈154,000 / 150,000⌉ = 2 clusters of
		// 77,000 pods each, within the envelope once split; the whole
		// fleet's 154,000 pods past the 150,000 envelope is still named.
		{"154000 pods in the cluster", "1400", capacity.Reservation{Slots: 110, SystemPods: 10}, 140000, 1400, 2,
			[]capacity.Code{capacity.MultipleClusters, capacity.MaxPods}},
		{"exactly 110 pods a node", "1", capacity.Reservation{Slots: 110, SystemPods: 10}, 100, 1, 1,
			[]capacity.Code{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := capacity.Size(cat, instances(t), capacity.Request{
				Platform:  platform.Kubernetes,
				Workload:  capacity.Workload{RequestsPerSecond: dec(tc.rps), DurationMS: dec("1000")},
				Container: capacity.Container{VCPU: dec("0.01"), MemoryMB: 16},
				Servers: capacity.Servers{InstanceType: "m5.large", TargetUtilization: dec("1"),
					Node: capacity.NodeOptions{Reservation: &tc.res}},
			})
			require.NoError(t, err)
			assert.Equal(t, tc.replicas, res.Replicas, "Size(%s).Replicas", tc.name)
			assert.Equal(t, tc.nodes, res.Nodes, "Size(%s).Nodes", tc.name)
			assert.Equal(t, tc.clusters, res.Clusters, "Size(%s).Clusters = %d, want %d", tc.name, res.Clusters, tc.clusters)
			assert.Equal(t, tc.want, codes(res.Warnings), "Size(%s).Warnings", tc.name)
		})
	}
}

func TestSizeManyClusters(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2017-12")
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
	cat, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	old, err := platform.EmbeddedCatalogue("2017-12")
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
		{"container too small for a request", cat, func(r *capacity.Request) { r.Workload.RequestMemoryMB = 1024 }, "capacity: container.memory_mb: 512 cannot hold one request", nil},
		{"unknown instance type", cat, func(r *capacity.Request) { r.Servers.InstanceType = "m99.large" }, `capacity: servers.instance_type: "m99.large"`, capacity.ErrUnknownInstanceType},
		{"utilisation over 1", cat, func(r *capacity.Request) { r.Servers.TargetUtilization = dec("1.2") }, "capacity: servers.target_utilization: 1.2", nil},
		{"zone survival needs 2 zones", cat, func(r *capacity.Request) { r.Servers.SurviveZoneLoss = true }, "capacity: servers.zones: 1 cannot survive", nil},
		{"negative zones", cat, func(r *capacity.Request) { r.Servers.Zones = -2 }, "capacity: servers.zones: -2 is negative", nil},
		{"27 zones", cat, func(r *capacity.Request) { r.Servers.Zones = 27 }, "capacity: servers.zones: 27 is more than 26 zones", nil},
		// Placement lists the zones one by one: this many was a slice too
		// large to make (a panic), and a billion would have been 8 GB.
		{"2^50 zones", cat, func(r *capacity.Request) { r.Servers.Zones = 1 << 50 }, "capacity: servers.zones: 1125899906842624 is more than 26 zones", nil},
		{"2^50 zones on Fargate", cat, func(r *capacity.Request) { r.Platform = platform.ECSFargate; r.Servers.Zones = 1 << 50 }, "capacity: servers.zones: 1125899906842624 is more than 26 zones", nil},
		{"negative request memory", cat, func(r *capacity.Request) { r.Workload.MemoryMB = -1 }, "capacity: workload.memory_mb: -1 is negative", nil},
		{"negative longest job", cat, func(r *capacity.Request) { r.Workload.MaxDurationS = -1 }, "capacity: workload.max_duration_s: -1 is negative", nil},
		{"negative cpu_fraction", cat, func(r *capacity.Request) { r.Workload.CPUFraction = dec("-0.1") }, "capacity: workload.cpu_fraction: -0.1 is not within (0, 1]", nil},
		{"negative peak", cat, func(r *capacity.Request) { r.Workload.PeakRequestsPerSecond = dec("-1") }, "capacity: workload.peak_requests_per_second: -1 is negative", nil},
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

// A replica larger than the node, after the platform's reservation, is a
// blocker of that platform, not an input error: the same container may run
// on Fargate or on a larger instance type.
func TestSizeReplicaDoesNotFit(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	res, err := capacity.Size(cat, instances(t), capacity.Request{
		Platform:  platform.Kubernetes,
		Workload:  capacity.Workload{RequestsPerSecond: dec("10"), DurationMS: dec("100"), MemoryMB: 128},
		Container: capacity.Container{VCPU: dec("64"), MemoryMB: 512},
		Servers:   capacity.Servers{InstanceType: "m5.large"},
	})
	require.NoError(t, err)
	assert.Equal(t, []capacity.Code{capacity.MaxTaskSize}, codes(res.Blockers))
	assert.False(t, res.Feasible)
	assert.Equal(t, int64(1), res.Replicas, "the replicas are sized even when no node holds one")
	assert.Zero(t, res.Nodes)
}

// The zone rule: replicas spread with the remainder in the first zones,
// each zone with the nodes its own replicas need (sizeServers' doc). The
// rows are worked by hand: zones hold ⌈n/Z⌉ or ⌊n/Z⌋ replicas, and a zone
// of r replicas needs ⌈r / per-node⌉ nodes.
func TestSizeZoneRule(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	for _, tc := range []struct {
		name            string
		rps             string // 1,000 ms requests of a 1-vCPU, CPU-bound replica: rps = replicas
		zones           int64
		survive         bool
		replicas, nodes int64
	}{
		// 3, 2, 2 replicas at 2 a node: 2 + 1 + 1 nodes (balancing whole
		// zones would take 9 replicas and 6 nodes).
		{"7 over 3 zones", "7", 3, false, 7, 4},
		{"6 over 3 zones", "6", 3, false, 6, 3},
		{"1 over 3 zones", "1", 3, false, 3, 3},
		{"8 over 2 zones", "8", 2, false, 8, 4},
		// N+1: each of 3 zones holds ⌈7/2⌉ = 4 replicas, 2 nodes each.
		{"7 over 3 zones, surviving one", "7", 3, true, 12, 6},
		{"7 in one zone", "7", 1, false, 7, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := capacity.Size(cat, instances(t), capacity.Request{
				Platform:  platform.Swarm, // no reservation: a c5.large holds 2 one-vCPU replicas
				Workload:  capacity.Workload{RequestsPerSecond: dec(tc.rps), DurationMS: dec("1000"), CPUFraction: dec("1")},
				Container: capacity.Container{VCPU: dec("1"), MemoryMB: 1024},
				Servers:   capacity.Servers{InstanceType: "c5.large", TargetUtilization: dec("1"), Zones: tc.zones, SurviveZoneLoss: tc.survive},
			})
			require.NoError(t, err)
			assert.Equal(t, int64(2), res.ReplicasPerNode)
			assert.Equal(t, tc.replicas, res.Replicas, "Size(%s).Replicas = %d, want %d", tc.name, res.Replicas, tc.replicas)
			assert.Equal(t, tc.nodes, res.Nodes, "Size(%s).Nodes = %d, want %d", tc.name, res.Nodes, tc.nodes)
		})
	}
}

// A fleet beyond one cluster is split, each cluster checked on its share,
// and a user-run control plane is counted in every cluster.
func TestSizeSplitsClusters(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	// 12,000 one-vCPU replicas on c5.large under the kubelet's defaults
	// (no CPU kept back): 2 replicas a node, 6,000 nodes, past the
	// 5,000-node envelope: 2 clusters of 3,000.
	res, err := capacity.Size(cat, instances(t), capacity.Request{
		Platform:  platform.Kubernetes,
		Workload:  capacity.Workload{RequestsPerSecond: dec("12000"), DurationMS: dec("1000"), CPUFraction: dec("1")},
		Container: capacity.Container{VCPU: dec("1"), MemoryMB: 1024},
		Servers:   capacity.Servers{InstanceType: "c5.large", TargetUtilization: dec("1"), Managers: 3},
	})
	require.NoError(t, err)
	assert.Equal(t, int64(6000), res.Nodes)
	assert.Equal(t, int64(2), res.Clusters)
	assert.Equal(t, int64(6), res.Managers, "3 managers in each of 2 clusters")
	assert.Equal(t, []capacity.Code{capacity.MultipleClusters, capacity.MaxNodes}, codes(res.Warnings))
	assert.Empty(t, res.Blockers)
	// issue 15: the limit behind the split, for the whole fleet.
	f := res.Warnings[1]
	assert.Equal(t, "5000", f.Limit, "max-nodes limit")
	assert.Equal(t, "6000", f.Value, "max-nodes value: the unsplit fleet")
	assert.Equal(t, platform.URL("https://kubernetes.io/docs/setup/best-practices/cluster-large/"), f.Source)
	assert.Equal(t, capacity.Warning, f.Severity, "the split resolves it")
}

// ECS in 2017-12: 1,500 instances against the 1,000 default quota
// (service_limits.md, 2018-01-17) is 2 clusters of 750 and a max-nodes
// warning naming the quota, whose quota enforcement would otherwise only
// warn too. The 1,500/s of 1 s at full CPU need 1,500 / 0.5 = 3,000 replicas
// of 0.5 vCPU: past the 1,000 tasks a service, which a split does not ease,
// so that stays a per-cluster finding (3,000 / 2 = 1,500 tasks in each).
func TestSizeSplitNamesECSQuota(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue("2017-12")
	require.NoError(t, err)
	res, err := capacity.Size(cat, instances(t), capacity.Request{
		Platform:  platform.ECSEC2,
		Workload:  capacity.Workload{RequestsPerSecond: dec("1500"), DurationMS: dec("1000"), CPUFraction: dec("1")},
		Container: capacity.Container{VCPU: dec("0.5"), MemoryMB: 512},
		Servers:   capacity.Servers{InstanceType: "c5.large", TargetUtilization: dec("1"), Count: 1500, Node: capacity.NodeOptions{NetworkMode: capacity.Bridge}},
	})
	require.NoError(t, err)
	assert.Equal(t, int64(1500), res.Nodes)
	assert.Equal(t, int64(3000), res.Replicas)
	assert.Equal(t, int64(2), res.Clusters)
	require.Equal(t, []capacity.Code{capacity.MultipleClusters, capacity.MaxNodes, capacity.MaxTasksPerService}, codes(res.Warnings))
	assert.Equal(t, "1500", res.Warnings[2].Value, "tasks of the service in each cluster")
	f := res.Warnings[1]
	assert.Equal(t, "1000", f.Limit)
	assert.Equal(t, "1500", f.Value)
	assert.Equal(t, "container instances", f.Unit)
	assert.Equal(t, platform.URL("https://github.com/awsdocs/amazon-ecs-developer-guide/blob/master/doc_source/service_limits.md"), f.Source)
}
