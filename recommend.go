package runwhere

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// The recommendation scores every platform from 0 to 1 on five criteria
// and ranks the feasible ones by the weighted mean (weights: [Weights]).
// Each criterion is computed from figures in the report, so a reader can
// check it:
//
//   - cost: the cheapest feasible monthly cost divided by this one's;
//   - headroom: 1 − the largest share of a limit that no request raises
//     (a hard limit or a tested envelope: nodes and pods per cluster) the
//     workload uses; 0 when an envelope is already reached; at most 0.5
//     for a node fleet on a platform that publishes no node ceiling
//     (Swarm, Nomad), since no envelope is not proof of headroom. An
//     adjustable quota (Lambda's concurrent executions, Fargate's vCPUs
//     per Region) advises and never decides: a workload past one gets a
//     warning naming the quota and the value to ask for, and a reason
//     line, but keeps its headroom — a default that AWS raises on request
//     says nothing about where the platform stops;
//   - resilience: 1 − expected (self-managed) or allowed (SLA) monthly
//     control-plane downtime ÷ 43.8 minutes (a 99.9 % month), halved when
//     the platform does not survive the loss of a zone (its control plane
//     loses quorum, or the workers left cannot carry the peak);
//   - operations: 1, less 0.5 when the team runs the control plane, 0.3
//     when it runs the worker machines, 0.2 when the platform has no
//     autoscaling of its own;
//   - portability: 1 when the configuration runs on any infrastructure,
//     0 when it is AWS-only.
//
// The weighted mean is exact (whole-number arithmetic on the decimal
// weights, rounded half up to 4 places), so only the weights' ratios count
// and a weight of any size decides the ranking when it is the only one
// above zero; see [weightUnits] for the one approximation.
func (e *env) recommend(reports []PlatformReport) Recommendation {
	ranking := e.ranking(reports)
	rec := Recommendation{Ranking: ranking, Reasons: []string{}}
	if len(ranking) == 0 || !ranking[0].Feasible {
		rec.Reasons = append(rec.Reasons, "No platform of the scenario can run this workload; see each platform's blockers.")
		rec.Reasons = append(rec.Reasons, e.blockedReasons(reports)...)
		return e.noted(rec)
	}
	rec.Platform = ranking[0].Platform
	rec.Reasons = e.reasons(ranking, reports)
	return e.noted(rec)
}

// rank is the platform the recommendation names, without its reasons:
// "" when none can run the workload.
func (e *env) rank(reports []PlatformReport) platform.ID {
	ranking := e.ranking(reports)
	if len(ranking) == 0 || !ranking[0].Feasible {
		return ""
	}
	return ranking[0].Platform
}

// ranking scores the platforms, feasible ones first, best first.
func (e *env) ranking(reports []PlatformReport) []Ranked {
	units, sum := weightUnits(e.s.Weights)
	cheapest := decimal.Zero
	haveCheapest := false
	for _, r := range reports {
		if r.Feasible && (!haveCheapest || r.MonthlyCost.LessThan(cheapest)) {
			cheapest, haveCheapest = r.MonthlyCost, true
		}
	}
	ranking := make([]Ranked, 0, len(reports))
	for _, r := range reports {
		c := e.criteria(r, cheapest)
		score := 0.0
		if r.Feasible && sum.Sign() > 0 {
			score = weightedMean(units, sum, c)
		}
		ranking = append(ranking, Ranked{Platform: r.Platform, Score: score, Feasible: r.Feasible, Criteria: c})
	}
	slices.SortStableFunc(ranking, func(a, b Ranked) int {
		if a.Feasible != b.Feasible {
			if a.Feasible {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.Score, a.Score)
	})
	return ranking
}

// noted puts what runwhere changed in the scenario (a peak below the mean)
// before the reasons, where a person reads first.
func (e *env) noted(rec Recommendation) Recommendation {
	if e.note != "" {
		rec.Reasons = append([]string{e.note}, rec.Reasons...)
	}
	return rec
}

// weightOrders is how far below the largest weight, in orders of
// magnitude, a weight may lie and still enter the weighted mean. A smaller
// one moves a score by less than 10^-(weightOrders-1), which a score kept
// to 4 decimals cannot show (short of an exact tie at the fifth); leaving
// it out bounds the arithmetic to numbers of about weightOrders digits
// whatever exponents a Go caller writes. 1000 is far past the 10^114 that
// the scenario parser's bounds (exponents within ±40, 34 significant
// digits) allow between two weights, so every weight it accepts counts
// exactly.
const weightOrders = 1000

// weightUnits returns the weights (cost, headroom, resilience, operations,
// portability) as whole multiples of one power of ten, and their sum: nil
// for a weight not above zero or more than weightOrders orders below the
// largest. The weighted mean depends only on the weights' ratios, which
// whole multiples of a common unit keep exactly. Sizes are read from
// exponents and digit counts, never by comparing values, so a weight of
// 1e-5000 (which float64 reads as 0) or 1e-999999999 costs what 1 does.
func weightUnits(wt *Weights) ([5]*big.Int, *big.Int) {
	var ws [5]decimal.Decimal
	if wt != nil {
		for i, p := range []*decimal.Decimal{wt.Cost, wt.Headroom, wt.Resilience, wt.Operations, wt.Portability} {
			if p != nil {
				ws[i] = *p
			}
		}
	}
	var mags [5]int64
	top, unit, found := int64(math.MinInt64), int64(math.MaxInt64), false
	for i, w := range ws {
		if w.Sign() > 0 {
			mags[i] = int64(w.Exponent()) + int64(len(w.Coefficient().String())) - 1
			top, found = max(top, mags[i]), true
		}
	}
	keep := func(i int) bool { return found && ws[i].Sign() > 0 && mags[i] >= top-weightOrders }
	for i, w := range ws {
		if keep(i) {
			unit = min(unit, int64(w.Exponent()))
		}
	}
	var units [5]*big.Int
	sum := new(big.Int)
	for i, w := range ws {
		if !keep(i) {
			continue
		}
		// 0 ≤ shift ≤ weightOrders + the weight's digit count.
		shift := big.NewInt(int64(w.Exponent()) - unit)
		units[i] = new(big.Int).Mul(w.Coefficient(), shift.Exp(big.NewInt(10), shift, nil))
		sum.Add(sum, units[i])
	}
	return units, sum
}

// weightedMean is Σ unitᵢ·criterionᵢ / Σ unitᵢ rounded half up to 4
// decimals, computed exactly: criteria are kept to 4 decimals, so
// criterion×10⁴ is a whole number, and the mean in units of 10⁻⁴ is one
// whole-number division.
func weightedMean(units [5]*big.Int, sum *big.Int, c Criteria) float64 {
	var total, term big.Int
	for i, v := range []float64{c.Cost, c.Headroom, c.Resilience, c.Operations, c.Portability} {
		if units[i] == nil || !(v > 0) {
			continue
		}
		term.SetInt64(int64(math.Round(min(v, 1) * 1e4)))
		total.Add(&total, term.Mul(&term, units[i]))
	}
	var q, r big.Int
	q.QuoRem(&total, sum, &r)
	if r.Lsh(&r, 1).Cmp(sum) >= 0 {
		q.Add(&q, big.NewInt(1))
	}
	return float64(q.Int64()) / 1e4
}

func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

func clamp01(f float64) float64 { return max(0, min(1, f)) }

// minutesAt999 is the downtime a 99.9 % month allows: 0.1 % of
// platform.MinutesPerMonth, 43.8 minutes.
const minutesAt999 = float64(platform.MinutesPerMonth) / 1000

func (e *env) criteria(r PlatformReport, cheapest decimal.Decimal) Criteria {
	p, _ := e.platforms.Platform(r.Platform)
	var c Criteria
	if !r.Feasible {
		return c
	}
	switch {
	case r.MonthlyCost.IsZero():
		c.Cost = 1
	default:
		c.Cost = round4(cheapest.Div(r.MonthlyCost).InexactFloat64())
	}
	c.Headroom = round4(1 - e.limitShare(p, r))
	if r.Capacity.Nodes > 0 && p.Limits.NodesPerCluster == nil {
		// No published ceiling is not proof of headroom: neutral.
		c.Headroom = min(c.Headroom, 0.5)
	}
	if slices.ContainsFunc(r.Warnings, func(f capacity.Finding) bool {
		return strings.HasPrefix(string(f.Code), "max-") && f.Enforcement != platform.Quota
	}) {
		c.Headroom = 0 // an envelope is already reached
	}
	down := minutesAt999
	if r.HA.ControlPlaneDowntimeMinutes != nil {
		down = *r.HA.ControlPlaneDowntimeMinutes
	}
	c.Resilience = clamp01(1 - down/minutesAt999)
	if r.HA.SurvivesZoneLoss != nil && !*r.HA.SurvivesZoneLoss {
		c.Resilience /= 2
	}
	c.Resilience = round4(c.Resilience)
	ops := 1.0
	if p.ControlPlane.RunBy == platform.User {
		ops -= 0.5
	}
	if p.Workers.Value == platform.User {
		ops -= 0.3
	}
	if p.Features.Autoscaling.Value == platform.AutoscalingNone {
		ops -= 0.2
	}
	c.Operations = round4(max(0, ops))
	if p.Features.Portability.Value == platform.PortableAnywhere {
		c.Portability = 1
	}
	return c
}

// limitShare is the largest share of a published limit the workload uses,
// adjustable quotas aside (see the headroom criterion above).
func (e *env) limitShare(p platform.Platform, r PlatformReport) float64 {
	share := 0.0
	ratio := func(v decimal.Decimal, l *platform.Limit) {
		if l != nil && l.Value > 0 && l.Enforcement != platform.Quota {
			share = max(share, v.InexactFloat64()/float64(l.Value))
		}
	}
	cp := r.Capacity
	if cp.PeakConcurrency != nil {
		ratio(*cp.PeakConcurrency, p.Limits.Concurrency)
	}
	clusters := int64(max(cp.Clusters, 1))
	ratio(decimal.NewFromInt(int64(cp.Nodes)/clusters), p.Limits.NodesPerCluster)
	ratio(decimal.NewFromInt(int64(cp.Replicas)/clusters), p.Limits.PodsPerCluster)
	// Regional limits bind the tasks the provider runs (Fargate's): only
	// platforms whose entries publish them have them, and today's are
	// quotas, which ratio passes over.
	{
		ratio(decimal.NewFromInt(int64(cp.Replicas)), p.Limits.TasksPerRegion)
		if cp.TaskVCPU != nil {
			ratio(cp.TaskVCPU.Mul(decimal.NewFromInt(int64(cp.Replicas))), p.Limits.VCPUPerRegion)
		}
	}
	return clamp01(share)
}
