package runwhere

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// ModelCostAtLoad returns each platform's cost-model value (the function
// break-even and curves use) at the scenario's own load, so tests can check
// it against the report's bill.
func ModelCostAtLoad(s Scenario) (map[platform.ID]decimal.Decimal, error) {
	e, err := newEnv(s)
	if err != nil {
		return nil, err
	}
	out := map[platform.ID]decimal.Decimal{}
	for _, id := range e.s.Platforms {
		m, err := e.evaluate(id)
		if err != nil {
			return nil, err
		}
		if m.priced() {
			out[id] = m.monthly(e.load())
		}
	}
	return out, nil
}

// CloneScenario is Scenario.clone, for the test that it copies every field.
func CloneScenario(s Scenario) Scenario { return s.clone() }
