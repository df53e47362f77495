package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Issue 23, item 7: EKS's control plane runs in three zones of AWS's
// choosing, not in servers.zones. With workers in two zones, losing one
// takes half the workers and leaves the control plane up; the HA summary
// says so too.
func TestWhatIfEKSWorkerZonesAreNotItsControlPlanes(t *testing.T) {
	tests := []struct {
		platform runwhere.PlatformID
	}{
		{"eks"}, {"eks-auto-mode"}, {"ecs-ec2"},
	}
	for _, tc := range tests {
		t.Run(string(tc.platform), func(t *testing.T) {
			yaml := "platforms: [" + string(tc.platform) + "]\nworkload: {requests_per_second: 10, duration_ms: 100, memory_mb: 128}\nservers: {zones: 2, instance_type: m5.large, count: 4}\n"
			s, err := runwhere.ParseScenario([]byte(yaml))
			require.NoError(t, err)
			got, err := runwhere.WhatIf(s, tc.platform, []string{"zone:a"})
			require.NoError(t, err)
			require.Len(t, got.States, 2)
			before, after := got.States[0], got.States[1]
			assert.True(t, after.ControlPlaneUp, "the control plane after losing zone a of 2")
			require.NotNil(t, before.WorkersUp)
			require.NotNil(t, after.WorkersUp)
			assert.Equal(t, 4, *before.WorkersUp, "workers before")
			assert.Equal(t, 2, *after.WorkersUp, "workers after losing half of them")

			p := platformIn(t, evaluateYAML(t, yaml), tc.platform)
			require.NotNil(t, p.HA.SurvivesZoneLoss)
			assert.True(t, *p.HA.SurvivesZoneLoss, "the HA summary agrees")
		})
	}
}
