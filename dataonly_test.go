package runwhere_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKubernetesVariantAsDataAlone is issue 24's promise kept: a platform
// of an existing family is data, no Go change. It copies the module's
// source, adds "k3s" — Kubernetes' entry under another id — in two files
// (an entry appended to platform/data/2026-11.yaml and
// ha/data/scenarios/k3s.yaml), and then, in the copy:
//
//   - the command line evaluates it (runwhere report), priced as Kubernetes
//     is, and names it in the Markdown;
//   - Schema, which the calculator page builds its platform checklist
//     from, lists it under its family;
//   - a scenario naming it parses (it is a known platform).
//
// It builds the copy twice (about a minute on a busy machine): not in
// -short.
func TestKubernetesVariantAsDataAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a copy of the module: run without -short")
	}
	dir := t.TempDir()
	copyModule(t, ".", dir)

	// 1. The platform entry: Kubernetes', with another id and name.
	catPath := filepath.Join(dir, "platform/data/2026-11.yaml")
	cat, err := os.ReadFile(catPath)
	require.NoError(t, err)
	entry := kubernetesEntry(t, string(cat))
	entry = strings.Replace(entry, "  - id: kubernetes\n    name: Kubernetes (self-managed)\n", "  - id: k3s\n    name: K3s (data only)\n", 1)
	require.Contains(t, entry, "  - id: k3s\n")
	out := strings.Replace(string(cat), "\nclaims:\n", "\n"+entry+"\nclaims:\n", 1)
	require.NotEqual(t, string(cat), out, "the catalogue has a claims section to add the entry before")
	require.NoError(t, os.WriteFile(catPath, []byte(out), 0o644))
	// 2. Its HA scenario file: Kubernetes'.
	kubeHA, err := os.ReadFile("ha/data/scenarios/kubernetes.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ha/data/scenarios/k3s.yaml"),
		[]byte(strings.Replace(string(kubeHA), "platform: kubernetes\n", "platform: k3s\n", 1)), 0o644))

	scenario := filepath.Join(dir, "k3s.yaml")
	require.NoError(t, os.WriteFile(scenario, []byte("platforms: [kubernetes, k3s]\nworkload: {requests_per_second: 20, peak_requests_per_second: 40, duration_ms: 500, memory_mb: 1024, cpu_fraction: 0.05}\n"), 0o644))
	run := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), b)
		return b
	}

	var report struct {
		Platforms []struct {
			Platform    string          `json:"platform"`
			Name        string          `json:"name"`
			Feasible    bool            `json:"feasible"`
			MonthlyCost json.RawMessage `json:"monthly_cost"`
		} `json:"platforms"`
	}
	require.NoError(t, json.Unmarshal(run("run", "./cmd/runwhere", "report", "-format", "json", "k3s.yaml"), &report))
	require.Len(t, report.Platforms, 2)
	kube, k3s := report.Platforms[0], report.Platforms[1]
	assert.Equal(t, "k3s", k3s.Platform)
	assert.Equal(t, "K3s (data only)", k3s.Name)
	assert.True(t, k3s.Feasible)
	assert.Equal(t, string(kube.MonthlyCost), string(k3s.MonthlyCost), "k3s is Kubernetes under another name")
	assert.Contains(t, string(run("run", "./cmd/runwhere", "report", "k3s.yaml")), "| K3s (data only) | yes |")

	// What the page reads: the schema's platforms, with their families.
	probe := filepath.Join(dir, "internal", "probe")
	require.NoError(t, os.MkdirAll(probe, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(probe, "main.go"), []byte(`package main

import (
	"encoding/json"
	"os"

	"github.com/runwhere/runwhere"
)

func main() {
	s, err := runwhere.Schema()
	if err != nil {
		panic(err)
	}
	if _, err := runwhere.ParseScenario([]byte("platforms: [k3s]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n")); err != nil {
		panic(err)
	}
	_ = json.NewEncoder(os.Stdout).Encode(s.Platforms)
}
`), 0o644))
	var platforms []struct {
		ID     string `json:"id"`
		Family string `json:"family"`
	}
	require.NoError(t, json.Unmarshal(run("run", "./internal/probe"), &platforms))
	found := false
	for _, p := range platforms {
		if p.ID == "k3s" {
			found = true
			assert.Equal(t, "nodes", p.Family)
		}
	}
	assert.True(t, found, "the schema lists k3s: %v", platforms)
}

// kubernetesEntry is the kubernetes entry of a platform catalogue's text,
// from its "- id:" line to the next entry.
func kubernetesEntry(t *testing.T, cat string) string {
	t.Helper()
	start := strings.Index(cat, "  - id: kubernetes\n")
	require.GreaterOrEqual(t, start, 0)
	end := strings.Index(cat[start+1:], "\n  - id: ")
	require.Greater(t, end, 0)
	entry := cat[start : start+1+end+1]
	// YAML anchors defined in the entry would be defined twice: the copy
	// refers to the original's instead.
	for _, line := range strings.Split(entry, "\n") {
		if i := strings.Index(line, ": &"); i >= 0 {
			name := strings.Fields(line[i+3:])[0]
			entry = strings.Replace(entry, "&"+name, "*"+name, 1)
			// An anchored mapping's body follows on the next lines; the
			// alias stands for all of it.
			entry = dropAnchoredBody(entry, name)
		}
	}
	return entry
}

// dropAnchoredBody removes the indented lines under "key: *name" that
// were the anchored mapping's body.
func dropAnchoredBody(entry, name string) string {
	lines := strings.Split(entry, "\n")
	var out []string
	skip := -1
	for _, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if skip >= 0 {
			if strings.TrimSpace(l) != "" && indent > skip {
				continue
			}
			skip = -1
		}
		out = append(out, l)
		if strings.HasSuffix(strings.TrimSpace(l), "*"+name) {
			skip = indent
		}
	}
	return strings.Join(out, "\n")
}

// copyModule copies the module's source and data (not its tests, test
// data, .git or the playground) from src to dst.
func copyModule(t *testing.T, src, dst string) {
	t.Helper()
	require.NoError(t, filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// The presets are embedded from the root's testdata/scenarios.
			if path != src && (strings.HasPrefix(name, ".") || name == "playground" || name == "wasm" ||
				(name == "testdata" && path != "testdata") || strings.HasPrefix(filepath.ToSlash(path), "testdata/golden")) {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, path), 0o755)
		}
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, ".test") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, path), data, 0o644)
	}))
}
