package runwhere

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		limit int
		want  int
	}{
		{name: "equal", a: "m5.large", b: "m5.large", limit: 2, want: 0},
		{name: "swap", a: "m5.lrage", b: "m5.large", limit: 2, want: 1},
		{name: "insertion", a: "m5.large", b: "m5a.large", limit: 2, want: 1},
		{name: "deletion", a: "c7gn.large", b: "c7gn.larg", limit: 2, want: 1},
		{name: "substitution", a: "m5.large", b: "m6.large", limit: 2, want: 1},
		{name: "swap and insertion", a: "m5.lrage", b: "m5a.large", limit: 2, want: 2},
		{name: "empty", a: "", b: "abc", limit: 5, want: 3},
		{name: "beyond the limit by length", a: "m5.large", b: "m5.24xlarge", limit: 2, want: 3},
		{name: "beyond the limit by content", a: "abcdef", b: "uvwxyz", limit: 2, want: 3},
		{name: "within a larger limit", a: "abcdef", b: "uvwxyz", limit: 9, want: 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, editDistance(tc.a, tc.b, tc.limit), "editDistance(%q, %q, %d)", tc.a, tc.b, tc.limit)
			assert.Equal(t, tc.want, editDistance(tc.b, tc.a, tc.limit), "editDistance(%q, %q, %d)", tc.b, tc.a, tc.limit)
		})
	}
}

func TestOrList(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  string
	}{
		{name: "none", want: ""},
		{name: "one", names: []string{"a"}, want: "a"},
		{name: "two", names: []string{"a", "b"}, want: "a or b"},
		{name: "three", names: []string{"a", "b", "c"}, want: "a, b or c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, orList(tc.names), "orList(%q)", tc.names)
		})
	}
}
