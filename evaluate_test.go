package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// The break-even points and the curves use a cost model per platform; at
// the scenario's own load it must give the report's exact monthly cost, or
// the chart and the table would disagree.
func TestCostModelsAgreeWithBills(t *testing.T) {
	for _, p := range runwhere.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(p.YAML))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			at, err := runwhere.ModelCostAtLoad(s)
			require.NoError(t, err)
			for _, pr := range r.Platforms {
				m, ok := at[pr.Platform]
				if !pr.Feasible && !ok {
					continue
				}
				require.True(t, ok, "%s has no cost model", pr.Platform)
				assert.True(t, m.Sub(pr.MonthlyCost).Abs().LessThan(mustDec("0.000001")),
					"%s: model at load = %s, bill = %s", pr.Platform, m, pr.MonthlyCost)
			}
		})
	}
}
