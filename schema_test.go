package runwhere_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/platform"
)

func schemaFields(t *testing.T) (runwhere.ScenarioSchema, map[string]runwhere.SchemaField) {
	t.Helper()
	s, err := runwhere.Schema()
	require.NoError(t, err)
	byPath := map[string]runwhere.SchemaField{}
	for _, f := range s.Fields {
		_, dup := byPath[f.Path]
		require.False(t, dup, "field %s listed twice", f.Path)
		byPath[f.Path] = f
	}
	return s, byPath
}

func TestSchemaFields(t *testing.T) {
	_, fields := schemaFields(t)
	dq := func(s string) string { return `"` + s + `"` }
	for _, tc := range []struct {
		path        string
		kind, items runwhere.FieldKind
		dflt        string // JSON; "" for none
		bySnapshot  map[string]string
		required    bool
	}{
		{path: "name", kind: runwhere.KindString},
		{path: "snapshot", kind: runwhere.KindEnum, dflt: dq(platform.Newest)},
		{path: "region", kind: runwhere.KindEnum, dflt: dq(runwhere.DefaultRegion)},
		{path: "platforms", kind: runwhere.KindList, items: runwhere.KindEnum,
			dflt: catalogueIDs(t, platform.Newest), bySnapshot: map[string]string{"2017-12": catalogueIDs(t, "2017-12")}},
		{path: "workload.requests_per_second", kind: runwhere.KindDecimal},
		{path: "workload.requests_per_month", kind: runwhere.KindDecimal},
		{path: "workload.peak_requests_per_second", kind: runwhere.KindDecimal},
		{path: "workload.duration_ms", kind: runwhere.KindDecimal, required: true},
		{path: "workload.memory_mb", kind: runwhere.KindInteger, required: true},
		{path: "workload.arch", kind: runwhere.KindEnum, dflt: dq(runwhere.DefaultArch)},
		{path: "workload.max_duration_s", kind: runwhere.KindDecimal},
		{path: "workload.cpu_fraction", kind: runwhere.KindDecimal, dflt: dq(runwhere.DefaultCPUFraction().String())},
		{path: "lambda.free_tier", kind: runwhere.KindBool, dflt: fmt.Sprint(runwhere.DefaultFreeTier)},
		{path: "lambda.ephemeral_storage_mb", kind: runwhere.KindInteger, dflt: fmt.Sprint(runwhere.DefaultEphemeralStorageMB)},
		{path: "servers.instance_type", kind: runwhere.KindString, dflt: dq(runwhere.DefaultInstanceType),
			bySnapshot: map[string]string{"2017-12": dq(runwhere.DefaultInstanceType2017)}},
		{path: "servers.hourly_price", kind: runwhere.KindMoney},
		{path: "servers.target_utilization", kind: runwhere.KindDecimal, dflt: dq(runwhere.DefaultTargetUtilization().String())},
		{path: "servers.zones", kind: runwhere.KindInteger, dflt: fmt.Sprint(runwhere.DefaultZones)},
		{path: "servers.managers", kind: runwhere.KindInteger, dflt: fmt.Sprint(runwhere.DefaultManagers)},
		{path: "container.vcpu", kind: runwhere.KindDecimal, dflt: dq(runwhere.DefaultContainerVCPU().String())},
		{path: "container.memory_mb", kind: runwhere.KindInteger}, // follows workload.memory_mb
		{path: "ha.node_availability", kind: runwhere.KindNumber, dflt: fmt.Sprint(runwhere.DefaultNodeAvailability)},
		{path: "ha.zone_availability", kind: runwhere.KindNumber, dflt: fmt.Sprint(runwhere.DefaultZoneAvailability)},
	} {
		t.Run(tc.path, func(t *testing.T) {
			f, ok := fields[tc.path]
			require.True(t, ok, "no field %s", tc.path)
			assert.Equal(t, tc.kind, f.Kind, "kind")
			assert.Equal(t, tc.items, f.Items, "items")
			assert.Equal(t, tc.dflt, string(f.Default), "default")
			got := map[string]string{}
			for k, v := range f.DefaultBySnapshot {
				got[k] = string(v)
			}
			if tc.bySnapshot == nil {
				assert.Empty(t, got, "default_by_snapshot")
			} else {
				assert.Equal(t, tc.bySnapshot, got, "default_by_snapshot")
			}
			assert.Equal(t, tc.required, f.Required, "required")
		})
	}
}

// catalogueIDs is the JSON list of the platforms of a snapshot.
func catalogueIDs(t *testing.T, snapshot string) string {
	t.Helper()
	c, err := platform.EmbeddedCatalogue(platform.SnapshotID(snapshot))
	require.NoError(t, err)
	var ids []platform.ID
	for _, p := range c.Platforms {
		ids = append(ids, p.ID)
	}
	b, err := json.Marshal(ids)
	require.NoError(t, err)
	return string(b)
}

// The schema's defaults are the ones an evaluation assumes: for every
// snapshot, a report's inputs hold each field's default (or the
// snapshot's own) when the scenario leaves the field out.
func TestSchemaDefaultsAreWhatEvaluateAssumes(t *testing.T) {
	s, _ := schemaFields(t)
	for _, snap := range s.Snapshots {
		t.Run(snap, func(t *testing.T) {
			text := "workload: {requests_per_second: 7, duration_ms: 90, memory_mb: 300}\n"
			if snap != platform.Newest {
				text += "snapshot: " + snap + "\n"
			}
			sc, err := runwhere.ParseScenario([]byte(text))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(sc)
			require.NoError(t, err)
			b, err := json.Marshal(r.Inputs)
			require.NoError(t, err)
			var inputs map[string]any
			dec := json.NewDecoder(strings.NewReader(string(b)))
			dec.UseNumber()
			require.NoError(t, dec.Decode(&inputs))
			checked := 0
			for _, f := range s.Fields {
				want := f.Default
				if d, ok := f.DefaultBySnapshot[snap]; ok {
					want = d
				}
				if want == nil || f.Path == "snapshot" {
					continue
				}
				got, err := json.Marshal(at(inputs, f.Path))
				require.NoError(t, err)
				assert.JSONEq(t, string(want), string(got), "%s: the report's inputs hold %s, the schema's default is %s", f.Path, got, want)
				checked++
			}
			assert.Greater(t, checked, 20)
		})
	}
}

func at(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// Every value an enum offers is one the library accepts, and a value
// outside it is refused: the page's menus cannot offer a wrong choice or
// miss a right one.
func TestSchemaEnumsAreWhatTheLibraryAccepts(t *testing.T) {
	s, _ := schemaFields(t)
	enums := 0
	for _, f := range s.Fields {
		if len(f.Enum) == 0 {
			continue
		}
		enums++
		t.Run(f.Path, func(t *testing.T) {
			scenario := func(v string) []byte {
				sc := map[string]any{"workload": map[string]any{"requests_per_second": 5, "duration_ms": 100, "memory_mb": 128}}
				if f.Path == "workload.kind" && v == runwhere.KindJob {
					// A job has fields of its own, and none of a service's.
					sc = map[string]any{"workload": map[string]any{"runs_per_month": 30, "run_minutes": 10, "memory_mb": 128}}
				}
				var val any = v
				if f.Kind == runwhere.KindList {
					val = []string{v}
				}
				m := sc
				parts := strings.Split(f.Path, ".")
				for _, k := range parts[:len(parts)-1] {
					if m[k] == nil {
						m[k] = map[string]any{}
					}
					m = m[k].(map[string]any)
				}
				m[parts[len(parts)-1]] = val
				b, err := json.Marshal(sc)
				require.NoError(t, err)
				return b
			}
			for _, v := range f.Enum {
				sc, err := runwhere.ParseScenario(scenario(v))
				require.NoError(t, err, "%s: %s", f.Path, v)
				_, err = sc.WithDefaults()
				assert.NoError(t, err, "%s: %s", f.Path, v)
			}
			sc, err := runwhere.ParseScenario(scenario("not-one-of-them"))
			if err == nil {
				_, err = sc.WithDefaults()
			}
			assert.ErrorContains(t, err, f.Path, "%s: a value outside the enum", f.Path)
		})
	}
	assert.GreaterOrEqual(t, enums, 4)
}

func TestSchemaPlatformsAndSnapshots(t *testing.T) {
	s, fields := schemaFields(t)
	var snaps []string
	for _, id := range platform.Snapshots() {
		snaps = append(snaps, id.String())
	}
	slices.Reverse(snaps)
	assert.Equal(t, snaps, s.Snapshots, "snapshots, newest first")
	assert.Equal(t, snaps, fields["snapshot"].Enum)
	var ids []string
	shorts := map[string]bool{}
	for _, p := range s.Platforms {
		ids = append(ids, string(p.ID))
		assert.NotEmpty(t, p.Name, p.ID)
		assert.NotEmpty(t, p.Snapshots, p.ID)
		assert.False(t, shorts[p.Short], "short name %q twice", p.Short)
		shorts[p.Short] = true
	}
	var want []string
	for _, id := range platform.IDs() {
		want = append(want, string(id))
	}
	assert.Equal(t, want, ids)
	assert.Equal(t, want, fields["platforms"].Enum)
	assert.Equal(t, runwhere.Version, s.Version)
}

// The exactly-one-of pairs name each other, and every group a field
// names is listed.
func TestSchemaReferences(t *testing.T) {
	s, fields := schemaFields(t)
	groups := map[string]bool{}
	for _, g := range s.Groups {
		groups[g.Path] = true
		assert.NotEmpty(t, g.Label, "group %q", g.Path)
	}
	for _, f := range s.Fields {
		assert.True(t, groups[f.Group], "%s: group %q", f.Path, f.Group)
		if f.OneOf != "" {
			other, ok := fields[f.OneOf]
			if assert.True(t, ok, "%s: one_of %s is no field", f.Path, f.OneOf) {
				assert.Equal(t, f.Path, other.OneOf, "%s and %s", f.Path, f.OneOf)
			}
		}
	}
}

// Each call builds its own schema: changing one changes no other.
func TestSchemaSharesNothing(t *testing.T) {
	a, err := runwhere.Schema()
	require.NoError(t, err)
	b, err := runwhere.Schema()
	require.NoError(t, err)
	before, err := json.Marshal(b)
	require.NoError(t, err)
	a.Fields[0].Label = "changed"
	a.Platforms[0].Snapshots[0] = "changed"
	a.Snapshots[0] = "changed"
	for i := range a.Fields {
		if len(a.Fields[i].Enum) > 0 {
			a.Fields[i].Enum[0] = "changed"
		}
		for k := range a.Fields[i].DefaultBySnapshot {
			a.Fields[i].DefaultBySnapshot[k][0] = 'x'
		}
	}
	c, err := runwhere.Schema()
	require.NoError(t, err)
	after, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after))
}

// A form built from the schema: one input per field, its kind, and the
// default an empty field takes.
func ExampleSchema() {
	s, err := runwhere.Schema()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range s.Fields {
		if f.Group != "container" && f.Group != "ha" {
			continue
		}
		d := string(f.Default)
		if d == "" {
			d = "(" + f.DefaultNote + ")"
		}
		fmt.Printf("%-26s %-8s %-12s %s\n", f.Path, f.Kind, d, f.Label)
	}
	// Output:
	// container.vcpu             decimal  "0.5"        vCPU
	// container.memory_mb        integer  (≥ 1024)     Memory
	// container.max_in_flight    integer  (no bound)   Requests at once
	// ha.node_availability       number   0.995        One node
	// ha.zone_availability       number   0.9999       One zone
}
