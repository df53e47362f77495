package runwhere

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
)

// ingressValues are the front doors of a function, ingress.lambda.
var ingressValues = []string{IngressNone, IngressFunctionURL, IngressHTTPAPI, IngressRESTAPI}

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
	switch in.Lambda {
	case "", IngressNone, IngressFunctionURL, IngressHTTPAPI, IngressRESTAPI:
	default:
		return &FieldError{Field: "ingress.lambda", Value: in.Lambda, Reason: fmt.Sprintf("is not one of %v", ingressValues)}
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
	if in.ResponseKB == nil && in.Lambda != IngressNone {
		in.ResponseKB = ptr(DefaultResponseKB())
	}
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
	}
	return nil
}
