package platform

import "github.com/runwhere/runwhere/internal/input"

// FieldError reports a bad value in a catalogue: its file, line and
// column, the field's path (platforms[0].limits.timeout.value), the value
// as written and what is wrong with it. It is the module's one field
// error: runwhere.FieldError, cost.FieldError, capacity.FieldError and
// ha.FieldError are the same type, so errors.As with any of them finds it.
//
// Its message reads "<file>:<line>:<column>: <field>: <value> <reason>",
// each part only when known and the value unquoted; [ParseCatalogue] returns it
// behind "platform: ", as in
// "platform: aws.yaml:12:7: platforms[0].limits.timeout.value: -1 is negative: a limit cannot be".
type FieldError = input.FieldError
