package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSymbolPackage(t *testing.T) {
	pkgs := packageNames([]string{
		"runtime", "encoding/json", "gopkg.in/yaml.v3", "github.com/runwhere/runwhere",
		"github.com/runwhere/runwhere/cost", "github.com/shopspring/decimal", "main",
	})
	tests := []struct {
		name, sym, want string
	}{
		{name: "plain", sym: "runtime.mallocgc", want: "runtime"},
		{name: "slash becomes underscore", sym: "encoding_json.__decodeState_.object", want: "encoding/json"},
		{name: "escaped dot of the last element", sym: "gopkg.in_yaml_2ev3.yaml_parser_scan_flow_scalar", want: "gopkg.in/yaml.v3"},
		{name: "longest package wins", sym: "github.com_runwhere_runwhere_cost.newSolver", want: "github.com/runwhere/runwhere/cost"},
		{name: "the module's root package", sym: "github.com_runwhere_runwhere.Report.Markdown", want: "github.com/runwhere/runwhere"},
		{name: "type arguments name other packages", sym: "slices.SortFunc_go.shape.struct_", want: "(other) slices"},
		{name: "brackets cut", sym: "github.com_shopspring_decimal.F[runtime.x]", want: "github.com/shopspring/decimal"},
		{name: "main", sym: "main.install.func1", want: "main"},
		{name: "linker helper", sym: "type_.eq.foo", want: "(other) type_"},
		{name: "no dot", sym: "_rt0_wasm_js", want: "(other) _rt0_wasm_js"},
		{name: "unnamed", sym: "", want: "(unnamed)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, symbolPackage(tc.sym, pkgs), "symbolPackage(%q)", tc.sym)
		})
	}
}

// tinyWasm is a module with one imported and two defined functions, the
// second named "b.g" in a name section.
var tinyWasm = []byte{
	0, 'a', 's', 'm', 1, 0, 0, 0,
	1, 4, 1, 0x60, 0, 0, // type: () -> ()
	2, 7, 1, 1, 'm', 1, 'f', 0, 0, // import m.f, a function of type 0
	3, 3, 2, 0, 0, // two functions of type 0
	10, 8, 2, 2, 0, 0x0b, 3, 0, 0x01, 0x0b, // bodies of 2 and 3 bytes
	0, 13, 4, 'n', 'a', 'm', 'e', 1, 6, 1, 2, 3, 'b', '.', 'g', // function 2 is "b.g"
}

func TestReadWasm(t *testing.T) {
	m, err := readWasm(tinyWasm)
	require.NoError(t, err)
	require.Len(t, m.Funcs, 2)
	assert.Equal(t, wasmFunc{Name: "", Size: 2, body: []byte{0, 0x0b}}, m.Funcs[0])
	assert.Equal(t, wasmFunc{Name: "b.g", Size: 3, body: []byte{0, 0x01, 0x0b}}, m.Funcs[1])
	assert.Equal(t, 10, m.Sections["code"])
	assert.Equal(t, len(tinyWasm), m.Total)

	for _, bad := range []struct {
		name string
		b    []byte
	}{
		{name: "no magic", b: []byte("\x00asx\x01\x00\x00\x00")},
		{name: "section longer than the file", b: tinyWasm[:20]},
		{name: "code section cut short", b: append(append([]byte{}, tinyWasm[:8]...), 10, 3, 2, 5, 0)},
	} {
		t.Run(bad.name, func(t *testing.T) {
			_, err := readWasm(bad.b)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "perf: ")
		})
	}
}
