package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// Discounts are fractions off on-demand compute that a buyer has
// (Savings Plans, reserved instances, an agreement), in [0, 1). Each
// applies to its own service's compute only — EC2 instances (workers and
// managers), Fargate vCPU and memory, Lambda duration and provisioned
// concurrency — never to requests, control-plane fees or anything in
// front of the service. FargateSpot marks the Fargate fraction as Fargate
// Spot's.
type Discounts struct {
	EC2, Fargate, Lambda decimal.Decimal
	FargateSpot          bool
}

// withDiscount is b, priced at on-demand rates, with a line of its own
// (item) taking fraction d off its compute lines ([cost.Line.Compute]): quantity the on-demand compute
// amount, unit price −d, so that the on-demand figures stay visible. The
// cost models price the same compute at the discounted rates, so they
// agree with the total.
func withDiscount(b cost.Bill, item string, d decimal.Decimal) cost.Bill {
	if d.IsZero() || len(b.Lines) == 0 {
		return b
	}
	compute := dZero
	for _, l := range b.Lines {
		if l.Compute {
			compute = compute.Add(l.Amount)
		}
	}
	price := d.Neg()
	out := cost.Bill{Lines: make([]cost.Line, len(b.Lines), len(b.Lines)+1)}
	copy(out.Lines, b.Lines)
	out.Lines = append(out.Lines, cost.Line{Item: item, Quantity: compute, Unit: "USD of on-demand compute", UnitPrice: price, Amount: compute.Mul(price)})
	return out
}

// DiscountedPrice is price after fraction d off.
func DiscountedPrice(price, d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return price
	}
	return price.Mul(dOne.Sub(d))
}

// DiscountedBy is b, priced at on-demand rates, with family f's discount
// on p's compute as a line of its own, as [Evaluate] shows it: what a
// search compares a configuration's bill by.
func DiscountedBy(f Discounted, p platform.Platform, in Inputs, b cost.Bill) cost.Bill {
	d, label := f.Discount(p, in)
	return withDiscount(b, label, d)
}
