package runwhere

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// ScenarioSchema describes every input field of a [Scenario] for a form
// or an editor: its path, kind, unit, default, allowed values, label and
// help, with the platforms and snapshots a scenario may name. The
// calculator page builds its form from it, so a field added to Scenario
// appears there without a change to the page.
//
// The fields and their kinds come from Scenario's yaml tags by
// reflection; the defaults from [Scenario.WithDefaults] itself; the
// labels, units and help from this package's field notes, which a test
// requires for every field.
type ScenarioSchema struct {
	Version string `json:"version"`
	// Snapshots are the embedded catalogues, newest first.
	Snapshots []string `json:"snapshots"`
	// Platforms are every platform id, in the order reports list them.
	Platforms []SchemaPlatform `json:"platforms"`
	// Groups are the top-level sections of a scenario, in the order of
	// Scenario's fields; the group "" holds the top-level scalar fields.
	Groups []SchemaGroup `json:"groups"`
	// Fields are every input field, in the order of Scenario's fields.
	Fields []SchemaField `json:"fields"`
}

// SchemaPlatform is one platform a scenario may name.
type SchemaPlatform struct {
	ID platform.ID `json:"id"`
	// Name is the catalogue's name ("Amazon ECS on Fargate"); Short
	// drops the vendor and qualifiers ("ECS on Fargate") for tight spots.
	Name  string `json:"name"`
	Short string `json:"short"`
	// Snapshots are the snapshots whose catalogue has the platform.
	Snapshots []string `json:"snapshots"`
	// Family is how the platform is sized and billed ("nodes", "tasks",
	// "functions", "function-instances"): the page groups platforms by it.
	Family platform.Family `json:"family"`
	// Arrived is the month the platform became generally available
	// (YYYY-MM), where the catalogue records it.
	Arrived string `json:"arrived,omitempty"`
}

// SchemaGroup is a section of a scenario: the fields under one top-level
// key ("workload"), or "" for the top-level scalar fields.
type SchemaGroup struct {
	Path  string `json:"path"`
	Label string `json:"label"`
	Help  string `json:"help,omitempty"`
	// AppliesTo lists the platforms the group's settings affect, when
	// that is not every platform.
	AppliesTo []platform.ID `json:"applies_to,omitempty"`
}

// FieldKind is how a field's value is written.
type FieldKind string

// The kinds of scenario fields.
const (
	KindString  FieldKind = "string"  // free text
	KindEnum    FieldKind = "enum"    // one of SchemaField.Enum
	KindDecimal FieldKind = "decimal" // an exact decimal number
	KindNumber  FieldKind = "number"  // a binary floating-point number (probabilities)
	KindInteger FieldKind = "integer" // a whole number
	KindBool    FieldKind = "bool"
	KindMoney   FieldKind = "money" // a decimal written as a string, as money is in reports
	KindList    FieldKind = "list"  // a list of SchemaField.Items
)

// SchemaField is one input field of a scenario.
type SchemaField struct {
	// Path is the field's dotted YAML/JSON path ("workload.duration_ms"),
	// as field errors name it.
	Path string `json:"path"`
	// Group is the path of the group the field belongs to.
	Group string    `json:"group"`
	Kind  FieldKind `json:"kind"`
	// Items is the kind of a list's elements.
	Items FieldKind `json:"items,omitempty"`
	Label string    `json:"label"`
	Unit  string    `json:"unit,omitempty"`
	Help  string    `json:"help"`
	// Example is a value to show in an empty field that has no default.
	Example string `json:"example,omitempty"`
	// Enum lists the values an enum field (or a list's elements) may take.
	Enum []string `json:"enum,omitempty"`
	// Default is the value the newest snapshot assumes when the field is
	// left out, as JSON in the form a report's inputs give it: decimals
	// as strings, whole numbers and probabilities as numbers. Absent when
	// the default follows other fields (DefaultNote says how) or when
	// there is none.
	Default json.RawMessage `json:"default,omitempty"`
	// DefaultBySnapshot holds the defaults of older snapshots that differ
	// from Default.
	DefaultBySnapshot map[string]json.RawMessage `json:"default_by_snapshot,omitempty"`
	// DefaultNote says in a word or two what a field left out takes when
	// that is not one fixed value ("mean", "catalogue").
	DefaultNote string `json:"default_note,omitempty"`
	// Required fields must be given.
	Required bool `json:"required,omitempty"`
	// OneOf names the field that may be given instead of this one; give
	// exactly one of the two.
	OneOf string `json:"one_of,omitempty"`
	// AppliesTo lists the platforms the field affects when that is fewer
	// than its group's.
	AppliesTo []platform.ID `json:"applies_to,omitempty"`
	// WorkloadKind is "service" or "job" for a field of that kind of
	// workload only (workload.kind): on the other kind it is an error.
	WorkloadKind string `json:"workload_kind,omitempty"`
	// Min and Max are the range of a number (of a list's numbers), as
	// decimal text; MinExclusive or MaxExclusive when the bound itself
	// is refused ("0" and MinExclusive: greater than zero). Every decimal
	// also has at most 34 significant digits and an exponent within ±40,
	// and no value may make a quantity computed from it carry more
	// digits than that (the README's "Limits on input" lists them).
	Min          string `json:"min,omitempty"`
	Max          string `json:"max,omitempty"`
	MinExclusive bool   `json:"min_exclusive,omitempty"`
	MaxExclusive bool   `json:"max_exclusive,omitempty"`
}

// Schema describes every input field of a Scenario; see [ScenarioSchema].
// The result is built afresh on each call and shares nothing with
// another.
func Schema() (ScenarioSchema, error) {
	snaps := snapshotNames()
	slices.Reverse(snaps)
	if len(snaps) == 0 || snaps[0] != platform.Newest {
		return ScenarioSchema{}, fmt.Errorf("runwhere: schema: the newest embedded snapshot is not %s: %v", platform.Newest, snaps)
	}
	cats := make(map[string]platform.Catalogue, len(snaps))
	for _, id := range snaps {
		c, err := platformCatalogue(id)
		if err != nil {
			return ScenarioSchema{}, fmt.Errorf("runwhere: schema: %w", err)
		}
		cats[id] = c
	}
	out := ScenarioSchema{Version: Version, Snapshots: snaps}
	for _, id := range platform.IDs() {
		sp := SchemaPlatform{ID: id, Snapshots: []string{}}
		for _, s := range snaps { // newest first: the newest name wins
			if p, ok := cats[s].Platform(id); ok {
				if sp.Name == "" {
					sp.Name, sp.Family = p.Name, p.Family
					if p.Arrived != nil {
						sp.Arrived = p.Arrived.Month
					}
				}
				sp.Snapshots = append(sp.Snapshots, s)
			}
		}
		if sp.Name == "" {
			sp.Name = string(id)
		}
		sp.Short = shortName(sp.Name)
		out.Platforms = append(out.Platforms, sp)
	}
	newest := cats[platform.Newest]
	defaults, err := probeDefaults(snaps)
	if err != nil {
		return ScenarioSchema{}, err
	}
	required := setPaths(reflect.ValueOf(requiredProbe(1)))

	groups := map[string]bool{}
	for _, l := range scenarioLeaves() {
		g := groupOf(l.path)
		if !groups[g] {
			groups[g] = true
			gm, ok := groupNotes[g]
			if !ok {
				return ScenarioSchema{}, fmt.Errorf("runwhere: schema: group %q has no notes (add it to groupNotes)", g)
			}
			out.Groups = append(out.Groups, SchemaGroup{Path: g, Label: gm.label, Help: gm.help, AppliesTo: appliesTo(newest, gm.appliesTo)})
		}
		m, ok := fieldNotes[l.path]
		if !ok {
			return ScenarioSchema{}, fmt.Errorf("runwhere: schema: field %s has no notes (add it to fieldNotes)", l.path)
		}
		f := SchemaField{
			Path: l.path, Group: g, Kind: l.kind, Items: l.items,
			Label: m.label, Unit: m.unit, Help: m.help, Example: m.example,
			DefaultNote: m.defaultNote, OneOf: m.oneOf,
			AppliesTo:    appliesTo(newest, m.appliesTo),
			WorkloadKind: workloadKindOf(l.path),
		}
		if m.kind != "" {
			f.Kind = m.kind
		}
		if m.enum != nil {
			f.Enum = m.enum()
			if f.Kind == KindString {
				f.Kind = KindEnum
			}
			if f.Items == KindString {
				f.Items = KindEnum
			}
		}
		if f.Kind == KindEnum || f.Items == KindEnum {
			if len(f.Enum) == 0 {
				return ScenarioSchema{}, fmt.Errorf("runwhere: schema: enum field %s lists no values", l.path)
			}
		}
		f.Required = required[l.path] && m.oneOf == ""
		if b, ok := fieldBounds[l.path]; ok {
			f.Min, f.Max, f.MinExclusive, f.MaxExclusive = b.min, b.max, b.minOpen, b.maxOpen
		} else if isNumeric(f.Kind) || isNumeric(f.Items) {
			return ScenarioSchema{}, fmt.Errorf("runwhere: schema: number field %s has no bounds (add it to fieldBounds)", l.path)
		}
		if d, ok := defaults[l.path]; ok {
			f.Default = d.value
			f.DefaultBySnapshot = d.bySnapshot
		}
		out.Fields = append(out.Fields, f)
	}
	return out, nil
}

// shortName drops the vendor and a "(self-managed)" from a catalogue name.
func shortName(name string) string {
	for _, vendor := range []string{"AWS ", "Amazon ", "Docker ", "HashiCorp "} {
		name = strings.TrimPrefix(name, vendor)
	}
	return strings.TrimSuffix(name, " (self-managed)")
}

// appliesTo lists the platforms of c that keep says apply, or none when
// keep is nil.
func appliesTo(c platform.Catalogue, keep func(platform.Platform) bool) []platform.ID {
	if keep == nil {
		return nil
	}
	ids := []platform.ID{}
	for _, p := range c.Platforms {
		if keep(p) {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

func groupOf(path string) string {
	g, _, nested := strings.Cut(path, ".")
	if !nested {
		return ""
	}
	return g
}

// leaf is one input field found by reflection.
type leaf struct {
	path  string
	kind  FieldKind
	items FieldKind
	index []int // reflect field index path from Scenario
}

var (
	decimalType  = reflect.TypeFor[decimal.Decimal]()
	scenarioType = reflect.TypeFor[Scenario]()
)

// scenarioLeaves lists Scenario's input fields, depth first, by their
// yaml names. A field of a type it cannot describe is listed with an
// empty kind, which the schema test reports.
func scenarioLeaves() []leaf {
	var out []leaf
	var walk func(t reflect.Type, prefix string, index []int)
	walk = func(t reflect.Type, prefix string, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if name == "-" || !sf.IsExported() {
				continue
			}
			if name == "" {
				name = strings.ToLower(sf.Name)
			}
			path := prefix + name
			idx := append(slices.Clone(index), i)
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != decimalType {
				walk(ft, path+".", idx)
				continue
			}
			l := leaf{path: path, index: idx, kind: kindOf(ft)}
			if ft.Kind() == reflect.Slice {
				l.kind, l.items = KindList, kindOf(ft.Elem())
			}
			out = append(out, l)
		}
	}
	walk(scenarioType, "", nil)
	return out
}

func kindOf(t reflect.Type) FieldKind {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == decimalType:
		return KindDecimal
	case t.Kind() == reflect.String:
		return KindString
	case t.Kind() == reflect.Bool:
		return KindBool
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return KindInteger
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return KindNumber
	}
	return ""
}

// setPaths returns the leaf paths that are set (non-nil, non-zero) in v,
// a Scenario.
func setPaths(v reflect.Value) map[string]bool {
	out := map[string]bool{}
	for _, l := range scenarioLeaves() {
		if f, ok := fieldByIndex(v, l.index); ok && !f.IsZero() {
			out[l.path] = true
		}
	}
	return out
}

// fieldByIndex is reflect.Value.FieldByIndex that reports a nil pointer
// on the way instead of panicking.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for _, i := range index {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return v, true
}

// requiredProbe is the smallest scenario WithDefaults accepts, scaled by
// k: a test checks that leaving out any of its fields is an error. The
// fields it sets are the required ones.
func requiredProbe(k int64) Scenario {
	return Scenario{Workload: Workload{
		RequestsPerSecond: ptr(decimal.NewFromInt(k)),
		DurationMS:        ptr(decimal.NewFromInt(k * 1000)),
		MemoryMB:          ptr(k * DefaultContainerMemory),
	}}
}

type probedDefault struct {
	value      json.RawMessage
	bySnapshot map[string]json.RawMessage
}

// probeDefaults fills in two different minimal scenarios with
// WithDefaults, once per snapshot, and keeps the fields that come out the
// same in both: those are the fixed defaults; the others follow the
// scenario's own values. snaps[0] is the newest snapshot, whose defaults
// are the scenario's when it names none.
func probeDefaults(snaps []string) (map[string]probedDefault, error) {
	out := map[string]probedDefault{}
	for i, snap := range snaps {
		var fixed map[string]json.RawMessage
		for _, k := range []int64{1, 3} {
			s := requiredProbe(k)
			if i > 0 {
				s.Snapshot = snap
			}
			d, err := s.WithDefaults()
			if err != nil {
				return nil, fmt.Errorf("runwhere: schema: defaults of snapshot %s: %w", snap, err)
			}
			vals, err := leafJSON(d)
			if err != nil {
				return nil, err
			}
			if fixed == nil {
				fixed = vals
				continue
			}
			for p, v := range fixed {
				if !bytes.Equal(vals[p], v) {
					delete(fixed, p)
				}
			}
		}
		for p, v := range fixed {
			if i == 0 {
				out[p] = probedDefault{value: v}
				continue
			}
			if p == "snapshot" { // the probe's own choice, not a default
				continue
			}
			d := out[p]
			if !bytes.Equal(d.value, v) {
				if d.bySnapshot == nil {
					d.bySnapshot = map[string]json.RawMessage{}
				}
				d.bySnapshot[snap] = v
				out[p] = d
			}
		}
	}
	return out, nil
}

// leafJSON returns the JSON of every set leaf of s by path, as a report's
// inputs write it.
func leafJSON(s Scenario) (map[string]json.RawMessage, error) {
	v := reflect.ValueOf(s)
	out := map[string]json.RawMessage{}
	for _, l := range scenarioLeaves() {
		f, ok := fieldByIndex(v, l.index)
		if !ok || f.IsZero() { // left out, or empty text such as a name
			continue
		}
		b, err := json.Marshal(f.Interface())
		if err != nil {
			return nil, fmt.Errorf("runwhere: schema: default of %s: %w", l.path, err)
		}
		out[l.path] = b
	}
	return out, nil
}
