package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kubeFixtures = filepath.Join("..", "..", "importer", "testdata", "kubernetes")

// runwhere import prints the importer's golden for the HPA walkthrough
// (the file named as given), and its output is a scenario runwhere
// report reads.
func TestRunImport(t *testing.T) {
	want, err := os.ReadFile(filepath.Join(kubeFixtures, "hpa-walkthrough.golden"))
	require.NoError(t, err)
	file := filepath.Join(kubeFixtures, "hpa-walkthrough.yaml")
	for _, args := range [][]string{{"import", file}, {"import", kubeFixtures}} {
		r := runIn(args, nil)
		require.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, strings.ReplaceAll(string(want), "hpa-walkthrough.yaml", file), r.stdout, "%v", args)
	}
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	r := runIn([]string{"import", "-"}, strings.NewReader(string(data)))
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "vcpu: 0.2 # standard input:23 spec.template.spec.containers[0].resources.requests.cpu")
	rep := runIn([]string{"report"}, strings.NewReader(r.stdout))
	require.Equal(t, 0, rep.code, rep.stderr)
	assert.Contains(t, rep.stdout, "# runwhere: php-apache")
}

func TestRunImportErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {spec: {containers: [{resources: {requests: {cpu: lots}}}]}}}\n"), 0o644))
	other := filepath.Join(dir, "other.yaml")
	require.NoError(t, os.WriteFile(other, []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"), 0o644))
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no file", []string{"import"}, 2, "name at least one FILE"},
		{"missing file", []string{"import", filepath.Join(dir, "nope.yaml")}, 1, "nope.yaml"},
		{"malformed", []string{"import", bad}, 1, bad + ":4 spec.template.spec.containers[0].resources.requests.cpu: \"lots\" is not a Kubernetes quantity"},
		{"nothing to import", []string{"import", other}, 1, "found no service"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(tc.args, nil)
			assert.Equal(t, tc.code, r.code, r.stderr)
			assert.Contains(t, r.stderr, tc.stderr)
		})
	}
	// What was skipped is still said.
	assert.Contains(t, runIn([]string{"import", other}, nil).stdout, "# Skipped: "+other+":1 ConfigMap")
}

var tfFixtures = filepath.Join("..", "..", "importer", "testdata", "terraform")

// runwhere diff of two Terraform plans that differ in one Lambda's
// memory prints the diff package's golden, and -fail-above exits 3 only
// when the recommended platform rises by more (+$1.75 a month, +76.9 %).
func TestRunDiff(t *testing.T) {
	base, head := filepath.Join(tfFixtures, "base.json"), filepath.Join(tfFixtures, "head.json")
	want, err := os.ReadFile(filepath.Join("..", "..", "diff", "testdata", "terraform-memory.md"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		flags []string
		code  int
	}{
		{"no budget", nil, 0},
		{"an amount crossed", []string{"-fail-above", "1"}, 3},
		{"an amount not crossed", []string{"-fail-above", "2"}, 0},
		{"a percentage crossed", []string{"-fail-above", "50%"}, 3},
		{"a percentage not crossed", []string{"-fail-above", "100%"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(append(append([]string{"diff"}, tc.flags...), base, head), nil)
			assert.Equal(t, tc.code, r.code, r.stderr)
			assert.Equal(t, string(want), r.stdout)
			if tc.code == 3 {
				assert.Contains(t, r.stderr, "aws_lambda_function.api (lambda: 2.28 → 4.03)")
			}
		})
	}
	js := runIn([]string{"diff", "-format", "json", base, head}, nil)
	require.Equal(t, 0, js.code, js.stderr)
	assert.Contains(t, js.stdout, `"change": "1.75200876"`)
	// Two scenarios diff as one service each.
	a := filepath.Join(scenarios, "bursty-api.yaml")
	same := runIn([]string{"diff", a, a}, nil)
	require.Equal(t, 0, same.code, same.stderr)
	assert.Contains(t, same.stdout, "No cost changes.")
}

func TestRunDiffErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("workload: {requests_per_second: 1, duration_ms: 100, memory_mb: -5}\n"), 0o644))
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"one side", []string{"diff", "a.json"}, 2, "want BASE and HEAD"},
		{"a bad limit", []string{"diff", "-fail-above", "lots", "a", "b"}, 2, `-fail-above: limit "lots"`},
		{"a bad format", []string{"diff", "-format", "xml", "a", "b"}, 2, "want md or json"},
		{"a scenario with a mistake", []string{"diff", bad, bad}, 1, "bad.yaml:1:65: workload.memory_mb: -5 is negative"},
		{"a missing side", []string{"diff", filepath.Join(tfFixtures, "nope.json"), filepath.Join(tfFixtures, "head.json")}, 1, "nope.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(tc.args, nil)
			assert.Equal(t, tc.code, r.code, r.stderr)
			assert.Contains(t, r.stderr, tc.stderr)
		})
	}
}
