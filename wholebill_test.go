package runwhere_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// http-api-whole-bill, reviewed by hand. 100 requests/s is 262,800,000
// requests a month; us-east-1 prices of cost/data/2026-11_us-east-1.yaml.
//
// Lambda (512 MB, 120 ms): requests 262.8 M × 0.0000002 = 52.56; duration
// 262.8 M × 0.12 s × 0.5 GB = 15,768,000 GB-s × 0.0000166667 =
// 262.8005256; the HTTP API in front, 262.8 M × $1.00 a million = 262.80.
// Total 578.1605256: the HTTP API is 45 % of it.
//
// Around every container platform: an ALB, 730 h × 0.0225 = 16.425, and
// its LCUs — clients keep connections alive, so processed bytes decide:
// 10 KB a request is 36,000 KB an hour per request a second, 36000 /
// 1048576 = 0.034332275390625 LCU, × 262.8 M / 3600 = 2,506.256103515625
// LCU-hours × 0.008 = 20.050048828125; a NAT gateway in each of 3 zones,
// 2,190 h × 0.045 = 98.55, and 500 GB × 0.045 = 22.50; their public IPv4
// addresses (issue 25, item 7), one a gateway and one in each of the 3
// zones the ALB spans, 2,190 address-hours × 0.005 = 10.95 each. Together
// 179.425048828125.
//
// Swarm: 35 replicas of 0.5 vCPU (2.9167 requests/s each at 0.7 of a
// 120 ms request's CPU) on 9 m5.large, 3 a zone; workers 9 × 730 × 0.096
// = 630.72 and managers 3 × 730 × 0.096 = 210.24, so 840.96 of EC2, less
// 20 %: −168.192. 840.96 − 168.192 + 179.425048828125 = 852.193048828125.
//
// Fargate: 35 tasks × 730 h × (0.5 × 0.04048 + 1 × 0.004445) = 630.70175;
// no Fargate discount; + 179.425048828125 = 810.126798828125.
func TestHTTPAPIWholeBill(t *testing.T) {
	r := evaluatePreset(t, "http-api-whole-bill")
	l := platformIn(t, r, "lambda")
	assert.Equal(t, "578.1605256", l.MonthlyCost.String())
	assert.Equal(t, "api gateway http api requests (tier 1)", l.CostLines[2].Item)

	sw := platformIn(t, r, "swarm")
	assert.Equal(t, "852.193048828125", sw.MonthlyCost.String())
	items := map[string]string{}
	for _, c := range sw.CostLines {
		items[c.Item] = c.Amount.String()
	}
	assert.Equal(t, map[string]string{
		"swarm workers (m5.large)":   "630.72",
		"swarm managers (m5.large)":  "210.24",
		"alb hours":                  "16.425",
		"alb LCUs (processed bytes)": "20.050048828125",
		"nat gateway hours":          "98.55",
		"nat gateway data processed": "22.5",
		"nat gateway public ipv4":    "10.95",
		"alb public ipv4":            "10.95",
		"ec2 discount":               "-168.192",
	}, items)

	f := platformIn(t, r, "ecs-fargate")
	assert.Equal(t, "810.126798828125", f.MonthlyCost.String())

	// The inputs echo the assumptions filled in.
	in := r.Inputs
	assert.Equal(t, "10", in.Ingress.ResponseKB.String())
	assert.True(t, *in.Ingress.KeepAlive)
	assert.Equal(t, "0", in.Ingress.Rules.String())
}

// An ALB in front of Lambda counts 0.4 GB an LCU-hour; outside us-east-1
// no ALB or NAT price is sourced, so they block the platforms rather than
// be guessed.
func TestALBAndNATAcrossRegions(t *testing.T) {
	r := evaluateYAML(t, "platforms: [lambda]\nworkload: {requests_per_second: 100, duration_ms: 120, memory_mb: 512}\ningress: {lambda: alb}\n")
	l := r.Platforms[0]
	require.True(t, l.Feasible, "%v", l.Blockers)
	// Its two addresses (it spans at least two zones) come last.
	last := l.CostLines[len(l.CostLines)-2]
	assert.Equal(t, "alb LCUs (processed bytes)", last.Item)
	assert.Equal(t, "alb public ipv4", l.CostLines[len(l.CostLines)-1].Item)
	assert.Equal(t, "7.3", l.CostLines[len(l.CostLines)-1].Amount.String(), "2 × 730 × 0.005")
	assert.Equal(t, "6265.6402587890625", last.Quantity.String(), "2.5 × the 2,506.256… LCU-hours of instance targets")

	r = evaluateYAML(t, "region: eu-west-1\nplatforms: [lambda, swarm, ecs-fargate]\nworkload: {requests_per_second: 10, duration_ms: 120, memory_mb: 512}\ningress: {servers: alb}\nnetwork: {nat_gateways: one}\n")
	for _, p := range r.Platforms {
		if p.Platform == "lambda" {
			assert.True(t, p.Feasible, "Lambda needs neither")
			continue
		}
		require.False(t, p.Feasible, p.Platform)
		assert.Equal(t, runwhere.MissingFigure, p.Blockers[0].Code)
		assert.Contains(t, p.Blockers[0].Message, "eu-west-1")
	}
}

func TestAroundInputErrors(t *testing.T) {
	svc := "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n"
	for _, tc := range []struct{ name, yaml, field, value string }{
		{"a function URL for Swarm", svc + "ingress: {servers: function-url}", "ingress.servers", "function-url"},
		{"unknown layout", svc + "network: {nat_gateways: two}", "network.nat_gateways", "two"},
		{"negative egress", svc + "network: {egress_gb_per_month: -1}", "network.egress_gb_per_month", "-1"},
		{"negative rules", svc + "ingress: {servers: alb, rules: -1}", "ingress.rules", "-1"},
		{"ALB on a job", "workload: {kind: job, runs_per_month: 3, run_minutes: 1, memory_mb: 128}\ningress: {servers: alb}", "ingress.servers", "set"},
	} {
		t.Run(tc.name, func(t *testing.T) { requireFieldError(t, tc.yaml, tc.field, tc.value) })
	}
}

// Every new field at its default prices what leaving it out prices: for
// every reference scenario that leaves them out, spelling out "no front
// door, no NAT, no discount" changes no platform's lines, total or
// break-even.
func TestAroundDefaultsChangeNothing(t *testing.T) {
	const spelled = "\ningress: {lambda: none, servers: none}\nnetwork: {nat_gateways: none, egress_gb_per_month: 0, internet_egress_gb_per_month: 0}\ndiscounts: {ec2: 0, fargate: 0, lambda: 0, spot: false}\n"
	for _, p := range runwhere.Presets() {
		if strings.Contains(p.YAML, "ingress:") || strings.Contains(p.YAML, "discounts:") || strings.Contains(p.YAML, "network:") {
			continue
		}
		t.Run(p.Name, func(t *testing.T) {
			plain := evaluateYAML(t, p.YAML)
			explicit := evaluateYAML(t, p.YAML+spelled)
			require.Len(t, explicit.Platforms, len(plain.Platforms))
			for i, pr := range plain.Platforms {
				assert.Equal(t, pr.CostLines, explicit.Platforms[i].CostLines, "%s", pr.Platform)
				assert.True(t, pr.MonthlyCost.Equal(explicit.Platforms[i].MonthlyCost), "%s", pr.Platform)
			}
			assert.Equal(t, plain.BreakEven, explicit.BreakEven)
		})
	}
}

// NAT gateways that are most of a bill are named, with what one gateway
// instead of three saves: 2 × 730 h × (0.045 + 0.005 for its address) =
// 73.00. They are 67 % of it: 3 × 730 × 0.05 + 10 GB × 0.045 = 109.95 of
// $164.01.
func TestNATDominanceReason(t *testing.T) {
	r := evaluateYAML(t, "platforms: [ecs-fargate, lambda]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 512}\nnetwork: {nat_gateways: per-zone, egress_gb_per_month: 10}\n")
	assert.Contains(t, strings.Join(r.Recommendation.Reasons, "\n"), "NAT gateways are 67 % of Amazon ECS on Fargate's bill: one gateway instead of one per zone would cost $73.00 less")
}
