package platform

import (
	"fmt"
	"strings"
)

// FieldError reports a bad value in a catalogue: where it is, which field,
// what it holds and what is wrong with it.
type FieldError struct {
	File   string // the catalogue's name, when known
	Line   int    // 1-based; 0 when unknown
	Column int
	Field  string // the path of the field, e.g. platforms[lambda].limits.timeout.value
	Value  string // the offending value as written ("" when missing)
	Reason string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("platform: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if b.Len() > len("platform: ") {
		b.WriteString(" ")
	}
	b.WriteString(e.Field)
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", e.Value)
	}
	b.WriteString(" ")
	b.WriteString(e.Reason)
	return b.String()
}
