package engine

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
)

// Bill items of what surrounds a service beside its ALB's hours and LCUs
// and its NAT gateways' hours and GB.
const (
	ItemNATPublicIPv4 = "nat gateway public ipv4"
	ItemALBPublicIPv4 = "alb public ipv4"
	ItemNATCrossZone  = "nat gateway cross-zone traffic"
)

// MinALBZones is the fewest zones an Application Load Balancer spans:
// "[Application Load Balancers] You must specify subnets from at least two
// Availability Zones"
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSubnets.html).
const MinALBZones = 2

// surroundingExtras are the lines that come with an ALB and NAT gateways
// beside their own prices, all constant in the load:
//
//   - their public IPv4 addresses: one a NAT gateway, and one in each zone
//     an internet-facing ALB spans ("ELB creates a load balancer node in
//     each zone that you specify",
//     https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html),
//     at least [MinALBZones]; an ALB that scales out holds more, which
//     runwhere does not count. A catalogue without the address price
//     predates the charge (AWS began it on 2024-02-01): no line.
//   - with one NAT gateway for several zones, the traffic of the other
//     zones crosses to the gateway's: (zones − 1) ÷ zones of its GB,
//     billed in each direction.
func surroundingExtras(cat Catalogues, in Inputs) (cost.Bill, error) {
	var b cost.Bill
	zones := max(in.Servers.Zones, 1)
	if cat.Prices != nil && cat.Prices.PublicIPv4 != nil {
		if n := in.NAT; n != nil && n.Gateways > 0 {
			ips, err := cost.PublicIPv4(cat.Prices, ItemNATPublicIPv4, n.Gateways)
			if err != nil {
				return cost.Bill{}, err
			}
			b = b.Add(ips)
		}
		// The ALB behind an API Gateway API (ServerAPI) is internal: it has
		// private addresses only.
		if in.ServerDoor != nil && in.ServerAPI == nil {
			ips, err := cost.PublicIPv4(cat.Prices, ItemALBPublicIPv4, max(zones, MinALBZones))
			if err != nil {
				return cost.Bill{}, err
			}
			b = b.Add(ips)
		}
	}
	if n := in.NAT; n != nil && n.Gateways == 1 && zones > 1 && n.GB.IsPositive() {
		z := decimal.NewFromInt(zones)
		crossing := n.GB.Mul(z.Sub(decimal.NewFromInt(1))).DivRound(z, cost.DivScale)
		x, err := cost.CrossZone(cat.Prices, ItemNATCrossZone, crossing)
		if err != nil {
			return cost.Bill{}, err
		}
		b = b.Add(x)
	}
	return b, nil
}

// fixedTerms are a bill's lines as terms constant in the load.
func fixedTerms(b cost.Bill) cost.Tariff {
	t := make(cost.Tariff, 0, len(b.Lines))
	for _, l := range b.Lines {
		t = append(t, cost.Term{Meter: cost.Meter{Unit: l.Unit, Bands: []cost.Band{{Item: l.Item, Price: l.UnitPrice}}}, Base: l.Quantity})
	}
	return t
}

// ItemInternetEgress starts the item of every line of data out to the
// internet ([cost.InternetEgress]): the lines every platform shares.
const ItemInternetEgress = "internet egress"

// shareEgress adds the month's data out to the internet to a platform's
// bill, the same lines on every platform: what leaves AWS is the
// service's responses, whatever runs it. It is constant in the load, so
// it moves no break-even point; the cost models leave it out. A platform
// without a bill (blocked) gets none; a catalogue without the prices
// blocks the platform with missing-figure.
func shareEgress(r *Result, cat Catalogues, in Inputs) {
	if !in.InternetEgressGB.IsPositive() || len(r.Bill.Lines) == 0 {
		return
	}
	b, err := cost.InternetEgress(cat.Prices, in.InternetEgressGB)
	if err != nil {
		r.Findings = append(r.Findings, MissingFigureFinding(err))
		r.Bill, r.Fleet, r.Alternative, r.Around, r.Curve = cost.Bill{}, nil, nil, nil, nil
		return
	}
	r.Bill = r.Bill.Add(b)
}

// egressToday is the month's data out to the internet on today's bill:
// it leaves AWS today as it would on any platform. A catalogue without
// its prices adds a missing-figure finding and nothing to the bill.
func egressToday(cat Catalogues, in Inputs, findings *capacity.Findings) cost.Bill {
	if !in.InternetEgressGB.IsPositive() {
		return cost.Bill{}
	}
	b, err := cost.InternetEgress(cat.Prices, in.InternetEgressGB)
	if err != nil {
		*findings = append(*findings, MissingFigureFinding(err))
		return cost.Bill{}
	}
	return b
}

// functionALBAddresses are the public IPv4 addresses of an internet-facing
// ALB in front of a function: Lambda runs in no zone of the scenario's,
// so the ALB spans the fewest it can, [MinALBZones]. None where the
// catalogue predates the address charge.
func functionALBAddresses(cat Catalogues) cost.Tariff {
	if cat.Prices == nil || cat.Prices.PublicIPv4 == nil {
		return nil
	}
	b, err := cost.PublicIPv4(cat.Prices, ItemALBPublicIPv4, MinALBZones)
	if err != nil {
		return nil // a constant count: never negative
	}
	return fixedTerms(b)
}

// sharedEgress is the month's data out, as [shareEgress] adds it to a
// bill: nothing when there is none or it cannot be priced (the platform
// is then blocked, and has no alternatives).
func sharedEgress(cat Catalogues, in Inputs) cost.Bill {
	if !in.InternetEgressGB.IsPositive() {
		return cost.Bill{}
	}
	b, err := cost.InternetEgress(cat.Prices, in.InternetEgressGB)
	if err != nil {
		return cost.Bill{}
	}
	return b
}

// withShared adds the shared lines to each alternative's bill, so that
// its total is what the platform would cost in that configuration.
func withShared(alts []Alternative, shared cost.Bill) []Alternative {
	if len(shared.Lines) == 0 {
		return alts
	}
	for i := range alts {
		alts[i].Bill = alts[i].Bill.Add(shared)
	}
	return alts
}
