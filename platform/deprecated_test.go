package platform_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// The names before issue 11's one pattern still work, as wrappers of the
// new ones.
func TestDeprecatedLoaders(t *testing.T) {
	want, err := platform.EmbeddedCatalogue(platform.Snapshot2017)
	require.NoError(t, err)
	got, err := platform.Snapshot("2017-12")
	require.NoError(t, err)
	assert.Equal(t, want, got, "Snapshot")

	got, err = platform.SnapshotAt("2020-05")
	require.NoError(t, err)
	assert.Equal(t, want, got, "SnapshotAt")

	data := []byte("snapshot: 2026-11\nplatforms: []\n")
	_, wantErr := platform.ParseCatalogue("mine.yaml", data)
	_, err = platform.Parse("mine.yaml", data)
	assert.Equal(t, wantErr.Error(), err.Error(), "Parse")

	wantSizes, err := platform.EmbeddedTaskSizes(platform.Snapshot2017)
	require.NoError(t, err)
	sizes, err := platform.FargateTaskSizes("2017-12")
	require.NoError(t, err)
	assert.Equal(t, wantSizes, sizes, "FargateTaskSizes")
}
