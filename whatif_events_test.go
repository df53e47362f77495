package runwhere_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Each element of WhatIf's events is one event: a blank element or one
// holding a comma-separated list is an error naming its index and value,
// never dropped or split.
func TestWhatIfOneElementOneEvent(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(ordersAPI))
	require.NoError(t, err)
	tests := []struct {
		name       string
		events     []string
		wantStates int    // when no error
		wantErr    string // substring of the error
	}{
		{name: "none", events: nil, wantStates: 1},
		{name: "two events", events: []string{"manager:1", "manager:2"}, wantStates: 3},
		{name: "spaces around an event", events: []string{" manager:1 ", "+manager:1"}, wantStates: 3},
		{name: "blank", events: []string{" "}, wantErr: `events[0]: " " is empty`},
		{name: "empty after one", events: []string{"manager:1", ""}, wantErr: `events[1]: "" is empty`},
		{name: "comma list", events: []string{"manager:1,manager:2"}, wantErr: `events[0]: "manager:1,manager:2"`},
		{name: "trailing comma", events: []string{"zone:a,"}, wantErr: `events[0]: "zone:a,"`},
		{name: "newline list", events: []string{"worker", "manager:1\nmanager:2"}, wantErr: `events[1]: "manager:1\nmanager:2"`},
		{name: "unknown", events: []string{"worker", "meteor"}, wantErr: `events[1]: "meteor"`},
		{name: "outside the topology", events: []string{"worker", "manager:4"}, wantErr: `events[1]: "manager:4" is outside managers 1..3`},
		{name: "too many", events: strings.Split(strings.Repeat("worker,", 1000)+"worker", ","), wantErr: "events: 1001 events exceed"},
		{name: "long value is shortened", events: []string{strings.Repeat("x", 10000)}, wantErr: `events[0]: "xxxxxxxx`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := runwhere.WhatIf(s, "swarm", tc.events)
			if tc.wantErr != "" {
				require.Error(t, err, "WhatIf(%q) = %d states, want an error", tc.events, len(got.States))
				assert.Contains(t, err.Error(), tc.wantErr, "WhatIf(%q)", tc.events)
				assert.Less(t, len(err.Error()), 200, "WhatIf(%q) error quotes the whole value", tc.events)
				return
			}
			require.NoError(t, err, "WhatIf(%q)", tc.events)
			assert.Len(t, got.States, tc.wantStates, "WhatIf(%q) states", tc.events)
		})
	}
}
