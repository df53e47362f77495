package cost

import (
	"github.com/shopspring/decimal"
)

// Side says which option is cheaper on an interval.
type Side string

// Sides.
const (
	Serverless Side = "serverless" // the Lambda (curve) side is cheaper
	Server     Side = "server"     // the fleet side is cheaper
	Tie        Side = "tie"        // both cost the same
)

// Interval is a range of requests per month [From, To) on which one side is
// cheaper; the last interval is Unbounded (To is then zero).
type Interval struct {
	From, To  decimal.Decimal
	Unbounded bool
	Cheaper   Side
}

// BreakEven is the answer of a break-even solve, in requests per month (use
// [PerSecond] and [PerHour] for rates). Crossings are every point where the
// cheaper side changes, ascending; Intervals cover [0, ∞) and say which side
// is cheaper on each. Points are exact where the quotient is a finite
// decimal, otherwise rounded at DivScale places.
type BreakEven struct {
	Crossings []decimal.Decimal
	Intervals []Interval
}

// LambdaBreakEven solves Lambda (u, any Requests ignored) against a server
// fleet: see [Solve].
func LambdaBreakEven(c *Catalogue, u LambdaUsage, f Fleet) (BreakEven, error) {
	cv, err := LambdaCurve(c, u)
	if err != nil {
		return BreakEven{}, err
	}
	return Solve(cv, f)
}
