package ha

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/internal/input"
)

// Prob is a probability held as both sides, up = p and down = 1−p, each
// rounded once to float64. Keeping down apart is what lets 0.9999 over nine
// members keep its digits: the package multiplies and sums the down side and
// never forms 1 − 0.99999….
//
// The zero Prob is not valid (both sides zero); it is how optional fields such
// as [Model.Zone] say "not modelled". Build a Prob with [NewProb], [NewProbDown]
// or [ParseProb].
type Prob struct {
	up, down float64
}

// NewProb returns the probability p of being up. p is read as the shortest
// decimal that converts back to it, as a person wrote it: NewProb(0.99)
// means 99/100, so Down is the float64 nearest 0.01 rather than
// 1 − float64(0.99) = 0.010000000000000009.
func NewProb(p float64) (Prob, error) {
	if err := checkUnit("probability", p); err != nil {
		return Prob{}, err
	}
	return Prob{up: p, down: complement(p)}, nil
}

// NewProbDown returns the probability whose down side is q; use it when the
// failure probability is what is known (q = 1e-12 stays 1e-12). q is read
// as its shortest decimal, as in [NewProb].
func NewProbDown(q float64) (Prob, error) {
	if err := checkUnit("failure probability", q); err != nil {
		return Prob{}, err
	}
	return Prob{up: complement(q), down: q}, nil
}

// complement returns 1 − x, with x read as its shortest decimal, rounded once.
func complement(x float64) float64 {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok { // cannot happen for a finite float; fall back to float64
		return 1 - x
	}
	c, _ := r.Sub(big.NewRat(1, 1), r).Float64()
	return c
}

// ParseProb parses a probability written as a decimal ("0.9999", "1e-4"), a
// fraction ("999/1000") or a percentage ("99.99%"). Both sides are computed
// exactly from the text and rounded once, so ParseProb("0.9999").Down() is the
// float64 nearest 0.0001.
func ParseProb(s string) (Prob, error) {
	text := strings.TrimSpace(s)
	pct := strings.HasSuffix(text, "%")
	if pct {
		text = strings.TrimSpace(strings.TrimSuffix(text, "%"))
	}
	if text == "" || len(text) > 64 || !smallExponent(text) {
		return Prob{}, fieldErr("probability", strconv.Quote(input.Short(s)), "is not a number")
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return Prob{}, fieldErr("probability", strconv.Quote(input.Short(s)), "is not a number")
	}
	if pct {
		r.Quo(r, big.NewRat(100, 1))
	}
	return probFromRat(r, s)
}

// MustParseProb is ParseProb for literals and tests; it panics on bad input.
func MustParseProb(s string) Prob {
	p, err := ParseProb(s)
	if err != nil {
		panic(err)
	}
	return p
}

// smallExponent rejects exponents beyond ±400 before big.Rat expands them
// (1e999999999 would allocate a billion-digit integer). Probabilities below
// 1e-400 round to zero in float64 anyway.
// Only decimal digits, one sign per part, '.', 'e' and '/' are accepted, so
// hexadecimal and 'p' exponents never reach big.Rat.
func smallExponent(text string) bool {
	if strings.Trim(text, "0123456789.eE+-/") != "" {
		return false
	}
	i := strings.IndexAny(text, "eE")
	if i < 0 {
		return true
	}
	e, err := strconv.Atoi(text[i+1:])
	return err == nil && e >= -400 && e <= 400
}

func probFromRat(r *big.Rat, text string) (Prob, error) {
	if r.Sign() < 0 || r.Cmp(big.NewRat(1, 1)) > 0 {
		return Prob{}, fieldErr("probability", strconv.Quote(input.Short(text)), "is outside [0, 1]")
	}
	up, _ := r.Float64()
	down, _ := new(big.Rat).Sub(big.NewRat(1, 1), r).Float64()
	return Prob{up: up, down: down}, nil
}

// Up returns p, the probability of being up.
func (p Prob) Up() float64 { return p.up }

// Down returns 1−p, the probability of being down.
func (p Prob) Down() float64 { return p.down }

// IsZero reports whether p is the zero Prob (not a valid probability).
func (p Prob) IsZero() bool { return p.up == 0 && p.down == 0 }

// String returns p in the shortest decimal that reads back to the same Up.
func (p Prob) String() string { return strconv.FormatFloat(p.up, 'g', -1, 64) }

// MarshalText implements encoding.TextMarshaler.
func (p Prob) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseProb].
func (p *Prob) UnmarshalText(b []byte) error {
	v, err := ParseProb(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

func checkUnit(field string, v float64) error {
	if math.IsNaN(v) || v < 0 || v > 1 {
		return fieldErr(field, strconv.FormatFloat(v, 'g', -1, 64), "is outside [0, 1]")
	}
	return nil
}
