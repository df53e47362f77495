package cost

import (
	"fmt"
	"math/big"
	"slices"
	"sort"

	"github.com/shopspring/decimal"
)

// MaxFleetSteps bounds how many fleet steps a solve examines one by one near
// the curves' intersection; beyond it the solve fails rather than run long.
const MaxFleetSteps = 100000

// ErrTooManySteps is wrapped by a solve that would examine more than
// MaxFleetSteps fleet steps one by one: the two costs run within one
// step's price of each other over too long a stretch.
var ErrTooManySteps = fmt.Errorf("more than %d fleet steps to examine", MaxFleetSteps)

// Solve finds where the curve's cost equals the fleet's, exactly on each
// linear piece: no bisection. The curve may be a sum ([Curve.Add]) and the
// fleet a sum of steps ([Fleet.Steps]); every crossing is returned.
//
// Only the fleet steps where the two costs are within the sum of the
// units' prices of each other are examined one by one (outside that band
// the sign is known), so the work is proportional to the number of
// crossings, not to the number of steps.
func Solve(c Curve, f Fleet) (BreakEven, error) {
	if len(c.Breaks) == 0 || len(c.Breaks) != len(c.Values) || len(c.Breaks) != len(c.Slopes) {
		return BreakEven{}, fieldErr("curve", fmt.Sprint(len(c.Breaks)), "breaks do not match values and slopes")
	}
	if err := f.check(); err != nil {
		return BreakEven{}, err
	}
	s := newSolver(f)
	for i := range c.Breaks {
		var x1 *decimal.Decimal
		if i+1 < len(c.Breaks) {
			x1 = &c.Breaks[i+1]
		}
		if err := s.piece(c.Breaks[i], x1, c.Values[i], c.Slopes[i]); err != nil {
			return BreakEven{}, err
		}
	}
	return s.result(), nil
}

// loadTerm is a step that follows the load: P a unit, one unit per C
// requests past its plateau of m units, which ends at o + C·m (o is the
// step's offset).
//
// A step over z > 1 zones whose sum is closed ([Step.zoneSteps]) is one
// term too: its zones' steps (teeth) start o + i·s (i < z) and keep
// ⌈(f − i) / z⌉ units at least, f = c·z + d, so the first plateau to end
// is zone d's, at o + C·c + s·d: end. Past it every tooth is within one
// step of its own (a tooth still on its plateau of m_i units has
// x > o_i + C·(m_i − 1), because the teeth lie within one step C of each
// other), so each costs at least P·(x − o_i) / C and less than one P more,
// as a plain term past its plateau does: the bounds of [solver] hold with
// the teeth summed (Pa gains z·P, R gains z·P / C, O gains
// P·Σ o_i / C), and only the walk of the band's steps ([solver.stepsN])
// needs the teeth, which it counts and lists from the fleet's replicas.
type loadTerm struct {
	p, c, o, end, idle decimal.Decimal // idle = P·m, the plateau's cost
	m                  int             // the plateau's units
	// A step over zones: z > 1 of them, K = C / s replicas between two
	// steps of a tooth, s the requests a replica serves, f the floor.
	z, k, f int64
	s       decimal.Decimal
	// z·P and P·Σ o_i, the bounds' shares of a step over zones.
	pz, po decimal.Decimal
	// P, and the step its replicas or units are counted on (s over
	// zones, else C), split once for the integer counts.
	ps, ds split
}

// count is the term's units at a.x (just past it with a.right), as
// [Step.unitsAt] counts them, with the term's own K for a step over zones.
func (t *loadTerm) count(a *at) (int64, bool) {
	if !t.o.IsZero() {
		a = &at{x: a.x.Sub(t.o), right: a.right}
	}
	n, ok := int64(0), true
	if a.x.Sign() > 0 || (a.right && a.x.Sign() == 0) {
		n, ok = a.replicasSplit(t.ds)
	}
	if !ok {
		return 0, false
	}
	if t.z > 1 {
		return spreadInt(n/t.k, n%t.k, t.z, t.f), true
	}
	return max(int64(t.m), n), true
}

// solver walks the curve's pieces against the fleet.
//
// Past their plateaus the load terms j < k cost Σ P_j (⌊(x − o_j)/C_j⌋ + 1)
// on the open steps, which lies in (x·R − O, x·R − O + Pa] with
// R = Σ P_j / C_j, O = Σ P_j·o_j / C_j and Pa = Σ P_j. Scaled by D = C_0
// (so that a one-term fleet needs no division at all, as the single-step
// solver did), R·D lies in [qlo[k], qhi[k]] and O·D in [olo[k], ohi[k]]:
// exact for one term, bounds at DivScale places for more. Where the curve
// is below x·R − O it is certainly cheaper; where it is above
// x·R − O + Pa, certainly dearer. Only the band between is examined step
// by step, and bounds that are not exact only widen the band.
type solver struct {
	fixed decimal.Decimal // Fixed and the steps that do not follow the load
	terms []loadTerm      // by plateau end, ascending
	// Indexed by k, the number of terms past their plateau:
	idle     []decimal.Decimal // plateau cost of terms k..
	pa       []decimal.Decimal // Σ P_j, j < k
	qlo, qhi []decimal.Decimal // D · Σ P_j / C_j, j < k, rounded down and up
	olo, ohi []decimal.Decimal // D · Σ P_j·o_j / C_j, j < k, rounded down and up
	offsets  bool              // some term has an offset
	zones    bool              // some term is a step over zones
	edgeRate float64           // about the edges a request of all terms, Σ z / C
	// comb: every term has the same step C and plateau, and their offsets
	// lie within one step of each other (the zones of one fleet). The
	// solver then treats them as one term, whose bounds are their sums,
	// and walks the teeth's edges in their fixed cyclic order.
	comb  bool
	teeth []loadTerm // the comb's terms, by offset

	segs  []segment
	steps int
}

func newSolver(f Fleet) *solver {
	s := &solver{fixed: f.Fixed}
	var add func(st Step)
	add = func(st Step) {
		switch {
		case st.PerUnit.IsZero(): // charges nothing at any load
		case !st.RequestsPerUnit.IsPositive():
			s.fixed = addNonZero(s.fixed, st.PerUnit.Mul(decimal.NewFromInt(int64(st.MinUnits))))
		case st.Zones > 1:
			k, ok := st.zoneSteps()
			if !ok { // no closed form: the zones one by one (check bounds them)
				for _, t := range st.PerZone() {
					add(t)
				}
				return
			}
			z, f := int64(st.Zones), int64(st.MinUnits)
			zd := decimal.NewFromInt(z)
			// end = o + C·c + s·d; Σ o_i = z·o + s·z(z − 1)/2.
			end := addNonZero(mulInt(st.RequestsPerUnit, f/z), mulInt(st.ZoneOffset, f%z))
			sumO := mulInt(st.ZoneOffset, z*(z-1)/2)
			if !st.Offset.IsZero() {
				end, sumO = end.Add(st.Offset), sumO.Add(st.Offset.Mul(zd))
			}
			s.offsets = true
			s.zones = true
			s.terms = append(s.terms, loadTerm{
				p: st.PerUnit, c: st.RequestsPerUnit, o: st.Offset, end: end, idle: st.PerUnit.Mul(decimal.NewFromInt(f)), m: st.MinUnits,
				z: z, k: k, f: f, s: st.ZoneOffset,
				pz: st.PerUnit.Mul(zd), po: st.PerUnit.Mul(sumO),
			})
		default:
			end, idle := st.RequestsPerUnit, st.PerUnit // one unit, the usual floor
			if st.MinUnits != 1 {
				m := decimal.NewFromInt(int64(st.MinUnits))
				end, idle = st.RequestsPerUnit.Mul(m), st.PerUnit.Mul(m)
			}
			if !st.Offset.IsZero() {
				end = end.Add(st.Offset)
				s.offsets = true
			}
			s.terms = append(s.terms, loadTerm{p: st.PerUnit, c: st.RequestsPerUnit, o: st.Offset, end: end, idle: idle, m: st.MinUnits, z: 1, pz: st.PerUnit})
		}
	}
	add(f.first())
	for _, st := range f.Steps {
		add(st)
	}
	n := len(s.terms)
	if n == 0 {
		return s
	}
	for i := range s.terms {
		t := &s.terms[i]
		t.ps, t.ds = splitOf(t.p), splitOf(t.c)
		if t.z > 1 {
			t.ds = splitOf(t.s)
		}
	}
	if n > 1 {
		slices.SortStableFunc(s.terms, func(a, b loadTerm) int { return a.end.Cmp(b.end) })
		s.comb = !s.zones
		for _, t := range s.terms[1:] {
			if t.m != s.terms[0].m || !t.c.Equal(s.terms[0].c) {
				s.comb = false
				break
			}
		}
		if s.comb { // sorted by end, so by offset: the span is last − first
			s.comb = s.terms[n-1].o.Sub(s.terms[0].o).LessThan(s.terms[0].c)
		}
	}
	if s.comb {
		s.combine()
		return s
	}
	// The sums run on integers ([sum]): a decimal sum rescales through
	// big.Int.Exp at every term, which made the bounds of a fleet with a
	// term per load level cost more than its solve.
	all := make([]decimal.Decimal, 4*(n+1))
	s.idle, s.pa, s.qlo, s.qhi = all[:n+1], all[n+1:2*(n+1)], all[2*(n+1):3*(n+1)], all[3*(n+1):]
	s.idle[n], s.pa[0], s.qlo[0], s.qhi[0] = dZero, dZero, dZero, dZero
	if s.offsets {
		s.olo, s.ohi = make([]decimal.Decimal, n+1), make([]decimal.Decimal, n+1)
		s.olo[0], s.ohi[0] = dZero, dZero
	}
	for _, t := range s.terms {
		s.edgeRate += float64(t.z) / t.c.InexactFloat64()
	}
	var idle, pa, qlo, qhi, olo, ohi sum
	for k := n - 1; k >= 0; k-- {
		idle.add(s.terms[k].idle, 1)
		s.idle[k] = idle.decimal()
	}
	d := s.terms[0].c
	var lo, hi big.Int
	for k, t := range s.terms {
		// Terms with the first term's step (the zones of one fleet) need
		// no division: D / C = 1, and the sums stay exact.
		same := k == 0 || t.c.Equal(d)
		if s.offsets {
			// D·P·o / C.
			po := t.po
			if t.z == 1 {
				po = t.p.Mul(t.o)
			}
			if same {
				olo.add(po, 1)
				ohi.add(po, 1)
			} else {
				boundsOf(po.Mul(d), t.c, &lo, &hi)
				olo.addInt(&lo, -DivScale)
				ohi.addInt(&hi, -DivScale)
			}
			s.olo[k+1], s.ohi[k+1] = olo.decimal(), ohi.decimal()
		}
		// A step over zones weighs z·P (pz; P for the others).
		pa.add(t.pz, 1)
		if same {
			qlo.add(t.pz, 1)
			qhi.add(t.pz, 1)
		} else {
			boundsOf(t.pz.Mul(d), t.c, &lo, &hi)
			qlo.addInt(&lo, -DivScale)
			qhi.addInt(&hi, -DivScale)
		}
		s.pa[k+1], s.qlo[k+1], s.qhi[k+1] = pa.decimal(), qlo.decimal(), qhi.decimal()
	}
	return s
}

// combine makes a comb's teeth one term for the bounds: Σ P a step of C,
// its plateau ending where the first tooth's does. Past that point every
// tooth costs at least P·(x − o)/C and less than one P more (a tooth still
// on its plateau is less than one step from its end), so the bounds of
// [solver] hold with R = Σ P / C and O = Σ P·o / C; the step walk
// ([solver.combSteps]) prices each tooth exactly. The teeth share C = D,
// so every sum is exact.
func (s *solver) combine() {
	s.teeth = s.terms
	t0 := s.teeth[0]
	p, idle, po := dZero, dZero, dZero
	for _, t := range s.teeth {
		p, idle = p.Add(t.p), addNonZero(idle, t.idle)
		if !t.o.IsZero() {
			po = po.Add(t.p.Mul(t.o))
		}
	}
	s.terms = []loadTerm{{p: p, c: t0.c, o: t0.o, end: t0.end, idle: idle, m: t0.m, z: 1, pz: p, ps: splitOf(p), ds: t0.ds}}
	sums := []decimal.Decimal{idle, dZero, dZero, p, dZero, p, dZero, p, dZero, po, dZero, po}
	s.idle, s.pa, s.qlo, s.qhi = sums[0:2], sums[2:4], sums[4:6], sums[6:8]
	if s.offsets {
		s.olo, s.ohi = sums[8:10], sums[10:12]
	}
}

type segment struct {
	from decimal.Decimal
	side Side
}

func (s *solver) add(from decimal.Decimal, side Side) {
	if n := len(s.segs); n > 0 {
		if s.segs[n-1].side == side {
			return
		}
		if s.segs[n-1].from.Equal(from) {
			s.segs[n-1].side = side
			if n > 1 && s.segs[n-2].side == side {
				s.segs = s.segs[:n-1]
			}
			return
		}
	}
	s.segs = append(s.segs, segment{from, side})
}

func (sd Side) sign() int {
	switch sd {
	case Serverless:
		return -1
	case Server:
		return 1
	}
	return 0
}

func sideOf(d decimal.Decimal) Side {
	switch d.Sign() {
	case -1:
		return Serverless
	case 1:
		return Server
	}
	return Tie
}

// constant handles [x0, x1) (x1 nil: no end) where the curve costs
// v0 + sl(x − x0) and the fleet costs srv.
func (s *solver) constant(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl, srv decimal.Decimal) {
	d0 := v0.Sub(srv) // curve − fleet at x0
	before, after := sideOf(d0), sideOf(sl)
	if sl.IsZero() || before == after {
		s.add(x0, before)
		return
	}
	if d0.IsZero() { // ties at x0 only, then moves to the slope's side
		s.add(x0, after)
		return
	}
	if x1 != nil { // no root inside when the far end keeps the sign: skip the division
		if d1 := d0.Add(sl.Mul(x1.Sub(x0))); d1.Sign() != after.sign() {
			s.add(x0, before)
			return
		}
	}
	r := x0.Add(div(d0.Neg(), sl)) // d(r) = 0
	if x1 != nil && !r.LessThan(*x1) {
		s.add(x0, before)
		return
	}
	s.add(x0, before)
	s.add(r, after)
}

// minSpanCuts is the fewest plateau ends inside a stretch of a curve piece
// for which the solver first tries to decide the whole stretch at once
// ([solver.decide]): two prices of the fleet, each a division a term, are
// worth it when they may save this many bands.
const minSpanCuts = 32

// piece handles the curve piece [x0, x1), cut where a term's plateau ends:
// on each cut the terms past their plateau are a fixed set.
//
// A fleet that follows a shape has a term per load level, so a piece may
// hold a hundred and more plateau ends. Past the last of them one band
// holds to x1; before it, a stretch holding at least [minSpanCuts] ends
// is first decided whole where it can be ([solver.decide]), and else
// halved, so that a curve far from the fleet costs a few prices of it
// rather than a band per end.
func (s *solver) piece(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl decimal.Decimal) error {
	if k, kb := s.cuts(x0, x1); kb-k >= minSpanCuts {
		last := s.terms[kb-1].end
		if err := s.stretch(x0, last, v0, sl); err != nil {
			return err
		}
		return s.cut(last, x1, v0.Add(sl.Mul(last.Sub(x0))), sl)
	}
	return s.cut(x0, x1, v0, sl)
}

// cuts are the terms whose plateaus end inside (x0, x1): k … kb − 1.
func (s *solver) cuts(x0 decimal.Decimal, x1 *decimal.Decimal) (k, kb int) {
	k = sort.Search(len(s.terms), func(j int) bool { return s.terms[j].end.GreaterThan(x0) })
	kb = len(s.terms)
	if x1 != nil {
		kb = sort.Search(len(s.terms), func(j int) bool { return !s.terms[j].end.LessThan(*x1) })
	}
	return k, kb
}

// stretch handles [x0, x1) of a curve piece: whole when [solver.decide]
// can, else halved at a plateau end, down to fewer than [minSpanCuts]
// ends a stretch, which go band by band.
func (s *solver) stretch(x0, x1, v0, sl decimal.Decimal) error {
	k, kb := s.cuts(x0, &x1)
	if kb-k < minSpanCuts {
		return s.cut(x0, &x1, v0, sl)
	}
	if s.decide(x0, x1, v0, sl) {
		return nil
	}
	mid := s.terms[(k+kb)/2].end
	if err := s.stretch(x0, mid, v0, sl); err != nil {
		return err
	}
	return s.stretch(mid, x1, v0.Add(sl.Mul(mid.Sub(x0))), sl)
}

// cut handles [x0, x1) band by band, one between two plateau ends.
func (s *solver) cut(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl decimal.Decimal) error {
	k := sort.Search(len(s.terms), func(j int) bool { return s.terms[j].end.GreaterThan(x0) })
	for {
		end := x1
		if k < len(s.terms) && (x1 == nil || s.terms[k].end.LessThan(*x1)) {
			end = &s.terms[k].end
		}
		fixed := s.fixed
		if k < len(s.terms) {
			fixed = addNonZero(fixed, s.idle[k])
		}
		if k == 0 {
			s.constant(x0, end, v0, sl, fixed)
		} else if err := s.band(x0, end, v0, sl, fixed, k); err != nil {
			return err
		}
		if end == x1 {
			return nil
		}
		v0 = v0.Add(sl.Mul(end.Sub(x0)))
		x0 = *end
		for k < len(s.terms) && !s.terms[k].end.GreaterThan(x0) {
			k++
		}
	}
}

// decide settles [x0, x1), where the curve costs v0 + sl(x − x0), when
// one side is cheaper over all of it: the fleet's cost never decreases,
// so over [x0, x1) it lies between its cost just past x0 and its cost at
// x1, and the curve between its values at the ends. Strict comparisons:
// a tie anywhere is left to the bands.
func (s *solver) decide(x0, x1, v0, sl decimal.Decimal) bool {
	v1 := v0.Add(sl.Mul(x1.Sub(x0)))
	lo, hi := v0, v1
	if sl.IsNegative() {
		lo, hi = v1, v0
	}
	if f, ok := s.costAt(x0, true); ok && hi.LessThan(f) {
		s.add(x0, Serverless)
		return true
	}
	if f, ok := s.costAt(x1, false); ok && lo.GreaterThan(f) {
		s.add(x0, Server)
		return true
	}
	return false
}

// costAt is the fleet's cost at x (right: just past x, as the bands count
// units: ⌊(x − o) / C⌋ + 1), when every count is below [maxSmall].
func (s *solver) costAt(x decimal.Decimal, right bool) (decimal.Decimal, bool) {
	var total sum
	total.add(s.fixed, 1)
	terms := s.terms
	if s.comb {
		terms = s.teeth
	}
	a := &at{x: x, right: right}
	for i := range terms {
		t := &terms[i]
		n, ok := t.count(a)
		if !ok {
			return dZero, false
		}
		total.addSplit(t.ps, n)
	}
	return total.decimal(), true
}

// band handles [x0, x1) where the curve costs v0 + sl(x − x0) and the
// terms j < k follow the load on top of fixed (see [solver] for the
// bounds). With G(x) = D·(curve − fixed) − x·q, the curve is certainly
// cheaper where G < 0 with q = qlo, certainly dearer where G > D·Pa with
// q = qhi; only the steps in between are examined.
func (s *solver) band(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl, fixed decimal.Decimal, k int) error {
	d := s.terms[0].c
	exact := s.qlo[k].Equal(s.qhi[k])
	a := d.Mul(v0.Sub(sl.Mul(x0)).Sub(fixed))
	// With offsets the fleet's bounds move down by O: the cheaper test
	// uses its largest estimate, the dearer test its smallest.
	aLo, aHi := a, a
	if s.offsets && !s.ohi[k].IsZero() {
		if s.olo[k].Equal(s.ohi[k]) {
			aLo = a.Add(s.ohi[k])
			aHi = aLo
		} else {
			aLo, aHi = a.Add(s.ohi[k]), a.Add(s.olo[k])
			exact = false
		}
	}
	sd := sl.Mul(d)
	bLo := sd.Sub(s.qlo[k])
	bHi := bLo
	if !exact {
		bHi = sd.Sub(s.qhi[k])
	}
	dp := d.Mul(s.pa[k])
	// Most pieces lie wholly on one side: decide them without dividing.
	g0Lo := aLo.Add(bLo.Mul(x0))
	g0Hi := g0Lo
	if !exact {
		g0Hi = aHi.Add(bHi.Mul(x0))
	}
	if x1 != nil {
		g1Lo := aLo.Add(bLo.Mul(*x1))
		if g0Lo.IsNegative() && g1Lo.IsNegative() {
			s.add(x0, Serverless)
			return nil
		}
		g1Hi := g1Lo
		if !exact {
			g1Hi = aHi.Add(bHi.Mul(*x1))
		}
		if g0Hi.GreaterThan(dp) && g1Hi.GreaterThan(dp) {
			s.add(x0, Server)
			return nil
		}
	} else {
		if bHi.Sign() >= 0 && g0Hi.GreaterThan(dp) {
			s.add(x0, Server)
			return nil
		}
		if bLo.Sign() <= 0 && g0Lo.IsNegative() {
			s.add(x0, Serverless)
			return nil
		}
	}
	// The band [lo, hi]: before lo one side is certain (pre), after hi
	// the other (post); nil when the band has no such end.
	var lo, hi *decimal.Decimal
	var pre, post Side
	switch bLo.Sign() {
	case 1: // cheaper below lo
		z := div(aLo.Neg(), bLo)
		lo, pre = &z, Serverless
	case -1: // cheaper above hi
		z := div(aLo.Neg(), bLo)
		hi, post = &z, Serverless
	}
	switch bHi.Sign() {
	case -1: // dearer below lo (only one of the two can start at 0 or later)
		if v := div(dp.Sub(aHi), bHi); lo == nil || v.GreaterThan(*lo) {
			lo, pre = &v, Server
		}
	case 1: // dearer above hi (bLo ≥ bHi > 0: the curve is never cheaper there)
		v := div(dp.Sub(aHi), bHi)
		hi, post = &v, Server
	}
	if hi == nil && x1 == nil {
		if k == 1 && s.terms[0].z == 1 {
			t := s.terms[0]
			return fmt.Errorf("cost: break-even: the curve tracks the fleet forever (slope %s per request, %s per unit of %s requests); no finite answer",
				sl, t.p, t.c)
		}
		return fmt.Errorf("cost: break-even: the curve tracks the fleet forever (slope %s per request, the fleet's %d steps %s per request on average, to %d places); no finite answer",
			sl, k, div(s.qlo[k], d), DivScale)
	}
	// Step indices of every term covering the band, widened by one for
	// rounding and clipped to the piece; the band is where any of them is.
	var kLo0, kHi0, bandStart, bandEnd decimal.Decimal
	terms := k
	if s.comb {
		// The band [lo, hi] bounds the whole fleet, so one grid of steps
		// covering it is enough: the first tooth's, which reaches a step
		// past each end.
		terms = 1
	}
	if !s.comb && (k > 1 || s.offsets) {
		// The walk of several terms ([solver.stepsN]) needs no grid: the
		// band widened by one place for the rounding of lo and hi (it
		// halves long stretches itself). A division per term and end
		// made each band of a fleet with a term per load level cost a
		// millisecond.
		terms = 0
		bandStart = x0
		if lo != nil && lo.Sub(ulp).GreaterThan(x0) {
			bandStart = lo.Sub(ulp)
		}
		if hi != nil {
			bandEnd = maxDec(hi.Add(ulp), bandStart)
		} else {
			bandEnd = *x1 // hi == nil && x1 == nil returned above
		}
	}
	for j := range terms {
		c, o := s.terms[j].c, s.terms[j].o
		kLo := x0.Sub(o).Div(c).Floor()
		if lo != nil {
			kLo = maxDec(lo.Sub(o).Div(c).Floor().Sub(dOne), kLo)
		}
		var kHi decimal.Decimal
		switch {
		case hi != nil && x1 != nil:
			kHi = minDec(hi.Sub(o).Div(c).Ceil().Add(dOne), x1.Sub(o).Div(c).Ceil())
		case hi != nil:
			kHi = hi.Sub(o).Div(c).Ceil().Add(dOne)
		default:
			kHi = x1.Sub(o).Div(c).Ceil()
		}
		kHi = maxDec(kHi, kLo)
		if st, en := o.Add(kLo.Mul(c)), o.Add(kHi.Mul(c)); j == 0 {
			kLo0, kHi0, bandStart, bandEnd = kLo, kHi, st, en
		} else {
			bandStart, bandEnd = minDec(bandStart, st), maxDec(bandEnd, en)
		}
	}
	if bandStart.GreaterThan(x0) {
		s.add(x0, pre)
	}
	if k == 1 && !s.offsets {
		if err := s.count(kHi0.Sub(kLo0)); err != nil {
			return err
		}
		s.steps1(x0, x1, v0, sl, fixed, kLo0, kHi0)
	} else {
		end := bandEnd
		if x1 != nil && x1.LessThan(end) {
			end = *x1
		}
		if err := s.stepsN(x0, v0, sl, fixed, k, maxDec(x0, bandStart), end); err != nil {
			return err
		}
	}
	if x1 == nil || bandEnd.LessThan(*x1) {
		s.add(maxDec(x0, bandEnd), post)
	}
	return nil
}

// count adds n examined steps and refuses a solve that examines too many
// (n is compared as a decimal: a band wider than an int64 is refused, not
// wrapped around).
func (s *solver) count(n decimal.Decimal) error {
	if n.GreaterThan(maxFleetSteps) || s.steps+int(n.IntPart()) > MaxFleetSteps {
		return fmt.Errorf("cost: break-even: %w", ErrTooManySteps)
	}
	s.steps += int(n.IntPart())
	return nil
}

var (
	maxFleetSteps = decimal.NewFromInt(MaxFleetSteps)
	dHalf         = decimal.RequireFromString("0.5")
	dMinusOne     = decimal.NewFromInt(-1)
)

// steps1 examines the steps kLo..kHi−1 of a one-term fleet, one constant
// cost each: the common case, with no merging to do.
func (s *solver) steps1(x0 decimal.Decimal, x1 *decimal.Decimal, v0, sl, fixed, kLo, kHi decimal.Decimal) {
	t := s.terms[0]
	for k := kLo; k.LessThan(kHi); k = k.Add(dOne) {
		a := maxDec(x0, k.Mul(t.c))
		b := k.Add(dOne).Mul(t.c)
		if x1 != nil && !b.LessThan(*x1) {
			b = *x1
		}
		if !a.LessThan(b) {
			continue
		}
		s.constant(a, &b, v0.Add(sl.Mul(a.Sub(x0))), sl, fixed.Add(t.p.Mul(k.Add(dOne))))
	}
}

// edge is where a load term adds a unit.
type edge struct{ x, p decimal.Decimal }

// maxLeafEdges is about the most step edges [solver.stepsN] lists at
// once: a longer stretch is first decided whole where it can be
// ([solver.decide]), else halved.
const maxLeafEdges = 256

// stepsN examines [start, end) against the terms j < k: their step edges
// merged in order, the fleet's cost constant between two edges.
//
// The band is where the curve lies within the sum of the terms' prices
// of the fleet's linear bounds; with a term per load level over many
// zones that sum is large and the band may hold a hundred thousand edges
// while the curve crosses the fleet a few times. So a stretch of more
// than about [maxLeafEdges] edges is first decided whole where the curve
// clears the fleet's cost over it, and else halved at a point of the
// DivScale grid (where no edge is, the fleet's cost is the same on both
// sides: nothing changes but the work), so that the edges listed are
// those near a crossing.
func (s *solver) stepsN(x0, v0, sl, fixed decimal.Decimal, k int, start, end decimal.Decimal) error {
	if !start.LessThan(end) {
		return nil
	}
	if s.comb {
		return s.combSteps(x0, v0, sl, fixed, start, end)
	}
	if s.edgeRate > 0 && end.Sub(start).InexactFloat64()*s.edgeRate > maxLeafEdges {
		if s.decide(start, end, v0.Add(sl.Mul(start.Sub(x0))), sl) {
			return nil
		}
		if mid := start.Add(end).Mul(dHalf).Truncate(DivScale); start.LessThan(mid) && mid.LessThan(end) {
			if err := s.stepsN(x0, v0, sl, fixed, k, start, mid); err != nil {
				return err
			}
			return s.stepsN(x0, v0, sl, fixed, k, mid, end)
		}
	}
	if done, err := s.stepsInt(x0, v0, sl, fixed, k, start, end); done {
		return err
	}
	n := dZero
	units := make([]decimal.Decimal, k)
	for j, t := range s.terms[:k] {
		if t.z > 1 {
			// The replicas at start, N (counting one at its edge, as the
			// plain terms count their units), and the edges in
			// [start, end): replicas j in [N, J) with j mod K < z. Past
			// the term's first plateau the floor holds back none of them
			// (start ≥ o + C·c + s·d, so N > K·c + d).
			units[j] = t.zoneReplicas(start, false).Add(dOne)
			n = n.Add(t.zoneEdgeCount(t.zoneReplicas(end, true))).Sub(t.zoneEdgeCount(units[j]))
			continue
		}
		q := start.Sub(t.o).Div(t.c).Floor() // ⌊(start − o) / C⌋, checked below
		if q.Mul(t.c).GreaterThan(start.Sub(t.o)) {
			q = q.Sub(dOne)
		} else if q.Add(dOne).Mul(t.c).LessThanOrEqual(start.Sub(t.o)) {
			q = q.Add(dOne)
		}
		units[j] = q.Add(dOne)
		n = n.Add(end.Sub(t.o).Sub(q.Mul(t.c)).Div(t.c).Ceil())
	}
	if err := s.count(n); err != nil {
		return err
	}
	srv := fixed
	edges := make([]edge, 0, n.IntPart())
	for j, t := range s.terms[:k] {
		if t.z > 1 {
			srv = srv.Add(t.p.Mul(spread(units[j], t.k, t.z, t.f)))
			edges = t.zoneEdges(edges, units[j], end)
			continue
		}
		srv = srv.Add(t.p.Mul(units[j]))
		for x := t.o.Add(units[j].Mul(t.c)); x.LessThan(end); x = x.Add(t.c) {
			edges = append(edges, edge{x, t.p})
		}
	}
	s.walkEdges(edges, start, end, x0, v0, sl, srv)
	return nil
}

// stepsInt is stepsN's listing with the terms' counts on integers (one
// division of start and of end a term, where the decimals rescaled
// several times), and the same edges and costs; false when a count
// passes [maxSmall], for the decimals to do.
func (s *solver) stepsInt(x0, v0, sl, fixed decimal.Decimal, k int, start, end decimal.Decimal) (bool, error) {
	first := make([]int64, k) // plain: units at start; over zones: replicas
	last := make([]int64, k)  // ⌈(end − o) / step⌉
	n := int64(0)
	sa, ea := &at{x: start, right: true}, &at{x: end}
	for j := range s.terms[:k] {
		t := &s.terms[j]
		a, b := sa, ea
		if !t.o.IsZero() {
			a, b = &at{x: start.Sub(t.o), right: true}, &at{x: end.Sub(t.o)}
		}
		// Past its plateau, start − o ≥ 0 and end − o > 0.
		u, ok := a.replicasSplit(t.ds)
		if !ok {
			return false, nil
		}
		v, ok := b.replicasSplit(t.ds)
		if !ok {
			return false, nil
		}
		first[j], last[j] = u, v
		if t.z > 1 {
			// The edges of replicas u … v − 1 (see stepsN's decimals).
			n += zoneEdgeCount(v, t.k, t.z) - zoneEdgeCount(u, t.k, t.z)
		} else {
			n += v - u + 1 // as the decimals count: from the edge at or below start
		}
	}
	if err := s.count(decimal.NewFromInt(n)); err != nil {
		return true, err
	}
	var total sum
	edges := make([]edge, 0, n)
	for j, t := range s.terms[:k] {
		if t.z > 1 {
			total.addSplit(t.ps, spreadInt(first[j]/t.k, first[j]%t.k, t.z, t.f))
			if last[j] > first[j] {
				edges = t.zoneEdges(edges, decimal.NewFromInt(first[j]), end)
			}
			continue
		}
		total.addSplit(t.ps, first[j])
		if last[j] > first[j] {
			x := t.o.Add(t.c.Mul(decimal.NewFromInt(first[j])))
			for u := first[j]; u < last[j]; u++ {
				edges = append(edges, edge{x, t.p})
				x = x.Add(t.c)
			}
		}
	}
	srv := addNonZero(fixed, total.decimal())
	s.walkEdges(edges, start, end, x0, v0, sl, srv)
	return true, nil
}

// zoneEdgeCount is [loadTerm.zoneEdgeCount] on integers.
func zoneEdgeCount(n, k, z int64) int64 { return n/k*z + min(n%k, z) }

// combSteps is stepsN for a comb (see [solver]): at start each tooth
// runs max(m, ⌊(start − o)/C⌋ + 1) units, and its next edge lies in
// (start, start + C], in the cyclic order of the offsets, so the edges are
// walked in order from the earliest, each tooth's next edge one step C
// after its last. fixed is the fleet's cost outside the teeth.
func (s *solver) combSteps(x0, v0, sl, fixed decimal.Decimal, start, end decimal.Decimal) error {
	c := s.teeth[0].c
	m := decimal.NewFromInt(int64(s.teeth[0].m))
	srv := fixed
	next := make([]decimal.Decimal, len(s.teeth))
	n := dZero
	j := 0
	for i, t := range s.teeth {
		// ⌊(start − o)/C⌋: start is past the first tooth's plateau and the
		// teeth lie within one step, so start − o > −C, and a tooth that
		// starts after start is at −1.
		q := dMinusOne
		if !start.LessThan(t.o) {
			q, _ = start.Sub(t.o).QuoRem(c, 0)
		}
		units := maxDec(m, q.Add(dOne)) // the floor never binds past a first plateau of m ≥ 1; it does for m = 0
		srv = srv.Add(t.p.Mul(units))
		next[i] = t.o.Add(units.Mul(c))
		n = n.Add(end.Sub(next[i]).Div(c).Ceil().Add(dOne))
		if next[i].LessThan(next[j]) {
			j = i
		}
	}
	if err := s.count(maxDec(n, dZero)); err != nil {
		return err
	}
	a := start
	for {
		b := next[j]
		if !b.LessThan(end) {
			break
		}
		if a.LessThan(b) {
			s.constant(a, &b, v0.Add(sl.Mul(a.Sub(x0))), sl, srv)
			a = b
		}
		srv = srv.Add(s.teeth[j].p)
		next[j] = b.Add(c)
		if j++; j == len(s.teeth) {
			j = 0
		}
	}
	if a.LessThan(end) {
		s.constant(a, &end, v0.Add(sl.Mul(a.Sub(x0))), sl, srv)
	}
	return nil
}

func (s *solver) result() BreakEven {
	var be BreakEven
	for i, seg := range s.segs {
		iv := Interval{From: seg.from, Cheaper: seg.side}
		if i+1 < len(s.segs) {
			iv.To = s.segs[i+1].from
			be.Crossings = append(be.Crossings, iv.To)
		} else {
			iv.Unbounded = true
		}
		be.Intervals = append(be.Intervals, iv)
	}
	return be
}

// zoneReplicas is ⌊(x − o) / s⌋ (ceil: ⌈(x − o) / s⌉) for a step over
// zones, x ≥ o: the edges of its replicas at or below x (below x).
func (t loadTerm) zoneReplicas(x decimal.Decimal, ceil bool) decimal.Decimal {
	q, r := x.Sub(t.o).QuoRem(t.s, 0)
	if ceil && r.IsPositive() {
		q = q.Add(dOne)
	}
	return q
}

// zoneEdgeCount is how many of the replicas 0 … n − 1 of a step over
// zones step a tooth up (past the floor): those whose index mod K is
// below z, ⌊n / K⌋·z + min(n mod K, z).
func (t loadTerm) zoneEdgeCount(n decimal.Decimal) decimal.Decimal {
	if v, ok := smallInt(n); ok {
		return decimal.NewFromInt(v/t.k*t.z + min(v%t.k, t.z))
	}
	a, b := n.QuoRem(decimal.NewFromInt(t.k), 0)
	return a.Mul(decimal.NewFromInt(t.z)).Add(decimal.Min(b, decimal.NewFromInt(t.z)))
}

// zoneEdges appends the edges of a step over zones from replica n on
// and below end: replica j = a·K + i steps tooth i up at o + a·C + i·s
// when i < z.
func (t loadTerm) zoneEdges(edges []edge, n, end decimal.Decimal) []edge {
	a, b := n.QuoRem(decimal.NewFromInt(t.k), 0)
	base := t.o.Add(a.Mul(t.c))
	i, _ := smallInt(b) // b < K, an int64
	x := base.Add(mulInt(t.s, i))
	for {
		if i >= t.z {
			base, i = base.Add(t.c), 0
			x = base
		}
		if !x.LessThan(end) {
			return edges
		}
		edges = append(edges, edge{x, t.p})
		x, i = x.Add(t.s), i+1
	}
}

// walkEdges solves the line v0 + sl·(x − x0) against a fleet that costs
// srv from start and steps up by each edge's price at its x, up to end:
// one constant piece between each two distinct edges.
func (s *solver) walkEdges(edges []edge, start, end, x0, v0, sl, srv decimal.Decimal) {
	slices.SortFunc(edges, func(a, b edge) int { return a.x.Cmp(b.x) })
	a := start
	for i := 0; i < len(edges); {
		b := edges[i].x
		if a.LessThan(b) {
			s.constant(a, &b, v0.Add(sl.Mul(a.Sub(x0))), sl, srv)
		}
		for ; i < len(edges) && edges[i].x.Equal(b); i++ {
			srv = srv.Add(edges[i].p)
		}
		a = b
	}
	if a.LessThan(end) {
		s.constant(a, &end, v0.Add(sl.Mul(a.Sub(x0))), sl, srv)
	}
}
