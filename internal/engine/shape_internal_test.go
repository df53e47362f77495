package engine

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// The plan of a fleet that follows a day: 0.5 all day but 1 at 10:00 and
// 2 at 11:00. At every instant the fleet serves the highest load of the
// next lead minutes; levels are minutes a day at each load, and hours a
// month are minutes × 730 / 1440, summing to 730 exactly.
func TestShapePlan(t *testing.T) {
	hourly := make([]decimal.Decimal, 24)
	for h := range hourly {
		hourly[h] = decimal.RequireFromString("0.5")
	}
	hourly[10], hourly[11] = decimal.NewFromInt(1), decimal.NewFromInt(2)
	s := NewShape(hourly)
	for _, tc := range []struct {
		name    string
		lead    string
		minutes map[string]int64 // load → minutes a day
		hour9   string           // the fleet shown for 09:00, 10:00, 11:00
		hour10  string
		hour11  string
	}{
		// No lead: each hour at its own load.
		{"no lead", "0", map[string]int64{"0.5": 1320, "1": 60, "2": 60}, "0.5", "1", "2"},
		// 5 minutes: the last 5 of 09:00 at 1, the last 5 of 10:00 at 2.
		{"five minutes", "5", map[string]int64{"0.5": 1315, "1": 60, "2": 65}, "1", "2", "2"},
		// 90 minutes: the first 30 of each hour serve the next hour too,
		// the last 30 the next two: 08:30–09:30 at 1, from 09:30 at 2.
		{"ninety minutes", "90", map[string]int64{"0.5": 1230, "1": 60, "2": 150}, "2", "2", "2"},
		// A day or more ahead: the whole day at the peak.
		{"a day", "1440", map[string]int64{"2": 1440}, "2", "2", "2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			levels, perHour := s.plan(decimal.RequireFromString(tc.lead))
			got := map[string]int64{}
			sum := decimal.Zero
			for _, l := range levels {
				got[l.Load.String()] = l.Minutes.IntPart()
				sum = sum.Add(l.Hours)
				want := l.Minutes.Mul(decimal.NewFromInt(730)).DivRound(decimal.NewFromInt(1440), 18)
				assert.True(t, l.Hours.Sub(want).Abs().LessThan(decimal.New(1, -15)), "%s: %s h for %s min", l.Load, l.Hours, l.Minutes)
			}
			assert.Equal(t, tc.minutes, got)
			assert.Equal(t, "730", sum.String(), "the levels sum to the month")
			assert.Equal(t, tc.hour9, levels[perHour[9]].Load.String())
			assert.Equal(t, tc.hour10, levels[perHour[10]].Load.String())
			assert.Equal(t, tc.hour11, levels[perHour[11]].Load.String())
			if tc.lead != "1440" {
				assert.Equal(t, "0.5", levels[perHour[0]].Load.String(), "00:00 is quiet")
			}
		})
	}
}

// Ranks and sums are exact whatever the exponents the loads are written
// with.
func TestNewShapeMixedExponents(t *testing.T) {
	s := NewShape([]decimal.Decimal{decimal.RequireFromString("0.25"), decimal.RequireFromString("1"), decimal.RequireFromString("1.000"), decimal.RequireFromString("2e-1")})
	assert.Equal(t, "2.45", s.sum.String())
	assert.Equal(t, "1", s.max.String())
	assert.Len(t, s.distinct, 3, "1 and 1.000 are one load")
	assert.Equal(t, []int{1, 2, 2, 0}, s.rank)
	num, den := s.PeakToMean()
	assert.Equal(t, "4", num.String())
	assert.Equal(t, "2.45", den.String())
}
