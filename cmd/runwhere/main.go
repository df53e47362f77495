// Runwhere evaluates a scenario from the command line: where an
// application should run, what each platform costs a month and what breaks
// when machines fail. It prints the report the runwhere library computes,
// as Markdown for a review or a pull request, or as the Report's JSON.
//
// Usage:
//
//	runwhere report [-format md|json] [-snapshot YYYY-MM] [FILE|-]
//	runwhere presets [NAME]
//	runwhere version
//	runwhere help
//
// The exit status is 0 on success, 1 when the scenario cannot be read or
// evaluated (the message names the file, the field's line and column, the
// field and its value) and 2 on a usage error. "go run" turns every
// failure into 1, so a CI job that reads the status runs the installed
// command:
//
//	go install github.com/runwhere/runwhere/cmd/runwhere@latest
//
// "runwhere help" documents every command and flag.
package main

import "os"

// main is only the process boundary: everything else is in run, so tests
// can call it in-process without an os.Exit ending them.
func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
