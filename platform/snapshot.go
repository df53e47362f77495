package platform

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
)

// SnapshotID names a dated snapshot by its month, written YYYY-MM
// ("2026-11"). Ids order as their months do ([SnapshotID.Before],
// [SnapshotID.After]), and a month need not be an embedded snapshot's:
// [TaskSizes.In] and [EmbeddedCatalogueAt] take any. The zero SnapshotID
// is not a valid month; a function that takes one reads it as [Newest],
// and a decoded field left empty stays zero for its validation to refuse.
type SnapshotID string

// The embedded snapshots.
const (
	Snapshot2017 SnapshotID = "2017-12" // the limits in force when the 2017 deck was written
	Snapshot2026 SnapshotID = Newest    // today's
)

// Newest is the id of the newest embedded snapshot, [Snapshot2026], the
// default wherever a snapshot is left out. It is an untyped constant, so it
// serves as a [SnapshotID] and as the text of a scenario's snapshot alike.
const Newest = "2026-11"

// ParseSnapshotID returns the snapshot of month s, written YYYY-MM with a
// month from 01 to 12, or an error naming s.
func ParseSnapshotID(s string) (SnapshotID, error) {
	if !isMonth(s) {
		return "", fmt.Errorf("platform: snapshot %q is not a YYYY-MM month", input.Short(s))
	}
	return SnapshotID(s), nil
}

// MustParseSnapshotID is [ParseSnapshotID] for literals and tests: it
// panics when s is not a month.
func MustParseSnapshotID(s string) SnapshotID {
	id, err := ParseSnapshotID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// isMonth reports whether s is a month written YYYY-MM: four digits, a
// hyphen and a month 01 to 12.
func isMonth(s string) bool {
	if len(s) != len("2006-01") || s[4] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return false
		}
	}
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	return m >= 1 && m <= 12
}

// Before reports whether id is an earlier month than o. Both are taken
// to be valid: YYYY-MM text orders as the months do.
func (id SnapshotID) Before(o SnapshotID) bool { return id < o }

// After reports whether id is a later month than o.
func (id SnapshotID) After(o SnapshotID) bool { return id > o }

// String returns the id as written, YYYY-MM.
func (id SnapshotID) String() string { return string(id) }

// MarshalText implements [encoding.TextMarshaler]; the text is the id as
// written, so JSON and YAML hold the same string a plain field would.
func (id SnapshotID) MarshalText() ([]byte, error) { return []byte(id), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. Empty text gives
// the zero SnapshotID, as [SnapshotID.MarshalText] writes it; any other
// text must be a month.
func (id *SnapshotID) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*id = ""
		return nil
	}
	v, err := ParseSnapshotID(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// UnmarshalYAML reads a scalar month, as [SnapshotID.UnmarshalText] does,
// and reports a bad one with its position.
func (id *SnapshotID) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &FieldError{Line: n.Line, Column: n.Column, Field: "snapshot", Reason: "must be a YYYY-MM month"}
	}
	if err := id.UnmarshalText([]byte(n.Value)); err != nil {
		return &FieldError{Line: n.Line, Column: n.Column, Field: "snapshot", Value: input.Short(n.Value), Reason: "is not a YYYY-MM month"}
	}
	return nil
}
