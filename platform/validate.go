package platform

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// validate checks what the YAML decoder cannot: required fields, value
// ranges, enumerations, unique ids and a source and as-of date on every
// figure. It walks the decoded value and its YAML node side by side so that
// each error carries the position of the offending (or enclosing) node.
func validate(c Catalogue, doc *yaml.Node) error {
	if c.Snapshot == "" {
		return fieldErr(doc, "snapshot", "", "is missing")
	}
	if len(c.Platforms) == 0 {
		return fieldErr(doc, "platforms", "", "is empty: a catalogue lists at least one platform")
	}
	seen := map[ID]bool{}
	platforms := child(doc, "platforms")
	for i, p := range c.Platforms {
		n := item(platforms, i)
		at := fmt.Sprintf("platforms[%d]", i)
		if _, err := ParseID(string(p.ID)); err != nil {
			return fieldErr(child(n, "id"), at+".id", string(p.ID), "is not a known platform id")
		}
		if seen[p.ID] {
			return fieldErr(child(n, "id"), at+".id", string(p.ID), "appears twice")
		}
		seen[p.ID] = true
		if p.Name == "" {
			return fieldErr(n, at+".name", "", "is missing")
		}
		if p.Family == "" {
			return fieldErr(n, at+".family", "", "is missing (functions, tasks, nodes, function-instances, or a family of the caller's)")
		}
		// Families are open: the engine's registry says which it can
		// evaluate, so a family of a caller's own needs no change here.
		if !validID(string(p.Family)) {
			return fieldErr(child(n, "family"), at+".family", string(p.Family), "is not a family name (lowercase letters, digits and hyphens)")
		}
		if (p.Family == Nodes) != (p.NodeReservation != "") {
			return fieldErr(orNode(child(n, "node_reservation"), n), fmt.Sprintf("platforms[%s].node_reservation", p.ID), string(p.NodeReservation), "is set for nodes platforms, and only for them")
		}
		if p.ControlPlane.SLA != nil && p.ControlPlane.RunBy != AWS {
			return fieldErr(child(child(n, "control_plane"), "sla"), fmt.Sprintf("platforms[%s].control_plane.sla", p.ID), "", "is given for a control plane the user runs: only a provider commits to an SLA")
		}
		if err := walk(reflect.ValueOf(p), n, fmt.Sprintf("platforms[%s]", p.ID)); err != nil {
			return err
		}
		if err := validateExtras(p, n); err != nil {
			return err
		}
	}
	claims := child(doc, "claims")
	for i, pc := range c.Claims {
		n := item(claims, i)
		at := fmt.Sprintf("claims[%d]", i)
		if !seen[pc.Platform] {
			return fieldErr(child(n, "platform"), at+".platform", string(pc.Platform), "is not a platform of this catalogue")
		}
		if pc.About == "" || pc.Claim.Claim == "" || pc.Verdict == "" || pc.Holds == nil {
			return fieldErr(n, at, "", "needs about, claim, verdict and holds")
		}
		if err := walk(reflect.ValueOf(pc.Claim), n, at); err != nil {
			return err
		}
	}
	return nil
}

var (
	sourceType  = reflect.TypeFor[Source]()
	dateType    = reflect.TypeFor[Date]()
	limitType   = reflect.TypeFor[Limit]()
	slaType     = reflect.TypeFor[SLA]()
	decimalType = reflect.TypeFor[decimal.Decimal]()
)

// walk validates v (found at path, decoded from node n, which may be nil
// when the field was absent).
func walk(v reflect.Value, n *yaml.Node, path string) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return walk(v.Elem(), n, path)
	case reflect.String:
		if err := checkEnum(v.Interface(), v.String()); err != nil {
			return fieldErr(n, path, v.String(), err.Error())
		}
		return nil
	case reflect.Struct:
	default:
		return nil
	}
	t := v.Type()
	switch t {
	case dateType, decimalType:
		return nil
	case limitType:
		l := v.Interface().(Limit)
		if l.Value < 0 {
			return fieldErr(child(n, "value"), path+".value", strconv.FormatInt(l.Value, 10), "is negative: a limit cannot be")
		}
		if l.Value > MaxLimitValue {
			return fieldErr(child(n, "value"), path+".value", strconv.FormatInt(l.Value, 10), fmt.Sprintf("is above %d, beyond any published limit", int64(MaxLimitValue)))
		}
		if l.Unit == "" {
			return fieldErr(n, path+".unit", "", "is missing")
		}
		if l.Enforcement == "" {
			return fieldErr(n, path+".enforcement", "", "is missing (hard, envelope or quota)")
		}
		if (l.QuotaName != "" || l.QuotaCode != "") && l.Enforcement != Quota {
			return fieldErr(n, path+".enforcement", string(l.Enforcement), "is not quota, yet the limit names a Service Quotas quota (quota_name, quota_code): only an adjustable quota has one")
		}
		if l.QuotaCode != "" && !isQuotaCode(l.QuotaCode) {
			return fieldErr(child(n, "quota_code"), path+".quota_code", l.QuotaCode, `is not a Service Quotas code ("L-" and 8 hexadecimal digits, as L-3032A538)`)
		}
	case sourceType:
		src := v.Interface().(Source)
		if err := src.URL.Validate(); err != nil {
			return fieldErr(orNode(child(n, "source"), n), path+".source", string(src.URL), err.Error())
		}
		if src.AsOf.IsZero() {
			return fieldErr(n, path+".as_of", "", "is missing")
		}
		return nil
	case slaType:
		sla := v.Interface().(SLA)
		if pct := sla.Percent; pct.IsNegative() || pct.GreaterThan(decimal.NewFromInt(100)) {
			return fieldErr(child(n, "percent"), path+".percent", pct.String(), "is not a percentage in (0, 100]")
		}
		if sla.None() && sla.Note == "" {
			return fieldErr(n, path+".note", "", "is missing: an SLA without a percent records that none was published, and says why")
		}
	}
	// Inline fields (a figure's Source) first: a figure missing altogether
	// is reported as missing its source, not as holding a bad zero value.
	for _, inline := range []bool{true, false} {
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || isInline(f) != inline {
				continue
			}
			fn, at := n, path
			if !inline {
				key := yamlKey(f)
				fn, at = child(n, key), path+"."+key
			}
			if err := walk(v.Field(i), fn, at); err != nil {
				return err
			}
		}
	}
	return nil
}

// validateExtras checks what walk does not reach: the arrival month and
// each family parameter, which sit in a map.
func validateExtras(p Platform, n *yaml.Node) error {
	at := fmt.Sprintf("platforms[%s]", p.ID)
	if a := p.Arrived; a != nil {
		an := child(n, "arrived")
		if len(a.Month) != 7 || a.Month[4] != '-' {
			return fieldErr(orNode(child(an, "month"), an), at+".arrived.month", a.Month, "is not a YYYY-MM month")
		}
		if _, err := ParseDate(a.Month + "-01"); err != nil {
			return fieldErr(orNode(child(an, "month"), an), at+".arrived.month", a.Month, "is not a YYYY-MM month")
		}
	}
	params := child(n, "params")
	for _, name := range slices.Sorted(maps.Keys(p.Params)) {
		v := p.Params[name]
		pn := child(params, name)
		path := at + ".params." + name
		if v.Value.IsNegative() {
			return fieldErr(orNode(child(pn, "value"), pn), path+".value", v.Value.String(), "is negative")
		}
		if v.Unit == "" {
			return fieldErr(pn, path+".unit", "", "is missing")
		}
		if err := walk(reflect.ValueOf(v.Source), pn, path); err != nil {
			return err
		}
	}
	return nil
}

func isInline(f reflect.StructField) bool {
	return f.Anonymous && strings.Contains(f.Tag.Get("yaml"), ",inline")
}

func yamlKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}

// child returns the value node of key in mapping n, or nil.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// item returns the i-th element of sequence n, or nil.
func item(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return nil
	}
	return n.Content[i]
}

func orNode(a, b *yaml.Node) *yaml.Node {
	if a != nil {
		return a
	}
	return b
}

func fieldErr(n *yaml.Node, field, value, reason string) *FieldError {
	e := &FieldError{Field: field, Value: value, Reason: reason}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// isQuotaCode reports whether s has the form of a Service Quotas quota
// code: "L-" and 8 upper-case hexadecimal digits.
func isQuotaCode(s string) bool {
	hex, ok := strings.CutPrefix(s, "L-")
	if !ok || len(hex) != 8 {
		return false
	}
	for _, c := range hex {
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
