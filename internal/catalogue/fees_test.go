package catalogue_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/catalogue"
)

// fixtures returns the generator's fixture files, with edit applied to
// the named one when edit is not nil.
func fixtures(t *testing.T, file string, edit func(string) string) fstest.MapFS {
	t.Helper()
	data := fstest.MapFS{}
	entries, err := os.ReadDir("testdata/aws")
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata/aws", e.Name()))
		require.NoError(t, err)
		if e.Name() == file && edit != nil {
			edited := edit(string(b))
			require.NotEqual(t, string(b), edited, "the edit changed nothing")
			b = []byte(edited)
		}
		data[e.Name()] = &fstest.MapFile{Data: b}
	}
	return data
}

// TestGenerateFees decodes the fixtures' hashed rates (testdata/aws/README.md
// says what each stands for). Every fee below is the rate's price in the
// fixture's ecs.json or eks.json; the type is found by 12 % of its price in
// ec2-transformed.json or, in us-east-1 where the page has none,
// ec2-ondemand-us-east-1.csv.
func TestGenerateFees(t *testing.T) {
	out, err := catalogue.Generate(os.DirFS("testdata/aws"), repo(t, true, nil))
	require.NoError(t, err)
	fees := string(out.Files[catalogue.FeesFile])

	tests := []struct {
		name string
		row  string // a row of the table, or the part of one that must be absent
		want bool
	}{
		// m5.large 0.096 and 0.107: 12 % is 0.01152 and 0.01284, in both
		// tables, compared in both regions.
		{name: "ecs m5.large us-east-1", row: "ecs-managed-instances,us-east-1,m5.large,0.01152,ecs-2", want: true},
		{name: "ecs m5.large eu-west-1", row: "ecs-managed-instances,eu-west-1,m5.large,0.01284,ecs-2", want: true},
		{name: "eks m5.large us-east-1", row: "eks-auto-mode,us-east-1,m5.large,0.01152,eks-2", want: true},
		// m7g.large 0.0816: ECS 0.009792 exactly, EKS rounded to 0.00979.
		{name: "ecs m7g.large", row: "ecs-managed-instances,us-east-1,m7g.large,0.009792,ecs-2", want: true},
		{name: "eks m7g.large", row: "eks-auto-mode,us-east-1,m7g.large,0.00979,eks-2", want: true},
		// c6a.12xlarge in eu-west-1 costs 1.96992: ECS charges 12 % of
		// 1.9699 (0.236388), EKS 12 % rounded (0.2363904 → 0.23639).
		{name: "ecs rounds the price", row: "ecs-managed-instances,eu-west-1,c6a.12xlarge,0.236388,ecs-2", want: true},
		{name: "eks rounds the fee", row: "eks-auto-mode,eu-west-1,c6a.12xlarge,0.23639,eks-2", want: true},
		// One rate, two types of equal prices (2.176 and 2.3347): both.
		// c6g.metal's us-east-1 extract price (2.3066, dedicated) is not
		// the one compared: the page's shared 2.176 is, as in the price
		// table.
		{name: "shared rate, first type", row: "ecs-managed-instances,eu-west-1,c6g.16xlarge,0.280164,ecs-2", want: true},
		{name: "shared rate, second type", row: "ecs-managed-instances,eu-west-1,c6g.metal,0.280164,ecs-2", want: true},
		{name: "shared rate, eks", row: "eks-auto-mode,us-east-1,c6g.metal,0.26112,eks-2", want: true},
		// i7ie.48xlarge is priced in us-east-1 only (24.9504, the
		// extract): its two rates match there, and their eu-west-1
		// price (3.312) is compared with nothing, so it is no row.
		{name: "one region compared", row: "ecs-managed-instances,us-east-1,i7ie.48xlarge,2.994048,ecs-1", want: true},
		{name: "no row where no price", row: "i7ie.48xlarge,3.312"},
		{name: "no row where no price, eu", row: "eu-west-1,i7ie.48xlarge"},
		// The rate 0.01152 / 0.01308 is m5.large's price in us-east-1 but
		// not in eu-west-1 (0.01284): it matches no type, and is no row.
		{name: "rate of no type", row: ",0.01308,"},
		// The hashed twin of "perGB per hour" (0.004445) is no fee.
		{name: "twin", row: ",0.004445,"},
		// m4.large (0.1, 0.111) and the other types have no rate.
		{name: "type with no rate", row: ",m4.large,"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.want {
				assert.Contains(t, fees, "\n"+tc.row+"\n")
			} else {
				assert.NotContains(t, fees, tc.row)
			}
		})
	}
	assert.Contains(t, fees, "@source,ecs-2,2025-10-27,https://aws.amazon.com/ecs/pricing/,Amazon ECS Managed Instances management fee from AWS's ecs.json (hashed rate); decoded by price: 12% of the on-demand price after rounding that price half up to 4 decimals in 2 regions\n")
	assert.Contains(t, fees, "@source,eks-1,2025-10-28,https://aws.amazon.com/eks/pricing/,Amazon EKS Auto Mode management fee from AWS's eks.json (hashed rate); decoded by price: 12% of the on-demand price with the fee rounded half up to 5 decimals in 1 region\n")

	// What the report says, per table: 8 hashed rates, of which 6 are
	// decoded (m5.large's, m7g.large's, c6a.12xlarge's, the c6g pair's
	// and i7ie.48xlarge's two); 6 types have a fee in us-east-1, 5 in
	// eu-west-1 (not i7ie.48xlarge).
	require.Len(t, out.Fees, 2)
	for i, table := range []struct{ name, twin, stray string }{
		{"ecs-managed-instances", `1RUXomxlRehJL4_qDYlAegpNhkpLx07JCZTziaBNdeA (the worded rate "perGB per hour")`, "0bvRuFiTR9czbQJmcMYAWv2BEgW08fkHG6FsxVJyppw (no instance type's on-demand price gives these fees; us-east-1 0.01152)"},
		{"eks-auto-mode", `1kYVom9fJqd14VnqxWAn8ETCghNklQi1YFC9_pplQys (the worded rate "Compute per hours")`, "z61oDNrGAprTWjzXpAR12aYCBa_B2YtMaWfkfUIxxuc (no instance type's on-demand price gives these fees; us-east-1 0.01152)"},
	} {
		t.Run(table.name, func(t *testing.T) {
			got := out.Fees[i]
			assert.Equal(t, table.name, got.Table)
			assert.Equal(t, 8, got.Rates)
			assert.Equal(t, 6, got.Decoded)
			assert.Equal(t, map[string]int{"us-east-1": 6, "eu-west-1": 5}, got.Rows)
			assert.ElementsMatch(t, []string{table.twin, table.stray}, got.Undecoded)
		})
	}
	report := out.Report()
	assert.Contains(t, report, "ecs-managed-instances: 6 of 8 hashed rates decoded\n  types with a fee in eu-west-1: 5\n  types with a fee in us-east-1: 6\n")

	// The table is what package cost reads.
	f, err := cost.ParseInstanceFees(catalogue.FeesFile, out.Files[catalogue.FeesFile])
	require.NoError(t, err)
	assert.Equal(t, []string{"ecs-managed-instances", "eks-auto-mode"}, f.Tables())
	assert.Equal(t, 22, f.Len())
	fee, ok := f.Lookup("ecs-managed-instances", "eu-west-1", "c6g.metal")
	require.True(t, ok)
	assert.Equal(t, "0.280164", fee.Value.String())
	assert.Equal(t, "2025-10-27", fee.AsOf.String(), "ecs.json's own publication date")
}

// TestGenerateFeesRules: each table's rule is what tells a rate's type;
// a rate priced by another rule matches nothing, in any region, while the
// other table's rate for the same type still does.
func TestGenerateFeesRules(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		gone, kept           string // row prefixes
	}{
		// 12 % of c6a.12xlarge's unrounded eu-west-1 price, 0.2363904:
		// not ECS's rule.
		{name: "ecs unrounded", file: "ecs.json", old: `"price": "0.2363880000"`, new: `"price": "0.2363904000"`,
			gone: "ecs-managed-instances,us-east-1,c6a.12xlarge,", kept: "eks-auto-mode,us-east-1,c6a.12xlarge,"},
		// ECS's figure in eks.json: not EKS's rounding.
		{name: "eks to 6 places", file: "eks.json", old: `"price": "0.2363900000"`, new: `"price": "0.2363880000"`,
			gone: "eks-auto-mode,us-east-1,c6a.12xlarge,", kept: "ecs-managed-instances,us-east-1,c6a.12xlarge,"},
		// One type of the pair priced apart in eu-west-1: the shared rate
		// is no longer its fee, anywhere; it still is the other's.
		{name: "pair split", file: "ec2-transformed.json", old: `"c6g.16xlarge","vcpu":"N/A","memory":"N/A","operatingSystem":"Linux"},"pricePerUnit":"2.3347000000"`, new: `"c6g.16xlarge","vcpu":"N/A","memory":"N/A","operatingSystem":"Linux"},"pricePerUnit":"2.4000000000"`,
			gone: "ecs-managed-instances,us-east-1,c6g.16xlarge,", kept: "ecs-managed-instances,us-east-1,c6g.metal,"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := catalogue.Generate(fixtures(t, tc.file, func(s string) string { return strings.Replace(s, tc.old, tc.new, 1) }), repo(t, true, nil))
			require.NoError(t, err)
			fees := string(out.Files[catalogue.FeesFile])
			assert.NotContains(t, fees, "\n"+tc.gone)
			assert.Contains(t, fees, "\n"+tc.kept)
		})
	}
}

// TestGenerateFeesErrors: a fee table without a pricing page, or a file
// that is not AWS's, stops the run naming what is wrong.
func TestGenerateFeesErrors(t *testing.T) {
	tests := []struct {
		name, file, old, new, want string
		sources                    func(string) string
	}{
		{name: "price", file: "ecs.json", old: `"price": "0.0097920000"`, new: `"price": "cheap"`, want: `ecs.json: US East (N. Virginia) "eKuKarHdqExkLNRqeWFcKVPYR8PjybaAYmBsMRjB2uo": price "cheap" is not a non-negative decimal`},
		{name: "date", file: "eks.json", old: `"hawkFilePublicationDate": "2025-10-28T18:47:40Z"`, new: `"hawkFilePublicationDate": "2025-13-28T18:47:40Z"`, want: `eks.json: manifest.hawkFilePublicationDate "2025-13-28T18:47:40Z" is not a date`},
		{name: "no page", sources: func(s string) string {
			return strings.Replace(s, "  eks-auto-mode: https://aws.amazon.com/eks/pricing/\n", "", 1)
		}, want: "internal/catalogue/sources.yaml: no fee_pages entry for eks-auto-mode"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var data fstest.MapFS
			if tc.file != "" {
				data = fixtures(t, tc.file, func(s string) string { return strings.Replace(s, tc.old, tc.new, 1) })
			} else {
				data = fixtures(t, "", nil)
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
}
