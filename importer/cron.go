package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// A schedule's runs a month: runwhere's month is 730 hours, a twelfth of
// a 365-day year, so a schedule's runs are counted over the 365 days of
// 2025 (a year that starts on a Wednesday; any other would move a
// weekday schedule by at most a run) and divided by 12. A count that does
// not divide is rounded half up and said.

// cronSpec is a five-field cron schedule: minute, hour, day of month,
// month, day of week, each the set of values it matches.
type cronSpec struct {
	sets           [5][]bool
	domAny, dowAny bool
}

var cronFields = [5]struct {
	name     string
	min, max int
	names    []string
}{
	{"minute", 0, 59, nil},
	{"hour", 0, 23, nil},
	{"day of month", 1, 31, nil},
	{"month", 1, 12, []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{"day of week", 0, 7, []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}},
}

// cronMacros are the schedules Kubernetes' CronJob accepts by name
// (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax).
var cronMacros = map[string]string{
	"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
	"@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
}

// parseCron reads a five-field schedule as Kubernetes does: numbers,
// ranges, steps, lists, "*" and "?" and three-letter month and weekday
// names; a day of month and a day of week both restricted match either
// (cron's rule).
func parseCron(expr string) (cronSpec, error) {
	if m, ok := cronMacros[strings.ToLower(strings.TrimSpace(expr))]; ok {
		expr = m
	}
	fields := strings.Fields(expr)
	if len(fields) != 5 {
		return cronSpec{}, fmt.Errorf("%q has %d fields, not the five of minute hour day-of-month month day-of-week", expr, len(fields))
	}
	var c cronSpec
	for i, f := range fields {
		spec := cronFields[i]
		set := make([]bool, spec.max+1)
		for _, part := range strings.Split(f, ",") {
			lo, hi, step := spec.min, spec.max, 1
			rng, st, hasStep := strings.Cut(part, "/")
			if hasStep {
				n, err := strconv.Atoi(st)
				if err != nil || n < 1 || n > spec.max+1 {
					return cronSpec{}, fmt.Errorf("%q: the step %q of its %s is not a whole number from 1 to %d", expr, st, spec.name, spec.max+1)
				}
				step = n
			}
			if rng != "*" && rng != "?" {
				a, b, isRange := strings.Cut(rng, "-")
				var err error
				if lo, err = cronValue(a, spec.names, spec.min, spec.max); err != nil {
					return cronSpec{}, fmt.Errorf("%q: its %s: %v", expr, spec.name, err)
				}
				hi = lo
				if isRange {
					if hi, err = cronValue(b, spec.names, spec.min, spec.max); err != nil {
						return cronSpec{}, fmt.Errorf("%q: its %s: %v", expr, spec.name, err)
					}
				} else if hasStep {
					hi = spec.max
				}
				if hi < lo {
					return cronSpec{}, fmt.Errorf("%q: its %s range %s runs backwards", expr, spec.name, rng)
				}
			}
			for v := lo; v <= hi; v += step {
				set[v] = true
			}
		}
		if i == 4 && set[7] {
			set[0] = true // 7 is Sunday too
		}
		c.sets[i] = set
	}
	c.domAny, c.dowAny = fields[2] == "*" || fields[2] == "?", fields[4] == "*" || fields[4] == "?"
	return c, nil
}

func cronValue(s string, names []string, min, max int) (int, error) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			if len(names) == 12 {
				return i + 1, nil
			}
			return i, nil
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, fmt.Errorf("%q is not a value from %d to %d", s, min, max)
	}
	return n, nil
}

// runsAYear counts the schedule's runs over 2025, minute by minute of the
// hours and days that match.
func (c cronSpec) runsAYear() int64 {
	perHour := int64(0)
	for _, on := range c.sets[0] {
		if on {
			perHour++
		}
	}
	hours := int64(0)
	for _, on := range c.sets[1] {
		if on {
			hours++
		}
	}
	days := int64(0)
	for d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 2025; d = d.AddDate(0, 0, 1) {
		if !c.sets[3][int(d.Month())] {
			continue
		}
		dom, dow := c.sets[2][d.Day()], c.sets[4][int(d.Weekday())]
		var on bool
		switch {
		case c.domAny && c.dowAny:
			on = true
		case c.domAny:
			on = dow
		case c.dowAny:
			on = dom
		default:
			on = dom || dow
		}
		if on {
			days++
		}
	}
	return days * hours * perHour
}

// roundedNote says how a schedule's year of runs became n a month.
func roundedNote(year, n int64) string {
	return fmt.Sprintf("runs %d times in 2025, %s a 730-hour month, rounded to %d", year, decimal.NewFromInt(year).Div(decimal.NewFromInt(12)).StringFixed(2), n)
}

// runsAMonth is a year's runs over 12, rounded half up; exact says
// whether it divided.
func runsAMonth(year int64) (int64, bool) {
	return decimal.NewFromInt(year).Div(decimal.NewFromInt(12)).Round(0).IntPart(), year%12 == 0
}

// rateRuns reads an EventBridge rate expression, "rate(5 minutes)",
// as runs a 730-hour month.
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
func rateRuns(expr string) (int64, bool, error) {
	body, prefixed := strings.CutPrefix(expr, "rate(")
	body, closed := strings.CutSuffix(body, ")")
	if !prefixed || !closed {
		return 0, false, fmt.Errorf("%q is not rate(N unit)", expr)
	}
	f := strings.Fields(body)
	if len(f) != 2 {
		return 0, false, fmt.Errorf("%q is not rate(N unit)", expr)
	}
	n, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil || n < 1 || n > 1_000_000 {
		return 0, false, fmt.Errorf("%q: %q is not a whole number from 1", expr, f[0])
	}
	minutes := map[string]int64{"minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440}[f[1]]
	if minutes == 0 {
		return 0, false, fmt.Errorf("%q: the unit %q is not minutes, hours or days", expr, f[1])
	}
	month := decimal.NewFromInt(730 * 60)
	runs := month.Div(decimal.NewFromInt(n * minutes))
	return runs.Round(0).IntPart(), runs.IsInteger(), nil
}

// awsCron reads an EventBridge cron expression, "cron(0 12 * * ? *)":
// six fields, the last the year, which must be "*" (runs a month assume
// every year); L, W and # are refused.
func awsCron(expr string) (cronSpec, error) {
	body, prefixed := strings.CutPrefix(expr, "cron(")
	body, closed := strings.CutSuffix(body, ")")
	if !prefixed || !closed {
		return cronSpec{}, fmt.Errorf("%q is not cron(minutes hours day-of-month month day-of-week year)", expr)
	}
	f := strings.Fields(body)
	if len(f) != 6 {
		return cronSpec{}, fmt.Errorf("%q has %d fields, not EventBridge's six", expr, len(f))
	}
	if f[5] != "*" {
		return cronSpec{}, fmt.Errorf("%q runs in the years %s only: runwhere prices a month of every year", expr, f[5])
	}
	if strings.ContainsAny(body, "LW#") {
		return cronSpec{}, fmt.Errorf("%q uses L, W or #, which runwhere does not count", expr)
	}
	// EventBridge numbers the days of the week 1 (Sunday) to 7.
	dow := f[4]
	if dow != "*" && dow != "?" {
		var parts []string
		for _, p := range strings.Split(dow, ",") {
			parts = append(parts, shiftDays(p))
		}
		dow = strings.Join(parts, ",")
	}
	return parseCron(strings.Join([]string{f[0], f[1], f[2], f[3], dow}, " "))
}

// shiftDays turns EventBridge's 1–7 weekdays into cron's 0–6.
func shiftDays(p string) string {
	rng, step, hasStep := strings.Cut(p, "/")
	a, b, isRange := strings.Cut(rng, "-")
	shift := func(s string) string {
		if n, err := strconv.Atoi(s); err == nil {
			return strconv.Itoa(n - 1)
		}
		return s
	}
	out := shift(a)
	if isRange {
		out += "-" + shift(b)
	}
	if hasStep {
		out += "/" + step
	}
	return out
}
