package main

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBudget(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name    string
		text    string
		want    []budgetLine
		wantErr string
	}{
		{
			name: "gated ratio, comments and blank lines",
			text: "# a comment\n\nwasm/floor ratio 1.30 1.679 2% ci # trailing\n",
			want: []budgetLine{{Name: "wasm/floor", Unit: "ratio", Target: 1.3, Ceiling: 1.679, Margin: 0.02, Source: "ci"}},
		},
		{
			name: "dashes for what does not apply",
			text: "first-result-ms ms 500 - - measure.sh\nwasm-gz B - - - ci",
			want: []budgetLine{
				{Name: "first-result-ms", Unit: "ms", Target: 500, Ceiling: nan, Margin: nan, Source: "measure.sh"},
				{Name: "wasm-gz", Unit: "B", Target: nan, Ceiling: nan, Margin: nan, Source: "ci"},
			},
		},
		{
			name: "an absolute time with a ceiling is fine where it is not gated",
			text: "bridge-ms ms 8 16.5 - measure.sh",
			want: []budgetLine{{Name: "bridge-ms", Unit: "ms", Target: 8, Ceiling: 16.5, Margin: nan, Source: "measure.sh"}},
		},
		{name: "empty", text: "  \n# only comments\n", want: nil},
		{name: "too few fields", text: "wasm/floor ratio 1.3 1.7 2%", wantErr: "perf: budget line 1: 5 fields, want 6"},
		{name: "too many fields", text: "\nwasm/floor ratio 1.3 1.7 2% ci x", wantErr: "perf: budget line 2: 7 fields"},
		{name: "bad name", text: "Wasm ratio 1 1 1% ci", wantErr: `name "Wasm"`},
		{name: "duplicate name", text: "a ratio 1 1 1% ci\na ratio 1 1 1% ci", wantErr: `line 2: name "a" appears twice`},
		{name: "bad unit", text: "a kB 1 1 1% ci", wantErr: `a: unit "kB"`},
		{name: "bad source", text: "a ratio 1 1 1% nightly", wantErr: `a: source "nightly"`},
		{name: "bad target", text: "a ratio x 1 1% ci", wantErr: `a: target "x": not a number`},
		{name: "negative ceiling", text: "a ratio 1 -1 1% ci", wantErr: `a: ceiling "-1": want a finite number ≥ 0`},
		{name: "infinite ceiling", text: "a ratio 1 Inf 1% ci", wantErr: `a: ceiling "Inf"`},
		{name: "NaN target", text: "a ratio NaN 1 1% ci", wantErr: `a: target "NaN"`},
		{name: "margin without percent", text: "a ratio 1 1 0.35 ci", wantErr: `a: margin "0.35": want a percentage such as 10%`},
		{name: "margin too large", text: "a ratio 1 1 5000% ci", wantErr: `a: margin "5000%"`},
		{name: "gated ceiling without margin", text: "a ratio 1 1 - ci", wantErr: "a: a ci ceiling needs a margin"},
		{name: "gated absolute time", text: "evaluate-us us 100 450 35% ci", wantErr: "evaluate-us: a ci ceiling in us is an absolute time"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseBudget(tc.text)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, len(tc.want))
			for i, w := range tc.want {
				g := got[i]
				assert.Equal(t, w.Name, g.Name)
				assert.Equal(t, w.Unit, g.Unit)
				assert.Equal(t, w.Source, g.Source)
				for _, f := range []struct {
					field     string
					got, want float64
				}{{"Target", g.Target, w.Target}, {"Ceiling", g.Ceiling, w.Ceiling}, {"Margin", g.Margin, w.Margin}} {
					if math.IsNaN(f.want) {
						assert.True(t, math.IsNaN(f.got), "%s.%s = %v, want none", w.Name, f.field, f.got)
					} else {
						assert.InDelta(t, f.want, f.got, 1e-12, "%s.%s", w.Name, f.field)
					}
				}
			}
		})
	}
}

func TestCheckBudget(t *testing.T) {
	lines, err := parseBudget(`
wasm/floor        ratio 1.30 1.70 2%  ci
evaluate/baseline ratio 0.19 1.00 35% ci
wasm-gz           B     -    -    -   ci
first-result-ms   ms    500  1096 -   measure.sh
`)
	require.NoError(t, err)
	tests := []struct {
		name     string
		figures  map[string]float64
		wantOver []string
		wantErr  string
	}{
		{
			name:    "under every ceiling",
			figures: map[string]float64{"wasm/floor": 1.70, "evaluate/baseline": 0.5, "wasm-gz": 9e9},
		},
		{
			name:    "above the ceiling but within the margin",
			figures: map[string]float64{"wasm/floor": 1.733, "evaluate/baseline": 1.349, "wasm-gz": 1},
		},
		{
			name:     "beyond the margin",
			figures:  map[string]float64{"wasm/floor": 1.735, "evaluate/baseline": 1.351, "wasm-gz": 1},
			wantOver: []string{"wasm/floor", "evaluate/baseline"},
		},
		{
			name:    "a ci figure nothing measured",
			figures: map[string]float64{"wasm/floor": 1, "wasm-gz": 1},
			wantErr: `perf: the budget names "evaluate/baseline" but nothing measured it`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := checkBudget(lines, tc.figures)
			if tc.wantErr != "" {
				require.EqualError(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, 3, "the measure.sh line is not checked")
			var over []string
			for _, v := range got {
				if v.Over {
					over = append(over, v.Line.Name)
					assert.Contains(t, v.String(), "EXCEEDED")
				}
			}
			assert.Equal(t, tc.wantOver, over)
		})
	}
}

// TestBudgetFile keeps the repository's budget readable and its ci lines
// the ones go run ./perf check measures.
func TestBudgetFile(t *testing.T) {
	text, err := os.ReadFile("budget.txt")
	require.NoError(t, err)
	lines, err := parseBudget(string(text))
	require.NoError(t, err)
	measured := map[string]bool{"wasm-gz": true, "floor-gz": true, "wasm/floor": true, "evaluate-us": true}
	for _, b := range timedBenchmarks {
		measured[b.figure] = true
	}
	var ci []string
	for _, l := range lines {
		if l.Source == "ci" {
			ci = append(ci, l.Name)
			assert.True(t, measured[l.Name], "budget.txt: ci figure %q is not one go run ./perf check measures", l.Name)
		}
	}
	assert.Contains(t, ci, "wasm/floor")
	assert.Contains(t, ci, "evaluate/baseline")
}

func FuzzParseBudget(f *testing.F) {
	f.Add("wasm/floor ratio 1.30 1.679 2% ci # c\n\nfirst-result-ms ms 500 - - measure.sh\n")
	f.Add("a ratio 1 1 - ci")
	f.Add("a us 1 1 1% ci")
	f.Add("a ratio 1e308 1e308 1000% ci")
	f.Fuzz(func(t *testing.T, text string) {
		lines, err := parseBudget(text)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "perf: ") {
				t.Fatalf("error without the package name: %v", err)
			}
			return
		}
		figures := map[string]float64{}
		for _, l := range lines {
			if l.gated() && (math.IsNaN(l.Margin) || l.Unit == "ms" || l.Unit == "us") {
				t.Fatalf("%s: gated without a margin or on an absolute time", l.Name)
			}
			if !budgetName.MatchString(l.Name) || l.Margin < 0 || l.Ceiling < 0 || l.Target < 0 {
				t.Fatalf("accepted %+v", l)
			}
			figures[l.Name] = l.Ceiling
		}
		verdicts, err := checkBudget(lines, figures)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range verdicts {
			if v.Over {
				t.Fatalf("%s: its own ceiling is over budget", v.Line.Name)
			}
			_ = v.String()
		}
	})
}
