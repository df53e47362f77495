package input

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// SyntaxError is [syntaxError] for a caller that decodes data with
// yaml.v3 itself (the page's bridge reads a scenario as a node tree to
// fill its form): the same line, column and wording as [Decode] gives.
func SyntaxError(data []byte, err error) *FieldError {
	return syntaxError(data, err)
}

// syntaxError turns yaml.v3's "yaml: line 3: did not find expected key"
// into a *FieldError at the line the problem is on.
//
// yaml.v3 prints the 0-based line of a parser error's mark as if it were
// 1-based, and no line at all for a mark on the first line, so every
// parser error reads one line early; its scanner errors are right but for
// the first line. An unclosed '[' or '{' is found by [openAtEnd] and
// reported where it was opened, since that is the bracket to close.
func syntaxError(data []byte, err error) *FieldError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ": "); ok {
			if l, err := strconv.Atoi(num); err == nil {
				line, msg = l, after
			}
		}
	}
	switch {
	case parserProblems[msg]:
		line++
	case line == 0 && scannerProblem(msg):
		line = 1
	}
	e := &FieldError{Reason: "is not valid YAML: " + msg, Line: line}
	closer := map[string]byte{
		"did not find expected ',' or ']'":   ']',
		"did not find expected ',' or '}'":   '}',
		"did not find expected node content": 0, // either: the input ended where an item was due
	}
	want, flow := closer[msg]
	if !flow {
		return e
	}
	open := openAtEnd(data)
	if len(open) == 0 {
		return e
	}
	b := open[len(open)-1]
	end := endLine(data)
	var fits bool
	switch want {
	case 0:
		// The mark is the token found instead of an item: the end.
		fits = line == end
	case ']', '}':
		// The mark is the bracket itself, unless it is on the first line;
		// then it is the token found instead of ',' or the closer.
		fits = closerOf(b.c) == want && (b.line == line || b.line == 1 && line == end)
	}
	if !fits {
		return e
	}
	e.Line, e.Column = b.line, b.column
	e.Reason = fmt.Sprintf("is not valid YAML: this '%c' is never closed: the input ends before its '%c'", b.c, closerOf(b.c))
	return e
}

func closerOf(c byte) byte {
	if c == '[' {
		return ']'
	}
	return '}'
}

// endLine is the 1-based line yaml.v3 gives the end of data: the line
// after the last, as it ends the last line first when data does not.
func endLine(data []byte) int {
	n := bytes.Count(data, []byte("\n")) + 1
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// parserProblems are the problems yaml.v3's parser reports (parserc.go);
// its scanner's are all others.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// scannerProblem reports whether msg is one of the problems yaml.v3's
// scanner reports with a position (scannerc.go), rather than one of the
// decoder's, which have none (an unknown anchor).
func scannerProblem(msg string) bool {
	for _, p := range []string{"found ", "did not find ", "could not find ", "mapping ", "block sequence entries "} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// bracket is a '[' or '{' that opens a flow collection, at its 1-based
// line and column (in characters, as yaml.v3 counts them).
type bracket struct {
	c            byte
	line, column int
}

// openAtEnd lists the flow collections still open at the end of data,
// outermost first. It knows only as much YAML as it takes to tell a
// bracket that opens a collection from one in text: comments, quoted
// scalars, block scalars, and that in block context a bracket opens a
// collection only where a value starts (name: a[0] is text). It is used
// only on text yaml.v3 has refused, and what it finds is checked against
// yaml.v3's own report before it is believed.
func openAtEnd(data []byte) []bracket {
	var (
		open      []bracket
		line, col = 1, 1 // of data[i]
		lineStart = true // only spaces so far on this line
		indent    int    // of this line
		start     = true // a value may start here
		plain     bool   // inside a plain scalar
		afterSpc  = true // data[i-1] is a space or a line start
		keyCol    = -1   // column of this line's last mapping key, 0-based
		dashCol   = -1   // column of this line's last "- ", 0-based
		afterKey  bool   // a ": " has been seen on this line
	)
	i := 0
	next := func() {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\n' {
			line, col = line+1, 1
			lineStart, indent, afterSpc = true, 0, true
			keyCol, dashCol, afterKey = -1, -1, false
			if len(open) == 0 {
				start, plain = true, false
			}
		} else {
			col++
			afterSpc = r == ' ' || r == '\t' || r == '\r'
			if lineStart && r == ' ' {
				indent++
			} else if !afterSpc {
				lineStart = false
			}
		}
		i += size
	}
	at := func(k int) byte {
		if i+k < len(data) {
			return data[i+k]
		}
		return 0
	}
	// spaceAt reports whether data[i+k] ends a token: a space, a line
	// break, the end, or in flow context a flow indicator.
	spaceAt := func(k int) bool {
		switch at(k) {
		case 0, ' ', '\t', '\r', '\n':
			return true
		case ',', '[', ']', '{', '}':
			return len(open) > 0
		}
		return false
	}
	skipQuoted := func(q byte) {
		next()
		for i < len(data) {
			switch c := data[i]; {
			case q == '"' && c == '\\':
				next()
				if i < len(data) {
					next()
				}
			case c == q && q == '\'' && at(1) == '\'':
				next()
				next()
			case c == q:
				next()
				return
			default:
				next()
			}
		}
	}
	for i < len(data) {
		c := data[i]
		switch {
		case c == '#' && afterSpc:
			for i < len(data) && data[i] != '\n' {
				next()
			}
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			next()
			continue
		case lineStart && len(open) == 0 && col == 1 && (c == '%' || bytes.HasPrefix(data[i:], []byte("---")) && spaceAt(3) || bytes.HasPrefix(data[i:], []byte("...")) && spaceAt(3)):
			// A directive or a document marker: nothing to find.
			for i < len(data) && data[i] != '\n' {
				next()
			}
			continue
		}
		if len(open) > 0 {
			switch {
			case c == '[' || c == '{':
				open = append(open, bracket{c, line, col})
				start, plain = true, false
			case c == ']' || c == '}':
				open = open[:len(open)-1]
				start, plain = false, false
			case c == ',':
				start, plain = true, false
			case c == ':' && (spaceAt(1) || !plain):
				start, plain = true, false
			case start && (c == '"' || c == '\''):
				skipQuoted(c)
				start = false
				continue
			case start && (c == '&' || c == '!' || c == '*'):
				for !spaceAt(0) {
					next()
				}
				start = c != '*'
				continue
			case start && c == '?' && spaceAt(1):
			case start:
				start, plain = false, true
			}
			next()
			continue
		}
		switch {
		case start && (c == '[' || c == '{'):
			open = append(open, bracket{c, line, col})
			start, plain = true, false
		case start && (c == '"' || c == '\''):
			if keyCol < 0 && !afterKey {
				keyCol = col - 1
			}
			skipQuoted(c)
			start = false
			continue
		case start && (c == '|' || c == '>'):
			parent := indent - 1
			switch {
			case afterKey:
				parent = keyCol
			case dashCol >= 0:
				parent = dashCol
			}
			skipBlockScalar(data, &i, &line, parent)
			col, lineStart, indent, afterSpc = 1, true, 0, true
			keyCol, dashCol, afterKey = -1, -1, false
			start, plain = true, false
			continue
		case start && (c == '&' || c == '!' || c == '*'):
			for !spaceAt(0) {
				next()
			}
			start = c != '*'
			continue
		case (c == '-' || c == '?') && start && spaceAt(1):
			if c == '-' {
				dashCol = col - 1
			}
		case c == ':' && spaceAt(1):
			afterKey, start, plain = true, true, false
		case start:
			if !afterKey {
				keyCol = col - 1
			}
			start, plain = false, true
		}
		next()
	}
	return open
}

// skipBlockScalar moves *i past a block scalar whose indicator ('|' or
// '>') is at data[*i]: the rest of its line, then every line that is
// blank or indented more than parent columns.
func skipBlockScalar(data []byte, i *int, line *int, parent int) {
	for *i < len(data) && data[*i] != '\n' {
		*i++
	}
	for *i < len(data) {
		// data[*i] is the '\n' ending the last line taken.
		rest := data[*i+1:]
		n := 0
		for n < len(rest) && rest[n] == ' ' {
			n++
		}
		blank := n == len(rest) || rest[n] == '\n' || rest[n] == '\r'
		if !blank && n <= parent {
			*i++
			*line++
			return
		}
		*i++
		*line++
		for *i < len(data) && data[*i] != '\n' {
			*i++
		}
	}
}
