package runwhere_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// A team moving an API from Lambda to Fargate keeps its API Gateway: the
// containers are reached through a VPC link to an internal ALB. 100
// requests/s is 262,800,000 requests a month, billed the same on both
// sides: $262.80 on the HTTP API ($1.00 a million), $919.80 on the REST
// API ($3.50), both their first tier in us-east-1 (AWS's
// apigateway.json). The internal ALB is an ALB's month in us-east-1: 730
// hours × $0.0225 = $16.425, and 10 KB × 100 requests/s = 3.4332275390625
// GB an hour of processed bytes (GB = 2³⁰ bytes), 730 × that × $0.008 an
// LCU-hour = $20.05004882812... (the audit's $20.05).
func TestContainersBehindAPIGateway(t *testing.T) {
	base := "platforms: [lambda, ecs-fargate]\nworkload: {requests_per_second: 100, duration_ms: 120, memory_mb: 512}\n"
	bare := platformIn(t, evaluateYAML(t, base), "ecs-fargate")
	alb := decimal.RequireFromString("16.425").Add(decimal.RequireFromString("730").Mul(decimal.RequireFromString("3.4332275390625")).Mul(decimal.RequireFromString("0.008")))
	for _, tc := range []struct {
		door, line, api, reason string
	}{
		{
			door: "api-gateway-http", line: "api gateway http api requests (tier 1)", api: "262.8",
			reason: "Both sides pay for the same API Gateway requests (an HTTP API): $262.80 a month on AWS Lambda and on each container platform, which also pays $36.48 for the internal ALB its VPC link reaches.",
		},
		{
			door: "api-gateway-rest", line: "api gateway rest api requests (tier 1)", api: "919.8",
			reason: "the HTTP API would cost $657.00 less (ingress.servers: api-gateway-http)",
		},
	} {
		t.Run(tc.door, func(t *testing.T) {
			r := evaluateYAML(t, base+"ingress: {lambda: "+tc.door+", servers: "+tc.door+"}\n")
			l, f := platformIn(t, r, "lambda"), platformIn(t, r, "ecs-fargate")
			require.True(t, f.Feasible, "%v", f.Blockers)
			fn, ct := lineNamed(t, l, tc.line), lineNamed(t, f, tc.line)
			assert.Equal(t, "262800000", ct.Quantity.String())
			assert.True(t, ct.Amount.Equal(fn.Amount), "the same requests on both sides: %s against %s", ct.Amount, fn.Amount)
			assert.True(t, ct.Amount.Equal(decimal.RequireFromString(tc.api)), ct.Amount.String())
			hours := lineNamed(t, f, "internal alb hours")
			assert.Equal(t, "730", hours.Quantity.String())
			// What the door adds to the containers' bill: the API's
			// requests and the internal ALB, nothing else.
			added := f.MonthlyCost.Sub(bare.MonthlyCost)
			assert.True(t, added.Equal(ct.Amount.Add(alb)), "%s against %s + %s", added, ct.Amount, alb)
			assert.True(t, anyContains(r.Recommendation.Reasons, tc.reason), "%q not in %q", tc.reason, r.Recommendation.Reasons)
		})
	}
}

// When the two sides' doors differ, the reasons say what each costs.
// The ALB's month: 730 × 0.0225 = 16.425 of hours, 20.05 of LCUs and its
// address in each of 3 zones, 3 × 730 × 0.005 = 10.95 (issue 25, item 7).
func TestFrontDoorsDiffer(t *testing.T) {
	r := evaluateYAML(t, "platforms: [lambda, ecs-fargate]\nworkload: {requests_per_second: 100, duration_ms: 120, memory_mb: 512}\ningress: {lambda: api-gateway-rest, servers: alb}\n")
	want := "The front doors differ: AWS Lambda is behind a REST API ($919.80 a month, ingress.lambda: api-gateway-rest), the container platforms behind an ALB ($47.43 a month each, ingress.servers: alb)"
	assert.True(t, anyContains(r.Recommendation.Reasons, want), "%q", r.Recommendation.Reasons)
	// An internet-facing ALB's lines keep their name.
	lineNamed(t, platformIn(t, r, "ecs-fargate"), "alb hours")
}

func lineNamed(t *testing.T, r runwhere.PlatformReport, item string) runwhere.CostLine {
	t.Helper()
	for _, l := range r.CostLines {
		if l.Item == item {
			return l
		}
	}
	require.Failf(t, "no such line", "%s has no line %q", r.Platform, item)
	return runwhere.CostLine{}
}

func anyContains(reasons []string, s string) bool {
	for _, r := range reasons {
		if strings.Contains(r, s) {
			return true
		}
	}
	return false
}
