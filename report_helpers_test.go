package runwhere_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
)

// evaluateYAML parses and evaluates a scenario that must be valid.
func evaluateYAML(t *testing.T, yaml string) runwhere.Report {
	t.Helper()
	s, err := runwhere.ParseScenario([]byte(yaml))
	require.NoError(t, err, "ParseScenario(%q)", yaml)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err, "Evaluate(%q)", yaml)
	return r
}

// platformIn returns the report of platform id.
func platformIn(t *testing.T, r runwhere.Report, id runwhere.PlatformID) runwhere.PlatformReport {
	t.Helper()
	for _, p := range r.Platforms {
		if p.Platform == id {
			return p
		}
	}
	require.Failf(t, "platform missing", "the report has no %s", id)
	return runwhere.PlatformReport{}
}

// lineIn returns the cost line whose item starts with prefix; there must be
// exactly one.
func lineIn(t *testing.T, p runwhere.PlatformReport, prefix string) runwhere.CostLine {
	t.Helper()
	var found []runwhere.CostLine
	for _, l := range p.CostLines {
		if strings.HasPrefix(l.Item, prefix) {
			found = append(found, l)
		}
	}
	require.Len(t, found, 1, "%s lines starting %q in %+v", p.Platform, prefix, p.CostLines)
	return found[0]
}

// codes lists the codes of findings.
func codes(fs []capacity.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, string(f.Code))
	}
	return out
}

// breakEvenAgainst returns the break-even of Lambda against server.
func breakEvenAgainst(t *testing.T, r runwhere.Report, server runwhere.PlatformID) runwhere.BreakEven {
	t.Helper()
	for _, be := range r.BreakEven {
		if be.Server == server {
			return be
		}
	}
	require.Failf(t, "break-even missing", "the report has no break-even against %s", server)
	return runwhere.BreakEven{}
}

// requireFieldError requires text to be refused with a FieldError naming
// field and value.
func requireFieldError(t *testing.T, text, field, value string) {
	t.Helper()
	_, err := runwhere.ParseScenario([]byte(text))
	var fe *runwhere.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, field, fe.Field, err.Error())
	assert.Equal(t, value, fe.Value, err.Error())
}
