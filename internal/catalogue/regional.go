package catalogue

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// rate names a price in one of AWS's pricing-page JSON files.
type rate struct{ file, key string }

// The API Gateway request tiers: AWS's rate names say where each band
// ends ("up to 333 million", "next 667 million", …); UpTo is the running
// total, zero for the last, open band.
// requestTier is one band of an API Gateway price: its rate name and
// the running total of requests where it ends (0 for the open band).
type requestTier struct {
	key  string
	upTo int64
}

var (
	restTiers = []requestTier{
		{"API Calls Number of up to 333 million", 333_000_000},
		{"API Calls Number of Request Next 667 million", 1_000_000_000},
		{"API Calls Number of Request Next 19 billion", 20_000_000_000},
		{"API Calls Number of Request Over 20 billion", 0},
	}
	httpTiers = []requestTier{
		{"ApiGatewayHttpApi First 300 million", 300_000_000},
		{"ApiGatewayHttpApi more than 300 million", 0},
	}
	// A NAT gateway's hours and the GB it processes (natgateway.json; the
	// provisioned-bandwidth rates are another product).
	natHour = rate{"natgateway.json", "Hourly charge for NAT Gateways"}
	natGB   = rate{"natgateway.json", "Charge for per GB data processed by NatGateways"}

	lambdaDuration = map[cost.Arch][]string{
		cost.X86:   {"Lambda Duration", "Lambda Duration Tier2", "Lambda Duration Tier3"},
		cost.ARM64: {"Lambda Duration-ARM", "Lambda Duration-ARM Tier2", "Lambda Duration-ARM Tier3"},
	}
	lambdaProvisioned = map[cost.Arch][2]string{ // concurrency, duration
		cost.X86:   {"Lambda Provisioned-Concurrency", "Lambda Duration-Provisioned"},
		cost.ARM64: {"Lambda Provisioned-Concurrency-ARM", "Lambda Duration-Provisioned-ARM"},
	}
)

// prices are the four AWS-format files.
type prices struct {
	src   *Sources
	files map[string]*PriceMap
}

func (p *prices) get(location string, r rate) (decimal.Decimal, error) {
	return p.files[r.file].Rate(r.file, location, r.key)
}

// figure is the price of rate r in location, sourced to its file.
func (p *prices) figure(location string, r rate) (cost.Figure, error) {
	v, err := p.get(location, r)
	if err != nil {
		return cost.Figure{}, err
	}
	f := cost.Figure{Value: v}
	f.URL, f.Note = platform.URL(p.src.Files[r.file].URL), fmt.Sprintf("%s %q", location, r.key)
	f.AsOf = mustDate(p.files[r.file].Published)
	return f, nil
}

// checkUSEast1 compares the hand-checked us-east-1 catalogue with the
// pricing-page JSON's us-east-1 rates: the generator copies that file's
// billing rules into every region, so its prices must be the JSON's.
func (p *prices) checkUSEast1(t *cost.Catalogue) error {
	loc := p.location("us-east-1")
	var errs []string
	check := func(what string, got decimal.Decimal, r rate) {
		want, err := p.get(loc, r)
		if err != nil {
			errs = append(errs, err.Error())
			return
		}
		if !got.Equal(want) {
			errs = append(errs, fmt.Sprintf("%s is %s in cost/data/2026-11_us-east-1.yaml but %s in %s %q", what, got, want, r.file, r.key))
		}
	}
	l := t.Lambda
	check("lambda.request", l.Request.Value, rate{"lambda.json", "Lambda Requests"})
	check("lambda.request (Arm)", l.Request.Value, rate{"lambda.json", "Lambda Requests-ARM"})
	check("lambda.ephemeral_storage", l.EphemeralStorage.Value, rate{"lambda.json", "Lambda Storage-Duration"})
	for arch, keys := range lambdaDuration {
		for i, k := range keys {
			check(fmt.Sprintf("lambda.duration.%s[%d]", arch, i), l.Duration[arch][i].Value, rate{"lambda.json", k})
		}
		pk := lambdaProvisioned[arch]
		check("lambda.provisioned."+string(arch)+".concurrency", l.Provisioned[arch].Concurrency.Value, rate{"lambda.json", pk[0]})
		check("lambda.provisioned."+string(arch)+".duration", l.Provisioned[arch].Duration.Value, rate{"lambda.json", pk[1]})
	}
	f := t.Fargate
	check("fargate.linux_x86.vcpu_hour", f.LinuxX86.VCPUHour.Value, rate{"ecs.json", "perCPU per hour"})
	check("fargate.linux_x86.gb_hour", f.LinuxX86.GBHour.Value, rate{"ecs.json", "perGB per hour"})
	check("fargate.linux_arm64.vcpu_hour", f.LinuxARM64.VCPUHour.Value, rate{"ecs.json", "ARM perCPU per hour"})
	check("fargate.linux_arm64.gb_hour", f.LinuxARM64.GBHour.Value, rate{"ecs.json", "ARM perGB per hour"})
	check("fargate.ephemeral_gb_hour", f.EphemeralGBHour.Value, rate{"ecs.json", "Storage per GB-Hours"})
	errs = append(errs, p.checkFargateWindows(f.WindowsX86, loc)...)
	check("eks.standard_cluster_hour", t.EKS.StandardClusterHour.Value, rate{"eks.json", "Compute per hours"})
	ext, err := p.get(loc, rate{"eks.json", "Compute ExtendedSupport per Hours"})
	if err == nil && !t.EKS.ExtendedClusterHour.Value.Equal(t.EKS.StandardClusterHour.Value.Add(ext)) {
		errs = append(errs, fmt.Sprintf("eks.extended_cluster_hour is %s but the standard fee plus the extended-support surcharge is %s", t.EKS.ExtendedClusterHour.Value, t.EKS.StandardClusterHour.Value.Add(ext)))
	}
	if n := t.NATGateway; n != nil {
		check("nat_gateway.hour", n.Hour.Value, natHour)
		check("nat_gateway.gb", n.GB.Value, natGB)
	}
	checkSurroundingsUSEast1(t, check)
	for i, tier := range restTiers {
		check(fmt.Sprintf("api_gateway.rest[%d]", i), t.APIGateway.REST[i].Value, rate{"apigateway.json", tier.key})
	}
	for i, tier := range httpTiers {
		check(fmt.Sprintf("api_gateway.http[%d]", i), t.APIGateway.HTTP[i].Value, rate{"apigateway.json", tier.key})
	}
	errs = append(errs, p.checkAddonsUSEast1()...)
	if len(errs) > 0 {
		return fmt.Errorf("the us-east-1 catalogue disagrees with AWS's pricing-page JSON:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

func (p *prices) location(code string) string {
	for _, r := range p.src.Regions {
		if r.Code == code {
			return r.Location
		}
	}
	return ""
}

// writeRegion renders the price catalogue of one region: its prices from
// the pricing-page JSON, and the billing rules AWS applies in every region
// (free tier, tier boundaries, minimums, rounding) copied with their
// sources from the hand-checked us-east-1 catalogue t.
func (p *prices) writeRegion(t *cost.Catalogue, code, location string) ([]byte, error) {
	var firstErr error
	fig := func(r rate) cost.Figure {
		f, err := p.figure(location, r)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return f
	}
	var b strings.Builder
	b.WriteString("# runwhere 2026-11: AWS prices for " + code + " (" + location + "), on-demand, Linux, USD.\n" +
		"# Generated by `go run ./internal/catalogue/gen -data ../shared/data/aws`. Do not\n" +
		"# edit: the prices come from AWS's pricing-page JSON for this region; the\n" +
		"# billing rules (free tier, tier boundaries, minimum seconds, rounding) are\n" +
		"# the same in every region and are copied, with their sources, from\n" +
		"# 2026-11_us-east-1.yaml. EC2 instance prices are in 2026-11_ec2.csv.\n" +
		"# Fargate Windows is priced from the JSON's rate table (per hour, the\n" +
		"# rates billed), as in us-east-1, not from the pricing page's examples.\n")
	fmt.Fprintf(&b, "snapshot: \"2026-11\"\nregion: %s\nlocation: %s\ncurrency: USD\n\nlambda:\n", code, location)
	l := t.Lambda
	emit(&b, 1, "request", fig(rate{"lambda.json", "Lambda Requests"}))
	emit(&b, 1, "granularity_ms", l.GranularityMS)
	emit(&b, 1, "free_requests", l.FreeRequests)
	emit(&b, 1, "free_gb_seconds", l.FreeGBSeconds)
	b.WriteString("  duration:\n")
	for _, arch := range []cost.Arch{cost.X86, cost.ARM64} {
		fmt.Fprintf(&b, "    %s:\n", arch)
		for i, k := range lambdaDuration[arch] {
			var upTo *decimal.Decimal
			if i < len(l.Duration[arch]) {
				upTo = l.Duration[arch][i].UpToGBSeconds
			}
			emitTier(&b, 3, "up_to_gb_seconds", upTo, fig(rate{"lambda.json", k}))
		}
	}
	emit(&b, 1, "ephemeral_storage", fig(rate{"lambda.json", "Lambda Storage-Duration"}))
	emit(&b, 1, "provisioned_rounding_minutes", *l.ProvisionedRoundingMinutes)
	b.WriteString("  provisioned:\n")
	for _, arch := range []cost.Arch{cost.X86, cost.ARM64} {
		pk := lambdaProvisioned[arch]
		fmt.Fprintf(&b, "    %s:\n", arch)
		emit(&b, 3, "concurrency", fig(rate{"lambda.json", pk[0]}))
		emit(&b, 3, "duration", fig(rate{"lambda.json", pk[1]}))
	}
	b.WriteString("\nec2:\n")
	emit(&b, 1, "billing_increment_seconds", t.EC2.BillingIncrementSeconds)
	emit(&b, 1, "minimum_seconds", t.EC2.MinimumSeconds)
	b.WriteString("\nfargate:\n")
	for _, r := range []struct {
		name, prefix string
		rates        *cost.FargateRates
	}{{"linux_x86", "", t.Fargate.LinuxX86}, {"linux_arm64", "ARM ", t.Fargate.LinuxARM64}} {
		fmt.Fprintf(&b, "  %s:\n", r.name)
		emit(&b, 2, "vcpu_hour", fig(rate{"ecs.json", r.prefix + "perCPU per hour"}))
		emit(&b, 2, "gb_hour", fig(rate{"ecs.json", r.prefix + "perGB per hour"}))
		emit(&b, 2, "minimum_seconds", r.rates.MinimumSeconds)
	}
	if err := p.writeFargateWindows(&b, t.Fargate.WindowsX86, location); err != nil && firstErr == nil {
		firstErr = err
	}
	emit(&b, 1, "ephemeral_gb_hour", fig(rate{"ecs.json", "Storage per GB-Hours"}))
	emit(&b, 1, "ephemeral_free_gb", t.Fargate.EphemeralFreeGB)
	b.WriteString("\neks:\n")
	std := fig(rate{"eks.json", "Compute per hours"})
	emit(&b, 1, "standard_cluster_hour", std)
	ext := fig(rate{"eks.json", "Compute ExtendedSupport per Hours"})
	ext.Value = std.Value.Add(ext.Value)
	ext.Note = fmt.Sprintf("the standard fee plus %s \"Compute ExtendedSupport per Hours\"", location)
	emit(&b, 1, "extended_cluster_hour", ext)
	b.WriteString("\n")
	emit(&b, 0, "ecs_control_plane", *t.ECSControlPlane)
	emitFees(&b, t.Fees)
	b.WriteString("\nnat_gateway:\n")
	emit(&b, 1, "hour", fig(natHour))
	emit(&b, 1, "gb", fig(natGB))
	if err := emitSurroundings(&b, t, p.src.Surroundings, code, fig); err != nil {
		return nil, err
	}
	b.WriteString("\napi_gateway:\n  rest:\n")
	for _, tier := range restTiers {
		emitTier(&b, 2, "up_to_requests", upTo(tier.upTo), fig(rate{"apigateway.json", tier.key}))
	}
	b.WriteString("  http:\n")
	for _, tier := range httpTiers {
		emitTier(&b, 2, "up_to_requests", upTo(tier.upTo), fig(rate{"apigateway.json", tier.key}))
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return []byte(b.String()), nil
}

func upTo(n int64) *decimal.Decimal {
	if n == 0 {
		return nil
	}
	d := decimal.NewFromInt(n)
	return &d
}

// emitFees writes the template's fees for another region. A fee's figure
// is the pricing page's one figure for every region (the per-request and
// on-demand-share fees of Lambda Managed Instances; ECS Managed
// Instances' one-minute minimum), which the note says; an instance-hour
// fee's prices are the region's rows of the generated fee table.
func emitFees(b *strings.Builder, fees map[string]cost.Fee) {
	if len(fees) == 0 {
		return
	}
	b.WriteString("\nfees:\n")
	for _, name := range slices.Sorted(maps.Keys(fees)) {
		f := fees[name]
		fmt.Fprintf(b, "  %s:\n    per: %s\n", name, f.Per)
		if f.Table != "" {
			fmt.Fprintf(b, "    table: %s\n", f.Table)
		}
		for _, fig := range []struct {
			key string
			f   *cost.Figure
		}{{"price", f.Price}, {"extended", f.Extended}, {"minimum_seconds", f.MinimumSeconds}} {
			if fig.f == nil {
				continue
			}
			g := *fig.f
			g.Note = strings.TrimSpace(g.Note + "; the page gives one figure, not one a region: taken to hold in every region (inference)")
			emit(b, 2, fig.key, g)
		}
	}
}

// emit writes one figure as a YAML mapping at the given depth.
func emit(b *strings.Builder, depth int, key string, f cost.Figure) {
	ind := strings.Repeat("  ", depth)
	fmt.Fprintf(b, "%s%s:\n", ind, key)
	writeFigure(b, ind+"  ", "", f)
}

// emitTier writes one band of a tiered price as a list item.
func emitTier(b *strings.Builder, depth int, boundKey string, bound *decimal.Decimal, f cost.Figure) {
	ind := strings.Repeat("  ", depth)
	first := ind + "- "
	if bound != nil {
		fmt.Fprintf(b, "%s%s: %q\n", first, boundKey, bound.String())
		first = ind + "  "
	}
	writeFigure(b, ind+"  ", first, f)
}

func writeFigure(b *strings.Builder, ind, first string, f cost.Figure) {
	if first == "" {
		first = ind
	}
	fmt.Fprintf(b, "%svalue: %q\n", first, f.Value.String())
	fmt.Fprintf(b, "%ssource: %s\n", ind, f.URL)
	fmt.Fprintf(b, "%sas_of: %q\n", ind, f.AsOf.String())
	if f.Note != "" {
		fmt.Fprintf(b, "%snote: %s\n", ind, yamlString(f.Note))
	}
}

// yamlString quotes s when plain YAML would misread it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#\"'{}[],&*!|>%@`") || strings.HasPrefix(s, "-") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// Fargate on Windows: AWS's rate table (ecs.json) states vCPU, memory and
// the OS licence per hour, the rates billed. The pricing page's worked
// example prints older per-second figures, about twice the vCPU and
// memory rates; the table is the one catalogued (see the us-east-1 file).
var (
	windowsVCPUHour    = rate{"ecs.json", "perCPU per hour Windows"}
	windowsGBHour      = rate{"ecs.json", "perGB per hour Windows"}
	windowsLicenceHour = rate{"ecs.json", "perCPU OS License Fee per hour Windows"}
)

// checkFargateWindows compares the hand-checked us-east-1 Windows rates w
// with the rate table's in loc, as checkUSEast1 does the other figures.
func (p *prices) checkFargateWindows(w *cost.FargateRates, loc string) []string {
	if w == nil || w.VCPUHour == nil || w.GBHour == nil || w.OSLicenseVCPUHour == nil {
		return []string{"fargate.windows_x86 lacks vcpu_hour, gb_hour or os_license_vcpu_hour in cost/data/2026-11_us-east-1.yaml: the generator copies them from the rate table"}
	}
	var errs []string
	for _, c := range []struct {
		what string
		got  decimal.Decimal
		r    rate
	}{
		{"fargate.windows_x86.vcpu_hour", w.VCPUHour.Value, windowsVCPUHour},
		{"fargate.windows_x86.gb_hour", w.GBHour.Value, windowsGBHour},
		{"fargate.windows_x86.os_license_vcpu_hour", w.OSLicenseVCPUHour.Value, windowsLicenceHour},
	} {
		want, err := p.get(loc, c.r)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		if !c.got.Equal(want) {
			errs = append(errs, fmt.Sprintf("%s is %s in cost/data/2026-11_us-east-1.yaml but %s in %s %q", c.what, c.got, want, c.r.file, c.r.key))
		}
	}
	return errs
}

// writeFargateWindows writes the Windows rates of location from the rate
// table, with the template's minimum (a billing rule, the same in every
// region). A region whose table has none of the three rates gets no
// Windows block, so Windows is not priced there; one with only some of
// them is an error, not a guess.
func (p *prices) writeFargateWindows(b *strings.Builder, w *cost.FargateRates, location string) error {
	if w == nil {
		return nil
	}
	rates := p.files["ecs.json"].Regions[location]
	var have int
	for _, r := range []rate{windowsVCPUHour, windowsGBHour, windowsLicenceHour} {
		if _, ok := rates[r.key]; ok {
			have++
		}
	}
	if have == 0 {
		return nil
	}
	figs := make([]cost.Figure, 3)
	for i, r := range []rate{windowsVCPUHour, windowsGBHour, windowsLicenceHour} {
		f, err := p.figure(location, r)
		if err != nil {
			return err
		}
		figs[i] = f
	}
	b.WriteString("  windows_x86:\n")
	emit(b, 2, "vcpu_hour", figs[0])
	emit(b, 2, "gb_hour", figs[1])
	emit(b, 2, "os_license_vcpu_hour", figs[2])
	emit(b, 2, "minimum_seconds", w.MinimumSeconds)
	return nil
}
