package ha

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/runwhere/runwhere/platform"
)

// SLA is the "sla" object of a report: a managed control plane's published
// commitment ([platform.SLA], whose one home is package platform) in one
// snapshot, with the availability it commits to. Availability is the zero
// Prob when none was published (Lambda in 2017-12); then Note says why.
type SLA struct {
	Platform     platform.ID
	Snapshot     platform.SnapshotID
	platform.SLA // percent, scope, inference and source
	Availability Prob
}

// MarshalJSON writes the report's "sla" object: platform, snapshot,
// percent, availability, scope, note, source, as_of and inference, the
// empty ones left out.
func (s SLA) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	field := func(key string, v any, omit bool) error {
		if omit {
			return nil
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:", key)
		// The caller's encoder escapes HTML, or not, in what this returns.
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
		return nil
	}
	for _, f := range []struct {
		key  string
		v    any
		omit bool
	}{
		{"platform", s.Platform, false},
		{"snapshot", s.Snapshot, false},
		{"percent", s.Percent.String(), s.None()},
		{"availability", s.Availability, s.Availability.IsZero()},
		{"scope", s.Scope, s.Scope == ""},
		{"note", s.Note, s.Note == ""},
		{"source", s.URL, false},
		{"as_of", s.AsOf, false},
		{"inference", s.Inference, !s.Inference},
	} {
		if err := field(f.key, f.v, f.omit); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ManagedSLA returns the SLA of a managed control plane in the given
// snapshot (any month; the zero id means [platform.Newest]), as package
// platform records it for the snapshot in force then
// ([platform.EmbeddedCatalogueAt]). Self-managed platforms have no SLA and
// get an error.
func (c *Catalogue) ManagedSLA(id platform.ID, snapshot platform.SnapshotID) (SLA, error) {
	p, err := c.Platform(id)
	if err != nil {
		return SLA{}, err
	}
	if p.ControlPlane != Managed {
		return SLA{}, fieldErr("platform", fmt.Sprintf("%q", id), "runs its own control plane and has no SLA")
	}
	month := snapshot
	if month == "" {
		month = platform.Newest
	}
	noEntry := func() error { return fieldErr("snapshot", fmt.Sprintf("%q", snapshot), "has no SLA entry for %s", id) }
	if _, err := platform.ParseSnapshotID(month.String()); err != nil {
		return SLA{}, noEntry()
	}
	all, err := loadSLAs()
	if err != nil {
		return SLA{}, err
	}
	var in slaSnapshot
	for _, s := range all { // oldest first: keep the last not after month
		if !s.id.After(month) {
			in = s
		}
	}
	if in.id == "" {
		return SLA{}, noEntry()
	}
	out, ok := in.slas[id]
	if g := c.given; !ok && g != nil && g.id == in.id {
		out, ok = g.slas[id]
	}
	if !ok {
		return SLA{}, fieldErr("snapshot", fmt.Sprintf("%q", snapshot), "has no SLA entry for %s: it is not in platform snapshot %s", id, in.id)
	}
	return out, nil
}

// slaSnapshot holds the SLAs of one platform snapshot, their availability
// parsed once.
type slaSnapshot struct {
	id   platform.SnapshotID
	slas map[platform.ID]SLA
}

// loadSLAs reads every embedded platform snapshot's SLAs once, oldest
// first. Nothing hands out the maps; ManagedSLA copies what it returns.
var loadSLAs = sync.OnceValues(func() ([]slaSnapshot, error) {
	var out []slaSnapshot
	for _, id := range platform.Snapshots() {
		cat, err := platform.EmbeddedCatalogue(id)
		if err != nil {
			return nil, err
		}
		s, err := slasOf(cat)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("ha: package platform has no snapshots")
	}
	return out, nil
})

// slasOf reads the SLAs of one platform catalogue.
func slasOf(cat platform.Catalogue) (slaSnapshot, error) {
	id := cat.Snapshot
	s := slaSnapshot{id: id, slas: map[platform.ID]SLA{}}
	for _, p := range cat.Platforms {
		if p.ControlPlane.SLA == nil {
			continue
		}
		sla := SLA{Platform: p.ID, Snapshot: id, SLA: *p.ControlPlane.SLA}
		if !sla.None() {
			var err error
			if sla.Availability, err = ParseProb(sla.Percent.String() + "%"); err != nil {
				return slaSnapshot{}, err
			}
		}
		s.slas[p.ID] = sla
	}
	return s, nil
}

// Snapshots returns the snapshots whose SLAs [Catalogue.ManagedSLA]
// reads: package platform's, oldest first.
func (c *Catalogue) Snapshots() []platform.SnapshotID { return platform.Snapshots() }
