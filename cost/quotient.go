package cost

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Integer fast paths for the fleet's units at a load. A decimal rescales
// through big.Int.Exp on every operation between two exponents and
// allocates its result, which made a fleet that follows a shape over many
// levels cost microseconds a level at every point of a curve. These
// compute the same exact values on integers, with powers of ten from a
// table.

// pow10 holds 10⁰ … 10¹²⁷: every exponent difference the bounded inputs
// produce (decimals within 10^±40, products of two or three of them).
var pow10 = func() []*big.Int {
	t := make([]*big.Int, 128)
	t[0] = big.NewInt(1)
	ten := big.NewInt(10)
	for i := 1; i < len(t); i++ {
		t[i] = new(big.Int).Mul(t[i-1], ten)
	}
	return t
}()

// tenTo is 10ⁿ, n ≥ 0; not to be modified.
func tenTo(n int64) *big.Int {
	if n < int64(len(pow10)) {
		return pow10[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// load is a non-negative decimal split once into its coefficient and
// exponent, with scratch for dividing it by many others.
type load struct {
	v          big.Int
	exp        int32
	t, u, q, r big.Int // scratch
}

func (l *load) set(x decimal.Decimal) {
	l.v.Set(x.Coefficient())
	l.exp = x.Exponent()
}

// quo is ⌊l / b⌋ (b > 0), valid until the next call, and whether the
// division leaves a remainder.
func (l *load) quo(b decimal.Decimal) (*big.Int, bool) {
	return l.quoSplit(splitOf(b))
}

// quoSplit is quo by a decimal already split (b is not modified).
func (l *load) quoSplit(b split) (*big.Int, bool) {
	a, bv := &l.v, b.v
	if e := int64(l.exp) - int64(b.e); e > 0 {
		a = l.t.Mul(a, tenTo(e))
	} else if e < 0 {
		bv = l.u.Mul(bv, tenTo(-e))
	}
	l.q.QuoRem(a, bv, &l.r)
	return &l.q, l.r.Sign() != 0
}

// split is a decimal's coefficient and exponent, taken once: Coefficient
// copies on every call.
type split struct {
	v *big.Int // not to be modified
	e int32
}

func splitOf(d decimal.Decimal) split { return split{d.Coefficient(), d.Exponent()} }

// maxSmall bounds the integer fast paths' unit counts, so that their
// sums and products by a zone count stay inside an int64.
const maxSmall = 1 << 52

// sum adds decimals times whole numbers on one big.Int coefficient at the
// smallest exponent seen.
type sum struct {
	v    big.Int
	exp  int32
	set  bool
	t, u big.Int // scratch
}

// add adds d × n.
func (s *sum) add(d decimal.Decimal, n int64) { s.addSplit(splitOf(d), n) }

// addSplit adds d × n, d split.
func (s *sum) addSplit(d split, n int64) {
	t := &s.t
	t.SetInt64(n)
	t.Mul(t, d.v)
	s.addInt(t, d.e)
}

// addInt adds v × 10^e; v is not kept.
func (s *sum) addInt(v *big.Int, e int32) {
	switch {
	case !s.set:
		s.v.Set(v)
		s.exp, s.set = e, true
	case e == s.exp:
		s.v.Add(&s.v, v)
	case e > s.exp:
		s.u.Mul(v, tenTo(int64(e)-int64(s.exp)))
		s.v.Add(&s.v, &s.u)
	default:
		s.v.Mul(&s.v, tenTo(int64(s.exp)-int64(e)))
		s.v.Add(&s.v, v)
		s.exp = e
	}
}

// boundsOf sets lo and hi to a / c rounded down and up at [DivScale]
// places, as coefficients of 10^−DivScale (a ≥ 0, c > 0): the floor and
// [ceilDiv] on integers.
func boundsOf(a, c decimal.Decimal, lo, hi *big.Int) {
	av, cv := a.Coefficient(), c.Coefficient()
	if e := int64(a.Exponent()) - int64(c.Exponent()) + DivScale; e > 0 {
		av.Mul(av, tenTo(e))
	} else if e < 0 {
		cv.Mul(cv, tenTo(-e))
	}
	var r big.Int
	lo.QuoRem(av, cv, &r)
	hi.Set(lo)
	if r.Sign() != 0 {
		hi.Add(hi, big.NewInt(1))
	}
}

// decimal is the sum.
func (s *sum) decimal() decimal.Decimal {
	if !s.set {
		return dZero
	}
	return decimal.NewFromBigInt(&s.v, s.exp)
}

// DivCeil is a / b rounded up at places decimal places (b > 0), with the
// exponent −places: DivRound's quotient, never below a / b. It divides
// once, on integers; a fleet that follows a shape divides once a load
// level for its replicas' requests.
func DivCeil(a, b decimal.Decimal, places int32) decimal.Decimal {
	av, bv := a.Coefficient(), b.Coefficient()
	if e := int64(a.Exponent()) - int64(b.Exponent()) + int64(places); e > 0 {
		av.Mul(av, tenTo(e))
	} else if e < 0 {
		bv.Mul(bv, tenTo(-e))
	}
	if bv.Sign() < 0 {
		av.Neg(av)
		bv.Neg(bv)
	}
	var r big.Int
	av.QuoRem(av, bv, &r) // truncated: the ceiling unless a positive remainder
	if r.Sign() > 0 {
		av.Add(av, big.NewInt(1))
	}
	return decimal.NewFromBigInt(av, -places)
}
