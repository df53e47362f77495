package platform

import (
	"errors"
	"fmt"
	"strings"
)

// Source says where a figure was published and when: the page it was read
// in, the date it was read or took effect, and what a reader must know to
// use it right (an inference, a regional variation, a condition). Every
// sourced figure of runwhere's catalogues — a [Limit], a [Feature], an
// [SLA], an instance [Shape], a price in package cost — embeds one, so
// that one rule decides what counts as a source.
//
// The zero Source is not valid: a figure needs a URL and an as-of date.
type Source struct {
	URL  URL    `yaml:"source" json:"source"`
	AsOf Date   `yaml:"as_of" json:"as_of"`
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// String returns the source's URL, the form reports cite it in.
func (s Source) String() string { return string(s.URL) }

// Validate reports whether s is complete: a valid [URL] and a non-zero
// as-of date. The error names the field that is wrong ("source" or
// "as_of").
func (s Source) Validate() error {
	if err := s.URL.Validate(); err != nil {
		return &FieldError{Field: "source", Value: string(s.URL), Reason: err.Error()}
	}
	if s.AsOf.IsZero() {
		return &FieldError{Field: "as_of", Reason: "is missing"}
	}
	return nil
}

// The month every monthly figure of runwhere assumes: 730 hours, as AWS's
// own calculators do (8,760 hours a year / 12). Packages that need it
// refer to these rather than restate them.
const (
	HoursPerMonth   = 730
	SecondsPerMonth = HoursPerMonth * 3600 // 2,628,000
	MinutesPerMonth = HoursPerMonth * 60   // 43,800
)

// parseSourceLine reads one source line of a generated CSV table ([ScanTable]),
// "@source,<key>,<as_of>,<url>,<note>": the note is the rest of the line,
// and may be empty. It is how the generated tables (the instance table
// here, EC2 prices in package cost) name the source of each row by key.
func parseSourceLine(line string) (key string, s Source, err error) {
	f := strings.SplitN(line, ",", 5)
	if len(f) < 4 || f[0] != "@source" || f[1] == "" {
		return "", Source{}, errors.New(`is not "@source,<key>,<as_of>,<url>,<note>"`)
	}
	if s.AsOf, err = ParseDate(f[2]); err != nil {
		return "", Source{}, fmt.Errorf("has as_of %q, not a YYYY-MM-DD date", f[2])
	}
	s.URL = URL(f[3])
	if err := s.URL.Validate(); err != nil {
		return "", Source{}, fmt.Errorf("has source %q: %v", f[3], err)
	}
	if len(f) == 5 {
		s.Note = f[4]
	}
	return f[1], s, nil
}
