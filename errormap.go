package runwhere

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"
)

// A component (capacity, cost) checks its own Go inputs and names them in
// its terms: lambda.requests, ec2.seconds, a job's tasks as
// workload.requests_per_second. Those are not what the person wrote, and
// the page cannot mark them, so an evaluation names the scenario field
// the input was computed from instead. Scenario.check refuses what it can
// before any component runs (checkDerived); this is the net under it.

// source is where a component's input comes from: what it is, in words,
// and the scenario fields it is computed from, most likely culprit
// first. An empty what renames the field and keeps its message.
type source struct {
	what string
	from []string
}

var componentSources = map[string]source{
	"lambda.arch":                {from: []string{"workload.arch"}},
	"lambda.requests":            {"Lambda's requests a month", []string{"workload.requests_per_second", "workload.requests_per_month", "workload.runs_per_month", "workload.parallelism"}},
	"lambda.duration_ms":         {"Lambda's billed duration in ms", []string{"workload.duration_ms", "workload.cpu_fraction", "workload.memory_mb", "workload.run_minutes"}},
	"lambda.provisioned_seconds": {"provisioned concurrency's seconds a month", []string{"lambda.provisioned_schedule"}},
	"lambda.discount":            {from: []string{"discounts.lambda"}},
	"ec2.seconds":                {"a run's seconds on a node", []string{"workload.run_minutes", "servers.node_start_minutes"}},
	"ec2.hours":                  {"instance hours", []string{"workload.run_minutes", "servers.node_start_minutes", "servers.scale_out_minutes"}},
	"ec2.discount":               {from: []string{"discounts.ec2"}},
	"fargate.seconds":            {"a task's seconds", []string{"workload.run_minutes"}},
	"fargate.vcpu":               {from: []string{"container.vcpu"}},
	"fargate.memory_mb":          {from: []string{"container.memory_mb"}},
	"fargate.discount":           {from: []string{"discounts.fargate"}},
	"alb.payload_kb":             {from: []string{"ingress.response_kb"}},
	"api_gateway.payload_kb":     {from: []string{"ingress.response_kb"}},
	"alb.rule_evaluations":       {from: []string{"ingress.rules"}},
	"nat_gateway.gb":             {from: []string{"network.egress_gb_per_month"}},
	// capacity's sizing of the whole workload: requests in flight at the
	// peak need more replicas than runwhere sizes.
	"workload": {"requests in flight at the peak", []string{"workload.peak_requests_per_second", "workload.requests_per_second", "workload.requests_per_month", "workload.duration_ms"}},
	// A job reaches capacity as a service (jobWorkload): its tasks are
	// the rate, a run the longest request, its container's vCPU the CPU
	// share. On a job these names are not the scenario's.
	"workload.requests_per_second":      {"the job's tasks as a rate", []string{"workload.parallelism", "workload.runs_per_month", "workload.run_minutes"}},
	"workload.peak_requests_per_second": {"the job's tasks as a rate", []string{"workload.parallelism"}},
	"workload.max_duration_s":           {"a run's seconds", []string{"workload.run_minutes"}},
	"workload.cpu_fraction":             {"a task's CPU share", []string{"container.vcpu"}},
}

// refusedValue is the Value a component gives a decimal it refuses
// without printing it (too many digits, too large an exponent).
const refusedValue = "(refused)"

// inputError turns a component's complaint about an input into the
// scenario's error vocabulary: a field error naming a field this scenario
// holds is kept; one naming a component's own input names the scenario
// field it was computed from (componentSources).
func (e *env) inputError(err error) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return fmt.Errorf("runwhere: %w", err)
	}
	if e.holds(fe.Field) {
		// A component refuses the digits of what it computed from the
		// field (Lambda's stretched duration), not of the value given.
		if v, ok := givenValue(e.given, fe.Field); ok && fe.Value == refusedValue {
			return &FieldError{Field: fe.Field, Value: valueText(v), Reason: "gives a quantity computed from it that " + fe.Reason + ": give fewer digits"}
		}
		return fe
	}
	src, ok := componentSources[fe.Field]
	if !ok {
		return fe
	}
	field, v := e.culprit(src.from, fe.Value == refusedValue)
	if field == "" {
		return fe
	}
	out := &FieldError{Field: field, Value: v, Reason: fe.Reason}
	if src.what == "" {
		if out.Value == "" {
			out.Value = fe.Value
		}
		return out
	}
	if fe.Value == refusedValue || fe.Value == "" {
		out.Reason = fmt.Sprintf("gives %s (%s) that %s: give fewer digits", src.what, fe.Field, fe.Reason)
	} else {
		out.Reason = fmt.Sprintf("gives %s, which %s", fe.Value, fe.Reason)
	}
	return out
}

// holds reports whether path (a list item's too) is a field of the
// scenario's kind of workload.
func (e *env) holds(path string) bool {
	base, _, _ := strings.Cut(path, "[")
	if _, ok := leafByPath(base); !ok {
		return false
	}
	k := workloadKindOf(base)
	return k == "" || k == e.s.Workload.Kind
}

// culprit picks, among fields, the one to name: of those that fit the
// scenario's kind and that the scenario gives, the first, or the finest
// (the most decimal places) when the complaint is about digits; of none
// given, the first that fits. It returns the field and its value as
// written ("" when left out).
func (e *env) culprit(fields []string, digits bool) (string, string) {
	var first, best string
	var bestValue string
	bestExp := int32(1)
	for _, f := range fields {
		if k := workloadKindOf(f); k != "" && k != e.s.Workload.Kind {
			continue
		}
		if first == "" {
			first = f
		}
		v, ok := givenValue(e.given, f)
		if !ok {
			continue
		}
		exp := int32(0)
		if d, isDecimal := v.Interface().(decimal.Decimal); isDecimal {
			exp = d.Exponent()
		}
		if best == "" || (digits && exp < bestExp) {
			best, bestValue, bestExp = f, valueText(v), exp
		}
	}
	if best == "" {
		return first, ""
	}
	return best, bestValue
}

// leafByPath finds a scenario field by its path.
func leafByPath(path string) (leaf, bool) {
	for _, l := range scenarioLeaves() {
		if l.path == path {
			return l, true
		}
	}
	return leaf{}, false
}

// givenValue is the value of field path in s, dereferenced; false when
// s leaves it out. Lists are not values a complaint can be pinned on.
func givenValue(s Scenario, path string) (reflect.Value, bool) {
	l, ok := leafByPath(path)
	if !ok || l.kind == KindList {
		return reflect.Value{}, false
	}
	v, ok := fieldByIndex(reflect.ValueOf(s), l.index)
	if !ok {
		return reflect.Value{}, false
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	if v.IsZero() && v.Kind() == reflect.String {
		return reflect.Value{}, false
	}
	return v, true
}

// valueText is a given value as an error prints it.
func valueText(v reflect.Value) string {
	if d, ok := v.Interface().(decimal.Decimal); ok {
		return decimalText(d)
	}
	return fmt.Sprint(v.Interface())
}
