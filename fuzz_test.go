package runwhere_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
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
	f.Add([]byte("workload: {requests_per_second: 1e9, duration_ms: 1e-30, memory_mb: 1, hourly: [1e9, 1e-40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]}\nservers: {autoscaling: true, min_count: 1000000000, scale_out_minutes: 1440}"))
	f.Add([]byte("workload: {kind: job, runs_per_month: 1000000000, run_minutes: 43800, parallelism: 1000000000, memory_mb: 10240}\nservers: {node_start_minutes: 0.0001}"))
	f.Add([]byte("workload: {kind: job, runs_per_month: 0, run_minutes: 0.001, memory_mb: 128}\nplatforms: [lambda, ecs-fargate, ecs-ec2]"))
	f.Add([]byte("workload: {requests_per_second: 1e9, duration_ms: 1, memory_mb: 1}\ningress: {lambda: alb, servers: alb, keep_alive: false, rules: 1e9, response_kb: 10240}\nnetwork: {nat_gateways: per-zone, egress_gb_per_month: 1e9}\ndiscounts: {ec2: 0.999999, fargate: 0.5, lambda: 0, spot: true}"))
	// Issue 23's fields: what runs today, CPU in milliseconds, the busiest
	// hour, what a request adds, a replica's workers.
	f.Add([]byte("workload: {requests_per_second: 50, peak_hour_requests_per_second: 400, duration_ms: 120, memory_mb: 512, request_memory_mb: 64}\ncontainer: {max_in_flight: 8}\ncurrent: {platform: ecs-ec2, instance_type: m5.large, count: 4.5, cpu_utilization: 0.1, peak_cpu_utilization: 0.3, memory_utilization: 0.5, requests_per_second: 40}"))
	f.Add([]byte("workload: {requests_per_second: 1e-9, duration_ms: 1e-9, cpu_ms: 1e-9, memory_mb: 1}\ncurrent: {platform: ecs-fargate, task_vcpu: 0.25, task_memory_mb: 512, count: 1e9, cpu_utilization: 1}"))
	f.Add([]byte("workload: {requests_per_second: 1e9, duration_ms: 900000, memory_mb: 10240}\ncurrent: {platform: lambda, memory_mb: 10240, cpu_utilization: 0.000000001}\ningress: {lambda: api-gateway-http}"))
	f.Add([]byte("workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 128}\ncurrent: {platform: lambda-managed-instances, instance_type: c7g.large, count: 3}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s runwhere.Scenario
		var err error
		inputtest.Timed(t, "ParseScenario", data, func() { s, err = runwhere.ParseScenario(data) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("ParseScenario error %q lacks the package prefix", err)
			}
			return
		}
		var r runwhere.Report
		inputtest.Timed(t, "Evaluate", data, func() { r, err = runwhere.Evaluate(s) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("Evaluate error %q lacks the package prefix", err)
			}
			return
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("report does not marshal: %v", err)
		}
		inputtest.Timed(t, "Markdown", data, func() { _ = r.Markdown() })
		inputtest.Timed(t, "Curves", data, func() { _, err = runwhere.Curves(s, 8) })
		if err != nil {
			t.Fatalf("Curves failed where Evaluate succeeded: %v", err)
		}
	})
}

// fuzzDecimal reads s as a decimal within the bounds the scenario parser
// enforces (exponents within ±40, at most 34 significant digits), so that
// Go-built scenarios stay in the range YAML can reach.
func fuzzDecimal(s string) (*decimal.Decimal, bool) {
	d, err := decimal.NewFromString(s)
	if err != nil || d.Exponent() < -40 || d.Exponent() > 40 || len(d.Coefficient().String()) > 34 {
		return nil, false
	}
	return &d, true
}

// curveFuzzPoints caps the points FuzzCurves asks for. Curves accepts up to
// MaxCurvePoints (1000, about 50 ms for seven platforms on a 2-core
// machine), too close to inputtest.CallLimit on a loaded one; 400 is twice the
// default and well inside it.
const curveFuzzPoints = 400

// FuzzCurves sizes and prices a workload at a range of rates: whatever the
// numbers, Curves fails with a "runwhere: " error or returns, for every
// platform of the scenario, points at strictly rising rates whose costs
// never fall as the load rises.
func FuzzCurves(f *testing.F) {
	f.Add("40", "400", "120", "0.5", int64(512), int64(0), int64(3), uint8(0), 9)
	f.Add("0", "0", "1", "0.25", int64(128), int64(2), int64(1), uint8(0b1100000), 0)
	f.Add("1000000", "1000000", "1000", "4", int64(10240), int64(0), int64(26), uint8(0), 2)
	f.Add("1e-30", "1", "900000", "0.001", int64(1), int64(1000), int64(1), uint8(0b1111111), 400)
	f.Add("1", "0.5", "1", "1", int64(1), int64(0), int64(0), uint8(1), 1)
	ids := platform.IDs()
	f.Fuzz(func(t *testing.T, rps, peak, durationMS, vcpu string, memoryMB, count, zones int64, mask uint8, points int) {
		if points > curveFuzzPoints {
			points %= curveFuzzPoints + 1
		}
		var s runwhere.Scenario
		var ok bool
		if s.Workload.RequestsPerSecond, ok = fuzzDecimal(rps); !ok {
			return
		}
		if s.Workload.DurationMS, ok = fuzzDecimal(durationMS); !ok {
			return
		}
		s.Workload.PeakRequestsPerSecond, _ = fuzzDecimal(peak)
		s.Container.VCPU, _ = fuzzDecimal(vcpu)
		s.Workload.MemoryMB, s.Servers.Count, s.Servers.Zones = &memoryMB, &count, &zones
		for i, id := range ids {
			if mask&(1<<i) != 0 {
				s.Platforms = append(s.Platforms, id)
			}
		}
		input := fmt.Sprintf("rps %s, peak %s, duration %s ms, vcpu %s, memory %d MB, count %d, zones %d, platforms %v, points %d",
			rps, peak, durationMS, vcpu, memoryMB, count, zones, s.Platforms, points)
		var curves []runwhere.Curve
		var err error
		inputtest.Timed(t, "Curves", input, func() { curves, err = runwhere.Curves(s, points) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "runwhere: ") {
				t.Fatalf("Curves(%s) error %q lacks the package prefix", input, err)
			}
			return
		}
		if points == 0 {
			points = runwhere.DefaultCurvePoints
		}
		want := len(s.Platforms)
		if want == 0 {
			want = len(ids)
		}
		if len(curves) != want {
			t.Fatalf("Curves(%s) = %d curves, want %d", input, len(curves), want)
		}
		for _, c := range curves {
			if len(c.Points) == 0 {
				continue
			}
			if len(c.Points) != points {
				t.Fatalf("Curves(%s): %s has %d points, want %d", input, c.Platform, len(c.Points), points)
			}
			for i, p := range c.Points {
				if p.MonthlyCost.IsNegative() {
					t.Fatalf("Curves(%s): %s costs %s at %s/s", input, c.Platform, p.MonthlyCost, p.RequestsPerSecond)
				}
				if i == 0 {
					continue
				}
				prev := c.Points[i-1]
				if !p.RequestsPerSecond.GreaterThan(prev.RequestsPerSecond) {
					t.Fatalf("Curves(%s): %s rate %s after %s, want rising rates", input, c.Platform, p.RequestsPerSecond, prev.RequestsPerSecond)
				}
				if p.MonthlyCost.LessThan(prev.MonthlyCost) {
					t.Fatalf("Curves(%s): %s costs %s at %s/s, less than %s at %s/s", input, c.Platform, p.MonthlyCost, p.RequestsPerSecond, prev.MonthlyCost, prev.RequestsPerSecond)
				}
			}
		}
	})
}

// eventSep separates the events of one FuzzWhatIf input: a byte no event
// needs, so that commas, spaces and line breaks stay inside an element.
const eventSep = "\x1f"

var eventIndex = regexp.MustCompile(`events\[(\d+)\]`)

// FuzzWhatIf applies fuzzed failure events to fuzzed topologies: WhatIf
// fails with a "runwhere: " error that names an element that exists, or
// returns one state per element, each the state after that element read
// as exactly one step.
func FuzzWhatIf(f *testing.F) {
	f.Add("manager:1\x1fmanager:2\x1fzone:c", uint8(0), int64(3), int64(3))
	f.Add(" \x1fmanager:1,manager:2", uint8(0), int64(3), int64(3))
	f.Add("worker\x1f+worker\x1fcontrol-plane\x1f+zone:a", uint8(2), int64(5), int64(2))
	f.Add("", uint8(5), int64(1), int64(1))
	f.Add("zone:z\x1fworker:99999", uint8(255), int64(99), int64(26))
	s0, err := runwhere.ParseScenario([]byte(ordersAPI))
	if err != nil {
		f.Fatal(err)
	}
	ids := platform.IDs()
	f.Fuzz(func(t *testing.T, joined string, which uint8, managers, zones int64) {
		var events []string
		if joined != "" {
			events = strings.Split(joined, eventSep)
		}
		// The top few values of which name no platform.
		id := runwhere.PlatformID("openshift")
		if int(which) < len(ids)*(256/len(ids)) {
			id = ids[int(which)%len(ids)]
		}
		s := s0
		s.Platforms = nil
		s.Servers.Managers, s.Servers.Zones = &managers, &zones
		input := fmt.Sprintf("%s, managers %d, zones %d, events %q", id, managers, zones, events)
		var res runwhere.WhatIfResult
		var err error
		inputtest.Timed(t, "WhatIf", input, func() { res, err = runwhere.WhatIf(s, id, events) })
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "runwhere: ") {
				t.Fatalf("WhatIf(%s) error %q lacks the package prefix", input, msg)
			}
			if m := eventIndex.FindStringSubmatch(msg); m != nil {
				if i, _ := strconv.Atoi(m[1]); i >= len(events) {
					t.Fatalf("WhatIf(%s) error %q names an element past the %d given", input, msg, len(events))
				}
			}
			return
		}
		if len(res.States) != len(events)+1 {
			t.Fatalf("WhatIf(%s) = %d states, want %d: one per element and the initial one", input, len(res.States), len(events)+1)
		}
		for i, ev := range events {
			if strings.TrimSpace(ev) == "" || strings.Contains(ev, ",") {
				t.Fatalf("WhatIf(%s) accepted element %d %q", input, i, ev)
			}
			steps, err := ha.ParseSteps(ev)
			if err != nil || len(steps) != 1 {
				t.Fatalf("WhatIf(%s) accepted element %d %q, which ha.ParseSteps reads as %v, %v", input, i, ev, steps, err)
			}
			if got := res.States[i+1].Step; got != steps[0].String() {
				t.Fatalf("WhatIf(%s) state %d is after %q, want %q", input, i+1, got, steps[0])
			}
		}
	})
}

// FuzzMarkdown renders reports whose scenario name, worker instance type
// (which blocker messages and reasons quote) and region hold arbitrary
// text: none of it may open a heading, link, image, HTML or autolink, add
// a table cell or close the inputs' code block (see mdProblems), and the
// title shows the name as written.
func FuzzMarkdown(f *testing.F) {
	f.Add("orders-api", "m5.large", "")
	f.Add("a\r# b", "https://evil.example/x", "www.evil.example")
	f.Add("![img](https://evil.example/i.png) [l](https://evil.example)", "[x](https://evil.example)", "us-east-1")
	f.Add("<https://evil.example> me@evil.example", "\n# evil", "[r](x)")
	f.Add("x\n```\n# evil", "m5|www.evil.example", "`")
	f.Add("(https://aws.amazon.com/lambda/sla/)", "(https://aws.amazon.com/lambda/sla/)x", "\u2028# y")
	f.Fuzz(func(t *testing.T, name, instanceType, region string) {
		r, ok := markdownOf(t, name, instanceType)
		if !ok {
			return
		}
		if region != "" {
			r.Region = region
		}
		input := fmt.Sprintf("name %q, instance type %q, region %q", name, instanceType, region)
		var md string
		inputtest.Timed(t, "Markdown", input, func() { md = r.Markdown() })
		if problems := mdProblems(r, md); len(problems) > 0 {
			t.Fatalf("Markdown(%s):\n%s\n\n%s", input, strings.Join(problems, "\n"), md)
		}
		title, _, _ := strings.Cut(md, "\n")
		want := "unnamed scenario"
		if name != "" {
			want = asText(name)
		}
		if got := visible(strings.TrimPrefix(title, "# runwhere: ")); got != want {
			t.Fatalf("Markdown(%s) title reads %q, want %q (from %q)", input, got, want, title)
		}
	})
}

// asText is s as a one-line title shows it: line breaks and other control
// characters as spaces, bytes that are not UTF-8 as U+FFFD.
func asText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}
