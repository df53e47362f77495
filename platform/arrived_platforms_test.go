package platform_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// Every embedded platform says when it became generally available, with a
// source, and no snapshot holds a platform that had not arrived by its
// month: a comparison can then mark what is newer than the 2017 deck.
func TestEveryPlatformArrivedBeforeItsSnapshot(t *testing.T) {
	arrived := map[platform.ID]string{}
	for _, snap := range platform.Snapshots() {
		c, err := platform.EmbeddedCatalogue(snap)
		require.NoError(t, err)
		for _, p := range c.Platforms {
			t.Run(snap.String()+"/"+p.ID.String(), func(t *testing.T) {
				require.NotNil(t, p.Arrived, "arrived")
				assert.NoError(t, p.Arrived.Source.Validate(), "arrived's source")
				assert.False(t, platform.SnapshotID(p.Arrived.Month).After(snap), "arrived %s, after snapshot %s", p.Arrived.Month, snap)
				if was, ok := arrived[p.ID]; ok {
					assert.Equal(t, was, p.Arrived.Month, "the same month in every snapshot")
				}
				arrived[p.ID] = p.Arrived.Month
			})
		}
	}
}

// The months the issue names for the platforms added after the deck, and
// the deck's platforms that the 2017-12 snapshot holds.
func TestArrivalMonths(t *testing.T) {
	for _, tc := range []struct {
		snapshot platform.SnapshotID
		id       platform.ID
		want     string
	}{
		{snapshot: "2026-11", id: "eks-auto-mode", want: "2024-12"},
		{snapshot: "2026-11", id: "ecs-managed-instances", want: "2025-09"},
		{snapshot: "2026-11", id: "eks-fargate", want: "2019-12"},
		{snapshot: "2026-11", id: "lambda-managed-instances", want: "2025-11"},
		{snapshot: "2026-11", id: platform.EKS, want: "2018-06"},
		{snapshot: "2017-12", id: platform.ECSFargate, want: "2017-11"},
		{snapshot: "2017-12", id: platform.Swarm, want: "2016-07"},
		{snapshot: "2017-12", id: platform.Lambda, want: "2015-04"},
	} {
		t.Run(tc.snapshot.String()+"/"+tc.id.String(), func(t *testing.T) {
			c, err := platform.EmbeddedCatalogue(tc.snapshot)
			require.NoError(t, err)
			p, ok := c.Platform(tc.id)
			require.True(t, ok)
			require.NotNil(t, p.Arrived)
			assert.Equal(t, tc.want, p.Arrived.Month, "%s arrived", tc.id)
		})
	}
}
