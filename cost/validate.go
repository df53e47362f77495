package cost

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// ParseCatalogue reads one catalogue from YAML — a company's negotiated prices
// or another region — strictly: unknown fields, negative prices, figures
// without a source URL or with a malformed as_of date or snapshot month are
// errors naming the field, its value and, where known, its line. name
// labels the data in errors (a file name, or "" for none).
func ParseCatalogue(name string, data []byte) (*Catalogue, error) {
	c, err := parseCatalogue(name, data)
	var fe *FieldError
	if errors.As(err, &fe) {
		fe.File = name
	}
	return c, err
}

func parseCatalogue(name string, data []byte) (*Catalogue, error) {
	var c Catalogue
	if err := input.Decode(data, &c, catalogueLimits); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			if fe.Field == "" {
				fe.Field = "catalogue"
			}
			return nil, input.Prefix("cost", fe)
		}
		var pe *platform.FieldError
		if errors.As(err, &pe) { // a malformed as_of date
			var root yaml.Node
			field := pe.Field
			if yaml.Unmarshal(data, &root) == nil {
				if at := pathAt(&root, pe.Line, pe.Column, ""); at != "" {
					field = at
				}
			}
			return nil, &FieldError{Field: field, Value: input.Short(pe.Value), Reason: "is not a date (YYYY-MM-DD)", Line: pe.Line}
		}
		if name == "" {
			name = "catalogue"
		}
		return nil, fmt.Errorf("cost: %s: %w", name, err)
	}
	if c.EC2 != nil && c.EC2.Instances == nil {
		c.EC2.Instances = map[string]Instance{} // a caller's own prices go here
	}
	if err := c.joinPlatform(); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) && fe.Line == 0 {
			var root yaml.Node
			if yaml.Unmarshal(data, &root) == nil {
				fe.Line = lineOf(&root, fe.Field)
			}
		}
		return nil, err
	}
	return &c, nil
}

// lineOf finds the line of a dotted field path ("lambda.duration.x86_64[1].value",
// "ec2.instances.m5.large.hourly") in a YAML document, or 0. Keys that contain
// dots are matched by trying longer keys when a shorter one is missing.
func lineOf(n *yaml.Node, field string) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	parts := strings.Split(field, ".")
	for i := 0; i < len(parts); i++ {
		if n.Kind != yaml.MappingNode {
			return line
		}
		var next *yaml.Node
		idx := -1
		for j := i; j < len(parts) && next == nil; j++ {
			key := strings.Join(parts[i:j+1], ".")
			idx = -1
			if k := strings.IndexByte(key, '['); k >= 0 && strings.HasSuffix(key, "]") {
				idx, _ = strconv.Atoi(key[k+1 : len(key)-1])
				key = key[:k]
			}
			for c := 0; c+1 < len(n.Content); c += 2 {
				if n.Content[c].Value == key {
					next, line, i = n.Content[c+1], n.Content[c].Line, j
					break
				}
			}
		}
		if next == nil {
			return line
		}
		n = next
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return line
			}
			n = n.Content[idx]
			line = n.Line
		}
	}
	return line
}

// Validate checks every figure of c: a non-negative value, an http(s) source
// and an as_of date (YYYY-MM-DD), plus the structural rules (tiers ascending
// and ending unbounded).
func (c *Catalogue) Validate() error {
	if c == nil {
		return fieldErr("catalogue", "nil", "is missing")
	}
	// Digits and exponents first: a price written 1e-999999999 makes the
	// first comparison or sum rescale to a billion digits.
	if field, err := input.CheckDecimals(c); err != nil {
		return fieldErr(field, "(refused)", err.Error())
	}
	if c.Snapshot == "" {
		return fieldErr("snapshot", "", "is missing")
	}
	if _, err := platform.ParseSnapshotID(c.Snapshot.String()); err != nil {
		return fieldErr("snapshot", c.Snapshot.String(), "is not a YYYY-MM month")
	}
	if c.Region == "" {
		return fieldErr("region", "", "is missing")
	}
	if c.Currency != "USD" {
		return fieldErr("currency", c.Currency, "is not USD")
	}
	if l := c.Lambda; l != nil {
		if err := l.validate(); err != nil {
			return err
		}
	}
	if e := c.EC2; e != nil {
		if err := e.validate(); err != nil {
			return err
		}
	}
	if f := c.Fargate; f != nil {
		if err := f.validate(); err != nil {
			return err
		}
	}
	if e := c.EKS; e != nil {
		if err := checkFigures("eks", map[string]*Figure{
			"standard_cluster_hour": &e.StandardClusterHour,
			"extended_cluster_hour": &e.ExtendedClusterHour,
		}); err != nil {
			return err
		}
	}
	if c.ECSControlPlane != nil {
		if err := c.ECSControlPlane.check("ecs_control_plane"); err != nil {
			return err
		}
	}
	if err := c.validateFees(); err != nil {
		return err
	}
	if err := c.validateAddons(); err != nil {
		return err
	}
	if a := c.APIGateway; a != nil {
		if err := checkRequestTiers("api_gateway.rest", a.REST); err != nil {
			return err
		}
		if err := checkRequestTiers("api_gateway.http", a.HTTP); err != nil {
			return err
		}
	}
	if a := c.ALB; a != nil {
		if err := checkFigures("alb", map[string]*Figure{
			"hour": &a.Hour, "lcu_hour": &a.LCUHour,
			"lcu.new_connections_per_second": &a.LCU.NewConnectionsPerSecond, "lcu.gb_per_hour_instances": &a.LCU.GBPerHourInstances,
			"lcu.gb_per_hour_lambda_targets": &a.LCU.GBPerHourLambda, "lcu.rule_evaluations_per_second": &a.LCU.RuleEvaluationsPerSecond,
		}); err != nil {
			return err
		}
		for _, f := range []struct {
			field string
			v     decimal.Decimal
		}{
			{"lcu.new_connections_per_second", a.LCU.NewConnectionsPerSecond.Value}, {"lcu.gb_per_hour_instances", a.LCU.GBPerHourInstances.Value},
			{"lcu.gb_per_hour_lambda_targets", a.LCU.GBPerHourLambda.Value}, {"lcu.rule_evaluations_per_second", a.LCU.RuleEvaluationsPerSecond.Value},
		} {
			if !f.v.IsPositive() {
				return fieldErr("alb."+f.field+".value", f.v.String(), "must be greater than zero: an LCU holds some of each dimension")
			}
		}
	}
	if n := c.NATGateway; n != nil {
		if err := checkFigures("nat_gateway", map[string]*Figure{"hour": &n.Hour, "gb": &n.GB}); err != nil {
			return err
		}
	}
	if c.PublicIPv4 != nil {
		if err := c.PublicIPv4.check("public_ipv4_hour"); err != nil {
			return err
		}
	}
	if d := c.DataTransfer; d != nil {
		if err := d.validate(); err != nil {
			return err
		}
	}
	return nil
}

// checkRequestTiers checks a tiered per-request price: sourced figures,
// bounds rising, the last band open.
func checkRequestTiers(field string, tiers []RequestTier) error {
	if len(tiers) == 0 {
		return fieldErr(field, "", "is empty: a tiered price needs at least its open last band")
	}
	var prev decimal.Decimal
	for i, t := range tiers {
		at := fmt.Sprintf("%s[%d]", field, i)
		if err := t.check(at); err != nil {
			return err
		}
		last := i == len(tiers)-1
		switch {
		case last && t.UpToRequests != nil:
			return fieldErr(at+".up_to_requests", t.UpToRequests.String(), "is set on the last band, which must be open")
		case !last && t.UpToRequests == nil:
			return fieldErr(at+".up_to_requests", "", "is missing: only the last band is open")
		case !last && !t.UpToRequests.GreaterThan(prev):
			return fieldErr(at+".up_to_requests", t.UpToRequests.String(), "does not rise above the band before it")
		}
		if !last {
			prev = *t.UpToRequests
		}
	}
	return nil
}

func (f *Figure) check(field string) error {
	if f.Value.IsNegative() {
		return fieldErr(field+".value", f.Value.String(), "is negative")
	}
	if f.URL == "" {
		return fieldErr(field+".source", "", "is missing: every figure needs a source URL")
	}
	if f.URL.Validate() != nil {
		return fieldErr(field+".source", string(f.URL), "is not an http(s) URL")
	}
	if f.AsOf.IsZero() {
		return fieldErr(field+".as_of", "", "is missing: every figure needs an as_of date (YYYY-MM-DD)")
	}
	return nil
}

// checkFigures checks named figures in a stable order.
// isZero reports whether f was left out of its YAML.
func (f Figure) isZero() bool {
	return f.Value.IsZero() && f.URL == "" && f.AsOf.IsZero() && f.Note == ""
}

func checkFigures(prefix string, figs map[string]*Figure) error {
	names := make([]string, 0, len(figs))
	for k := range figs {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if f := figs[k]; f != nil {
			if err := f.check(prefix + "." + k); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkPositiveInt(field string, f *Figure) error {
	if !f.Value.IsPositive() || !f.Value.IsInteger() {
		return fieldErr(field+".value", f.Value.String(), "is not a positive whole number")
	}
	if f.Value.GreaterThan(maxWholeFigure) {
		return fieldErr(field+".value", f.Value.String(), "is above "+maxWholeFigure.String()+", beyond any published billing rule")
	}
	return nil
}

// Bounds on a price catalogue. The whole-number figures are milliseconds,
// megabytes, seconds and minutes: the largest published one is Lambda's
// 10,240 MB. A memory range may hold at most maxMemorySteps sizes, since
// sweeps walk every one.
var (
	maxWholeFigure  = decimal.NewFromInt(1_000_000_000)
	catalogueLimits = input.Limits{MaxBytes: 16 << 20, MaxNodes: 2_000_000, MaxItems: 5_000, MaxString: 4096}
	maxMemorySteps  = decimal.NewFromInt(1_000_000)
)

func (l *LambdaPrices) validate() error {
	if err := checkFigures("lambda", map[string]*Figure{
		"request": &l.Request, "granularity_ms": &l.GranularityMS,
		"memory_min_mb": &l.MemoryMinMB, "memory_max_mb": &l.MemoryMaxMB, "memory_step_mb": &l.MemoryStepMB,
		"free_requests": &l.FreeRequests, "free_gb_seconds": &l.FreeGBSeconds,
		"ephemeral_storage": l.EphemeralStorage, "ephemeral_free_mb": l.EphemeralFreeMB,
		"ephemeral_max_mb": l.EphemeralMaxMB, "provisioned_rounding_minutes": l.ProvisionedRoundingMinutes,
	}); err != nil {
		return err
	}
	for name, f := range map[string]*Figure{
		"lambda.granularity_ms": &l.GranularityMS, "lambda.memory_min_mb": &l.MemoryMinMB,
		"lambda.memory_max_mb": &l.MemoryMaxMB, "lambda.memory_step_mb": &l.MemoryStepMB,
	} {
		if err := checkPositiveInt(name, f); err != nil {
			return err
		}
	}
	if l.MemoryMaxMB.Value.LessThan(l.MemoryMinMB.Value) {
		return fieldErr("lambda.memory_max_mb.value", l.MemoryMaxMB.Value.String(), "is below memory_min_mb")
	}
	if steps := l.MemoryMaxMB.Value.Sub(l.MemoryMinMB.Value).DivRound(l.MemoryStepMB.Value, 0); steps.GreaterThan(maxMemorySteps) {
		return fieldErr("lambda.memory_step_mb.value", l.MemoryStepMB.Value.String(), "makes more than "+maxMemorySteps.String()+" memory sizes between memory_min_mb and memory_max_mb")
	}
	if (l.EphemeralStorage == nil) != (l.EphemeralFreeMB == nil) || (l.EphemeralStorage == nil) != (l.EphemeralMaxMB == nil) {
		return fieldErr("lambda.ephemeral_storage", "", "needs the /tmp range (EphemeralFreeMB, EphemeralMaxMB) beside its price")
	}
	if len(l.Provisioned) > 0 && l.ProvisionedRoundingMinutes == nil {
		return fieldErr("lambda.provisioned_rounding_minutes", "", "is missing while provisioned prices are given")
	}
	if l.ProvisionedRoundingMinutes != nil {
		if err := checkPositiveInt("lambda.provisioned_rounding_minutes", l.ProvisionedRoundingMinutes); err != nil {
			return err
		}
	}
	if _, ok := l.Duration[X86]; !ok {
		return fieldErr("lambda.duration", "", "has no x86_64 prices")
	}
	for _, a := range sortedArchs(l.Duration) {
		if a != X86 && a != ARM64 {
			return fieldErr("lambda.duration", string(a), "is not an architecture (x86_64, arm64)")
		}
		tiers := l.Duration[a]
		if len(tiers) == 0 {
			return fieldErr("lambda.duration."+string(a), "[]", "has no tiers")
		}
		prev := decimal.Zero
		for i := range tiers {
			field := fmt.Sprintf("lambda.duration.%s[%d]", a, i)
			if err := tiers[i].check(field); err != nil {
				return err
			}
			up := tiers[i].UpToGBSeconds
			last := i == len(tiers)-1
			switch {
			case last && up != nil:
				return fieldErr(field+".up_to_gb_seconds", up.String(), "must be absent on the last tier")
			case !last && up == nil:
				return fieldErr(field+".up_to_gb_seconds", "", "is missing")
			case !last && !up.GreaterThan(prev):
				return fieldErr(field+".up_to_gb_seconds", up.String(), "does not increase")
			}
			if up != nil {
				prev = *up
			}
		}
	}
	for _, a := range sortedArchs(l.Provisioned) {
		p := l.Provisioned[a]
		if _, ok := l.Duration[a]; !ok {
			return fieldErr("lambda.provisioned", string(a), "has no on-demand duration prices")
		}
		prefix := "lambda.provisioned." + string(a)
		if err := p.Concurrency.check(prefix + ".concurrency"); err != nil {
			return err
		}
		if err := p.Duration.check(prefix + ".duration"); err != nil {
			return err
		}
	}
	return nil
}

func sortedArchs[V any](m map[Arch]V) []Arch {
	out := make([]Arch, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func (e *EC2Prices) validate() error {
	if err := checkFigures("ec2", map[string]*Figure{
		"billing_increment_seconds": &e.BillingIncrementSeconds, "minimum_seconds": &e.MinimumSeconds,
	}); err != nil {
		return err
	}
	if err := checkPositiveInt("ec2.billing_increment_seconds", &e.BillingIncrementSeconds); err != nil {
		return err
	}
	if !e.MinimumSeconds.Value.IsInteger() {
		return fieldErr("ec2.minimum_seconds.value", e.MinimumSeconds.Value.String(), "is not a whole number")
	}
	names := make([]string, 0, len(e.Instances))
	for k := range e.Instances {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		in := e.Instances[k]
		prefix := "ec2.instances." + k
		if err := in.Hourly.check(prefix + ".hourly"); err != nil {
			return err
		}
	}
	return nil
}

func (f *FargatePrices) validate() error {
	for name, r := range map[string]*FargateRates{
		"fargate.linux_x86": f.LinuxX86, "fargate.linux_arm64": f.LinuxARM64, "fargate.windows_x86": f.WindowsX86,
	} {
		if r == nil {
			continue
		}
		if (r.VCPUHour == nil) != (r.GBHour == nil) {
			return fieldErr(name+".vcpu_hour", "", "and gb_hour go together")
		}
		figs := map[string]*Figure{
			"vcpu_hour": r.VCPUHour, "gb_hour": r.GBHour,
			"os_license_vcpu_second": r.OSLicenseVCPUSecond, "os_license_vcpu_hour": r.OSLicenseVCPUHour,
			"minimum_seconds": &r.MinimumSeconds,
		}
		// The per-second rates are what the pricing page prints; with the
		// hourly rates AWS bills they may be left out.
		if r.VCPUHour == nil || !r.VCPUSecond.isZero() || !r.GBSecond.isZero() {
			figs["vcpu_second"], figs["gb_second"] = &r.VCPUSecond, &r.GBSecond
		}
		if err := checkFigures(name, figs); err != nil {
			return err
		}
		if !r.MinimumSeconds.Value.IsInteger() {
			return fieldErr(name+".minimum_seconds.value", r.MinimumSeconds.Value.String(), "is not a whole number")
		}
	}
	// Neither storage price: storage could not be configured in the
	// snapshot (2017-12), and a task asking for more than the free amount
	// is refused ([Fargate]).
	figs := map[string]*Figure{"ephemeral_gb_hour": f.EphemeralGBHour, "ephemeral_free_gb": &f.EphemeralFreeGB}
	if !f.EphemeralGBSecond.isZero() {
		figs["ephemeral_gb_second"] = &f.EphemeralGBSecond
	}
	if err := checkFigures("fargate", figs); err != nil {
		return err
	}
	return nil
}
