package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRunUnknownInstanceType (issue 23): a mistyped instance type exits 1
// with one line naming the field, its place in the file and the nearest
// known names, and writes no report.
func TestRunUnknownInstanceType(t *testing.T) {
	tests := []struct {
		name       string
		yaml       string
		wantStderr string
	}{
		{name: "typo", yaml: "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\nservers:\n  instance_type: m5.lrage\n",
			wantStderr: "runwhere: line 3:18: servers.instance_type: m5.lrage is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large, m5.xlarge or m5a.large?\n"},
		{name: "nothing near", yaml: "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\nservers: {instance_type: nope}\n",
			wantStderr: "runwhere: line 2:26: servers.instance_type: nope is not an EC2 instance type runwhere knows the shape of (vCPU, memory)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn([]string{"report"}, strings.NewReader(tc.yaml))
			assert.Equal(t, exitInput, got.code, "run(report) exit status")
			assert.Equal(t, tc.wantStderr, got.stderr)
			assert.Empty(t, got.stdout)
		})
	}
}
