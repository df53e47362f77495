package runwhere_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// TestWhatIfLargeFleets: a cluster past the 10,000 workers whose
// availability the HA summary computes still answers a what-if, every
// worker counted (issue 27: "the topology models no workers"). The
// default three zones hold ⌈n/3⌉ workers in zone a and ⌊n/3⌋, or one
// more when n mod 3 is 2, in zone b. The events lose worker 1 (zone a),
// then zone b, bring zone b back, then lose any one worker (worker 2).
func TestWhatIfLargeFleets(t *testing.T) {
	events := []string{"worker:1", "zone:b", "+zone:b", "worker"}
	const small = "requests_per_second: 100"
	tests := []struct {
		name     string
		workload string // the rates
		servers  string // beside instance_type: m5.large, managers: 3
		workers  int
		needed   int
		up       []int // the initial state first
		fits     []bool
	}{
		{"10,000 workers", small, "count: 10000", 10000, 8,
			[]int{10000, 9999, 9999 - 3333, 9999, 9998}, []bool{true, true, true, true, true}},
		{"10,001 workers", small, "count: 10001", 10001, 8,
			[]int{10001, 10000, 10000 - 3334, 10000, 9999}, []bool{true, true, true, true, true}},
		{"a million workers", small, "count: 1000000", 1000000, 8,
			[]int{1000000, 999999, 999999 - 333333, 999999, 999998}, []bool{true, true, true, true, true}},
		// Sized, not given: 150,000 requests/s at the peak of 100 ms on
		// one vCPU each take 10,716 m5.large nodes (one replica a node),
		// 10,715 of them for the peak itself.
		{"10,716 workers sized for the peak", "requests_per_second: 100000, peak_requests_per_second: 150000", "", 10716, 10715,
			[]int{10716, 10715, 10715 - 3572, 10715, 10714}, []bool{true, true, false, true, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario(fmt.Appendf(nil, `platforms: [swarm]
workload: {%s, duration_ms: 100, memory_mb: 512}
container: {vcpu: 1, memory_mb: 2048}
servers: {instance_type: m5.large, managers: 3, %s}
`, tc.workload, tc.servers))
			require.NoError(t, err)
			res, err := runwhere.WhatIf(s, "swarm", events)
			require.NoError(t, err)
			assert.Equal(t, tc.workers, res.Topology.Workers, "WhatIf topology workers")
			assert.Equal(t, tc.needed, res.Topology.WorkersNeeded, "WhatIf topology workers needed")
			var up []int
			var fits []bool
			for _, st := range res.States {
				require.NotNil(t, st.WorkersUp, "state %q", st.Step)
				up = append(up, *st.WorkersUp)
				fits = append(fits, *st.PeakFits)
			}
			assert.Equal(t, tc.up, up, "WhatIf(%s, %q) workers up", tc.name, events)
			assert.Equal(t, tc.fits, fits, "WhatIf(%s, %q) peak fits", tc.name, events)
		})
	}
}
