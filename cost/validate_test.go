package cost_test

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// TestParseCatalogueRefusesEachRule breaks one rule at a time in the full
// 2026-11 catalogue, so every other section is present and valid: a check
// that stops early after a valid section, or skips one, lets the broken
// figure through. Each refusal names the field, the value and the line of
// the broken key.
func TestParseCatalogueRefusesEachRule(t *testing.T) {
	src, err := os.ReadFile("data/2026-11_us-east-1.yaml")
	require.NoError(t, err)
	base := string(src)
	_, err = cost.ParseCatalogue("", src)
	require.NoError(t, err)

	tests := []struct {
		name     string
		old, new string // the edit, applied once
		field    string
		value    string
		reason   string
		at       string // text on the line the error must name
	}{
		{"snapshot missing", `snapshot: "2026-11"`, `snapshot: ""`, "snapshot", "", "is missing", `snapshot: ""`},
		{"region missing", "region: us-east-1", `region: ""`, "region", "", "is missing", `region: ""`},
		{"currency", "currency: USD", "currency: EUR", "currency", "EUR", "is not USD", "currency: EUR"},

		// lambda: figures are checked in name order; request is the last one.
		{"negative lambda request", "request: # USD per request ($0.20 per 1M), x86 and Arm\n    value: \"0.0000002\"", "request:\n    value: \"-0.0000002\"",
			"lambda.request.value", "-0.0000002", "is negative", `value: "-0.0000002"`},
		{"granularity not whole", "granularity_ms: # each invocation's duration rounded up to 1 ms\n    value: \"1\"", "granularity_ms:\n    value: \"1.5\"",
			"lambda.granularity_ms.value", "1.5", "is not a positive whole number", `value: "1.5"`},
		{"provisioned without rounding", "  provisioned_rounding_minutes: # enabled time rounded up to 5 minutes\n    value: \"5\"\n    source: https://aws.amazon.com/lambda/pricing/\n    as_of: \"2026-11-01\"\n", "",
			"lambda.provisioned_rounding_minutes", "", "is missing while provisioned prices are given", "lambda:"},
		{"provisioned rounding zero", "provisioned_rounding_minutes: # enabled time rounded up to 5 minutes\n    value: \"5\"", "provisioned_rounding_minutes:\n    value: \"0\"",
			"lambda.provisioned_rounding_minutes.value", "0", "is not a positive whole number", "provisioned_rounding_minutes:\n    value: \"0\""},
		{"no x86 duration", "    x86_64:\n      - up_to_gb_seconds: \"6000000000\"", "    x86:\n      - up_to_gb_seconds: \"6000000000\"",
			"lambda.duration", "", "has no x86_64 prices", "duration: # USD per GB-s; tiers"},
		{"negative arm64 tier 2", `value: "0.0000120001"`, `value: "-0.0000120001"`,
			"lambda.duration.arm64[1].value", "-0.0000120001", "is negative", `value: "-0.0000120001"`},
		{"x86 tier 2 bound not increasing", `up_to_gb_seconds: "15000000000"`, `up_to_gb_seconds: "6000000000"`,
			"lambda.duration.x86_64[1].up_to_gb_seconds", "6000000000", "does not increase", "as_of: \"2026-11-01\"\n      - up_to_gb_seconds: \"6000000000\""},
		{"last tier bounded", "      - value: \"0.0000133334\"\n        source: https://pricing", "      - up_to_gb_seconds: \"20000000000\"\n        value: \"0.0000133334\"\n        source: https://pricing",
			"lambda.duration.x86_64[2].up_to_gb_seconds", "20000000000", "must be absent on the last tier", `up_to_gb_seconds: "20000000000"`},
		{"middle tier unbounded", "      - up_to_gb_seconds: \"18750000000\"\n        value: \"0.0000120001\"", "      - value: \"0.0000120001\"",
			"lambda.duration.arm64[1].up_to_gb_seconds", "", "is missing", `- value: "0.0000120001"`},
		{"negative provisioned arm64 duration", `value: "0.0000077778"`, `value: "-0.0000077778"`,
			"lambda.provisioned.arm64.duration.value", "-0.0000077778", "is negative", `value: "-0.0000077778"`},
		{"negative provisioned arm64 concurrency", `value: "0.0000033334"`, `value: "-0.0000033334"`,
			"lambda.provisioned.arm64.concurrency.value", "-0.0000033334", "is negative", `value: "-0.0000033334"`},

		// ec2
		{"billing increment zero", "billing_increment_seconds: # per-second billing for Linux on-demand\n    value: \"1\"", "billing_increment_seconds:\n    value: \"0\"",
			"ec2.billing_increment_seconds.value", "0", "is not a positive whole number", "billing_increment_seconds:\n    value: \"0\""},
		{"ec2 minimum not whole", "minimum_seconds:\n    value: \"60\"\n    source: https://aws.amazon.com/about-aws", "minimum_seconds:\n    value: \"60.5\"\n    source: https://aws.amazon.com/about-aws",
			"ec2.minimum_seconds.value", "60.5", "is not a whole number", `value: "60.5"`},
		{"api gateway source", "value: \"0.0000009\"\n      source: https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/apigateway/USD/current/apigateway.json", "value: \"0.0000009\"\n      source: api gateway page",
			"api_gateway.http[1].source", "api gateway page", "is not an http(s) URL", "source: api gateway page"},
		{"api gateway last band bounded", "    - value: \"0.0000009\"", "    - up_to_requests: \"900000000\"\n      value: \"0.0000009\"",
			"api_gateway.http[1].up_to_requests", "900000000", "is set on the last band, which must be open", "up_to_requests: \"900000000\""},
		{"api gateway bands fall", "up_to_requests: \"1000000000\"", "up_to_requests: \"310000000\"",
			"api_gateway.rest[1].up_to_requests", "310000000", "does not rise above the band before it", "- up_to_requests: \"310000000\""},

		// fargate
		{"negative windows licence", `value: "0.046"`, `value: "-0.046"`,
			"fargate.windows_x86.os_license_vcpu_hour.value", "-0.046", "is negative", `value: "-0.046"`},
		{"windows minimum not whole", "value: \"300\"", "value: \"300.5\"",
			"fargate.windows_x86.minimum_seconds.value", "300.5", "is not a whole number", `value: "300.5"`},
		// The hourly rates come as a pair (item 19): vCPU-hour without GB-hour is refused.
		{"fargate hourly rates apart", "    gb_hour:\n      value: \"0.004445\"\n      source: https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ecs/USD/current/ecs.json\n      as_of: \"2025-10-27\"\n      note: US East (N. Virginia) \"perGB per hour\"; also vantage.sh/blog/fargate-pricing\n", "",
			"fargate.linux_x86.vcpu_hour", "", "and gb_hour go together", "value: \"0.000001235\"\n      source: https://aws.amazon.com/fargate/pricing/\n      as_of: \"2026-11-01\"\n    vcpu_hour:"},
		{"negative fargate storage", `value: "0.0000000308"`, `value: "-0.0000000308"`,
			"fargate.ephemeral_gb_second.value", "-0.0000000308", "is negative", `value: "-0.0000000308"`},

		// eks and ecs: the last sections checked
		{"negative eks extended", `value: "0.60"`, `value: "-0.60"`,
			"eks.extended_cluster_hour.value", "-0.6", "is negative", `value: "-0.60"`},
		{"ecs source missing", "ecs_control_plane: # no additional charge for ECS itself\n  value: \"0\"\n  source: https://github.com/vantage-sh/handbook.vantage.sh/blob/main/docs/aws/services/ecs-and-fargate-pricing.md", "ecs_control_plane:\n  value: \"0\"\n  source: \"\"",
			"ecs_control_plane.source", "", "is missing: every figure needs a source URL", `source: ""`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(base, tc.old), "the edit %q must match once", tc.old)
			doc := strings.Replace(base, tc.old, tc.new, 1)
			_, err := cost.ParseCatalogue("", []byte(doc))
			require.Error(t, err, "ParseCatalogue(%s) accepted", tc.name)
			var fe *cost.FieldError
			require.True(t, errors.As(err, &fe), "ParseCatalogue(%s) = %v, want a *FieldError", tc.name, err)
			assert.Equal(t, tc.field, fe.Field, "ParseCatalogue(%s) field", tc.name)
			assert.Equal(t, tc.value, fe.Value, "ParseCatalogue(%s) value", tc.name)
			assert.Contains(t, fe.Reason, tc.reason, "ParseCatalogue(%s) reason", tc.name)
			// The error names the line on which the marker ends.
			require.Equal(t, 1, strings.Count(doc, tc.at), "the line marker %q must match once", tc.at)
			wantLine := strings.Count(doc[:strings.Index(doc, tc.at)+len(tc.at)], "\n") + 1
			assert.Equal(t, wantLine, fe.Line, "ParseCatalogue(%s) = %v, want line %d (%q)", tc.name, err, wantLine, tc.at)
		})
	}
}

// Architectures are checked in name order, so that of two broken ones the
// same is reported every time: arm64 before x86_64.
func TestParseCatalogueReportsArchitecturesInOrder(t *testing.T) {
	src, err := os.ReadFile("data/2026-11_us-east-1.yaml")
	require.NoError(t, err)
	doc := strings.Replace(string(src), `value: "0.0000120001"`, `value: "-1"`, 1)
	doc = strings.Replace(doc, `value: "0.000015"`, `value: "-2"`, 1)
	for range 5 { // map order varies from run to run
		_, err := cost.ParseCatalogue("", []byte(doc))
		var fe *cost.FieldError
		require.True(t, errors.As(err, &fe), "ParseCatalogue(two broken tiers) = %v", err)
		assert.Equal(t, "lambda.duration.arm64[1].value", fe.Field)
	}
}

func TestInstanceTypes(t *testing.T) {
	want := map[platform.SnapshotID][]string{
		platform.Snapshot2017: {"m4.large"},
	}
	assert.Equal(t, want[platform.Snapshot2017], embedded(t, platform.Snapshot2017).InstanceTypes(), "Embedded(2017-12).InstanceTypes()")
	// 2026-11: every type with a us-east-1 row in the generated table,
	// counted from the file itself, sorted and once each.
	csv, err := os.ReadFile("data/2026-11_ec2.csv")
	require.NoError(t, err)
	got := embedded(t, platform.Snapshot2026).InstanceTypes()
	assert.Len(t, got, strings.Count(string(csv), ",us-east-1,"), "Embedded(2026-11).InstanceTypes()")
	assert.True(t, slices.IsSorted(got) && len(slices.Compact(slices.Clone(got))) == len(got), "sorted, each once")
	assert.Subset(t, got, []string{"c5.large", "m4.large", "m5.large", "m6g.large", "m7g.large", "m7g.xlarge", "t3.large", "t3.medium", "t3.micro", "t3.small", "c6i.xlarge", "r7g.large", "m7i.2xlarge", "t4g.medium"})
	var none *cost.Catalogue
	assert.Nil(t, none.InstanceTypes(), "(*Catalogue)(nil).InstanceTypes()")
	assert.Nil(t, (&cost.Catalogue{}).InstanceTypes(), "Catalogue{}.InstanceTypes()")
	_, err = (&cost.Catalogue{Snapshot: "x"}).Instance("m5.large")
	var fe *cost.FieldError
	require.True(t, errors.As(err, &fe), "Catalogue{}.Instance = %v", err)
	assert.Contains(t, fe.Reason, "no EC2 section")
}

// TestParseCatalogueLambdaArchitectures: every duration and provisioned
// entry must be a known architecture with tiers of its own.
func TestParseCatalogueLambdaArchitectures(t *testing.T) {
	const head = `snapshot: "2030-01"
region: eu-west-1
currency: USD
lambda:
  request: {value: "0.0000002", source: "https://example.com/p", as_of: "2030-01-01"}
  granularity_ms: {value: "1", source: "https://example.com/p", as_of: "2030-01-01"}
  free_requests: {value: "1000000", source: "https://example.com/p", as_of: "2030-01-01"}
  free_gb_seconds: {value: "400000", source: "https://example.com/p", as_of: "2030-01-01"}
  provisioned_rounding_minutes: {value: "5", source: "https://example.com/p", as_of: "2030-01-01"}
  duration:
    x86_64:
      - {value: "0.00001", source: "https://example.com/p", as_of: "2030-01-01"}
`
	const pcPrices = `{concurrency: {value: "0.000004", source: "https://example.com/p", as_of: "2030-01-01"}, duration: {value: "0.000009", source: "https://example.com/p", as_of: "2030-01-01"}}`
	tests := []struct {
		name, tail   string
		field, value string
		reason       string
	}{
		{"arm64 without tiers", "    arm64: []\n", "lambda.duration.arm64", "[]", "has no tiers"},
		{"unknown architecture", "    riscv64:\n      - {value: \"0.00001\", source: \"https://example.com/p\", as_of: \"2030-01-01\"}\n",
			"lambda.duration", "riscv64", "is not an architecture (x86_64, arm64)"},
		{"provisioned without on-demand prices", "  provisioned:\n    arm64: " + pcPrices + "\n",
			"lambda.provisioned", "arm64", "has no on-demand duration prices"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cost.ParseCatalogue("", []byte(head+tc.tail))
			var fe *cost.FieldError
			require.True(t, errors.As(err, &fe), "ParseCatalogue(%s) = %v, want a *FieldError", tc.name, err)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.value, fe.Value)
			assert.Contains(t, fe.Reason, tc.reason)
		})
	}
	c, err := cost.ParseCatalogue("", []byte(head+"  provisioned:\n    x86_64: "+pcPrices+"\n"))
	require.NoError(t, err, "the same catalogue with x86_64 provisioned prices")
	b, err := cost.Lambda(c, cost.LambdaUsage{Requests: d("1"), DurationMS: d("1000"), MemoryMB: 1024, ProvisionedConcurrency: 1, ProvisionedHours: d("1")})
	require.NoError(t, err)
	// 1 × 1 GB × 3,600 s × $0.000004 = $0.0144
	assert.True(t, d("0.0144").Equal(findLine(t, b, "lambda provisioned concurrency (x86_64)").Amount))
}

// The memory and /tmp ranges come from package platform, not the price
// file; Validate still holds them to the rules sweeps rely on, whoever set
// them.
func TestValidateLambdaRanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(l *cost.LambdaPrices)
		field  string
		reason string
	}{
		{"memory max above a billion", func(l *cost.LambdaPrices) { l.MemoryMaxMB.Value = d("1000000001") },
			"lambda.memory_max_mb.value", "beyond any published billing rule"},
		{"memory max a billion", func(l *cost.LambdaPrices) { l.MemoryMaxMB.Value = d("1000000000") },
			"lambda.memory_step_mb.value", "makes more than 1000000 memory sizes"},
		{"memory max below min", func(l *cost.LambdaPrices) { l.MemoryMaxMB.Value = d("127") },
			"lambda.memory_max_mb.value", "is below memory_min_mb"},
		{"zero step", func(l *cost.LambdaPrices) { l.MemoryStepMB.Value = d("0") },
			"lambda.memory_step_mb.value", "is not a positive whole number"},
		{"ephemeral without its maximum", func(l *cost.LambdaPrices) { l.EphemeralMaxMB = nil },
			"lambda.ephemeral_storage", "needs the /tmp range"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := embedded(t, platform.Snapshot2026)
			require.NoError(t, c.Validate())
			tc.edit(c.Lambda)
			err := c.Validate()
			var fe *cost.FieldError
			require.True(t, errors.As(err, &fe), "Validate(%s) = %v, want a *FieldError", tc.name, err)
			assert.Equal(t, tc.field, fe.Field, "Validate(%s) field", tc.name)
			assert.Contains(t, fe.Reason, tc.reason, "Validate(%s) reason", tc.name)
		})
	}
}

// The ranges are platform's Lambda limits of the snapshot in force: a
// caller's catalogue for a later month takes the newest, one before the
// oldest snapshot has none.
func TestParseCatalogueTakesLambdaRangesFromPlatform(t *testing.T) {
	c := embedded(t, platform.Snapshot2017)
	assert.Equal(t, "3008", c.Lambda.MemoryMaxMB.Value.String(), "2017-12 memory max")
	assert.Equal(t, "64", c.Lambda.MemoryStepMB.Value.String(), "2017-12 memory step")
	assert.Nil(t, c.Lambda.EphemeralMaxMB, "2017-12 prices no /tmp")
	now := embedded(t, platform.Snapshot2026)
	assert.Equal(t, "10240", now.Lambda.MemoryMaxMB.Value.String(), "2026-11 memory max")
	assert.Equal(t, "512", now.Lambda.EphemeralFreeMB.Value.String(), "2026-11 /tmp free")
	assert.Equal(t, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html", string(now.Lambda.EphemeralMaxMB.URL))

	const doc = `snapshot: "%s"
region: eu-west-1
currency: USD
lambda:
  request: {value: "0.0000002", source: "https://example.com/p", as_of: "2030-01-01"}
  granularity_ms: {value: "1", source: "https://example.com/p", as_of: "2030-01-01"}
  free_requests: {value: "0", source: "https://example.com/p", as_of: "2030-01-01"}
  free_gb_seconds: {value: "0", source: "https://example.com/p", as_of: "2030-01-01"}
  duration:
    x86_64:
      - {value: "0.00001", source: "https://example.com/p", as_of: "2030-01-01"}
`
	later, err := cost.ParseCatalogue("", fmt.Appendf(nil, doc, "2030-01"))
	require.NoError(t, err)
	assert.Equal(t, "10240", later.Lambda.MemoryMaxMB.Value.String(), "2030-01 takes 2026-11's limits")
	_, err = cost.ParseCatalogue("", fmt.Appendf(nil, doc, "2010-01"))
	var fe *cost.FieldError
	require.True(t, errors.As(err, &fe), "ParseCatalogue(2010-01) = %v", err)
	assert.Equal(t, "snapshot", fe.Field)
	assert.Contains(t, fe.Reason, "no snapshot in force in 2010-01")
}
