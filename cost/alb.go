package cost

import (
	"github.com/shopspring/decimal"
)

// ALBTarget is what an Application Load Balancer routes to: an LCU holds
// fewer processed bytes for Lambda targets.
type ALBTarget string

// The targets of an ALB.
const (
	ALBInstances ALBTarget = "instances" // EC2 instances, containers, IP addresses
	ALBLambda    ALBTarget = "lambda"
)

// ALBUsage is one ALB's month.
type ALBUsage struct {
	Target ALBTarget
	// PayloadKB is one request and its response together: processed bytes.
	PayloadKB decimal.Decimal
	// NewConnections: every request opens a connection of its own (clients
	// that do not keep connections alive); false leaves the new- and
	// active-connection dimensions out, as kept-alive connections are few.
	NewConnections bool
	// RuleEvaluations are the listener rule evaluations a request costs
	// past the ones AWS does not bill.
	RuleEvaluations decimal.Decimal
	// Item prefixes the lines ("alb"); zero means "alb".
	Item string
}

// KBPerGB is the kilobytes of the gigabyte an LCU's processed bytes are
// counted in. That those bytes are a request's and its response's
// together is AWS's: the ELB pricing page counts "the number of bytes
// processed by the load balancer in HTTP(S) requests and responses"
// (https://aws.amazon.com/elasticloadbalancing/pricing/, as the
// transcription at https://aws.darcy-it.com/elb%E3%81%AE%E3%82%B3%E3%82%B9%E3%83%88%E6%96%99%E9%87%91/
// quotes its Japanese edition: "HTTP(S)リクエストと応答のバイト数"), so
// [ALBUsage.PayloadKB] is both. Which GB is not: no AWS source found says
// whether it is 10⁹ or 2³⁰ bytes. runwhere takes 2³⁰ bytes, as Lambda's
// GB-second counts 1,024 MB, and the report lists it in assumptions[]
// (alb.processed_bytes_gb) with what decimal GB would make the LCU line:
// 1.048576 times as much (the audit's whole-bill ALB, $21.02 instead of
// $20.05).
const KBPerGB = 1024 * 1024

// ALBTariff is an ALB's month as a [Tariff] over monthly requests: the
// load-balancer hours all month, and LCU-hours. An hour is billed the
// LCUs of its busiest dimension; every dimension grows with the request
// rate, so the busiest is the same at every load and the month's
// LCU-hours are requests × LCUs per (request/second) ÷ 3600, whatever
// the load's shape. The dimensions counted: new connections (25 an LCU,
// when every request opens one), processed bytes (1 GB an hour an LCU, 0.4
// for Lambda targets) and rule evaluations (1,000 a second an LCU). Active
// connections are left out: a connection per request lasting less than a
// minute fills at most half the LCUs new connections do, and kept-alive
// ones are few. The LCU line names the dimension that decides.
func ALBTariff(c *Catalogue, u ALBUsage) (Tariff, error) {
	if c == nil || c.ALB == nil {
		return nil, fieldErr("alb", regionOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"alb.payload_kb", u.PayloadKB}, namedDecimal{"alb.rule_evaluations", u.RuleEvaluations}); err != nil {
		return nil, err
	}
	if u.PayloadKB.IsNegative() {
		return nil, fieldErr("alb.payload_kb", u.PayloadKB.String(), "is negative")
	}
	if u.RuleEvaluations.IsNegative() {
		return nil, fieldErr("alb.rule_evaluations", u.RuleEvaluations.String(), "is negative")
	}
	a := c.ALB
	gb := a.LCU.GBPerHourInstances.Value
	switch u.Target {
	case ALBInstances:
	case ALBLambda:
		gb = a.LCU.GBPerHourLambda.Value
	default:
		return nil, fieldErr("alb.target", string(u.Target), "is not instances or lambda")
	}
	item := u.Item
	if item == "" {
		item = "alb"
	}
	// LCUs per request a second, in each dimension.
	dim, lcu := "processed bytes", div(u.PayloadKB.Mul(d3600), gb.Mul(decimal.NewFromInt(KBPerGB)))
	if u.NewConnections {
		if n := div(dOne, a.LCU.NewConnectionsPerSecond.Value); n.GreaterThan(lcu) {
			dim, lcu = "new connections", n
		}
	}
	if r := div(u.RuleEvaluations, a.LCU.RuleEvaluationsPerSecond.Value); r.GreaterThan(lcu) {
		dim, lcu = "rule evaluations", r
	}
	hours := Meter{Unit: "ALB-hour", Bands: []Band{{Item: item + " hours", Price: a.Hour.Value}}}
	lcus := Meter{Unit: "LCU-hour", Scale: d3600, Bands: []Band{{Item: item + " LCUs (" + dim + ")", Price: a.LCUHour.Value}}}
	return Tariff{{Meter: hours, Base: dHoursPerMonth}, {Meter: lcus, Per: lcu}}, nil
}

// NAT prices NAT gateways: gateways × the month's hours, and the GB they
// process.
func NAT(c *Catalogue, gateways int, gb decimal.Decimal) (Bill, error) {
	if c == nil || c.NATGateway == nil {
		return Bill{}, fieldErr("nat_gateway", regionOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"nat_gateway.gb", gb}); err != nil {
		return Bill{}, err
	}
	if gateways < 0 || gb.IsNegative() {
		return Bill{}, fieldErr("nat_gateway", gb.String(), "has a negative quantity")
	}
	n := c.NATGateway
	return Bill{Lines: []Line{
		line("nat gateway hours", "gateway-hour", dHoursPerMonth.Mul(decimal.NewFromInt(int64(gateways))), n.Hour.Value),
		line("nat gateway data processed", "GB", gb, n.GB.Value),
	}}, nil
}

func regionOf(c *Catalogue) string {
	if c == nil {
		return "nil catalogue"
	}
	return c.Snapshot.String() + " " + c.Region
}
