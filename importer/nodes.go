package importer

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"gopkg.in/yaml.v3"
)

// The importer walks only the paths it reads, following an alias one
// hop, so that no document is ever expanded: an alias bomb costs what its
// text costs.

func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// get is m's value at key, nil when m is not a mapping or has no key.
func get(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

// at is the value at a path of keys, nil when any is missing.
func at(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		if n = get(n, k); n == nil {
			return nil
		}
	}
	return n
}

// items is n's items when it is a sequence.
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// scalar is n's text when it is a non-null scalar.
func scalar(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return "", false
	}
	return n.Value, true
}

// integer is n as a whole number.
func integer(n *yaml.Node) (int64, bool) {
	s, ok := scalar(n)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// exactNumber reads a number a file gives, refusing an exponent past ±30:
// comparing 1e99999999 with anything would rescale it to a hundred
// million digits, and no size, count or duration is that large.
func exactNumber(text string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if d.Exponent() < -30 || d.Exponent() > 30 {
		return decimal.Decimal{}, fmt.Errorf("importer: %s is out of range", text)
	}
	return d, nil
}
