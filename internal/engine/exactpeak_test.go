package engine_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/engine"
)

// PerReplicaAt with PeakIsBusiestHour reads the peak as the shape's exact
// busiest hour: a replica's requests a month at the busiest level are then
// exactly the month's seconds × its rate × mean(shape) / max(shape),
// whatever rounding the stored peak carries; without the flag the stored
// peak is taken as given.
func TestPerReplicaAtExactBusiestHour(t *testing.T) {
	d := decimal.RequireFromString
	// Twelve hours at 1, twelve at 0.5: the busiest hour is 4/3 of the mean.
	hourly := make([]decimal.Decimal, 24)
	for h := range hourly {
		hourly[h] = d("1")
		if h >= 12 {
			hourly[h] = d("0.5")
		}
	}
	rate := engine.ReplicaRate{Num: d("350"), Den: d("105")} // 10/3 requests a second
	tests := []struct {
		name  string
		mean  string
		peak  string // as the inputs hold it
		exact bool   // PeakIsBusiestHour
		load  string
		want  string // requests a month one replica serves
	}{
		// 2,628,000 × 10/3 × 0.75 = 6,570,000: the busiest hour's 20/3
		// requests a second need two replicas exactly.
		{name: "exact, busiest level", mean: "5", peak: "6.66666666666666666667", exact: true, load: "1", want: "6570000"},
		{name: "exact, quiet level", mean: "5", peak: "6.66666666666666666667", exact: true, load: "0.5", want: "13140000"},
		// The rounded peak makes a replica serve a hair less, so the
		// month's 13,140,000 requests need just over two.
		{name: "rounded peak as given", mean: "5", peak: "6.66666666666666666667", load: "1", want: "6569999.999999999999996716"},
		// A peak that terminates gives the same either way.
		{name: "terminating peak, exact", mean: "6", peak: "8", exact: true, load: "1", want: "6570000"},
		{name: "terminating peak, as given", mean: "6", peak: "8", load: "1", want: "6570000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := engine.Inputs{
				Workload:          capacity.Workload{RequestsPerSecond: d(tc.mean), PeakRequestsPerSecond: d(tc.peak)},
				Shape:             engine.NewShape(hourly),
				PeakIsBusiestHour: tc.exact,
			}
			got := engine.PerReplicaAt(in, rate, d(tc.load))
			assert.True(t, d(tc.want).Equal(got), "PerReplicaAt(%s) = %s, want %s", tc.load, got, tc.want)
		})
	}
}
