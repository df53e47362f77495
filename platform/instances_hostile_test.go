package platform_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

// TestHostileNumbersInInstances plants each hostile number of issue 10 in
// every number of the embedded instance table: each must be refused,
// naming its line and key, within the time bound.
func TestHostileNumbersInInstances(t *testing.T) {
	data, err := os.ReadFile("testdata/instances.yaml") // the YAML form, for callers' own tables
	require.NoError(t, err)
	vs, err := inputtest.Variants(data, inputtest.Hostile, nil)
	require.NoError(t, err)
	require.Greater(t, len(vs), 20)
	for _, v := range vs {
		t.Run(fmt.Sprintf("%d:%s=%s", v.Line, v.Key, v.Value), func(t *testing.T) {
			var err error
			elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = platform.ParseInstances("instances.yaml", v.Doc) })
			require.Error(t, err, "%s = %s accepted", v.Key, v.Value)
			assert.Contains(t, err.Error(), fmt.Sprintf("instances.yaml:%d:", v.Line))
			assert.Contains(t, err.Error(), v.Key)
			assert.Less(t, elapsed, time.Duration(inputtest.Bound))
			assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
		})
	}
}

// TestInstanceCatalogueBounds pins issue 10's defect 4: fractions were
// truncated, hex accepted and huge ENI counts overflowed ENIMaxPods.
func TestInstanceCatalogueBounds(t *testing.T) {
	const entry = `instances:
  - type: x1.test
    shape: {vcpu: %s, memory_mib: %s, arch: x86_64, source: "https://example.com/s", as_of: 2026-11-25}
    network: {enis: %s, ipv4_per_eni: 10, source: "https://example.com/n", as_of: 2026-11-25}
`
	tests := []struct {
		name            string
		vcpu, mem, enis string
		wantErr         string
	}{
		{"fraction of a vCPU", "2.9", "2048", "3", `shape.vcpu: 2.9 is not a whole number`},
		{"fraction of a MiB", "2", "2048.7", "3", `shape.memory_mib: 2048.7 is not a whole number`},
		{"hex", "0x10", "2048", "3", `shape.vcpu: 0x10 is not a whole number`},
		{"ENIs near 2^63", "2", "2048", "9223372036854775807", `network.enis: 9223372036854775807 is not within [1, 1000]`},
		{"ENIs past int64", "2", "2048", "9223372036854775808", "outside the range"},
		{"vCPUs past any instance", "100001", "2048", "3", `shape.vcpu: 100001 is not within`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := platform.ParseInstances("", ([]byte(fmt.Sprintf(entry, tc.vcpu, tc.mem, tc.enis))))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
	valid := fmt.Sprintf(entry, "2", "2048", "3")
	_, err := platform.ParseInstances("", ([]byte(valid)))
	require.NoError(t, err)
	_, err = platform.ParseInstances("", ([]byte(valid + "---\ninstances: []\n")))
	require.ErrorContains(t, err, "more than one YAML document")
}
