package cost_test

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// Bill.Add keeps both bills' lines in order and leaves both bills alone.
func TestBillAdd(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	eks, err := cost.ControlPlaneBill(c, cost.ControlPlane{Platform: "eks"})
	require.NoError(t, err)
	nodes, err := cost.EC2(c, cost.EC2Usage{InstanceType: "m5.large", Count: 3})
	require.NoError(t, err)
	sum := eks.Add(nodes)
	require.Len(t, sum.Lines, 2)
	assert.Equal(t, "eks control plane (standard support)", sum.Lines[0].Item)
	assert.Equal(t, "ec2 m5.large", sum.Lines[1].Item)
	// 730 × 0.10 + 3 × 730 × 0.096 = 73 + 210.24
	assert.Equal(t, "283.24", sum.Total().StringFixed(2), "eks.Add(nodes).Total()")
	sum.Lines[0].Item = "changed"
	assert.Equal(t, "eks control plane (standard support)", eks.Lines[0].Item, "Add shares its receiver's lines")
	assert.Len(t, eks.Lines, 1)
	assert.Len(t, nodes.Lines, 1)
	assert.Empty(t, cost.Bill{}.Add(cost.Bill{}).Lines)
	// A short bill plus a longer one: 1 + 3 lines.
	tasks, err := cost.Fargate(c, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Platform: cost.FargateWindows})
	require.NoError(t, err)
	require.Len(t, tasks.Lines, 3)
	both := eks.Add(tasks)
	require.Len(t, both.Lines, 4)
	assert.Equal(t, "fargate os licence (windows/x86_64)", both.Lines[3].Item)
	assert.True(t, eks.Total().Add(tasks.Total()).Equal(both.Total()), "eks.Add(tasks).Total() = %s, want %s + %s", both.Total(), eks.Total(), tasks.Total())
	assert.True(t, cost.Bill{}.Total().IsZero(), "Bill{}.Total()")
}

// VCPUShare follows the two published anchors of
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html:
// one vCPU at 1,769 MB, six at 10,240 MB, linear between and proportional
// below.
func TestVCPUShare(t *testing.T) {
	tests := []struct {
		memoryMB int
		want     *big.Rat
	}{
		{128, big.NewRat(128, 1769)},
		{1769, big.NewRat(1, 1)},
		// 1 + 5 × (1770 − 1769) / (10240 − 1769) = 1 + 5/8471 = 8476/8471
		{1770, big.NewRat(8476, 8471)},
		// 1 + 5 × (6005 − 1769) / 8471 = 1 + 21180/8471 = 29651/8471
		{6005, big.NewRat(29651, 8471)},
		{10240, big.NewRat(6, 1)},
	}
	for _, tc := range tests {
		got := cost.VCPUShare(tc.memoryMB)
		assert.Equal(t, 0, got.Cmp(tc.want), "VCPUShare(%d) = %s, want %s", tc.memoryMB, got.RatString(), tc.want.RatString())
	}
}

// PerSecond, PerHour and MonthlyFromPerSecond use the 730-hour month.
func TestRateConversions(t *testing.T) {
	// 2,628,000 requests a month = 1 a second = 3,600 an hour
	assert.Equal(t, "1", cost.PerSecond(d("2628000")).String())
	assert.Equal(t, "3600", cost.PerHour(d("2628000")).String())
	assert.Equal(t, "2628000", cost.MonthlyFromPerSecond(d("1")).String())
	// 1/3 a second: rounded half up at DivScale places
	assert.Equal(t, "0.333333333333333333", cost.PerSecond(d("876000")).String())
	assert.Equal(t, 730, cost.HoursPerMonth)
	assert.Equal(t, 2628000, cost.SecondsPerMonth)
}

// Curve.At below the first break uses the first piece; at and after a
// break, that break's piece.
func TestCurveAt(t *testing.T) {
	cv := cost.Curve{
		Breaks: []decimal.Decimal{d("0"), d("10")},
		Values: []decimal.Decimal{d("1"), d("21")},
		Slopes: []decimal.Decimal{d("2"), d("0.5")},
	}
	for x, want := range map[string]string{"-1": "-1", "0": "1", "5": "11", "9.99": "20.98", "10": "21", "14": "23"} {
		assert.Equal(t, want, cv.At(d(x)).String(), "Curve.At(%s)", x)
	}
}

// A crossing closer to a step's start than DivScale places rounds onto
// the start: Solve then gives the step to the side that follows, without
// an empty interval.
func TestSolveHairlineCrossings(t *testing.T) {
	tests := []struct {
		name  string
		curve cost.Curve
		fleet cost.Fleet
		sides []cost.Side
	}{
		{
			// Lambda = (1 − 1e-19) + 2x against $1 per request: at x = 0 Lambda
			// is cheaper by 1e-19 and overtakes at 0.5e-19, which rounds to 0.
			name: "at the first step",
			curve: cost.Curve{Breaks: []decimal.Decimal{d("0")}, Values: []decimal.Decimal{d("0.9999999999999999999")},
				Slopes: []decimal.Decimal{d("2")}},
			fleet: cost.Fleet{PerUnit: d("1"), RequestsPerUnit: d("1")},
			sides: []cost.Side{cost.Server},
		},
		{
			// $6 flat to 10 requests, then from 5 − 1e-19 at $1 a request,
			// against a fixed $5: the fleet is cheaper, then Lambda for 1e-19
			// requests (below resolution), then the fleet again: one interval.
			name: "at a curve break",
			curve: cost.Curve{Breaks: []decimal.Decimal{d("0"), d("10")}, Values: []decimal.Decimal{d("6"), d("4.9999999999999999999")},
				Slopes: []decimal.Decimal{d("0"), d("1")}},
			fleet: cost.FixedFleet(d("5")),
			sides: []cost.Side{cost.Server},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			be, err := cost.Solve(tc.curve, tc.fleet)
			require.NoError(t, err)
			assert.Equal(t, tc.sides, sidesOf(be), "Solve(%s) sides, crossings %v", tc.name, be.Crossings)
			assert.Len(t, be.Crossings, len(tc.sides)-1)
		})
	}
}
