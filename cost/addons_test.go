package cost_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// What follows each instance or task (issue 25, items 7 and 9): a public
// IPv4 address at $0.005 an address-hour, a gp3 root volume at $0.08 a
// GB-month over 730 hours, each a line of its own over the compute's
// billed seconds, and a term of the tariffs.
func TestInstanceAddons(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	ipv4, err := cost.PublicIPv4Addon(c, "nodes")
	require.NoError(t, err)
	vol, err := cost.RootVolumeAddon(c, decimal.NewFromInt(30))
	require.NoError(t, err)
	assert.Equal(t, "public ipv4 (nodes)", ipv4.Item)
	assert.Equal(t, "root volume (gp3, 30 GB)", vol.Item)

	tests := []struct {
		name      string
		usage     cost.EC2Usage
		wantLines [][3]string // item, quantity, amount
		monthly   string      // EC2Monthly of one instance
	}{
		{name: "10 nodes all month with addresses", usage: cost.EC2Usage{InstanceType: "m5.large", Count: 10, Addons: []cost.InstanceAddon{ipv4}},
			// 10 × 730 × 0.005 = 36.50.
			wantLines: [][3]string{{"ec2 m5.large", "7300", "700.8"}, {"public ipv4 (nodes)", "7300", "36.5"}},
			monthly:   "73.73"},
		{name: "a root volume all month", usage: cost.EC2Usage{InstanceType: "m5.large", Count: 2, Addons: []cost.InstanceAddon{vol}},
			// 2 × 30 GB × 0.08 = 4.80: 60 GB-months.
			wantLines: [][3]string{{"ec2 m5.large", "1460", "140.16"}, {"root volume (gp3, 30 GB)", "60", "4.8"}},
			monthly:   "72.48"},
		{name: "a 30-second run bills EC2's minute", usage: cost.EC2Usage{InstanceType: "m5.large", Count: 1, Seconds: decimal.NewFromInt(30), Addons: []cost.InstanceAddon{ipv4, vol}},
			// 60 s: 0.005 / 60 and 30 × 0.08 × 60 / 2,628,000.
			wantLines: [][3]string{{"ec2 m5.large", "0.016666666666666667", "0.0016"}, {"public ipv4 (nodes)", "0.016666666666666667", "0.000083333333333333"}, {"root volume (gp3, 30 GB)", "0.000684931506849315", "0.000054794520547945"}},
			monthly:   "76.13"}, // 70.08 + 3.65 + 2.40
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := cost.EC2(c, tc.usage)
			require.NoError(t, err)
			require.Len(t, b.Lines, len(tc.wantLines))
			for i, w := range tc.wantLines {
				assert.Equal(t, w[0], b.Lines[i].Item)
				assert.Equal(t, w[1], b.Lines[i].Quantity.String(), "%s quantity", w[0])
				assert.Equal(t, w[2], b.Lines[i].Amount.String(), "%s amount", w[0])
			}
			assert.False(t, b.Lines[len(b.Lines)-1].Compute, "no discount applies to an addon")
			m, err := cost.EC2Monthly(c, tc.usage)
			require.NoError(t, err)
			assert.Equal(t, tc.monthly, m.String(), "EC2Monthly")
			// The tariff at a month's instance-hours is the month's bill.
			tr, err := cost.EC2Tariff(c, tc.usage)
			require.NoError(t, err)
			assert.Equal(t, tc.monthly, tr.Total(decimal.NewFromInt(730)).String(), "EC2Tariff at 730 h")
		})
	}

	// A Fargate task all month with its address: 730 × 0.005 = 3.65.
	f, err := cost.Fargate(c, cost.FargateUsage{Tasks: 1, VCPU: decimal.RequireFromString("0.25"), MemoryMB: 512, Addons: []cost.InstanceAddon{{Item: "public ipv4 (tasks)", Unit: "address-hour", Price: ipv4.Price, PerHourNum: ipv4.PerHourNum}}})
	require.NoError(t, err)
	last := f.Lines[len(f.Lines)-1]
	assert.Equal(t, "public ipv4 (tasks)", last.Item)
	assert.Equal(t, "730", last.Quantity.String())
	assert.Equal(t, "3.65", last.Amount.String())

	assert.Equal(t, "0.005", cost.AddonsHourly([]cost.InstanceAddon{ipv4}).String())
	assert.Equal(t, "0.008287671232876712", cost.AddonsHourly([]cost.InstanceAddon{ipv4, vol}).String(), "0.005 + 2.4 / 730")
}

func TestInstanceAddonErrors(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	eu, err := cost.EmbeddedCatalogue(platform.Newest, "eu-west-1")
	require.NoError(t, err)
	old, err := cost.EmbeddedCatalogue(platform.Snapshot2017, "us-east-1")
	require.NoError(t, err)
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"no address price in 2017", func() error { _, err := cost.PublicIPv4Addon(old, "nodes"); return err }, "public_ipv4"},
		{"nil catalogue", func() error { _, err := cost.PublicIPv4Addon(nil, "nodes"); return err }, "public_ipv4"},
		{"no gp3 price in eu-west-1", func() error { _, err := cost.RootVolumeAddon(eu, decimal.NewFromInt(30)); return err }, "ebs.gp3_gb_month"},
		{"zero GB", func() error { _, err := cost.RootVolumeAddon(c, decimal.Zero); return err }, "root_volume_gb"},
		{"negative GB", func() error { _, err := cost.RootVolumeAddon(c, decimal.NewFromInt(-1)); return err }, "root_volume_gb"},
		{"an addon without a name", func() error {
			_, err := cost.EC2(c, cost.EC2Usage{InstanceType: "m5.large", Addons: []cost.InstanceAddon{{Price: decimal.NewFromInt(1)}}})
			return err
		}, "addons[0].item"},
		{"a negative price", func() error {
			_, err := cost.EC2(c, cost.EC2Usage{InstanceType: "m5.large", Addons: []cost.InstanceAddon{{Item: "x", Price: decimal.NewFromInt(-1)}}})
			return err
		}, "addons[0].price"},
		{"a negative rate", func() error {
			_, err := cost.FargateTariff(c, cost.FargateUsage{VCPU: decimal.RequireFromString("0.25"), MemoryMB: 512, Addons: []cost.InstanceAddon{{Item: "x", PerHourNum: decimal.NewFromInt(-1)}}})
			return err
		}, "addons[0].per_hour_num"},
		{"a negative denominator", func() error {
			_, err := cost.EC2(c, cost.EC2Usage{InstanceType: "m5.large", Addons: []cost.InstanceAddon{{Item: "x", PerHourDen: decimal.NewFromInt(-1)}}})
			return err
		}, "addons[0].per_hour_den"},
		{"an unsourced address price", func() error {
			bad := c.Clone()
			bad.PublicIPv4.URL = ""
			return bad.Validate()
		}, "public_ipv4_hour.source"},
		{"an unsourced gp3 price", func() error {
			bad := c.Clone()
			bad.EBS.GP3GBMonth.AsOf = platform.Date{}
			return bad.Validate()
		}, "ebs.gp3_gb_month.as_of"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "cost: ")
		})
	}
}
