package main

import (
	"encoding/json"
	"testing"
)

// Issue 27: the bridge reads scenarios with runwhere.ParseScenario, so a
// null list item is refused there as in the CLI and Go, and the error
// names the item for the page. The page sends JSON after Scenario has
// read the YAML, so both are checked, and each way to the engine.
func TestEngineRefusesNullItems(t *testing.T) {
	b := bridge{newEngine()}
	const w = `"workload": {"requests_per_second": 50, "duration_ms": 200, "memory_mb": 1024}`
	tests := []struct {
		name, in, field, wantErr string
	}{
		{name: "JSON platforms", in: `{"platforms": ["lambda", null], ` + w + `}`, field: "platforms[1]",
			wantErr: "runwhere: line 1:26: platforms[1]: null is not a value: each item of a list needs one"},
		{name: "YAML schedule", in: "workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024}\nlambda: {provisioned_concurrency: 20, provisioned_schedule: [~]}\n",
			field:   "lambda.provisioned_schedule[0]",
			wantErr: "runwhere: line 2:62: lambda.provisioned_schedule[0]: ~ is null, not a value: each item of a list needs one"},
		{name: "YAML through Scenario", in: b.Scenario("workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024}\nplatforms:\n  - lambda\n  -\n"),
			field: "platforms[1]", wantErr: "runwhere: line 1:97: platforms[1]: null is not a value: each item of a list needs one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for way, out := range map[string]string{
				"evaluate": b.Evaluate(tc.in, ""),
				"lean":     b.Evaluate(tc.in, "lean"),
				"curves":   b.Curves(tc.in, 0),
				"markdown": b.Markdown(tc.in),
			} {
				var got struct{ Error, Field string }
				if err := json.Unmarshal([]byte(out), &got); err != nil {
					t.Fatalf("%s(%q) = %s: %v", way, tc.in, out, err)
				}
				if got.Error != tc.wantErr {
					t.Errorf("%s(%q) error = %q, want %q", way, tc.in, got.Error, tc.wantErr)
				}
				if got.Field != tc.field {
					t.Errorf("%s(%q) field = %q, want %q", way, tc.in, got.Field, tc.field)
				}
			}
		})
	}
}
