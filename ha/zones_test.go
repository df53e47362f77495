package ha_test

import (
	"testing"

	"github.com/runwhere/runwhere/ha"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Docker admin guide's placement table for three zones.
func TestSpread(t *testing.T) {
	tests := []struct {
		members, zones int
		want           []int
	}{
		{3, 3, []int{1, 1, 1}},
		{5, 3, []int{2, 2, 1}},
		{7, 3, []int{3, 2, 2}},
		{9, 3, []int{3, 3, 3}},
		{3, 2, []int{2, 1}},
		{4, 1, []int{4}},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.members)+"over"+itoa(tc.zones), func(t *testing.T) {
			got, err := ha.Spread(tc.members, tc.zones)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "Spread(%d, %d)", tc.members, tc.zones)
		})
	}
}

func TestSurvivesZoneLoss(t *testing.T) {
	tests := []struct {
		name                 string
		members, zones, need int
		want                 bool
	}{
		{"3 managers over 3 zones", 3, 3, 0, true},
		{"3 managers over 2 zones", 3, 2, 0, false},
		{"5 managers over 3 zones", 5, 3, 0, true},
		{"7 managers over 3 zones", 7, 3, 0, true},
		{"4 managers over 2 zones", 4, 2, 0, false},
		{"1 manager in 1 zone", 1, 1, 0, false},
		{"6 workers over 3 zones need 4", 6, 3, 4, true},
		{"6 workers over 3 zones need 5", 6, 3, 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ha.SurvivesZoneLoss(tc.members, tc.zones, tc.need)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "SurvivesZoneLoss(%d, %d, %d)", tc.members, tc.zones, tc.need)
		})
	}
}

func TestZoneErrors(t *testing.T) {
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"more zones than members", func() error { _, err := ha.Spread(3, 5); return err },
			"ha: zones: 5 exceeds members 3: a zone would be empty"},
		{"zero zones", func() error { _, err := ha.Spread(3, 0); return err }, "ha: zones: 0 must be at least 1"},
		{"zero members", func() error { _, err := ha.SurvivesZoneLoss(0, 1, 0); return err },
			"ha: members: 0 must be at least 1"},
		{"need above members", func() error { _, err := ha.SurvivesZoneLoss(3, 3, 4); return err },
			"ha: need: 4 is outside [0, members 3]"},
		{"negative peak", func() error { _, err := ha.WorkersNeeded(-1, 10); return err },
			"ha: peak: -1 must be a finite number ≥ 0"},
		{"zero per worker", func() error { _, err := ha.WorkersNeeded(10, 0); return err },
			"ha: per_worker: 0 must be a finite number > 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestWorkersAfterZoneLoss(t *testing.T) {
	tests := []struct {
		name string
		w    ha.Workers
		want ha.ZoneLoss
	}{
		{"9 over 3 need 6", ha.Workers{Count: 9, Zones: 3, Needed: 6}, ha.ZoneLoss{Remaining: 6, PeakFits: true}},
		{"9 over 3 need 7", ha.Workers{Count: 9, Zones: 3, Needed: 7}, ha.ZoneLoss{Remaining: 6, PeakFits: false}},
		{"10 over 3 need 6", ha.Workers{Count: 10, Zones: 3, Needed: 6}, ha.ZoneLoss{Remaining: 6, PeakFits: true}},
		{"4 over 2 unchecked", ha.Workers{Count: 4, Zones: 2}, ha.ZoneLoss{Remaining: 2, PeakFits: true}},
		{"zero zones is one zone", ha.Workers{Count: 4, Needed: 1}, ha.ZoneLoss{Remaining: 0, PeakFits: false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.w.AfterZoneLoss()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "%+v.AfterZoneLoss()", tc.w)
		})
	}
	n, err := ha.WorkersNeeded(400, 70)
	require.NoError(t, err)
	assert.Equal(t, 6, n, "WorkersNeeded(400, 70)")
}
