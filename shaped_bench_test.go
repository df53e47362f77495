package runwhere_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// manyZonesScenario is the service of issue 27's second item: 168 rising
// hourly loads (1 … 168), 100,000 requests/s, a fleet that follows the
// load over the 26 zones the parser allows, an ALB in front of both
// sides; with all, every other surrounding line too (NAT gateways per
// zone with egress, discounts, cheaper configurations).
func manyZonesScenario(b *testing.B, all bool) runwhere.Scenario {
	b.Helper()
	hours := make([]string, 168)
	for h := range hours {
		hours[h] = fmt.Sprint(h + 1)
	}
	text := `workload: {requests_per_second: 100000, duration_ms: 120, memory_mb: 512, hourly: [` + strings.Join(hours, ", ") + `]}
servers: {autoscaling: true, zones: 26}
ingress: {lambda: alb, servers: alb}
`
	if all {
		text += `network: {nat_gateways: per-zone, egress_gb_per_month: 500}
discounts: {ec2: 0.2, fargate: 0.1, lambda: 0.17}
alternatives: 10
`
	}
	s, err := runwhere.ParseScenario([]byte(text))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkShapedManyZones prices issue 27's shaped service over 26 zones:
// Evaluate and Curves at the page's 41 points and the default 200, alone
// and with every surrounding line (target: each under 100 ms).
func BenchmarkShapedManyZones(b *testing.B) {
	for _, all := range []bool{false, true} {
		name := "alb"
		if all {
			name = "all"
		}
		s := manyZonesScenario(b, all)
		b.Run(name+"/Evaluate", func(b *testing.B) {
			for b.Loop() {
				if _, err := runwhere.Evaluate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, points := range []int{41, 200} {
			b.Run(fmt.Sprintf("%s/Curves%d", name, points), func(b *testing.B) {
				for b.Loop() {
					if _, err := runwhere.Curves(s, points); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
