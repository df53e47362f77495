package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere"
)

// MaxFileBytes bounds one file: 10 MiB, larger than any manifest a
// person reviews.
const MaxFileBytes = 10 << 20

// Origin is where an imported value came from: a file, a line in it and
// the path to the value ("spec.template.spec.containers[0].resources.requests.cpu").
type Origin struct {
	File string
	Line int
	Path string
}

// String is "file:line path", as the printed scenario's comments give it;
// a documented default (no line) is "path (its page)".
func (o Origin) String() string {
	if o.Line == 0 {
		return fmt.Sprintf("%s (%s)", o.Path, o.File)
	}
	return fmt.Sprintf("%s:%d %s", o.File, o.Line, o.Path)
}

// Missing is a field the files did not give: the placeholder the printed
// scenario uses, and why.
type Missing struct {
	Field string `json:"field"` // a scenario field, "workload.requests_per_second"
	Value string `json:"value"` // the placeholder printed, "1"
	Why   string `json:"why"`
}

// Service is one service found in the files: the scenario it becomes,
// where each of its fields came from (keyed by the scenario field), what
// was not found, and notes on what was found but not used or could only
// be approximated.
type Service struct {
	Name     string // the resource's name
	Kind     string // the resource's kind, "Deployment"
	File     string // the file it was found in
	Line     int    // the line it starts on
	Scenario runwhere.Scenario
	Origins  map[string]Origin
	Missing  []Missing
	Notes    []string

	entries []entry // the printed fields, in order
	// scheduleFrom are the schedules a scheduled function's runs come
	// from.
	scheduleFrom []Origin
}

// Skipped is a document the importer did not read, and why.
type Skipped struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Kind   string `json:"kind,omitempty"` // the document's kind, when it has one
	Reason string `json:"reason"`
}

// Result is what [Read] found in one or more files.
type Result struct {
	Services []Service
	Skipped  []Skipped
}

// Add appends o's services and skipped documents to r, as reading
// several files does.
func (r *Result) Add(o Result) {
	r.Services = append(r.Services, o.Services...)
	r.Skipped = append(r.Skipped, o.Skipped...)
}

// Error is a file the importer cannot read: its name, the line and the
// path of the value at fault, and why.
type Error struct {
	File   string
	Line   int    // 0 when the whole file is at fault
	Path   string // "" when the whole document is at fault
	Reason string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("importer: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Path != "" {
		b.WriteString(" " + e.Path)
	}
	b.WriteString(": " + e.Reason)
	return b.String()
}

// Read reads one file's bytes, named name in origins and errors. A file
// of a kind it does not know is one [Skipped] entry; a malformed file is
// an [*Error]. A file that refers to another (an autoscaler to its
// Deployment, an ECS service to its task definition) is read with it in
// a [Set].
func Read(name string, data []byte) (Result, error) {
	var s Set
	if err := s.Add(name, data); err != nil {
		return Result{}, err
	}
	return s.Result()
}

// Set reads several files together, so that what one refers to in
// another is found. The zero Set is empty and ready.
type Set struct {
	kube kube
	ecs  ecs
	out  Result
}

// Add reads one file's bytes into s: services that stand alone (a
// function of a template, a plan's, a metric's) at once, those that may
// refer to other files when [Set.Result] is called.
func (s *Set) Add(name string, data []byte) error {
	if len(data) > MaxFileBytes {
		return &Error{File: name, Reason: fmt.Sprintf("is %d bytes, more than the %d an import reads", len(data), MaxFileBytes)}
	}
	docs, err := documents(name, data)
	if err != nil {
		return err
	}
	for _, d := range docs {
		var out []Service
		var skipped []Skipped
		switch {
		case isPlan(d):
			if len(docs) > 1 {
				return &Error{File: name, Line: d.Line, Reason: "holds a Terraform plan and other documents: a plan is a file of its own"}
			}
			p := plan{file: name, data: data}
			out, err = p.services()
			skipped = p.skipped
		case isMetrics(d):
			m := metrics{file: name, doc: d}
			out, err = m.services()
			skipped = m.skipped
		case isTemplate(d):
			t := template{file: name, doc: d}
			out, err = t.services()
			skipped = t.skipped
		case isECS(d):
			err = s.ecs.add(name, d)
		default:
			err = s.kube.add(name, d)
		}
		if err != nil {
			return err
		}
		s.out.Services = append(s.out.Services, out...)
		s.out.Skipped = append(s.out.Skipped, skipped...)
	}
	return nil
}

// Result is every service of the files added, those that stand alone
// first, in the order read, then the Kubernetes workloads and the ECS
// task definitions. A value runwhere cannot take (a task of 1 CPU unit,
// below a millicore) is an [*Error] at the value's origin, never a
// silent round.
func (s *Set) Result() (Result, error) {
	r, err := s.result()
	if err != nil {
		return Result{}, err
	}
	for _, sv := range r.Services {
		if err := check(sv); err != nil {
			return Result{}, err
		}
	}
	return r, nil
}

// check parses the scenario a service prints, as its user will.
func check(sv Service) error {
	_, err := runwhere.ParseScenario(sv.YAML())
	if err == nil {
		return nil
	}
	var fe *runwhere.FieldError
	if errors.As(err, &fe) {
		if o, ok := sv.Origins[fe.Field]; ok && o.Line > 0 {
			return &Error{File: o.File, Line: o.Line, Path: o.Path, Reason: fmt.Sprintf("%s is a value runwhere cannot take as %s: %s", fe.Value, fe.Field, fe.Reason)}
		}
		if o, ok := sv.Origins[fe.Field]; ok {
			return &Error{File: o.File, Path: o.Path, Reason: fmt.Sprintf("%s is a value runwhere cannot take as %s: %s", fe.Value, fe.Field, fe.Reason)}
		}
	}
	return &Error{File: sv.File, Line: sv.Line, Reason: fmt.Sprintf("%s %s makes a scenario runwhere cannot take: %v", sv.Kind, sv.Name, err)}
}

func (s *Set) result() (Result, error) {
	r := Result{Services: slices.Clone(s.out.Services), Skipped: slices.Clone(s.out.Skipped)}
	out, skipped, err := s.kube.services()
	if err != nil {
		return Result{}, err
	}
	r.Services = append(r.Services, out...)
	r.Skipped = append(r.Skipped, skipped...)
	out, skipped, err = s.ecs.services()
	if err != nil {
		return Result{}, err
	}
	r.Services = append(r.Services, out...)
	r.Skipped = append(r.Skipped, skipped...)
	return r, nil
}

// maxDocuments bounds the documents of one file.
const maxDocuments = 10000

// documents are data's YAML documents (JSON is YAML), empty ones left out.
func documents(name string, data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, &Error{File: name, Reason: "is not YAML or JSON: " + strings.TrimPrefix(err.Error(), "yaml: ")}
		}
		if len(out) == maxDocuments {
			return nil, &Error{File: name, Reason: fmt.Sprintf("has more than %d documents", maxDocuments)}
		}
		if len(n.Content) == 1 && !isNull(n.Content[0]) {
			out = append(out, n.Content[0])
		}
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
