package platform_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// TestCloneSharesNoPointer sets every pointer field of a Platform, found by
// reflection so that a field added later is covered too, and checks that
// Clone copies each one.
func TestCloneSharesNoPointer(t *testing.T) {
	var p platform.Platform
	setPointers(reflect.ValueOf(&p).Elem())
	c := platform.Catalogue{Snapshot: "2026-11", Platforms: []platform.Platform{p}}
	got := c.Clone()
	require.Len(t, got.Platforms, 1)
	orig, clone := pointers(reflect.ValueOf(c.Platforms[0]), ""), pointers(reflect.ValueOf(got.Platforms[0]), "")
	require.NotEmpty(t, orig)
	for path, ptr := range orig {
		assert.NotEqual(t, ptr, clone[path], "Clone().%s shares its pointer", path)
	}
	assert.Equal(t, c.Platforms[0], got.Platforms[0], "Clone() changes a value")
	assert.NotSame(t, &c.Platforms[0], &got.Platforms[0], "Clone() shares Platforms")
}

func TestSnapshotReturnsACopy(t *testing.T) {
	a, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	p, ok := a.Platform(platform.Lambda)
	require.True(t, ok)
	want := p.Limits.Timeout.Value
	p.Limits.Timeout.Value = 1
	p.ControlPlane.SLA.Scope = "changed"
	b, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	p, _ = b.Platform(platform.Lambda)
	assert.Equal(t, want, p.Limits.Timeout.Value, "Snapshot() timeout after a caller changed the one it returned")
	assert.NotEqual(t, "changed", p.ControlPlane.SLA.Scope, "Snapshot() SLA after a caller changed the one it returned")
}

func setPointers(v reflect.Value) {
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f.Kind() {
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Struct:
			setPointers(f)
		}
	}
}

// pointers maps the path of every pointer field in v to its address.
func pointers(v reflect.Value, path string) map[string]uintptr {
	out := map[string]uintptr{}
	for i := range v.NumField() {
		f, name := v.Field(i), path+v.Type().Field(i).Name
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f.Kind() {
		case reflect.Pointer:
			out[name] = f.Pointer()
		case reflect.Struct:
			for k, p := range pointers(f, name+".") {
				out[k] = p
			}
		}
	}
	return out
}
