package runwhere

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family/tasks"
	"github.com/runwhere/runwhere/platform"
)

// FargateSpotInterruption (tasks.FargateSpotInterruption) is the finding code of Fargate Spot's caveat:
// its tasks can be stopped when AWS needs the capacity back.
const FargateSpotInterruption = tasks.FargateSpotInterruption

// checkDiscounts checks the discounts section: fractions in [0, 1), and
// Spot only where Fargate Spot runs, with its discount given.
func (s Scenario) checkDiscounts() error {
	d := s.Discounts
	if d == nil {
		return nil
	}
	for _, f := range []struct {
		field string
		v     *decimal.Decimal
	}{{"discounts.ec2", d.EC2}, {"discounts.fargate", d.Fargate}, {"discounts.lambda", d.Lambda}} {
		if f.v == nil {
			continue
		}
		if err := checkQuantity(f.field, *f.v); err != nil {
			return err
		}
		if f.v.IsNegative() || !f.v.LessThan(decimal.NewFromInt(1)) {
			return &FieldError{Field: f.field, Value: f.v.String(), Reason: "is not a fraction in [0, 1): 0.2 takes 20 % off on-demand compute"}
		}
	}
	if d.Spot != nil && *d.Spot {
		if s.Workload.Arch == string(platform.ARM64) {
			return &FieldError{Field: "discounts.spot", Value: "true", Reason: "contradicts workload.arch arm64: runwhere prices Fargate Spot for x86_64 Linux tasks only"}
		}
		if d.Fargate != nil && d.Fargate.IsZero() {
			// -0 is 0 (a decimal has no negative zero): no discount at all.
			return &FieldError{Field: "discounts.fargate", Value: "0", Reason: "is no discount: with discounts.spot, give Fargate Spot's discount as a fraction above 0 (AWS publishes it as \"up to 70 %\" off, not a fixed rate, and runwhere sources none)"}
		}
		if d.Fargate == nil {
			return &FieldError{Field: "discounts.fargate", Reason: "is missing: with discounts.spot, give Fargate Spot's discount as a fraction (AWS publishes it as \"up to 70 %\" off, not a fixed rate, and runwhere sources none)"}
		}
	}
	return nil
}

// discounts is the discounts section in the components' terms.
func (s Scenario) discounts() engine.Discounts {
	var out engine.Discounts
	d := s.Discounts
	if d == nil {
		return out
	}
	for _, f := range []struct {
		to   *decimal.Decimal
		from *decimal.Decimal
	}{{&out.EC2, d.EC2}, {&out.Fargate, d.Fargate}, {&out.Lambda, d.Lambda}} {
		if f.from != nil {
			*f.to = *f.from
		}
	}
	out.FargateSpot = d.Spot != nil && *d.Spot
	return out
}
