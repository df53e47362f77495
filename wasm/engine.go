package main

import (
	"errors"
	"fmt"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/importer"
)

// maxInput bounds the text a page may hand over: the library's own bound on
// a scenario, checked here before anything else is done with the text.
const maxInput = runwhere.MaxScenarioBytes

// leanReport is a report without its comparison: the outer field, nil and
// omitted, hides the embedded one from encoding/json.
type leanReport struct {
	runwhere.Report
	Comparison *struct{} `json:"comparison,omitempty"`
}

// newEngine wires the bridge to package runwhere.
func newEngine() engine {
	return engine{
		evaluate: func(text []byte, lean bool) (any, error) {
			s, err := parse(text)
			if err != nil {
				return nil, err
			}
			r, err := runwhere.Evaluate(s)
			if err != nil {
				return nil, field(err)
			}
			if lean {
				return leanReport{Report: r}, nil
			}
			return r, nil
		},
		markdown: func(text []byte) (string, error) {
			s, err := parse(text)
			if err != nil {
				return "", err
			}
			r, err := runwhere.Evaluate(s)
			if err != nil {
				return "", field(err)
			}
			return r.Markdown(), nil
		},
		curves: func(text []byte, points int) (any, error) {
			s, err := parse(text)
			if err != nil {
				return nil, err
			}
			c, err := runwhere.Curves(s, points)
			return c, field(err)
		},
		whatIf: func(text []byte, id string, events []string) (any, error) {
			s, err := parse(text)
			if err != nil {
				return nil, err
			}
			// Take the platform's id from the scenario itself: the bridge
			// imports only package runwhere (DESIGN.md's arrows).
			d, err := s.WithDefaults()
			if err != nil {
				return nil, field(err)
			}
			for _, p := range d.Platforms {
				if string(p) == id {
					w, err := runwhere.WhatIf(s, p, events)
					return w, field(err)
				}
			}
			return nil, fmt.Errorf("whatIf: %q is not one of the scenario's platforms", id)
		},
		presets: func() []preset {
			var out []preset
			for _, p := range runwhere.Presets() {
				out = append(out, preset{Name: p.Name, YAML: p.YAML})
			}
			return out
		},
		schema: func() (any, error) {
			return runwhere.Schema()
		},
		profiles: func() (any, error) {
			return runwhere.Profiles(), nil
		},
		compare: func(snapshot string, platforms []string) (any, error) {
			ids := make([]runwhere.PlatformID, len(platforms))
			for i, p := range platforms {
				ids[i] = runwhere.PlatformID(p)
			}
			c, err := runwhere.Compare(snapshot, ids)
			return c, field(err)
		},
		instanceTypes: func(snapshot, region string) (any, error) {
			list, err := runwhere.InstanceTypes(snapshot, region)
			return list, field(err)
		},
		importFiles: importFiles,
		version:     runwhere.Version,
	}
}

// imported is one service as the page shows it: the scenario's YAML for
// the form, each field's origin for its hover, and what was not found.
type imported struct {
	Name    string             `json:"name"`
	Kind    string             `json:"kind"`
	File    string             `json:"file"`
	YAML    string             `json:"yaml"`
	Origins map[string]string  `json:"origins"`
	Missing []importer.Missing `json:"missing"`
	Notes   []string           `json:"notes"`
}

type importResult struct {
	Services []imported         `json:"services"`
	Skipped  []importer.Skipped `json:"skipped"`
}

func importFiles(files []importFile) (any, error) {
	var set importer.Set
	for _, f := range files {
		if err := set.Add(f.Name, []byte(f.Text)); err != nil {
			return nil, err
		}
	}
	r, err := set.Result()
	if err != nil {
		return nil, err
	}
	out := importResult{Services: []imported{}, Skipped: r.Skipped}
	if out.Skipped == nil {
		out.Skipped = []importer.Skipped{}
	}
	for _, s := range r.Services {
		o := map[string]string{}
		for k, v := range s.Origins {
			o[k] = v.String()
		}
		// Lists are [] rather than null: the page iterates them.
		missing, notes := s.Missing, s.Notes
		if missing == nil {
			missing = []importer.Missing{}
		}
		if notes == nil {
			notes = []string{}
		}
		out.Services = append(out.Services, imported{Name: s.Name, Kind: s.Kind, File: s.File, YAML: string(s.YAML()), Origins: o, Missing: missing, Notes: notes})
	}
	return out, nil
}

func parse(text []byte) (runwhere.Scenario, error) {
	s, err := runwhere.ParseScenario(text)
	return s, field(err)
}

// field marks the library's field errors so the page can place them.
func field(err error) error {
	var fe *runwhere.FieldError
	if errors.As(err, &fe) {
		return &fieldError{field: fe.Field, err: err}
	}
	return err
}
