package runwhere_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

// TestGoldenReports evaluates every reference scenario and compares the
// JSON report and its Markdown rendering with the files in testdata/golden.
// Regenerate them only with `go test -run TestGoldenReports -update .`,
// then read the diff: these files are what pricing reviewers check.
func TestGoldenReports(t *testing.T) {
	presets := runwhere.Presets()
	require.GreaterOrEqual(t, len(presets), 8, "reference scenarios")
	for _, p := range presets {
		t.Run(p.Name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(p.YAML))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			js, err := json.MarshalIndent(r, "", "  ")
			require.NoError(t, err)
			js = append(js, '\n')
			golden(t, filepath.Join("testdata", "golden", p.Name+".json"), js)
			golden(t, filepath.Join("testdata", "golden", p.Name+".md"), []byte(r.Markdown()))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -run TestGoldenReports -update .")
	if string(want) != string(got) {
		// Name the first line that differs rather than print both files.
		w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
		for i := range max(len(w), len(g)) {
			var wl, gl string
			if i < len(w) {
				wl = w[i]
			}
			if i < len(g) {
				gl = g[i]
			}
			if wl != gl {
				t.Errorf("%s:%d differs (and maybe later lines):\n want %q\n  got %q\nif the change is intended, run go test -run TestGoldenReports -update . and review the diff", path, i+1, wl, gl)
				return
			}
		}
	}
	assert.False(t, strings.Contains(string(got), "NaN"), "%s holds NaN", path)
}
