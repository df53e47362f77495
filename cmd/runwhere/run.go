package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/importer"
)

// The exit statuses, as the usage text documents them.
const (
	exitOK    = 0
	exitInput = 1 // the scenario cannot be read or evaluated
	exitUsage = 2 // the command line is wrong
)

// usageError is a mistake in the command line, as opposed to one in the
// scenario: it exits 2 and points at the help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// run is the whole command: it reads args (without the program name) and
// stdin, writes to stdout and stderr, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var err error
	switch cmd, rest := first(args); cmd {
	case "", "help", "-h", "-help", "--help":
		if cmd == "" {
			// No command at all is a usage error, but the help is the most
			// useful thing to show for it.
			fmt.Fprint(stderr, usage())
			return exitUsage
		}
		_, err = io.WriteString(stdout, usage())
	case "report":
		err = report(rest, stdin, stdout)
	case "presets":
		err = presets(rest, stdout)
	case "import":
		err = importFiles(rest, stdin, stdout)
	case "diff":
		err = diffSides(rest, stdin, stdout)
	case "version", "-version", "--version":
		err = version(rest, stdout)
	default:
		err = usagef("unknown command %q", cmd)
	}
	return exit(err, stdout, stderr)
}

// exit prints err, if any, and turns it into the exit status.
func exit(err error, stdout, stderr io.Writer) int {
	var ue *usageError
	var ob *overBudget
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ob):
		fmt.Fprintln(stderr, printable(ob.msg))
		return exitOverBudget
	case errors.Is(err, flag.ErrHelp):
		// "report -h" asks for the help: print it where it was asked for.
		if _, err := io.WriteString(stdout, usage()); err != nil {
			fmt.Fprintln(stderr, "runwhere:", err)
			return exitInput
		}
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "runwhere: %s\nRun 'runwhere -h' for usage.\n", printable(ue.msg))
		return exitUsage
	default:
		msg := err.Error()
		// The library's errors already say "runwhere: "; others (a file
		// that cannot be opened) get it here, so every line reads alike.
		if !strings.HasPrefix(msg, "runwhere: ") {
			msg = "runwhere: " + msg
		}
		fmt.Fprintln(stderr, printable(msg))
		return exitInput
	}
}

// printable escapes what a terminal or a log would act on instead of
// showing: a newline would split the one-line message, an escape sequence
// recolour or rewrite the screen. File names are quoted where they are
// printed (displayName); this is the net under every other text an error
// echoes, such as a flag's name.
func printable(msg string) string {
	if !hasControl(msg) {
		return msg
	}
	var b strings.Builder
	for i, r := range msg {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(msg[i:], string(utf8.RuneError)):
			fmt.Fprintf(&b, `\x%02x`, msg[i])
		case !unicode.IsPrint(r) && r != ' ':
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasControl reports whether s holds anything but printable text: a
// control character, another unprintable rune or a byte that is not
// UTF-8.
func hasControl(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' {
			return true
		}
	}
	return false
}

func first(args []string) (string, []string) {
	if len(args) == 0 {
		return "", nil
	}
	return args[0], args[1:]
}

// newFlags returns a flag set that reports errors instead of printing
// them, so that every usage error gets the same one-line form.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags wherever they stand among the arguments, so that
// "report scenario.yaml -format json" works as the issue writes it; the
// flag package alone stops at the first argument that is not a flag.
// Everything after "--" is an argument.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// report evaluates one scenario and prints its report.
func report(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("report")
	format := fs.String("format", "md", "")
	snapshot := fs.String("snapshot", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "md" && *format != "json" {
		return usagef("report: -format %q: want md or json", *format)
	}
	if len(pos) > 1 {
		names := make([]string, len(pos))
		for i, p := range pos {
			names[i] = displayName(p)
		}
		return usagef("report: one scenario at a time, got %d: %s", len(pos), strings.Join(names, " "))
	}
	// A snapshot the library does not embed is a mistake in the command
	// line, not in the scenario, so it is checked before any input is read.
	if *snapshot != "" {
		have := snapshots()
		if !slices.Contains(have, *snapshot) {
			return usagef("report: -snapshot %q: not an embedded snapshot (have %s)", *snapshot, strings.Join(have, ", "))
		}
	}

	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	data, err := readScenario(name, stdin)
	if err != nil {
		return err
	}
	s, err := runwhere.ParseScenario(data)
	if err != nil {
		return inFile(err, name, data)
	}
	if *snapshot != "" {
		s.Snapshot = *snapshot
	}
	r, err := runwhere.Evaluate(s)
	if err != nil {
		return inFile(err, name, data)
	}

	// The whole output is built before any of it is written, so that a
	// failure never leaves half a report in a redirected file.
	var out []byte
	if *format == "json" {
		if out, err = json.MarshalIndent(r, "", "  "); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		out = append(out, '\n')
	} else {
		out = []byte(r.Markdown())
	}
	_, err = stdout.Write(out)
	return err
}

// readScenario reads the named file, or stdin for "-", refusing to read
// more than a scenario may hold: stdin may be an endless pipe.
func readScenario(name string, stdin io.Reader) ([]byte, error) {
	return readLimited(name, stdin, runwhere.MaxScenarioBytes, func() error {
		return fmt.Errorf("%s: scenario too large: more than %d bytes", displayName(name), runwhere.MaxScenarioBytes)
	})
}

// readLimited reads the file name, or stdin for "-", up to limit bytes;
// one byte more is the error tooLarge gives.
func readLimited(name string, stdin io.Reader, limit int, tooLarge func() error) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fileError(name, err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fileError(name, err)
	}
	if len(data) > limit {
		return nil, tooLarge()
	}
	return data, nil
}

// fileError names the file an error of the operating system is about, as
// displayName prints it: a *PathError would print the name as it is.
func fileError(name string, err error) error {
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return fmt.Errorf("%s %s: %w", pe.Op, displayName(name), pe.Err)
	}
	return fmt.Errorf("%s: %w", displayName(name), err)
}

// displayName is a file name as messages print it: as it is, unless it
// holds a control character, another unprintable rune or bytes that are
// not UTF-8 (a name may hold any byte but '/' and NUL), which it prints
// Go-quoted ("bad\nname.yaml") so that a name can neither split the
// one-line message nor send a terminal an escape sequence.
func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	if hasControl(name) {
		return strconv.Quote(name)
	}
	return name
}

// inFile places an error in the scenario's text: the line and column of
// the field an Evaluate error names (ParseScenario's errors have theirs),
// and the file's name in front ("bad.yaml:8:3: …", the form editors and
// CI logs turn into a link). Standard input has no name; its errors keep
// the library's "line 8:3: …".
func inFile(err error, name string, data []byte) error {
	err = runwhere.LocateError(err, data)
	if name == "-" {
		return err
	}
	var fe *runwhere.FieldError
	// The message is rebuilt only when it is the field error and nothing
	// else, so nothing is lost.
	if errors.As(err, &fe) && fe.File == "" && err.Error() == "runwhere: "+fe.Error() {
		fe.File = displayName(name)
		return fmt.Errorf("runwhere: %w", fe)
	}
	// Any other error (an empty file) is about the file as a whole.
	return fmt.Errorf("runwhere: %s: %w", displayName(name), unprefixed{err})
}

// unprefixed is an error whose message drops the library's "runwhere: ",
// for a message that puts the file's name after it.
type unprefixed struct{ err error }

func (e unprefixed) Error() string { return strings.TrimPrefix(e.err.Error(), "runwhere: ") }
func (e unprefixed) Unwrap() error { return e.err }

// presets lists the reference scenarios, or prints one of them.
func presets(args []string, stdout io.Writer) error {
	pos, err := parse(newFlags("presets"), args)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	switch len(pos) {
	case 0:
		for _, p := range runwhere.Presets() {
			fmt.Fprintln(&b, p.Name)
		}
	case 1:
		i := slices.IndexFunc(runwhere.Presets(), func(p runwhere.Preset) bool { return p.Name == pos[0] })
		if i < 0 {
			return usagef("presets: no preset %q; 'runwhere presets' lists them", pos[0])
		}
		b.WriteString(runwhere.Presets()[i].YAML)
	default:
		return usagef("presets: one name at a time, got %d", len(pos))
	}
	_, err = stdout.Write(b.Bytes())
	return err
}

// version prints the version of the code and its embedded catalogues.
func version(args []string, stdout io.Writer) error {
	pos, err := parse(newFlags("version"), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("version: takes no arguments")
	}
	_, err = fmt.Fprintf(stdout, "runwhere %s (catalogues %s)\n", runwhere.Version, strings.Join(snapshots(), ", "))
	return err
}

// snapshots are the embedded catalogues, newest first, as the schema
// lists them; nil if the schema cannot be built, which the library's own
// tests rule out.
func snapshots() []string {
	s, err := runwhere.Schema()
	if err != nil {
		return nil
	}
	return s.Snapshots
}

func usage() string {
	snaps := strings.Join(snapshots(), ", ")
	return `runwhere evaluates a scenario: where an application should run, what each
platform costs a month and what breaks when machines fail.

Usage:

  runwhere report [-format md|json] [-snapshot YYYY-MM] [FILE|-]
        Evaluate the scenario (YAML or JSON) in FILE, or on standard input
        when FILE is "-" or left out, and print its report. Flags may come
        before or after FILE. A scenario holds at most ` + fmt.Sprint(runwhere.MaxScenarioBytes) + ` bytes.
    -format md      Markdown, for a review or a pull request (the default)
    -format json    the Report's JSON, indented
    -snapshot M     use the embedded catalogues of month M instead of the
                    scenario's snapshot (have: ` + snaps + `)

  runwhere import FILE|DIR|- ...
        Read what a team already has and print one scenario per service it
        finds, as YAML that "runwhere report" reads: each field followed by
        a comment naming the file, line and path it came from, and what was
        not found listed at the top with the placeholder used. Reads
        Kubernetes manifests (Deployment, StatefulSet and their
        HorizontalPodAutoscaler, Job, CronJob; multi-document files and
        Lists) and AWS
        SAM or CloudFormation templates (each Lambda function: memory,
        timeout, architecture, storage, provisioned concurrency, its HTTP
        API or REST API, or its schedule as a job) and the JSON "aws cloudwatch get-metric-data"
        prints (a RequestCount, Count or Invocations series: the mean
        rate, the busiest clock hour, the week's shape; Lambda's
        Duration) and ECS task definitions and services as the ECS API
        prints them; a directory is walked for .yaml, .yml and .json files.
        The files are read as one set: an autoscaler or an ECS service
        finds what it refers to in another file. Other
        documents are listed as skipped. At most ` + fmt.Sprint(importer.MaxFileBytes) + ` bytes a file.

  runwhere diff [-format md|json] [-fail-above AMOUNT|PERCENT] BASE HEAD
        Compare two versions: two scenarios, or two files or directories
        "runwhere import" reads (a pull request's base and head Terraform
        plans, say). Prints, per service, the recommended platform's cost
        before and after and every platform and cost line whose monthly
        amount moved, and nothing else.
    -format md      Markdown, for a pull-request comment (the default)
    -format json    the diff's JSON, exact decimal strings
    -fail-above X   exit 3 when a service's recommended platform costs more
                    than X more a month: an amount in USD (50) or a
                    percentage of the base's cost (10%)

  runwhere presets [NAME]
        List the reference scenarios, one name per line; with NAME, print
        that scenario's YAML.

  runwhere version
        Print the version of the code and of its embedded catalogues.

  runwhere help
        Print this text (also -h and --help, alone or after a command).

Exit status:

  0  success
  1  the scenario cannot be read or evaluated; the message names the
     file, the field's line and column, the field and its value
     ("bad.yaml:8:3: workload.memory_mb: -5 is negative")
  2  a usage error: unknown command or flag, a bad flag value, two files
  3  diff: a recommended platform's cost rose by more than -fail-above

  "go run" exits 1 whenever the command fails, whatever its status: where
  the status matters (a CI job), run the installed or built command.

Examples:

  runwhere report testdata/scenarios/bursty-api.yaml -format md > report.md
  runwhere presets bursty-api | runwhere report -format json -snapshot 2017-12
  runwhere import deploy/ > api.yaml && runwhere report api.yaml
  runwhere diff -fail-above 10% base-plan.json head-plan.json
  go install github.com/runwhere/runwhere/cmd/runwhere@latest
`
}
