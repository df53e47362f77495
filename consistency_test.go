package runwhere_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// The packages may not import each other; each fact has one home (see
// onehome_test.go) and these tests check that the homes fit together.

// cost prices instance types and platform holds their shapes: every type
// an embedded price catalogue prices has a shape, so that none is priced
// but unsized.
func TestEveryPricedInstanceHasAShape(t *testing.T) {
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	checked := 0
	for _, snap := range cost.Snapshots() {
		prices, err := cost.Embedded(snap, "")
		require.NoError(t, err)
		for _, typ := range prices.InstanceTypes() {
			_, ok := inst.Lookup(typ)
			assert.True(t, ok, "%s %s is priced in cost but has no shape in platform/data/instances.yaml", snap, typ)
			checked++
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
