package runwhere_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

const egressService = "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\n"

// Data out to the internet (issue 25, item 8) costs every platform the
// same, Lambda included: the same lines in every bill, so the ranking is
// not skewed, shown once in the Markdown. 1,100 GB in us-east-1: 100 GB
// free, 1,000 × $0.09 = $90; in ap-northeast-1, 1,000 × $0.114 = $114.
func TestInternetEgressShared(t *testing.T) {
	for _, tc := range []struct {
		name, region, gb, added string
	}{
		{"us-east-1", "us-east-1", "1100", "90"},
		{"ap-northeast-1", "ap-northeast-1", "1100", "114"},
		{"inside the free 100 GB", "us-east-1", "80", "0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := "region: " + tc.region + "\nplatforms: [lambda, ecs-fargate, ecs-ec2]\n" + egressService
			without := evaluateYAML(t, base)
			with := evaluateYAML(t, base+"network: {internet_egress_gb_per_month: "+tc.gb+"}\n")
			for i, p := range with.Platforms {
				require.True(t, p.Feasible, "%s: %v", p.Platform, p.Blockers)
				shared := map[string]string{}
				for _, l := range p.CostLines {
					if l.Shared {
						shared[l.Item] = l.Amount.String()
					}
				}
				want := map[string]string{"internet egress (free allowance)": "0"}
				if tc.added != "0" {
					want["internet egress (tier 1)"] = tc.added
				}
				assert.Equal(t, want, shared, "%s's shared lines", p.Platform)
				added := p.MonthlyCost.Sub(without.Platforms[i].MonthlyCost)
				assert.Equal(t, tc.added, added.String(), "%s: what %s GB out adds", p.Platform, tc.gb)
			}
			assert.Equal(t, without.Recommendation.Platform, with.Recommendation.Platform, "the same lines everywhere change no ranking")
			assert.Equal(t, 1, strings.Count(with.Markdown(), "### Shared by every platform"), "shown once")
		})
	}
}

// What comes with an ALB and NAT gateways (issue 25, items 7 and 8): a
// NAT gateway's address, an internet-facing ALB's address in each zone it
// spans (at least two), and with one gateway for several zones, the other
// zones' share of its GB crossing zones, $0.01 a GB each way.
func TestSurroundingAddressesAndCrossZone(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       map[string]string // item → amount, on ECS on Fargate
	}{
		// eu-west-1, one gateway for 3 zones, 1,200 GB: 730 × 0.048 =
		// 35.04 of hours, 1,200 × 0.048 = 57.6 processed, its address
		// 730 × 0.005 = 3.65, and 2/3 of 1,200 = 800 GB crossing, billed
		// each way: 1,600 × 0.01 = 16.
		{"one gateway, three zones", "region: eu-west-1\nservers: {zones: 3}\nnetwork: {nat_gateways: one, egress_gb_per_month: 1200}\n", map[string]string{
			"nat gateway hours": "35.04", "nat gateway data processed": "57.6", "nat gateway public ipv4": "3.65", "nat gateway cross-zone traffic": "16",
		}},
		// One a zone: 3 gateways, 3 addresses (10.95), nothing crosses.
		{"one gateway a zone", "region: eu-west-1\nservers: {zones: 3}\nnetwork: {nat_gateways: per-zone, egress_gb_per_month: 1200}\n", map[string]string{
			"nat gateway hours": "105.12", "nat gateway data processed": "57.6", "nat gateway public ipv4": "10.95",
		}},
		// One zone: nothing crosses.
		{"one gateway, one zone", "region: eu-west-1\nservers: {zones: 1}\nnetwork: {nat_gateways: one, egress_gb_per_month: 1200}\n", map[string]string{
			"nat gateway hours": "35.04", "nat gateway data processed": "57.6", "nat gateway public ipv4": "3.65",
		}},
		// An ALB in ap-southeast-1 (730 × 0.0252 = 18.396) over 3 zones:
		// 3 addresses; over 1 zone still 2, the fewest an ALB spans.
		{"ALB in Singapore, three zones", "region: ap-southeast-1\nservers: {zones: 3}\ningress: {servers: alb}\n", map[string]string{
			"alb hours": "18.396", "alb public ipv4": "10.95",
		}},
		{"ALB in Singapore, one zone", "region: ap-southeast-1\nservers: {zones: 1}\ningress: {servers: alb}\n", map[string]string{
			"alb hours": "18.396", "alb public ipv4": "7.3",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, "platforms: [ecs-fargate]\n"+egressService+tc.yaml)
			p := r.Platforms[0]
			require.True(t, p.Feasible, "%v", p.Blockers)
			got := map[string]string{}
			for _, l := range p.CostLines {
				if strings.HasPrefix(l.Item, "nat") || strings.HasPrefix(l.Item, "alb hours") || strings.HasPrefix(l.Item, "alb public") {
					got[l.Item] = l.Amount.String()
				}
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestInternetEgressInputErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, value string }{
		{"negative", "network: {internet_egress_gb_per_month: -1}", "-1"},
		{"past 100 PB", "network: {internet_egress_gb_per_month: 104857601}", "104857601"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireFieldError(t, egressService+tc.yaml, "network.internet_egress_gb_per_month", tc.value)
		})
	}
}

// Correction 4: the units no AWS source settles are in assumptions[] with
// their effect. The whole-bill preset's ALB: 2,506.256… LCU-hours ×
// $0.008 = $20.05 at 2³⁰ bytes a GB; 1.048576 times as much, $21.02, in
// decimal GB (the audit's figure).
func TestUnitAssumptions(t *testing.T) {
	r := evaluatePreset(t, "http-api-whole-bill")
	effects := map[string]string{}
	for _, a := range r.Assumptions {
		if a.Source == "model" {
			effects[a.Field] = a.Effect
		}
	}
	require.Contains(t, effects, "alb.processed_bytes_gb")
	assert.Contains(t, effects["alb.processed_bytes_gb"], "$21.02 instead of $20.05")
	require.Contains(t, effects, "api_gateway.http_increment")
	assert.Contains(t, effects["api_gateway.http_increment"], "At 10 KB, under 512 KB, it changes nothing.")

	big := evaluateYAML(t, "platforms: [lambda]\n"+egressService+"ingress: {lambda: api-gateway-http, response_kb: 600}\n")
	found := false
	for _, a := range big.Assumptions {
		if a.Field == "api_gateway.http_increment" {
			found = true
			assert.Contains(t, a.Effect, "At 600 KB a request counts as 2")
		}
	}
	assert.True(t, found, "%+v", big.Assumptions)
}

// Cheaper configurations are searched without the shared lines and carry
// them: with 1,100 GB out (us-east-1, $90), each costs $90 more and saves
// what it saved without, and no configuration is found for the egress
// alone.
func TestInternetEgressAlternatives(t *testing.T) {
	base := "platforms: [lambda, ecs-fargate, ecs-ec2]\nalternatives: 3\n" + egressService
	without := evaluateYAML(t, base)
	with := evaluateYAML(t, base+"network: {internet_egress_gb_per_month: 1100}\n")
	for i, p := range with.Platforms {
		before := without.Platforms[i].Alternatives
		require.Len(t, p.Alternatives, len(before), "%s: the same configurations", p.Platform)
		for j, a := range p.Alternatives {
			assert.Equal(t, "90", a.MonthlyCost.Sub(before[j].MonthlyCost).String(), "%s alternative %d", p.Platform, j)
			assert.True(t, a.Saving.Equal(before[j].Saving), "%s alternative %d saves %s, not %s", p.Platform, j, a.Saving, before[j].Saving)
		}
	}
}

// The curves carry the shared lines: at the scenario's own rate each
// passes through its platform's total (Lambda's, priced exactly there).
func TestInternetEgressCurves(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("platforms: [lambda]\n" + egressService + "network: {internet_egress_gb_per_month: 1100}\n"))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	curves, err := runwhere.Curves(s, 3)
	require.NoError(t, err)
	mid := curves[0].Points[1]
	require.Equal(t, "10", mid.RequestsPerSecond.String(), "the middle of three log-spaced points is the mean")
	assert.Equal(t, r.Platforms[0].MonthlyCost.String(), mid.MonthlyCost.String())
}

// The free 100 GB is the account's: the assumption says what it is worth
// when other traffic uses it, 100 × $0.09 = $9.00 in us-east-1.
func TestFreeEgressAssumption(t *testing.T) {
	r := evaluateYAML(t, "platforms: [lambda, ecs-fargate]\n"+egressService+"network: {internet_egress_gb_per_month: 1100}\n")
	var effect string
	for _, a := range r.Assumptions {
		if a.Field == "data_transfer.free_internet_gb" {
			effect = a.Effect
		}
	}
	assert.Contains(t, effect, "every platform's month is $9.00 more (100 GB × $0.09 a GB)")
}

// The ALB behind API Gateway's VPC link is internal: no public address.
func TestInternalALBHasNoPublicAddress(t *testing.T) {
	for _, tc := range []struct {
		door string
		want bool
	}{
		{"alb", true},
		{"api-gateway-http", false},
		{"api-gateway-rest", false},
	} {
		t.Run(tc.door, func(t *testing.T) {
			r := evaluateYAML(t, "platforms: [ecs-fargate]\n"+egressService+"ingress: {servers: "+tc.door+"}\n")
			p := r.Platforms[0]
			require.True(t, p.Feasible, "%v", p.Blockers)
			got := false
			for _, l := range p.CostLines {
				got = got || l.Item == "alb public ipv4"
			}
			assert.Equal(t, tc.want, got, "%s: %+v", tc.door, p.CostLines)
		})
	}
}
