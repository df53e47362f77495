package capacity

import (
	"fmt"

	"github.com/runwhere/runwhere/internal/input"
)

// FieldError reports a bad input: which field, what it held and why it is
// refused. Field is the input's path in the scenario's snake_case names. It
// is the module's one field error: runwhere.FieldError, platform.FieldError,
// cost.FieldError and ha.FieldError are the same type, so errors.As with any
// of them finds it.
//
// The package returns it behind "capacity: ", as in
// "capacity: servers.count: -1 is negative" (the format is the same for
// every package: "<field>: <value> <reason>", after the position when known).
type FieldError = input.FieldError

// InputError is the former name of [FieldError].
//
// Deprecated: use [FieldError].
type InputError = FieldError

func inputErr(field string, value any, reason string) error {
	return input.Prefix("capacity", &FieldError{Field: field, Value: fmt.Sprint(value), Reason: reason})
}

// NodeError says why no node of the instance type can run the platform's
// replicas: a figure the platform's reservation needs is not sourced (ENI
// counts of a new family, say), or the platform's daemons leave no slot.
// [Size] returns it, so that a caller can report that platform as blocked
// and still evaluate the others; its message is the cause's.
type NodeError struct{ Err error }

func (e *NodeError) Error() string { return e.Err.Error() }
func (e *NodeError) Unwrap() error { return e.Err }
