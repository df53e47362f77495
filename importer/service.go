package importer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// entry is one printed field: its section, key, YAML value and origins.
type entry struct {
	section, key, value string
	from                []Origin
}

func newService(name, kind, file string, line int) Service {
	s := Service{Name: name, Kind: kind, File: file, Line: line, Origins: map[string]Origin{}}
	s.Scenario.Name = name
	return s
}

// drop takes a printed field back out, with its origin.
func (s *Service) drop(section, key string) {
	s.entries = slices.DeleteFunc(s.entries, func(e entry) bool { return e.section == section && e.key == key })
	delete(s.Origins, section+"."+key)
}

// set records a field's printed value and its origins (the first is the
// field's [Service.Origins] entry).
func (s *Service) set(section, key, value string, from []Origin) {
	s.entries = append(s.entries, entry{section, key, value, from})
	s.Origins[section+"."+key] = from[0]
}

func (s *Service) missing(field, value, why string) {
	s.Missing = append(s.Missing, Missing{Field: field, Value: value, Why: why})
}

// The workload's three required fields are what no manifest says: the
// printed scenario carries placeholders, listed at its top, so that it
// parses and the person replaces them with what they measure.
var (
	placeholderRate     = decimal.NewFromInt(1)
	placeholderDuration = decimal.NewFromInt(100)
	placeholderMemory   = int64(128)
)

func (s *Service) placeholders() {
	mem := placeholderMemory
	s.Scenario.Workload.MemoryMB = &mem
	s.placeholder("workload.memory_mb", "memory_mb", fmt.Sprint(mem), "what one request needs on Lambda; 128 MB is Lambda's smallest")
	s.requestPlaceholders()
}

// jobPlaceholders are a job's: how long a run lasts and what one task's
// request needs on Lambda, which no manifest or template says.
func (s *Service) jobPlaceholders() {
	mem, run := placeholderMemory, decimal.NewFromInt(1)
	s.Scenario.Workload.MemoryMB = &mem
	s.Scenario.Workload.RunMinutes = &run
	s.placeholder("workload.memory_mb", "memory_mb", fmt.Sprint(mem), "what one run needs on Lambda; 128 MB is Lambda's smallest")
	s.placeholder("workload.run_minutes", "run_minutes", run.String(), "a file does not say how long a run lasts: give the mean, from the job's logs")
}

// requestPlaceholders are the placeholders of the rate and the duration,
// which no file but metrics gives.
func (s *Service) requestPlaceholders() {
	rate, dur := placeholderRate, placeholderDuration
	s.Scenario.Workload.RequestsPerSecond = &rate
	s.Scenario.Workload.DurationMS = &dur
	s.placeholder("workload.duration_ms", "duration_ms", dur.String(), "a file does not say how long a request takes: give the mean")
	s.placeholder("workload.requests_per_second", "requests_per_second", rate.String(), "a file does not say the load: give the mean rate, from CloudWatch or Prometheus")
}

// placeholder puts a workload field's placeholder first among the
// printed fields and the missing ones.
func (s *Service) placeholder(field, key, value, why string) {
	s.Missing = append([]Missing{{Field: field, Value: value, Why: why}}, s.Missing...)
	s.entries = append([]entry{{"workload", key, value, nil}}, s.entries...)
}

// sections are the printed order of a scenario's sections.
var sections = []string{"workload", "lambda", "container", "servers", "ingress"}

// YAML is the service as a scenario [runwhere.ParseScenario] accepts:
// a comment block naming what was not found and its placeholder, and
// every field followed by its origin.
func (s Service) YAML() []byte {
	var b bytes.Buffer
	what := s.Kind + " " + s.Name
	if strings.Contains(s.Name, s.Kind+".") {
		what = s.Name // a Terraform address names its type
	}
	if s.Line > 0 {
		fmt.Fprintf(&b, "# %s, imported from %s:%d\n", what, s.File, s.Line)
	} else {
		fmt.Fprintf(&b, "# %s, imported from %s\n", what, s.File)
	}
	if len(s.Missing) > 0 {
		b.WriteString("# Not found; what this scenario uses instead:\n")
		for _, m := range s.Missing {
			fmt.Fprintf(&b, "#   %s: %s (%s)\n", m.Field, m.Value, m.Why)
		}
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&b, "# Note: %s\n", n)
	}
	fmt.Fprintf(&b, "name: %s\n", quote(s.Name))
	for _, sec := range sections {
		first := true
		for _, e := range s.entries {
			if e.section != sec {
				continue
			}
			if first {
				b.WriteString(sec + ":\n")
				first = false
			}
			fmt.Fprintf(&b, "  %s: %s", e.key, e.value)
			switch {
			case len(e.from) == 0:
				b.WriteString(" # placeholder: not found")
			case len(e.from) == 1 && e.from[0].Line == 0 && e.from[0].File == s.File:
				b.WriteString(" # " + e.from[0].File + " " + e.from[0].Path)
			case len(e.from) == 1:
				b.WriteString(" # " + e.from[0].String())
			default:
				parts := make([]string, len(e.from))
				for i, o := range e.from {
					parts[i] = fmt.Sprintf("%d %s", o.Line, o.Path)
				}
				fmt.Fprintf(&b, " # the sum of %s:%s", e.from[0].File, strings.Join(parts, ", "))
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// YAML is every service as one multi-document stream, and a comment
// block listing the skipped documents.
func (r Result) YAML() []byte {
	var b bytes.Buffer
	for _, k := range r.Skipped {
		kind := k.Kind
		if kind == "" {
			kind = "document"
		}
		if k.Line > 0 {
			fmt.Fprintf(&b, "# Skipped: %s:%d %s %s\n", k.File, k.Line, kind, k.Reason)
		} else {
			fmt.Fprintf(&b, "# Skipped: %s %s %s\n", k.File, kind, k.Reason)
		}
	}
	// The skipped block opens the first document, so that a file of one
	// service stays one document "runwhere report" reads.
	for i, s := range r.Services {
		if i > 0 {
			b.WriteString("---\n")
		}
		b.Write(s.YAML())
	}
	return b.Bytes()
}

// quote is a name as a YAML string, quoted when it could read as
// something else.
func quote(s string) string {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return fmt.Sprintf("%q", s)
		}
	}
	switch s {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return fmt.Sprintf("%q", s)
	}
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return fmt.Sprintf("%q", s)
	}
	return s
}
