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
