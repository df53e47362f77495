package cost

import (
	"fmt"
	"strconv"
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
	v := e.Value
	if v == "" {
		v = `""`
	}
	msg := fmt.Sprintf("cost: %s: %s %s", e.Field, v, e.Reason)
	if e.Line > 0 {
		msg += " (line " + strconv.Itoa(e.Line) + ")"
	}
	return msg
}

func fieldErr(field, value, reason string) error {
	return &FieldError{Field: field, Value: value, Reason: reason}
}
