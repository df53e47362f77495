package runwhere_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// worstScenarios are the most expensive valid scenarios we know how to
// write (issue 27): each sits at a parse-time bound where the work grows
// with it. BenchmarkWorst times them; the figures belong in the issue
// notes, and the bound the project keeps is stated in the README's
// "Limits on input".
func worstScenarios() []struct{ name, yaml string } {
	week := func(f func(h int) string) string {
		v := make([]string, 168)
		for h := range v {
			v[h] = f(h)
		}
		return "[" + strings.Join(v, ", ") + "]"
	}
	// Everything that surrounds a fleet, on both sides, and the most
	// cheaper configurations a report may ask for.
	around := `
ingress: {lambda: alb, servers: alb, keep_alive: false, rules: 3}
network: {nat_gateways: per-zone, egress_gb_per_month: 1e6}
discounts: {ec2: 0.3, fargate: 0.2, lambda: 0.1, spot: true}
alternatives: 10
`
	// A job has no front door: only what it shares with a service.
	jobAround := `
network: {nat_gateways: per-zone, egress_gb_per_month: 1e6}
discounts: {ec2: 0.3, fargate: 0.2, lambda: 0.1, spot: true}
alternatives: 10
`
	service := func(hourly string, servers string) string {
		return "workload: {requests_per_second: 100000, duration_ms: 120, memory_mb: 512, hourly: " + hourly + "}\n" +
			"servers: " + servers + around
	}
	// Every hour its own level, in an order that shares no run of equal
	// neighbours: the shape a step merger cannot shorten.
	scrambled := week(func(h int) string { return fmt.Sprint((h*97)%168 + 1) })
	rising := week(func(h int) string { return fmt.Sprint(h + 1) })
	return []struct{ name, yaml string }{
		{"shape168/rising/zones26", service(rising, "{autoscaling: true, zones: 26}")},
		{"shape168/scrambled/zones26", service(scrambled, "{autoscaling: true, zones: 26}")},
		{"shape168/scrambled/zones26/floor", service(scrambled, "{autoscaling: true, zones: 26, min_count: 1000, scale_out_minutes: 1440}")},
		{"shape168/scrambled/zones26/survive", service(scrambled, "{autoscaling: true, zones: 26, survive_zone_loss: true}")},
		{"shape168/rising/zones26/1e9rps", strings.Replace(service(rising, "{autoscaling: true, zones: 26}"), "requests_per_second: 100000", "requests_per_second: 1e9", 1)},
		{"job/parallelism1e4", "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512, parallelism: 10000}\n"},
		{"job/parallelism1e9", "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512, parallelism: 1000000000}\nservers: {node_start_minutes: 0.0001}\n"},
		{"job/max", "workload: {kind: job, runs_per_month: 1000000000, run_minutes: 43800, memory_mb: 10240, parallelism: 1000000000}\n" + jobAround},
		{"job/parallelism1e4/around", "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512, parallelism: 10000}\n" + jobAround},
	}
}

// BenchmarkWorst evaluates each worst scenario and draws its curves at
// the page's 41 points.
func BenchmarkWorst(b *testing.B) {
	for _, tc := range worstScenarios() {
		s, err := runwhere.ParseScenario([]byte(tc.yaml))
		if err != nil {
			b.Fatalf("%s: %v", tc.name, err)
		}
		b.Run(tc.name+"/Evaluate", func(b *testing.B) {
			for b.Loop() {
				if _, err := runwhere.Evaluate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.name+"/Curves41", func(b *testing.B) {
			for b.Loop() {
				if _, err := runwhere.Curves(s, 41); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWorstScenariosParse keeps the benchmark's scenarios valid: each
// sits at a bound the parser accepts.
func TestWorstScenariosParse(t *testing.T) {
	for _, tc := range worstScenarios() {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runwhere.ParseScenario([]byte(tc.yaml))
			if err != nil {
				t.Fatalf("ParseScenario: %v", err)
			}
		})
	}
}
