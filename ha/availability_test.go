package ha_test

import (
	"math"
	"math/big"
	"strings"
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

// Below p = ½ the tier is more often down than up, and Down is the side
// summed from the failure terms. For odd N, A(N, 1−p) = 1 − A(N, p) (a
// majority of up members at p is a minority of down members at 1 − p), so
// the unavailability at p = 0.1 is limits-ha.md §7's A(N, 0.9).
func TestQuorumAvailabilityBelowHalf(t *testing.T) {
	for _, tc := range []struct {
		n    int
		down float64 // A(n, 0.9) in limits-ha.md §7
	}{{1, 0.9}, {3, 0.972}, {5, 0.99144}, {7, 0.997272}} {
		t.Run(itoa(tc.n), func(t *testing.T) {
			got, err := ha.QuorumAvailability(tc.n, ha.MustParseProb("0.1"))
			require.NoError(t, err)
			assert.InDelta(t, tc.down, got.Down, 1e-15, "QuorumAvailability(%d, 0.1).Down = %v, want %v", tc.n, got.Down, tc.down)
			assert.InDelta(t, 1-tc.down, got.Up, 1e-15, "QuorumAvailability(%d, 0.1).Up = %v, want %v", tc.n, got.Up, 1-tc.down)
		})
	}
}

// ExactMajority at the ends of its range: one member is p itself, p = 0
// and p = 1 are certain, 1,000 members is the largest it takes. Expected
// values come from binomialTail (edges_test.go), not from the package.
func TestExactMajorityEdges(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		p    *big.Rat
		want *big.Rat
	}{
		{"one member", 1, big.NewRat(99, 100), big.NewRat(99, 100)},
		{"p = 0", 3, big.NewRat(0, 1), big.NewRat(0, 1)},
		{"p = 1", 3, big.NewRat(1, 1), big.NewRat(1, 1)},
		{"7 members at 0.999", 7, big.NewRat(999, 1000), binomialTail(7, 4, 999, 1000)},
		{"1,000 members at ½", 1000, big.NewRat(1, 2), halfMajority(1000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ha.ExactMajority(tc.n, tc.p)
			require.NoError(t, err)
			assert.Zero(t, tc.want.Cmp(got), "ExactMajority(%d, %s) = %s, want %s", tc.n, tc.p.RatString(), got.FloatString(20), tc.want.FloatString(20))
		})
	}
	// limits-ha.md §7 prints A(7, 0.999) as 0.999999999965.
	a7, _ := ha.ExactMajority(7, big.NewRat(999, 1000))
	assert.Equal(t, "0.999999999965", a7.FloatString(12))
	for _, tc := range []struct {
		name string
		n    int
		p    *big.Rat
		want string
	}{
		{"no members", 0, big.NewRat(1, 2), "ha: members: 0 is outside [1, 1000]"},
		{"1,001 members", 1001, big.NewRat(1, 2), "ha: members: 1001 is outside [1, 1000]"},
		{"p below 0", 3, big.NewRat(-1, 10), "ha: probability: -1/10 is outside [0, 1]"},
		{"p above 1", 3, big.NewRat(11, 10), "ha: probability: 11/10 is outside [0, 1]"},
		{"no p", 3, nil, "ha: probability: <nil> is outside [0, 1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ha.ExactMajority(tc.n, tc.p)
			assert.EqualError(t, err, tc.want)
		})
	}
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
		{in: "0", up: 0, down: 1},
		{in: "100%", up: 1, down: 0},
		{in: "0%", up: 0, down: 1},
		// Exponents of ±400 are the widest read; 10^-400 rounds to 0.
		{in: "1e-400", up: 0, down: 1},
		{in: "0e400", up: 0, down: 1},
		{in: "1e-401", wantErr: `ha: probability: "1e-401" is not a number`},
		{in: "0e401", wantErr: `ha: probability: "0e401" is not a number`},
		{in: "1e400", wantErr: `ha: probability: "1e400" is outside [0, 1]`},
		// 64 characters are read: 1 − 10^-62 keeps its down side, though
		// its up side rounds to 1. A 65th character is refused.
		{in: "0." + strings.Repeat("9", 62), up: 1, down: 1e-62},
		{in: "0." + strings.Repeat("9", 63), wantErr: `ha: probability: "0.` + strings.Repeat("9", 46) + `…" is not a number`},
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
	for _, tc := range []struct{ up, down float64 }{{0, 1}, {1, 0}} {
		p, err := ha.NewProb(tc.up)
		require.NoError(t, err, "NewProb(%v)", tc.up)
		assert.Equal(t, tc.down, p.Down(), "NewProb(%v).Down()", tc.up)
		q, err := ha.NewProbDown(tc.down)
		require.NoError(t, err, "NewProbDown(%v)", tc.down)
		assert.Equal(t, tc.up, q.Up(), "NewProbDown(%v).Up()", tc.down)
	}
	for _, bad := range []float64{-0.5, 1.01, math.NaN(), -1e-300, math.Nextafter(1, 2)} {
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
