package platform

import (
	"fmt"
	"net/url"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a calendar date (no time of day, no zone), the as-of date of a
// figure. The zero Date is not a valid as-of date; it means "missing".
type Date struct {
	t time.Time // midnight UTC; zero when unset
}

// DateOf returns the Date of year y, month m and day d. It does not
// normalise: callers pass real dates.
func DateOf(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate parses a date written YYYY-MM-DD and rejects dates that do not
// exist (2026-02-30).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("platform: date %q is not a real YYYY-MM-DD date", s)
	}
	return Date{t}, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText implements [encoding.TextMarshaler].
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalYAML reads a scalar date and reports a bad one with its position.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &FieldError{Line: n.Line, Column: n.Column, Field: "as_of", Value: n.Value, Reason: "must be a YYYY-MM-DD date"}
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return &FieldError{Line: n.Line, Column: n.Column, Field: "as_of", Value: n.Value, Reason: "is not a real YYYY-MM-DD date"}
	}
	*d = v
	return nil
}

// MarshalYAML writes d as YYYY-MM-DD.
func (d Date) MarshalYAML() (any, error) { return d.String(), nil }

// URL is the address of a public source. A valid URL is absolute, with an
// http or https scheme and a host.
type URL string

// Validate reports whether u is a usable source address: absolute, http
// or https, with a host. Other catalogues (capacity's instance shapes) use
// it so that one rule decides what counts as a source.
func (u URL) Validate() error {
	if u == "" {
		return fmt.Errorf("is missing")
	}
	p, err := url.Parse(string(u))
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return fmt.Errorf("is not an http(s) URL")
	}
	return nil
}
