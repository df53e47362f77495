package engine

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
)

// teethSteps is levelSteps as it was before steps over zones, kept as the
// oracle: one step per zone, zone i starting i replicas later and keeping
// ⌈(floor − i) / Z⌉ units.
func teethSteps(in Inputs, rate ReplicaRate, unitCost decimal.Decimal, sp capacity.Spread, fit, floor int64, load decimal.Decimal) []cost.Step {
	z := max(sp.Zones, 1)
	if sp.SurviveZoneLoss && z > 1 {
		return []cost.Step{{PerUnit: unitCost.Mul(decimal.NewFromInt(z)), RequestsPerUnit: PerReplicaAt(in, rate, load).Mul(decimal.NewFromInt((z - 1) * fit)), MinUnits: int(ceilDiv(floor, z))}}
	}
	if !load.IsPositive() {
		return []cost.Step{{PerUnit: unitCost, MinUnits: int(floor)}}
	}
	per := PerReplicaAt(in, rate, load)
	if z == 1 || fit == 1 {
		return []cost.Step{{PerUnit: unitCost, RequestsPerUnit: per.Mul(decimal.NewFromInt(fit)), MinUnits: int(floor)}}
	}
	steps := make([]cost.Step, z)
	offset := dZero
	for i := range z {
		steps[i] = cost.Step{PerUnit: unitCost, RequestsPerUnit: per.Mul(decimal.NewFromInt(z * fit)), MinUnits: int(max(ceilDiv(floor-i, z), 0)), Offset: offset}
		offset = offset.Add(per)
	}
	return steps
}

// teethFleet is FollowFleet's fleet written zone by zone, with teethSteps.
func teethFleet(in Inputs, rate ReplicaRate, fixed, unitHourly decimal.Decimal, sp capacity.Spread, fit, floor int64) cost.Fleet {
	levels, _ := in.Autoscale.Plan(in.Shape)
	f := cost.Fleet{Fixed: fixed}
	for _, l := range levels {
		f.Steps = append(f.Steps, teethSteps(in, rate, unitHourly.Mul(l.Hours), sp, fit, floor, l.Load)...)
	}
	return f
}

// bruteUnits is a plain step's units at x from its definition, on
// rationals: max(MinUnits, ⌈(x − Offset) / RequestsPerUnit⌉).
func bruteUnits(st cost.Step, x decimal.Decimal) int64 {
	m := int64(st.MinUnits)
	if !st.RequestsPerUnit.IsPositive() {
		return m
	}
	q := new(big.Rat).Quo(x.Sub(st.Offset).Rat(), st.RequestsPerUnit.Rat())
	n := new(big.Int).Quo(q.Num(), q.Denom())
	if q.Sign() > 0 && !q.IsInt() {
		n.Add(n, big.NewInt(1))
	}
	return max(m, n.Int64())
}

// followCase is a fleet that follows a shape, from a few numbers: the
// shape's hours from bytes (a week when week), zones, replicas a node,
// the floor, the mean rate in thousandths, the scale-out lead.
type followCase struct {
	in         Inputs
	rate       ReplicaRate
	fixed      decimal.Decimal
	unitHourly decimal.Decimal
	sp         capacity.Spread
	fit, floor int64
}

func newFollowCase(hours []byte, week bool, zones, fit uint8, floor uint16, rpsMilli uint32, lead uint16, survive bool) followCase {
	n := 24
	if week {
		n = 168
	}
	hourly := make([]decimal.Decimal, n)
	positive := false
	for h := range hourly {
		b := byte(h + 1)
		if len(hours) > 0 {
			b = hours[h%len(hours)]
		}
		// Loads 0 … 255 at up to two places: repeated and distinct levels.
		hourly[h] = decimal.New(int64(b), -int32(b%3))
		positive = positive || b > 0
	}
	if !positive {
		hourly[0] = decimal.NewFromInt(1)
	}
	shape := NewShape(hourly)
	rps := decimal.New(int64(rpsMilli%2_000_000_000)+1, -3)
	num, den := shape.PeakToMean()
	peak := rps.Mul(num).DivRound(den, 6)
	if peak.LessThan(rps) {
		peak = rps
	}
	floorN := int64(floor % 200)
	return followCase{
		in: Inputs{
			Workload:  capacity.Workload{RequestsPerSecond: rps, PeakRequestsPerSecond: peak},
			Shape:     shape,
			Autoscale: NewAutoscale(shape, floorN, decimal.NewFromInt(int64(lead%1500))),
		},
		rate:       ReplicaRate{Num: decimal.NewFromInt(1000), Den: decimal.RequireFromString("120")},
		fixed:      decimal.RequireFromString("73.0001"),
		unitHourly: decimal.RequireFromString("0.0768"),
		sp:         capacity.Spread{Zones: int64(zones%26) + 1, SurviveZoneLoss: survive},
		fit:        int64(fit%12) + 1,
		floor:      floorN,
	}
}

func (c followCase) follow() Following {
	return FollowFleet(c.in, c.rate, c.fixed, c.unitHourly, c.sp, c.fit, c.floor)
}

func (c followCase) teeth() cost.Fleet {
	return teethFleet(c.in, c.rate, c.fixed, c.unitHourly, c.sp, c.fit, c.floor)
}

// checkFollow checks a fleet that follows the shape against its parts: at
// the scenario's load and at others, its cost is its fixed cost plus, level
// by level, each zone's units (from their definition) at the level's
// price; it is the fleet written zone by zone, step for step; the nodes it
// shows hour by hour are its levels' units.
func checkFollow(t *testing.T, c followCase, loads []decimal.Decimal) Following {
	t.Helper()
	fol := c.follow()
	teeth := c.teeth()
	levels, perHour := c.in.Autoscale.Plan(c.in.Shape)
	require.Len(t, fol.Fleet.Steps, len(levels), "a step per level")
	var zones []cost.Step
	for _, st := range fol.Fleet.Steps {
		zones = append(zones, st.PerZone()...)
	}
	require.Len(t, zones, len(teeth.Steps), "zones")
	for i, st := range zones {
		old := teeth.Steps[i]
		assert.True(t, st.PerUnit.Equal(old.PerUnit) && st.RequestsPerUnit.Equal(old.RequestsPerUnit) && st.MinUnits == old.MinUnits && st.Offset.Equal(old.Offset),
			"zone step %d = %+v, want %+v", i, st, old)
	}
	x := c.in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
	for _, y := range append([]decimal.Decimal{x}, loads...) {
		want := c.fixed
		units := make([]int64, len(levels))
		for i, st := range fol.Fleet.Steps {
			for _, z := range st.PerZone() {
				units[i] += bruteUnits(z, y)
			}
			want = want.Add(st.PerUnit.Mul(decimal.NewFromInt(units[i])))
		}
		assert.True(t, want.Equal(fol.Fleet.At(y)), "At(%s) = %s, want %s, the sum of its levels", y, fol.Fleet.At(y), want)
		assert.True(t, want.Equal(teeth.At(y)), "the zones' At(%s) = %s, want %s", y, teeth.At(y), want)
		if y.Equal(x) {
			// The hours count nodes (or tasks); a step sized to survive a
			// zone's loss adds one in every zone.
			perUnit := int64(1)
			if c.sp.SurviveZoneLoss && c.sp.Zones > 1 {
				perUnit = c.sp.Zones
			}
			for h, l := range perHour {
				assert.Equal(t, units[l]*perUnit, fol.ByHour[h], "nodes at hour %d", h)
			}
		}
	}
	return fol
}

// The fleet that follows a shape is, level by level, the fleet it was zone
// by zone, and costs the sum of its levels' parts, over shapes, zones,
// replicas a node, floors, leads and loads drawn at random.
func TestFollowFleetIsItsLevels(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 5))
	for i := range 60 {
		hours := make([]byte, 1+r.IntN(40))
		for j := range hours {
			hours[j] = byte(r.IntN(256))
		}
		c := newFollowCase(hours, r.IntN(2) == 0, uint8(r.IntN(26)), uint8(r.IntN(12)), uint16(r.IntN(200)), uint32(r.IntN(2_000_000_000)), uint16(r.IntN(1500)), r.IntN(6) == 0)
		t.Run(fmt.Sprintf("%d-z%d-fit%d-floor%d", i, c.sp.Zones, c.fit, c.floor), func(t *testing.T) {
			x := c.in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
			var loads []decimal.Decimal
			for range 8 {
				loads = append(loads, x.Mul(decimal.NewFromFloat(r.Float64()*3)).Round(int32(r.IntN(6))))
			}
			checkFollow(t, c, loads)
		})
	}
}

// Against a curve near it, the fleet that follows a shape crosses where the
// fleet written zone by zone crosses, to the last digit: Solve walks the
// same steps, whether a level's zones are one term or many.
func TestFollowFleetSolvesAsItsZones(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 6))
	solved, crossings := 0, 0
	for i := range 40 {
		hours := make([]byte, 1+r.IntN(12))
		for j := range hours {
			hours[j] = byte(1 + r.IntN(30))
		}
		c := newFollowCase(hours, false, uint8(1+r.IntN(8)), uint8(1+r.IntN(4)), uint16(r.IntN(30)), uint32(1000+r.IntN(3_000_000)), uint16(r.IntN(120)), false)
		fol, teeth := c.follow(), c.teeth()
		x := c.in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
		// A line from near the fleet's floor to near its cost at twice
		// the load: it runs through the fleet's steps.
		v0 := fol.Fleet.At(decimal.Zero).Mul(decimal.NewFromFloat(0.8 + r.Float64()*0.4)).Round(4)
		x2 := x.Mul(decimal.NewFromInt(2))
		sl := fol.Fleet.At(x2).Sub(v0).Div(x2).Mul(decimal.NewFromFloat(0.9 + r.Float64()*0.2)).Round(12)
		cv := cost.Curve{Breaks: []decimal.Decimal{decimal.Zero}, Values: []decimal.Decimal{v0}, Slopes: []decimal.Decimal{sl}}
		got, err := cost.Solve(cv, fol.Fleet)
		want, werr := cost.Solve(cv, teeth)
		if errors.Is(err, cost.ErrTooManySteps) || errors.Is(werr, cost.ErrTooManySteps) {
			continue
		}
		require.NoError(t, err)
		require.NoError(t, werr)
		solved++
		crossings += len(want.Crossings)
		require.Equal(t, len(want.Crossings), len(got.Crossings), "case %d: crossings %v, want %v", i, got.Crossings, want.Crossings)
		for j := range want.Crossings {
			assert.True(t, want.Crossings[j].Equal(got.Crossings[j]), "case %d: crossing %d = %s, want %s", i, j, got.Crossings[j], want.Crossings[j])
		}
		for j, iv := range want.Intervals {
			assert.Equal(t, iv.Cheaper, got.Intervals[j].Cheaper, "case %d: interval %d", i, j)
		}
	}
	t.Logf("%d fleets solved, %d crossings", solved, crossings)
	assert.Greater(t, solved, 30)
	assert.Greater(t, crossings, 100, "the lines run through the fleets' steps")
}

// FuzzFollowManyZones: a fleet that follows a shape of 24 or 168 hours
// over 1 … 26 zones, any replicas a node, floor and lead, costs at the
// scenario's load (and at others) the sum of its levels' parts, is the
// fleet written zone by zone, and never panics; where the fleet is small
// enough to solve zone by zone, Solve agrees with that too.
func FuzzFollowManyZones(f *testing.F) {
	f.Add([]byte{1, 2, 3}, true, uint8(25), uint8(4), uint16(26), uint32(100_000_000), uint16(5), false)
	f.Add([]byte{0, 0, 9, 200}, false, uint8(2), uint8(1), uint16(0), uint32(1), uint16(0), false)
	f.Add([]byte{255}, true, uint8(25), uint8(11), uint16(199), uint32(1_999_999_999), uint16(1440), true)
	f.Add([]byte{3, 30, 3, 30, 7}, false, uint8(5), uint8(3), uint16(7), uint32(40_000), uint16(90), false)
	f.Fuzz(func(t *testing.T, hours []byte, week bool, zones, fit uint8, floor uint16, rpsMilli uint32, lead uint16, survive bool) {
		c := newFollowCase(hours, week, zones, fit, floor, rpsMilli, lead, survive)
		x := c.in.Workload.RequestsPerSecond.Mul(secondsPerMonth)
		fol := checkFollow(t, c, []decimal.Decimal{decimal.Zero, x.Div(decimal.NewFromInt(7)).Round(3), x.Mul(decimal.NewFromInt(3))})
		if len(c.teeth().Steps) > 120 {
			return
		}
		v0 := fol.Fleet.At(decimal.Zero)
		sl := fol.Fleet.At(x).Sub(v0).DivRound(x, 12)
		cv := cost.Curve{Breaks: []decimal.Decimal{decimal.Zero}, Values: []decimal.Decimal{v0}, Slopes: []decimal.Decimal{sl}}
		got, err := cost.Solve(cv, fol.Fleet)
		want, werr := cost.Solve(cv, c.teeth())
		if errors.Is(err, cost.ErrTooManySteps) || errors.Is(werr, cost.ErrTooManySteps) {
			return
		}
		if err != nil && werr != nil && strings.Contains(err.Error(), "tracks the fleet forever") && strings.Contains(werr.Error(), "tracks the fleet forever") {
			// The line drawn through the fleet's own cost at x can run
			// parallel to it (testdata/fuzz/FuzzFollowManyZones/
			// b00a6b1b8e985f2f): no finite answer, and both forms say so.
			return
		}
		require.NoError(t, err)
		require.NoError(t, werr)
		require.Equal(t, len(want.Crossings), len(got.Crossings), "crossings %v, want %v", got.Crossings, want.Crossings)
		for j := range want.Crossings {
			require.True(t, want.Crossings[j].Equal(got.Crossings[j]), "crossing %d = %s, want %s", j, got.Crossings[j], want.Crossings[j])
		}
	})
}
