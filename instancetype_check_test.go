package runwhere_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// TestUnknownInstanceTypeIsAnError (issue 23): a mistyped instance type is
// one error naming servers.instance_type, the value and the nearest known
// names, not eight silently blocked platforms; a known type, priced or not,
// still evaluates.
func TestUnknownInstanceTypeIsAnError(t *testing.T) {
	const base = "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\n"
	tests := []struct {
		name      string
		yaml      string
		wantError bool
		// wantReason is the whole reason, suggestions included.
		wantReason string
	}{
		{name: "swapped letters", yaml: base + "servers: {instance_type: m5.lrage}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large, m5.xlarge or m5a.large?"},
		{name: "upper case", yaml: base + "servers: {instance_type: M5.LARGE}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large, m5.xlarge or m5a.large?"},
		{name: "a letter short", yaml: base + "servers: {instance_type: c7gn.larg}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean c7gn.large, c7gn.xlarge or c7g.large?"},
		{name: "nothing near", yaml: base + "servers: {instance_type: foo}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory)"},
		// A price says nothing of how many replicas a node holds.
		{name: "unknown with an hourly price", yaml: base + "servers: {instance_type: m5.lrage, hourly_price: 0.1}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large, m5.xlarge or m5a.large?"},
		// 2017-12 prices few types: the suggestions are among them.
		{name: "2017 snapshot suggests 2017 prices", yaml: "snapshot: \"2017-12\"\n" + base + "servers: {instance_type: m4.lrage}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m4.large?"},
		{name: "a job", yaml: "workload: {kind: job, runs_per_month: 30, run_minutes: 40, memory_mb: 512}\nservers: {instance_type: m5.lrage}\n", wantError: true,
			wantReason: "is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large, m5.xlarge or m5a.large?"},
		{name: "known type", yaml: base + "servers: {instance_type: m7g.large}\n"},
		{name: "default type", yaml: base},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.NoError(t, err)
			_, err = runwhere.Evaluate(s)
			if !tc.wantError {
				require.NoError(t, err)
				return
			}
			var fe *runwhere.FieldError
			require.True(t, errors.As(err, &fe), "Evaluate = %v, want a *FieldError", err)
			assert.Equal(t, "servers.instance_type", fe.Field)
			assert.Equal(t, s.Servers.InstanceType, fe.Value)
			assert.Equal(t, tc.wantReason, fe.Reason)
			// WithDefaults, what the page shows before evaluating, agrees.
			_, err = s.WithDefaults()
			assert.ErrorAs(t, err, &fe)
		})
	}
}

// A type the table knows but the region does not price is not refused:
// the platforms that need the price say so, and servers.hourly_price
// prices it.
func TestUnpricedKnownInstanceTypeEvaluates(t *testing.T) {
	const yaml = "snapshot: \"2017-12\"\nplatforms: [ecs-ec2]\nworkload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\nservers: {instance_type: m7g.large%s}\n"
	tests := []struct {
		name        string
		hourly      string
		wantBlocker bool
	}{
		{name: "no price", wantBlocker: true},
		{name: "hourly price given", hourly: ", hourly_price: 0.08"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, fmt.Sprintf(yaml, tc.hourly))
			p := platformIn(t, r, "ecs-ec2")
			assert.Equal(t, !tc.wantBlocker, p.Feasible, "blockers %v", p.Blockers)
		})
	}
}
