package engine_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// TestAlternativesAsBefore27: the search for cheaper configurations keeps
// only the n best, bounds each type by its control plane too, and prices
// an autoscaled fleet's node-hours once per way of laying its replicas;
// none of that may change an answer. Every reference scenario, and
// scenarios that reach each path of the search (an autoscaled fleet over
// a week's shape behind an ALB, another over a day's, a job on many nodes, the whole bill with discounts, another region), is
// evaluated with the search of before issue 27 (kept in
// alternatives_before27_test.go) and with today's, asking for 1 to 10
// alternatives on any architecture and on the workload's only: the two
// reports must be byte for byte the same.
func TestAlternativesAsBefore27(t *testing.T) {
	cases := []struct{ name, yaml string }{
		// ECS (a fee of $0), EKS (a fee) and Swarm (managers on the type).
		{"autoscaled week behind an ALB", `
platforms: [ecs-ec2, eks, swarm]
workload: {requests_per_second: 200, duration_ms: 100, memory_mb: 512, hourly: ` + risingWeek() + `}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {instance_type: m5.large, autoscaling: true, zones: 2, min_count: 3}
ingress: {servers: alb}
`},
		// Not with survive_zone_loss: the adapter bills such a fleet's
		// groups of one node per zone as single nodes (a third of its
		// model's cost over three zones), below the least bill of its
		// nodes, so the search's bound drops types the search before
		// issue 27 kept by luck.
		{"autoscaled daily spike", `
region: eu-west-1
platforms: [ecs-ec2, eks, swarm]
workload: {requests_per_second: 100, peak_requests_per_second: 900, duration_ms: 100, memory_mb: 512, profile: daily-spike}
container: {vcpu: 1, memory_mb: 2048}
servers: {instance_type: m5.large, autoscaling: true, zones: 3}
`},
		{"job on many nodes", `
platforms: [ecs-ec2, eks, kubernetes, swarm, nomad, ecs-fargate]
workload: {kind: job, runs_per_month: 200, run_minutes: 30, parallelism: 40, memory_mb: 512}
container: {vcpu: 1, memory_mb: 2048}
servers: {instance_type: m5.large}
`},
		{"whole bill with discounts", `
workload: {requests_per_second: 100, peak_requests_per_second: 300, duration_ms: 100, memory_mb: 512}
container: {vcpu: 1, memory_mb: 2048}
servers: {instance_type: m5.large}
ingress: {servers: alb, lambda: api-gateway-http}
network: {nat_gateways: per-zone, egress_gb_per_month: 100}
discounts: {ec2: 0.3, fargate: 0.2, lambda: 0.1}
`},
	}
	for _, p := range runwhere.Presets() {
		cases = append(cases, struct{ name, yaml string }{p.Name, p.YAML})
	}
	// The search before issue 27 takes up to a second a report, ten under
	// the race detector.
	counts := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	switch {
	case raceEnabled:
		counts = []int64{1, 10}
	case testing.Short():
		counts = []int64{1, 3, 10}
	}
	for _, tc := range cases {
		for _, arch := range []string{"any", "same"} {
			for _, n := range counts {
				t.Run(fmt.Sprintf("%s/%s/%d", tc.name, arch, n), func(t *testing.T) {
					s, err := runwhere.ParseScenario([]byte(tc.yaml))
					require.NoError(t, err)
					s.Alternatives, s.AlternativesArch = &n, arch
					restore := SearchAsBefore27()
					before, err := runwhere.Evaluate(s)
					restore()
					require.NoError(t, err)
					now, err := runwhere.Evaluate(s)
					require.NoError(t, err)
					require.Len(t, now.Platforms, len(before.Platforms))
					for i, p := range now.Platforms {
						assert.Equal(t, answers(before.Platforms[i]), answers(p), "%s", p.Platform)
					}
					if b, n := reportJSON(t, before), reportJSON(t, now); b != n {
						i := 0
						for i < min(len(b), len(n)) && b[i] == n[i] {
							i++
						}
						t.Errorf("the reports differ from byte %d: before …%s…, now …%s…", i, excerpt(b, i), excerpt(n, i))
					}
				})
			}
		}
	}
}

// answers is a platform's cheaper configurations, one line each, and how
// many were considered.
func answers(p runwhere.PlatformReport) []string {
	out := []string{"considered " + strconv.Itoa(p.AlternativesSearched)}
	for _, a := range p.Alternatives {
		vcpu := ""
		if a.TaskVCPU != nil {
			vcpu = a.TaskVCPU.String()
		}
		out = append(out, fmt.Sprintf("%s %s %s/%d %d MB: %s", a.InstanceType, a.Arch, vcpu, a.TaskMemoryMB, a.MemoryMB, a.MonthlyCost))
	}
	return out
}

func reportJSON(t *testing.T, r runwhere.Report) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

// risingWeek is a week's shape of 168 distinct hourly loads, 1 to 168:
// as many levels as a shape can have.
func risingWeek() string {
	v := make([]string, 168)
	for h := range v {
		v[h] = strconv.Itoa(h + 1)
	}
	return "[" + strings.Join(v, ", ") + "]"
}

// excerpt is s around byte i.
func excerpt(s string, i int) string { return s[max(i-80, 0):min(i+80, len(s))] }
