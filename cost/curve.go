package cost

import (
	"slices"
	"sort"

	"github.com/shopspring/decimal"
)

// Curve is a continuous, piecewise-linear monthly cost as a function of
// requests per month x ≥ 0: on [Breaks[i], Breaks[i+1]) the cost is
// Values[i] + Slopes[i] × (x − Breaks[i]); the last piece has no end.
// Breaks[0] is 0. Values are exact costs at the breaks; breaks that need a
// division (where the free tier or a volume tier runs out) are rounded up at
// DivScale places. A Lambda curve never decreases; a sum that holds a
// discount may have pieces that do.
//
// The zero Curve is the zero cost. A curve whose three slices differ in
// length is read up to the shortest.
type Curve struct {
	Breaks []decimal.Decimal
	Values []decimal.Decimal
	Slopes []decimal.Decimal
}

func (c Curve) pieces() int { return min(len(c.Breaks), len(c.Values), len(c.Slopes)) }

// piece is the index of the piece that prices x: the last break at or
// below x, or the first piece below the first break.
func (c Curve) piece(x decimal.Decimal, n int) int {
	i := sort.Search(n, func(i int) bool { return c.Breaks[i].GreaterThan(x) }) - 1
	return max(i, 0)
}

// At evaluates the curve at x requests per month.
func (c Curve) At(x decimal.Decimal) decimal.Decimal {
	n := c.pieces()
	if n == 0 {
		return dZero
	}
	i := c.piece(x, n)
	return c.Values[i].Add(c.Slopes[i].Mul(x.Sub(c.Breaks[i])))
}

// slopeAt is the slope of the piece that prices x.
func (c Curve) slopeAt(x decimal.Decimal, n int) decimal.Decimal {
	if n == 0 {
		return dZero
	}
	return c.Slopes[c.piece(x, n)]
}

// Add is the exact pointwise sum of c and o: its breaks are both curves'
// breaks, and at each its value and slope are the sums of c's and o's
// there. It is how a cost that one model does not know about (a gateway in
// front of a function, a discount) joins a curve before [Solve].
func (c Curve) Add(o Curve) Curve {
	nc, no := c.pieces(), o.pieces()
	bs := make([]decimal.Decimal, 0, nc+no)
	bs = append(append(bs, c.Breaks[:nc]...), o.Breaks[:no]...)
	bs = sortUnique(bs)
	sum := Curve{Breaks: bs, Values: make([]decimal.Decimal, len(bs)), Slopes: make([]decimal.Decimal, len(bs))}
	for i, b := range bs {
		sum.Values[i] = c.At(b).Add(o.At(b))
		sum.Slopes[i] = c.slopeAt(b, nc).Add(o.slopeAt(b, no))
	}
	return sum
}

// Neg is −c: the cost a curve takes away, as Add(o.Neg()) subtracts o
// (a server's own per-request charges moved to the other side of a
// [Solve]).
func (c Curve) Neg() Curve {
	n := c.pieces()
	out := Curve{Breaks: slices.Clone(c.Breaks[:n]), Values: make([]decimal.Decimal, n), Slopes: make([]decimal.Decimal, n)}
	for i := range n {
		out.Values[i], out.Slopes[i] = c.Values[i].Neg(), c.Slopes[i].Neg()
	}
	return out
}

// LambdaCurve is a function's monthly cost as a function of its monthly
// requests, every other field of u held fixed (u.Requests is ignored): the
// [Tariff.Curve] of its [LambdaTariff]. It is exact on each piece: the free
// tier, provisioned capacity and volume tiers are the breaks.
func LambdaCurve(c *Catalogue, u LambdaUsage) (Curve, error) {
	m, err := newLambdaModel(c, u)
	if err != nil {
		return Curve{}, err
	}
	return m.tariff.Curve(), nil
}

// sortUnique sorts ds in place and drops repeated values.
func sortUnique(ds []decimal.Decimal) []decimal.Decimal {
	slices.SortFunc(ds, decimal.Decimal.Cmp)
	out := ds[:0]
	for i, d := range ds {
		if i == 0 || !d.Equal(out[len(out)-1]) {
			out = append(out, d)
		}
	}
	return out
}
