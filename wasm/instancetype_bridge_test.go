package main

import (
	"strings"
	"testing"
)

// A mistyped instance type reaches the page as an error on its field, with
// the nearest names, so the form can show it beside the input.
func TestEvaluateUnknownInstanceTypeNamesTheField(t *testing.T) {
	b := bridge{newEngine()}
	tests := []struct {
		name string
		got  func(string) string
	}{
		{name: "evaluate", got: func(y string) string { return b.Evaluate(y, "lean") }},
		{name: "markdown", got: b.Markdown},
	}
	const yaml = "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\nservers: {instance_type: m5.lrage}\n"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := decode(t, tc.got(yaml))
			if got["field"] != "servers.instance_type" {
				t.Errorf("%s(m5.lrage) field = %v, want servers.instance_type (%v)", tc.name, got["field"], got)
			}
			if msg, _ := got["error"].(string); !strings.Contains(msg, "m5.lrage") || !strings.Contains(msg, "did you mean m5.large") {
				t.Errorf("%s(m5.lrage) error = %q, want the value and m5.large", tc.name, msg)
			}
		})
	}
}
