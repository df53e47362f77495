package catalogue_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/catalogue"
)

// renameInEU renames the rate key in the fixture's second region (EU
// (Ireland); US East comes first), so that region lacks it.
func renameInEU(t *testing.T, ecs, key string) string {
	t.Helper()
	q := `"` + key + `"`
	first := strings.Index(ecs, q)
	require.GreaterOrEqual(t, first, 0, "%s in the fixture", key)
	second := strings.Index(ecs[first+len(q):], q)
	require.GreaterOrEqual(t, second, 0, "%s twice in the fixture", key)
	at := first + len(q) + second
	return ecs[:at] + `"gone ` + key + `"` + ecs[at+len(q):]
}

// TestGenerateFargateWindows (issue 25, item 1): the generator writes each
// region's Windows rates from the rate table (the fixture's EU (Ireland)
// rows: "perCPU per hour Windows" 0.0465520000, "perGB per hour Windows"
// 0.0051117500, "perCPU OS License Fee per hour Windows" 0.0460000000)
// with the template's 5-minute minimum; a region without the three rates
// gets no Windows block, and one with only some of them stops the run.
func TestGenerateFargateWindows(t *testing.T) {
	windowsKeys := []string{"perCPU per hour Windows", "perGB per hour Windows", "perCPU OS License Fee per hour Windows"}
	tests := []struct {
		name    string
		edit    func(t *testing.T, ecs string) string
		want    *[4]string // vcpu, gb, licence, minimum; nil: no Windows block
		wantErr string
	}{
		{name: "from the rate table", want: &[4]string{"0.046552", "0.00511175", "0.046", "300"}},
		{name: "region without the rates", want: nil, edit: func(t *testing.T, ecs string) string {
			for _, k := range windowsKeys {
				ecs = renameInEU(t, ecs, k)
			}
			return ecs
		}},
		{name: "region with some of the rates", edit: func(t *testing.T, ecs string) string {
			return renameInEU(t, ecs, "perGB per hour Windows")
		}, wantErr: `ecs.json: EU (Ireland) has no rate "perGB per hour Windows"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var edit func(string) string
			if tc.edit != nil {
				edit = func(s string) string { return tc.edit(t, s) }
			}
			out, err := catalogue.Generate(fixtures(t, "ecs.json", edit), repo(t, true, nil))
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			eu, err := cost.ParseCatalogue("eu-west-1.yaml", out.Files[catalogue.RegionFile("eu-west-1")])
			require.NoError(t, err)
			w := eu.Fargate.WindowsX86
			if tc.want == nil {
				assert.Nil(t, w, "no Windows rates in the region: Windows not priced there")
				return
			}
			require.NotNil(t, w)
			require.NotNil(t, w.VCPUHour)
			require.NotNil(t, w.GBHour)
			require.NotNil(t, w.OSLicenseVCPUHour)
			got := [4]string{w.VCPUHour.Value.String(), w.GBHour.Value.String(), w.OSLicenseVCPUHour.Value.String(), w.MinimumSeconds.Value.String()}
			assert.Equal(t, *tc.want, got)
			assert.Equal(t, "2025-10-27", w.VCPUHour.AsOf.String(), "the file's own publication date")
			assert.Equal(t, `EU (Ireland) "perCPU OS License Fee per hour Windows"`, w.OSLicenseVCPUHour.Note)
			assert.Equal(t, "https://aws.amazon.com/fargate/pricing/", string(w.MinimumSeconds.URL), "the billing rule keeps the us-east-1 file's source")
			assert.Nil(t, w.OSLicenseVCPUSecond, "the page's per-second figures are not generated")
		})
	}
}

// TestGenerateChecksWindowsTemplate: the hand-checked us-east-1 Windows
// rates must be the rate table's, as every other template price is.
func TestGenerateChecksWindowsTemplate(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"vcpu", `value: "0.046552"`, `value: "0.0915"`, `fargate.windows_x86.vcpu_hour is 0.0915 in cost/data/2026-11_us-east-1.yaml but 0.046552 in ecs.json "perCPU per hour Windows"`},
		{"gb", `value: "0.00511175"`, `value: "0.01"`, `fargate.windows_x86.gb_hour is 0.01 in cost/data/2026-11_us-east-1.yaml but 0.00511175 in ecs.json "perGB per hour Windows"`},
		{"licence", `value: "0.046"`, `value: "0.046001"`, `fargate.windows_x86.os_license_vcpu_hour is 0.046001 in cost/data/2026-11_us-east-1.yaml but 0.046 in ecs.json "perCPU OS License Fee per hour Windows"`},
		{"hourly rates missing", "    os_license_vcpu_hour:\n", "    os_license_vcpu_second:\n", `fargate.windows_x86 lacks vcpu_hour, gb_hour or os_license_vcpu_hour`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := catalogue.Generate(os.DirFS("testdata/aws"), repo(t, true, func(tpl string) string {
				require.Equal(t, 1, strings.Count(tpl, tc.old), "the edit %q must match once", tc.old)
				return strings.Replace(tpl, tc.old, tc.new, 1)
			}))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
