package platform

import (
	"embed"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/runwhere/runwhere/internal/input"
)

// Catalogue is one dated snapshot of every platform's figures. Each call
// of [EmbeddedCatalogue] returns a copy of its own, which the caller may
// change.
type Catalogue struct {
	// Snapshot names the month the figures describe ("2026-11").
	Snapshot  SnapshotID `yaml:"snapshot" json:"snapshot"`
	Platforms []Platform `yaml:"platforms" json:"platforms"`
	// Claims records published statements that differ from the sources
	// (the 2017 deck's figures), beside the modelled values.
	Claims []PlatformClaim `yaml:"claims,omitempty" json:"claims,omitempty"`
}

// PlatformClaim is a [Claim] about one platform.
type PlatformClaim struct {
	Platform ID `yaml:"platform" json:"platform"`
	Claim    `yaml:",inline" json:",inline"`
}

// Platform returns the platform with the given id.
func (c Catalogue) Platform(id ID) (Platform, bool) {
	for _, p := range c.Platforms {
		if p.ID == id {
			return p, true
		}
	}
	return Platform{}, false
}

// ClaimsAbout returns the recorded claims about platform id.
func (c Catalogue) ClaimsAbout(id ID) []Claim {
	var out []Claim
	for _, pc := range c.Claims {
		if pc.Platform == id {
			out = append(out, pc.Claim)
		}
	}
	return out
}

//go:embed data/*.yaml
var embedded embed.FS

var loadEmbedded = sync.OnceValues(func() (map[SnapshotID]Catalogue, error) {
	entries, err := embedded.ReadDir("data")
	if err != nil {
		return nil, err
	}
	out := make(map[SnapshotID]Catalogue, len(entries))
	for _, e := range entries {
		if e.Name() == instancesFile || e.Name() == taskSizesFile {
			continue // tables of every snapshot: see EmbeddedInstances, EmbeddedTaskSizes
		}
		name := path.Join("data", e.Name())
		data, err := embedded.ReadFile(name)
		if err != nil {
			return nil, err
		}
		c, err := ParseCatalogue(name, data)
		if err != nil {
			return nil, err
		}
		if want := SnapshotID(strings.TrimSuffix(e.Name(), ".yaml")); c.Snapshot != want {
			return nil, fmt.Errorf("platform: %s holds snapshot %q, want %q", name, c.Snapshot, want)
		}
		out[c.Snapshot] = c
	}
	return out, nil
})

// EmbeddedCatalogue returns the embedded catalogue of snapshot id
// ([Snapshot2017], [Snapshot2026]); the zero id means [Newest]. The
// catalogue is a deep copy: changing it cannot reach the next caller or an
// evaluation under way.
func EmbeddedCatalogue(id SnapshotID) (Catalogue, error) {
	all, err := loadEmbedded()
	if err != nil {
		return Catalogue{}, err
	}
	if id == "" {
		id = Newest
	}
	c, ok := all[id]
	if !ok {
		return Catalogue{}, fmt.Errorf("platform: unknown snapshot %q (embedded: %v)", input.Short(string(id)), Snapshots())
	}
	return c.Clone(), nil
}

// Snapshot returns the embedded catalogue with the given id.
//
// Deprecated: use [EmbeddedCatalogue].
func Snapshot(id string) (Catalogue, error) { return EmbeddedCatalogue(SnapshotID(id)) }

// EmbeddedCatalogueAt returns the embedded catalogue in force in month:
// the newest snapshot not after it, a deep copy. A month before the oldest
// snapshot is an error: nothing was recorded then.
func EmbeddedCatalogueAt(month SnapshotID) (Catalogue, error) {
	if _, err := ParseSnapshotID(string(month)); err != nil {
		return Catalogue{}, err
	}
	if _, err := loadEmbedded(); err != nil {
		return Catalogue{}, err
	}
	ids := Snapshots()
	for i := len(ids) - 1; i >= 0; i-- {
		if !ids[i].After(month) {
			return EmbeddedCatalogue(ids[i])
		}
	}
	return Catalogue{}, fmt.Errorf("platform: no snapshot in force in %s (the oldest is %s)", month, ids[0])
}

// SnapshotAt returns the embedded catalogue in force in month (YYYY-MM).
//
// Deprecated: use [EmbeddedCatalogueAt].
func SnapshotAt(month string) (Catalogue, error) { return EmbeddedCatalogueAt(SnapshotID(month)) }

// Snapshots lists the ids of the embedded catalogues, oldest first.
func Snapshots() []SnapshotID {
	all, err := loadEmbedded()
	if err != nil {
		return nil
	}
	ids := make([]SnapshotID, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// ParseCatalogue reads a catalogue from YAML and validates every figure:
// unknown fields, wrong types, negative limits, missing or malformed
// sources, as-of dates and snapshot months are errors that name the
// position, the field and the value. name labels the data in errors (a
// file name, or "" for none).
func ParseCatalogue(name string, data []byte) (Catalogue, error) {
	var c Catalogue
	doc, err := input.DecodeNode(data, &c, catalogueLimits)
	if err != nil {
		// The decoder's refusals and those of a field's own UnmarshalYAML
		// (an id, a date) are the same *FieldError.
		var fe *FieldError
		if errors.As(err, &fe) {
			if fe.Field == "" && fe.Reason == "is empty" {
				return Catalogue{}, fmt.Errorf("platform: %s: empty catalogue", orInput(name))
			}
			fe.File, fe.Field, fe.Value = name, orWhole(fe.Field), input.Short(fe.Value)
			return Catalogue{}, input.Prefix("platform", fe)
		}
		return Catalogue{}, fmt.Errorf("platform: %s: %w", orInput(name), err)
	}
	if err := validate(c, doc); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			fe.File = name
		}
		return Catalogue{}, input.Prefix("platform", err)
	}
	return c, nil
}

// Parse reads a catalogue from YAML.
//
// Deprecated: use [ParseCatalogue].
func Parse(name string, data []byte) (Catalogue, error) { return ParseCatalogue(name, data) }

// catalogueLimits bound a platform catalogue's text: the embedded ones are
// under 16 KiB and 3,000 nodes.
var catalogueLimits = input.Limits{MaxBytes: 1 << 20, MaxNodes: 100_000, MaxItems: 1000, MaxString: 4096}

// MaxLimitValue bounds every limit's value: the largest published figure
// is 300,000 (Kubernetes containers per cluster); a value near 2^63 would
// overflow the products sizing takes of it.
const MaxLimitValue = 1_000_000_000_000

func orWhole(field string) string {
	if field == "" {
		return "catalogue"
	}
	return field
}

func orInput(name string) string {
	if name == "" {
		return "input"
	}
	return name
}
