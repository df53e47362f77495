package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
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
		prices, err := cost.EmbeddedCatalogue(snap, "")
		require.NoError(t, err)
		for _, typ := range prices.InstanceTypes() {
			_, ok := inst.Lookup(typ)
			assert.True(t, ok, "%s %s is priced in cost but has no shape in platform/data/instances.csv", snap, typ)
			checked++
		}
	}
	assert.Greater(t, checked, 5)
}
