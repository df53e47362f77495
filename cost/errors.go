package cost

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
)

// FieldError reports a bad input or catalogue field: which field, the value
// given, why it is rejected and, for a catalogue, its line when known. It is
// the module's one field error: runwhere.FieldError, platform.FieldError,
// capacity.FieldError and ha.FieldError are the same type, so errors.As with
// any of them finds it.
//
// The package returns it behind "cost: ", as in
// "cost: line 8:5: lambda.request.value: -1 is negative" (the format is the
// same for every package: "<field>: <value> <reason>", after the position
// when known).
type FieldError = input.FieldError

func fieldErr(field, value, reason string) error {
	return input.Prefix("cost", &FieldError{Field: field, Value: value, Reason: reason})
}

// checkDecimals refuses a usage decimal that carries more digits or a
// larger exponent than input accepts, before any arithmetic on it: usages
// are built in Go, so no parser has looked at them. The fields are named
// one by one because this runs on every bill, many times per evaluation.
func checkDecimals(fields ...namedDecimal) error {
	for _, f := range fields {
		if err := input.CheckDecimal(f.v); err != nil {
			return fieldErr(f.name, "(refused)", err.Error())
		}
	}
	return nil
}

type namedDecimal struct {
	name string
	v    decimal.Decimal
}
