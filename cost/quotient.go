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

// quo is ⌊a / b⌋ for a ≥ 0 and b > 0, and whether the division leaves a
// remainder.
func quo(a, b decimal.Decimal) (q *big.Int, rem bool) {
	var l load
	l.set(a)
	q, rem = l.quo(b)
	return new(big.Int).Set(q), rem
}

// load is a non-negative decimal split once into its coefficient and
// exponent, with scratch for dividing it by many others.
type load struct {
	v    big.Int
	exp  int32
	t, q big.Int // scratch
	r    big.Int
}

func (l *load) set(x decimal.Decimal) {
	l.v.Set(x.Coefficient())
	l.exp = x.Exponent()
}

// quo is ⌊l / b⌋ (b > 0), valid until the next call, and whether the
// division leaves a remainder.
func (l *load) quo(b decimal.Decimal) (*big.Int, bool) {
	bv := b.Coefficient() // a copy, free to scale
	a := &l.v
	if e := int64(l.exp) - int64(b.Exponent()); e > 0 {
		a = l.t.Mul(a, tenTo(e))
	} else if e < 0 {
		bv.Mul(bv, tenTo(-e))
	}
	l.q.QuoRem(a, bv, &l.r)
	return &l.q, l.r.Sign() != 0
}

// ceilQuo is ⌈l / b⌉ (b > 0), and whether it is below [maxSmall].
func (l *load) ceilQuo(b decimal.Decimal) (int64, bool) {
	q, rem := l.quo(b)
	if !q.IsInt64() || q.Int64() >= maxSmall {
		return 0, false
	}
	n := q.Int64()
	if rem {
		n++
	}
	return n, true
}

// maxSmall bounds the integer fast paths' unit counts, so that their
// sums and products by a zone count stay inside an int64.
const maxSmall = 1 << 52

// sum adds decimals times whole numbers on one big.Int coefficient at the
// smallest exponent seen.
type sum struct {
	v   big.Int
	exp int32
	set bool
	t   big.Int // scratch
}

// add adds d × n.
func (s *sum) add(d decimal.Decimal, n int64) {
	if n == 0 || d.IsZero() {
		if !s.set { // keep the exponent the decimal sum would have
			s.exp, s.set = d.Exponent(), true
		} else {
			s.exp = min(s.exp, d.Exponent())
		}
		return
	}
	t := &s.t
	t.Mul(d.Coefficient(), big.NewInt(n))
	e := d.Exponent()
	switch {
	case !s.set:
		s.v.Set(t)
		s.exp, s.set = e, true
	case e >= s.exp:
		if e > s.exp {
			t.Mul(t, tenTo(int64(e)-int64(s.exp)))
		}
		s.v.Add(&s.v, t)
	default:
		s.v.Mul(&s.v, tenTo(int64(s.exp)-int64(e)))
		s.v.Add(&s.v, t)
		s.exp = e
	}
}

// decimal is the sum.
func (s *sum) decimal() decimal.Decimal {
	if !s.set {
		return dZero
	}
	return decimal.NewFromBigInt(&s.v, s.exp)
}
