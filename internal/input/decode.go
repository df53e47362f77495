package input

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// Limits bound the work one [Decode] may do. Every field must be positive.
type Limits struct {
	MaxBytes  int // the whole input
	MaxNodes  int // YAML nodes once anchors, aliases and merge keys are expanded
	MaxItems  int // keys of any one mapping, items of any one list
	MaxString int // bytes of any one string value or mapping key
}

// maxDepth bounds nesting; no runwhere format nests deeper than 8.
const maxDepth = 64

// Short returns s as an error message may quote it: control characters
// replaced, and at most about 64 bytes, with the full length named when
// it is cut.
func Short(s string) string {
	const keep = 48
	cut := len(s) > 64
	if cut {
		i := keep
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return '\uFFFD'
		}
		return r
	}, s)
	if cut {
		return s + "…"
	}
	return s
}

func errAt(n *yaml.Node, field, value, reason string) *FieldError {
	e := &FieldError{Field: shortPath(field), Value: Short(value), Reason: reason}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// shortPath keeps a field's path readable and bounded: a path of 64
// nested keys (an alias that refers to itself) keeps its first and last
// 40 bytes around "…", so an error message stays short.
func shortPath(p string) string {
	const keep = 40
	if len(p) <= 2*keep+8 {
		return p
	}
	head, tail := keep, len(p)-keep
	for head > 0 && !utf8.RuneStart(p[head]) {
		head--
	}
	for tail < len(p) && !utf8.RuneStart(p[tail]) {
		tail++
	}
	return p[:head] + "…" + p[tail:]
}

// Decode reads exactly one YAML document from data into out (a pointer),
// strictly: unknown fields, duplicate keys, a second document, invalid
// UTF-8 and any value that does not fit its field's Go type are refused
// with a [*FieldError]. Numbers follow one rule for every field, quoted or
// not: decimal fields take [ParseDecimal] notation, whole-number fields
// [ParseWhole], float fields the decimal notation too. Anchors, aliases
// and merge keys are expanded and their values checked exactly like
// literal ones, within lim. A field given as null is left out (it keeps
// its zero value); a null list item, map key or map entry is refused, as
// is a scalar whose explicit tag (!!null, !!int …) its text does not fit.
// Errors from a field's own UnmarshalYAML or UnmarshalText are returned as
// they are.
func Decode(data []byte, out any, lim Limits) error {
	_, err := DecodeNode(data, out, lim)
	return err
}

// DecodeNode is [Decode] that also returns the document's top node as
// written (aliases and merge keys unexpanded), for callers that report
// positions from it, so that they need not parse the text a second time.
// The node is nil when the text is not one YAML document.
func DecodeNode(data []byte, out any, lim Limits) (*yaml.Node, error) {
	if len(data) > lim.MaxBytes {
		return nil, &FieldError{Reason: fmt.Sprintf("is %d bytes; at most %d are read", len(data), lim.MaxBytes)}
	}
	if !utf8.Valid(data) {
		return nil, invalidUTF8(data)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &FieldError{Reason: "is empty"}
		}
		return nil, syntaxError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		e := &FieldError{Reason: "holds more than one YAML document; give exactly one"}
		if err == nil {
			e.Line, e.Column = extra.Line, extra.Column
		}
		return nil, e
	}
	// A document that is only null (---, ~, or JSON's null) holds no
	// more than an empty one.
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, &FieldError{Reason: "is empty"}
	}
	t := reflect.TypeOf(out)
	if t == nil || t.Kind() != reflect.Pointer {
		return nil, &FieldError{Reason: fmt.Sprintf("input: Decode needs a pointer, not %T", out)}
	}
	d := &decoder{lim: lim}
	n, err := d.walk(doc.Content[0], t.Elem(), "", 0)
	if err != nil {
		return nil, err
	}
	return doc.Content[0], n.Decode(out)
}

func invalidUTF8(data []byte) error {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return &FieldError{Reason: "is not valid UTF-8 text", Line: line, Column: col}
}

type decoder struct {
	lim   Limits
	nodes int
}

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	yamlUnmarsh = reflect.TypeFor[yaml.Unmarshaler]()
	textUnmarsh = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// walk checks n against t (nil: any value) and returns a copy of it with
// aliases and merge keys expanded and numbers in canonical form.
func (d *decoder) walk(n *yaml.Node, t reflect.Type, path string, depth int) (*yaml.Node, error) {
	for n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return nil, errAt(n, path, n.Value, "is an alias to no anchor")
		}
		n = n.Alias
	}
	if depth > maxDepth {
		return nil, errAt(n, path, "", fmt.Sprintf("nests deeper than %d levels", maxDepth))
	}
	if d.nodes++; d.nodes > d.lim.MaxNodes {
		return nil, errAt(n, path, "", fmt.Sprintf("makes the input exceed %d YAML nodes (anchors and aliases count once per use)", d.lim.MaxNodes))
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	out := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value, Line: n.Line, Column: n.Column}
	if n.Kind == yaml.ScalarNode {
		if len(n.Value) > d.lim.MaxString {
			return nil, errAt(n, path, n.Value, fmt.Sprintf("is %d bytes long; at most %d", len(n.Value), d.lim.MaxString))
		}
		if err := checkTag(n, path); err != nil {
			return nil, err
		}
		if n.Tag == "!!null" {
			// A field given as null is a field left out (the Go value
			// keeps its zero); a list item or a map entry has no such
			// meaning, so the callers of walk for those refuse it.
			return out, nil
		}
	}
	switch {
	case t == nil || t.Kind() == reflect.Interface:
		return d.generic(n, out, path, depth)
	case t == decimalType:
		if n.Kind != yaml.ScalarNode {
			return nil, errAt(n, path, "", "must be a decimal number, not "+kindName(n))
		}
		if _, err := ParseDecimal(n.Value); err != nil {
			return nil, errAt(n, path, n.Value, err.Error())
		}
		out.Tag, out.Style = "!!str", 0
		return out, nil
	case reflect.PointerTo(t).Implements(yamlUnmarsh):
		// The type reads itself. It is tried here, on a scratch value, so
		// that its refusal names the field's whole path and position
		// (yaml.v3 would report it without either); its text is still
		// bounded by the generic walk.
		if err := reflect.New(t).Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			var fe *FieldError
			if errors.As(err, &fe) {
				fe.Field = path
				if fe.Line == 0 {
					fe.Line, fe.Column = n.Line, n.Column
				}
				return nil, fe
			}
			return nil, errAt(n, path, scalarValue(n), err.Error())
		}
		return d.generic(n, out, path, depth)
	case reflect.PointerTo(t).Implements(textUnmarsh):
		// The type reads itself and reports its own errors; its text is
		// still bounded above.
		return d.generic(n, out, path, depth)
	}
	switch t.Kind() {
	case reflect.Struct:
		return d.object(n, out, t, path, depth)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return nil, errAt(n, path, scalarValue(n), "must be a mapping, not "+kindName(n))
		}
		pairs, err := d.pairs(n, path, 0)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			at := join(path, p.key.Value)
			if err := notNull(p.key, at, "a key"); err != nil {
				return nil, err
			}
			if err := notNull(p.value, at, "each entry of a mapping"); err != nil {
				return nil, err
			}
			k, err := d.walk(p.key, t.Key(), at, depth+1)
			if err != nil {
				return nil, err
			}
			v, err := d.walk(p.value, t.Elem(), at, depth+1)
			if err != nil {
				return nil, err
			}
			out.Content = append(out.Content, k, v)
		}
		return out, nil
	case reflect.Slice, reflect.Array:
		if n.Kind != yaml.SequenceNode {
			return nil, errAt(n, path, scalarValue(n), "must be a list, not "+kindName(n))
		}
		if len(n.Content) > d.lim.MaxItems {
			return nil, errAt(n, path, "", fmt.Sprintf("has %d items; at most %d", len(n.Content), d.lim.MaxItems))
		}
		for i, c := range n.Content {
			at := fmt.Sprintf("%s[%d]", path, i)
			if err := notNull(c, at, "each item of a list"); err != nil {
				return nil, err
			}
			v, err := d.walk(c, t.Elem(), at, depth+1)
			if err != nil {
				return nil, err
			}
			out.Content = append(out.Content, v)
		}
		return out, nil
	}
	if n.Kind != yaml.ScalarNode {
		return nil, errAt(n, path, "", "must be "+scalarKind(t)+", not "+kindName(n))
	}
	switch t.Kind() {
	case reflect.String:
		return out, nil
	case reflect.Bool:
		if n.Tag != "!!bool" {
			return nil, errAt(n, path, n.Value, "is not true or false")
		}
		return out, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v, err := ParseWhole(n.Value, t.Bits())
		if err != nil {
			return nil, errAt(n, path, n.Value, err.Error())
		}
		out.Tag, out.Style, out.Value = "!!int", 0, strconv.FormatInt(v, 10)
		return out, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v, err := ParseUnsigned(n.Value, t.Bits())
		if err != nil {
			return nil, errAt(n, path, n.Value, err.Error())
		}
		out.Tag, out.Style, out.Value = "!!int", 0, strconv.FormatUint(v, 10)
		return out, nil
	case reflect.Float32, reflect.Float64:
		dv, err := ParseDecimal(n.Value)
		if err != nil {
			return nil, errAt(n, path, n.Value, err.Error())
		}
		out.Tag, out.Style, out.Value = "!!float", 0, dv.String()
		return out, nil
	}
	return nil, errAt(n, path, "", fmt.Sprintf("has Go type %s, which input cannot read", t))
}

// generic copies a value whose shape the Go type does not fix.
func (d *decoder) generic(n, out *yaml.Node, path string, depth int) (*yaml.Node, error) {
	switch n.Kind {
	case yaml.MappingNode:
		pairs, err := d.pairs(n, path, 0)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			k, err := d.walk(p.key, nil, path, depth+1)
			if err != nil {
				return nil, err
			}
			v, err := d.walk(p.value, nil, join(path, p.key.Value), depth+1)
			if err != nil {
				return nil, err
			}
			out.Content = append(out.Content, k, v)
		}
	case yaml.SequenceNode:
		if len(n.Content) > d.lim.MaxItems {
			return nil, errAt(n, path, "", fmt.Sprintf("has %d items; at most %d", len(n.Content), d.lim.MaxItems))
		}
		for i, c := range n.Content {
			at := fmt.Sprintf("%s[%d]", path, i)
			if err := notNull(c, at, "each item of a list"); err != nil {
				return nil, err
			}
			v, err := d.walk(c, nil, at, depth+1)
			if err != nil {
				return nil, err
			}
			out.Content = append(out.Content, v)
		}
	}
	return out, nil
}

func (d *decoder) object(n, out *yaml.Node, t reflect.Type, path string, depth int) (*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		what := "a mapping of fields"
		if path == "" {
			what = "a mapping of fields (name: value)"
		}
		return nil, errAt(n, path, scalarValue(n), "must be "+what+", not "+kindName(n))
	}
	fields := fieldsOf(t)
	pairs, err := d.pairs(n, path, 0)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		at := join(path, p.key.Value)
		ft, ok := fields.types[p.key.Value]
		if !ok {
			return nil, errAt(p.key, at, "", fmt.Sprintf("is not a known field (fields here: %s)", strings.Join(fields.names, ", ")))
		}
		v, err := d.walk(p.value, ft, at, depth+1)
		if err != nil {
			return nil, err
		}
		k := *p.key
		out.Content = append(out.Content, &k, v)
	}
	return out, nil
}

type pair struct{ key, value *yaml.Node }

// pairs lists a mapping's key-value pairs with merge keys expanded: keys
// written in the mapping win over merged ones, and of several merged
// mappings the first wins, as the YAML merge-key type specifies.
func (d *decoder) pairs(n *yaml.Node, path string, depth int) ([]pair, error) {
	if depth > maxDepth {
		return nil, errAt(n, path, "", fmt.Sprintf("nests merge keys deeper than %d levels", maxDepth))
	}
	if len(n.Content)/2 > d.lim.MaxItems {
		return nil, errAt(n, path, "", fmt.Sprintf("has %d keys; at most %d", len(n.Content)/2, d.lim.MaxItems))
	}
	var out []pair
	seen := make(map[string]bool, len(n.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		for k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return nil, errAt(k, path, "", "has a key that is "+kindName(k)+"; keys are plain text")
		}
		if k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if len(k.Value) > d.lim.MaxString {
			return nil, errAt(k, path, k.Value, fmt.Sprintf("is a key %d bytes long; at most %d", len(k.Value), d.lim.MaxString))
		}
		if seen[k.Value] {
			return nil, errAt(k, join(path, k.Value), "", "appears twice")
		}
		seen[k.Value] = true
		out = append(out, pair{k, v})
	}
	for _, m := range merges {
		for m.Kind == yaml.AliasNode && m.Alias != nil {
			m = m.Alias
		}
		sources := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			sources = m.Content
		}
		for _, s := range sources {
			for s.Kind == yaml.AliasNode && s.Alias != nil {
				s = s.Alias
			}
			if s.Kind != yaml.MappingNode {
				return nil, errAt(s, join(path, "<<"), scalarValue(s), "must be a mapping or a list of mappings to merge, not "+kindName(s))
			}
			merged, err := d.pairs(s, path, depth+1)
			if err != nil {
				return nil, err
			}
			for _, p := range merged {
				if !seen[p.key.Value] {
					seen[p.key.Value] = true
					out = append(out, p)
				}
			}
		}
	}
	if len(out) > d.lim.MaxItems {
		return nil, errAt(n, path, "", fmt.Sprintf("has %d keys once merged; at most %d", len(out), d.lim.MaxItems))
	}
	return out, nil
}

type fieldSet struct {
	types map[string]reflect.Type
	names []string
}

var fieldCache sync.Map // reflect.Type → fieldSet

// fieldsOf lists the YAML names of t's fields as yaml.v3 sees them,
// with ",inline" structs flattened.
func fieldsOf(t reflect.Type) fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(fieldSet)
	}
	fs := fieldSet{types: map[string]reflect.Type{}}
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && !f.Anonymous {
				continue
			}
			tag := f.Tag.Get("yaml")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if slices.Contains(strings.Split(opts, ","), "inline") {
				ft := f.Type
				if ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					add(ft)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			fs.types[name] = f.Type
			fs.names = append(fs.names, name)
		}
	}
	add(t)
	slices.Sort(fs.names)
	fieldCache.Store(t, fs)
	return fs
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true/false"
		case "!!null":
			return "null"
		}
		return "text"
	}
	return "empty"
}

func scalarValue(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

func scalarKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a whole number"
}

// notNull refuses a null where a value belongs: a list item, a map key
// or a map entry. yaml.v3 drops a null item from a list of values, so
// that [lambda, null] would read as [lambda] and a 25-hour list as 24
// hours shifted by one; a map would gain an entry holding a zero. What
// names the place ("each item of a list"), for the message.
func notNull(n *yaml.Node, path, what string) error {
	at := n // the item as written: an alias is refused where it is used
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if !isNull(n) {
		return nil
	}
	value := n.Value
	if value == "" && n.Style&yaml.TaggedStyle != 0 {
		value = "!!null"
	}
	switch {
	case what == "a key":
		return errAt(at, path, value, "is null, not text: a key must be text (quote it if it is a name)")
	case value == "":
		return errAt(at, path, "", "is empty, which YAML reads as null: "+what+" needs a value")
	case value == "~" || value == "!!null":
		return errAt(at, path, value, "is null, not a value: "+what+" needs one")
	}
	return errAt(at, path, value, "is not a value: "+what+" needs one")
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && isNullText(n.Value)
}

// isNullText reports whether s is one of the YAML core schema's spellings
// of null.
func isNullText(s string) bool {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// tagWants names what the value of a scalar tagged explicitly with one of
// YAML's own types must be.
var tagWants = map[string]string{
	"!!null":      "null (null, ~ or nothing)",
	"!!bool":      "true or false",
	"!!int":       "a whole number",
	"!!float":     "a number",
	"!!timestamp": "a date or time",
	"!!binary":    "base64 text",
}

// checkTag refuses a scalar whose explicit tag its text does not fit
// (name: !!null x, !!int x), which yaml.v3 would refuse later with
// neither the field nor the line.
func checkTag(n *yaml.Node, path string) error {
	if n.Style&yaml.TaggedStyle == 0 {
		return nil
	}
	tag := n.ShortTag()
	want, ok := tagWants[tag]
	if !ok {
		return nil
	}
	if tag == "!!null" {
		if isNullText(n.Value) {
			return nil
		}
	} else if n.Decode(new(any)) == nil {
		return nil
	}
	return errAt(n, path, n.Value, "is tagged "+tag+" but is not "+want)
}
