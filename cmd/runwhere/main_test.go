package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// binary is the command built once by TestMain, for the tests that run it
// as a real process: exit statuses and standard streams are only really
// tested across a process boundary.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "runwhere-cmd")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "runwhere")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// The reference scenarios and their reviewed reports, from the package
// directory.
var (
	scenarios = filepath.Join("..", "..", "testdata", "scenarios")
	goldens   = filepath.Join("..", "..", "testdata", "golden")
)

// result is what one run of the command gives.
type result struct {
	code           int
	stdout, stderr string
}

func runIn(args []string, stdin io.Reader) result {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	code := run(args, stdin, &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func preset(t *testing.T, name string) runwhere.Preset {
	t.Helper()
	for _, p := range runwhere.Presets() {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no preset %q", name)
	return runwhere.Preset{}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// evaluateJSON is what "report -format json" must print: the Report's
// JSON exactly as the library marshals it, indented, with a final newline.
func evaluateJSON(t *testing.T, yaml, snapshot string) string {
	t.Helper()
	s, err := runwhere.ParseScenario([]byte(yaml))
	require.NoError(t, err)
	if snapshot != "" {
		s.Snapshot = snapshot
	}
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	b, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	return string(b) + "\n"
}

// badYAML has a negative duration on line 4, column 16.
const badYAML = "name: x\nworkload:\n  requests_per_second: 1\n  duration_ms: -5\n  memory_mb: 512\n"

func TestRunReport(t *testing.T) {
	bursty := preset(t, "bursty-api")
	deck := preset(t, "deck-2017")
	burstyFile := filepath.Join(scenarios, "bursty-api.yaml")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte(badYAML), 0o644))

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantStdout string
	}{
		{name: "file, Markdown by default", args: []string{"report", burstyFile},
			wantStdout: readFile(t, filepath.Join(goldens, "bursty-api.md"))},
		{name: "file, -format md", args: []string{"report", "-format", "md", burstyFile},
			wantStdout: readFile(t, filepath.Join(goldens, "bursty-api.md"))},
		{name: "file, -format json after the file", args: []string{"report", burstyFile, "-format", "json"},
			wantStdout: readFile(t, filepath.Join(goldens, "bursty-api.json"))},
		{name: "file after --", args: []string{"report", "-format=json", "--", burstyFile},
			wantStdout: evaluateJSON(t, bursty.YAML, "")},
		{name: "stdin, no file", args: []string{"report", "-format", "json"}, stdin: bursty.YAML,
			wantStdout: evaluateJSON(t, bursty.YAML, "")},
		{name: "stdin, -", args: []string{"report", "-"}, stdin: bursty.YAML,
			wantStdout: readFile(t, filepath.Join(goldens, "bursty-api.md"))},
		{name: "-snapshot overrides the newest", args: []string{"report", "-snapshot", "2017-12", "-format", "json"}, stdin: bursty.YAML,
			wantStdout: evaluateJSON(t, bursty.YAML, "2017-12")},
		{name: "-snapshot overrides the scenario's", args: []string{"report", "-format", "json", "-snapshot", "2026-11"}, stdin: deck.YAML,
			wantStdout: evaluateJSON(t, deck.YAML, "2026-11")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(tc.args, strings.NewReader(tc.stdin))
			assert.Equal(t, exitOK, got.code, "run(%q) exit status; stderr %q", tc.args, got.stderr)
			assert.Empty(t, got.stderr, "run(%q) stderr", tc.args)
			assert.Equal(t, tc.wantStdout, got.stdout, "run(%q) stdout", tc.args)
		})
	}

	// The override really is applied, not only echoed.
	got := runIn([]string{"report", "-format", "json", "-snapshot", "2017-12"}, strings.NewReader(bursty.YAML))
	var r runwhere.Report
	require.NoError(t, json.Unmarshal([]byte(got.stdout), &r))
	assert.Equal(t, "2017-12", r.Snapshot)
	assert.Equal(t, "2017-12", r.Inputs.Snapshot)
}

// TestRunEveryPreset checks both formats of every reference scenario
// against the reviewed reports in testdata/golden, and the JSON against
// json.MarshalIndent of runwhere.Evaluate.
func TestRunEveryPreset(t *testing.T) {
	for _, p := range runwhere.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			md := runIn([]string{"report"}, strings.NewReader(p.YAML))
			require.Equal(t, exitOK, md.code, md.stderr)
			assert.Equal(t, readFile(t, filepath.Join(goldens, p.Name+".md")), md.stdout)

			js := runIn([]string{"report", "-format", "json"}, strings.NewReader(p.YAML))
			require.Equal(t, exitOK, js.code, js.stderr)
			assert.Equal(t, evaluateJSON(t, p.YAML, ""), js.stdout)
			assert.Equal(t, readFile(t, filepath.Join(goldens, p.Name+".json")), js.stdout)
		})
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte(badYAML), 0o644))

	tests := []struct {
		name       string
		args       []string
		stdin      io.Reader
		wantStderr string
	}{
		{name: "bad field in a file names the file, line and field", args: []string{"report", bad},
			wantStderr: "runwhere: " + bad + ":4:16: workload.duration_ms: -5 is negative\n"},
		{name: "bad field on stdin names the line and field", args: []string{"report"}, stdin: strings.NewReader(badYAML),
			wantStderr: "runwhere: line 4:16: workload.duration_ms: -5 is negative\n"},
		{name: "not a scenario", args: []string{"report"}, stdin: strings.NewReader("[1, 2"),
			wantStderr: "runwhere: "},
		{name: "empty input", args: []string{"report"}, stdin: strings.NewReader(""),
			wantStderr: "runwhere: "},
		{name: "missing file", args: []string{"report", filepath.Join(dir, "nope.yaml")},
			wantStderr: "nope.yaml: no such file or directory"},
		{name: "platform not in the -snapshot", args: []string{"report", "-snapshot", "2017-12", filepath.Join(scenarios, "hits-limits.yaml")},
			wantStderr: "hits-limits.yaml:5:34: platforms[2]: eks is not in snapshot 2017-12 (it arrived 2018-06)\n"},
		{name: "endless stdin", args: []string{"report"}, stdin: endless{},
			wantStderr: fmt.Sprintf("runwhere: standard input: scenario too large: more than %d bytes\n", runwhere.MaxScenarioBytes)},
		{name: "one byte too many", args: []string{"report"}, stdin: strings.NewReader(strings.Repeat("#", runwhere.MaxScenarioBytes+1)),
			wantStderr: "scenario too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(tc.args, tc.stdin)
			assert.Equal(t, exitInput, got.code, "run(%q) exit status", tc.args)
			assert.Empty(t, got.stdout, "run(%q) stdout", tc.args)
			assert.Contains(t, got.stderr, tc.wantStderr, "run(%q) stderr", tc.args)
			assert.Equal(t, 1, strings.Count(got.stderr, "\n"), "run(%q) stderr is one line: %q", tc.args, got.stderr)
		})
	}
}

// endless is a standard input that never ends, like `yes |`.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}

func TestRunUsageErrors(t *testing.T) {
	burstyFile := filepath.Join(scenarios, "bursty-api.yaml")
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{name: "unknown command", args: []string{"frob"}, wantStderr: `unknown command "frob"`},
		{name: "unknown flag", args: []string{"report", "-x", burstyFile}, wantStderr: "flag provided but not defined: -x"},
		{name: "flag without value", args: []string{"report", burstyFile, "-format"}, wantStderr: "flag needs an argument: -format"},
		{name: "bad format", args: []string{"report", "-format", "xml", burstyFile}, wantStderr: `-format "xml": want md or json`},
		{name: "two files", args: []string{"report", burstyFile, burstyFile}, wantStderr: "one scenario at a time, got 2"},
		{name: "malformed snapshot", args: []string{"report", "-snapshot", "2026", burstyFile}, wantStderr: `-snapshot "2026": not an embedded snapshot (have 2026-11, 2017-12)`},
		{name: "snapshot not embedded", args: []string{"report", "-snapshot", "2030-01", burstyFile}, wantStderr: `-snapshot "2030-01": not an embedded snapshot`},
		{name: "unknown preset", args: []string{"presets", "nope"}, wantStderr: `no preset "nope"`},
		{name: "two presets", args: []string{"presets", "bursty-api", "deck-2017"}, wantStderr: "one name at a time"},
		{name: "presets flag", args: []string{"presets", "-show"}, wantStderr: "flag provided but not defined: -show"},
		{name: "version argument", args: []string{"version", "x"}, wantStderr: "takes no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(tc.args, nil)
			assert.Equal(t, exitUsage, got.code, "run(%q) exit status", tc.args)
			assert.Empty(t, got.stdout, "run(%q) stdout", tc.args)
			assert.Contains(t, got.stderr, tc.wantStderr, "run(%q) stderr", tc.args)
			assert.True(t, strings.HasSuffix(got.stderr, "\nRun 'runwhere -h' for usage.\n"), "run(%q) stderr ends with the hint: %q", tc.args, got.stderr)
		})
	}

	// No command at all: the help, on stderr, as a usage error.
	got := runIn(nil, nil)
	assert.Equal(t, exitUsage, got.code)
	assert.Empty(t, got.stdout)
	assert.Equal(t, usage(), got.stderr)
}

func TestRunHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"-help"}, {"--help"}, {"report", "-h"}, {"report", "x.yaml", "--help"}, {"presets", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			got := runIn(args, nil)
			assert.Equal(t, exitOK, got.code, "run(%q) exit status", args)
			assert.Empty(t, got.stderr, "run(%q) stderr", args)
			assert.Equal(t, usage(), got.stdout, "run(%q) stdout", args)
		})
	}
	// The help documents every command, flag and exit status.
	for _, want := range []string{
		"runwhere report", "-format md", "-format json", "-snapshot", "[FILE|-]", "standard input",
		"runwhere presets [NAME]", "runwhere version", "runwhere help",
		"Exit status", "0  success", "1  the scenario", "2  a usage error",
		"runwhere report testdata/scenarios/bursty-api.yaml -format md > report.md",
		"2026-11, 2017-12",
	} {
		assert.Contains(t, usage(), want)
	}
}

func TestRunPresets(t *testing.T) {
	var names []string
	for _, p := range runwhere.Presets() {
		names = append(names, p.Name)
	}
	got := runIn([]string{"presets"}, nil)
	assert.Equal(t, exitOK, got.code)
	assert.Empty(t, got.stderr)
	assert.Equal(t, strings.Join(names, "\n")+"\n", got.stdout)

	p := preset(t, "deck-2017")
	got = runIn([]string{"presets", p.Name}, nil)
	assert.Equal(t, exitOK, got.code)
	assert.Equal(t, p.YAML, got.stdout)
	assert.Equal(t, readFile(t, filepath.Join(scenarios, "deck-2017.yaml")), got.stdout)
}

func TestRunVersion(t *testing.T) {
	got := runIn([]string{"version"}, nil)
	assert.Equal(t, exitOK, got.code)
	assert.Equal(t, "runwhere "+runwhere.Version+" (catalogues 2026-11, 2017-12)\n", got.stdout)
}

// failWriter is a standard output that cannot be written, like a closed
// pipe or a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRunWriteError(t *testing.T) {
	for _, args := range [][]string{{"report"}, {"presets"}, {"version"}, {"help"}, {"report", "-h"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var errOut bytes.Buffer
			code := run(args, strings.NewReader(preset(t, "bursty-api").YAML), failWriter{}, &errOut)
			assert.Equal(t, exitInput, code, "run(%q) exit status", args)
			assert.Equal(t, "runwhere: disk full\n", errOut.String())
		})
	}
}

// TestBinary runs the built command as a process: the exit statuses and
// streams a shell or CI job sees.
func TestBinary(t *testing.T) {
	p := preset(t, "bursty-api")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
	}{
		{name: "report of a preset from stdin", args: []string{"report", "-format", "json"}, stdin: p.YAML, wantCode: exitOK},
		{name: "Markdown report of a file", args: []string{"report", filepath.Join(scenarios, "bursty-api.yaml")}, wantCode: exitOK},
		{name: "bad input", args: []string{"report"}, stdin: badYAML, wantCode: exitInput},
		{name: "usage error", args: []string{"report", "-format", "xml"}, stdin: p.YAML, wantCode: exitUsage},
		{name: "no command", wantCode: exitUsage},
		{name: "help", args: []string{"-h"}, wantCode: exitOK},
		{name: "presets", args: []string{"presets"}, wantCode: exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(binary, tc.args...)
			cmd.Stdin = strings.NewReader(tc.stdin)
			var out, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			err := cmd.Run()
			code := 0
			var exitErr *exec.ExitError
			if errors.As(err, &exitErr) {
				code = exitErr.ExitCode()
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tc.wantCode, code, "runwhere %q exit status; stderr %q", tc.args, errOut.String())

			// The process prints exactly what run does in-process.
			want := runIn(tc.args, strings.NewReader(tc.stdin))
			assert.Equal(t, want.code, code)
			assert.Equal(t, want.stdout, out.String(), "runwhere %q stdout", tc.args)
			assert.Equal(t, want.stderr, errOut.String(), "runwhere %q stderr", tc.args)
		})
	}
}
