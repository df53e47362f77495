package cost

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
)

// FieldError reports a bad input or catalogue field: which field, the value
// given, and why it is rejected. Line is the YAML line when known, else 0.
type FieldError struct {
	Field  string
	Value  string
	Reason string
	Line   int
}

func (e *FieldError) Error() string {
	msg := fmt.Sprintf("cost: %s: %s", e.Field, e.Reason)
	if e.Value != "" {
		msg = fmt.Sprintf("cost: %s: %s %s", e.Field, input.Short(e.Value), e.Reason)
	}
	if e.Line > 0 {
		msg += " (line " + strconv.Itoa(e.Line) + ")"
	}
	return msg
}

func fieldErr(field, value, reason string) error {
	return &FieldError{Field: field, Value: value, Reason: reason}
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
