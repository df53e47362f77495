// Command wasm is the WebAssembly bridge between a web page and package
// runwhere. Built with GOOS=js GOARCH=wasm, it sets window.runwhere:
//
//	runwhere.evaluate(text)                 // scenario (YAML or JSON) -> report JSON
//	runwhere.markdown(text)                 // -> {"markdown": "..."}, the report for a review
//	runwhere.curves(text[, points])         // -> [{"platform", "points": [{requests_per_second, monthly_cost}]}]
//	runwhere.whatIf(text, events, platform) // events: array or JSON array, e.g. ["manager", "zone:b"]
//	runwhere.presets()                      // -> [{"name", "yaml"}]
//	runwhere.schema()                       // -> runwhere.Schema(): every scenario field, platform and snapshot
//	runwhere.profiles()                     // -> [{"name", "label", "help", "hourly": ["0.35", …]}], the built-in load shapes
//	runwhere.scenario(text)                 // -> the scenario as written, as a JSON object (keys in order)
//	runwhere.yaml(text)                     // -> the scenario (JSON or YAML) as block YAML
//	runwhere.version()                      // -> the library version
//
// and resolves the promise window.runwhereReady. Every function takes and
// returns strings; a failure is returned as {"error": "..."} and never
// stops the Go runtime, so the call after an error still works.
//
// This file holds the logic and has no build tags, so host tests cover it;
// main_js.go only converts between syscall/js values and these strings.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
)

// defaultCurvePoints is how many points per platform the chart asks for:
// enough for a smooth line on a phone and a desktop, cheap to compute.
const defaultCurvePoints = 41

// maxEvents bounds a what-if sequence: each event is evaluated in turn, and
// no topology has more than a few hundred members to knock out.
const maxEvents = 100

// engine is what the bridge needs from package runwhere. Values, not an
// interface, so tests can substitute one function (for example a panicking
// one) without a mock type; newEngine wires the real library.
type engine struct {
	// evaluate returns the report; lean leaves out its comparison, which
	// does not change with most edits and which the page asks for with
	// compare instead.
	evaluate func(text []byte, lean bool) (any, error)
	markdown func(text []byte) (string, error)
	curves   func(text []byte, points int) (any, error)
	whatIf   func(text []byte, platform string, events []string) (any, error)
	presets  func() []preset
	schema   func() (any, error)
	// profiles is runwhere.Profiles(): the built-in load shapes the page
	// draws and offers in its shape picker.
	profiles func() (any, error)
	// instanceTypes lists the instance types with their prices in a
	// snapshot and region, for the instance-type field's suggestions.
	instanceTypes func(snapshot, region string) (any, error)
	// compare is the limits and features of platforms in a snapshot.
	compare func(snapshot string, platforms []string) (any, error)
	// importFiles reads the files a person dropped on the page with the
	// importer (importer.Set), in the browser.
	importFiles func(files []importFile) (any, error)
	version     string
}

// importFile is one file dropped on the page: its name and its text.
type importFile struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// maxImport bounds what one import hands over: the importer's bound on a
// file, for all of them together.
const maxImport = 10 << 20

// Import reads the files (a JSON list of {name, text}) and returns the
// services found, each with its scenario's YAML, where each field came
// from, what was not found and what was skipped.
func (b bridge) Import(filesJSON string) string {
	return guard("import", func() (any, error) {
		if len(filesJSON) > maxImport+64*1024 {
			return nil, fmt.Errorf("import: the files are more than %d bytes together", maxImport)
		}
		var files []importFile
		if err := json.Unmarshal([]byte(filesJSON), &files); err != nil {
			return nil, fmt.Errorf("import: not a list of {name, text}: %v", err)
		}
		if len(files) == 0 {
			return nil, errors.New("import: no files")
		}
		return b.e.importFiles(files)
	})
}

// preset is a reference scenario offered in the page's menu.
type preset struct {
	Name string `json:"name"`
	YAML string `json:"yaml"`
}

// bridge is the set of functions the page calls, each string in, JSON string out.
type bridge struct{ e engine }

// fieldError is an error about one scenario field; the page shows it
// beside that field. newEngine turns the library's field errors into it.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// errorJSON is the one shape of every failure: {"error": msg}, plus
// "field" when the failure is about one scenario field.
func errorJSON(msg string) string { return errorFieldJSON(msg, "") }

func errorFieldJSON(msg, field string) string {
	b, err := json.Marshal(struct {
		Error string `json:"error"`
		Field string `json:"field,omitempty"`
	}{msg, field})
	if err != nil { // cannot happen for a string; keep the promise anyway
		return `{"error":"bridge: cannot encode error"}`
	}
	return string(b)
}

// guard runs f, recovers a panic and encodes the result: the value as JSON,
// or {"error": ...}. Encoding happens inside the recovered region, so a
// value that cannot be marshalled is an error too, not a crash.
func guard(name string, f func() (any, error)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(fmt.Sprintf("%s: internal error: %v (please report this with the scenario; stack: %s)",
				name, r, firstFrames(debug.Stack())))
		}
	}()
	v, err := f()
	if err != nil {
		var fe *fieldError
		if errors.As(err, &fe) {
			return errorFieldJSON(err.Error(), fe.field)
		}
		return errorJSON(err.Error())
	}
	if s, ok := v.(rawJSON); ok {
		return string(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return errorJSON(fmt.Sprintf("%s: cannot encode the result: %v", name, err))
	}
	return string(b)
}

// rawJSON is a result that is already JSON text.
type rawJSON string

// firstFrames keeps the stack short enough to show in a page.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, " | ")
}

// parseDocument checks the input and parses it as a YAML (or JSON) node
// tree, keeping the keys in the order written. A second document is an
// error, as runwhere.ParseScenario makes it: the page fills its form from
// this, so taking the first would drop the rest of a pasted text or a
// share link without a word.
func parseDocument(text string) (yaml.Node, error) {
	var doc yaml.Node
	in, err := checkInput(text)
	if err != nil {
		return doc, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(in))
	if err := dec.Decode(&doc); err != nil {
		// The decoder's own wording and place, so that the form and
		// ParseScenario point at the same line (yaml.v3's reads one early).
		e := input.SyntaxError(in, err)
		at := ""
		switch {
		case e.Line > 0 && e.Column > 0:
			at = fmt.Sprintf("line %d:%d: ", e.Line, e.Column)
		case e.Line > 0:
			at = fmt.Sprintf("line %d: ", e.Line)
		}
		return doc, fmt.Errorf("scenario: %s%s", at, strings.TrimPrefix(e.Reason, "is not valid YAML: "))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return doc, errors.New("scenario: more than one YAML document (a line \"---\" starts another); give one scenario")
	}
	return doc, nil
}

func checkInput(text string) ([]byte, error) {
	if len(text) > maxInput {
		return nil, fmt.Errorf("scenario: %d bytes is more than the %d this page accepts", len(text), maxInput)
	}
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("scenario: empty; give a YAML or JSON scenario")
	}
	return []byte(text), nil
}

// Evaluate returns the report of the scenario text (YAML or JSON). With
// options "lean" the report leaves out its comparison: the page, which
// evaluates on every keystroke, asks compare for it when the snapshot or
// the platforms change. Any other options are an error.
func (b bridge) Evaluate(text, options string) string {
	return guard("evaluate", func() (any, error) {
		if options != "" && options != "lean" {
			return nil, fmt.Errorf("evaluate: options %.40q is not \"lean\" or empty", options)
		}
		in, err := checkInput(text)
		if err != nil {
			return nil, err
		}
		return b.e.evaluate(in, options == "lean")
	})
}

// Markdown returns the report as Markdown, as the library renders it.
func (b bridge) Markdown(text string) string {
	return guard("markdown", func() (any, error) {
		in, err := checkInput(text)
		if err != nil {
			return nil, err
		}
		md, err := b.e.markdown(in)
		if err != nil {
			return nil, err
		}
		return struct {
			Markdown string `json:"markdown"`
		}{md}, nil
	})
}

// Curves returns monthly cost against request rate for every platform.
// points <= 0 means defaultCurvePoints.
func (b bridge) Curves(text string, points int) string {
	return guard("curves", func() (any, error) {
		in, err := checkInput(text)
		if err != nil {
			return nil, err
		}
		if points <= 0 {
			points = defaultCurvePoints
		}
		if points > 1000 {
			return nil, fmt.Errorf("curves: %d points is more than 1000", points)
		}
		return b.e.curves(in, points)
	})
}

// WhatIf knocks out managers, workers or zones of one platform in turn.
// events is a JSON array of strings or a comma-separated list.
func (b bridge) WhatIf(text, events, platform string) string {
	return guard("whatIf", func() (any, error) {
		in, err := checkInput(text)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(platform) == "" {
			return nil, errors.New("whatIf: platform is empty; name one, e.g. swarm")
		}
		evs, err := parseEvents(events)
		if err != nil {
			return nil, err
		}
		return b.e.whatIf(in, platform, evs)
	})
}

// parseEvents accepts `["manager","zone:b"]` or `manager, zone:b`.
func parseEvents(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	evs := []string{}
	if s == "" {
		return evs, nil
	}
	if strings.HasPrefix(s, "[") {
		if err := json.Unmarshal([]byte(s), &evs); err != nil {
			return nil, fmt.Errorf("whatIf: events: want a JSON array of strings: %v", err)
		}
		if len(evs) > maxEvents {
			return nil, fmt.Errorf("whatIf: events: %d is more than the %d a what-if takes", len(evs), maxEvents)
		}
		return evs, nil
	}
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			evs = append(evs, e)
		}
	}
	if len(evs) > maxEvents {
		return nil, fmt.Errorf("whatIf: events: %d is more than the %d a what-if takes", len(evs), maxEvents)
	}
	return evs, nil
}

// Presets lists the reference scenarios.
func (b bridge) Presets() string {
	return guard("presets", func() (any, error) {
		p := b.e.presets()
		if p == nil {
			p = []preset{}
		}
		return p, nil
	})
}

// Schema describes every scenario field, platform and snapshot, for the
// page's form: the page holds no list of its own.
func (b bridge) Schema() string {
	return guard("schema", b.e.schema)
}

// Profiles lists the built-in load shapes (runwhere.Profiles()), each with
// its relative load per hour as decimal strings, for the page's shape
// picker: the page holds no shape of its own.
func (b bridge) Profiles() string {
	return guard("profiles", b.e.profiles)
}

// InstanceTypes lists every instance type with its shape and its price in
// the snapshot and region ("" for the newest and the default region), as
// {"instance_types": [...]}, or {"error", "field"} for an unknown one.
func (b bridge) InstanceTypes(snapshot, region string) string {
	return guard("instanceTypes", func() (any, error) {
		if len(snapshot) > 16 || len(region) > 64 {
			return nil, &fieldError{field: "region", err: errors.New("instanceTypes: snapshot or region is too long")}
		}
		list, err := b.e.instanceTypes(snapshot, region)
		if err != nil {
			return nil, err
		}
		return map[string]any{"instance_types": list}, nil
	})
}

// Compare is the comparison of the platforms (a comma-separated list of
// ids; "" for all) in a snapshot ("" for the newest), as the report's
// comparison object, or {"error", "field"}.
func (b bridge) Compare(snapshot, platforms string) string {
	return guard("compare", func() (any, error) {
		if len(snapshot) > 16 || len(platforms) > 1024 {
			return nil, &fieldError{field: "platforms", err: errors.New("compare: snapshot or platforms is too long")}
		}
		var ids []string
		if platforms != "" {
			ids = strings.Split(platforms, ",")
		}
		return b.e.compare(snapshot, ids)
	})
}

// Version is the library version.
func (b bridge) Version() string { return b.e.version }

// Scenario returns the scenario text (YAML or JSON) as one JSON object with
// the keys in the order written. It checks the syntax only: the page fills
// its form from this and then asks Evaluate for the meaning, so a value the
// library rejects still lands in its field with its error beside it.
func (b bridge) Scenario(text string) string {
	return guard("scenario", func() (any, error) {
		doc, err := parseDocument(text)
		if err != nil {
			return nil, err
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			return nil, errors.New("scenario: want a mapping of fields (name: …, workload: …)")
		}
		var buf bytes.Buffer
		if err := nodeJSON(&buf, doc.Content[0], 0); err != nil {
			return nil, err
		}
		return rawJSON(buf.String()), nil
	})
}

// nodeJSON writes a YAML node as JSON, keeping the order of mapping keys.
// Scalars keep their YAML meaning: !!int and !!float become JSON numbers
// written as in the source (so 0.0416 stays 0.0416), !!bool and !!null
// their literals, everything else a string.
func nodeJSON(buf *bytes.Buffer, n *yaml.Node, depth int) error {
	if depth > 32 {
		return errors.New("scenario: nested more than 32 levels")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			buf.WriteString("null")
			return nil
		}
		return nodeJSON(buf, n.Content[0], depth+1)
	case yaml.AliasNode:
		return fmt.Errorf("scenario: line %d: aliases (*%s) are not supported", n.Line, n.Value)
	case yaml.MappingNode:
		buf.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return fmt.Errorf("scenario: line %d: a key must be a plain name", k.Line)
			}
			if i > 0 {
				buf.WriteByte(',')
			}
			writeString(buf, k.Value)
			buf.WriteByte(':')
			if err := nodeJSON(buf, v, depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case yaml.SequenceNode:
		buf.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := nodeJSON(buf, c, depth+1); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			buf.WriteString("null")
		case "!!bool":
			var v bool
			if err := n.Decode(&v); err != nil {
				return fmt.Errorf("scenario: line %d: %v", n.Line, err)
			}
			fmt.Fprint(buf, v)
		case "!!int", "!!float":
			if json.Valid([]byte(n.Value)) {
				buf.WriteString(n.Value)
			} else { // .inf, 0x1F, 1_000, +5 … : keep the text, the library names the field
				writeString(buf, n.Value)
			}
		default:
			writeString(buf, n.Value)
		}
	default:
		return fmt.Errorf("scenario: line %d: unexpected YAML node", n.Line)
	}
	return nil
}

func writeString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s) // a string always marshals
	buf.Write(b)
}

// YAML returns the scenario (JSON or YAML) as block-style YAML with the keys
// in the order given, for the page's YAML box and for copying into a file.
func (b bridge) YAML(text string) string {
	return guard("yaml", func() (any, error) {
		doc, err := parseDocument(text)
		if err != nil {
			return nil, err
		}
		blockStyle(&doc)
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			return nil, fmt.Errorf("yaml: %v", err)
		}
		if err := enc.Close(); err != nil {
			return nil, fmt.Errorf("yaml: %v", err)
		}
		return struct {
			YAML string `json:"yaml"`
		}{buf.String()}, nil
	})
}

// blockStyle turns JSON's flow style into YAML's block style, keeping short
// lists of scalars (platforms: [lambda, swarm]) on one line.
func blockStyle(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode, yaml.DocumentNode:
		n.Style = 0
	case yaml.SequenceNode:
		n.Style = yaml.FlowStyle
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				n.Style = 0
			}
		}
	case yaml.ScalarNode:
		// JSON quotes every string; YAML needs quotes only where the plain
		// text would mean something else ("0.096" must stay a string).
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			n.Style = 0
		}
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}
