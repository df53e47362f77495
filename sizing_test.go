package runwhere_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// sizingCases are the reference scenarios and a few hundred random ones
// (money_test.go's generator, fixed seeds), so that every path of the
// sizing — zones, zone survival, fixed fleets, network modes, instance
// types of every family — is crossed.
func sizingCases(t *testing.T) []moneyCase {
	t.Helper()
	var cases []moneyCase
	for _, p := range runwhere.Presets() {
		cases = append(cases, moneyCase{p.Name, p.YAML})
	}
	cases = append(cases, randomMoneyCases(t, "2026-11", 150)...)
	return append(cases, randomMoneyCases(t, "2017-12", 50)...)
}

// Evaluate prices what package capacity sizes: for every EC2-backed
// platform in a report, the nodes, replicas, replicas per node, clusters
// and managers are those of capacity.Size on the same request, and the
// report's blockers include every blocker capacity finds. There is one
// sizing model (issue 11): a second one in the root would show here.
func TestEvaluateSizesWithCapacity(t *testing.T) {
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	checked := 0
	for _, tc := range sizingCases(t) {
		s, err := runwhere.ParseScenario([]byte(tc.yaml))
		require.NoError(t, err, tc.name)
		r, err := runwhere.Evaluate(s)
		require.NoError(t, err, tc.name)
		s = r.Inputs // every default filled in
		cat, err := platform.EmbeddedCatalogue(platform.SnapshotID(s.Snapshot))
		require.NoError(t, err)
		for _, pr := range r.Platforms {
			p, _ := cat.Platform(pr.Platform)
			if p.Family != platform.Nodes {
				continue
			}
			req := capacityRequest(s, pr.Platform)
			res, err := capacity.Size(cat, inst, req)
			if err != nil {
				// Unknown instance type or a missing figure: the report
				// blocks the platform and sizes nothing.
				assert.False(t, pr.Feasible, "%s %s: capacity.Size failed (%v) but the report is feasible", tc.name, pr.Platform, err)
				continue
			}
			checked++
			c := pr.Capacity
			if res.Nodes > 0 && c.Nodes > 0 {
				assert.Equal(t, res.Nodes, int64(c.Nodes), "%s %s: nodes", tc.name, pr.Platform)
				assert.Equal(t, res.Replicas, int64(c.Replicas), "%s %s: replicas", tc.name, pr.Platform)
				assert.Equal(t, res.ReplicasPerNode, int64(c.ReplicasPerNode), "%s %s: replicas per node", tc.name, pr.Platform)
				assert.Equal(t, res.Clusters, int64(c.Clusters), "%s %s: clusters", tc.name, pr.Platform)
				assert.Equal(t, res.Managers, int64(c.Managers), "%s %s: managers", tc.name, pr.Platform)
				assert.Equal(t, res.NodesForPeak, int64(c.NodesForPeak), "%s %s: nodes for the peak", tc.name, pr.Platform)
			}
			for _, b := range res.Blockers {
				assert.Contains(t, codesOf(pr.Blockers), b.Code, "%s %s: capacity's blocker %s is not in the report", tc.name, pr.Platform, b.Code)
			}
			for _, w := range res.Warnings {
				assert.Contains(t, append(codesOf(pr.Warnings), codesOf(pr.Blockers)...), w.Code, "%s %s: capacity's warning %s is not in the report", tc.name, pr.Platform, w.Code)
			}
		}
	}
	assert.Greater(t, checked, 500, "too few platform sizings compared")
}

// Every container platform of one report runs the same number of replicas
// for the same container and load: the EC2-backed fleets and Fargate
// share one spread of replicas over zones.
func TestOneReplicaCountPerReport(t *testing.T) {
	for _, tc := range sizingCases(t) {
		s, err := runwhere.ParseScenario([]byte(tc.yaml))
		require.NoError(t, err, tc.name)
		r, err := runwhere.Evaluate(s)
		require.NoError(t, err, tc.name)
		counts := map[int][]runwhere.PlatformID{}
		for _, pr := range r.Platforms {
			if pr.Capacity.Replicas > 0 {
				counts[pr.Capacity.Replicas] = append(counts[pr.Capacity.Replicas], pr.Platform)
			}
		}
		assert.LessOrEqual(t, len(counts), 1, "%s: replica counts differ between platforms: %v", tc.name, counts)
	}
}

func capacityRequest(s runwhere.Scenario, id platform.ID) capacity.Request {
	w, sv := s.Workload, s.Servers
	if w.Kind == runwhere.KindJob {
		// A run's tasks, as DESIGN.md maps them: Parallelism replicas of
		// one request a second each, in one zone, at full utilisation.
		par := decimal.NewFromInt(*w.Parallelism)
		return capacity.Request{
			Platform: id,
			Workload: capacity.Workload{
				RequestsPerSecond: par, PeakRequestsPerSecond: par, DurationMS: decimal.NewFromInt(1000),
				MemoryMB: *s.Container.MemoryMB, CPUFraction: decimal.Min(*s.Container.VCPU, decimal.NewFromInt(1)),
				MaxDurationS: w.RunMinutes.Mul(decimal.NewFromInt(60)).Ceil().IntPart(),
			},
			Container: capacity.Container{VCPU: *s.Container.VCPU, MemoryMB: *s.Container.MemoryMB},
			Servers: capacity.Servers{
				InstanceType: sv.InstanceType, Count: *sv.Count, TargetUtilization: decimal.NewFromInt(1), Zones: 1,
				Managers: *sv.Managers, Node: capacity.NodeOptions{NetworkMode: capacity.NetworkMode(sv.ECSNetworkMode)},
			},
		}
	}
	return capacity.Request{
		Platform: id,
		Workload: capacity.Workload{
			RequestsPerSecond:     *w.RequestsPerSecond,
			PeakRequestsPerSecond: *w.PeakRequestsPerSecond,
			DurationMS:            *w.DurationMS,
			MemoryMB:              *w.MemoryMB,
			CPUFraction:           *w.CPUFraction,
			MaxDurationS:          w.MaxDurationS.Ceil().IntPart(),
		},
		Container: capacity.Container{VCPU: *s.Container.VCPU, MemoryMB: *s.Container.MemoryMB},
		Servers: capacity.Servers{
			InstanceType:      sv.InstanceType,
			Count:             *sv.Count,
			TargetUtilization: *sv.TargetUtilization,
			Zones:             *sv.Zones,
			SurviveZoneLoss:   *sv.SurviveZoneLoss,
			Managers:          *sv.Managers,
			Node:              capacity.NodeOptions{NetworkMode: capacity.NetworkMode(sv.ECSNetworkMode)},
		},
	}
}

func codesOf(fs []capacity.Finding) []capacity.Code {
	out := make([]capacity.Code, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}
