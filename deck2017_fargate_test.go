package runwhere_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// TestDeck2017FargateDerivation (issue 25, item 3): the deck-2017 preset
// prices ECS on Fargate at its launch prices, and the report says how
// they were worked out: each derived unit price's note is on its cost
// line (JSON "note") and under the bill in the Markdown; the published
// prices (ECS's control plane) carry none.
func TestDeck2017FargateDerivation(t *testing.T) {
	var yaml string
	for _, p := range runwhere.Presets() {
		if p.Name == "deck-2017" {
			yaml = p.YAML
		}
	}
	require.NotEmpty(t, yaml, "the deck-2017 preset")
	r := evaluateYAML(t, yaml)
	var fargate *runwhere.PlatformReport
	for i := range r.Platforms {
		if r.Platforms[i].Platform == "ecs-fargate" {
			fargate = &r.Platforms[i]
		}
	}
	require.NotNil(t, fargate)
	require.True(t, fargate.Feasible, "blockers: %v", fargate.Blockers)
	assert.Equal(t, "485.45", fargate.MonthlyCostRounded.StringFixed(2))
	notes := map[string]string{}
	for _, l := range fargate.CostLines {
		notes[l.Item] = l.Note
	}
	tests := []struct{ item, note string }{
		{"fargate vcpu (linux/x86_64)", "derived: 0.04048 / (1 - 0.20) = 0.0506."},
		{"fargate memory (linux/x86_64)", "derived: 0.004445 / (1 - 0.65) = 0.0127."},
		{"ecs control plane", ""},
	}
	for _, tc := range tests {
		t.Run(tc.item, func(t *testing.T) {
			got, ok := notes[tc.item]
			require.True(t, ok, "no line %q", tc.item)
			if tc.note == "" {
				assert.Empty(t, got)
				return
			}
			assert.True(t, strings.HasPrefix(got, tc.note), "note %q, want it to start %q", got, tc.note)
		})
	}
	js, err := json.Marshal(fargate.CostLines[0])
	require.NoError(t, err)
	assert.Contains(t, string(js), `"note":"derived: 0.04048 / (1 - 0.20) = 0.0506.`)
	md := r.Markdown()
	assert.Contains(t, md, "\n- Unit price of fargate vcpu (linux/x86_64), 0.0506: derived: 0.04048 / (1 - 0.20) = 0.0506.")
	assert.Contains(t, md, "\n- Unit price of fargate memory (linux/x86_64), 0.0127: derived: 0.004445 / (1 - 0.65) = 0.0127.")
}
