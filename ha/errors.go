package ha

import "fmt"

// FieldError reports an input that the package cannot use. Field is the name
// of the input as the caller knows it (for example "members" or
// "node_availability"), Value its text, Reason what is wrong with it.
type FieldError struct {
	Field  string
	Value  string
	Reason string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("ha: %s: %s %s", e.Field, e.Value, e.Reason)
}

func fieldErr(field string, value any, format string, args ...any) error {
	return &FieldError{Field: field, Value: fmt.Sprint(value), Reason: fmt.Sprintf(format, args...)}
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
