package ha

import (
	"fmt"

	"github.com/runwhere/runwhere/internal/input"
)

// FieldError reports an input that the package cannot use. Field is the name
// of the input as the caller knows it (for example "members" or
// "node_availability"), Value its text, Reason what is wrong with it. It is
// the module's one field error: runwhere.FieldError, platform.FieldError,
// cost.FieldError and capacity.FieldError are the same type, so errors.As
// with any of them finds it.
//
// The package returns it behind "ha: ", as in
// "ha: members: 0 must be at least 1" (the format is the same for every
// package: "<field>: <value> <reason>", after the position when known).
type FieldError = input.FieldError

func fieldErr(field string, value any, format string, args ...any) error {
	return input.Prefix("ha", &FieldError{Field: field, Value: fmt.Sprint(value), Reason: fmt.Sprintf(format, args...)})
}

// maxMembers bounds the size of one tier. It is far above the largest
// published cluster envelope (5,000 Kubernetes nodes) and keeps the
// availability convolution, which is quadratic in the member count, fast.
const maxMembers = 10000

func checkMembers(field string, n int) error {
	switch {
	case n < 1:
		return fieldErr(field, n, "must be at least 1")
	case n > maxMembers:
		return fieldErr(field, n, "exceeds %d", maxMembers)
	}
	return nil
}
