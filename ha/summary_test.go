package ha_test

import (
	"encoding/json"
	"testing"

	"github.com/runwhere/runwhere/ha"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarize(t *testing.T) {
	node := ha.MustParseProb("0.99")
	tests := []struct {
		name         string
		topo         ha.Topology
		model        ha.Model
		managers     *int
		availability float64 // 0 = must be omitted
		survives     bool
		warnings     []string
	}{
		{"swarm 3 over 3 zones", ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: 9, WorkersNeeded: 6},
			ha.Model{Node: node}, ptr(3), 0.999702, true, nil},
		{"swarm 3 over 2 zones", ha.Topology{Platform: "swarm", Managers: 3, Zones: 2},
			ha.Model{Node: node}, ptr(3), 0.999702, false, []string{ha.WarnZoneLoss}},
		{"nomad single server", ha.Topology{Platform: "nomad", Managers: 1, Zones: 3},
			ha.Model{Node: node}, ptr(1), 0.99, false, []string{ha.WarnSingleMember, ha.WarnZoneLoss}},
		{"kubernetes without a model", ha.Topology{Platform: "kubernetes", Managers: 5, Zones: 3},
			ha.Model{}, ptr(5), 0, true, nil},
		{"kubernetes peak does not fit", ha.Topology{Platform: "kubernetes", Managers: 3, Zones: 3, Workers: 6, WorkersNeeded: 5},
			ha.Model{Node: node}, ptr(3), 0.999702, false, []string{ha.WarnPeakNotFit}},
		{"eks SLA", ha.Topology{Platform: "eks", Zones: 3, Workers: 6}, ha.Model{Node: node}, nil, 0.9995, true, nil},
		{"eks workers in one zone", ha.Topology{Platform: "eks", Workers: 6}, ha.Model{}, nil, 0.9995, false, nil},
		{"fargate SLA", ha.Topology{Platform: "ecs-fargate"}, ha.Model{}, nil, 0.9999, true, nil},
		{"lambda 2017 has no SLA", ha.Topology{Platform: "lambda", Snapshot: "2017-12"}, ha.Model{}, nil, 0, true,
			[]string{ha.WarnNoSLA}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ha.Summarize(tc.topo, tc.model)
			require.NoError(t, err)
			assert.Equal(t, tc.managers, s.Managers)
			if tc.availability == 0 {
				assert.Nil(t, s.ControlPlaneAvailability)
			} else {
				require.NotNil(t, s.ControlPlaneAvailability)
				assert.InDelta(t, tc.availability, *s.ControlPlaneAvailability, 1e-12)
				assert.NotEmpty(t, s.AvailabilitySource)
			}
			assert.Equal(t, tc.survives, *s.SurvivesZoneLoss, "SurvivesZoneLoss")
			var codes []string
			for _, w := range s.Warnings {
				codes = append(codes, w.Code)
			}
			assert.Equal(t, tc.warnings, codes)
			require.NotNil(t, s.OnControlPlaneLoss)
			assert.NotEmpty(t, s.OnControlPlaneLoss.Source)
		})
	}
}

// A self-managed platform without a manager count leaves the quorum figures
// out rather than failing or reporting zeros.
func TestSummarizeManagersNotGiven(t *testing.T) {
	s, err := ha.Summarize(ha.Topology{Platform: "swarm", Zones: 3}, ha.Model{Node: ha.MustParseProb("0.99")})
	require.NoError(t, err)
	assert.Nil(t, s.Managers)
	assert.Nil(t, s.Quorum)
	assert.Nil(t, s.ControlPlaneAvailability)
	assert.Nil(t, s.SurvivesZoneLoss, "cannot be told without managers")
	require.Len(t, s.Warnings, 1)
	assert.Equal(t, ha.WarnNoManagers, s.Warnings[0].Code)
	require.NotNil(t, s.OnControlPlaneLoss)

	// Workers all in one zone settle it: a zone loss takes every worker.
	one, err := ha.Summarize(ha.Topology{Platform: "swarm", Workers: 3}, ha.Model{})
	require.NoError(t, err)
	require.NotNil(t, one.SurvivesZoneLoss)
	assert.False(t, *one.SurvivesZoneLoss)
}

// The shape DESIGN.md gives for the report's "ha" object.
func TestSummaryJSONShape(t *testing.T) {
	s, err := ha.Summarize(ha.Topology{Platform: "kubernetes", Managers: 3, Zones: 3},
		ha.Model{Node: ha.MustParseProb("0.99")})
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.EqualValues(t, 3, got["managers"])
	assert.EqualValues(t, 2, got["quorum"])
	assert.EqualValues(t, 1, got["manager_failures_tolerated"])
	assert.Equal(t, true, got["survives_zone_loss"])
	assert.InDelta(t, 0.999702, got["control_plane_availability"], 1e-12)
	loss := got["on_control_plane_loss"].(map[string]any)
	assert.Equal(t, true, loss["running_workloads_continue"])
	assert.Equal(t, false, loss["rescheduling"])
	assert.Equal(t, false, loss["deployments"])
	assert.Equal(t, false, loss["autoscaling"])
	assert.Equal(t, "https://cloud.ibm.com/docs/containers?topic=containers-debug_master", loss["source"])
	assert.Contains(t, loss["deck_claim"], "most services to fail")

	// A managed control plane omits the manager fields rather than zeroing them.
	m, err := ha.Summarize(ha.Topology{Platform: "eks"}, ha.Model{})
	require.NoError(t, err)
	b, err = json.Marshal(m)
	require.NoError(t, err)
	got = nil
	require.NoError(t, json.Unmarshal(b, &got))
	for _, k := range []string{"managers", "quorum", "manager_failures_tolerated", "worker_availability"} {
		assert.NotContains(t, got, k)
	}
	assert.InDelta(t, 0.9995, got["control_plane_availability"], 1e-15)
	// One manager tolerates zero failures, and the zero is kept.
	one, err := ha.Summarize(ha.Topology{Platform: "swarm", Managers: 1}, ha.Model{})
	require.NoError(t, err)
	b, _ = json.Marshal(one)
	assert.Contains(t, string(b), `"manager_failures_tolerated":0`)
}

// The zone-loss warning says what to do: with every manager in one zone,
// use more zones; with several zones, spread the managers so that none
// holds a majority (the Docker admin guide's 3 → 1-1-1, 5 → 2-2-1).
func TestZoneLossWarningAdvice(t *testing.T) {
	for _, tc := range []struct {
		name string
		topo ha.Topology
		want string
	}{
		{"one zone", ha.Topology{Platform: "swarm", Managers: 3},
			"all managers are in one zone: losing it loses the control plane; spread them over three zones (3→1-1-1)"},
		{"a zone holds a majority", ha.Topology{Platform: "swarm", Managers: 3, Zones: 2},
			"losing the zone with the most managers loses quorum; spread managers so no zone holds a majority (3→1-1-1, 5→2-2-1, 7→3-2-2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ha.Summarize(tc.topo, ha.Model{})
			require.NoError(t, err)
			require.Len(t, s.Warnings, 1)
			assert.Equal(t, ha.WarnZoneLoss, s.Warnings[0].Code)
			assert.Equal(t, tc.want, s.Warnings[0].Message, "Summarize(%+v) warning", tc.topo)
			assert.Equal(t, "https://docs.docker.com/engine/swarm/admin_guide/", s.Warnings[0].Source)
		})
	}
}

// Workers without a peak to carry: the zone loss is checked (one worker
// must be left), but no peak figure or worker availability is reported.
func TestSummarizeWorkersWithoutPeak(t *testing.T) {
	s, err := ha.Summarize(ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: 6}, ha.Model{Node: ha.MustParseProb("0.99")})
	require.NoError(t, err)
	require.NotNil(t, s.WorkersAfterZoneLoss)
	assert.Equal(t, 4, *s.WorkersAfterZoneLoss)
	assert.Nil(t, s.PeakFitsAfterZoneLoss, "PeakFitsAfterZoneLoss with no workers_needed")
	assert.Nil(t, s.WorkerAvailability, "WorkerAvailability with no workers_needed")
	require.NotNil(t, s.SurvivesZoneLoss)
	assert.True(t, *s.SurvivesZoneLoss)
}

func TestModelFrom(t *testing.T) {
	m, err := ha.ModelFrom(0.995, 0.9999)
	require.NoError(t, err)
	assert.Equal(t, 0.995, m.Node.Up())
	assert.Equal(t, 0.9999, m.Zone.Up())
	zero, err := ha.ModelFrom(0, 0)
	require.NoError(t, err)
	assert.True(t, zero.Node.IsZero())
	_, err = ha.ModelFrom(1.5, 0)
	assert.EqualError(t, err, "ha: node_availability: 1.5 is outside [0, 1]")
	_, err = ha.ModelFrom(0.99, -0.1)
	assert.EqualError(t, err, "ha: zone_availability: -0.1 is outside [0, 1]")
}

func ptr(n int) *int { return &n }
