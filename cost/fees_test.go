package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// The named fees as bills, by hand. Sources: EKS Auto Mode and ECS
// Managed Instances' m5.large fee, $0.01152 an instance-hour in us-east-1,
// decoded from AWS's eks.json and ecs.json (12 % of $0.096); ECS Managed
// Instances "Billed per second with a one-minute minimum"
// (https://aws.amazon.com/ecs/pricing/); Lambda Managed Instances' "15%
// premium on the EC2 on-demand instance price" and "$0.20 per million
// requests" (https://aws.amazon.com/lambda/pricing/).
func TestInstanceFeeBills(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	d := decimal.RequireFromString
	tests := []struct {
		name, fee string
		use       cost.EC2Usage
		want      string // the fee's amount
		qty       string // its instance-hours
	}{
		// 10 × 730 × 0.01152 = 84.096
		{"eks auto mode, a month", "eks-auto-mode", cost.EC2Usage{InstanceType: "m5.large", Count: 10}, "84.096", "7300"},
		{"ecs managed instances, a month", "ecs-managed-instances", cost.EC2Usage{InstanceType: "m5.large", Count: 10}, "84.096", "7300"},
		// 30 s are billed as the minute's minimum: 0.01152 × 60 / 3600.
		{"ecs managed instances, under a minute", "ecs-managed-instances", cost.EC2Usage{InstanceType: "m5.large", Count: 1, Seconds: d("30")}, "0.000192", "0.016666666666666667"},
		// 90.5 s are billed by the second: 91 s × 0.01152 / 3600.
		{"ecs managed instances, by the second", "ecs-managed-instances", cost.EC2Usage{InstanceType: "m5.large", Count: 1, Seconds: d("90.5")}, "0.0002912", "0.025277777777777778"},
		// 3 × 730 × 0.096 × 0.15 = 31.536
		{"lambda managed instances' share", "lambda-managed-instances-compute", cost.EC2Usage{InstanceType: "m5.large", Count: 3}, "31.536", "2190"},
		// A buyer's discount on EC2 leaves the provider's fee as it is.
		{"share, with an EC2 discount", "lambda-managed-instances-compute", cost.EC2Usage{InstanceType: "m5.large", Count: 3, Discount: d("0.3")}, "31.536", "2190"},
		// The share is of the price the scenario gives: 730 × 0.2 × 0.15.
		{"share of an hourly price override", "lambda-managed-instances-compute", cost.EC2Usage{InstanceType: "m5.large", Count: 1, HourlyPrice: "0.2"}, "21.9", "730"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.InstanceFeeBill(c, tc.fee, tc.use)
			require.NoError(t, err)
			require.Len(t, b.Lines, 1)
			assert.Equal(t, tc.want, b.Lines[0].Amount.String())
			assert.Equal(t, tc.qty, b.Lines[0].Quantity.String())
			assert.False(t, b.Lines[0].Compute, "a fee is not compute a discount takes a share of")
		})
	}

	// 10 requests/s for a month: 26,280,000 × 0.0000002 = 5.256.
	tariff, err := cost.RequestFeeTariff(c, "lambda-managed-instances-requests")
	require.NoError(t, err)
	assert.Equal(t, "5.256", tariff.Bill(d("26280000")).Total().String())
}

func TestFeeErrors(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	_, err = cost.InstanceFeeBill(c, "eks-auto-mode", cost.EC2Usage{InstanceType: "c8a.large", Count: 1})
	assert.ErrorContains(t, err, "instance_type: c8a.large")
	_, err = cost.InstanceFeeBill(c, "no-such-fee", cost.EC2Usage{InstanceType: "m5.large", Count: 1})
	assert.ErrorContains(t, err, "fees: no-such-fee is not priced in the 2026-11 us-east-1 catalogue")
	_, err = cost.InstanceFeeBill(c, "eks", cost.EC2Usage{InstanceType: "m5.large", Count: 1})
	assert.ErrorContains(t, err, "fees.eks.per: cluster-hour is not charged per instance")
	_, err = cost.RequestFeeTariff(c, "eks-auto-mode")
	assert.ErrorContains(t, err, "is not charged per request")

	for _, tc := range []struct {
		name, fees, want string
	}{
		{"unknown unit", "  x:\n    per: minute\n", "fees.x.per: minute is not a fee unit"},
		{"table missing", "  x:\n    per: instance-hour\n", "fees.x.table: is missing"},
		{"price missing", "  x:\n    per: request\n", "fees.x.price: is missing"},
		{"share over one", "  x:\n    per: on-demand-usd\n    price: {value: \"1.5\", source: \"https://example.com/p\", as_of: \"2026-01-01\"}\n", "fees.x.price.value: 1.5 is a fraction of the on-demand price, at most 1"},
		{"unsourced", "  x:\n    per: request\n    price: {value: \"0.1\"}\n", "fees.x.price.source"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cost.ParseCatalogue("mine.yaml", []byte("snapshot: \"2026-11\"\nregion: us-east-1\ncurrency: USD\nfees:\n"+tc.fees))
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
