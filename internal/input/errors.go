package input

import (
	"strconv"
	"strings"
)

// FieldError is the module's one field error: a refused value in a
// scenario, a catalogue or a Go input, from the decoder or from any
// package's checks. runwhere.FieldError, platform.FieldError,
// cost.FieldError, capacity.FieldError and ha.FieldError are aliases of
// it, so errors.As with any of them finds it whichever package raised it.
//
// Field is the value's path (workload.memory_mb,
// platforms[2].limits.timeout.value); empty for the input as a whole,
// which the message calls "input". Value is the value as written, Reason
// what is wrong with it, a predicate ("is negative"). File names the
// catalogue or file the value came from, "" for a scenario or a Go value;
// Line and Column are 1-based, 0 when unknown.
//
// Its message has one format, whatever raised it:
//
//	<file>:<line>:<column>: <field>: <value> <reason>
//
// Each part appears only when known: without a file the position reads
// "line 8:3: ", without a column "line 8: " or "aws.yaml:8: ", without a
// position "aws.yaml: " or nothing. The value is never quoted; it is
// printed in its [Short] form (at most about 64 bytes, control characters
// replaced) and left out when empty. For example
//
//	line 8:3: workload.duration_ms: -5 is negative
//	aws.yaml:12:7: platforms[0].limits.timeout.value: -1 is negative: a limit cannot be
//	servers.count: -1 is negative
//
// The message does not name the package: a package returns its field
// errors through [Prefix], which puts "cost: ", "platform: " … in front
// when the message is printed, and keeps the *FieldError reachable with
// errors.As. Code that finds one and sets its position or file (as the
// loaders do once they know them) changes the message printed after.
type FieldError struct {
	Field  string
	Value  string
	Reason string
	Line   int // 1-based; 0 when unknown
	Column int // 1-based; 0 when unknown
	File   string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	line, col := strconv.Itoa(e.Line), strconv.Itoa(e.Column)
	switch {
	case e.File != "" && e.Line > 0 && e.Column > 0:
		b.WriteString(e.File + ":" + line + ":" + col + ": ")
	case e.File != "" && e.Line > 0:
		b.WriteString(e.File + ":" + line + ": ")
	case e.File != "":
		b.WriteString(e.File + ": ")
	case e.Line > 0 && e.Column > 0:
		b.WriteString("line " + line + ":" + col + ": ")
	case e.Line > 0:
		b.WriteString("line " + line + ": ")
	}
	if e.Field == "" {
		b.WriteString("input: ")
	} else {
		b.WriteString(e.Field + ": ")
	}
	if e.Value != "" {
		b.WriteString(Short(e.Value) + " ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Prefix returns err as package pkg reports it: its message with
// "pkg: " in front, once (not again when it starts so already). The
// message is read when printed, so a position set afterwards on the
// *FieldError inside shows; errors.As and errors.Is see through it.
// Prefix(pkg, nil) is nil.
func Prefix(pkg string, err error) error {
	if err == nil {
		return nil
	}
	return &prefixed{prefix: pkg + ": ", err: err}
}

type prefixed struct {
	prefix string
	err    error
}

func (e *prefixed) Error() string {
	msg := e.err.Error()
	if strings.HasPrefix(msg, e.prefix) {
		return msg
	}
	return e.prefix + msg
}

func (e *prefixed) Unwrap() error { return e.err }
