package ha

import (
	"math"
	"math/big"

	"github.com/runwhere/runwhere/platform"
)

// MonthHours is the length of the month the project bills and measures
// downtime over: [platform.HoursPerMonth] (730).
const MonthHours = platform.HoursPerMonth

// Tier is a group of Members of which Need must be up, spread over Zones with
// [Spread]. Zero Need means a majority (⌊Members/2⌋+1); zero Zones means one.
type Tier struct {
	Members int `json:"members"`
	Need    int `json:"need,omitempty"`
	Zones   int `json:"zones,omitempty"`
}

// Model is the failure model: each node is up with Node, independently, given
// that its zone is up; each zone is up with Zone, independently of the others,
// and a zone that is down takes all its nodes with it. The zero Zone means
// zones do not fail (the plain binomial model).
type Model struct {
	Node Prob
	Zone Prob
}

// Availability is the probability that a tier is up, and its complement
// computed on its own (as a sum of failure terms), so that Down keeps its
// digits when Up rounds to 1.
type Availability struct {
	Up   float64 `json:"availability"`
	Down float64 `json:"unavailability"`
}

// DowntimeMinutes returns the expected minutes per 730-hour month that the
// tier is down: Down × 730 × 60.
func (a Availability) DowntimeMinutes() float64 { return a.Down * MonthHours * 60 }

// QuorumAvailability is A(N, p): the probability that a majority of n
// members, each up with p independently, is up — the upper tail of the
// binomial distribution. Its complement is summed over the failure tail.
func QuorumAvailability(n int, p Prob) (Availability, error) {
	return Compute(Tier{Members: n}, Model{Node: p})
}

// Compute returns the availability of tier t under model m. With zones, the
// distribution of up members is the convolution, zone by zone, of "the zone
// is down: none up" and "the zone is up: Binomial(members in zone, p)".
func Compute(t Tier, m Model) (Availability, error) {
	if err := checkMembers("members", t.Members); err != nil {
		return Availability{}, err
	}
	need := t.Need
	if need == 0 {
		need = Majority(t.Members)
	}
	if need < 0 || need > t.Members {
		return Availability{}, fieldErr("need", need, "is outside [1, members %d]", t.Members)
	}
	if m.Node.IsZero() {
		return Availability{}, fieldErr("node_availability", "0/0", "is not set")
	}
	counts, err := Spread(t.Members, max(t.Zones, 1))
	if err != nil {
		return Availability{}, err
	}
	zone := m.Zone
	if zone.IsZero() {
		zone = Prob{up: 1, down: 0}
	}
	dist := []float64{1}
	for _, c := range counts {
		dist = convolve(dist, zonePMF(c, m.Node, zone))
	}
	var a Availability
	for k, v := range dist {
		if k < need {
			a.Down += v
		} else {
			a.Up += v
		}
	}
	// The smaller side is the accurate one (a sum of small positive terms);
	// the larger is its complement, so Up never exceeds 1.
	if a.Down <= a.Up {
		a.Up = 1 - a.Down
	} else {
		a.Down = 1 - a.Up
	}
	return a, nil
}

// zonePMF is the distribution of up members in one zone of m members.
func zonePMF(m int, node, zone Prob) []float64 {
	pmf := binomialPMF(m, node)
	for i := range pmf {
		pmf[i] *= zone.up
	}
	pmf[0] += zone.down
	return pmf
}

// binomialPMF returns P(exactly j of m up) for j = 0..m. Both p and 1−p come
// from the Prob, so no term is formed by cancellation. Small m use exact
// products; large m work in logarithms to avoid overflow.
func binomialPMF(m int, p Prob) []float64 {
	pmf := make([]float64, m+1)
	switch {
	case p.up == 0:
		pmf[0] = 1
		return pmf
	case p.down == 0:
		pmf[m] = 1
		return pmf
	}
	if m <= 500 {
		c := 1.0 // C(m, j), built multiplicatively
		for j := 0; j <= m; j++ {
			if j > 0 {
				c = c * float64(m-j+1) / float64(j)
			}
			pmf[j] = c * math.Pow(p.up, float64(j)) * math.Pow(p.down, float64(m-j))
		}
		return pmf
	}
	lp, lq := math.Log(p.up), math.Log(p.down)
	lm, _ := math.Lgamma(float64(m + 1))
	for j := 0; j <= m; j++ {
		lj, _ := math.Lgamma(float64(j + 1))
		lk, _ := math.Lgamma(float64(m - j + 1))
		pmf[j] = math.Exp(lm - lj - lk + float64(j)*lp + float64(m-j)*lq)
	}
	return pmf
}

func convolve(a, b []float64) []float64 {
	out := make([]float64, len(a)+len(b)-1)
	for i, x := range a {
		if x == 0 {
			continue
		}
		for j, y := range b {
			// float64() forbids fusing into an FMA (Go spec), so results are
			// the same on every architecture.
			out[i+j] += float64(x * y)
		}
	}
	return out
}

// ExactMajority returns A(n, p) exactly as a rational number, for checking
// the float computation and for callers that want exact digits.
// It accepts n up to 1,000.
func ExactMajority(n int, p *big.Rat) (*big.Rat, error) {
	if n < 1 || n > 1000 {
		return nil, fieldErr("members", n, "is outside [1, 1000]")
	}
	if p == nil || p.Sign() < 0 || p.Cmp(big.NewRat(1, 1)) > 0 {
		return nil, fieldErr("probability", p, "is outside [0, 1]")
	}
	q := new(big.Rat).Sub(big.NewRat(1, 1), p)
	sum := new(big.Rat)
	c := big.NewInt(1)
	for k := 0; k <= n; k++ {
		if k > 0 {
			c.Mul(c, big.NewInt(int64(n-k+1)))
			c.Quo(c, big.NewInt(int64(k)))
		}
		if k < Majority(n) {
			continue
		}
		term := new(big.Rat).SetInt(c)
		term.Mul(term, ratPow(p, k))
		term.Mul(term, ratPow(q, n-k))
		sum.Add(sum, term)
	}
	return sum, nil
}

func ratPow(x *big.Rat, k int) *big.Rat {
	num := new(big.Int).Exp(x.Num(), big.NewInt(int64(k)), nil)
	den := new(big.Int).Exp(x.Denom(), big.NewInt(int64(k)), nil)
	return new(big.Rat).SetFrac(num, den)
}
