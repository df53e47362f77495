package ha_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// A caller who overwrites the catalogue Default returned overwrites their
// own: the next Default, Lookup and Summarize still see the embedded data.
func TestDefaultReturnsItsOwn(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	*c = ha.Catalogue{}

	d, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	assert.Len(t, d.Platforms(), len(platform.IDs()), "Default().Platforms() after a caller emptied an earlier Default()")
	_, err = ha.Lookup("eks", ha.ZoneLost)
	assert.NoError(t, err, "Lookup(eks, zone-lost) after a caller emptied Default()")
	_, err = ha.Summarize(ha.Topology{Platform: "eks", Snapshot: "2026-11", Zones: 3}, ha.Model{})
	assert.NoError(t, err, "Summarize(eks) after a caller emptied Default()")
}
