package capacity_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func snapshotPlatform(t testing.TB, snap platform.SnapshotID, id platform.ID) platform.Platform {
	t.Helper()
	cat, err := platform.EmbeddedCatalogue(snap)
	require.NoError(t, err)
	p, ok := cat.Platform(id)
	require.True(t, ok, "%s not in %s", id, snap)
	return p
}

func instances(t testing.TB) capacity.Instances {
	t.Helper()
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	return inst
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func codes(fs capacity.Findings) []capacity.Code {
	out := []capacity.Code{}
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}
