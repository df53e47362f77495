package runwhere_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// A fleet past one cluster's published node envelope (5,000 nodes for
// Kubernetes and EKS, 5,000 container instances for ECS today:
// limits-ha.md §1a, §1c, §4a) is split into clusters, each with its own
// control plane, and every one of them is billed. The HA figures are those
// of one cluster's control plane, since each cluster keeps quorum on its
// own.
//
// A fixed fleet of 6,000 workers needs ceil(6,000 / 5,000) = 2 clusters of
// 3,000 workers, and the scenario's 3 managers run in each: 6 managers,
// 6 × 730 h = 4,380 instance-hours.
func TestSeveralClustersBillEveryControlPlane(t *testing.T) {
	tests := []struct {
		name     string
		snapshot string
		instance string
		platform runwhere.PlatformID
		lines    []wantLine
		total    string
	}{
		{
			// workers 6,000 × 730 h = 4,380,000 h × $0.096 = $420,480;
			// managers 4,380 h × $0.096 = $420.48.
			name: "kubernetes 2026-11", snapshot: "2026-11", instance: "m5.large", platform: "kubernetes",
			lines: []wantLine{{"kubernetes workers", "4380000", "420480"}, {"kubernetes managers", "4380", "420.48"}},
			total: "420900.48",
		},
		{
			// m4.large at $0.10: workers 4,380,000 h = $438,000; managers
			// 4,380 h = $438.
			name: "kubernetes 2017-12", snapshot: "2017-12", instance: "m4.large", platform: "kubernetes",
			lines: []wantLine{{"kubernetes workers", "4380000", "438000"}, {"kubernetes managers", "4380", "438"}},
			total: "438438",
		},
		{
			// Two EKS control planes: 2 × 730 = 1,460 cluster-hours × $0.10 =
			// $146 (standard support, reference/pricing.md §4.5).
			name: "eks 2026-11", snapshot: "2026-11", instance: "m5.large", platform: "eks",
			lines: []wantLine{{"eks workers", "4380000", "420480"}, {"eks control plane", "1460", "146"}},
			total: "420626",
		},
		{
			// ECS charges nothing for its control plane, but both clusters
			// appear on the bill: 1,460 cluster-hours × $0.
			name: "ecs-ec2 2026-11", snapshot: "2026-11", instance: "m5.large", platform: "ecs-ec2",
			lines: []wantLine{{"ecs-ec2 workers", "4380000", "420480"}, {"ecs control plane", "1460", "0"}},
			total: "420480",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			yaml := fmt.Sprintf("snapshot: %q\nplatforms: [%s]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {instance_type: %s, count: 6000, managers: 3}\n", tc.snapshot, tc.platform, tc.instance)
			r := evaluateYAML(t, yaml)
			p := platformIn(t, r, tc.platform)
			assert.True(t, p.Feasible, "blockers %v", p.Blockers)
			assert.Equal(t, 2, p.Capacity.Clusters, "clusters")
			assert.Contains(t, codes(p.Warnings), "multiple-clusters")
			assertLines(t, p, tc.lines)
			assert.Len(t, p.CostLines, len(tc.lines), "lines %+v", p.CostLines)
			assert.True(t, p.MonthlyCost.Equal(mustDec(tc.total)), "MonthlyCost = %s, want %s", p.MonthlyCost, tc.total)
			if tc.platform != "kubernetes" {
				assert.Nil(t, p.HA.Managers, "AWS runs this control plane")
				return
			}
			assert.Equal(t, 6, p.Capacity.Managers, "managers over both clusters")
			// Each cluster's 3 managers: quorum 2, one failure tolerated
			// (limits-ha.md §2), not the 6 of both clusters pooled nor 1.
			assertQuorum(t, p, 3, 2, 1)
			assert.Contains(t, runwhere.Report{Platforms: []runwhere.PlatformReport{p}}.Markdown(), "HA: 3 managers, quorum 2, tolerates 1 failure(s)", "the Markdown HA line")
			// Alone in the scenario, Kubernetes is recommended, and the
			// reasons speak of one cluster's control plane and of the
			// 6,000 / 2 = 3,000 nodes, 60 % of the envelope, each holds.
			reasons := strings.Join(r.Recommendation.Reasons, "\n")
			assert.Contains(t, reasons, "Its 3 managers tolerate 1 failure(s); the team runs and upgrades them.")
			assert.Contains(t, reasons, fmt.Sprintf("It runs a fixed fleet of 6000 %s nodes over 2 clusters, within the 5000-node envelope per cluster", tc.instance))

			// Splitting does not change one cluster's control plane: its
			// availability is that of the same 3 managers over one cluster.
			one := platformIn(t, evaluateYAML(t, fmt.Sprintf("snapshot: %q\nplatforms: [%s]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {instance_type: %s, count: 3000, managers: 3}\n", tc.snapshot, tc.platform, tc.instance)), tc.platform)
			require.Equal(t, 1, one.Capacity.Clusters, "3,000 nodes fit one cluster")
			require.NotNil(t, one.HA.ControlPlaneAvailability)
			require.NotNil(t, p.HA.ControlPlaneAvailability)
			assert.Equal(t, *one.HA.ControlPlaneAvailability, *p.HA.ControlPlaneAvailability, "control-plane availability of one of two clusters")
		})
	}
}

// Swarm and Nomad publish no node ceiling (limits-ha.md §3, §6), so the same
// 6,000 workers stay one cluster with the scenario's 3 managers:
// 2,190 h × $0.096 = $210.24.
func TestNoCeilingKeepsOneCluster(t *testing.T) {
	for _, id := range []runwhere.PlatformID{"swarm", "nomad"} {
		t.Run(string(id), func(t *testing.T) {
			p := platformIn(t, evaluateYAML(t, fmt.Sprintf("platforms: [%s]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {count: 6000, managers: 3}\n", id)), id)
			assert.Equal(t, 1, p.Capacity.Clusters, "clusters")
			assert.NotContains(t, codes(p.Warnings), "multiple-clusters")
			assertLines(t, p, []wantLine{{string(id) + " managers", "2190", "210.24"}})
			assertQuorum(t, p, 3, 2, 1)
		})
	}
}

// A what-if on a split platform acts on one cluster: its 3 managers, not
// the 6 of both clusters, and not 6 / 2 rounded down from a bill of 3.
func TestWhatIfOnOneOfSeveralClusters(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("platforms: [kubernetes]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {count: 6000, managers: 3}\n"))
	require.NoError(t, err)
	res, err := runwhere.WhatIf(s, "kubernetes", []string{"manager:1", "manager:2"})
	require.NoError(t, err)
	assert.Equal(t, 3, res.Topology.Managers, "WhatIf topology managers")
	assert.Equal(t, 3000, res.Topology.Workers, "WhatIf topology workers: 6,000 over 2 clusters")
	require.Len(t, res.States, 3)
	require.NotNil(t, res.States[1].QuorumKept)
	require.NotNil(t, res.States[2].QuorumKept)
	assert.True(t, *res.States[1].QuorumKept, "2 of 3 managers keep quorum")
	assert.False(t, *res.States[2].QuorumKept, "1 of 3 does not")
}
