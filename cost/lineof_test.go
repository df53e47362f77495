package cost_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/cost"
)

// TestLineOf: the line a catalogue error names for a dotted field path,
// with keys that hold dots, sequence indexes, and paths that leave the
// document: those name the last line found, or 0.
func TestLineOf(t *testing.T) {
	const doc = `snapshot: "2030-01"
ec2:
  instances:
    m5.large:
      vcpu: 2
      hourly:
        value: "0.096"
lambda:
  duration:
    x86_64:
      - up_to_gb_seconds: "6000000000"
        value: "0.0000166667"
      - value: "0.000015"
`
	var root yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(doc), &root))
	tests := []struct {
		field string
		line  int
	}{
		{"snapshot", 1},
		{"ec2.instances.m5.large.vcpu", 5}, // "m5.large" is one key
		{"ec2.instances.m5.large.hourly.value", 7},
		{"lambda.duration.x86_64[0].up_to_gb_seconds", 11},
		{"lambda.duration.x86_64[1].value", 13},
		{"lambda.duration.x86_64[1]", 13},
		{"lambda.duration.x86_64[2].value", 10},      // past the end: the sequence's key
		{"lambda.duration.x86_64[7]", 10},            // far past the end
		{"ec2.instances.m5.large.cores", 4},          // missing key: its parent
		{"ec2.instances.m6g.large.vcpu", 3},          // missing instance: the map
		{"snapshot.value", 1},                        // below a scalar
		{"snapshot[0]", 1},                           // an index on a scalar
		{"lambda.duration.x86_64[0].value.deep", 12}, // below a scalar in a sequence
	}
	for _, tc := range tests {
		assert.Equal(t, tc.line, cost.LineOf(&root, tc.field), "lineOf(%q)", tc.field)
	}
	// A document node with nothing in it, as an empty file decodes to.
	assert.Equal(t, 0, cost.LineOf(&yaml.Node{Kind: yaml.DocumentNode}, "snapshot"), "lineOf(empty document)")
}
