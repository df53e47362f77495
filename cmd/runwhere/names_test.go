package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every error about a scenario names the file, the field's line and
// column, the field and its value, including those Evaluate raises after
// the text is gone (a region the -snapshot lacks, the replicas a load
// needs) and those of a file with nothing in it.
func TestRunErrorsNameTheFileAndLine(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	const service = "workload:\n  requests_per_second: 100\n  duration_ms: 100\n  memory_mb: 512\n"
	region := file("region.yaml", "region: xx-east-9\n"+service)
	euWest := file("eu-west.yaml", "region: eu-west-1\n"+service)
	memory := file("memory.yaml", "workload:\n  requests_per_second: 100\n  duration_ms: 100\n  memory_mb: 512\n  request_memory_mb: 300\ncontainer:\n  memory_mb: 256\n")
	digits := file("digits.yaml", "workload:\n  requests_per_second: 111111111.1111111111111111111111111\n  duration_ms: 100\n  memory_mb: 512\n")
	job := file("job.yaml", "workload: {kind: job, runs_per_month: 30, run_minutes: 1e-40, memory_mb: 512}\n")
	replicas := file("replicas.yaml", "workload:\n  requests_per_second: 1000000000\n  duration_ms: 1000000000\n  memory_mb: 512\n")
	empty := file("empty.yaml", "")
	comments := file("comments.yaml", "# nothing yet\n")

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantStderr string
	}{
		{name: "a region no snapshot prices", args: []string{"report", region},
			wantStderr: "runwhere: " + region + ":1:9: region: xx-east-9 has no built-in prices in any snapshot: the regions are us-east-1, ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-west-2\n"},
		{name: "a region the -snapshot lacks", args: []string{"report", "-snapshot", "2017-12", euWest},
			wantStderr: "runwhere: " + euWest + ":1:9: region: eu-west-1 has no built-in prices for snapshot 2017-12: the regions are us-east-1\n"},
		{name: "a region the -snapshot lacks, on stdin", args: []string{"report", "-snapshot", "2017-12"}, stdin: "region: eu-west-1\n" + service,
			wantStderr: "runwhere: line 1:9: region: eu-west-1 has no built-in prices for snapshot 2017-12: the regions are us-east-1\n"},
		{name: "a container smaller than a request", args: []string{"report", memory},
			wantStderr: "runwhere: " + memory + ":7:14: container.memory_mb: 256 is less than workload.request_memory_mb 300: one replica cannot hold one request\n"},
		{name: "a rate whose month has too many digits", args: []string{"report", digits},
			wantStderr: "runwhere: " + digits + ":2:24: workload.requests_per_second: 111111111.1111111111111111111111111 gives requests a month (the rate × 2,628,000) that has more than 34 significant digits: give fewer digits\n"},
		{name: "a run too fine for its node's seconds", args: []string{"report", job},
			wantStderr: "runwhere: " + job + ":1:56: workload.run_minutes: 1e-40 gives a run's seconds with its node's start (servers.node_start_minutes + workload.run_minutes) that has more than 34 significant digits: give fewer digits\n"},
		{name: "more replicas than runwhere sizes", args: []string{"report", replicas},
			wantStderr: "runwhere: " + replicas + ":2:24: workload.requests_per_second: 1000000000 gives 1000000000000000 requests in flight, which need more than 1000000000 replicas of 0.5 vCPU, beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu\n"},
		{name: "an empty file", args: []string{"report", empty},
			wantStderr: "runwhere: " + empty + ": input: is an empty scenario: it needs at least a workload\n"},
		{name: "a file of comments", args: []string{"report", comments},
			wantStderr: "runwhere: " + comments + ": input: is an empty scenario: it needs at least a workload\n"},
		{name: "empty stdin", args: []string{"report"},
			wantStderr: "runwhere: input: is an empty scenario: it needs at least a workload\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(tc.args, strings.NewReader(tc.stdin))
			assert.Equal(t, exitInput, got.code, "run(%q) exit status", tc.args)
			assert.Empty(t, got.stdout, "run(%q) stdout", tc.args)
			assert.Equal(t, tc.wantStderr, got.stderr, "run(%q) stderr", tc.args)
		})
	}
}

// A file name may hold any byte but '/' and NUL: one holding a newline or
// an escape sequence is printed quoted, so it can neither split the
// one-line message nor recolour the terminal.
func TestRunQuotesFileNames(t *testing.T) {
	dir := t.TempDir()
	hostile := filepath.Join(dir, "bad\n\x1b[31mred.yaml")
	require.NoError(t, os.WriteFile(hostile, []byte(badYAML), 0o644))
	notUTF8 := filepath.Join(dir, "bad\xff.yaml")
	require.NoError(t, os.WriteFile(notUTF8, []byte(badYAML), 0o644))
	missing := filepath.Join(dir, "gone\r\x1b[2K.yaml")
	plain := filepath.Join(dir, "plain name.yaml")
	require.NoError(t, os.WriteFile(plain, []byte(badYAML), 0o644))

	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{name: "newline and escape in a name", args: []string{"report", hostile}, wantCode: exitInput,
			wantStderr: "runwhere: " + strconv.Quote(hostile) + ":4:16: workload.duration_ms: -5 is negative\n"},
		{name: "bytes that are not UTF-8", args: []string{"report", notUTF8}, wantCode: exitInput,
			wantStderr: "runwhere: " + strconv.Quote(notUTF8) + ":4:16: workload.duration_ms: -5 is negative\n"},
		{name: "a file that is not there", args: []string{"report", missing}, wantCode: exitInput,
			wantStderr: "runwhere: open " + strconv.Quote(missing) + ": no such file or directory\n"},
		{name: "a printable name stays as it is", args: []string{"report", plain}, wantCode: exitInput,
			wantStderr: "runwhere: " + plain + ":4:16: workload.duration_ms: -5 is negative\n"},
		{name: "two files", args: []string{"report", hostile, plain}, wantCode: exitUsage,
			wantStderr: "runwhere: report: one scenario at a time, got 2: " + strconv.Quote(hostile) + " " + plain + "\nRun 'runwhere -h' for usage.\n"},
		{name: "an escape in a flag's name", args: []string{"report", "-\x1b[2J"}, wantCode: exitUsage,
			wantStderr: "runwhere: report: flag provided but not defined: -\\x1b[2J\nRun 'runwhere -h' for usage.\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runIn(tc.args, nil)
			assert.Equal(t, tc.wantCode, got.code, "run(%q) exit status", tc.args)
			assert.Equal(t, tc.wantStderr, got.stderr, "run(%q) stderr", tc.args)
			assert.NotContains(t, got.stderr, "\x1b", "run(%q) stderr", tc.args)
			assert.NotContains(t, got.stderr, "\r", "run(%q) stderr", tc.args)
		})
	}
}

func TestDisplayName(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{name: "-", want: "standard input"},
		{name: "scenario.yaml", want: "scenario.yaml"},
		{name: "my scenario (1).yaml", want: "my scenario (1).yaml"},
		{name: "dépôt/scénario.yaml", want: "dépôt/scénario.yaml"},
		{name: "a\tb.yaml", want: `"a\tb.yaml"`},
		{name: "a\u202eb.yaml", want: `"a\u202eb.yaml"`}, // right-to-left override
		{name: "a\xffb.yaml", want: `"a\xffb.yaml"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, displayName(tc.name), "displayName(%q)", tc.name)
		})
	}
}

func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{msg: "runwhere: workload.duration_ms: -5 is negative", want: "runwhere: workload.duration_ms: -5 is negative"},
		{msg: "a\nb", want: `a\nb`},
		{msg: "\x1b[31mred", want: `\x1b[31mred`},
		{msg: "bad \xff byte", want: `bad \xff byte`},
		{msg: "a real \ufffd stays", want: "a real \ufffd stays"},
		{msg: "× 2,628,000 ÷ ≤", want: "× 2,628,000 ÷ ≤"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, printable(tc.msg), "printable(%q)", tc.msg)
		})
	}
}
