package runwhere_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// nullForms are the ways YAML writes null; JSON has only null.
var nullForms = []yaml.Node{
	{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"},
	{Kind: yaml.ScalarNode, Tag: "!!null", Value: "~"},
	{Kind: yaml.ScalarNode, Tag: "!!null", Value: "Null"},
	{Kind: yaml.ScalarNode, Tag: "!!null", Value: "NULL"},
	{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""},
	{Kind: yaml.ScalarNode, Tag: "!!null", Value: "", Style: yaml.TaggedStyle},
}

// FuzzNullItems puts a null into a list of a valid scenario (which list,
// where, how it is written, YAML or JSON) and requires ParseScenario to
// refuse it naming that item (issue 27: yaml.v3 dropped it and the
// scenario was billed without it).
func FuzzNullItems(f *testing.F) {
	for i, p := range runwhere.Presets() {
		f.Add(p.YAML, uint16(i), uint16(i), uint8(i), i%2 == 0)
	}
	f.Add(ordersAPI, uint16(0), uint16(3), uint8(0), false)
	f.Add("platforms: [lambda, swarm]\nworkload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024, hourly: ["+hours24()+"]}\nlambda: {provisioned_concurrency: 20, provisioned_schedule: [9, 10, 11]}\n",
		uint16(1), uint16(0), uint8(4), false)
	f.Add("platforms:\n  - lambda\n  - swarm\nworkload:\n  requests_per_second: 50\n  duration_ms: 200\n  memory_mb: 1024\n  hourly: ["+hours24()+"]\n",
		uint16(0), uint16(2), uint8(4), false)
	f.Add(`{"platforms":["lambda"],"workload":{"requests_per_second":50,"duration_ms":200,"memory_mb":1024,"hourly":[`+hours24()+`]}}`,
		uint16(1), uint16(24), uint8(0), true)
	f.Fuzz(func(t *testing.T, doc string, which, at uint16, form uint8, asJSON bool) {
		if _, err := runwhere.ParseScenario([]byte(doc)); err != nil {
			return
		}
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &root); err != nil {
			t.Fatalf("ParseScenario accepted %q, which yaml.v3 refuses: %v", doc, err)
		}
		var lists []list
		findLists(&root, "", &lists)
		if len(lists) == 0 {
			return
		}
		l := lists[int(which)%len(lists)]
		if len(l.n.Content) >= 200 { // one more is refused for its length
			return
		}
		i := int(at) % (len(l.n.Content) + 1)
		null := nullForms[int(form)%len(nullForms)]
		// yaml.v3 writes an empty null as '', a string; the text puts the
		// empty item in by hand. A flow list has no empty item.
		const placeholder = "NULL_ITEM_PLACEHOLDER"
		empty := null.Value == "" && null.Style == 0 && !asJSON
		if empty {
			if l.n.Style&yaml.FlowStyle != 0 {
				return
			}
			null = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: placeholder}
		}
		// The scenario as written back must read before the null is put
		// in: a merge key has no JSON form, and yaml.v3 writes a null
		// field left empty as '', a string (found by this target).
		clean, err := nodeJSON(&root)
		if !asJSON {
			clean, err = yaml.Marshal(&root)
		}
		if err != nil {
			return
		}
		if _, err := runwhere.ParseScenario(clean); err != nil {
			return
		}
		l.n.Content = append(l.n.Content[:i], append([]*yaml.Node{&null}, l.n.Content[i:]...)...)
		var text []byte
		if asJSON {
			text, err = nodeJSON(&root)
		} else {
			text, err = yaml.Marshal(&root)
			if empty {
				text = bytes.Replace(text, []byte(" "+placeholder), nil, 1)
			}
		}
		if err != nil || len(text) > runwhere.MaxScenarioBytes {
			return
		}
		var s runwhere.Scenario
		inputtest.Timed(t, "ParseScenario", text, func() { s, err = runwhere.ParseScenario(text) })
		if err == nil {
			t.Fatalf("ParseScenario(%q) = %+v, want an error naming %s[%d]", text, s, l.path, i)
		}
		var fe *runwhere.FieldError
		if !errors.As(err, &fe) {
			t.Fatalf("ParseScenario(%q) = %v, want a *FieldError", text, err)
		}
		if strings.Contains(fe.Reason, "YAML nodes") {
			return // the item made the scenario too large: refused all the same
		}
		want := fmt.Sprintf("%s[%d]", l.path, i)
		// An anchored list is refused where the decoder meets it first,
		// which may be an alias to it.
		named := fe.Field == want || l.anchored && strings.HasSuffix(fe.Field, fmt.Sprintf("[%d]", i))
		if !named || !strings.Contains(strings.ToLower(fe.Error()), "null") || fe.Line == 0 {
			t.Fatalf("ParseScenario(%q) = %v, want an error about the null at %s", text, err, want)
		}
	})
}

type list struct {
	n        *yaml.Node
	path     string
	anchored bool
}

// findLists lists the sequences of a node tree with the field path the
// decoder names them by; aliases are not followed (their target is listed
// where it is written).
func findLists(n *yaml.Node, path string, out *[]list) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			findLists(c, path, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			at := key
			if path != "" && key != "<<" {
				at = path + "." + key
			} else if key == "<<" {
				at = path
			}
			findLists(n.Content[i+1], at, out)
		}
	case yaml.SequenceNode:
		*out = append(*out, list{n: n, path: path, anchored: n.Anchor != "" || strings.Contains(path, "<<")})
		for i, c := range n.Content {
			findLists(c, fmt.Sprintf("%s[%d]", path, i), out)
		}
	}
}

// nodeJSON writes a node tree as JSON, as the calculator's page sends a
// scenario: numbers as written, aliases expanded.
func nodeJSON(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	var write func(n *yaml.Node, depth int) error
	write = func(n *yaml.Node, depth int) error {
		if depth > 64 {
			return errors.New("too deep")
		}
		switch n.Kind {
		case yaml.DocumentNode:
			return write(n.Content[0], depth+1)
		case yaml.AliasNode:
			return write(n.Alias, depth+1)
		case yaml.MappingNode:
			b.WriteByte('{')
			for i := 0; i+1 < len(n.Content); i += 2 {
				if i > 0 {
					b.WriteByte(',')
				}
				k, _ := json.Marshal(n.Content[i].Value)
				b.Write(k)
				b.WriteByte(':')
				if err := write(n.Content[i+1], depth+1); err != nil {
					return err
				}
			}
			b.WriteByte('}')
		case yaml.SequenceNode:
			b.WriteByte('[')
			for i, c := range n.Content {
				if i > 0 {
					b.WriteByte(',')
				}
				if err := write(c, depth+1); err != nil {
					return err
				}
			}
			b.WriteByte(']')
		case yaml.ScalarNode:
			switch n.ShortTag() {
			case "!!null":
				b.WriteString("null")
			case "!!bool", "!!int", "!!float":
				if json.Valid([]byte(n.Value)) {
					b.WriteString(n.Value)
					return nil
				}
				fallthrough
			default:
				s, _ := json.Marshal(n.Value)
				b.Write(s)
			}
		}
		return nil
	}
	if err := write(n, 0); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
