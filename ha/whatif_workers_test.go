package ha_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
)

// A what-if takes fleets past the 10,000 workers Summarize computes
// availability for, up to a billion, and counts them exactly. Round-robin
// over three zones puts ⌈n/3⌉ in zone a; zone b holds ⌊n/3⌋ and one more
// when n mod 3 is 2. The steps lose worker 1 (zone a), zone b, then the
// first worker still up (worker 2 is in zone b: worker 3), bring zone b
// back, lose the last worker and bring back the first lost on its own.
func TestWhatIfLargeFleets(t *testing.T) {
	const steps = "worker:1,zone:b,worker,+zone:b,worker:%d,+worker"
	tests := []struct {
		name    string
		workers int
		needed  int
		up      []int // after each step, the initial state first
		fits    []bool
	}{
		{"10,000 workers", 10000, 9999,
			[]int{10000, 9999, 9999 - 3333, 9999 - 3333 - 1, 9998, 9997, 9998},
			[]bool{true, true, false, false, false, false, false}},
		{"10,001 workers", 10001, 6666,
			[]int{10001, 10000, 10000 - 3334, 10000 - 3334 - 1, 9999, 9998, 9999},
			[]bool{true, true, true, false, true, true, true}},
		{"a million workers", 1000000, 666666,
			[]int{1000000, 999999, 999999 - 333333, 999999 - 333333 - 1, 999998, 999997, 999998},
			[]bool{true, true, true, false, true, true, true}},
		{"a billion workers", 1000000000, 1,
			[]int{1000000000, 999999999, 999999999 - 333333333, 999999999 - 333333333 - 1, 999999998, 999999997, 999999998},
			[]bool{true, true, true, true, true, true, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ha.ParseSteps(fmt.Sprintf(steps, tc.workers))
			require.NoError(t, err)
			topo := ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: tc.workers, WorkersNeeded: tc.needed}
			got, err := ha.WhatIf(topo, s)
			require.NoError(t, err)
			var up []int
			var fits []bool
			for _, st := range got {
				up = append(up, *st.WorkersUp)
				fits = append(fits, *st.PeakFits)
			}
			assert.Equal(t, tc.up, up, "WhatIf(%d workers, %s) workers up", tc.workers, s)
			assert.Equal(t, tc.fits, fits, "WhatIf(%d workers, %s) peak fits", tc.workers, s)
			assert.Equal(t, ha.WorkerLost, got[len(got)-1].Applies)
		})
	}
}

// The bounds: a what-if takes a billion workers and names any of them;
// Summarize keeps to 10,000.
func TestWhatIfWorkerBounds(t *testing.T) {
	tests := []struct {
		name  string
		topo  ha.Topology
		steps string
		err   string
	}{
		{"a billion and one workers", ha.Topology{Platform: "eks", Workers: 1000000001}, "",
			"ha: workers: 1000000001 is outside [0, 1000000000]"},
		{"worker past the fleet", ha.Topology{Platform: "eks", Workers: 20000}, "worker:20001",
			"ha: steps[1]: worker:20001 is outside workers 1..20000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ha.ParseSteps(tc.steps)
			require.NoError(t, err)
			_, err = ha.WhatIf(tc.topo, s)
			assert.EqualError(t, err, tc.err)
		})
	}
	_, err := ha.ParseSteps("worker:1000000001")
	assert.EqualError(t, err, `ha: steps[1]: "worker:1000000001" needs a number from 1 to 1000000000, such as worker:2`)
	_, err = ha.ParseSteps("manager:10001")
	assert.EqualError(t, err, `ha: steps[1]: "manager:10001" needs a number from 1 to 10000, such as manager:2`, "managers keep to 10,000")
	_, err = ha.Summarize(ha.Topology{Platform: "eks", Workers: 10001}, ha.Model{})
	assert.EqualError(t, err, "ha: workers: 10001 is outside [0, 10000]")
}

// "worker" with every zone but one down finds the first worker up in it,
// however many the fleet holds; with every zone down there is none.
func TestWhatIfAnyWorkerInTheLastZone(t *testing.T) {
	s, err := ha.ParseSteps("zone:a,zone:b,worker,worker,zone:c,worker,+worker,+worker,+worker")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "eks", Zones: 3, Workers: 1000000000}, s)
	require.NoError(t, err)
	var up []int
	for _, st := range got {
		up = append(up, *st.WorkersUp)
	}
	// Zone a holds 333,333,334 workers, b and c a third each.
	third := 333333333
	assert.Equal(t, []int{3*third + 1, 2 * third, third, third - 1, third - 2, 0, 0, 0, 0, 0}, up)
	assert.Equal(t, "no worker to bring down", got[6].Warnings[0].Message)
	// Workers 3 and 6, lost on their own in zone c, come back while zone c
	// stays down; a third repair finds nothing to bring up.
	assert.Equal(t, "no worker to bring up", got[9].Warnings[0].Message)
}

// The zone-by-zone count agrees with a member-by-member one on random
// small fleets and random steps.
func TestWhatIfCountsLikeMemberByMember(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 4))
	for range 500 {
		zones, workers := 1+r.IntN(5), 1+r.IntN(40)
		var items []string
		for range 1 + r.IntN(12) {
			restore := ""
			if r.IntN(3) == 0 {
				restore = "+"
			}
			switch r.IntN(3) {
			case 0:
				items = append(items, restore+"worker")
			case 1:
				items = append(items, fmt.Sprintf("%sworker:%d", restore, 1+r.IntN(workers)))
			default:
				items = append(items, restore+"zone:"+ha.ZoneName(r.IntN(zones)))
			}
		}
		steps, err := ha.ParseSteps(strings.Join(items, ","))
		require.NoError(t, err)
		got, err := ha.WhatIf(ha.Topology{Platform: "eks", Zones: zones, Workers: workers}, steps)
		require.NoError(t, err)
		want := memberByMember(workers, zones, steps)
		for i, st := range got {
			require.Equal(t, want[i], *st.WorkersUp, "WhatIf(%d workers over %d zones, %s) state %d", workers, zones, strings.Join(items, ","), i)
		}
	}
}

// memberByMember is the workers up after each step, every worker tracked
// on its own: the what-if as it was written before issue 27.
func memberByMember(workers, zones int, steps []ha.Step) []int {
	lost := make([]bool, workers+1)
	zoneDown := make([]bool, zones)
	down := func(i int) bool { return lost[i] || zoneDown[ha.ZoneOf(i, zones)] }
	count := func() int {
		up := 0
		for i := 1; i <= workers; i++ {
			if !down(i) {
				up++
			}
		}
		return up
	}
	out := []int{count()}
	for _, st := range steps {
		switch st.Kind {
		case ha.LoseWorker:
			i := st.Index
			for j := 1; j <= workers && i == 0; j++ {
				if lost[j] == st.Restore && (st.Restore || !down(j)) {
					i = j
				}
			}
			if i > 0 {
				lost[i] = !st.Restore
			}
		case ha.LoseZone:
			zoneDown[st.Zone[0]-'a'] = !st.Restore
		}
		out = append(out, count())
	}
	return out
}
