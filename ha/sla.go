package ha

import (
	"errors"
	"fmt"
	"slices"

	"github.com/runwhere/runwhere/internal/input"
)

// SLA is the published availability commitment of a managed control plane in
// one catalogue snapshot. Percent is empty when there was none (Lambda in
// 2017-12); then Availability is the zero Prob and Note says why.
type SLA struct {
	Platform     string `json:"platform"`
	Snapshot     string `json:"snapshot"`
	Percent      string `json:"percent,omitempty"`
	Availability Prob   `json:"availability,omitzero"`
	Scope        string `json:"scope,omitempty"`
	Note         string `json:"note,omitempty"`
	Source       string `json:"source"`
	AsOf         string `json:"as_of"`
	Inference    bool   `json:"inference,omitempty"`
}

// None reports whether the platform published no SLA in the snapshot.
func (s SLA) None() bool { return s.Percent == "" }

type rawSLA struct {
	Platform  string `yaml:"platform"`
	Snapshot  string `yaml:"snapshot"`
	Percent   string `yaml:"percent"`
	Scope     string `yaml:"scope"`
	Note      string `yaml:"note"`
	Source    string `yaml:"source"`
	Inference bool   `yaml:"inference"`
}

func (c *Catalogue) sla(r rawSLA) (SLA, error) {
	p, ok := c.platforms[r.Platform]
	switch {
	case !ok:
		return SLA{}, fmt.Errorf("platform %q has no scenarios file", r.Platform)
	case p.ControlPlane != Managed:
		return SLA{}, fmt.Errorf("platform %q is not managed", r.Platform)
	case r.Snapshot == "":
		return SLA{}, errors.New("snapshot is missing")
	case r.Percent == "" && r.Note == "":
		return SLA{}, errors.New("an entry without percent needs a note")
	}
	s, err := c.cite(r.Source, false)
	if err != nil {
		return SLA{}, err
	}
	out := SLA{Platform: r.Platform, Snapshot: r.Snapshot, Percent: r.Percent, Scope: r.Scope,
		Note: r.Note, Source: s.URL, AsOf: s.AsOf, Inference: r.Inference}
	if r.Percent != "" {
		// One rule for every number read from a file (see input); the
		// probability parser alone would take 1e-400.
		if _, err := input.ParseDecimal(r.Percent); err != nil {
			return SLA{}, fmt.Errorf("percent: %s %w", input.Short(r.Percent), err)
		}
		if out.Availability, err = ParseProb(r.Percent + "%"); err != nil {
			return SLA{}, err
		}
	}
	return out, nil
}

// ManagedSLA returns the SLA of a managed control plane in the given
// snapshot ("2017-12", "2026-11"; "" = the newest). A snapshot between two
// entries takes the latest entry not after it. Self-managed platforms have no
// SLA and get an error.
func (c *Catalogue) ManagedSLA(platform, snapshot string) (SLA, error) {
	p, err := c.Platform(platform)
	if err != nil {
		return SLA{}, err
	}
	if p.ControlPlane != Managed {
		return SLA{}, fieldErr("platform", fmt.Sprintf("%q", platform), "runs its own control plane and has no SLA")
	}
	var best *SLA
	for i := range c.slas {
		s := &c.slas[i]
		if s.Platform != platform || (snapshot != "" && s.Snapshot > snapshot) {
			continue
		}
		if best == nil || s.Snapshot > best.Snapshot {
			best = s
		}
	}
	if best == nil {
		return SLA{}, fieldErr("snapshot", fmt.Sprintf("%q", snapshot), "has no SLA entry for %s", platform)
	}
	return *best, nil
}

// Snapshots returns the snapshots that the SLA table covers, oldest first.
func (c *Catalogue) Snapshots() []string {
	var out []string
	for _, s := range c.slas {
		if !slices.Contains(out, s.Snapshot) {
			out = append(out, s.Snapshot)
		}
	}
	slices.Sort(out)
	return out
}
