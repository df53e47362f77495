package runwhere_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// The packages may not import each other, so a few figures live in two
// catalogues. These tests join them here, where the root already does, and
// fail when the copies drift apart.

// An instance type's shape is in cost (beside its price) and in capacity
// (beside its ENI figures).
func TestInstanceShapesAgree(t *testing.T) {
	inst, err := capacity.EmbeddedInstances()
	require.NoError(t, err)
	checked := 0
	for _, snap := range cost.Snapshots() {
		prices, err := cost.Embedded(snap, "")
		require.NoError(t, err)
		for _, typ := range prices.InstanceTypes() {
			priced, err := prices.Instance(typ)
			require.NoError(t, err)
			shaped, ok := inst.Lookup(typ)
			if !ok {
				continue // priced but not sized: Evaluate reports it as a blocker
			}
			checked++
			assert.Equal(t, int64(priced.VCPU), shaped.Shape.VCPU, "%s %s vCPU", snap, typ)
			assert.Equal(t, int64(priced.MemoryMiB), shaped.Shape.MemoryMiB, "%s %s memory", snap, typ)
			assert.Equal(t, string(priced.Arch), string(shaped.Shape.Arch), "%s %s arch", snap, typ)
		}
	}
	assert.Greater(t, checked, 5)
}

// A managed control plane's SLA is in platform and in ha.
func TestSLAsAgree(t *testing.T) {
	hc, err := ha.Default()
	require.NoError(t, err)
	for _, snap := range platform.Snapshots() {
		c, err := platform.Snapshot(snap)
		require.NoError(t, err)
		for _, p := range c.Platforms {
			if p.ControlPlane.RunBy != platform.AWS {
				continue
			}
			sla, err := hc.ManagedSLA(string(p.ID), snap)
			require.NoError(t, err, "%s %s", snap, p.ID)
			if p.ControlPlane.SLA == nil || p.ControlPlane.SLA.None() {
				assert.True(t, sla.None(), "%s %s: ha has an SLA (%s%%) that platform lacks", snap, p.ID, sla.Percent)
				continue
			}
			require.False(t, sla.None(), "%s %s: platform has an SLA that ha lacks", snap, p.ID)
			assert.True(t, p.ControlPlane.SLA.Percent.Equal(decimal.RequireFromString(sla.Percent)),
				"%s %s: platform says %s%%, ha says %s%%", snap, p.ID, p.ControlPlane.SLA.Percent, sla.Percent)
			assert.Equal(t, string(p.ControlPlane.SLA.URL), sla.Source, "%s %s source", snap, p.ID)
		}
	}
}
