package ha_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

func TestWhatIf(t *testing.T) {
	type want struct {
		managersUp int
		quorumKept bool
		cpUp       bool
		workersUp  int
		peakFits   bool
		applies    ha.Event
		zonesDown  []string
	}
	tests := []struct {
		name  string
		topo  ha.Topology
		steps string
		want  []want // after each step, the initial state first
	}{
		{
			name:  "swarm 3 managers over 3 zones: lose manager 2 then zone a",
			topo:  ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: 6, WorkersNeeded: 4},
			steps: "manager:2,zone:a",
			want: []want{
				{3, true, true, 6, true, "", nil},
				{2, true, true, 6, true, ha.ManagerLost, nil},
				// zone a holds manager 1 and workers 1 and 4.
				{1, false, false, 4, true, ha.QuorumLost, []string{"a"}},
			},
		},
		{
			name:  "swarm 5 managers over 3 zones survives zone b",
			topo:  ha.Topology{Platform: "swarm", Managers: 5, Zones: 3},
			steps: "zone:b",
			want: []want{
				{5, true, true, 0, false, "", nil},
				{3, true, true, 0, false, ha.ZoneLost, []string{"b"}},
			},
		},
		{
			name:  "kubernetes 3 control-plane nodes over 2 zones loses quorum with zone a",
			topo:  ha.Topology{Platform: "kubernetes", Managers: 3, Zones: 2, Workers: 4, WorkersNeeded: 3},
			steps: "zone:a,worker",
			want: []want{
				{3, true, true, 4, true, "", nil},
				{1, false, false, 2, false, ha.QuorumLost, []string{"a"}},
				{1, false, false, 1, false, ha.QuorumLost, []string{"a"}},
			},
		},
		{
			name:  "nomad control plane lost",
			topo:  ha.Topology{Platform: "nomad", Managers: 3, Workers: 2},
			steps: "control-plane,worker:2",
			want: []want{
				{3, true, true, 2, false, "", nil},
				{0, false, false, 2, false, ha.ControlPlaneLost, nil},
				{0, false, false, 1, false, ha.ControlPlaneLost, nil},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			steps, err := ha.ParseSteps(tc.steps)
			require.NoError(t, err)
			got, err := ha.WhatIf(tc.topo, steps)
			require.NoError(t, err)
			require.Len(t, got, len(tc.want))
			for i, w := range tc.want {
				s := got[i]
				assert.Equal(t, w.managersUp, *s.ManagersUp, "step %d managers up", i)
				assert.Equal(t, w.quorumKept, *s.QuorumKept, "step %d quorum kept", i)
				assert.Equal(t, w.cpUp, s.ControlPlaneUp, "step %d control plane up", i)
				if tc.topo.Workers > 0 {
					assert.Equal(t, w.workersUp, *s.WorkersUp, "step %d workers up", i)
				}
				if tc.topo.WorkersNeeded > 0 {
					assert.Equal(t, w.peakFits, *s.PeakFits, "step %d peak fits", i)
				}
				assert.Equal(t, w.applies, s.Applies, "step %d applies", i)
				assert.Equal(t, w.zonesDown, s.ZonesDown, "step %d zones down", i)
				if s.Applies != "" {
					assert.Equal(t, s.Applies, s.Behaviour.Event)
				}
			}
		})
	}
}

func TestWhatIfManaged(t *testing.T) {
	steps, err := ha.ParseSteps("zone:b,control-plane")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "eks", Zones: 3, Workers: 6}, steps)
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Nil(t, got[0].ManagersUp, "a managed control plane has no managers")
	assert.True(t, got[1].ControlPlaneUp)
	assert.Equal(t, ha.ZoneLost, got[1].Applies)
	assert.Equal(t, 4, *got[1].WorkersUp)
	assert.False(t, got[2].ControlPlaneUp)
	one, err := ha.WhatIf(ha.Topology{Platform: "ecs-ec2", Workers: 2}, []ha.Step{{Kind: ha.LoseZone, Zone: "a"}})
	require.NoError(t, err)
	require.Len(t, one[1].Warnings, 1)
	assert.Equal(t, ha.WarnNoWorkers, one[1].Warnings[0].Code)
	assert.Equal(t, ha.ControlPlaneLost, got[2].Applies)
	assert.Equal(t, ha.Yes, got[2].Behaviour.RunningWorkloadsContinue.Value)
}

func TestWhatIfRepeatWarns(t *testing.T) {
	steps, err := ha.ParseSteps("manager:1,manager:1")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 3}, steps)
	require.NoError(t, err)
	assert.Equal(t, 2, *got[2].ManagersUp)
	require.NotEmpty(t, got[2].Warnings)
	assert.Equal(t, ha.WarnNoChange, got[2].Warnings[0].Code)
}

func TestWhatIfRestore(t *testing.T) {
	steps, err := ha.ParseSteps("zone:a,manager:2,+zone:a,+manager:2,worker,worker,+worker,+worker,+worker")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: 3}, steps)
	require.NoError(t, err)
	require.Len(t, got, 10)
	type want struct {
		managersUp, workersUp int
		applies               ha.Event
		warning               string
	}
	wants := []want{
		{3, 3, "", ""},
		{2, 2, ha.ZoneLost, ha.WarnLastFailure},
		{1, 2, ha.QuorumLost, ha.WarnNoQuorum},
		{2, 3, ha.ManagerLost, ha.WarnLastFailure}, // zone a back: manager 1 and worker 1 return
		{3, 3, "", ""},
		{3, 2, ha.WorkerLost, ""},
		{3, 1, ha.WorkerLost, ""},
		{3, 2, ha.WorkerLost, ""},
		{3, 3, "", ""},
		{3, 3, "", ha.WarnNoChange},
	}
	for i, w := range wants {
		assert.Equal(t, w.managersUp, *got[i].ManagersUp, "state %d (%s) managers up", i, got[i].Step)
		assert.Equal(t, w.workersUp, *got[i].WorkersUp, "state %d (%s) workers up", i, got[i].Step)
		assert.Equal(t, w.applies, got[i].Applies, "state %d (%s) applies", i, got[i].Step)
		var code string
		if len(got[i].Warnings) > 0 {
			code = got[i].Warnings[0].Code
		}
		assert.Equal(t, w.warning, code, "state %d (%s) warning", i, got[i].Step)
	}
}

// What a topology does not model stays out of every state: no managers
// given (a self-managed control plane counted as up, not as 0 of 0), no
// workers, no peak.
func TestWhatIfLeavesOutWhatIsNotModelled(t *testing.T) {
	steps, err := ha.ParseSteps("worker,zone:a")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "swarm", Zones: 2, Workers: 2}, steps)
	require.NoError(t, err)
	for i, s := range got {
		assert.Nil(t, s.ManagersUp, "state %d ManagersUp without managers", i)
		assert.Nil(t, s.QuorumKept, "state %d QuorumKept without managers", i)
		assert.True(t, s.ControlPlaneUp, "state %d ControlPlaneUp without managers", i)
		assert.Nil(t, s.PeakFits, "state %d PeakFits without workers_needed", i)
	}
	assert.Equal(t, 1, *got[1].WorkersUp)
	assert.Equal(t, ha.WorkerLost, got[1].Applies)

	got, err = ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 3}, []ha.Step{{Kind: ha.LoseManager, Index: 1}})
	require.NoError(t, err)
	for i, s := range got {
		assert.Nil(t, s.WorkersUp, "state %d WorkersUp without workers", i)
	}
	assert.Empty(t, got[0].Warnings, "no warning about workers that are not modelled")
}

// "worker" takes any one worker still up, down to the last.
func TestWhatIfAnyWorker(t *testing.T) {
	steps, err := ha.ParseSteps("worker,worker,worker,+worker,+worker")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "nomad", Managers: 1, Workers: 2}, steps)
	require.NoError(t, err)
	var up []int
	for _, s := range got {
		up = append(up, *s.WorkersUp)
	}
	assert.Equal(t, []int{2, 1, 0, 0, 1, 2}, up, "workers up after %s", steps)
	require.Len(t, got[3].Warnings, 2)
	assert.Equal(t, "no worker to bring down", got[3].Warnings[0].Message)
	assert.Equal(t, ha.WarnNoWorkers, got[3].Warnings[1].Code)
}

// MaxSteps (1,000) steps are run; one more is refused, by ParseSteps and
// by WhatIf for steps built in Go.
func TestStepLimit(t *testing.T) {
	steps, err := ha.ParseSteps(strings.Repeat("worker,+worker,", ha.MaxSteps/2-1) + "worker,+worker")
	require.NoError(t, err)
	require.Len(t, steps, ha.MaxSteps)
	got, err := ha.WhatIf(ha.Topology{Platform: "eks", Workers: 1}, steps)
	require.NoError(t, err)
	assert.Len(t, got, ha.MaxSteps+1)

	_, err = ha.ParseSteps(strings.Repeat("worker,", ha.MaxSteps) + "worker")
	assert.EqualError(t, err, "ha: steps: 1001 exceeds 1000 steps")
	_, err = ha.WhatIf(ha.Topology{Platform: "eks", Workers: 1}, append(steps, ha.Step{Kind: ha.LoseWorker}))
	assert.EqualError(t, err, "ha: steps: 1001 exceeds 1000 steps")
}

func TestWhatIfErrors(t *testing.T) {
	tests := []struct {
		name  string
		topo  ha.Topology
		steps string
		want  string
	}{
		{"unknown platform", ha.Topology{Platform: "mesos"}, "", `ha: platform: "mesos" is unknown`},
		{"managers on managed", ha.Topology{Platform: "eks", Managers: 3}, "",
			"ha: managers: 3 must be 0: eks has a managed control plane"},
		{"negative managers on swarm", ha.Topology{Platform: "swarm", Managers: -1}, "",
			"ha: managers: -1 is outside [0, 10000] (swarm runs its own control plane; 0 = not given)"},
		{"manager step without managers", ha.Topology{Platform: "nomad", Workers: 2}, "manager:1",
			"ha: steps[1]: manager:1 does not apply: the topology gives no managers"},
		{"workers on lambda", ha.Topology{Platform: "lambda", Workers: 2}, "",
			"ha: workers: 2 must be 0: lambda has no worker nodes to run"},
		{"manager out of range", ha.Topology{Platform: "swarm", Managers: 3}, "manager:4",
			"ha: steps[1]: manager:4 is outside managers 1..3"},
		{"manager of managed", ha.Topology{Platform: "ecs-ec2", Workers: 3}, "manager:1",
			"ha: steps[1]: manager:1 does not apply: ecs-ec2 has a managed control plane"},
		{"zone out of range", ha.Topology{Platform: "swarm", Managers: 3, Zones: 3}, "zone:d",
			"ha: steps[1]: zone:d is outside zones a..c"},
		{"worker without workers", ha.Topology{Platform: "swarm", Managers: 3}, "worker",
			"ha: steps[1]: worker does not apply: the topology models no workers"},
		{"negative zones", ha.Topology{Platform: "swarm", Managers: 3, Zones: -1}, "",
			"ha: zones: -1 is outside [1, 26]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			steps, err := ha.ParseSteps(tc.steps)
			require.NoError(t, err)
			_, err = ha.WhatIf(tc.topo, steps)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestParseSteps(t *testing.T) {
	tests := []struct {
		in      string
		want    []ha.Step
		wantErr string
	}{
		{in: "", want: nil},
		{in: "+zone:c,+control-plane,+worker", want: []ha.Step{
			{Kind: ha.LoseZone, Zone: "c", Restore: true}, {Kind: ha.LoseControlPlane, Restore: true},
			{Kind: ha.LoseWorker, Restore: true},
		}},
		{in: "++zone:c", wantErr: `ha: steps[1]: "++zone:c" is not manager:N`},
		{in: "manager:2, zone:b ,worker,worker:3,control-plane", want: []ha.Step{
			{Kind: ha.LoseManager, Index: 2}, {Kind: ha.LoseZone, Zone: "b"}, {Kind: ha.LoseWorker},
			{Kind: ha.LoseWorker, Index: 3}, {Kind: ha.LoseControlPlane},
		}},
		{in: "manager", wantErr: `ha: steps[1]: "manager" needs a number from 1 to 10000, such as manager:2`},
		{in: "manager:0", wantErr: `ha: steps[1]: "manager:0" needs a number`},
		{in: "manager:+2", wantErr: `ha: steps[1]: "manager:+2" needs a number`},
		{in: "zone:B", wantErr: `ha: steps[1]: "zone:B" needs a zone name such as zone:b`},
		{in: "zone:a,,", wantErr: `ha: steps[2]: "" is not manager:N, worker[:N], zone:X or control-plane`},
		{in: "control-plane:1", wantErr: `ha: steps[1]: "control-plane:1" takes no argument`},
		{in: "reboot", wantErr: `ha: steps[1]: "reboot" is not manager:N`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ha.ParseSteps(tc.in)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "ParseSteps(%q)", tc.in)
		})
	}
}

func FuzzParseSteps(f *testing.F) {
	for _, s := range []string{"manager:2,zone:b", "worker", "+zone:b,+worker:3", "worker:10,control-plane", "zone:z", "", "manager:", ",", "manager:99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var steps []ha.Step
		var err error
		inputtest.Timed(t, "ParseSteps", s, func() { steps, err = ha.ParseSteps(s) })
		if err != nil {
			return
		}
		// Round trip: printing and parsing again gives the same steps.
		var text string
		for i, st := range steps {
			if i > 0 {
				text += ","
			}
			text += st.String()
		}
		again, err := ha.ParseSteps(text)
		if err != nil {
			t.Fatalf("ParseSteps(%q) = error %v after printing %q", text, err, s)
		}
		if len(again) != len(steps) {
			t.Fatalf("round trip of %q: %d steps, want %d", s, len(again), len(steps))
		}
		for i := range steps {
			if again[i] != steps[i] {
				t.Fatalf("round trip of %q: step %d = %v, want %v", s, i, again[i], steps[i])
			}
		}
		// Any parsed sequence runs on a large topology without panicking.
		inputtest.Timed(t, "WhatIf", s, func() { _, _ = ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 7, Zones: 26, Workers: 30}, steps) })
	})
}

func FuzzParseProb(f *testing.F) {
	for _, s := range []string{"0.9999", "99.95%", "1e-4", "1/3", "1", "0", "-1", "abc", "1e999999", "1e-300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p ha.Prob
		var err error
		inputtest.Timed(t, "ParseProb", s, func() { p, err = ha.ParseProb(s) })
		if err != nil {
			return
		}
		if p.Up() < 0 || p.Up() > 1 || p.Down() < 0 || p.Down() > 1 {
			t.Fatalf("ParseProb(%q) = up %v down %v, outside [0, 1]", s, p.Up(), p.Down())
		}
		again, err := ha.ParseProb(p.String())
		if err != nil || again.Up() != p.Up() {
			t.Fatalf("ParseProb(%q).String() = %q reads back as %v, %v", s, p.String(), again.Up(), err)
		}
	})
}

// Issue 15, item 16: EKS runs three etcd instances across three
// Availability Zones (limits-ha.md §1c, the EKS resilience page). Losing
// one zone keeps two of three members and the control plane; losing two
// loses etcd's quorum, and with it the control plane, until a zone returns.
// ECS publishes no such layout, so its managed control plane stays up.
func TestWhatIfManagedZoneQuorum(t *testing.T) {
	steps, err := ha.ParseSteps("zone:a,zone:b,+zone:b")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "eks", Zones: 3, Workers: 6}, steps)
	require.NoError(t, err)
	require.Len(t, got, 4)
	assert.True(t, got[1].ControlPlaneUp, "one zone lost: two of three etcd members remain")
	assert.False(t, got[2].ControlPlaneUp, "two zones lost: one of three etcd members, no quorum")
	assert.Equal(t, ha.QuorumLost, got[2].Applies)
	var warned bool
	for _, w := range got[2].Warnings {
		if w.Code == ha.WarnNoQuorum {
			warned = true
			assert.Contains(t, w.Message, "1 of the 3 zones holding Amazon EKS's 3 control-plane quorum members are up")
			assert.Equal(t, "https://docs.aws.amazon.com/eks/latest/userguide/disaster-recovery-resiliency.html", w.Source)
		}
	}
	assert.True(t, warned, "no quorum warning after two zones: %+v", got[2].Warnings)
	assert.True(t, got[3].ControlPlaneUp, "a zone back: quorum again")

	ecs, err := ha.WhatIf(ha.Topology{Platform: "ecs-ec2", Zones: 3, Workers: 6}, steps)
	require.NoError(t, err)
	assert.True(t, ecs[2].ControlPlaneUp, "ECS publishes no zone layout of its control plane")
}

// Issue 23, item 7: the three zones of a managed control plane are AWS's,
// not the scenario's. With workers in two zones (or one), EKS's etcd still
// runs in three zones of the Region, so losing one worker zone costs it at
// most one member: the control plane survives, the workers lose their
// share. Each lost zone is taken to hold a member (the worst case).
func TestWhatIfManagedControlPlaneZonesAreAWSs(t *testing.T) {
	tests := []struct {
		name     string
		platform platform.ID
		zones    int
		steps    string
		cpUp     []bool // after each step
		workers  []int  // workers up after each step
	}{
		{name: "EKS, two zones, one lost", platform: "eks", zones: 2, steps: "zone:a", cpUp: []bool{true, true}, workers: []int{4, 2}},
		{name: "EKS, two zones, both lost", platform: "eks", zones: 2, steps: "zone:a,zone:b", cpUp: []bool{true, true, false}, workers: []int{4, 2, 0}},
		{name: "EKS, one zone lost", platform: "eks", zones: 1, steps: "zone:a", cpUp: []bool{true, true}, workers: []int{4, 0}},
		{name: "EKS Auto Mode, two zones, one lost", platform: "eks-auto-mode", zones: 2, steps: "zone:b", cpUp: []bool{true, true}, workers: []int{4, 2}},
		{name: "EKS, four zones, the fourth lost", platform: "eks", zones: 4, steps: "zone:d,zone:a", cpUp: []bool{true, true, true}, workers: []int{4, 3, 2}},
		{name: "ECS, two zones, both lost", platform: "ecs-ec2", zones: 2, steps: "zone:a,zone:b", cpUp: []bool{true, true, true}, workers: []int{4, 2, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			steps, err := ha.ParseSteps(tc.steps)
			require.NoError(t, err)
			got, err := ha.WhatIf(ha.Topology{Platform: tc.platform, Zones: tc.zones, Workers: 4}, steps)
			require.NoError(t, err)
			require.Len(t, got, len(tc.cpUp))
			for i, st := range got {
				assert.Equal(t, tc.cpUp[i], st.ControlPlaneUp, "control plane up after step %d (%s)", i, st.Step)
				require.NotNil(t, st.WorkersUp)
				assert.Equal(t, tc.workers[i], *st.WorkersUp, "workers up after step %d (%s)", i, st.Step)
			}
		})
	}
	t.Run("EKS on Fargate, one of two zones lost", func(t *testing.T) {
		steps, err := ha.ParseSteps("zone:a")
		require.NoError(t, err)
		got, err := ha.WhatIf(ha.Topology{Platform: "eks-fargate", Zones: 2}, steps)
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.True(t, got[1].ControlPlaneUp)
	})
}
