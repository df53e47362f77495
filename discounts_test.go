package runwhere_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

const discountBase = `platforms: [swarm, eks, ecs-fargate, lambda]
alternatives: 2
workload: {requests_per_second: 50, peak_requests_per_second: 150, duration_ms: 120, memory_mb: 512}
ingress: {lambda: api-gateway-http}
`

// A discount is a line of its own, −fraction × the on-demand compute, and
// touches nothing else: m5.large workers and managers at 0.096 an hour,
// Fargate vCPU and memory, Lambda duration — not EKS's fee, Lambda's
// requests or API Gateway.
func TestDiscountLines(t *testing.T) {
	plain := evaluateYAML(t, discountBase)
	off := evaluateYAML(t, discountBase+"discounts: {ec2: 0.2, fargate: 0.3, lambda: 0.17}\n")
	want := map[runwhere.PlatformID]struct {
		item, rate string
		compute    func(l runwhere.CostLine) bool
	}{
		"swarm":       {"ec2 discount", "-0.2", func(l runwhere.CostLine) bool { return l.Unit == "instance-hour" }},
		"eks":         {"ec2 discount", "-0.2", func(l runwhere.CostLine) bool { return l.Unit == "instance-hour" }},
		"ecs-fargate": {"fargate discount", "-0.3", func(l runwhere.CostLine) bool { return strings.HasPrefix(l.Item, "fargate ") }},
		"lambda":      {"lambda discount", "-0.17", func(l runwhere.CostLine) bool { return strings.HasPrefix(l.Item, "lambda duration") }},
	}
	for i, p := range off.Platforms {
		w := want[p.Platform]
		before := plain.Platforms[i]
		require.Len(t, p.CostLines, len(before.CostLines)+1, p.Platform)
		compute := decimal.Zero
		for j, l := range before.CostLines {
			// Every other line is the on-demand one, unchanged.
			assert.Equal(t, l, p.CostLines[j], "%s line %d", p.Platform, j)
			if w.compute(l) {
				compute = compute.Add(l.Amount)
			}
		}
		d := p.CostLines[len(p.CostLines)-1]
		assert.Equal(t, w.item, d.Item)
		assert.Equal(t, w.rate, d.UnitPrice.String())
		assert.True(t, d.Quantity.Equal(compute), "%s: discount on %s, compute %s", p.Platform, d.Quantity, compute)
		assert.True(t, d.Amount.Equal(compute.Mul(d.UnitPrice)))
		assert.True(t, p.MonthlyCost.Equal(before.MonthlyCost.Add(d.Amount)))
		// Cheaper configurations are priced with the discount too.
		for _, a := range p.Alternatives {
			assert.True(t, a.MonthlyCost.LessThan(p.MonthlyCost), "%s %s", p.Platform, a.Config())
		}
	}
	// EKS: 0.2 × the workers only; its $73 fee is not compute.
	eks := platformIn(t, off, "eks")
	assert.Equal(t, "instance-hour", eks.CostLines[0].Unit)
	assert.True(t, eks.CostLines[len(eks.CostLines)-1].Quantity.Equal(eks.CostLines[0].Amount))

	// The models (curves, break-even) price the discounted compute: at the
	// scenario's load they are the bill.
	s, err := runwhere.ParseScenario([]byte(discountBase + "discounts: {ec2: 0.2, fargate: 0.3, lambda: 0.17}\n"))
	require.NoError(t, err)
	at, err := runwhere.ModelCostAtLoad(s)
	require.NoError(t, err)
	for _, p := range off.Platforms {
		assert.True(t, at[p.Platform].Sub(p.MonthlyCost).Abs().LessThan(decimal.New(1, -12)), "%s: model %s, bill %s", p.Platform, at[p.Platform], p.MonthlyCost)
	}
}

// A discount of 0 changes nothing; a discount on one service leaves the
// others' bills alone.
func TestDiscountZeroAndElsewhere(t *testing.T) {
	plain := evaluateYAML(t, discountBase)
	zero := evaluateYAML(t, discountBase+"discounts: {ec2: 0, fargate: 0, lambda: 0}\n")
	ec2 := evaluateYAML(t, discountBase+"discounts: {ec2: 0.5}\n")
	for i, p := range plain.Platforms {
		assert.Equal(t, p.CostLines, zero.Platforms[i].CostLines, "%s", p.Platform)
		assert.True(t, p.MonthlyCost.Equal(zero.Platforms[i].MonthlyCost))
		if p.Platform == "ecs-fargate" || p.Platform == "lambda" {
			assert.Equal(t, p.CostLines, ec2.Platforms[i].CostLines, "%s", p.Platform)
		}
	}
	assert.Equal(t, plain.BreakEven, zero.BreakEven)
}

// Fargate Spot: the lines say so, the discount is the buyer's, and the
// report warns that Spot tasks can be stopped.
func TestFargateSpot(t *testing.T) {
	r := evaluateYAML(t, discountBase+"discounts: {fargate: 0.65, spot: true}\n")
	f := platformIn(t, r, "ecs-fargate")
	assert.Equal(t, "fargate vcpu (linux/x86_64, spot)", f.CostLines[0].Item)
	assert.Equal(t, "fargate spot discount", f.CostLines[len(f.CostLines)-1].Item)
	require.NotEmpty(t, f.Warnings)
	assert.Equal(t, runwhere.FargateSpotInterruption, f.Warnings[len(f.Warnings)-1].Code)
	for _, a := range f.Alternatives {
		assert.Equal(t, "x86_64", a.Arch, "Fargate Spot runs x86_64 only")
	}
}

// A discount of a fleet that follows the load, and of a job, is the same
// line, and the models agree.
func TestDiscountShapedAndJob(t *testing.T) {
	for _, text := range []string{
		"platforms: [swarm, ecs-fargate]\nworkload: {requests_per_second: 50, peak_requests_per_second: 500, duration_ms: 120, memory_mb: 512, profile: daily-spike}\nservers: {autoscaling: true}\ndiscounts: {ec2: 0.25, fargate: 0.2}\n",
		"platforms: [swarm, ecs-fargate, ecs-ec2]\nworkload: {kind: job, runs_per_month: 90, run_minutes: 20, memory_mb: 512}\ndiscounts: {ec2: 0.25, fargate: 0.2}\n",
	} {
		s, err := runwhere.ParseScenario([]byte(text))
		require.NoError(t, err)
		r, err := runwhere.Evaluate(s)
		require.NoError(t, err)
		at, err := runwhere.ModelCostAtLoad(s)
		require.NoError(t, err)
		for _, p := range r.Platforms {
			last := p.CostLines[len(p.CostLines)-1]
			assert.True(t, strings.HasSuffix(last.Item, "discount"), "%s: %s", p.Platform, last.Item)
			assert.True(t, at[p.Platform].Sub(p.MonthlyCost).Abs().LessThan(decimal.New(1, -12)), "%s: model %s, bill %s", p.Platform, at[p.Platform], p.MonthlyCost)
		}
	}
}

func TestDiscountInputErrors(t *testing.T) {
	svc := "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128"
	for _, tc := range []struct{ name, yaml, field, value string }{
		{"whole", svc + "}\ndiscounts: {ec2: 1}", "discounts.ec2", "1"},
		{"negative", svc + "}\ndiscounts: {lambda: -0.1}", "discounts.lambda", "-0.1"},
		{"spot on arm", svc + ", arch: arm64}\ndiscounts: {fargate: 0.6, spot: true}", "discounts.spot", "true"},
		{"spot without its discount", svc + "}\ndiscounts: {spot: true}", "discounts.fargate", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { requireFieldError(t, tc.yaml, tc.field, tc.value) })
	}
}
