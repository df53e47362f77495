package input_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input"
)

// Issue 27: yaml.v3 prints a parser error's 0-based line, so an unclosed
// bracket read one line early; an unclosed bracket is now reported where
// it was opened.
func TestDecodeSyntaxErrorLines(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "unclosed { on the first line", in: "inner: {count: 1\n",
			wantErr: "line 1:8: input: is not valid YAML: this '{' is never closed: the input ends before its '}'"},
		{name: "unclosed [ on the first line, end lines later", in: "names: [a,\n  b,\n  c\n",
			wantErr: "line 1:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "unclosed [ after a comma", in: "note: x\nnames: [a,\n",
			wantErr: "line 2:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "unclosed [ without a final newline", in: "note: x\nnames: [a,",
			wantErr: "line 2:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "unclosed [ takes the lines after it", in: "note: x\nnames: [a, b\nrenamed: y\nnote: z\n",
			wantErr: "line 2:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "inner { closed, outer [ not", in: "note: x\nlist: [{count: 1},\n  {count: 2}\n",
			wantErr: "line 2:7: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "JSON, outer { not closed", in: "{\"inner\": {\"count\": 1},\n \"note\": \"x\"\n",
			wantErr: "line 1:1: input: is not valid YAML: this '{' is never closed: the input ends before its '}'"},
		{name: "JSON, inner [ not closed", in: "{\"inner\": {\"count\": 1},\n \"names\": [\"a\",\n",
			wantErr: "line 2:11: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "brackets in text, quotes and comments do not count", in: "note: a[0\nrenamed: '[' # {\nnames: [x, \"]\", y\n",
			wantErr: "line 3:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "brackets in a block scalar do not count", in: "note: |\n  [a\n  {b\nnames: [x\n",
			wantErr: "line 4:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "column counts characters", in: "note: é\nnames: [é, [b]\n",
			wantErr: "line 2:8: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "missing comma in a closed list", in: "note: x\nnames: [\"a\" \"b\"]\n",
			wantErr: "line 2: input: is not valid YAML: did not find expected ',' or ']'"},
		{name: "one closer too many", in: "note: x\ninner: {count: 1}}\n",
			wantErr: "line 2: input: is not valid YAML: did not find expected key"},
		{name: "bad indentation", in: "inner:\n  count: 1\n name: x\n",
			wantErr: "line 3: input: is not valid YAML: did not find expected key"},
		{name: "unclosed quote", in: "note: x\nrenamed: \"abc\n",
			wantErr: "line 2: input: is not valid YAML: found unexpected end of stream"},
		{name: "unclosed quote on the first line", in: `note: "abc`,
			wantErr: "line 1: input: is not valid YAML: found unexpected end of stream"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.wantErr, decodeErr(t, tc.in), "Decode(%q)", tc.in)
		})
	}
}

// Every cut of a JSON text that leaves a bracket open and does not end
// inside a string is reported at the innermost open bracket, found here by
// a scanner that knows only JSON.
func TestDecodeUnclosedJSONPrefixes(t *testing.T) {
	const text = "{\"inner\": {\"price\": \"0.5\", \"name\": \"a [b] {c} \\\" ]\", \"count\": 2},\n" +
		" \"list\": [{\"count\": 1},\n   {\"name\": \"x]\"}],\n" +
		" \"names\": [\"a\", \"b}\"],\n" +
		" \"free\": {\"k\": [[1, 2], {\"z\": [3, \"#\"]}]}}\n"
	var d doc
	require.NoError(t, input.Decode([]byte(text), &d, testLimits))
	cuts := 0
	for cut := 1; cut < len(text)-1; cut++ {
		prefix := text[:cut]
		open, inString := jsonOpen(prefix)
		if len(open) == 0 || inString {
			continue
		}
		cuts++
		got := decodeErr(t, prefix)
		want := open[len(open)-1] + "input: is not valid YAML: this '"
		assert.True(t, strings.HasPrefix(got, want) && strings.Contains(got, "' is never closed"),
			"Decode(%q) = %q, want it to start %q", prefix, got, want)
	}
	assert.Greater(t, cuts, len(text)/2)
}

// jsonOpen returns the "line L:C: " of each bracket open at the end of a
// JSON prefix, and whether the prefix ends inside a string.
func jsonOpen(s string) (open []string, inString bool) {
	line, col := 1, 1
	escaped := false
	for _, r := range s {
		switch {
		case inString && escaped:
			escaped = false
		case inString && r == '\\':
			escaped = true
		case r == '"':
			inString = !inString
		case inString:
		case r == '[' || r == '{':
			open = append(open, "line "+strconv.Itoa(line)+":"+strconv.Itoa(col)+": ")
		case r == ']' || r == '}':
			open = open[:len(open)-1]
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return open, inString
}
