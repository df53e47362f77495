package runwhere

// What the reasons say about front doors: one that is most of a
// platform's bill, and the two sides' doors when functions and
// containers are compared.

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// doorField is the field that sets p's front door: functions take
// ingress.lambda, containers ingress.servers.
func doorField(p platform.Platform) string {
	if p.Kind == platform.Serverless {
		return "ingress.lambda"
	}
	return "ingress.servers"
}

// apiOf is the API Gateway API in front of p: nil for none, a function
// URL or an ALB.
func (e *env) apiOf(p platform.Platform) *engine.FrontDoor {
	fd := e.s.serverAPI()
	if p.Kind == platform.Serverless {
		fd = e.s.frontDoor()
	}
	if fd == nil || fd.API == "" {
		return nil
	}
	return fd
}

// frontDoorReasons name an API Gateway API that is at least half a
// platform's bill, and what the cheaper door would save: the HTTP API
// instead of the REST API; a function URL (functions) or an ALB alone
// (containers, whose ALB behind the API stays) instead of the HTTP API.
func (e *env) frontDoorReasons(reports []PlatformReport) []string {
	if e.s.isJob() {
		return nil
	}
	var out []string
	for _, r := range reports {
		p, ok := e.platforms.Platform(r.Platform)
		if !ok {
			continue
		}
		fd := e.apiOf(p)
		if fd == nil {
			continue
		}
		door := linesTotal(r, "api gateway")
		if !r.Feasible || !door.IsPositive() || door.Mul(decimal.NewFromInt(2)).LessThan(r.MonthlyCost) {
			continue
		}
		share := door.Mul(decimal.NewFromInt(100)).DivRound(r.MonthlyCost, 0)
		s := fmt.Sprintf("API Gateway is %s %% of %s's bill", share, r.Name)
		switch {
		case fd.API == cost.RESTAPI:
			if term, err := cost.APIGatewayTerm(e.prices, cost.HTTPAPI, fd.PayloadKB); err == nil {
				http := cost.Tariff{term}.Total(*e.s.Workload.RequestsPerMonth)
				s += fmt.Sprintf(": the HTTP API would cost %s less (%s: %s)", money(door.Sub(http).Round(2)), doorField(p), IngressHTTPAPI)
			}
		case p.Kind == platform.Serverless:
			s += fmt.Sprintf(": a function URL would cost %s less, without API Gateway's authorizers, throttling and custom domains (ingress.lambda: %s)", money(door.Round(2)), IngressFunctionURL)
		default:
			s += fmt.Sprintf(": an internet-facing ALB alone would cost %s less, without API Gateway's authorizers and throttling (ingress.servers: %s)", money(door.Round(2)), IngressALB)
		}
		out = append(out, s+".")
	}
	return out
}

// doorsReasons say which front door each side of a function-against-
// container comparison pays for: the same requests on both sides when
// the doors are the same API, and both doors' monthly cost when they
// differ, as a comparison that prices two different doors is not one of
// compute alone.
func (e *env) doorsReasons(reports []PlatformReport) []string {
	in := e.s.Ingress
	if in == nil || e.s.isJob() {
		return nil
	}
	fn, ct := e.firstFeasible(reports, true), e.firstFeasible(reports, false)
	if fn == nil || ct == nil {
		return nil
	}
	fnDoor := linesTotal(*fn, "api gateway").Add(linesTotal(*fn, "alb"))
	ctDoor := linesTotal(*ct, "api gateway").Add(linesTotal(*ct, "alb")).Add(linesTotal(*ct, internalALB))
	switch {
	case in.Lambda != in.Servers:
	case in.Lambda == IngressNone:
		return nil
	case in.Lambda == IngressALB:
		return []string{fmt.Sprintf("Both sides pay for an ALB: %s a month on %s, %s on each container platform.", money(fnDoor.Round(2)), fn.Name, money(ctDoor.Round(2)))}
	default:
		return []string{fmt.Sprintf("Both sides pay for the same API Gateway requests (%s): %s a month on %s and on each container platform, which also pays %s for the internal ALB its VPC link reaches.",
			doorName(in.Lambda), money(linesTotal(*fn, "api gateway").Round(2)), fn.Name, money(linesTotal(*ct, internalALB).Round(2)))}
	}
	return []string{fmt.Sprintf("The front doors differ: %s is behind %s (%s a month, ingress.lambda: %s), the container platforms behind %s (%s a month each, ingress.servers: %s); give both the same door to compare the compute alone.",
		fn.Name, doorName(in.Lambda), money(fnDoor.Round(2)), in.Lambda, doorName(in.Servers), money(ctDoor.Round(2)), in.Servers)}
}

// firstFeasible is the first feasible report of a function platform
// (functions) or of a container platform; nil for none.
func (e *env) firstFeasible(reports []PlatformReport, functions bool) *PlatformReport {
	for i, r := range reports {
		p, ok := e.platforms.Platform(r.Platform)
		if ok && r.Feasible && (p.Kind == platform.Serverless) == functions {
			return &reports[i]
		}
	}
	return nil
}

// linesTotal is the exact total of r's lines whose item starts with
// prefix and a space.
func linesTotal(r PlatformReport, prefix string) decimal.Decimal {
	sum := decimal.Zero
	for _, l := range r.CostLines {
		if strings.HasPrefix(l.Item, prefix+" ") {
			sum = sum.Add(l.Amount)
		}
	}
	return sum
}

// doorName is a front door in words.
func doorName(door string) string {
	switch door {
	case IngressFunctionURL:
		return "a function URL"
	case IngressHTTPAPI:
		return "an HTTP API"
	case IngressRESTAPI:
		return "a REST API"
	case IngressALB:
		return "an ALB"
	}
	return "no front door"
}
