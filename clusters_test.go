package runwhere_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
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
			// $146 (standard support, reference/pricing.md §4.5); each node's
			// 20 GB root volume, 6,000 × 20 = 120,000 GB-months × $0.08 =
			// $9,600 (issue 25, item 9).
			name: "eks 2026-11", snapshot: "2026-11", instance: "m5.large", platform: "eks",
			lines: []wantLine{{"eks workers", "4380000", "420480"}, {"root volume (gp3, 20 GB)", "120000", "9600"}, {"eks control plane", "1460", "146"}},
			total: "430226",
		},
		{
			// ECS charges nothing for its control plane, but both clusters
			// appear on the bill: 1,460 cluster-hours × $0. Each node's 30 GB
			// root volume: 180,000 GB-months × $0.08 = $14,400.
			name: "ecs-ec2 2026-11", snapshot: "2026-11", instance: "m5.large", platform: "ecs-ec2",
			lines: []wantLine{{"ecs-ec2 workers", "4380000", "420480"}, {"root volume (gp3, 30 GB)", "180000", "14400"}, {"ecs control plane", "1460", "0"}},
			total: "434880",
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
			// issue 15: the limit the 6,000 nodes exceed is named beside the
			// split, with its figure and source, as a warning.
			nodes := findingCoded(t, p.Warnings, capacity.MaxNodes)
			assert.Equal(t, "5000", nodes.Limit, "max-nodes limit")
			assert.Equal(t, "6000", nodes.Value, "max-nodes value")
			assert.NotEmpty(t, nodes.Source, "max-nodes source")
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

// findingCoded returns the one finding of fs with code c.
func findingCoded(t *testing.T, fs []capacity.Finding, c capacity.Code) capacity.Finding {
	t.Helper()
	var got []capacity.Finding
	for _, f := range fs {
		if f.Code == c {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1, "findings coded %s in %v", c, codes(fs))
	return got[0]
}

// issue 15: 1,500 ECS container instances in 2017-12, past the default
// quota of 1,000 then (service_limits.md, 2018-01-17): split into
// ⌈1,500 / 1,000⌉ = 2 clusters, and the quota named with its source.
func TestSplitNamesTheECSQuotaOf2017(t *testing.T) {
	r := evaluateYAML(t, "snapshot: \"2017-12\"\nplatforms: [ecs-ec2]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {instance_type: m4.large, count: 1500}\n")
	p := platformIn(t, r, "ecs-ec2")
	assert.True(t, p.Feasible, "blockers %v", p.Blockers)
	assert.Equal(t, 2, p.Capacity.Clusters, "clusters")
	assert.Contains(t, codes(p.Warnings), "multiple-clusters")
	f := findingCoded(t, p.Warnings, capacity.MaxNodes)
	assert.Equal(t, "1000", f.Limit)
	assert.Equal(t, "1500", f.Value)
	assert.Equal(t, "https://github.com/awsdocs/amazon-ecs-developer-guide/blob/master/doc_source/service_limits.md", string(f.Source))
}
