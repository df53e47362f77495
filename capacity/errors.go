package capacity

import "fmt"

// InputError reports a bad input: which field, what it held and why it is
// refused. Its message starts "capacity: " and names the field and the value,
// for example "capacity: servers.count: -1 is negative".
type InputError struct {
	Field  string // the input's path, in the scenario's snake_case names
	Value  string // the offending value as given
	Reason string
}

func (e *InputError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("capacity: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("capacity: %s: %s %s", e.Field, e.Value, e.Reason)
}

func inputErr(field string, value any, reason string) error {
	return &InputError{Field: field, Value: fmt.Sprint(value), Reason: reason}
}

// NodeError says why no node of the instance type can run the platform's
// replicas: a figure the platform's reservation needs is not sourced (ENI
// counts of a new family, say), or the platform's daemons leave no slot.
// [Size] returns it, so that a caller can report that platform as blocked
// and still evaluate the others; its message is the cause's.
type NodeError struct{ Err error }

func (e *NodeError) Error() string { return e.Err.Error() }
func (e *NodeError) Unwrap() error { return e.Err }
