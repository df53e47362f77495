package ha_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
)

// binomialTail is P(Binomial(n, a/d) ≥ need), exactly: the sum over j ≥
// need of C(n, j)·a^j·(d−a)^(n−j), over d^n. It is written from the formula
// of limits-ha.md §7 with big integers only, so that it shares nothing with
// the package's float code or its ExactMajority.
func binomialTail(n, need int, a, d int64) *big.Rat {
	num := new(big.Int)
	for j := max(need, 0); j <= n; j++ {
		term := new(big.Int).Binomial(int64(n), int64(j))
		term.Mul(term, new(big.Int).Exp(big.NewInt(a), big.NewInt(int64(j)), nil))
		term.Mul(term, new(big.Int).Exp(big.NewInt(d-a), big.NewInt(int64(n-j)), nil))
		num.Add(num, term)
	}
	return new(big.Rat).SetFrac(num, new(big.Int).Exp(big.NewInt(d), big.NewInt(int64(n)), nil))
}

func ratFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}

// The majority table of the etcd FAQ, the Docker admin guide and Nomad
// (limits-ha.md §2, §3, §6) is ⌊n/2⌋+1 up, ⌊(n−1)/2⌋ tolerated, for any n:
// here at the smallest tier and at the largest the package accepts
// (10,000, far above the 5,000-node Kubernetes envelope).
func TestNewQuorumAtTheEdges(t *testing.T) {
	tests := []struct {
		members, majority, tolerated int
		warnings                     []string
	}{
		{1, 1, 0, []string{ha.WarnSingleMember}},
		{9999, 5000, 4999, []string{ha.WarnAboveSeven}},
		{10000, 5001, 4999, []string{ha.WarnEvenMembers, ha.WarnAboveSeven}},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.members), func(t *testing.T) {
			q, err := ha.NewQuorum(tc.members)
			require.NoError(t, err)
			assert.Equal(t, tc.majority, q.Majority, "NewQuorum(%d).Majority = %d, want %d", tc.members, q.Majority, tc.majority)
			assert.Equal(t, tc.majority, ha.Majority(tc.members), "Majority(%d)", tc.members)
			assert.Equal(t, tc.tolerated, q.Tolerated, "NewQuorum(%d).Tolerated = %d, want %d", tc.members, q.Tolerated, tc.tolerated)
			var codes []string
			for _, w := range q.Warnings {
				codes = append(codes, w.Code)
			}
			assert.Equal(t, tc.warnings, codes, "NewQuorum(%d).Warnings", tc.members)
		})
	}
	_, err := ha.NewQuorum(10001)
	assert.EqualError(t, err, "ha: members: 10001 exceeds 10000")
}

// halfMajority is P(Binomial(n, ½) ≥ n/2 + 1) for even n, by symmetry:
// the two tails are equal and the middle term C(n, n/2)/2^n is the rest,
// so the upper tail is ½ − C(n, n/2)/2^(n+1).
func halfMajority(n int64) *big.Rat {
	mid := new(big.Rat).SetFrac(new(big.Int).Binomial(n, n/2), new(big.Int).Lsh(big.NewInt(1), uint(n+1)))
	return mid.Sub(big.NewRat(1, 2), mid)
}

// Tiers of more than 500 members per zone take binomialPMF's logarithmic
// path, which only the golden reports used to check. Each case is compared
// with an exact value. lgamma(n+1) carries a rounding error near
// lgamma(n+1) × 2^-53 and every log-path term inherits it: about 7e-13 at
// n = 1,000 (lgamma ≈ 5,912) and 9e-12 at n = 10,000 (≈ 82,109), so the
// float result is held to 1e-11 and 5e-11 relative; a wrong term is off by
// far more.
func TestAvailabilityOver500PerZone(t *testing.T) {
	require.Zero(t, halfMajority(1000).Cmp(binomialTail(1000, 501, 1, 2)), "½ − C(1000,500)/2^1001 is the tail")
	z := big.NewRat(9999, 10000)

	tests := []struct {
		name  string
		tier  ha.Tier
		model ha.Model
		want  *big.Rat
		tol   float64
	}{
		// ≈ 0.48738750.
		{"1,000 members, p = 0.5, majority", ha.Tier{Members: 1000},
			ha.Model{Node: ha.MustParseProb("0.5")}, halfMajority(1000), 1e-11},
		// The largest tier the package accepts.
		{"10,000 members, p = 0.5, majority", ha.Tier{Members: 10000},
			ha.Model{Node: ha.MustParseProb("0.5")}, halfMajority(10000), 5e-11},
		// Need 985 of 1,000 at p = 0.99: mean 990, so the answer is far
		// from 0 and 1 and every digit is the tail's.
		{"1,000 members, p = 0.99, 985 needed", ha.Tier{Members: 1000, Need: 985},
			ha.Model{Node: ha.MustParseProb("0.99")}, binomialTail(1000, 985, 99, 100), 1e-11},
		// 600 in each of two zones, 1,185 needed: both zones must be up
		// (one zone holds only 600), then the 1,200 must leave 1,185.
		{"1,200 over 2 zones, 1,185 needed", ha.Tier{Members: 1200, Need: 1185, Zones: 2},
			ha.Model{Node: ha.MustParseProb("0.99"), Zone: ha.MustParseProb("0.9999")},
			new(big.Rat).Mul(new(big.Rat).Mul(z, z), binomialTail(1200, 1185, 99, 100)), 1e-11},
		// 501, the first size on the logarithmic path, next to 500.
		{"501 members, p = 0.5", ha.Tier{Members: 501},
			ha.Model{Node: ha.MustParseProb("0.5")}, binomialTail(501, 251, 1, 2), 1e-11},
		{"500 members, p = 0.5", ha.Tier{Members: 500},
			ha.Model{Node: ha.MustParseProb("0.5")}, binomialTail(500, 251, 1, 2), 1e-11},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ha.Compute(tc.tier, tc.model)
			require.NoError(t, err)
			want := ratFloat(tc.want)
			wantDown := ratFloat(new(big.Rat).Sub(big.NewRat(1, 1), tc.want))
			assert.InEpsilon(t, want, got.Up, tc.tol, "Compute(%+v).Up = %v, want %v", tc.tier, got.Up, want)
			assert.InEpsilon(t, wantDown, got.Down, tc.tol, "Compute(%+v).Down = %v, want %v", tc.tier, got.Down, wantDown)
		})
	}
}

// The worker tiers of the cluster-3000-nodes report, which only its golden
// guarded: 3,000 workers over 3 zones (1,000 each), nodes up with 0.995 and
// zones with 0.9999. Inside an up zone the binomial tail is negligible
// (fewer than 1,787 of 2,000 nodes up at p = 0.995 is below 10^-100), so
// the answer is a count of lost zones:
//
//   - 893 needed: any one zone of 1,000 holds the peak; only losing all
//     three fails, Down = (10^-4)^3 = 10^-12, Up = 0.999999999999.
//   - 1,787 needed (ECS awsvpc, two tasks a node): two zones must stay up,
//     Up = z³ + 3z²(1−z) = 1 − 3(1−z)² + 2(1−z)³ = 1 − 3·10^-8 + 2·10^-12
//     = 0.999999970002.
func TestWorkerAvailabilityOf3000Nodes(t *testing.T) {
	m := ha.Model{Node: ha.MustParseProb("0.995"), Zone: ha.MustParseProb("0.9999")}
	tests := []struct {
		need     int
		up, down float64
	}{
		{893, 0.999999999999, 1e-12},
		{1787, 0.999999970002, 2.9998e-8},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.need), func(t *testing.T) {
			got, err := ha.Compute(ha.Tier{Members: 3000, Need: tc.need, Zones: 3}, m)
			require.NoError(t, err)
			assert.InDelta(t, tc.up, got.Up, 1e-15, "Compute(3000 over 3, need %d).Up = %v, want %v", tc.need, got.Up, tc.up)
			assert.InEpsilon(t, tc.down, got.Down, 1e-9, "Compute(3000 over 3, need %d).Down = %v, want %v", tc.need, got.Down, tc.down)
		})
	}
	// The same through Summarize, as the report gets it.
	s, err := ha.Summarize(ha.Topology{Platform: "kubernetes", Managers: 5, Zones: 3, Workers: 3000, WorkersNeeded: 893}, m)
	require.NoError(t, err)
	require.NotNil(t, s.WorkerAvailability)
	assert.InDelta(t, 0.999999999999, *s.WorkerAvailability, 1e-15, "Summarize(3000 workers, 893 needed).WorkerAvailability")
}

// Topologies at the smallest and largest sizes the package accepts: one
// manager in one zone, and 10,000 managers or workers over 26 zones (a to
// z). Round-robin puts 10,000 over 26 as 16 zones of 385 and 10 of 384
// (26 × 384 = 9,984), so losing a fullest zone leaves 9,615.
func TestSummarizeAtTheEdges(t *testing.T) {
	tests := []struct {
		name        string
		topo        ha.Topology
		quorum      *int
		survives    bool
		workersLeft *int
		warnings    []string
		err         string
	}{
		{"one manager, one zone", ha.Topology{Platform: "swarm", Managers: 1}, ptr(1), false, nil,
			[]string{ha.WarnSingleMember, ha.WarnZoneLoss}, ""},
		{"10,000 managers over 26 zones", ha.Topology{Platform: "swarm", Managers: 10000, Zones: 26}, ptr(5001), true, nil,
			[]string{ha.WarnEvenMembers, ha.WarnAboveSeven}, ""},
		// Zones may outnumber the managers: 3 managers in zones a, b, c.
		{"3 managers over 26 zones", ha.Topology{Platform: "nomad", Managers: 3, Zones: 26}, ptr(2), true, nil, nil, ""},
		{"10,000 workers over 26 zones", ha.Topology{Platform: "eks", Zones: 26, Workers: 10000, WorkersNeeded: 9615}, nil, true, ptr(9615), nil, ""},
		{"one worker too many needed", ha.Topology{Platform: "eks", Zones: 26, Workers: 10000, WorkersNeeded: 9616}, nil, false, ptr(9615),
			[]string{ha.WarnPeakNotFit}, ""},
		{"one worker", ha.Topology{Platform: "ecs-ec2", Workers: 1}, nil, false, ptr(0), nil, ""},
		{"10,001 managers", ha.Topology{Platform: "swarm", Managers: 10001}, nil, false, nil, nil,
			"ha: managers: 10001 is outside [0, 10000] (swarm runs its own control plane; 0 = not given)"},
		{"10,001 workers", ha.Topology{Platform: "eks", Workers: 10001}, nil, false, nil, nil,
			"ha: workers: 10001 is outside [0, 10000]"},
		{"27 zones", ha.Topology{Platform: "swarm", Managers: 3, Zones: 27}, nil, false, nil, nil,
			"ha: zones: 27 is outside [1, 26]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ha.Summarize(tc.topo, ha.Model{})
			if tc.err != "" {
				assert.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.quorum, s.Quorum, "Summarize(%+v).Quorum", tc.topo)
			require.NotNil(t, s.SurvivesZoneLoss)
			assert.Equal(t, tc.survives, *s.SurvivesZoneLoss, "Summarize(%+v).SurvivesZoneLoss", tc.topo)
			assert.Equal(t, tc.workersLeft, s.WorkersAfterZoneLoss, "Summarize(%+v).WorkersAfterZoneLoss", tc.topo)
			var codes []string
			for _, w := range s.Warnings {
				codes = append(codes, w.Code)
			}
			assert.Equal(t, tc.warnings, codes, "Summarize(%+v).Warnings", tc.topo)
		})
	}
}

func TestZonesAtTheEdges(t *testing.T) {
	one, err := ha.Spread(7, 1)
	require.NoError(t, err)
	assert.Equal(t, []int{7}, one, "Spread(7, 1)")
	all, err := ha.Spread(26, 26)
	require.NoError(t, err)
	for z, n := range all {
		assert.Equal(t, 1, n, "Spread(26, 26)[%d]", z)
	}
	big, err := ha.Spread(10000, 26)
	require.NoError(t, err)
	assert.Equal(t, 385, big[0], "Spread(10000, 26)[0]")
	assert.Equal(t, 385, big[15], "Spread(10000, 26)[15]")
	assert.Equal(t, 384, big[16], "Spread(10000, 26)[16]")
	assert.Equal(t, 384, big[25], "Spread(10000, 26)[25]")
	_, err = ha.Spread(10001, 26)
	assert.EqualError(t, err, "ha: members: 10001 exceeds 10000")

	for _, tc := range []struct {
		z    int
		name string
	}{{0, "a"}, {1, "b"}, {25, "z"}, {26, "z26"}} {
		assert.Equal(t, tc.name, ha.ZoneName(tc.z), "ZoneName(%d)", tc.z)
	}
	// Member i is in zone (i − 1) mod zones.
	assert.Equal(t, 0, ha.ZoneOf(1, 26), "ZoneOf(1, 26)")
	assert.Equal(t, 25, ha.ZoneOf(26, 26), "ZoneOf(26, 26)")
	assert.Equal(t, 0, ha.ZoneOf(27, 26), "ZoneOf(27, 26)")
	assert.Equal(t, 0, ha.ZoneOf(5, 1), "ZoneOf(5, 1)")

	// The last of 26 zones is z; with 25 it does not exist.
	steps, err := ha.ParseSteps("zone:z")
	require.NoError(t, err)
	got, err := ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 26, Zones: 26}, steps)
	require.NoError(t, err)
	assert.Equal(t, []string{"z"}, got[1].ZonesDown)
	assert.Equal(t, 25, *got[1].ManagersUp, "manager 26 is in zone z")
	_, err = ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 25, Zones: 25}, steps)
	assert.EqualError(t, err, "ha: steps[1]: zone:z is outside zones a..y")
}

// Step numbers run from 1 to 10,000, the largest tier.
func TestStepsAtTheEdges(t *testing.T) {
	steps, err := ha.ParseSteps("manager:10000,worker:1")
	require.NoError(t, err)
	assert.Equal(t, []ha.Step{{Kind: ha.LoseManager, Index: 10000}, {Kind: ha.LoseWorker, Index: 1}}, steps)
	got, err := ha.WhatIf(ha.Topology{Platform: "nomad", Managers: 10000, Workers: 1}, steps)
	require.NoError(t, err)
	assert.Equal(t, 9999, *got[1].ManagersUp, "after manager:10000")
	assert.Equal(t, 0, *got[2].WorkersUp, "after worker:1")
	_, err = ha.ParseSteps("manager:10001")
	assert.EqualError(t, err, `ha: steps[1]: "manager:10001" needs a number from 1 to 10000, such as manager:2`)
	_, err = ha.WhatIf(ha.Topology{Platform: "nomad", Managers: 1, Workers: 1}, []ha.Step{{Kind: ha.LoseWorker, Index: 2}})
	assert.EqualError(t, err, "ha: steps[1]: worker:2 is outside workers 1..1")
}

func TestWorkersNeededAtTheEdges(t *testing.T) {
	for _, tc := range []struct {
		peak, per float64
		want      int
		err       string
	}{
		{0, 1, 0, ""},
		{10000, 1, 10000, ""},
		{9999.5, 1, 10000, ""},
		{10000.5, 1, 0, "ha: peak: 10000.5 needs 10001 workers, more than 10000"},
		{1, 1e300, 1, ""},
	} {
		got, err := ha.WorkersNeeded(tc.peak, tc.per)
		if tc.err != "" {
			assert.EqualError(t, err, tc.err, "WorkersNeeded(%v, %v)", tc.peak, tc.per)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "WorkersNeeded(%v, %v) = %d, want %d", tc.peak, tc.per, got, tc.want)
	}
}

// The failure model at its ends: nodes or zones that never fail and that
// always do, and a tier needing one member or all of them. 3 members,
// one a zone, p = 0.99, z = 0.999 unless said:
//
//   - need 1: down only if all are, (1 − zp)^3 with zp = 0.999 × 0.99;
//   - need 3: up only if all are, zp^3;
//   - p = 1: only zones fail, majority up = z³ + 3z²(1 − z);
//   - p = 0 or z = 0: nothing is ever up.
func TestComputeAtTheEdges(t *testing.T) {
	p, z := ha.MustParseProb("0.99"), ha.MustParseProb("0.999")
	zp := 0.999 * 0.99
	tests := []struct {
		name  string
		tier  ha.Tier
		model ha.Model
		up    float64
	}{
		{"need 1", ha.Tier{Members: 3, Need: 1, Zones: 3}, ha.Model{Node: p, Zone: z}, 1 - (1-zp)*(1-zp)*(1-zp)},
		{"need all 3", ha.Tier{Members: 3, Need: 3, Zones: 3}, ha.Model{Node: p, Zone: z}, zp * zp * zp},
		{"nodes never fail", ha.Tier{Members: 3, Zones: 3}, ha.Model{Node: ha.MustParseProb("1"), Zone: z},
			0.999*0.999*0.999 + 3*0.999*0.999*0.001},
		{"nodes never fail, zones neither", ha.Tier{Members: 3, Zones: 3}, ha.Model{Node: ha.MustParseProb("1")}, 1},
		{"nodes always fail", ha.Tier{Members: 3, Zones: 3}, ha.Model{Node: ha.MustParseProb("0"), Zone: z}, 0},
		{"zones always fail", ha.Tier{Members: 3, Zones: 3}, ha.Model{Node: p, Zone: ha.MustParseProb("0")}, 0},
		{"one member, p = 1", ha.Tier{Members: 1}, ha.Model{Node: ha.MustParseProb("1")}, 1},
		{"one member, p = 0", ha.Tier{Members: 1}, ha.Model{Node: ha.MustParseProb("0")}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ha.Compute(tc.tier, tc.model)
			require.NoError(t, err)
			assert.InDelta(t, tc.up, got.Up, 1e-15, "Compute(%+v).Up = %v, want %v", tc.tier, got.Up, tc.up)
			assert.InDelta(t, 1-tc.up, got.Down, 1e-15, "Compute(%+v).Down = %v, want %v", tc.tier, got.Down, 1-tc.up)
		})
	}
	for _, tc := range []struct {
		tier ha.Tier
		want string
	}{
		{ha.Tier{Members: 3, Need: 4}, "ha: need: 4 is outside [1, members 3]"},
		{ha.Tier{Members: 3, Need: -1}, "ha: need: -1 is outside [1, members 3]"},
		{ha.Tier{Members: 3, Zones: 4}, "ha: zones: 4 exceeds members 3: a zone would be empty"},
		{ha.Tier{Members: 0}, "ha: members: 0 must be at least 1"},
		{ha.Tier{Members: 10001}, "ha: members: 10001 exceeds 10000"},
	} {
		_, err := ha.Compute(tc.tier, ha.Model{Node: p})
		assert.EqualError(t, err, tc.want, "Compute(%+v)", tc.tier)
	}
}
