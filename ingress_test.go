package runwhere_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// The front door of a function is billed beside it, in the model the
// curves and break-even points read too. 100 requests/s is 262,800,000
// requests a month: the HTTP API bills them at $1.00 a million ($262.80),
// the REST API at $3.50 ($919.80), both in their first tier in us-east-1
// (cost/data/2026-11_us-east-1.yaml, AWS's apigateway.json); a function
// URL adds nothing.
func TestFrontDoorOfLambda(t *testing.T) {
	base := `platforms: [lambda, ecs-fargate]
alternatives: 2
workload: {requests_per_second: 100, duration_ms: 120, memory_mb: 512}
`
	bare := evaluateYAML(t, base)
	lambdaOf := func(r runwhere.Report) runwhere.PlatformReport { return platformIn(t, r, "lambda") }
	for _, tc := range []struct{ door, line, amount string }{
		{"function-url", "", "0"},
		{"api-gateway-http", "api gateway http api requests (tier 1)", "262.8"},
		{"api-gateway-rest", "api gateway rest api requests (tier 1)", "919.8"},
	} {
		t.Run(tc.door, func(t *testing.T) {
			text := base + "ingress: {lambda: " + tc.door + "}\n"
			r := evaluateYAML(t, text)
			l := lambdaOf(r)
			assert.True(t, l.MonthlyCost.Sub(lambdaOf(bare).MonthlyCost).Equal(decimal.RequireFromString(tc.amount)), "%s: %s against %s", tc.door, l.MonthlyCost, lambdaOf(bare).MonthlyCost)
			if tc.line != "" {
				last := l.CostLines[len(l.CostLines)-1]
				assert.Equal(t, tc.line, last.Item)
				assert.Equal(t, "262800000", last.Quantity.String())
			}
			// The default size of a request and its response is filled in.
			assert.Equal(t, "10", r.Inputs.Ingress.ResponseKB.String())
			// The model at the load is the bill, front door included.
			s, err := runwhere.ParseScenario([]byte(text))
			require.NoError(t, err)
			at, err := runwhere.ModelCostAtLoad(s)
			require.NoError(t, err)
			assert.True(t, at["lambda"].Equal(l.MonthlyCost))
			// Every cheaper memory size keeps the front door.
			for _, a := range l.Alternatives {
				assert.True(t, a.MonthlyCost.GreaterThanOrEqual(decimal.RequireFromString(tc.amount)), "%s: %s", a.Config(), a.MonthlyCost)
			}
		})
	}
	// Bare, Lambda is cheaper than Fargate at every load; behind the REST
	// API it meets Fargate's fleet: the break-even carries the door.
	rest := evaluateYAML(t, base+"ingress: {lambda: api-gateway-rest}\n")
	assert.Nil(t, bare.BreakEven[0].RequestsPerSec, bare.BreakEven[0].Reason)
	require.NotNil(t, rest.BreakEven[0].RequestsPerSec, rest.BreakEven[0].Reason)
	assert.Equal(t, "4.38", rest.BreakEven[0].RequestsPerSec.String())
	assert.Equal(t, runwhere.PlatformID("lambda"), rest.BreakEven[0].CheaperBelow)
	// The reasons name a door that is most of the bill, and the cheaper one.
	assert.Contains(t, strings.Join(rest.Recommendation.Reasons, "\n"), "API Gateway is 74 % of AWS Lambda's bill: the HTTP API would cost $657.00 less")
}

// Leaving ingress out keeps the report as it was: no section is echoed.
func TestNoFrontDoorEchoesNothing(t *testing.T) {
	r := evaluateYAML(t, "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n")
	assert.Nil(t, r.Inputs.Ingress)
	r = evaluateYAML(t, "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\ningress: {}\n")
	assert.Equal(t, runwhere.IngressNone, r.Inputs.Ingress.Lambda)
	assert.Nil(t, r.Inputs.Ingress.ResponseKB, "no door, no payload to meter")
}

// The 2017-12 snapshot sources no API Gateway price: a front door blocks
// Lambda there rather than be guessed.
func TestFrontDoorUnpricedIsMissingFigure(t *testing.T) {
	r := evaluateYAML(t, "snapshot: \"2017-12\"\nplatforms: [lambda]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\ningress: {lambda: api-gateway-http}\n")
	require.False(t, r.Platforms[0].Feasible)
	assert.Equal(t, runwhere.MissingFigure, r.Platforms[0].Blockers[0].Code)
}

func TestFrontDoorInputErrors(t *testing.T) {
	svc := "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n"
	for _, tc := range []struct{ name, yaml, field, value string }{
		{"unknown door", svc + "ingress: {lambda: cloudfront}", "ingress.lambda", "cloudfront"},
		{"empty payload", svc + "ingress: {lambda: api-gateway-http, response_kb: 0}", "ingress.response_kb", "0"},
		{"payload past API Gateway's", svc + "ingress: {lambda: api-gateway-http, response_kb: 10241}", "ingress.response_kb", "10241"},
		{"unknown container door", svc + "ingress: {servers: nlb}", "ingress.servers", "nlb"},
		{"a job has no front door", "workload: {kind: job, runs_per_month: 3, run_minutes: 1, memory_mb: 128}\ningress: {lambda: function-url}", "ingress.lambda", "set"},
	} {
		t.Run(tc.name, func(t *testing.T) { requireFieldError(t, tc.yaml, tc.field, tc.value) })
	}
}
