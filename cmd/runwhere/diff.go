package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/diff"
	"github.com/runwhere/runwhere/importer"
)

// exitOverBudget is diff's status when -fail-above is crossed.
const exitOverBudget = 3

// overBudget is a diff whose recommended platforms rose by more than
// -fail-above: the diff is printed, and the status is 3.
type overBudget struct{ msg string }

func (e *overBudget) Error() string { return e.msg }

// diffSides prints what changed between two scenarios, or two sets of
// importable files, service by service.
func diffSides(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := newFlags("diff")
	format := fs.String("format", "md", "")
	failAbove := fs.String("fail-above", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "md" && *format != "json" {
		return usagef("diff: -format %q: want md or json", *format)
	}
	if len(pos) != 2 {
		return usagef("diff: want BASE and HEAD, got %d argument(s)", len(pos))
	}
	var limit *diff.Limit
	if *failAbove != "" {
		l, err := diff.ParseLimit(*failAbove)
		if err != nil {
			return usagef("diff: -fail-above: %s", strings.TrimPrefix(err.Error(), "diff: "))
		}
		limit = &l
	}
	base, err := side(pos[0], stdin)
	if err != nil {
		return err
	}
	head, err := side(pos[1], stdin)
	if err != nil {
		return err
	}
	d := diff.Of(base, head)
	if *format == "json" {
		out, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			return err
		}
		if _, err := stdout.Write(append(out, '\n')); err != nil {
			return err
		}
	} else if _, err := io.WriteString(stdout, d.Markdown()); err != nil {
		return err
	}
	if limit != nil {
		if over := d.Exceeds(*limit); len(over) > 0 {
			names := make([]string, len(over))
			for i, s := range over {
				names[i] = fmt.Sprintf("%s (%s: %s → %s)", s.Name, s.Recommended, s.RecommendedBefore.StringFixed(2), s.RecommendedAfter.StringFixed(2))
			}
			return &overBudget{fmt.Sprintf("runwhere: diff: the recommended platform's monthly cost rises by more than %s: %s", limit, strings.Join(names, ", "))}
		}
	}
	return nil
}

// side is one side of a diff, each service's report by name: a scenario
// file is one service; anything else goes through the importer.
func side(path string, stdin io.Reader) (map[string]runwhere.Report, error) {
	names, err := importNames(path)
	if err != nil {
		return nil, err
	}
	var set importer.Set
	var scenarios []runwhere.Scenario
	var perr error
	var data []byte
	for _, name := range names {
		data, err = readImport(name, stdin)
		if err != nil {
			return nil, err
		}
		var s runwhere.Scenario
		if s, perr = runwhere.ParseScenario(data); perr == nil {
			scenarios = append(scenarios, s)
			continue
		}
		if err := set.Add(displayName(name), data); err != nil {
			return nil, err
		}
	}
	all, err := set.Result()
	if err != nil {
		return nil, err
	}
	if len(names) == 1 && len(scenarios) == 0 && len(all.Services) == 0 {
		// Neither a scenario nor an importable file: the scenario's
		// error says the most about a file of ours.
		return nil, inFile(perr, names[0], data)
	}
	for _, s := range all.Services {
		scenarios = append(scenarios, s.Scenario)
	}
	out := map[string]runwhere.Report{}
	for _, s := range scenarios {
		name := s.Name
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("diff: %s: two services are named %q: a diff matches services by name", displayName(path), name)
		}
		r, err := runwhere.Evaluate(s)
		if err != nil {
			return nil, fmt.Errorf("diff: %s: service %q: %w", displayName(path), name, err)
		}
		out[name] = r
	}
	return out, nil
}
