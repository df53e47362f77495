package runwhere_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// Regression tests for issue 10, "Untrusted input": every case here hung,
// overflowed or changed the input silently before the strict decoder.

const minimal = "workload: {requests_per_second: 40, duration_ms: 120, memory_mb: 512}\n"

// hostile are the numbers issue 10 asks every decimal field to refuse
// quickly: a comparison of any of them used to rescale to a billion digits.
var hostile = []string{"1e999999999", "-1e999999999", "1e-999999999", "0e-999999999", `"1e999999999"`}

// numberFields lists the scenario's decimal and float fields by their YAML
// path, read from the Scenario type itself so a new field is covered the
// day it is added.
func numberFields(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft == reflect.TypeFor[decimal.Decimal]() || ft.Kind() == reflect.Float64:
			out = append(out, prefix+name)
		case ft.Kind() == reflect.Struct:
			out = append(out, numberFields(ft, prefix+name+".")...)
		}
	}
	return out
}

// withField returns minimal with field set to value (a YAML scalar).
func withField(field, value string) string {
	section, key, _ := strings.Cut(field, ".")
	if section == "workload" {
		return fmt.Sprintf("workload: {requests_per_second: 40, duration_ms: 120, memory_mb: 512, %s: %s}\n", key, value)
	}
	return minimal + fmt.Sprintf("%s: {%s: %s}\n", section, key, value)
}

func TestHostileDecimalsAreRefusedQuickly(t *testing.T) {
	fields := numberFields(reflect.TypeFor[runwhere.Scenario](), "")
	require.Contains(t, fields, "workload.requests_per_second")
	require.Contains(t, fields, "ha.node_availability")
	require.Contains(t, fields, "weights.cost")
	for _, field := range fields {
		for _, v := range hostile {
			t.Run(field+"="+v, func(t *testing.T) {
				doc := withField(field, v)
				if field == "workload.requests_per_second" {
					doc = fmt.Sprintf("workload: {requests_per_second: %s, duration_ms: 1, memory_mb: 1}\n", v)
				}
				var err error
				elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = runwhere.ParseScenario([]byte(doc)) })
				require.Error(t, err, "ParseScenario(%q) accepted it", doc)
				assert.Contains(t, err.Error(), field)
				assert.Less(t, elapsed, time.Duration(inputtest.Bound), "ParseScenario(%q) took %v", doc, elapsed)
				assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
			})
		}
	}
}

// TestHostileDecimalsBuiltInGo sets every decimal field of a Scenario built
// in Go (no parser in the way) to each hostile value: Evaluate must refuse
// it, naming the field, within 50 ms.
func TestHostileDecimalsBuiltInGo(t *testing.T) {
	values := []decimal.Decimal{decimal.New(1, 999999999), decimal.New(-1, 999999999), decimal.New(1, -999999999), decimal.New(0, -999999999)}
	base, err := runwhere.ParseScenario([]byte(minimal + "weights: {cost: 1}\n"))
	require.NoError(t, err)
	for _, field := range numberFields(reflect.TypeFor[runwhere.Scenario](), "") {
		for _, v := range values {
			t.Run(fmt.Sprintf("%s=1e%d", field, v.Exponent()), func(t *testing.T) {
				s := base
				s.Weights = &runwhere.Weights{Cost: base.Weights.Cost}
				s.Ingress, s.Discounts, s.Network = &runwhere.Ingress{}, &runwhere.Discounts{}, &runwhere.Network{}
				s.Current = &runwhere.Current{Platform: "ecs-ec2"}
				fv := fieldByPath(reflect.ValueOf(&s).Elem(), field)
				if fv.Type().Elem().Kind() == reflect.Float64 {
					t.Skip("float fields hold no exponent to abuse")
				}
				d := v
				fv.Set(reflect.ValueOf(&d))
				if field == "workload.requests_per_month" {
					s.Workload.RequestsPerSecond = nil
				}
				var err error
				elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = runwhere.Evaluate(s) })
				require.Error(t, err)
				assert.Contains(t, err.Error(), field)
				assert.Less(t, elapsed, time.Duration(inputtest.Bound), "Evaluate with %s = %s took %v", field, v.Exponent(), elapsed)
				assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
			})
		}
	}
}

func fieldByPath(v reflect.Value, path string) reflect.Value {
	for _, name := range strings.Split(path, ".") {
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		t := v.Type()
		for i := range t.NumField() {
			if n, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); n == name {
				v = v.Field(i)
				break
			}
		}
	}
	return v
}

// TestOneNumberRule pins issue 10's defects 3 and 12: merge keys are
// checked like literal values, every number field follows one rule quoted
// or not, and errors name the field in the scenario's words.
func TestOneNumberRule(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		wantErr []string // nil: accepted
		check   func(t *testing.T, s runwhere.Scenario)
	}{
		{name: "fraction through a merge key", doc: "workload: {<<: {memory_mb: 1.5}, requests_per_second: 40, duration_ms: 120}\n",
			wantErr: []string{"workload.memory_mb", "1.5", "is not a whole number"}},
		{name: "count and zones through a merge key", doc: minimal + "servers: {<<: {count: 2.9, zones: 1.7}}\n",
			wantErr: []string{"servers.count", "2.9", "is not a whole number"}},
		{name: "NaN through a merge key", doc: "workload: {<<: {requests_per_second: .nan}, duration_ms: 1, memory_mb: 1}\n",
			wantErr: []string{"workload.requests_per_second", ".nan", "finite decimal"}},
		{name: "merged values that are right are used", doc: "base: &b {duration_ms: 120, memory_mb: 512}\n",
			wantErr: []string{"base", "is not a known field"}},
		{name: "anchor and alias within known fields", doc: "workload: &w {requests_per_second: 40, duration_ms: 120, memory_mb: 512}\ncontainer: {memory_mb: 1024, vcpu: 0.5}\n",
			check: func(t *testing.T, s runwhere.Scenario) { assert.Equal(t, int64(512), *s.Workload.MemoryMB) }},
		{name: "quoted probability", doc: minimal + `ha: {node_availability: "0.99"}` + "\n",
			check: func(t *testing.T, s runwhere.Scenario) { assert.Equal(t, 0.99, *s.HA.NodeAvailability) }},
		{name: "quoted whole number", doc: minimal + `container: {memory_mb: "2048"}` + "\n",
			check: func(t *testing.T, s runwhere.Scenario) { assert.Equal(t, int64(2048), *s.Container.MemoryMB) }},
		{name: "quoted decimal", doc: minimal + `servers: {hourly_price: "0.096"}` + "\n",
			check: func(t *testing.T, s runwhere.Scenario) { assert.Equal(t, "0.096", s.Servers.HourlyPrice.String()) }},
		{name: "hex whole number", doc: minimal + "container: {memory_mb: 0x200}\n",
			wantErr: []string{"container.memory_mb", "0x200", "base-10"}},
		{name: "hex decimal", doc: "workload: {requests_per_second: 0x28, duration_ms: 120, memory_mb: 512}\n",
			wantErr: []string{"workload.requests_per_second", "0x28", "finite decimal"}},
		{name: "float into a whole number", doc: "workload: {requests_per_second: 40, duration_ms: 120, memory_mb: 4.5}\n",
			wantErr: []string{"line 1", "workload.memory_mb", "4.5 is not a whole number"}},
		{name: "a list, not a scenario", doc: "[1, 2]\n",
			wantErr: []string{"line 1:1: input: must be a mapping of fields (name: value), not a list"}},
		{name: "invalid UTF-8 has a line", doc: minimal + "name: \"\xff\"\n",
			wantErr: []string{"line 2", "not valid UTF-8"}},
		{name: "second document", doc: minimal + "---\n" + minimal,
			wantErr: []string{"line 2", "more than one YAML document"}},
		{name: "mapping for a decimal", doc: "workload: {requests_per_second: {a: 1}, duration_ms: 120, memory_mb: 512}\n",
			wantErr: []string{"workload.requests_per_second", "must be a decimal number, not a mapping"}},
		{name: "no Go type names", doc: minimal + "servers: {zones: [1]}\n",
			wantErr: []string{"servers.zones", "must be a whole number, not a list"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.doc))
			if tc.wantErr == nil {
				require.NoError(t, err)
				tc.check(t, s)
				return
			}
			require.Error(t, err, "ParseScenario(%q) accepted it", tc.doc)
			for _, w := range tc.wantErr {
				assert.Contains(t, err.Error(), w)
			}
			for _, goWord := range []string{"int64", "float64", "decimal.Decimal", "runwhere.", "!!"} {
				assert.NotContains(t, err.Error(), goWord)
			}
			var fe *runwhere.FieldError
			assert.True(t, errors.As(err, &fe), "%v is not a *FieldError", err)
		})
	}
}

// TestDerivedCountsStayInRange pins issue 10's defect 5: inputs that were
// accepted overflowed int64 replica and node counts.
func TestDerivedCountsStayInRange(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		wantErr []string
	}{
		{"a nano-vCPU container", "workload: {requests_per_second: 1000000000, duration_ms: 100000, memory_mb: 1}\ncontainer: {vcpu: 0.000000001}\n",
			[]string{"container.vcpu", "below 0.001"}},
		{"a billion requests a second of 100 s each", "workload: {requests_per_second: 1000000000, duration_ms: 100000, memory_mb: 1}\ncontainer: {vcpu: 0.001}\n",
			[]string{"workload.requests_per_second: 1000000000 gives", "more than 1000000000 replicas"}},
		{"a billion requests a second of 1 s each", "workload: {requests_per_second: 1000000000, duration_ms: 1000, memory_mb: 1}\ncontainer: {vcpu: 0.001}\n",
			[]string{"workload.requests_per_second: 1000000000 gives", "more than 1000000000 replicas"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.doc))
			if err == nil {
				_, err = runwhere.Evaluate(s)
			}
			require.Error(t, err)
			for _, w := range tc.wantErr {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "is negative")
		})
	}
}

// TestInputSizeIsBounded pins issue 10's defects 6 and 8: a large input is
// refused before it is decoded, and no string is echoed unbounded.
func TestInputSizeIsBounded(t *testing.T) {
	var keys strings.Builder
	keys.WriteString(minimal)
	for i := 0; keys.Len() < 989<<10; i++ {
		fmt.Fprintf(&keys, "k%06d: 1\n", i)
	}
	manyServerKeys := minimal + "servers:\n"
	for i := range 300 {
		manyServerKeys += fmt.Sprintf("  k%d: 1\n", i)
	}
	tests := []struct {
		name    string
		doc     string
		wantErr []string
	}{
		{"100,000 unknown keys", keys.String(), []string{"runwhere: input: is ", "at most 65536"}},
		{"300 keys in one section", manyServerKeys, []string{"servers", "has 300 keys; at most 200"}},
		{"a 10 MiB instance type", minimal + "servers: {instance_type: " + strings.Repeat("m", 10<<20) + "}\n", []string{"at most 65536"}},
		{"a 1,000-byte instance type", minimal + "servers: {instance_type: " + strings.Repeat("m", 1000) + "}\n", []string{"servers.instance_type", "1000 bytes long; at most 256"}},
		{"a 1,000-byte name", "name: " + strings.Repeat("n", 1000) + "\n" + minimal, []string{"name", "at most 256"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = runwhere.ParseScenario([]byte(tc.doc)) })
			require.Error(t, err)
			for _, w := range tc.wantErr {
				assert.Contains(t, err.Error(), w)
			}
			assert.Less(t, elapsed, time.Duration(inputtest.Bound))
			assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
		})
	}
	// Built in Go, a long string is refused by Evaluate too.
	s, err := runwhere.ParseScenario([]byte(minimal))
	require.NoError(t, err)
	s.Servers.InstanceType = strings.Repeat("m", 10<<20)
	_, err = runwhere.Evaluate(s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "servers.instance_type")
	assert.LessOrEqual(t, len(err.Error()), 300)
}

// largestScenario is the biggest scenario ParseScenario accepts: every field
// set, padded with comments to MaxScenarioBytes.
func largestScenario() []byte {
	doc := ordersAPI + "weights: {cost: 0.4, headroom: 0.2, resilience: 0.15, operations: 0.15, portability: 0.1}\n"
	line := "# " + strings.Repeat("padding ", 10) + "\n"
	for len(doc)+len(line) <= runwhere.MaxScenarioBytes {
		doc += line
	}
	return []byte(doc)
}

func TestLargestScenarioIsAccepted(t *testing.T) {
	doc := largestScenario()
	assert.Greater(t, len(doc), runwhere.MaxScenarioBytes-100)
	_, err := runwhere.ParseScenario(doc)
	require.NoError(t, err)
	_, err = runwhere.ParseScenario(append(doc, strings.Repeat("#", runwhere.MaxScenarioBytes)...))
	require.Error(t, err)
}

func BenchmarkParseScenarioLargest(b *testing.B) {
	doc := largestScenario()
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := runwhere.ParseScenario(doc); err != nil {
			b.Fatal(err)
		}
	}
}
