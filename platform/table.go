package platform

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/internal/input"
)

// ScanTable reads a table in the CSV form internal/catalogue/gen writes:
// "#" comment lines, "@source,<key>,<as_of>,<url>,<note>" lines naming
// the sources by key ([parseSourceLine]), the header row, which must be
// header, then one row per line. It calls row with each row's line number,
// its comma-separated fields and the sources defined so far, and stops at
// the first error. More than maxRows rows is an error naming what (the
// table's name in errors: "instances", "prices"). Errors are *FieldError
// with the line; the callers name the data and add their prefix.
//
// The instance table here and EC2 prices in package cost are read with
// it, so that both generated tables follow one set of rules.
func ScanTable(data []byte, header, what string, maxRows int, row func(line int, fields []string, sources map[string]Source) error) error {
	sources := map[string]Source{}
	seenHeader, rows := false, 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		bad := func(field, value, reason string) error {
			return &FieldError{Line: line, Field: field, Value: input.Short(value), Reason: reason}
		}
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "@source,"):
			key, src, err := parseSourceLine(text)
			if err != nil {
				return bad("@source", text, err.Error())
			}
			if _, dup := sources[key]; dup {
				return bad("@source", key, "is defined twice")
			}
			sources[key] = src
			continue
		case !seenHeader:
			if text != header {
				return bad("header", text, "is not "+strconv.Quote(header))
			}
			seenHeader = true
			continue
		}
		if rows++; rows > maxRows {
			return bad(what, fmt.Sprint(rows), fmt.Sprintf("is over the %d-row limit", maxRows))
		}
		if err := row(line, strings.Split(text, ","), sources); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &FieldError{Field: what, Value: "(unreadable)", Reason: err.Error()}
	}
	if !seenHeader {
		return &FieldError{Field: "header", Reason: "is missing"}
	}
	return nil
}
