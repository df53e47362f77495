package runwhere

// What surrounds a service: the front door that routes requests to it
// (ingress) and the NAT gateways its containers reach out through
// (network). Discounts are in discounts.go.

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
)

// ingressValues are the front doors of a function, ingress.lambda.
var ingressValues = []string{IngressNone, IngressFunctionURL, IngressHTTPAPI, IngressRESTAPI, IngressALB}

// serverIngressValues are the front doors of the container platforms,
// ingress.servers; natValues the NAT layouts, network.nat_gateways.
var (
	serverIngressValues = []string{IngressNone, IngressALB}
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
		if in.Servers == IngressHTTPAPI || in.Servers == IngressRESTAPI || in.Servers == IngressFunctionURL {
			reason = "does not fit the container platforms: Swarm, Kubernetes, ECS and Nomad take an ALB (none or alb); API Gateway and function URLs are ingress.lambda's"
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
	if in.Lambda == IngressALB || in.Servers == IngressALB {
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

// serverDoor is an ALB in front of the container platforms, nil for none.
func (s Scenario) serverDoor() *cost.ALBUsage {
	in := s.Ingress
	if in == nil || in.Servers != IngressALB {
		return nil
	}
	return &cost.ALBUsage{Target: cost.ALBInstances, PayloadKB: *in.ResponseKB, NewConnections: !*in.KeepAlive, RuleEvaluations: *in.Rules}
}

// frontDoor is the scenario's front door of a function in the
// components' terms: nil for none and for a function URL, which AWS
// prices as the function's own requests.
func (s Scenario) frontDoor() *engine.FrontDoor {
	in := s.Ingress
	if in == nil {
		return nil
	}
	switch in.Lambda {
	case IngressHTTPAPI:
		return &engine.FrontDoor{API: cost.HTTPAPI, PayloadKB: *in.ResponseKB}
	case IngressRESTAPI:
		return &engine.FrontDoor{API: cost.RESTAPI, PayloadKB: *in.ResponseKB}
	case IngressALB:
		return &engine.FrontDoor{ALB: &cost.ALBUsage{Target: cost.ALBLambda, PayloadKB: *in.ResponseKB, NewConnections: !*in.KeepAlive, RuleEvaluations: *in.Rules}}
	}
	return nil
}
