package runwhere

// What surrounds a service: the front door that routes requests to it
// (ingress) and the NAT gateways its containers reach out through
// (network). Discounts are in discounts.go.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
)

// ingressValues are the front doors of a function, ingress.lambda.
var ingressValues = []string{IngressNone, IngressFunctionURL, IngressHTTPAPI, IngressRESTAPI, IngressALB}

// serverIngressValues are the front doors of the container platforms,
// ingress.servers; natValues the NAT layouts, network.nat_gateways.
var (
	serverIngressValues = []string{IngressNone, IngressALB, IngressHTTPAPI, IngressRESTAPI}
	natValues           = []string{NATNone, NATOne, NATPerZone}
)

// DefaultKeepAlive: clients reuse their connections, as HTTP/1.1 and
// HTTP/2 clients do by default.
const DefaultKeepAlive = true

// DefaultResponseKB is ingress.response_kb when a front door is set: a
// JSON API's request and response together, an assumption.
func DefaultResponseKB() decimal.Decimal { return defaultResponseKB }

var defaultResponseKB = decimal.NewFromInt(10)

// MaxResponseKB bounds ingress.response_kb: 10 MB, the largest payload
// API Gateway accepts
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
const MaxResponseKB = 10 * 1024

// checkIngress checks the ingress section.
func (s Scenario) checkIngress() error {
	in := s.Ingress
	if in == nil {
		return nil
	}
	if in.Lambda != "" && !slices.Contains(ingressValues, in.Lambda) {
		return &FieldError{Field: "ingress.lambda", Value: in.Lambda, Reason: fmt.Sprintf("is not one of %v", ingressValues)}
	}
	if in.Servers != "" && !slices.Contains(serverIngressValues, in.Servers) {
		reason := fmt.Sprintf("is not one of %v", serverIngressValues)
		if in.Servers == IngressFunctionURL {
			reason = "does not fit the container platforms: a function URL invokes a Lambda function only; containers take an ALB or API Gateway (" + strings.Join(serverIngressValues, ", ") + ")"
		}
		return &FieldError{Field: "ingress.servers", Value: in.Servers, Reason: reason}
	}
	if r := in.Rules; r != nil {
		if err := checkQuantity("ingress.rules", *r); err != nil {
			return err
		}
		if r.IsNegative() {
			return &FieldError{Field: "ingress.rules", Value: r.String(), Reason: "is negative"}
		}
	}
	if kb := in.ResponseKB; kb != nil {
		if err := checkQuantity("ingress.response_kb", *kb); err != nil {
			return err
		}
		if !kb.IsPositive() {
			return &FieldError{Field: "ingress.response_kb", Value: kb.String(), Reason: "must be greater than zero"}
		}
		if kb.GreaterThan(decimal.NewFromInt(MaxResponseKB)) {
			return &FieldError{Field: "ingress.response_kb", Value: kb.String(), Reason: fmt.Sprintf("is more than %d KB, API Gateway's largest payload", MaxResponseKB)}
		}
	}
	return nil
}

// withIngressDefaults fills in the ingress section's defaults. A scenario
// that leaves the section out keeps it out: its report is the one it had
// before front doors were priced.
func (s *Scenario) withIngressDefaults() {
	in := s.Ingress
	if in == nil {
		return
	}
	if in.Lambda == "" {
		in.Lambda = IngressNone
	}
	if in.Servers == "" {
		in.Servers = IngressNone
	}
	if in.Lambda != IngressNone || in.Servers != IngressNone {
		if in.ResponseKB == nil {
			in.ResponseKB = ptr(DefaultResponseKB())
		}
	}
	if in.Lambda == IngressALB || in.Servers != IngressNone {
		if in.KeepAlive == nil {
			in.KeepAlive = ptr(DefaultKeepAlive)
		}
		if in.Rules == nil {
			in.Rules = ptr(decimal.Zero)
		}
	}
}

// checkNetwork checks the network section.
func (s Scenario) checkNetwork() error {
	n := s.Network
	if n == nil {
		return nil
	}
	if n.NATGateways != "" && !slices.Contains(natValues, n.NATGateways) {
		return &FieldError{Field: "network.nat_gateways", Value: n.NATGateways, Reason: fmt.Sprintf("is not one of %v", natValues)}
	}
	if g := n.EgressGBPerMonth; g != nil {
		if err := checkQuantity("network.egress_gb_per_month", *g); err != nil {
			return err
		}
		if g.IsNegative() {
			return &FieldError{Field: "network.egress_gb_per_month", Value: g.String(), Reason: "is negative"}
		}
	}
	return s.checkInternetEgress()
}

// withNetworkDefaults fills in the network section's defaults, when it is
// there at all.
func (s *Scenario) withNetworkDefaults() {
	n := s.Network
	if n == nil {
		return
	}
	if n.NATGateways == "" {
		n.NATGateways = NATNone
	}
	if n.EgressGBPerMonth == nil {
		n.EgressGBPerMonth = ptr(decimal.Zero)
	}
}

// nat is the scenario's NAT gateways in the components' terms: nil for
// none. per-zone is one gateway in each of servers.zones.
func (s Scenario) nat() *engine.NAT {
	n := s.Network
	if n == nil || n.NATGateways == "" || n.NATGateways == NATNone {
		return nil
	}
	gateways := int64(1)
	if n.NATGateways == NATPerZone {
		gateways = *s.Servers.Zones
	}
	return &engine.NAT{Gateways: gateways, GB: *n.EgressGBPerMonth}
}

// serverDoor is the ALB of the container platforms, nil for none: in
// front of them (ingress.servers: alb) or behind their API Gateway API.
// API Gateway reaches containers in a VPC through a VPC link to a load
// balancer: an HTTP API to an ALB, an NLB or Cloud Map, a REST API (VPC
// links V2, November 2025) to an ALB or an NLB
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/private-integration.html).
// runwhere prices the one both APIs share: an internal ALB, whose hours
// and LCUs are an internet-facing one's. The VPC link itself has no line
// in AWS's API Gateway price file (apigateway.json); the charge AWS's
// private-integration whitepaper names is the load balancer's.
func (s Scenario) serverDoor() *cost.ALBUsage {
	in := s.Ingress
	if in == nil || in.Servers == IngressNone {
		return nil
	}
	u := &cost.ALBUsage{Target: cost.ALBInstances, PayloadKB: *in.ResponseKB, NewConnections: !*in.KeepAlive, RuleEvaluations: *in.Rules}
	if in.Servers != IngressALB {
		u.Item = internalALB
	}
	return u
}

// internalALB names the lines of the ALB behind the containers' API.
const internalALB = "internal alb"

// serverAPI is the API Gateway API in front of the container platforms,
// nil for none or an ALB.
func (s Scenario) serverAPI() *engine.FrontDoor {
	in := s.Ingress
	if in == nil {
		return nil
	}
	return apiDoor(in.Servers, in.ResponseKB)
}

// apiDoor is the API Gateway API a front door names, nil for another
// door. The defaults give every door a payload (withIngressDefaults).
func apiDoor(door string, payloadKB *decimal.Decimal) *engine.FrontDoor {
	switch door {
	case IngressHTTPAPI:
		return &engine.FrontDoor{API: cost.HTTPAPI, PayloadKB: *payloadKB}
	case IngressRESTAPI:
		return &engine.FrontDoor{API: cost.RESTAPI, PayloadKB: *payloadKB}
	}
	return nil
}

// frontDoor is the scenario's front door of a function in the
// components' terms: nil for none and for a function URL, which AWS
// prices as the function's own requests.
func (s Scenario) frontDoor() *engine.FrontDoor {
	in := s.Ingress
	if in == nil {
		return nil
	}
	if in.Lambda == IngressALB {
		return &engine.FrontDoor{ALB: &cost.ALBUsage{Target: cost.ALBLambda, PayloadKB: *in.ResponseKB, NewConnections: !*in.KeepAlive, RuleEvaluations: *in.Rules}}
	}
	return apiDoor(in.Lambda, in.ResponseKB)
}
