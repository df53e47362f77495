package cost_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// TestHostileNumbersInCatalogue plants each hostile number of issue 10 in
// every number of every embedded price catalogue: each must be refused,
// naming its line and key, within the time bound.
func TestHostileNumbersInCatalogue(t *testing.T) {
	files, err := filepath.Glob("data/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		vs, err := inputtest.Variants(data, inputtest.Hostile, nil)
		require.NoError(t, err)
		require.Greater(t, len(vs), 30, "too few numbers found in %s", file)
		for _, v := range vs {
			t.Run(fmt.Sprintf("%s:%d:%s=%s", filepath.Base(file), v.Line, v.Key, v.Value), func(t *testing.T) {
				var err error
				elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = cost.ParseCatalogue("", v.Doc) })
				require.Error(t, err, "%s = %s accepted", v.Key, v.Value)
				assert.Contains(t, err.Error(), fmt.Sprintf("cost: line %d:", v.Line))
				assert.Contains(t, err.Error(), v.Key)
				assert.Less(t, elapsed, time.Duration(inputtest.Bound))
				assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
			})
		}
	}
}

// TestLargeCatalogueIsRefusedQuickly pins issue 10's defect 6: a catalogue
// of 100,000 instances (yaml.v3 checks a mapping's keys for duplicates in
// quadratic time) took 86 s; it is refused before it is decoded, by its
// size or by its count of keys.
func TestLargeCatalogueIsRefusedQuickly(t *testing.T) {
	for _, tc := range []struct {
		instances int
		want      string
	}{
		{100_000, "at most 16777216 are read"},
		{50_000, "ec2.instances: has 50000 keys; at most 5000"},
	} {
		t.Run(fmt.Sprint(tc.instances), func(t *testing.T) {
			var b strings.Builder
			b.WriteString("snapshot: \"2026-11\"\nregion: us-east-1\ncurrency: USD\nec2:\n  instances:\n")
			for i := range tc.instances {
				fmt.Fprintf(&b, "    t%d.large: {hourly: {value: \"0.1\", source: \"https://example.com/p\", as_of: \"2026-11-01\", note: %q}}\n", i, strings.Repeat("x", 80))
			}
			var err error
			elapsed := inputtest.Fastest(60*time.Duration(inputtest.Bound), func() { _, err = cost.ParseCatalogue("", []byte(b.String())) })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			// Parsing 9 MB of YAML into nodes is linear and takes most of this:
			// 3 s, or 30 s under -race.
			assert.Less(t, elapsed, 60*time.Duration(inputtest.Bound), "a %d-byte catalogue took %v", b.Len(), elapsed)
		})
	}
}
