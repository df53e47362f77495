package ha

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Control-plane kinds, as package platform names them
// ([platform.Consensus]).
const (
	Raft    = string(platform.Raft)    // self-managed Raft members: Swarm managers, etcd, Nomad servers
	Managed = string(platform.Managed) // run by the provider; the user has no members to lose
)

//go:embed data
var embedded embed.FS

// Catalogue holds the failure scenarios and their sources. What each
// platform is (its consensus, who runs its workers, its SLAs) is package
// platform's, read from there. It is immutable once loaded; the zero
// Catalogue is empty. Use [EmbeddedCatalogue] for the embedded data or
// [LoadCatalogue] for your own.
type Catalogue struct {
	// given holds the SLAs of the platform catalogue the catalogue was
	// loaded for (LoadCatalogueFor), which may hold platforms the
	// embedded snapshots do not; nil for the embedded catalogue.
	given     *slaSnapshot
	sources   map[string]Source
	platforms map[platform.ID]PlatformInfo
	behaviour map[platform.ID]map[Event]Behaviour
}

// Source is a document the catalogue cites. URL is empty only for the 2017
// deck, which is cited by Citation.
type Source struct {
	URL      string `yaml:"url" json:"url,omitempty"`
	Citation string `yaml:"citation" json:"citation"`
	Kind     string `yaml:"kind" json:"kind"` // primary, secondary or deck
	AsOf     string `yaml:"as_of" json:"as_of"`
}

// PlatformInfo says how a platform's control plane and workers are run, as
// package platform's newest snapshot records it.
type PlatformInfo struct {
	ID           platform.ID `json:"platform"`
	Name         string      `json:"name"`
	ControlPlane string      `json:"control_plane"` // Raft or Managed
	Workers      bool        `json:"workers"`       // the user runs worker nodes
	// quorumSource documents the quorum rule of a Raft control plane the
	// user runs: the scenario file's quorum_source.
	quorumSource string
	// zoneMembers and zoneSource: a managed control plane's published
	// quorum members, one per zone (platform's ControlPlane.ZoneMembers).
	zoneMembers int
	zoneSource  string
}

// infoOf is what ha needs of p.
func infoOf(p platform.Platform) PlatformInfo {
	info := PlatformInfo{ID: p.ID, Name: p.Name, ControlPlane: string(p.ControlPlane.Consensus), Workers: p.Workers.Value == platform.User}
	if zm := p.ControlPlane.ZoneMembers; zm != nil && zm.Value > 0 {
		info.zoneMembers, info.zoneSource = int(zm.Value), string(zm.URL)
	}
	return info
}

// EmbeddedCatalogue returns the embedded catalogue, parsed once. Each call
// returns a Catalogue of its own, so that `*c = ha.Catalogue{}` cannot empty
// the one every evaluation reads; the tables it refers to are never written
// after loading and no method hands them out, so they are shared.
func EmbeddedCatalogue() (*Catalogue, error) {
	c, err := loadDefault()
	if err != nil {
		return nil, err
	}
	own := *c
	return &own, nil
}

// Default returns the embedded catalogue.
//
// Deprecated: use [EmbeddedCatalogue].
func Default() (*Catalogue, error) { return EmbeddedCatalogue() }

var loadDefault = sync.OnceValues(func() (*Catalogue, error) {
	return LoadCatalogue(embedded, "data")
})

// LoadCatalogue reads a catalogue from directory dir of fsys ("." for its
// root): sources.yaml and one scenarios/<platform>.yaml per platform, which
// errors name relative to dir. Decoding is strict (unknown fields are
// errors) and every cell must cite a known source with a URL.
func LoadCatalogue(fsys fs.FS, dir string) (*Catalogue, error) {
	newest, err := platform.EmbeddedCatalogue(platform.Newest)
	if err != nil {
		return nil, err
	}
	return LoadCatalogueFor(fsys, dir, newest)
}

// LoadCatalogueFor is [LoadCatalogue] for the platforms of a caller's own
// catalogue: each scenario file's platform must be one of platforms', and
// its name, control plane and workers are read from there. It is how a
// platform runwhere does not ship gets its failure scenarios.
func LoadCatalogueFor(fsys fs.FS, dir string, platforms platform.Catalogue) (*Catalogue, error) {
	fsys, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("ha: %w", err)
	}
	c := &Catalogue{
		platforms: map[platform.ID]PlatformInfo{},
		behaviour: map[platform.ID]map[Event]Behaviour{},
	}
	if platforms.Snapshot != "" {
		given, err := slasOf(platforms)
		if err != nil {
			return nil, err
		}
		c.given = &given
	}
	var src struct {
		Sources map[string]Source `yaml:"sources"`
	}
	if err := decodeFile(fsys, "sources.yaml", &src); err != nil {
		return nil, err
	}
	c.sources = src.Sources
	for key, s := range c.sources {
		if s.Citation == "" || s.AsOf == "" || (s.URL == "" && s.Kind != "deck") {
			return nil, fmt.Errorf("ha: sources.yaml: %s: needs citation, as_of and (unless a deck) url", key)
		}
		if !isDate(s.AsOf) {
			return nil, fmt.Errorf("ha: sources.yaml: %s: as_of: %s is not a date (YYYY-MM-DD, or YYYY-MM or YYYY for a publication)", key, input.Short(s.AsOf))
		}
	}
	names, err := fs.Glob(fsys, "scenarios/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("ha: %w", err)
	}
	for _, name := range names {
		if err := c.addPlatform(fsys, name, platforms); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Load reads a catalogue from the root of fsys.
//
// Deprecated: use [LoadCatalogue].
func Load(fsys fs.FS) (*Catalogue, error) { return LoadCatalogue(fsys, ".") }

func decodeFile(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("ha: %w", err)
	}
	return decodeStrict(name, b, v)
}

// decodeStrict reads one YAML document through the shared strict decoder:
// bounded size, no unknown fields, numbers checked on their text.
func decodeStrict(name string, b []byte, v any) error {
	if err := input.Decode(b, v, fileLimits); err != nil {
		return fmt.Errorf("ha: %s: %w", name, err)
	}
	return nil
}

// fileLimits bound one file of an HA catalogue; the embedded ones are
// under 16 KiB.
var fileLimits = input.Limits{MaxBytes: 1 << 20, MaxNodes: 100_000, MaxItems: 1000, MaxString: 4096}

type rawCell struct {
	Value     Value  `yaml:"value"`
	Source    string `yaml:"source"`
	Note      string `yaml:"note"`
	Inference bool   `yaml:"inference"`
}

type rawRecovery struct {
	Text      string `yaml:"text"`
	Source    string `yaml:"source"`
	Inference bool   `yaml:"inference"`
}

type rawClaim struct {
	Claim   string `yaml:"claim"`
	Source  string `yaml:"source"`
	Verdict string `yaml:"verdict"`
}

type rawBehaviour struct {
	Running          rawCell     `yaml:"running_workloads_continue"`
	Rescheduling     rawCell     `yaml:"rescheduling"`
	Deployments      rawCell     `yaml:"deployments"`
	Autoscaling      rawCell     `yaml:"autoscaling"`
	ServiceDiscovery rawCell     `yaml:"service_discovery"`
	Recovery         rawRecovery `yaml:"recovery"`
	Deck             *rawClaim   `yaml:"deck"`
}

type rawPlatform struct {
	Platform platform.ID `yaml:"platform"`
	// QuorumSource is the source key documenting the quorum rule of a Raft
	// control plane the user runs (required for those, refused otherwise).
	QuorumSource string                 `yaml:"quorum_source,omitempty"`
	Events       map[Event]rawBehaviour `yaml:"events"`
}

func (c *Catalogue) addPlatform(fsys fs.FS, name string, platforms platform.Catalogue) error {
	var r rawPlatform
	if err := decodeFile(fsys, name, &r); err != nil {
		return err
	}
	where := "ha: " + name
	id := r.Platform
	if id == "" {
		return fmt.Errorf("%s: platform is missing", where)
	}
	if path.Base(name) != id.String()+".yaml" {
		return fmt.Errorf("%s: platform %q belongs in scenarios/%s.yaml", where, r.Platform, r.Platform)
	}
	info, err := infoIn(platforms, id)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if (info.ControlPlane == Raft) != (r.QuorumSource != "") {
		return fmt.Errorf("%s: quorum_source: %q: is required for a Raft control plane the user runs, and only for one", where, r.QuorumSource)
	}
	if r.QuorumSource != "" {
		src, ok := c.sources[r.QuorumSource]
		if !ok || src.URL == "" {
			return fmt.Errorf("%s: quorum_source: %q is not a source of sources.yaml with a URL", where, r.QuorumSource)
		}
		info.quorumSource = src.URL
	}
	c.platforms[id] = info
	byEvent := map[Event]Behaviour{}
	for e := range r.Events {
		if _, err := ParseEvent(string(e)); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	for _, e := range events {
		rb, ok := r.Events[e]
		if !ok {
			return fmt.Errorf("%s: event %s is missing", where, e)
		}
		b, err := c.behaviour1(id, e, rb)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", where, e, err)
		}
		byEvent[e] = b
	}
	c.behaviour[id] = byEvent
	// A platform has worker nodes to lose when the user runs them, or
	// when its scenario file says what losing one does (the instances AWS
	// runs in the user's account for EKS Auto Mode): Fargate's and
	// Lambda's worker-lost rows are n/a.
	if !info.Workers && byEvent[WorkerLost].RunningWorkloadsContinue.Value != NotApplicable {
		info.Workers = true
		c.platforms[id] = info
	}
	return nil
}

// infoIn is what catalogue cat says of id.
func infoIn(cat platform.Catalogue, id platform.ID) (PlatformInfo, error) {
	p, ok := cat.Platform(id)
	if !ok {
		return PlatformInfo{}, fmt.Errorf("platform %q is not in platform snapshot %s", id, cat.Snapshot)
	}
	return infoOf(p), nil
}

func (c *Catalogue) behaviour1(id platform.ID, e Event, r rawBehaviour) (Behaviour, error) {
	b := Behaviour{Platform: id, Event: e}
	cells := []struct {
		name string
		raw  rawCell
		dst  *Cell
	}{
		{"running_workloads_continue", r.Running, &b.RunningWorkloadsContinue},
		{"rescheduling", r.Rescheduling, &b.Rescheduling},
		{"deployments", r.Deployments, &b.Deployments},
		{"autoscaling", r.Autoscaling, &b.Autoscaling},
		{"service_discovery", r.ServiceDiscovery, &b.ServiceDiscovery},
	}
	for _, x := range cells {
		if !x.raw.Value.valid() {
			return b, fmt.Errorf("%s: value %q is not yes, no, partial, n/a or unknown", x.name, x.raw.Value)
		}
		s, err := c.cite(x.raw.Source, false)
		if err != nil {
			return b, fmt.Errorf("%s: %w", x.name, err)
		}
		*x.dst = Cell{Value: x.raw.Value, Note: x.raw.Note, Source: s.URL, AsOf: s.AsOf, Inference: x.raw.Inference}
	}
	if strings.TrimSpace(r.Recovery.Text) == "" {
		return b, errors.New("recovery: text is empty")
	}
	s, err := c.cite(r.Recovery.Source, false)
	if err != nil {
		return b, fmt.Errorf("recovery: %w", err)
	}
	b.Recovery = Recovery{Text: r.Recovery.Text, Source: s.URL, AsOf: s.AsOf, Inference: r.Recovery.Inference}
	if r.Deck != nil {
		s, err := c.cite(r.Deck.Source, true)
		if err != nil {
			return b, fmt.Errorf("deck: %w", err)
		}
		if r.Deck.Claim == "" || r.Deck.Verdict == "" {
			return b, errors.New("deck: claim and verdict are required")
		}
		b.Deck = Claim{Text: r.Deck.Claim, Source: s.Citation, Verdict: r.Deck.Verdict}
	}
	return b, nil
}

// cite resolves a source key. Cells need a URL; deck claims a citation.
func (c *Catalogue) cite(key string, deck bool) (Source, error) {
	if key == "" {
		return Source{}, errors.New("source is missing")
	}
	s, ok := c.sources[key]
	if !ok {
		return Source{}, fmt.Errorf("source %q is not in sources.yaml", key)
	}
	if !deck && s.URL == "" {
		return Source{}, fmt.Errorf("source %q has no URL", key)
	}
	return s, nil
}

// Platforms returns the platforms in the catalogue, sorted by id.
func (c *Catalogue) Platforms() []PlatformInfo {
	out := make([]PlatformInfo, 0, len(c.platforms))
	for _, p := range c.platforms {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Platform returns what the catalogue knows of one platform.
func (c *Catalogue) Platform(id platform.ID) (PlatformInfo, error) {
	p, ok := c.platforms[id]
	if !ok {
		return PlatformInfo{}, fieldErr("platform", fmt.Sprintf("%q", id), "is unknown (want one of %v)", platform.IDs())
	}
	return p, nil
}

// Behaviour returns what platform id still does after event e.
func (c *Catalogue) Behaviour(id platform.ID, e Event) (Behaviour, error) {
	if _, err := c.Platform(id); err != nil {
		return Behaviour{}, err
	}
	b, ok := c.behaviour[id][e]
	if !ok {
		return Behaviour{}, fieldErr("event", fmt.Sprintf("%q", e), "is unknown")
	}
	return b, nil
}

// Behaviours returns what platform id still does after each event, in the
// order of [Events], for a full table.
func (c *Catalogue) Behaviours(id platform.ID) ([]Behaviour, error) {
	if _, err := c.Platform(id); err != nil {
		return nil, err
	}
	out := make([]Behaviour, 0, len(events))
	for _, e := range events {
		out = append(out, c.behaviour[id][e])
	}
	return out, nil
}

// Lookup returns what platform id still does after event e, from the
// embedded catalogue.
func Lookup(id platform.ID, e Event) (Behaviour, error) {
	c, err := loadDefault()
	if err != nil {
		return Behaviour{}, err
	}
	return c.Behaviour(id, e)
}

// Sources returns the catalogue's sources by key.
func (c *Catalogue) Sources() map[string]Source {
	out := make(map[string]Source, len(c.sources))
	for k, v := range c.sources {
		out[k] = v
	}
	return out
}

// isDate reports whether s is a real date written YYYY-MM-DD, or a month
// (YYYY-MM) or year (YYYY), as a deck or book is dated.
func isDate(s string) bool {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
