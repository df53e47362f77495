package runwhere

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every field of Scenario has its words in fieldNotes and a kind the
// schema can describe, and every entry of fieldNotes and groupNotes names
// a field or group that exists: a field added to Scenario fails here
// until it is labelled, and a renamed one leaves no stale entry behind.
func TestSchemaNotesCoverEveryField(t *testing.T) {
	leaves := scenarioLeaves()
	require.NotEmpty(t, leaves)
	paths := map[string]bool{}
	groups := map[string]bool{}
	for _, l := range leaves {
		paths[l.path] = true
		groups[groupOf(l.path)] = true
		n, ok := fieldNotes[l.path]
		if !assert.True(t, ok, "Scenario field %s has no entry in fieldNotes (schema_notes.go)", l.path) {
			continue
		}
		assert.NotEmpty(t, l.kind, "Scenario field %s: the schema cannot describe its Go type", l.path)
		if l.kind == KindList {
			assert.NotEmpty(t, l.items, "Scenario field %s: the schema cannot describe its elements", l.path)
		}
		assert.NotEmpty(t, n.label, "fieldNotes[%s].label", l.path)
		assert.NotEmpty(t, n.help, "fieldNotes[%s].help", l.path)
		assert.True(t, strings.HasSuffix(n.help, "."), "fieldNotes[%s].help is a sentence ending in a full stop: %q", l.path, n.help)
	}
	for p := range fieldNotes {
		assert.True(t, paths[p], "fieldNotes has %s, which is no field of Scenario", p)
	}
	for g := range groups {
		assert.Contains(t, groupNotes, g, "Scenario group %q has no entry in groupNotes", g)
	}
	for g := range groupNotes {
		assert.True(t, groups[g], "groupNotes has %q, which is no group of Scenario", g)
	}
}

// The page and the YAML files speak the same names: every yaml tag has
// the same json tag.
func TestSchemaYAMLAndJSONNamesAgree(t *testing.T) {
	var walk func(t *testing.T, typ reflect.Type)
	walk = func(t *testing.T, typ reflect.Type) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			y, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			j, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			assert.Equal(t, y, j, "%s.%s: yaml name %q, json name %q", typ.Name(), f.Name, y, j)
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != decimalType {
				walk(t, ft)
			}
		}
	}
	walk(t, scenarioType)
}

// requiredProbe is minimal: it is accepted, and leaving out any one of
// its fields is an error, so the fields it sets are the required ones.
func TestRequiredProbeIsMinimal(t *testing.T) {
	_, err := requiredProbe(1).WithDefaults()
	require.NoError(t, err)
	set := setPaths(reflect.ValueOf(requiredProbe(1)))
	require.NotEmpty(t, set)
	for _, l := range scenarioLeaves() {
		if !set[l.path] {
			continue
		}
		t.Run(l.path, func(t *testing.T) {
			s := requiredProbe(1)
			f, ok := fieldByIndex(reflect.ValueOf(&s).Elem(), l.index)
			require.True(t, ok)
			f.SetZero()
			_, err := s.WithDefaults()
			assert.Error(t, err, "WithDefaults without %s", l.path)
		})
	}
}

func TestShortName(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"AWS Lambda", "Lambda"},
		{"Amazon ECS on Fargate", "ECS on Fargate"},
		{"Kubernetes (self-managed)", "Kubernetes"},
		{"HashiCorp Nomad", "Nomad"},
		{"Docker Swarm", "Swarm"},
		{"Something New", "Something New"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, shortName(tc.name), "shortName(%q)", tc.name)
		})
	}
}
