package cost_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// Data out to the internet (issue 25, item 8), at the tiers of
// infracost's aws_data_transfer golden, beyond the free 100 GB: AWS's
// bill reads "first 10 TB / month data transfer out beyond the global
// free tier", so the bands count from GB 101.
func TestInternetEgress(t *testing.T) {
	for _, tc := range []struct {
		name, region, gb string
		lines            []string // item = amount
		total            string
	}{
		{"inside the allowance", "us-east-1", "60", []string{"internet egress (free allowance) = 0"}, "0"},
		{"the allowance exactly", "us-east-1", "100", []string{"internet egress (free allowance) = 0"}, "0"},
		// 1,100 GB: 100 free, 1,000 × 0.09.
		{"first tier", "us-east-1", "1100", []string{"internet egress (free allowance) = 0", "internet egress (tier 1) = 90"}, "90"},
		// 60,000 GB: 100 free, 10,240 × 0.09 = 921.6, 40,960 × 0.085 =
		// 3,481.6, the other 8,700 × 0.07 = 609.
		{"three tiers", "eu-central-1", "60000", []string{
			"internet egress (free allowance) = 0", "internet egress (tier 1) = 921.6", "internet egress (tier 2) = 3481.6", "internet egress (tier 3) = 609",
		}, "5012.2"},
		// 200,000 GB in Tokyo: 10,240 × 0.114 = 1,167.36, 40,960 × 0.089 =
		// 3,645.44, 102,400 × 0.086 = 8,806.4, 46,300 × 0.084 = 3,889.2.
		{"every tier", "ap-northeast-1", "200000", []string{
			"internet egress (free allowance) = 0", "internet egress (tier 1) = 1167.36", "internet egress (tier 2) = 3645.44",
			"internet egress (tier 3) = 8806.4", "internet egress (tier 4) = 3889.2",
		}, "17508.4"},
		{"Singapore's first tier", "ap-southeast-1", "1100", []string{"internet egress (free allowance) = 0", "internet egress (tier 1) = 120"}, "120"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := cost.EmbeddedCatalogue(platform.Newest, tc.region)
			require.NoError(t, err)
			b, err := cost.InternetEgress(c, decimal.RequireFromString(tc.gb))
			require.NoError(t, err)
			var got []string
			for _, l := range b.Lines {
				got = append(got, l.Item+" = "+l.Amount.String())
			}
			assert.Equal(t, tc.lines, got, "InternetEgress(%s, %s GB)", tc.region, tc.gb)
			assert.Equal(t, tc.total, b.Total().String(), "InternetEgress(%s, %s GB) total", tc.region, tc.gb)
		})
	}
}

func TestSurroundingsErrors(t *testing.T) {
	c, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	old, err := cost.EmbeddedCatalogue(platform.Snapshot2017, "us-east-1")
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"negative egress", func() error { _, err := cost.InternetEgress(c, decimal.NewFromInt(-1)); return err }, "internet_egress_gb"},
		{"2017 has no data-transfer prices", func() error { _, err := cost.InternetEgress(old, decimal.NewFromInt(1)); return err }, "data_transfer: 2017-12 us-east-1 is not priced"},
		{"nil catalogue", func() error { _, err := cost.CrossZone(nil, "x", decimal.NewFromInt(1)); return err }, "data_transfer"},
		{"negative cross-zone GB", func() error { _, err := cost.CrossZone(c, "x", decimal.NewFromInt(-1)); return err }, "cross_zone_gb"},
		{"negative addresses", func() error { _, err := cost.PublicIPv4(c, "x", -1); return err }, "public_ipv4.addresses"},
		{"2017 has no address price", func() error { _, err := cost.PublicIPv4(old, "x", 1); return err }, "public_ipv4_hour"},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.ErrorContains(t, tc.call(), tc.want) })
	}
}

// A public IPv4 address all month is 730 × $0.005 = $3.65 in every
// region (vpc.json); a GB crossing zones is billed $0.01 as it leaves one
// and $0.01 as it enters the other.
func TestAddressesAndCrossZone(t *testing.T) {
	for _, region := range []string{"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1", "ap-northeast-1"} {
		c, err := cost.EmbeddedCatalogue(platform.Newest, region)
		require.NoError(t, err)
		b, err := cost.PublicIPv4(c, "nat gateway public ipv4", 3)
		require.NoError(t, err)
		assert.Equal(t, "10.95", b.Total().String(), "3 addresses in %s", region)
		assert.Equal(t, "2190", b.Lines[0].Quantity.String())
		x, err := cost.CrossZone(c, "cross", decimal.NewFromInt(500))
		require.NoError(t, err)
		assert.Equal(t, "1000", x.Lines[0].Quantity.String(), "500 GB, billed each way, in %s", region)
		assert.Equal(t, "10", x.Total().String())
		none, err := cost.PublicIPv4(c, "nat gateway public ipv4", 0)
		require.NoError(t, err, "no address is no charge, not an error")
		assert.True(t, none.Total().IsZero())
	}
}

// The data-transfer section is checked like every tiered price.
func TestDataTransferValidation(t *testing.T) {
	const base = "snapshot: \"2026-11\"\nregion: us-east-1\ncurrency: USD\n"
	// fig is a figure's fields at indent ind; the first line starts with
	// first (a list item's "- ").
	fig := func(ind, first, v string) string {
		return ind + first + "value: \"" + v + "\"\n" + ind + strings.Repeat(" ", len(first)) + "source: https://example.com/\n" +
			ind + strings.Repeat(" ", len(first)) + "as_of: \"2026-01-01\"\n"
	}
	band := func(upTo, v string) string {
		if upTo == "" {
			return fig("    ", "- ", v)
		}
		return "    - up_to_gb: \"" + upTo + "\"\n" + fig("      ", "", v)
	}
	rest := "  free_internet_gb:\n" + fig("    ", "", "100") + "  cross_zone_gb:\n" + fig("    ", "", "0.01")
	for _, tc := range []struct{ name, yaml, want string }{
		{"valid", "data_transfer:\n  internet_out:\n" + band("10", "0.09") + band("", "0.08") + rest, ""},
		{"open band not last", "data_transfer:\n  internet_out:\n" + band("", "0.09") + band("10", "0.08") + rest, "data_transfer.internet_out[0].up_to_gb"},
		{"bands not rising", "data_transfer:\n  internet_out:\n" + band("10", "0.09") + band("5", "0.08") + band("", "0.07") + rest, "does not rise"},
		{"no bands", "data_transfer:\n" + rest, "data_transfer.internet_out"},
		{"negative address price", "public_ipv4_hour:\n" + fig("  ", "", "-0.005"), "public_ipv4_hour.value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cost.ParseCatalogue("test.yaml", []byte(base+tc.yaml))
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
