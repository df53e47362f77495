package ha_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/runwhere/runwhere/ha"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// limits-ha.md §7, computed exactly from the binomial formula.
func TestQuorumAvailabilityTable(t *testing.T) {
	ps := []string{"0.90", "0.95", "0.99", "0.999"}
	table := map[int][]float64{
		1: {0.9, 0.95, 0.99, 0.999},
		2: {0.81, 0.9025, 0.9801, 0.998001},
		3: {0.972, 0.99275, 0.999702, 0.999997002},
		4: {0.9477, 0.98598125, 0.99940797, 0.999994008},
		5: {0.99144, 0.998841875, 0.9999901494, 0.99999999002},
		7: {0.997272, 0.9998064219, 0.9999996583, 0.999999999965},
	}
	for n, row := range table {
		for i, want := range row {
			t.Run(itoa(n)+"@"+ps[i], func(t *testing.T) {
				got, err := ha.QuorumAvailability(n, ha.MustParseProb(ps[i]))
				require.NoError(t, err)
				// The reference rounds to 10 significant digits; A(5, 0.99) is
				// checked below to 1e-10 against the exact value.
				assert.InDelta(t, want, got.Up, 1e-10, "A(%d, %s)", n, ps[i])
				assert.InDelta(t, 1, got.Up+got.Down, 1e-15)
			})
		}
	}
}

func TestQuorumAvailabilityIssueFigures(t *testing.T) {
	a3, err := ha.QuorumAvailability(3, ha.MustParseProb("0.99"))
	require.NoError(t, err)
	assert.InDelta(t, 0.999702, a3.Up, 1e-12, "A(3, 0.99)")
	a5, err := ha.QuorumAvailability(5, ha.MustParseProb("0.99"))
	require.NoError(t, err)
	assert.InDelta(t, 0.9999901494, a5.Up, 1e-10, "A(5, 0.99)")
	a1, _ := ha.QuorumAvailability(1, ha.MustParseProb("0.99"))
	a2, _ := ha.QuorumAvailability(2, ha.MustParseProb("0.99"))
	assert.Less(t, a2.Up, a1.Up, "A(2, 0.99) < A(1, 0.99)")
}

// Heidi Howard: with p < 0.5, adding members lowers availability.
func TestAddingMembersBelowHalf(t *testing.T) {
	for _, p := range []string{"0.1", "0.3", "0.49"} {
		t.Run(p, func(t *testing.T) {
			prev := 2.0
			for n := 1; n <= 9; n += 2 {
				a, err := ha.QuorumAvailability(n, ha.MustParseProb(p))
				require.NoError(t, err)
				assert.Less(t, a.Up, prev, "A(%d, %s) should fall", n, p)
				prev = a.Up
			}
		})
	}
}

// At p = 0.9999 and N = 9 the unavailability is about 1.26e-18: far below
// float64's spacing near 1. Down must still match the exact rational.
func TestNoCancellation(t *testing.T) {
	for _, n := range []int{3, 5, 7, 9} {
		t.Run(itoa(n), func(t *testing.T) {
			p := big.NewRat(9999, 10000)
			exact, err := ha.ExactMajority(n, p)
			require.NoError(t, err)
			wantDown, _ := new(big.Rat).Sub(big.NewRat(1, 1), exact).Float64()
			got, err := ha.QuorumAvailability(n, ha.MustParseProb("0.9999"))
			require.NoError(t, err)
			assert.InEpsilon(t, wantDown, got.Down, 1e-12, "Down of A(%d, 0.9999)", n)
			wantUp, _ := exact.Float64()
			assert.InDelta(t, wantUp, got.Up, 2.3e-16, "Up of A(%d, 0.9999)", n)
			assert.LessOrEqual(t, got.Up, 1.0)
		})
	}
}

func TestZoneCorrelatedModel(t *testing.T) {
	node := ha.MustParseProb("0.99")
	zone := ha.MustParseProb("0.999")
	// Zones that never fail reduce to the binomial.
	plain, _ := ha.QuorumAvailability(3, node)
	z, err := ha.Compute(ha.Tier{Members: 3, Zones: 3}, ha.Model{Node: node})
	require.NoError(t, err)
	assert.InDelta(t, plain.Up, z.Up, 1e-15)

	// Three members over three zones: one per zone, so each member is up with
	// z·p independently.
	zp := 0.999 * 0.99
	want := 3*zp*zp*(1-zp) + zp*zp*zp
	got, err := ha.Compute(ha.Tier{Members: 3, Zones: 3}, ha.Model{Node: node, Zone: zone})
	require.NoError(t, err)
	assert.InDelta(t, want, got.Up, 1e-14, "3 over 3 zones")

	// Three over two zones: losing the zone with two members loses quorum.
	two, err := ha.Compute(ha.Tier{Members: 3, Zones: 2}, ha.Model{Node: node, Zone: zone})
	require.NoError(t, err)
	assert.Less(t, two.Up, got.Up, "3 over 2 zones is worse than 3 over 3")

	// Worker tier: 6 workers over 3 zones, 4 needed.
	w, err := ha.Compute(ha.Tier{Members: 6, Need: 4, Zones: 3}, ha.Model{Node: node, Zone: zone})
	require.NoError(t, err)
	assert.Greater(t, w.Up, 0.999)
	assert.InDelta(t, 1, w.Up+w.Down, 1e-15)

	// Large tiers take the logarithmic path and still sum to one.
	big, err := ha.Compute(ha.Tier{Members: 3000, Need: 2000, Zones: 3}, ha.Model{Node: node, Zone: zone})
	require.NoError(t, err)
	assert.InDelta(t, 1, big.Up+big.Down, 1e-9)
}

func TestDowntimeMinutes(t *testing.T) {
	a := ha.Availability{Up: 0.9999, Down: 0.0001}
	assert.InDelta(t, 4.38, a.DowntimeMinutes(), 1e-9, "99.99%% over 730 h")
}

func TestProb(t *testing.T) {
	tests := []struct {
		in       string
		up, down float64
		wantErr  string
	}{
		{in: "0.9999", up: 0.9999, down: 0.0001},
		{in: "99.95%", up: 0.9995, down: 0.0005},
		{in: "1e-4", up: 0.0001, down: 0.9999},
		{in: "1", up: 1, down: 0},
		{in: "1.5", wantErr: `ha: probability: "1.5" is outside [0, 1]`},
		{in: "-0.1", wantErr: `ha: probability: "-0.1" is outside [0, 1]`},
		{in: "abc", wantErr: `ha: probability: "abc" is not a number`},
		{in: "", wantErr: `ha: probability: "" is not a number`},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, err := ha.ParseProb(tc.in)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Equal(t, tc.wantErr, err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.up, p.Up(), "ParseProb(%q).Up()", tc.in)
			assert.Equal(t, tc.down, p.Down(), "ParseProb(%q).Down()", tc.in)
		})
	}
	// A float is read as the decimal a person wrote.
	p, err := ha.NewProb(0.99)
	require.NoError(t, err)
	assert.Equal(t, 0.01, p.Down(), "NewProb(0.99).Down()")
	q, err := ha.NewProbDown(1e-12)
	require.NoError(t, err)
	assert.Equal(t, 1e-12, q.Down())
	assert.Equal(t, 0.999999999999, q.Up())
	for _, bad := range []float64{-0.5, 1.01, math.NaN()} {
		_, err := ha.NewProb(bad)
		assert.Error(t, err, "NewProb(%v)", bad)
		_, err = ha.NewProbDown(bad)
		assert.Error(t, err, "NewProbDown(%v)", bad)
	}
	_, err = ha.Compute(ha.Tier{Members: 3}, ha.Model{})
	assert.EqualError(t, err, "ha: node_availability: 0/0 is not set")
}

// The zone model against brute-force enumeration of every zone and node state.
func TestZoneModelByEnumeration(t *testing.T) {
	tests := []struct {
		members, zones, need int
		p, z                 float64
	}{
		{3, 2, 0, 0.99, 0.999},
		{3, 3, 0, 0.99, 0.999},
		{5, 3, 0, 0.95, 0.99},
		{7, 3, 0, 0.9, 0.995},
		{6, 3, 4, 0.97, 0.99},
		{4, 2, 1, 0.5, 0.5},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.members)+"over"+itoa(tc.zones), func(t *testing.T) {
			counts, err := ha.Spread(tc.members, tc.zones)
			require.NoError(t, err)
			need := tc.need
			if need == 0 {
				need = ha.Majority(tc.members)
			}
			zoneOf := []int{}
			for z, c := range counts {
				for range c {
					zoneOf = append(zoneOf, z)
				}
			}
			want := 0.0
			for zs := 0; zs < 1<<tc.zones; zs++ {
				for ns := 0; ns < 1<<tc.members; ns++ {
					pr, up := 1.0, 0
					for z := range tc.zones {
						if zs>>z&1 == 1 {
							pr *= tc.z
						} else {
							pr *= 1 - tc.z
						}
					}
					for i := range tc.members {
						nodeUp := ns>>i&1 == 1
						if zs>>zoneOf[i]&1 == 0 {
							if nodeUp {
								pr = 0 // a node in a down zone is down
							}
							continue
						}
						if nodeUp {
							pr *= tc.p
							up++
						} else {
							pr *= 1 - tc.p
						}
					}
					if up >= need {
						want += pr
					}
				}
			}
			m := ha.Model{Node: mustProb(t, tc.p), Zone: mustProb(t, tc.z)}
			got, err := ha.Compute(ha.Tier{Members: tc.members, Need: tc.need, Zones: tc.zones}, m)
			require.NoError(t, err)
			assert.InDelta(t, want, got.Up, 1e-13, "Compute(%+v)", tc)
		})
	}
}

func mustProb(t *testing.T, p float64) ha.Prob {
	t.Helper()
	v, err := ha.NewProb(p)
	require.NoError(t, err)
	return v
}
