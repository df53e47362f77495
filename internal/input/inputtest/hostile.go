// Package inputtest gives every package's tests the same hostile numbers
// and a way to plant them in each number of a YAML document.
package inputtest

import (
	"bytes"
	"strings"

	"gopkg.in/yaml.v3"
)

// Hostile are the numbers issue 10 asks every decimal field to refuse
// quickly: comparing any of them with another decimal used to rescale it
// to a billion digits.
var Hostile = []string{"1e999999999", "-1e999999999", "1e-999999999", "0e-999999999", `"1e999999999"`}

// Variant is a document with one number replaced.
type Variant struct {
	Key   string // the mapping key the number sits under
	Line  int    // 1-based line of the number
	Was   string // the number as written
	Value string // what replaced it
	Doc   []byte
}

// Variants returns, for every number in data (plain or quoted: every
// scalar written in decimal notation), data with that number replaced by
// each of values. Numbers in strings (a date, a version) are left alone
// unless quoted whole; skip, if not nil, drops keys whose values are text.
func Variants(data []byte, values []string, skip func(key string) bool) ([]Variant, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	var out []Variant
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value)
			}
		case yaml.ScalarNode:
			if !isNumber(n) || (skip != nil && skip(key)) {
				return
			}
			width := len(n.Value)
			if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				width += 2
			}
			line := lines[n.Line-1]
			col := n.Column - 1
			if col+width > len(line) {
				return
			}
			for _, v := range values {
				var doc bytes.Buffer
				for i, l := range lines {
					if i == n.Line-1 {
						doc.Write(l[:col])
						doc.WriteString(v)
						doc.Write(l[col+width:])
						continue
					}
					doc.Write(l)
				}
				out = append(out, Variant{Key: key, Line: n.Line, Was: n.Value, Value: v, Doc: doc.Bytes()})
			}
		}
	}
	walk(&root, "")
	return out, nil
}

func isNumber(n *yaml.Node) bool {
	switch n.Tag {
	case "!!int", "!!float":
		return true
	case "!!str":
		s := strings.TrimLeft(n.Value, "+-")
		if s == "" || strings.Trim(s, "0123456789.") != "" || strings.Count(s, ".") > 1 || s == "." {
			return false
		}
		return true
	}
	return false
}
