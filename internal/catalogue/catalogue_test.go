package catalogue_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/catalogue"
	"github.com/runwhere/runwhere/platform"
)

var update = flag.Bool("update", false, "rewrite testdata/want from the fixtures")

// repo is the module root as the generator reads it, with sources.yaml
// cut to the regions the fixtures hold when twoRegions is set.
func repo(t *testing.T, twoRegions bool, edit func(tpl string) string) fstest.MapFS {
	t.Helper()
	src, err := os.ReadFile("sources.yaml")
	require.NoError(t, err)
	if twoRegions {
		var keep []string
		for _, l := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(l, "  - {code:") && !strings.Contains(l, "us-east-1") && !strings.Contains(l, "eu-west-1") {
				continue
			}
			keep = append(keep, l)
		}
		src = []byte(strings.Join(keep, "\n"))
	}
	tpl, err := os.ReadFile("../../" + catalogue.TemplateFile)
	require.NoError(t, err)
	if edit != nil {
		tpl = []byte(edit(string(tpl)))
	}
	return fstest.MapFS{
		catalogue.SourcesFile:  {Data: src},
		catalogue.TemplateFile: {Data: tpl},
	}
}

// TestGenerateFixtures runs the generator on a few rows of each source
// format (testdata/aws/README.md says which caveat each row stands for);
// every expected row below was worked out by hand from the fixture files.
func TestGenerateFixtures(t *testing.T) {
	out, err := catalogue.Generate(os.DirFS("testdata/aws"), repo(t, true, nil))
	require.NoError(t, err)
	table := string(out.Files[catalogue.InstancesFile])
	prices := string(out.Files[catalogue.PricesFile])

	for _, row := range []string{
		// ec2-specs 2,8192,x86_64; network default card 3 × 10; max pods 29;
		// ECS 2 without trunking, 10 with.
		"\nm5.large,current,2,8192,x86_64,specs,3,10,network,29,max-pods,2,10,ecs-guide\n",
		// m4 is a previous-generation family; not in the ECS table.
		"\nm4.large,previous,2,8192,x86_64,specs,2,10,network,20,max-pods,,,\n",
		// The ECS table says -2 with trunking: dropped, 2 without kept.
		"\ni4i.large,current,2,16384,x86_64,specs,3,10,network,29,max-pods,2,,ecs-guide\n",
		// The ECS guide's text: m5n does not trunk, whatever its table says.
		"\nm5n.large,current,2,8192,x86_64,specs,3,10,network,29,max-pods,2,,ecs-guide\n",
		// The max-pods file (two cards: 394) is kept beside the one-card ENIs.
		"\ni7ie.48xlarge,current,192,1572864,x86_64,specs,15,50,network,394,max-pods,,,\n",
	} {
		assert.Contains(t, table, row)
	}
	assert.NotContains(t, table, "c7g-flex.large", "no shape in ec2-specs.csv: left out")
	assert.Contains(t, out.Skipped.NoShape, "c7g-flex.large")

	for _, row := range []string{
		"\nm5.large,us-east-1,0.096,price-list-us-east-1\n",
		"\nm5.large,eu-west-1,0.107,pricing-page\n",
		"\nm4.large,us-east-1,0.1,price-list-us-east-1\n",
		// Flagged as dedicated (2.3066): the page JSON's shared 2.176.
		"\nc6g.metal,us-east-1,2.176,pricing-page\n",
		"\nc6g.metal,eu-west-1,2.3347,pricing-page\n",
	} {
		assert.Contains(t, prices, row)
	}
	assert.NotContains(t, prices, "x8i.metal-48xl", "flagged as dedicated, no shared price: absent, not guessed")
	assert.NotContains(t, prices, "i7ie.48xlarge,eu-west-1", "no eu-west-1 record in the page JSON: absent")
	assert.Equal(t, []string{"x8i.metal-48xl"}, out.Skipped.DedicatedMetal)
	assert.Equal(t, []string{"c6g.metal"}, out.Skipped.SharedMetal)
	// What the report tells the maintainer, worked out from the fixtures:
	// 8 types with a shape (c7g-flex.large has none), m4.large previous
	// generation; us-east-1 prices 6 current types (x8i.metal-48xl is
	// dedicated-only, i7ie.48xlarge and c6g.metal priced, the shared
	// price for c6g.metal), eu-west-1 the 5 current types of the page JSON.
	assert.Equal(t, 7, out.Current)
	assert.Equal(t, map[string]int{"us-east-1": 6, "eu-west-1": 5}, out.Priced)
	assert.Equal(t, []string{"i7ie.48xlarge (file 394, formula 737)"}, out.Skipped.PodsDisagreement)
	assert.Equal(t, []string{"i4i.large (2, -2)"}, out.Skipped.ECSNegative)
	assert.Equal(t, []string{"m5n.large"}, out.Skipped.ECSUnsupported)
	assert.Equal(t, []string{"c7g-flex.large"}, out.Skipped.NoShape, "once, though both the network file and the price file name it")
	report := out.Report()
	for _, line := range []string{
		"current-generation types with a shape: 7\n",
		"  priced in eu-west-1: 5\n",
		"  priced in us-east-1: 6\n",
		"left out, no vCPU/memory in ec2-specs.csv (1): c7g-flex.large\n",
		"us-east-1 metal price flagged dedicated, no shared price: absent (1): x8i.metal-48xl\n",
		"ECS figure below zero dropped (1): i4i.large (2, -2)\n",
		"max pods file differs from the ENI formula (file kept) (1): i7ie.48xlarge (file 394, formula 737)\n",
	} {
		assert.Contains(t, report, line)
	}

	// The generated files are what the packages read.
	tab, err := platform.ParseInstanceTable(catalogue.InstancesFile, out.Files[catalogue.InstancesFile])
	require.NoError(t, err)
	assert.Len(t, tab.Types(), 8)
	pl, err := cost.ParseInstancePrices(catalogue.PricesFile, out.Files[catalogue.PricesFile])
	require.NoError(t, err)
	assert.Equal(t, []string{"eu-west-1", "us-east-1"}, pl.Regions())
	eu, err := cost.ParseCatalogue("eu-west-1.yaml", out.Files[catalogue.RegionFile("eu-west-1")])
	require.NoError(t, err)
	// lambda.json EU (Ireland): "Lambda Provisioned-Concurrency" 0.0000046460,
	// "Lambda Storage-Duration" 0.0000000340; apigateway.json "API Calls
	// Number of Request Next 667 million" 0.0000031900; ecs.json
	// "Storage per GB-Hours" 0.0001220000.
	assert.Equal(t, "0.000004646", eu.Lambda.Provisioned[cost.X86].Concurrency.Value.String())
	assert.Equal(t, "0.000000034", eu.Lambda.EphemeralStorage.Value.String())
	assert.Equal(t, "0.00000319", eu.APIGateway.REST[1].Value.String())
	assert.Equal(t, "0.000122", eu.Fargate.EphemeralGBHour.Value.String())
	assert.Equal(t, "0.6", eu.EKS.ExtendedClusterHour.Value.String(), "0.10 + the 0.50 surcharge")
	assert.Equal(t, "EU (Ireland)", eu.Location)
	assert.Equal(t, "2025-10-30", eu.Lambda.Request.AsOf.String(), "the file's own publication date")
	assert.Equal(t, "https://aws.amazon.com/lambda/pricing/", string(eu.Lambda.FreeRequests.URL), "a billing rule keeps the us-east-1 file's source")

	// The whole output, byte for byte (go test -update rewrites it).
	for _, name := range out.Names() {
		want := filepath.Join("testdata", "want", filepath.FromSlash(name))
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(want), 0o755))
			require.NoError(t, os.WriteFile(want, out.Files[name], 0o644))
			continue
		}
		data, err := os.ReadFile(want)
		require.NoError(t, err, "run go test ./internal/catalogue -update")
		assert.True(t, bytes.Equal(data, out.Files[name]), "%s differs from %s; run go test ./internal/catalogue -update and review the diff", name, want)
	}
}

// TestGenerateChecksTheTemplate: the billing rules are copied from the
// us-east-1 file, so a price there that the JSON contradicts stops the run.
func TestGenerateChecksTheTemplate(t *testing.T) {
	_, err := catalogue.Generate(os.DirFS("testdata/aws"), repo(t, true, func(tpl string) string {
		return strings.Replace(tpl, `value: "0.0000166667"`, `value: "0.0000166666"`, 1)
	}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `lambda.duration.x86_64[0] is 0.0000166666 in cost/data/2026-11_us-east-1.yaml but 0.0000166667 in lambda.json "Lambda Duration"`)
}

// TestGenerateErrors: a malformed source names the file, the row and the
// field.
func TestGenerateErrors(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata/aws", name))
		require.NoError(t, err)
		return string(data)
	}
	tests := []struct{ name, file, old, new, want string }{
		{"vcpu", "ec2-specs.csv", "m5.large,2,", "m5.large,two,", `ec2-specs.csv: m5.large: vcpu "two" is not a whole number`},
		{"arch", "ec2-specs.csv", "m5.large,2,8192,x86_64", "m5.large,2,8192,sparc", `ec2-specs.csv: m5.large: arch "sparc" is not x86_64 or arm64`},
		{"column", "ec2-network.csv", "ipv4_per_eni", "ipv4", `ec2-network.csv: no column "ipv4_per_eni"`},
		{"max pods", "eks-max-pods.txt", "m5.large 29", "m5.large 0", `eks-max-pods.txt:8: max pods "0" is not a positive whole number`},
		{"max pods fields", "eks-max-pods.txt", "m5.large 29", "m5.large 29 x", `eks-max-pods.txt:8: "m5.large 29 x" is not "<type> <max pods>"`},
		// The first region of the fixture is US East (N. Virginia): its
		// surcharge at 0.40 contradicts the template's 0.60 total.
		{"eks extended", "eks.json", `"price": "0.5000000000"`, `"price": "0.4000000000"`, `eks.extended_cluster_hour is 0.6 but the standard fee plus the extended-support surcharge is 0.5`},
		{"page price", "ec2-transformed.json", `"pricePerUnit":"0.0960000000"`, `"pricePerUnit":"-1"`, `ec2-transformed.json: us-east-1 m5.large: pricePerUnit "-1" is not a positive decimal`},
		{"price", "ec2-ondemand-us-east-1.csv", "m5.large,0.096000", "m5.large,free", `ec2-ondemand-us-east-1.csv: m5.large: hourly_usd "free" is not a positive decimal`},
		{"currency", "lambda.json", `"currencyCode": "USD"`, `"currencyCode": "EUR"`, `lambda.json: manifest.currencyCode "EUR" is not USD`},
		{"rate missing", "eks.json", `"Compute per hours"`, `"Compute per hour"`, `eks.json: US East (N. Virginia) has no rate "Compute per hours"`},
		// The hand-checked us-east-1 NAT gateway hour ($0.045) must be the
		// page JSON's: the first region of the fixture is us-east-1.
		{"nat hour", "natgateway.json", `"price": "0.0450000000"`, `"price": "0.0460000000"`, `nat_gateway.hour is 0.045 in cost/data/2026-11_us-east-1.yaml but 0.046 in natgateway.json "Hourly charge for NAT Gateways"`},
		{"nat rate missing", "natgateway.json", `"Charge for per GB data processed by NatGateways"`, `"per GB"`, `natgateway.json: US East (N. Virginia) has no rate "Charge for per GB data processed by NatGateways"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := fstest.MapFS{}
			entries, err := os.ReadDir("testdata/aws")
			require.NoError(t, err)
			for _, e := range entries {
				data[e.Name()] = &fstest.MapFile{Data: []byte(read(e.Name()))}
			}
			text := read(tc.file)
			require.Contains(t, text, tc.old)
			data[tc.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, tc.old, tc.new, 1))}
			_, err = catalogue.Generate(data, repo(t, true, nil))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestCommittedCatalogue regenerates the catalogue from shared/data/aws
// into a temporary directory and fails if any committed file differs: the
// catalogue and its generator cannot drift. RUNWHERE_AWS_DATA names the
// data directory when it is not ../shared/data/aws beside the module.
func TestCommittedCatalogue(t *testing.T) {
	dir := os.Getenv("RUNWHERE_AWS_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data", "aws")
	}
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST.md")); err != nil {
		t.Skipf("no AWS data at %s (set RUNWHERE_AWS_DATA): the drift check needs the generator's inputs", dir)
	}
	out, err := catalogue.Generate(os.DirFS(dir), os.DirFS(filepath.Join("..", "..")))
	require.NoError(t, err)
	tmp := t.TempDir()
	require.NoError(t, out.Write(tmp))
	for _, name := range out.Names() {
		got, err := os.ReadFile(filepath.Join(tmp, filepath.FromSlash(name)))
		require.NoError(t, err)
		committed, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
		require.NoError(t, err, "%s is generated but not committed", name)
		assert.True(t, bytes.Equal(committed, got), "%s differs from what go run ./internal/catalogue/gen writes; regenerate and commit", name)
	}
}
