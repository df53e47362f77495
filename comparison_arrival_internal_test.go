package runwhere

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere/platform"
)

// A caller's catalogue whose entries do not say when they arrived gets no
// arrival row, and one that says it for some platforms gets cells for those
// only: the row never invents a month.
func TestArrivalRowOnlyFromTheCatalogue(t *testing.T) {
	month := &platform.Arrival{Month: "2020-01", Source: platform.Source{URL: "https://example.com/ga", AsOf: platform.DateOf(2026, 12, 7)}}
	tests := []struct {
		name  string
		ps    []platform.Platform
		cells map[PlatformID]string
	}{
		{name: "none says", ps: []platform.Platform{{ID: "a"}, {ID: "b"}}, cells: map[PlatformID]string{}},
		{name: "one says", ps: []platform.Platform{{ID: "a", Arrived: month}, {ID: "b"}}, cells: map[PlatformID]string{"a": "2020-01, newer than the 2017 deck"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := buildComparison(platform.Catalogue{Snapshot: "2030-01", Platforms: tc.ps})
			got := map[PlatformID]string{}
			for _, r := range c.Rows {
				if r.Key != "arrived" {
					continue
				}
				for id, cell := range r.Cells {
					got[id] = cell.Text
				}
			}
			assert.Equal(t, tc.cells, got, "arrival cells")
		})
	}
}
