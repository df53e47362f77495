// Package input reads untrusted YAML (and JSON, which is YAML) into Go
// values with bounded work and one set of rules for every field.
//
// runwhere takes scenarios from strangers (share links, pasted YAML, a
// service's API) and catalogues from reviewers. [Decode] is the one door
// they all come through: it caps the input's size and node count before
// decoding, expands anchors, aliases and merge keys within that budget,
// and checks every scalar against the Go type it will land in — numbers
// with [ParseDecimal] and [ParseWhole], strings against a length bound —
// so that yaml.v3 never truncates 1.5 into an int, never sees a hex or an
// oversized number, and every refusal is a [*FieldError] that names the field
// path, its line and a short form of the value.
package input
