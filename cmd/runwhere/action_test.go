package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// The composite Action at the repository's root runs this command's diff
// with flags the command has, and writes the job summary.
func TestAction(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	require.NoError(t, err)
	var a struct {
		Inputs map[string]struct {
			Required bool `yaml:"required"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	require.NoError(t, yaml.Unmarshal(data, &a))
	assert.Equal(t, "composite", a.Runs.Using)
	assert.True(t, a.Inputs["base"].Required)
	assert.True(t, a.Inputs["head"].Required)
	var script string
	for _, s := range a.Runs.Steps {
		script += s.Run
	}
	assert.Contains(t, script, "go build -o \"$RUNNER_TEMP/runwhere\" ./cmd/runwhere")
	assert.Contains(t, script, `diff "${args[@]}" "$BASE" "$HEAD"`)
	assert.Contains(t, script, "GITHUB_STEP_SUMMARY")
	assert.Contains(t, usage(), "-fail-above")
	// The README shows the workflow that uses it.
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(readme), "uses: runwhere/runwhere@"), "the README has the Action's example workflow")
}
