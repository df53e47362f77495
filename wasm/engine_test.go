package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// The bridge over the real library answers what the library answers.
func TestEngineMatchesLibrary(t *testing.T) {
	b := bridge{newEngine()}
	for _, p := range runwhere.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(p.YAML))
			if err != nil {
				t.Fatal(err)
			}
			r, err := runwhere.Evaluate(s)
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if got := b.Evaluate(p.YAML, ""); got != string(want) {
				t.Errorf("Evaluate(%s) differs from runwhere.Evaluate:\n got %.300s\nwant %.300s", p.Name, got, want)
			}
			// The page sends the scenario as JSON, after Scenario has read the YAML.
			var js map[string]any
			if err := json.Unmarshal([]byte(b.Scenario(p.YAML)), &js); err != nil || js["error"] != nil {
				t.Fatalf("Scenario(%s) = %v, %v", p.Name, js, err)
			}
			if got := b.Evaluate(b.Scenario(p.YAML), ""); got != string(want) {
				t.Errorf("Evaluate(Scenario(%s)) differs from the YAML's report", p.Name)
			}
			var curves []map[string]any
			if err := json.Unmarshal([]byte(b.Curves(p.YAML, 0)), &curves); err != nil || len(curves) == 0 {
				t.Errorf("Curves(%s) = %d curves, %v", p.Name, len(curves), err)
			}
			if md := b.Markdown(p.YAML); !strings.Contains(md, `"markdown":`) {
				t.Errorf("Markdown(%s) = %.200s", p.Name, md)
			}
		})
	}
}

func TestEngineFieldErrors(t *testing.T) {
	b := bridge{newEngine()}
	for _, tc := range []struct{ in, field string }{
		{"workload:\n  requests_per_second: 1\n  duration_ms: 100\n  memory_mb: -5\n", "workload.memory_mb"},
		{`{"workload": {"requests_per_second": 1, "duration_ms": 100, "memory_mb": 128}, "servers": {"zones": -1}}`, "servers.zones"},
	} {
		var got struct{ Error, Field string }
		if err := json.Unmarshal([]byte(b.Evaluate(tc.in, "")), &got); err != nil {
			t.Fatal(err)
		}
		if got.Field != tc.field || !strings.Contains(got.Error, tc.field) {
			t.Errorf("Evaluate(%q) = %+v, want an error about %s", tc.in, got, tc.field)
		}
	}
	var got struct{ Error, Field string }
	if err := json.Unmarshal([]byte(b.WhatIf(runwhere.Presets()[0].YAML, `["no-such-event"]`, "swarm")), &got); err != nil || got.Error == "" {
		t.Errorf("WhatIf with a bad event = %+v, %v, want an error", got, err)
	}
	if err := json.Unmarshal([]byte(b.WhatIf(runwhere.Presets()[0].YAML, `["worker"]`, "no-such-platform")), &got); err != nil || !strings.Contains(got.Error, "no-such-platform") {
		t.Errorf("WhatIf on an unknown platform = %+v, %v, want an error naming it", got, err)
	}
	if b.Version() == "" {
		t.Error("Version() is empty")
	}
}

// The page's form comes from the library's schema, unchanged.
func TestEngineSchema(t *testing.T) {
	s, err := runwhere.Schema()
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := (bridge{newEngine()}).Schema(); got != string(want) {
		t.Errorf("Schema() = %.300s\nwant %.300s", got, want)
	}
}

// TestLeanEvaluate: the lean report is the report without its
// comparison, key for key; other options are refused.
func TestLeanEvaluate(t *testing.T) {
	b := bridge{newEngine()}
	const in = "workload: {requests_per_second: 5, duration_ms: 100, memory_mb: 128}"
	var full, lean map[string]json.RawMessage
	if err := json.Unmarshal([]byte(b.Evaluate(in, "")), &full); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b.Evaluate(in, "lean")), &lean); err != nil {
		t.Fatal(err)
	}
	if _, ok := full["comparison"]; !ok {
		t.Fatal("the full report has no comparison")
	}
	if _, ok := lean["comparison"]; ok {
		t.Error("the lean report has a comparison")
	}
	delete(full, "comparison")
	if len(full) != len(lean) {
		t.Errorf("lean report keys %d, want %d", len(lean), len(full))
	}
	for k, v := range full {
		if string(lean[k]) != string(v) {
			t.Errorf("lean report's %s differs", k)
		}
	}
	var bad map[string]any
	if err := json.Unmarshal([]byte(b.Evaluate(in, "fat")), &bad); err != nil || bad["error"] == nil {
		t.Errorf("options fat = %v, want an error", bad)
	}
}
