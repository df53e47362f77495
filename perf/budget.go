package main

import (
	"bufio"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// A budgetLine is one figure of perf/budget.txt.
type budgetLine struct {
	Name    string
	Unit    string  // ratio, B, ms or us
	Target  float64 // issue 28's target; NaN when the line has none ("-")
	Ceiling float64 // today's figure, the ratchet; NaN when none
	Margin  float64 // noise allowed above the ceiling, a fraction (0.35 for "35%"); NaN when none
	Source  string  // ci (measured and gated by go run ./perf check) or measure.sh (printed there, not gated)
}

// gated reports whether .ci/run fails when the figure exceeds the line's
// ceiling by more than its margin.
func (l budgetLine) gated() bool { return l.Source == "ci" && !math.IsNaN(l.Ceiling) }

// limit is the largest figure that passes: the ceiling plus the margin.
func (l budgetLine) limit() float64 { return l.Ceiling * (1 + l.Margin) }

var (
	budgetName  = regexp.MustCompile(`^[a-z0-9][a-z0-9/_.-]*$`)
	budgetUnits = map[string]bool{"ratio": true, "B": true, "ms": true, "us": true}
	budgetSrcs  = map[string]bool{"ci": true, "measure.sh": true}
)

// parseBudget reads a budget: one figure a line, six fields separated by
// spaces — name, unit, target, ceiling, margin, source — with "-" for a
// field that does not apply; "#" starts a comment. A ci line with a ceiling
// needs a margin, and its ceiling must not be an absolute time: the shared
// machine cannot hold one, so times are gated as ratios to a baseline
// measured in the same run.
func parseBudget(text string) ([]budgetLine, error) {
	var lines []budgetLine
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(nil, len(text)+1)
	for n := 1; sc.Scan(); n++ {
		row := sc.Text()
		if i := strings.IndexByte(row, '#'); i >= 0 {
			row = row[:i]
		}
		f := strings.Fields(row)
		if len(f) == 0 {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("perf: budget line %d: "+format, append([]any{n}, args...)...)
		}
		if len(f) != 6 {
			return nil, fail("%d fields, want 6 (name unit target ceiling margin source)", len(f))
		}
		l := budgetLine{Name: f[0], Unit: f[1], Source: f[5]}
		if !budgetName.MatchString(l.Name) {
			return nil, fail("name %q: want lower-case letters, digits and / _ . -", l.Name)
		}
		if seen[l.Name] {
			return nil, fail("name %q appears twice", l.Name)
		}
		seen[l.Name] = true
		if !budgetUnits[l.Unit] {
			return nil, fail("%s: unit %q: want ratio, B, ms or us", l.Name, l.Unit)
		}
		if !budgetSrcs[l.Source] {
			return nil, fail("%s: source %q: want ci or measure.sh", l.Name, l.Source)
		}
		var err error
		if l.Target, err = budgetNumber(f[2]); err != nil {
			return nil, fail("%s: target %q: %v", l.Name, f[2], err)
		}
		if l.Ceiling, err = budgetNumber(f[3]); err != nil {
			return nil, fail("%s: ceiling %q: %v", l.Name, f[3], err)
		}
		if l.Margin, err = budgetMargin(f[4]); err != nil {
			return nil, fail("%s: margin %q: %v", l.Name, f[4], err)
		}
		if l.gated() {
			if math.IsNaN(l.Margin) {
				return nil, fail("%s: a ci ceiling needs a margin", l.Name)
			}
			if l.Unit == "ms" || l.Unit == "us" {
				return nil, fail("%s: a ci ceiling in %s is an absolute time; gate a ratio to a baseline instead", l.Name, l.Unit)
			}
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("perf: budget: %w", err)
	}
	return lines, nil
}

// budgetNumber parses a finite non-negative number, or "-" as NaN.
func budgetNumber(s string) (float64, error) {
	if s == "-" {
		return math.NaN(), nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("not a number")
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0, fmt.Errorf("want a finite number ≥ 0")
	}
	return v, nil
}

// budgetMargin parses a percentage such as "35%" into a fraction, or "-".
func budgetMargin(s string) (float64, error) {
	if s == "-" {
		return math.NaN(), nil
	}
	p, ok := strings.CutSuffix(s, "%")
	if !ok {
		return 0, fmt.Errorf("want a percentage such as 10%%")
	}
	v, err := budgetNumber(p)
	if err != nil || math.IsNaN(v) || v > 1000 {
		return 0, fmt.Errorf("want a percentage from 0%% to 1000%%")
	}
	return v / 100, nil
}

// A verdict is one figure measured against its budget line.
type verdict struct {
	Line  budgetLine
	Value float64
	Over  bool // gated and above the ceiling plus the margin
}

// checkBudget sets each ci line against the figure measured under its name.
// A ci line without a figure is an error: a renamed or lost measurement
// must not pass silently.
func checkBudget(lines []budgetLine, figures map[string]float64) ([]verdict, error) {
	var out []verdict
	for _, l := range lines {
		if l.Source != "ci" {
			continue
		}
		v, ok := figures[l.Name]
		if !ok {
			return nil, fmt.Errorf("perf: the budget names %q but nothing measured it", l.Name)
		}
		out = append(out, verdict{Line: l, Value: v, Over: l.gated() && v > l.limit()})
	}
	return out, nil
}

// String is the verdict as .ci/run prints it.
func (v verdict) String() string {
	l := v.Line
	s := fmt.Sprintf("%-22s %12s %-5s", l.Name, formatFigure(v.Value), l.Unit)
	if !math.IsNaN(l.Target) {
		if v.Value <= l.Target {
			s += fmt.Sprintf("  target %s: met", formatFigure(l.Target))
		} else {
			s += fmt.Sprintf("  target %s: %.2f× over", formatFigure(l.Target), v.Value/l.Target)
		}
	}
	if l.gated() {
		s += fmt.Sprintf("  ceiling %s +%g%% = %s", formatFigure(l.Ceiling), l.Margin*100, formatFigure(l.limit()))
		if v.Over {
			s += ": EXCEEDED"
		} else {
			s += ": ok"
		}
	}
	return s
}

func formatFigure(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) >= 1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}
