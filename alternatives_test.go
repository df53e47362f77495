package runwhere_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// TestAlternativesByHand: three replicas (one per zone of the default
// three) of a 0.5 vCPU / 512 MB container at 1 request/s, in us-east-1,
// every amount worked out by hand from cost/data/2026-11_ec2.csv and the
// us-east-1 catalogue.
func TestAlternativesByHand(t *testing.T) {
	r := evaluateYAML(t, `
platforms: [ecs-ec2, ecs-fargate, lambda]
alternatives: 3
workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 512}
servers: {instance_type: m5.large}
container: {vcpu: 0.5, memory_mb: 512}
`)
	type alt struct{ config, arch, cost, saving, percent string }
	tests := []struct {
		platform runwhere.PlatformID
		cost     string
		want     []alt
	}{
		// ECS on EC2: 3 × m5.large × 730 h × $0.096 = $210.24. Any type
		// that takes one 0.5 vCPU / 512 MB awsvpc task runs a replica per
		// node, so the cheapest fleet is 3 of the cheapest such type that
		// is current and not burstable: c6g.medium (1 vCPU, 2 GiB, one
		// awsvpc task: 2 ENIs − 1) at $0.034: 2,190 h × 0.034 = $74.46,
		// saving $135.78 (64.6 %); then c7g.medium at $0.0363 = $79.497 and
		// c6gd.medium at $0.0384 = $84.096. (t4g and t3a are cheaper by the
		// hour but burstable: left out.)
		// Each node also has ECS's 30 GB root volume, 3 × 30 × $0.08 =
		// $7.20 whatever its type (issue 25, item 9): $217.44, and the
		// alternatives $81.66, $86.697 and $91.296, saving as much as
		// before, a smaller share (135.78 / 217.44 = 62.4 %).
		{"ecs-ec2", "217.44", []alt{
			{"c6g.medium", "arm64", "81.66", "135.78", "62.4"},
			{"c7g.medium", "arm64", "86.697", "130.743", "60.1"},
			{"c6gd.medium", "arm64", "91.296", "126.144", "58"},
		}},
		// ECS on Fargate: 3 tasks of 0.5 vCPU / 1 GB all month on x86:
		// 2,190 h × (0.5 × 0.04048 + 1 × 0.004445) = 2,190 × 0.024685 =
		// $54.06015. On Arm: 2,190 × (0.5 × 0.03238 + 0.00356) = 2,190 ×
		// 0.01975 = $43.2525, saving $10.80765 (20 %). Larger sizes cost more.
		{"ecs-fargate", "54.06015", []alt{{"0.5 vCPU / 1024 MB", "arm64", "43.2525", "10.80765", "20"}}},
		// Lambda: 2,628,000 requests × $0.0000002 = $0.5256, plus 131,400
		// GB-s × $0.0000166667 = $2.19000438: $2.71560438. On Arm the GB-s
		// cost × $0.0000133334 = $1.75200876: $2.27760876, saving
		// $0.43799562 (16.1 %); 576 MB on Arm: 147,825 GB-s × 0.0000133334
		// = $1.971009855 + $0.5256 = $2.496609855. More memory costs more:
		// without lambda.cpu_share_scaling the duration does not shrink.
		{"lambda", "2.71560438", []alt{
			{"512 MB", "arm64", "2.27760876", "0.43799562", "16.1"},
			{"576 MB", "arm64", "2.496609855", "0.218994525", "8.1"},
		}},
	}
	for _, tc := range tests {
		p := platformIn(t, r, tc.platform)
		assert.Equal(t, tc.cost, p.MonthlyCost.String(), "%s cost", tc.platform)
		var got []alt
		for _, a := range p.Alternatives {
			config := a.InstanceType
			switch {
			case a.TaskVCPU != nil:
				config = a.TaskVCPU.String() + " vCPU / " + strconv.Itoa(a.TaskMemoryMB) + " MB"
			case a.MemoryMB > 0:
				config = strconv.Itoa(a.MemoryMB) + " MB"
			}
			got = append(got, alt{config, a.Arch, a.MonthlyCost.String(), a.Saving.String(), a.SavingPercent.String()})
		}
		assert.Equal(t, tc.want, got, "%s alternatives", tc.platform)
		assert.Positive(t, p.AlternativesSearched, "%s searched", tc.platform)
	}
}

// TestAlternativesMatchBruteForce: the search's answer for every nodes
// platform is what evaluating the scenario once per candidate type gives
// (the search prunes types whose workers alone cost too much; this oracle
// prunes nothing).
func TestAlternativesMatchBruteForce(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"eu-west-1 service", `
region: eu-west-1
alternatives: 3
alternatives_arch: same
platforms: [ecs-ec2, eks, swarm]
workload: {requests_per_second: 100, peak_requests_per_second: 300, duration_ms: 100, memory_mb: 512, arch: x86_64}
servers: {instance_type: m5.large}
container: {vcpu: 1, memory_mb: 2048}
`},
		// A fleet that follows a daily spike: each candidate is priced
		// level by level, and the search's bound must not prune one the
		// oracle finds.
		{"autoscaled daily spike", `
region: eu-west-1
alternatives: 3
alternatives_arch: same
platforms: [ecs-ec2, eks, swarm]
workload: {requests_per_second: 100, peak_requests_per_second: 900, duration_ms: 100, memory_mb: 512, arch: x86_64, profile: daily-spike}
servers: {instance_type: m5.large, autoscaling: true}
container: {vcpu: 1, memory_mb: 2048}
`},
		// The whole bill in us-east-1: an ALB and NAT gateways around
		// every candidate fleet, and a discount on its instances.
		{"whole bill", `
alternatives: 3
alternatives_arch: same
platforms: [ecs-ec2, eks, swarm]
workload: {requests_per_second: 100, peak_requests_per_second: 300, duration_ms: 100, memory_mb: 512, arch: x86_64}
servers: {instance_type: m5.large}
container: {vcpu: 1, memory_mb: 2048}
ingress: {servers: alb}
network: {nat_gateways: per-zone, egress_gb_per_month: 100}
discounts: {ec2: 0.3}
`},
		// A job: nodes per run or all month, whichever is cheaper, on
		// every candidate.
		{"job", `
region: eu-west-1
alternatives: 3
alternatives_arch: same
platforms: [ecs-ec2, eks, swarm]
workload: {kind: job, runs_per_month: 200, run_minutes: 30, parallelism: 6, memory_mb: 512, arch: x86_64}
servers: {instance_type: m5.large}
container: {vcpu: 1, memory_mb: 2048}
`},
	} {
		t.Run(tc.name, func(t *testing.T) { bruteForceAlternatives(t, tc.text) })
	}
}

// bruteForceAlternatives evaluates text once per x86_64 current-generation
// type priced in its region and checks that the report's three cheaper
// configurations are the three cheapest the oracle found.
func bruteForceAlternatives(t *testing.T, text string) {
	r := evaluateYAML(t, text)
	base, err := runwhere.ParseScenario([]byte(text))
	require.NoError(t, err)
	base.Alternatives = nil
	d, err := base.WithDefaults()
	require.NoError(t, err)
	prices, err := cost.EmbeddedCatalogue(platform.Snapshot2026, d.Region)
	require.NoError(t, err)
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	type priced struct {
		typ  string
		cost decimal.Decimal
	}
	all := map[platform.ID][]priced{}
	for _, typ := range inst.Types() {
		in, _ := inst.Lookup(typ)
		if in.PreviousGeneration || engine.Burstable(typ) || in.Shape.Arch != platform.X86_64 || typ == "m5.large" {
			continue
		}
		if _, err := prices.Instance(typ); err != nil {
			continue
		}
		s := base
		s.Servers.InstanceType = typ
		rep, err := runwhere.Evaluate(s)
		require.NoError(t, err, typ)
		for _, p := range rep.Platforms {
			if p.Feasible {
				all[p.Platform] = append(all[p.Platform], priced{typ, p.MonthlyCost})
			}
		}
	}
	for _, p := range r.Platforms {
		var want []string
		list := all[p.Platform]
		slices.SortStableFunc(list, func(a, b priced) int { return a.cost.Cmp(b.cost) })
		for _, c := range list {
			if c.cost.LessThan(p.MonthlyCost) && len(want) < 3 {
				want = append(want, c.typ+" "+c.cost.String())
			}
		}
		var got []string
		for _, a := range p.Alternatives {
			got = append(got, a.InstanceType+" "+a.MonthlyCost.String())
			assert.Equal(t, "x86_64", a.Arch, "alternatives_arch: same keeps to x86_64")
		}
		require.NotEmpty(t, want, "%s: the oracle found nothing cheaper", p.Platform)
		assert.Equal(t, want, got, "%s", p.Platform)
	}
}

// TestAlternativesOff: a scenario that does not ask searches nothing, and
// the request is bounded.
func TestAlternativesOff(t *testing.T) {
	r := evaluateYAML(t, "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\n")
	for _, p := range r.Platforms {
		assert.Empty(t, p.Alternatives, "%s", p.Platform)
		assert.Zero(t, p.AlternativesSearched, "%s", p.Platform)
	}
	for _, bad := range []struct{ field, value, reason string }{
		{"alternatives", "11", "is more than 10"},
		{"alternatives", "-1", "is negative"},
		{"alternatives_arch", "arm", "is not any or same"},
	} {
		_, err := runwhere.ParseScenario([]byte(bad.field + ": " + bad.value + "\nworkload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\n"))
		var fe *runwhere.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, bad.field, fe.Field)
		assert.Equal(t, bad.value, fe.Value)
		assert.True(t, strings.HasPrefix(fe.Reason, bad.reason), fe.Reason)
	}
}

// TestAlternativesNoneCheaper: Fargate on Arm at the smallest size that
// holds the container, kept to Arm, has nothing cheaper; the report says
// how many sizes it tried, and the Markdown says none costs less.
func TestAlternativesNoneCheaper(t *testing.T) {
	r := evaluateYAML(t, `
platforms: [ecs-fargate]
alternatives: 3
alternatives_arch: same
workload: {requests_per_second: 5, duration_ms: 100, memory_mb: 512, arch: arm64}
container: {vcpu: 0.25, memory_mb: 512}
`)
	p := platformIn(t, r, "ecs-fargate")
	assert.Empty(t, p.Alternatives)
	// Every vCPU size of the 2026-11 table (0.25, 0.5, 1, 2, 4, 8, 16, 32;
	// platform/data/fargate-task-sizes.yaml) holds the container, less the
	// scenario's own: 7 on one architecture.
	assert.Equal(t, 7, p.AlternativesSearched)
	assert.Contains(t, r.Markdown(), "Cheaper configurations: none of the 7 considered costs less than this one.")
}
