package input_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
)

// decodeErr decodes in into a doc and returns the error's message, which
// must come from a *FieldError.
func decodeErr(t *testing.T, in string) string {
	t.Helper()
	var d doc
	err := input.Decode([]byte(in), &d, testLimits)
	require.Error(t, err, "Decode(%q) = %+v, want an error", in, d)
	var fe *input.FieldError
	require.ErrorAs(t, err, &fe, "Decode(%q) = %v, want an *input.FieldError", in, err)
	return err.Error()
}

// Issue 27: yaml.v3 drops a null item from a list of values, so that
// [lambda, null] read as [lambda] and 25 hours as 24 shifted by one.
func TestDecodeRefusesNullItems(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "null first", in: "items: [null, 1]",
			wantErr: "line 1:9: items[0]: null is not a value: each item of a list needs one"},
		{name: "Null", in: "items: [1, Null]",
			wantErr: "line 1:12: items[1]: Null is not a value: each item of a list needs one"},
		{name: "NULL", in: "items: [1, 2, NULL]",
			wantErr: "line 1:15: items[2]: NULL is not a value: each item of a list needs one"},
		{name: "tilde", in: "names: [a, ~]",
			wantErr: "line 1:12: names[1]: ~ is null, not a value: each item of a list needs one"},
		{name: "empty block item", in: "items:\n  - 1\n  -\n  - 3\n",
			wantErr: "line 3:4: items[1]: is empty, which YAML reads as null: each item of a list needs a value"},
		{name: "empty block item with a comment", in: "names:\n  - a\n  - # none\n",
			wantErr: "line 3:4: names[1]: is empty, which YAML reads as null: each item of a list needs a value"},
		{name: "explicit tag", in: "names: [a, !!null ]",
			wantErr: "line 1:12: names[1]: !!null is null, not a value: each item of a list needs one"},
		{name: "explicit tag on null", in: "names: [!!null null]",
			wantErr: "line 1:9: names[0]: null is not a value: each item of a list needs one"},
		{name: "explicit tag on text", in: "names: [a, !!null x]",
			wantErr: "line 1:12: names[1]: x is tagged !!null but is not null (null, ~ or nothing)"},
		{name: "alias to a null", in: "free: &n ~\nitems: [1, *n]",
			wantErr: "line 2:12: items[1]: ~ is null, not a value: each item of a list needs one"},
		{name: "list of pointers", in: "prices: [1.5, null]",
			wantErr: "line 1:15: prices[1]: null is not a value: each item of a list needs one"},
		{name: "list of structs", in: "list: [{count: 1}, null]",
			wantErr: "line 1:20: list[1]: null is not a value: each item of a list needs one"},
		{name: "list inside a list item", in: "list: [{count: 1}]\nitems: [3, ~]",
			wantErr: "line 2:12: items[1]: ~ is null, not a value: each item of a list needs one"},
		{name: "list of any", in: "free: [1, [2, null]]",
			wantErr: "line 1:15: free[1][1]: null is not a value: each item of a list needs one"},
		{name: "map entry", in: "by_name: {x: {count: 1}, y: null}",
			wantErr: "line 1:29: by_name.y: null is not a value: each entry of a mapping needs one"},
		{name: "empty map entry", in: "by_name:\n  x:\n",
			wantErr: "line 2:5: by_name.x: is empty, which YAML reads as null: each entry of a mapping needs a value"},
		{name: "map key", in: "by_name: {~: {count: 1}}",
			wantErr: "line 1:11: by_name.~: ~ is null, not text: a key must be text (quote it if it is a name)"},
		{name: "JSON", in: `{"items": [1, null]}`,
			wantErr: "line 1:15: items[1]: null is not a value: each item of a list needs one"},
		{name: "JSON list of text", in: `{"names": ["a", null, "b"]}`,
			wantErr: "line 1:17: names[1]: null is not a value: each item of a list needs one"},
		{name: "JSON nested", in: `{"list": [{"count": 1}], "free": {"k": [null]}}`,
			wantErr: "line 1:41: free.k[0]: null is not a value: each item of a list needs one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := decodeErr(t, tc.in)
			assert.Equal(t, tc.wantErr, got, "Decode(%q)", tc.in)
		})
	}
}

// A field given as null is a field left out, in YAML as in JSON: the Go
// value keeps its zero, as yaml.v3 leaves it.
func TestDecodeNullFieldIsLeftOut(t *testing.T) {
	for _, in := range []string{
		"inner: null\nlist: ~\nnames:\nitems: !!null\nfree: NULL\nby_name: Null",
		`{"inner": null, "list": null, "names": null, "items": null, "free": null, "by_name": null}`,
		"inner: {price: null, count: ~, name: null, on: null, zones: !!null ''}",
		`{"inner": {"price": null, "count": null, "name": null, "on": null, "zones": null}}`,
	} {
		t.Run(in, func(t *testing.T) {
			var d doc
			require.NoError(t, input.Decode([]byte(in), &d, testLimits))
			assert.Equal(t, doc{}, d)
		})
	}
}

// Issue 27: a scalar whose explicit tag its text does not fit is refused
// with its field and position, not with yaml.v3's "cannot decode !!str
// `x` as a !!null", which names neither.
func TestDecodeRefusesMistaggedScalars(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "null", in: "inner: {name: !!null x}",
			wantErr: "line 1:15: inner.name: x is tagged !!null but is not null (null, ~ or nothing)"},
		{name: "null, long form", in: "inner:\n  name: !<tag:yaml.org,2002:null> x",
			wantErr: "line 2:9: inner.name: x is tagged !!null but is not null (null, ~ or nothing)"},
		{name: "null on a number", in: "inner: {count: !!null 5}",
			wantErr: "line 1:16: inner.count: 5 is tagged !!null but is not null (null, ~ or nothing)"},
		{name: "int", in: "inner: {name: !!int x}",
			wantErr: "line 1:15: inner.name: x is tagged !!int but is not a whole number"},
		{name: "float", in: "inner: {name: !!float x}",
			wantErr: "line 1:15: inner.name: x is tagged !!float but is not a number"},
		{name: "bool", in: "inner: {on: !!bool yes}",
			wantErr: "line 1:13: inner.on: yes is tagged !!bool but is not true or false"},
		{name: "timestamp", in: "inner: {name: !!timestamp x}",
			wantErr: "line 1:15: inner.name: x is tagged !!timestamp but is not a date or time"},
		{name: "binary", in: "inner: {name: !!binary x}",
			wantErr: "line 1:15: inner.name: x is tagged !!binary but is not base64 text"},
		{name: "in a list", in: "names: [a, !!int b]",
			wantErr: "line 1:12: names[1]: b is tagged !!int but is not a whole number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.wantErr, decodeErr(t, tc.in), "Decode(%q)", tc.in)
		})
	}
}

func TestDecodeAcceptsFittingTags(t *testing.T) {
	var d doc
	require.NoError(t, input.Decode([]byte("inner: {name: !!str 5, count: !!int 7, on: !!bool true, ratio: !!float 0.5, zones: !!null ''}\nnote: !!binary aGk="), &d, testLimits))
	assert.Equal(t, "5", d.Inner.Name)
	assert.Equal(t, int64(7), d.Inner.Count)
	assert.True(t, d.Inner.On)
	assert.Equal(t, 0.5, d.Inner.Ratio)
	assert.Nil(t, d.Inner.Zones)
	assert.Equal(t, "hi", d.Note)
}

// A document that is null holds no more than an empty one.
func TestDecodeEmpty(t *testing.T) {
	for _, in := range []string{"", "\n", "# only a comment\n", "---\n", "--- # c\n...\n", "null", "~", "NULL\n", `!!null`} {
		t.Run(in, func(t *testing.T) {
			assert.Equal(t, "input: is empty", decodeErr(t, in))
		})
	}
}

// listLengths returns, for each list field of doc written at the top of
// in, the number of items written.
func listLengths(in string) map[string]int {
	var root yaml.Node
	if yaml.Unmarshal([]byte(in), &root) != nil || len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := m.Content[i+1]
		for v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if v.Kind == yaml.SequenceNode {
			out[m.Content[i].Value] = len(v.Content)
		}
	}
	return out
}
