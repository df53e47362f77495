package diff

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Limit is how much a recommended platform's monthly cost may rise: an
// amount in USD, or a percentage of the base's cost.
type Limit struct {
	Amount   decimal.Decimal
	Relative bool // Amount is a percentage of the base's cost
}

// ParseLimit reads "50" or "50.00" (USD a month) or "10%".
func ParseLimit(s string) (Limit, error) {
	text, pct := strings.CutSuffix(strings.TrimSpace(s), "%")
	text = strings.TrimPrefix(text, "$")
	v, err := decimal.NewFromString(text)
	// The exponent is checked first: comparing 0e99999900 rescales it to
	// a hundred million digits.
	if err != nil || v.Exponent() < -10 || v.Exponent() > 9 || v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1_000_000_000)) {
		return Limit{}, fmt.Errorf("diff: limit %q is not an amount (50, 12.50) or a percentage (10%%) of at least 0", s)
	}
	return Limit{Amount: v, Relative: pct}, nil
}

func (l Limit) String() string {
	if l.Relative {
		return l.Amount.String() + "%"
	}
	return "$" + l.Amount.String()
}

// Exceeds lists the services whose recommended platform's monthly cost
// rises by more than l: a new service's whole cost is its rise, and any
// rise of a service that cost nothing exceeds a percentage.
func (d Diff) Exceeds(l Limit) []Service {
	var out []Service
	for _, s := range d.Services {
		rise := s.RecommendedAfter.Sub(s.RecommendedBefore)
		if !rise.IsPositive() {
			continue
		}
		if l.Relative {
			if s.RecommendedBefore.IsZero() || rise.Mul(decimal.NewFromInt(100)).GreaterThan(l.Amount.Mul(s.RecommendedBefore)) {
				out = append(out, s)
			}
			continue
		}
		if rise.GreaterThan(l.Amount) {
			out = append(out, s)
		}
	}
	return out
}
