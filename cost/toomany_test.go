package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
)

// A line a ten-millionth steeper than the fleet stays within one step of
// it for ten million steps: the solve refuses to walk them one by one,
// with an error callers can tell apart (the root reports it in the
// break-even's reason instead of failing the evaluation).
func TestSolveTooManySteps(t *testing.T) {
	one := decimal.NewFromInt(1)
	c := cost.Curve{Breaks: []decimal.Decimal{decimal.Zero}, Values: []decimal.Decimal{decimal.Zero}, Slopes: []decimal.Decimal{decimal.RequireFromString("1.0000001")}}
	_, err := cost.Solve(c, cost.Fleet{PerUnit: one, RequestsPerUnit: one})
	require.ErrorIs(t, err, cost.ErrTooManySteps)
}
