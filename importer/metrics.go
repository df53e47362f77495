package importer

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// isMetrics says whether doc is what "aws cloudwatch get-metric-data"
// prints: an object with MetricDataResults.
func isMetrics(doc *yaml.Node) bool { return get(doc, "MetricDataResults") != nil }

// series is one metric's data points, sorted by time.
type series struct {
	label  string
	path   string
	line   int
	times  []time.Time
	values []decimal.Decimal
}

// requestMetrics are the labels (a metric's name, get-metric-data's
// default label) that count requests: an ALB's RequestCount, API
// Gateway's Count, Lambda's Invocations. Their only meaningful statistic
// is Sum.
var requestMetrics = []string{"RequestCount", "Count", "Invocations"}

// metrics reads a get-metric-data result: a request count's series gives
// the mean rate, the busiest clock hour's rate and the shape of the week
// (workload.hourly); Lambda's Duration (Average) the mean duration.
type metrics struct {
	file    string
	doc     *yaml.Node
	skipped []Skipped
}

func (m *metrics) services() ([]Service, error) {
	var count, duration *series
	for i, r := range items(get(m.doc, "MetricDataResults")) {
		s, err := m.series(r, index("MetricDataResults", i))
		if err != nil {
			return nil, err
		}
		switch {
		case contains(requestMetrics, s.label) && count == nil:
			count = s
		case s.label == "Duration" && duration == nil:
			duration = s
		default:
			m.skipped = append(m.skipped, Skipped{File: m.file, Line: s.line, Kind: "metric " + s.label, Reason: "is not a request count (RequestCount, Count, Invocations) or Lambda's Duration"})
		}
	}
	if count == nil {
		m.skipped = append(m.skipped, Skipped{File: m.file, Line: m.doc.Line, Kind: "metrics", Reason: "has no request count (RequestCount, Count or Invocations, as Sum)"})
		return nil, nil
	}
	sv := newService(strings.TrimSuffix(baseName(m.file), ".json"), "CloudWatch "+count.label, m.file, count.line)
	if err := m.rates(&sv, count); err != nil {
		return nil, err
	}
	if duration != nil && len(duration.values) > 0 {
		sum := decimal.Zero
		for _, v := range duration.values {
			sum = sum.Add(v)
		}
		mean := sum.Div(decimal.NewFromInt(int64(len(duration.values)))).Round(3)
		if !mean.IsPositive() {
			return nil, &Error{File: m.file, Line: duration.line, Path: duration.path, Reason: "has no positive duration"}
		}
		sv.Scenario.Workload.DurationMS = &mean
		sv.set("workload", "duration_ms", mean.String(), []Origin{{File: m.file, Line: duration.line, Path: duration.path + " (the mean of " + fmt.Sprint(len(duration.values)) + " periods' averages, to the microsecond)"}})
	} else {
		dur := placeholderDuration
		sv.Scenario.Workload.DurationMS = &dur
		sv.missing("workload.duration_ms", dur.String(), "the metrics have no Duration: give the mean")
		sv.entries = append(sv.entries, entry{"workload", "duration_ms", dur.String(), nil})
	}
	mem := placeholderMemory
	sv.Scenario.Workload.MemoryMB = &mem
	sv.missing("workload.memory_mb", fmt.Sprint(mem), "what one request needs on Lambda; 128 MB is Lambda's smallest")
	sv.entries = append(sv.entries, entry{"workload", "memory_mb", fmt.Sprint(mem), nil})
	return []Service{sv}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// maxPoints bounds one series: five years of minutes.
const maxPoints = 5 * 366 * 24 * 60

func (m *metrics) series(r *yaml.Node, path string) (*series, error) {
	label, _ := scalar(get(r, "Label"))
	if label == "" {
		label, _ = scalar(get(r, "Id"))
	}
	ts, vs := items(get(r, "Timestamps")), items(get(r, "Values"))
	if len(ts) != len(vs) {
		return nil, &Error{File: m.file, Line: r.Line, Path: path, Reason: fmt.Sprintf("has %d timestamps and %d values", len(ts), len(vs))}
	}
	if len(ts) > maxPoints {
		return nil, &Error{File: m.file, Line: r.Line, Path: path, Reason: fmt.Sprintf("has %d data points, more than the %d an import reads", len(ts), maxPoints)}
	}
	s := &series{label: label, path: path, line: r.Line}
	type point struct {
		t time.Time
		v decimal.Decimal
	}
	pts := make([]point, len(ts))
	seen := map[time.Time]bool{}
	for i := range ts {
		text, _ := scalar(ts[i])
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			return nil, &Error{File: m.file, Line: ts[i].Line, Path: index(path+".Timestamps", i), Reason: fmt.Sprintf("%q is not an RFC 3339 time", text)}
		}
		t = t.UTC()
		if seen[t] {
			return nil, &Error{File: m.file, Line: ts[i].Line, Path: index(path+".Timestamps", i), Reason: fmt.Sprintf("%s appears twice", text)}
		}
		seen[t] = true
		vt, _ := scalar(vs[i])
		v, err := exactNumber(vt)
		if err != nil || v.IsNegative() {
			return nil, &Error{File: m.file, Line: vs[i].Line, Path: index(path+".Values", i), Reason: fmt.Sprintf("%q is not a non-negative number", vt)}
		}
		pts[i] = point{t, v}
	}
	// get-metric-data prints the newest first unless asked otherwise.
	sort.Slice(pts, func(i, j int) bool { return pts[i].t.Before(pts[j].t) })
	for _, p := range pts {
		s.times = append(s.times, p.t)
		s.values = append(s.values, p.v)
	}
	return s, nil
}

// rates turns a request count's series into the workload's rates. The
// period is the shortest step between two points; every step must be a
// whole number of periods (a longer one is a gap), and the period must
// divide an hour, so that clock hours can be added up. A gap is a period
// with no requests: an ALB, for one, reports RequestCount only while
// requests flow
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html).
func (m *metrics) rates(sv *Service, s *series) error {
	if len(s.times) < 2 {
		return &Error{File: m.file, Line: s.line, Path: s.path, Reason: "has fewer than two data points: no period to read"}
	}
	period := time.Duration(0)
	for i := 1; i < len(s.times); i++ {
		if d := s.times[i].Sub(s.times[i-1]); period == 0 || d < period {
			period = d
		}
	}
	if period < time.Second || time.Hour%period != 0 {
		return &Error{File: m.file, Line: s.line, Path: s.path, Reason: fmt.Sprintf("has a period of %s, which does not divide an hour: ask get-metric-data for a period of 60, 300 or 3600 seconds", period)}
	}
	gaps := 0
	for i := 1; i < len(s.times); i++ {
		d := s.times[i].Sub(s.times[i-1])
		if d%period != 0 {
			return &Error{File: m.file, Line: s.line, Path: s.path, Reason: fmt.Sprintf("has irregular periods: %s after %s is not a whole number of %s periods", d, s.times[i-1].Format(time.RFC3339), period)}
		}
		gaps += int(d/period) - 1
	}
	first := s.times[0].Truncate(time.Hour)
	last := s.times[len(s.times)-1].Truncate(time.Hour)
	hours := int(last.Sub(first)/time.Hour) + 1
	byHour := make([]decimal.Decimal, hours)
	total := decimal.Zero
	for i, t := range s.times {
		h := int(t.Truncate(time.Hour).Sub(first) / time.Hour)
		byHour[h] = byHour[h].Add(s.values[i])
		total = total.Add(s.values[i])
	}
	// The range is whole clock hours from the first point's to the
	// last's: a partial first or last hour is counted whole, and said.
	if !s.times[0].Equal(first) || !s.times[len(s.times)-1].Add(period).Equal(last.Add(time.Hour)) {
		sv.Notes = append(sv.Notes, fmt.Sprintf("the data starts at %s and ends at %s: the first and last clock hours are partial and counted as whole hours", s.times[0].Format(time.RFC3339), s.times[len(s.times)-1].Add(period).Format(time.RFC3339)))
	}
	if gaps > 0 {
		sv.Notes = append(sv.Notes, fmt.Sprintf("%d of %d periods of %s have no data point and are counted as no requests", gaps, gaps+len(s.times), period))
	}
	seconds := decimal.NewFromInt(int64(hours) * 3600)
	from := func(what string) []Origin {
		return []Origin{{File: m.file, Line: s.line, Path: s.path + " (" + what + ")"}}
	}
	mean, exact := divide(total, seconds)
	sv.Scenario.Workload.RequestsPerSecond = &mean
	sv.set("workload", "requests_per_second", mean.String(), from(fmt.Sprintf("%s requests over %d hours", total, hours)))
	if !exact {
		sv.Notes = append(sv.Notes, fmt.Sprintf("workload.requests_per_second: %s ÷ %s s does not end; rounded to %d places", total, seconds, ratePlaces))
	}
	busiest, at := decimal.Zero, 0
	for h, v := range byHour {
		if v.GreaterThan(busiest) {
			busiest, at = v, h
		}
	}
	peak, exact := divide(busiest, decimal.NewFromInt(3600))
	sv.Scenario.Workload.PeakHourRequestsPerSecond = &peak
	sv.set("workload", "peak_hour_requests_per_second", peak.String(), from(fmt.Sprintf("%s requests in the hour from %s", busiest, first.Add(time.Duration(at)*time.Hour).Format(time.RFC3339))))
	if !exact {
		sv.Notes = append(sv.Notes, fmt.Sprintf("workload.peak_hour_requests_per_second: %s ÷ 3600 s does not end; rounded to %d places", busiest, ratePlaces))
	}
	if hours < 168 {
		sv.Notes = append(sv.Notes, fmt.Sprintf("the data covers %d hours, less than a week: no workload.hourly", hours))
		return nil
	}
	// The week's shape: the mean of each hour of the week (Monday 00:00
	// UTC first) over every week of the range, in requests an hour;
	// runwhere scales the shape to the mean rate.
	var sums [168]decimal.Decimal
	var counts [168]int64
	for h, v := range byHour {
		t := first.Add(time.Duration(h) * time.Hour)
		slot := (int(t.Weekday())+6)%7*24 + t.Hour()
		sums[slot] = sums[slot].Add(v)
		counts[slot]++
	}
	shape := make([]decimal.Decimal, 168)
	texts := make([]string, 168)
	for i := range shape {
		shape[i], _ = divide(sums[i], decimal.NewFromInt(counts[i]))
		texts[i] = shape[i].String()
	}
	sv.Scenario.Workload.Hourly = shape
	sv.set("workload", "hourly", "["+strings.Join(texts, ", ")+"]", from(fmt.Sprintf("requests by hour of the week, Monday 00:00 UTC first, over %d hours", hours)))
	return nil
}

// ratePlaces are the decimal places a rate that does not end is rounded
// to: far below a request a month.
const ratePlaces = 12

// divide is a ÷ b, exact when the quotient ends within ratePlaces places.
func divide(a, b decimal.Decimal) (decimal.Decimal, bool) {
	q := a.DivRound(b, ratePlaces)
	return q, q.Mul(b).Equal(a)
}
