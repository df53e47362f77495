package capacity_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// SizeServers is Size's nodes sizing, which a nodes family calls without
// Size's dispatch on the family: the same result for every platform that
// names a node reservation, and a refusal for one that does not.
func TestSizeServersMatchesSize(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	d := decimal.RequireFromString
	w := capacity.Workload{RequestsPerSecond: d("40"), PeakRequestsPerSecond: d("400"), DurationMS: d("120"), MemoryMB: 512, CPUFraction: d("1")}
	c := capacity.Container{VCPU: d("0.5"), MemoryMB: 1024}
	nodes := 0
	for _, p := range cat.Platforms {
		req := capacity.Request{Platform: p.ID, Workload: w, Container: c, Servers: capacity.Servers{InstanceType: "m5.large", Zones: 3, Managers: 3}}
		got, err := capacity.SizeServers(cat, inst, req)
		if p.NodeReservation == "" {
			assert.ErrorContains(t, err, "names no node_reservation", "%s", p.ID)
			continue
		}
		nodes++
		require.NoError(t, err, "%s", p.ID)
		want, err := capacity.Size(cat, inst, req)
		require.NoError(t, err, "%s", p.ID)
		assert.Equal(t, want, got, "%s", p.ID)
		assert.Positive(t, got.Nodes, "%s", p.ID)
	}
	assert.GreaterOrEqual(t, nodes, 5, "the catalogue's nodes platforms")
}
