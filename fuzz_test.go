package runwhere_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// FuzzEvaluate feeds arbitrary text to ParseScenario and whatever parses to
// Evaluate, Curves and Markdown: every input either fails with a
// "runwhere: " error or yields a report that marshals; none panics.
func FuzzEvaluate(f *testing.F) {
	for _, p := range runwhere.Presets() {
		f.Add([]byte(p.YAML))
	}
	f.Add([]byte(ordersAPI))
	f.Add([]byte(`{"workload":{"requests_per_second":0,"duration_ms":1,"memory_mb":1}}`))
	f.Add([]byte("workload: {requests_per_second: 1e30, duration_ms: 1e-30, memory_mb: 9223372036854775807}"))
	f.Add([]byte("workload: {requests_per_month: 1, duration_ms: 900001, memory_mb: 128}\nservers: {zones: 1000000, count: 1}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := runwhere.ParseScenario(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("ParseScenario error %q lacks the package prefix", err)
			}
			return
		}
		r, err := runwhere.Evaluate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("Evaluate error %q lacks the package prefix", err)
			}
			return
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("report does not marshal: %v", err)
		}
		_ = r.Markdown()
		if _, err := runwhere.Curves(s, 8); err != nil {
			t.Fatalf("Curves failed where Evaluate succeeded: %v", err)
		}
	})
}
