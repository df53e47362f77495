package cost

import (
	"fmt"
	"strconv"
	"strings"

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

// checkUsage refuses a usage whose decimals carry more digits or a larger
// exponent than input accepts, before any arithmetic on them: usages are
// built in Go, so no parser has looked at them.
func checkUsage(prefix string, u any) error {
	if field, err := input.CheckDecimals(u); err != nil {
		return fieldErr(prefix+"."+strings.ToLower(field), "(refused)", err.Error())
	}
	return nil
}
