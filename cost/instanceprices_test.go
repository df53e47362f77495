package cost_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

const priceSources = "@source,k,2026-07-20,https://example.com/prices,a note, with a comma\n"

func TestParseInstancePrices(t *testing.T) {
	p, err := cost.ParseInstancePrices("p.csv", []byte("# c\n"+priceSources+"type,region,hourly_usd,source\nm5.large,us-east-1,0.096,k\nm5.large,eu-west-1,0.107,k\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, p.Regions())
	assert.Equal(t, 2, p.Len())
	in, ok := p.Lookup("eu-west-1", "m5.large")
	require.True(t, ok)
	assert.Equal(t, "0.107", in.Hourly.Value.String())
	assert.Equal(t, "a note, with a comma", in.Hourly.Note)
	_, ok = p.Lookup("eu-west-1", "m6.large")
	assert.False(t, ok)
}

// TestParseInstancePricesErrors: each refusal names the file, the line,
// the field and the value.
func TestParseInstancePricesErrors(t *testing.T) {
	head := priceSources + "type,region,hourly_usd,source\n"
	tests := []struct{ name, data, want string }{
		{"no header", priceSources, "cost: p.csv: header: is missing"},
		{"bad header", "type,price\n", "cost: p.csv:1: header: type,price is not"},
		{"fields", head + "m5.large,us-east-1,0.096\n", "cost: p.csv:3: row: m5.large,us-east-1,0.096 does not have 4 fields"},
		{"negative", head + "m5.large,us-east-1,-0.096,k\n", "cost: p.csv:3: m5.large.hourly_usd: -0.096 is not a positive decimal"},
		{"zero", head + "m5.large,us-east-1,0,k\n", "cost: p.csv:3: m5.large.hourly_usd: 0 is not a positive decimal"},
		{"huge exponent", head + "m5.large,us-east-1,1e-999999999,k\n", "cost: p.csv:3: m5.large.hourly_usd: 1e-999999999 is not a positive decimal"},
		{"source", head + "m5.large,us-east-1,0.096,zz\n", "cost: p.csv:3: m5.large.source: zz is not an @source key defined above it"},
		{"twice", head + "m5.large,us-east-1,0.096,k\nm5.large,us-east-1,0.097,k\n", "cost: p.csv:4: m5.large: us-east-1 is priced twice in this region"},
		{"empty type", head + ",us-east-1,0.096,k\n", "cost: p.csv:3: row: ,us-east-1,0.096,k has an empty type or region"},
		{"source line", "@source,k,yesterday,https://x.example,\n", `cost: p.csv:1: @source:`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			elapsed := inputtest.Fastest(100*time.Millisecond, func() { _, err = cost.ParseInstancePrices("p.csv", []byte(tc.data)) })
			assert.Less(t, elapsed, 100*time.Millisecond)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got  %q\nwant %q…", err, tc.want)
			var fe *cost.FieldError
			assert.True(t, errors.As(err, &fe))
		})
	}
}

// TestRegions: six regions for 2026-11, the default first; an unknown
// region's error lists them.
func TestRegions(t *testing.T) {
	want := []string{"us-east-1", "ap-northeast-1", "ap-southeast-1", "eu-central-1", "eu-west-1", "us-west-2"}
	assert.Equal(t, want, cost.Regions(platform.Snapshot2026))
	assert.Equal(t, want, cost.Regions(""))
	assert.Equal(t, []string{"us-east-1"}, cost.Regions(platform.Snapshot2017))
	_, err := cost.EmbeddedCatalogue(platform.Snapshot2026, "mars-north-1")
	var fe *cost.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "region", fe.Field)
	assert.Equal(t, "mars-north-1", fe.Value)
	assert.Contains(t, fe.Reason, "the regions are us-east-1, ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-west-2")
	for _, r := range want {
		c, err := cost.EmbeddedCatalogue(platform.Snapshot2026, r)
		require.NoError(t, err, r)
		assert.NotEmpty(t, c.Location, r)
		_, err = c.Instance("m5.large")
		assert.NoError(t, err, "m5.large is priced in %s", r)
	}
}

// TestLoadCataloguesPriceTable: a price table attaches to its snapshot's
// catalogues; a region with no catalogue, or a price written twice, is
// refused.
func TestLoadCataloguesPriceTable(t *testing.T) {
	yaml, err := os.ReadFile("data/2026-11_us-east-1.yaml")
	require.NoError(t, err)
	fsys := func(csv string, y []byte) map[string][]byte {
		return map[string][]byte{"d/2026-11_us-east-1.yaml": y, "d/2026-11_ec2.csv": []byte(csv)}
	}
	head := priceSources + "type,region,hourly_usd,source\n"
	cats, err := cost.LoadCatalogues(mapFS(fsys(head+"m5.large,us-east-1,0.5,k\n", yaml)), "d")
	require.NoError(t, err)
	in, err := cats[0].Instance("m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.5", in.Hourly.Value.String())

	_, err = cost.LoadCatalogues(mapFS(fsys(head+"m5.large,eu-west-9,0.5,k\n", yaml)), "d")
	assert.ErrorContains(t, err, `prices region "eu-west-9", which has no 2026-11 catalogue`)

	withOwn := strings.Replace(string(yaml), "\n  # Instance prices for every region", "\n  instances:\n    m5.large:\n      hourly: {value: \"0.09\", source: \"https://example.com/mine\", as_of: \"2026-11-01\"}\n  # Instance prices for every region", 1)
	require.NotEqual(t, string(yaml), withOwn)
	_, err = cost.LoadCatalogues(mapFS(fsys(head+"m5.large,us-east-1,0.5,k\n", []byte(withOwn))), "d")
	assert.ErrorContains(t, err, "m5.large in us-east-1 is also priced in the catalogue's YAML: a price has one home")
}

func FuzzParseInstancePrices(f *testing.F) {
	data, err := os.ReadFile("data/2026-11_ec2.csv")
	require.NoError(f, err)
	f.Add(string(data[:4096]))
	f.Add(priceSources + "type,region,hourly_usd,source\nm5.large,us-east-1,0.096,k\n")
	f.Fuzz(func(t *testing.T, doc string) {
		var p cost.InstancePrices
		var err error
		inputtest.Timed(t, "ParseInstancePrices", doc, func() { p, err = cost.ParseInstancePrices("f.csv", []byte(doc)) })
		if err != nil {
			return
		}
		for _, r := range p.Regions() {
			if r == "" {
				t.Fatal("accepted an empty region")
			}
		}
	})
}

func mapFS(files map[string][]byte) fstest.MapFS {
	out := fstest.MapFS{}
	for name, data := range files {
		out[name] = &fstest.MapFile{Data: data}
	}
	return out
}
