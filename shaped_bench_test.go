package runwhere_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// risingWeek is the hourly list 1, 2, …, 168: every hour of the week its
// own load level.
func risingWeek() string {
	hours := make([]string, 168)
	for h := range hours {
		hours[h] = fmt.Sprint(h + 1)
	}
	return "[" + strings.Join(hours, ", ") + "]"
}

// shapedWorst are the shaped services of issue 27's second item and the
// worst neighbours found around them:
//
//   - alb: 168 rising hourly loads, 100,000 requests/s, a fleet that
//     follows the load over the 26 zones the parser allows, an ALB in
//     front of both sides (Evaluate took 2.8 s, Curves(200) 7–9 s);
//   - all: the same with every other line (NAT gateways per zone with
//     egress, discounts on all three services, 10 cheaper configurations
//     a platform: 18–21 s);
//   - crossings: 250 requests/s on c5.2xlarge over 23 zones, where Lambda
//     and the fleets cross 94 to 152 times (the solve walked more than
//     100,000 steps and gave up; found by a random search).
var shapedWorst = []struct{ name, yaml string }{
	{"alb", `workload: {requests_per_second: 100000, duration_ms: 120, memory_mb: 512, hourly: ` + risingWeek() + `}
servers: {autoscaling: true, zones: 26}
ingress: {lambda: alb, servers: alb}
`},
	{"all", `workload: {requests_per_second: 100000, duration_ms: 120, memory_mb: 512, hourly: ` + risingWeek() + `}
servers: {autoscaling: true, zones: 26}
ingress: {lambda: alb, servers: alb}
network: {nat_gateways: per-zone, egress_gb_per_month: 500}
discounts: {ec2: 0.2, fargate: 0.1, lambda: 0.17}
alternatives: 10
`},
	{"crossings", `workload: {requests_per_second: 250, duration_ms: 20, memory_mb: 512, hourly: ` + risingWeek() + `}
servers: {autoscaling: true, zones: 23, instance_type: c5.2xlarge}
`},
}

// BenchmarkShapedManyZones prices the shaped services of shapedWorst:
// Evaluate, and Curves at the page's 41 points and the default 200
// (target: Evaluate and Curves(41) under 100 ms).
func BenchmarkShapedManyZones(b *testing.B) {
	for _, sc := range shapedWorst {
		s, err := runwhere.ParseScenario([]byte(sc.yaml))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(sc.name+"/Evaluate", func(b *testing.B) {
			for b.Loop() {
				if _, err := runwhere.Evaluate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, points := range []int{41, 200} {
			b.Run(fmt.Sprintf("%s/Curves%d", sc.name, points), func(b *testing.B) {
				for b.Loop() {
					if _, err := runwhere.Curves(s, points); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
