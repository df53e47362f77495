package runwhere_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// wantLine is a bill line's expected quantity and exact amount, worked out
// in the test's comments from the published prices.
type wantLine struct {
	prefix, quantity, amount string
}

func assertLines(t *testing.T, p runwhere.PlatformReport, want []wantLine) {
	t.Helper()
	for _, w := range want {
		l := lineIn(t, p, w.prefix)
		assert.True(t, l.Quantity.Equal(mustDec(w.quantity)), "%s %q quantity = %s, want %s", p.Platform, l.Item, l.Quantity, w.quantity)
		assert.True(t, l.Amount.Equal(mustDec(w.amount)), "%s %q amount = %s, want %s", p.Platform, l.Item, l.Amount, w.amount)
	}
}

// A function configured at exactly the smallest or largest memory Lambda
// offers is priced like any other; one MB (or one 64 MB step in 2017-12)
// outside is a blocker of its own, never an error that sinks the report.
//
// Every priced case runs 1,000,000 requests of 100 ms, no free tier:
// requests 1,000,000 × $0.0000002 = $0.20, and duration
// 1,000,000 × 0.1 s × memory/1024 GB at the snapshot's GB-s price
// (2026-11 x86 $0.0000166667, arm64 $0.0000133334; 2017-12 $0.00001667).
// Memory range: 128–10,240 MB in 1 MB steps (2026-11), 128–3,008 MB in
// 64 MB steps (2017-12): reference/pricing.md §1.1, §1.2.
func TestLambdaMemoryAtTheLimits(t *testing.T) {
	tests := []struct {
		name     string
		snapshot string
		memoryMB int64
		arch     string
		duration wantLine // the duration line; zero for a blocked function
		total    string   // exact monthly cost
		rounded  string   // lines rounded half up, then summed
		blocker  string   // the finding code when blocked
	}{
		// 12,500 GB-s × 0.0000166667 = 0.20833375
		{"2026-11 minimum", "2026-11", 128, "x86_64", wantLine{"lambda duration (x86_64, tier 1)", "12500", "0.20833375"}, "0.40833375", "0.41", ""},
		// 1,000,000 GB-s × 0.0000166667 = 16.6667
		{"2026-11 maximum", "2026-11", 10240, "x86_64", wantLine{"lambda duration (x86_64, tier 1)", "1000000", "16.6667"}, "16.8667", "16.87", ""},
		// 1,000,000 GB-s × 0.0000133334 = 13.3334
		{"2026-11 maximum arm64", "2026-11", 10240, "arm64", wantLine{"lambda duration (arm64, tier 1)", "1000000", "13.3334"}, "13.5334", "13.53", ""},
		{"2026-11 below the minimum", "2026-11", 127, "x86_64", wantLine{}, "0", "0", "min-memory"},
		{"2026-11 above the maximum", "2026-11", 10241, "x86_64", wantLine{}, "0", "0", "max-memory"},
		// 12,500 GB-s × 0.00001667 = 0.208375
		{"2017-12 minimum", "2017-12", 128, "x86_64", wantLine{"lambda duration (x86_64)", "12500", "0.208375"}, "0.408375", "0.41", ""},
		// 1,000,000 × 0.1 × 3008/1024 = 293,750 GB-s × 0.00001667 = 4.8968125
		{"2017-12 maximum", "2017-12", 3008, "x86_64", wantLine{"lambda duration (x86_64)", "293750", "4.8968125"}, "5.0968125", "5.10", ""},
		{"2017-12 below the minimum", "2017-12", 127, "x86_64", wantLine{}, "0", "0", "min-memory"},
		{"2017-12 one step above the maximum", "2017-12", 3072, "x86_64", wantLine{}, "0", "0", "max-memory"},
		{"2017-12 between two steps", "2017-12", 3000, "x86_64", wantLine{}, "0", "0", "memory-step"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, fmt.Sprintf("snapshot: %q\nplatforms: [lambda]\nworkload: {requests_per_month: 1000000, duration_ms: 100, memory_mb: %d, arch: %s}\n", tc.snapshot, tc.memoryMB, tc.arch))
			p := platformIn(t, r, "lambda")
			if tc.blocker != "" {
				assert.False(t, p.Feasible, "Evaluate(memory_mb %d).Feasible = true, want a %s blocker", tc.memoryMB, tc.blocker)
				assert.Equal(t, []string{tc.blocker}, codes(p.Blockers), "Evaluate(memory_mb %d) blockers", tc.memoryMB)
				assert.Empty(t, p.CostLines, "a blocked function has no bill")
				return
			}
			require.True(t, p.Feasible, "Evaluate(memory_mb %d) blockers = %v, want none", tc.memoryMB, p.Blockers)
			assertLines(t, p, []wantLine{{"lambda requests", "1000000", "0.2"}, tc.duration})
			assert.Len(t, p.CostLines, 2, "requests and one duration line: %+v", p.CostLines)
			assert.True(t, p.MonthlyCost.Equal(mustDec(tc.total)), "Evaluate(memory_mb %d).MonthlyCost = %s, want %s", tc.memoryMB, p.MonthlyCost, tc.total)
			assert.Equal(t, tc.rounded, p.MonthlyCostRounded.StringFixed(2), "Evaluate(memory_mb %d).MonthlyCostRounded", tc.memoryMB)
		})
	}
}

// The longest job may last exactly the timeout (900 s since 2018-10, 300 s
// in 2017-12: limits-ha.md §5a) and the bill does not depend on it; a
// second more is a max-duration blocker.
func TestLambdaTimeoutAtTheLimit(t *testing.T) {
	tests := []struct {
		snapshot string
		maxS     string
		feasible bool
		total    string // as in TestLambdaMemoryAtTheLimits at 128 MB
	}{
		{"2026-11", "900", true, "0.40833375"},
		{"2026-11", "900.001", false, "0"},
		{"2017-12", "300", true, "0.408375"},
		{"2017-12", "301", false, "0"},
	}
	for _, tc := range tests {
		t.Run(tc.snapshot+" "+tc.maxS+" s", func(t *testing.T) {
			r := evaluateYAML(t, fmt.Sprintf("snapshot: %q\nplatforms: [lambda]\nworkload: {requests_per_month: 1000000, duration_ms: 100, max_duration_s: %s, memory_mb: 128}\n", tc.snapshot, tc.maxS))
			p := platformIn(t, r, "lambda")
			assert.Equal(t, tc.feasible, p.Feasible, "Evaluate(max_duration_s %s).Feasible, blockers %v", tc.maxS, p.Blockers)
			if !tc.feasible {
				assert.Equal(t, []string{"max-duration"}, codes(p.Blockers))
			}
			assert.True(t, p.MonthlyCost.Equal(mustDec(tc.total)), "Evaluate(max_duration_s %s).MonthlyCost = %s, want %s", tc.maxS, p.MonthlyCost, tc.total)
		})
	}
}

// /tmp is configurable from 512 MB (free) to 10,240 MB (reference/pricing.md
// §1.1); at 10,240 MB the 9,728 MB above the free size are billed per GB-s
// of invocation time: 1,000,000 × 0.1 s × 9,728/1024 GB = 950,000 GB-s ×
// $0.0000000309 = $0.029355.
func TestEphemeralStorageAtTheLimits(t *testing.T) {
	tests := []struct {
		storageMB int64
		storage   *wantLine // nil: no storage line
		blocked   bool
	}{
		{512, nil, false},
		{10240, &wantLine{"lambda ephemeral storage (x86_64)", "950000", "0.029355"}, false},
		{511, nil, true},
		{10241, nil, true},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.storageMB), func(t *testing.T) {
			r := evaluateYAML(t, fmt.Sprintf("platforms: [lambda]\nworkload: {requests_per_month: 1000000, duration_ms: 100, memory_mb: 128}\nlambda: {ephemeral_storage_mb: %d}\n", tc.storageMB))
			p := platformIn(t, r, "lambda")
			if tc.blocked {
				assert.Equal(t, []string{"max-ephemeral-storage"}, codes(p.Blockers), "Evaluate(ephemeral_storage_mb %d) blockers", tc.storageMB)
				return
			}
			require.True(t, p.Feasible, "Evaluate(ephemeral_storage_mb %d) blockers = %v", tc.storageMB, p.Blockers)
			want := mustDec("0.40833375") // requests and duration, as at 128 MB above
			if tc.storage == nil {
				assert.Len(t, p.CostLines, 2, "the free 512 MB add no line: %+v", p.CostLines)
			} else {
				assertLines(t, p, []wantLine{*tc.storage})
				want = want.Add(mustDec(tc.storage.amount))
			}
			assert.True(t, p.MonthlyCost.Equal(want), "Evaluate(ephemeral_storage_mb %d).MonthlyCost = %s, want %s", tc.storageMB, p.MonthlyCost, want)
		})
	}
}

// Every other ranged input evaluates at both ends of its range, and is
// priced or sized there as the model says. The base workload is 1 request/s
// of 100 ms and 128 MB; a m5.large costs $0.096 an hour, $70.08 for 730 h
// (reference/pricing.md §4.1); Swarm reserves nothing on a node, so a
// m5.large offers 2,000m CPU and 8,192 MiB.
func TestRangedInputsAtTheirEdges(t *testing.T) {
	const base = "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128%s}\n"
	tests := []struct {
		name     string
		yaml     string
		platform runwhere.PlatformID
		check    func(t *testing.T, p runwhere.PlatformReport)
	}{
		{
			// One replica (1 × 0.1 s = 0.1 in flight, 0.35 vCPU each) on one
			// node, one zone: 730 h × $0.096 = $70.08, plus 3 managers:
			// 2,190 h × $0.096 = $210.24. One zone never survives its loss.
			name: "zones 1", platform: "swarm",
			yaml: fmt.Sprintf(base, "") + "platforms: [swarm]\nservers: {zones: 1}\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, 1, p.Capacity.Nodes, "nodes")
				assertLines(t, p, []wantLine{{"swarm workers", "730", "70.08"}, {"swarm managers", "2190", "210.24"}})
				require.NotNil(t, p.HA.SurvivesZoneLoss)
				assert.False(t, *p.HA.SurvivesZoneLoss, "one zone survives its own loss")
			},
		},
		{
			// Zone balance puts a node in each of the 26 zones:
			// 26 × 730 h = 18,980 h × $0.096 = $1,822.08.
			name: "zones MaxZones", platform: "swarm",
			yaml: fmt.Sprintf(base, "") + fmt.Sprintf("platforms: [swarm]\nservers: {zones: %d}\n", runwhere.MaxZones),
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, 26, p.Capacity.Nodes, "nodes")
				assertLines(t, p, []wantLine{{"swarm workers", "18980", "1822.08"}, {"swarm managers", "2190", "210.24"}})
			},
		},
		{
			// One 0.5 vCPU / 1 GB task in each of 26 zones, 730 h each:
			// vCPU 26 × 730 × 0.5 = 9,490 vCPU-h × $0.04048 = $384.1552;
			// memory 18,980 GB-h × $0.004445 = $84.3661; $468.5213 (at the
			// page's per-second figures $384.140016 + $84.38508 = $468.525096).
			name: "zones MaxZones on Fargate", platform: "ecs-fargate",
			yaml: fmt.Sprintf(base, "") + fmt.Sprintf("platforms: [ecs-fargate]\nservers: {zones: %d}\n", runwhere.MaxZones),
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, 26, p.Capacity.Replicas, "tasks")
				assertLines(t, p, []wantLine{{"fargate vcpu (linux/x86_64)", "9490", "384.1552"}, {"fargate memory (linux/x86_64)", "18980", "84.3661"}})
				assert.True(t, p.MonthlyCost.Equal(mustDec("468.5213")), "MonthlyCost = %s, want 468.5213", p.MonthlyCost)
			},
		},
		{
			// One manager: 730 h × $0.096 = $70.08; a Raft group of 1 has a
			// quorum of 1 and tolerates no failure (limits-ha.md §2).
			name: "managers 1", platform: "kubernetes",
			yaml: fmt.Sprintf(base, "") + "platforms: [kubernetes]\nservers: {managers: 1}\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assertLines(t, p, []wantLine{{"kubernetes managers", "730", "70.08"}})
				assertQuorum(t, p, 1, 1, 0)
			},
		},
		{
			// 99 managers: 72,270 h × $0.096 = $6,937.92; quorum ⌊99/2⌋+1 = 50,
			// tolerance ⌊98/2⌋ = 49.
			name: "managers MaxManagers", platform: "kubernetes",
			yaml: fmt.Sprintf(base, "") + fmt.Sprintf("platforms: [kubernetes]\nservers: {managers: %d}\n", runwhere.MaxManagers),
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assertLines(t, p, []wantLine{{"kubernetes managers", "72270", "6937.92"}})
				assert.Equal(t, 99, p.Capacity.Managers, "managers")
				assertQuorum(t, p, 99, 50, 49)
			},
		},
		{
			// A 1-millicore replica at 70 % serves 0.0007 × 1000 / 100 =
			// 0.007 requests/s, so 1 request/s needs ceil(1 / 0.007) = 143
			// replicas; memory binds the node at 8,192 / 128 = 64 of them,
			// so 3 nodes: 2,190 h × $0.096 = $210.24.
			name: "container.vcpu 0.001", platform: "swarm",
			yaml: fmt.Sprintf(base, "") + "platforms: [swarm]\nservers: {zones: 1}\ncontainer: {vcpu: 0.001, memory_mb: 128}\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "0.007", p.Capacity.RequestsPerReplica.String(), "requests per replica")
				assert.Equal(t, 143, p.Capacity.Replicas, "replicas")
				assert.Equal(t, 64, p.Capacity.ReplicasPerNode, "replicas per node")
				assertLines(t, p, []wantLine{{"swarm workers", "2190", "210.24"}})
			},
		},
		{
			// CPU-bound: 0.5 vCPU × 0.7 × 1000 / (100 ms × 1) = 3.5 requests/s.
			name: "cpu_fraction 1", platform: "swarm",
			yaml: fmt.Sprintf(base, ", cpu_fraction: 1") + "platforms: [swarm]\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "3.5", p.Capacity.RequestsPerReplica.String(), "requests per replica")
			},
		},
		{
			// Almost no CPU: 0.5 vCPU × 0.7 × 1000 / (100 ms × 0.001) =
			// 3,500 requests/s. A replica is one process: the Lambda
			// memory of a request (memory_mb) does not bound it.
			name: "cpu_fraction 0.001", platform: "swarm",
			yaml: fmt.Sprintf(base, ", cpu_fraction: 0.001") + "platforms: [swarm]\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "3500", p.Capacity.RequestsPerReplica.String(), "requests per replica")
				assert.Equal(t, "cpu", p.Capacity.BoundBy, "bound by")
			},
		},
		{
			// With what a request adds: memory binds at 1,024 / 128 = 8
			// requests in flight × 1000 / 100 ms = 80 requests/s.
			name: "request_memory_mb 128", platform: "swarm",
			yaml: fmt.Sprintf(base, ", cpu_fraction: 0.001, request_memory_mb: 128") + "platforms: [swarm]\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "80", p.Capacity.RequestsPerReplica.String(), "requests per replica")
				assert.Equal(t, "memory", p.Capacity.BoundBy, "bound by")
			},
		},
		{
			// Four workers: 4 in flight × 1000 / 100 ms = 40 requests/s.
			name: "max_in_flight 4", platform: "swarm",
			yaml: fmt.Sprintf(base, ", cpu_fraction: 0.001") + "platforms: [swarm]\ncontainer: {max_in_flight: 4}\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "40", p.Capacity.RequestsPerReplica.String(), "requests per replica")
				assert.Equal(t, "in_flight", p.Capacity.BoundBy, "bound by")
			},
		},
		{
			// With cpu_share_scaling only the CPU-bound 0.04 ms of a 40 ms
			// request stretch on a 512 MB function: 39.96 + 0.04 × 1769/512 =
			// 39.96 + 0.138203125 = 40.098203125 ms.
			name: "cpu_fraction 0.001 on Lambda", platform: "lambda",
			yaml: "platforms: [lambda]\nworkload: {requests_per_second: 1, duration_ms: 40, memory_mb: 512, cpu_fraction: 0.001}\nlambda: {cpu_share_scaling: true}\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "40.098203125", p.Capacity.DurationMS.String(), "billed duration before rounding")
			},
		},
		{
			// No headroom: 0.5 vCPU × 1 × 1000 / 100 ms = 5 requests/s.
			name: "target_utilization 1", platform: "swarm",
			yaml: fmt.Sprintf(base, "") + "platforms: [swarm]\nservers: {target_utilization: 1}\n",
			check: func(t *testing.T, p runwhere.PlatformReport) {
				assert.Equal(t, "5", p.Capacity.RequestsPerReplica.String(), "requests per replica")
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := platformIn(t, evaluateYAML(t, tc.yaml), tc.platform)
			require.True(t, p.Feasible, "%s blockers = %v, want none", tc.name, p.Blockers)
			tc.check(t, p)
		})
	}
}

func assertQuorum(t *testing.T, p runwhere.PlatformReport, managers, quorum, tolerated int) {
	t.Helper()
	h := p.HA
	require.NotNil(t, h.Managers, "%s HA managers", p.Platform)
	require.NotNil(t, h.Quorum, "%s HA quorum", p.Platform)
	require.NotNil(t, h.ManagerFailuresTolerated, "%s HA failures tolerated", p.Platform)
	assert.Equal(t, managers, *h.Managers, "%s HA managers", p.Platform)
	assert.Equal(t, quorum, *h.Quorum, "%s HA quorum of %d", p.Platform, managers)
	assert.Equal(t, tolerated, *h.ManagerFailuresTolerated, "%s HA failures tolerated by %d", p.Platform, managers)
}

// One past either end of a ranged input is an error naming the field.
func TestRangedInputsJustOutside(t *testing.T) {
	const base = "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128%s}\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"zones 0", fmt.Sprintf(base, "") + "servers: {zones: 0}\n", "servers.zones: 0 must be at least 1"},
		{"zones MaxZones+1", fmt.Sprintf(base, "") + "servers: {zones: 27}\n", "servers.zones: 27 is more than 26"},
		{"managers 0", fmt.Sprintf(base, "") + "servers: {managers: 0}\n", "servers.managers: 0 must be at least 1"},
		{"managers MaxManagers+1", fmt.Sprintf(base, "") + "servers: {managers: 100}\n", "servers.managers: 100 is more than 99"},
		{"container.vcpu below 1 millicore", fmt.Sprintf(base, "") + "container: {vcpu: 0.0009}\n", "container.vcpu: 0.0009 is below 0.001"},
		{"cpu_fraction 0", fmt.Sprintf(base, ", cpu_fraction: 0"), "workload.cpu_fraction: 0 must be greater than zero"},
		{"cpu_fraction above 1", fmt.Sprintf(base, ", cpu_fraction: 1.0001"), "workload.cpu_fraction: 1.0001 is above 1"},
		{"target_utilization 0", fmt.Sprintf(base, "") + "servers: {target_utilization: 0}\n", "servers.target_utilization: 0 must be greater than zero"},
		{"target_utilization above 1", fmt.Sprintf(base, "") + "servers: {target_utilization: 1.0001}\n", "servers.target_utilization: 1.0001 is above 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.Error(t, err, "ParseScenario(%q) = nil error, want %q", tc.yaml, tc.want)
			assert.Contains(t, err.Error(), tc.want, "ParseScenario(%q)", tc.yaml)
		})
	}
}
