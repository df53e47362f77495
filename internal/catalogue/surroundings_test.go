package catalogue_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/catalogue"
)

// What surrounds a service (issue 25, items 5, 7, 8): the us-east-1 public
// IPv4 price must be vpc.json's, every other region needs its tiers of
// data out in sources.yaml, and an ALB section is written only where
// sources.yaml has one.
func TestGenerateSurroundings(t *testing.T) {
	fixtures := func(t *testing.T, file, old, new string) fstest.MapFS {
		t.Helper()
		data := fstest.MapFS{}
		entries, err := os.ReadDir("testdata/aws")
		require.NoError(t, err)
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join("testdata/aws", e.Name()))
			require.NoError(t, err)
			if e.Name() == file {
				require.Contains(t, string(b), old)
				b = []byte(strings.Replace(string(b), old, new, 1))
			}
			data[e.Name()] = &fstest.MapFile{Data: b}
		}
		return data
	}
	for _, tc := range []struct {
		name, file, old, new string
		sources              func(string) string
		want                 string
	}{
		{name: "address price", file: "vpc.json", old: `"price": "0.0050000000"`, new: `"price": "0.0060000000"`,
			want: `public_ipv4_hour is 0.005 in cost/data/2026-11_us-east-1.yaml but 0.006 in vpc.json "Hourly charge for In use Public IPv4 Addresses per Hrs"`},
		{name: "address rate missing", file: "vpc.json", old: `"Hourly charge for In use Public IPv4 Addresses per Hrs"`, new: `"in use"`,
			want: `vpc.json: US East (N. Virginia) has no rate "Hourly charge for In use Public IPv4 Addresses per Hrs"`},
		{name: "no tiers for a region", sources: func(s string) string {
			return strings.Replace(s, "    eu-west-1:\n      - up_to_gb:", "    eu-west-9:\n      - up_to_gb:", 1)
		},
			want: "surroundings.internet_out has no tiers for eu-west-1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := fixtures(t, "vpc.json", `"sets"`, `"sets"`)
			if tc.file != "" {
				data = fixtures(t, tc.file, tc.old, tc.new)
			}
			r := repo(t, true, nil)
			if tc.sources != nil {
				src := string(r[catalogue.SourcesFile].Data)
				edited := tc.sources(src)
				require.NotEqual(t, src, edited)
				r[catalogue.SourcesFile] = &fstest.MapFile{Data: []byte(edited)}
			}
			_, err := catalogue.Generate(data, r)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}

	// The fixtures' eu-west-1 gets the address and the data out, and no
	// ALB: no source was found for it.
	out, err := catalogue.Generate(os.DirFS("testdata/aws"), repo(t, true, nil))
	require.NoError(t, err)
	eu := string(out.Files[catalogue.RegionFile("eu-west-1")])
	assert.Contains(t, eu, "public_ipv4_hour:\n  value: \"0.005\"")
	assert.Contains(t, eu, "data_transfer:\n  internet_out:\n    - up_to_gb: \"10240\"\n      value: \"0.09\"")
	assert.NotContains(t, eu, "\nalb:")
}
