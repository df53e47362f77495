package runwhere_test

import (
	"testing"

	"github.com/runwhere/runwhere"
	"github.com/shopspring/decimal"
)

func benchScenario(b *testing.B) runwhere.Scenario {
	b.Helper()
	s, err := runwhere.ParseScenario([]byte(`
workload: {requests_per_second: 40, peak_requests_per_second: 400, duration_ms: 120, memory_mb: 512}
platforms: [lambda, ecs-fargate, ecs-ec2, eks, kubernetes, swarm]
`))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkEvaluate prices, sizes and ranks six platforms (target: under
// 200 µs on a 2-core machine).
func BenchmarkEvaluate(b *testing.B) {
	s := benchScenario(b)
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCurves draws 6 platforms × 200 points, what the calculator does
// on every keystroke (target: under 20 ms).
func BenchmarkCurves(b *testing.B) {
	s := benchScenario(b)
	for b.Loop() {
		if _, err := runwhere.Curves(s, 200); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseScenario(b *testing.B) {
	data := []byte(ordersAPI)
	for b.Loop() {
		if _, err := runwhere.ParseScenario(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlternatives is BenchmarkEvaluate asking for three cheaper
// configurations: every current instance type priced in us-east-1 for the
// four EC2-based platforms, Fargate's sizes and Lambda's memory sizes on
// both architectures (target: under 100 ms).
func BenchmarkAlternatives(b *testing.B) {
	s := benchScenario(b)
	three := int64(3)
	s.Alternatives = &three
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateEUWest1 is BenchmarkEvaluate in eu-west-1, a generated
// regional catalogue.
func BenchmarkEvaluateEUWest1(b *testing.B) {
	s := benchScenario(b)
	s.Region = "eu-west-1"
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// businessHoursScenario is benchScenario with a week's business-hours shape (168
// hours) and a fleet that follows it.
func businessHoursScenario(b *testing.B) runwhere.Scenario {
	s := benchScenario(b)
	yes := true
	peak := s.Workload.RequestsPerSecond.Mul(decimal.NewFromInt(5))
	s.Workload.Profile, s.Servers.Autoscaling, s.Workload.PeakRequestsPerSecond = runwhere.ProfileBusinessHours, &yes, &peak
	return s
}

// BenchmarkEvaluateShaped is BenchmarkEvaluate with a 168-hour shape and
// autoscaling (target: at most twice BenchmarkEvaluate).
func BenchmarkEvaluateShaped(b *testing.B) {
	s := businessHoursScenario(b)
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCurvesShaped is BenchmarkCurves with the 168-hour shape and
// autoscaling: every point prices the fleet level by level (target: under
// 20 ms).
func BenchmarkCurvesShaped(b *testing.B) {
	s := businessHoursScenario(b)
	for b.Loop() {
		if _, err := runwhere.Curves(s, 200); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlternativesShaped is BenchmarkAlternatives on the 168-hour
// shape with autoscaling: each candidate is priced by its adapter, level
// by level (target: under 100 ms, as for BenchmarkAlternatives).
func BenchmarkAlternativesShaped(b *testing.B) {
	s := businessHoursScenario(b)
	three := int64(3)
	s.Alternatives = &three
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateWholeBill is BenchmarkEvaluate with every line of the
// whole bill: API Gateway in front of Lambda, an ALB in front of the
// containers, a NAT gateway per zone and discounts on all three services
// (target: at most 1.2 times BenchmarkEvaluate).
func BenchmarkEvaluateWholeBill(b *testing.B) {
	s := benchScenario(b)
	w, err := runwhere.ParseScenario([]byte(`workload: {requests_per_second: 1, duration_ms: 1, memory_mb: 1}
ingress: {lambda: api-gateway-http, servers: alb}
network: {nat_gateways: per-zone, egress_gb_per_month: 500}
discounts: {ec2: 0.2, fargate: 0.1, lambda: 0.17}`))
	if err != nil {
		b.Fatal(err)
	}
	s.Ingress, s.Network, s.Discounts = w.Ingress, w.Network, w.Discounts
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// calibratedScenario is issue 23's question with what runs today, so that
// Evaluate calibrates, prices the baseline and re-evaluates its defaults.
func calibratedScenario(b *testing.B) runwhere.Scenario {
	b.Helper()
	s, err := runwhere.ParseScenario([]byte(`
region: eu-west-1
workload: {requests_per_second: 50, peak_hour_requests_per_second: 400, duration_ms: 120, memory_mb: 512}
platforms: [lambda, ecs-fargate, ecs-ec2, eks, kubernetes, swarm]
current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.1}
`))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// plainScenario is the same workload with every input that moves money
// given, so that Evaluate has no current block and nothing to
// re-evaluate: the base BenchmarkEvaluateCalibrated is set against.
func plainScenario(b *testing.B) runwhere.Scenario {
	b.Helper()
	s, err := runwhere.ParseScenario([]byte(`
region: eu-west-1
workload: {requests_per_second: 50, peak_hour_requests_per_second: 400, peak_requests_per_second: 400, duration_ms: 120, cpu_ms: 16, memory_mb: 512}
platforms: [lambda, ecs-fargate, ecs-ec2, eks, kubernetes, swarm]
servers: {target_utilization: 0.7, zones: 3}
`))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkEvaluateCalibrated is Evaluate with a current block and the
// re-evaluations of its assumptions; issue 23 bounds it at 3× a plain
// Evaluate (BenchmarkEvaluatePlain) in the same run.
func BenchmarkEvaluateCalibrated(b *testing.B) {
	s := calibratedScenario(b)
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluatePlain is the same answer with nothing to calibrate or
// re-evaluate.
func BenchmarkEvaluatePlain(b *testing.B) {
	s := plainScenario(b)
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}
