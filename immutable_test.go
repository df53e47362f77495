package runwhere_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// aliasScenarios are the reference scenarios plus one that sets every
// field and some weights, so that values a caller wrote are in reports too.
func aliasScenarios(t *testing.T) []runwhere.Scenario {
	t.Helper()
	var out []runwhere.Scenario
	for _, p := range runwhere.Presets() {
		s, err := runwhere.ParseScenario([]byte(p.YAML))
		require.NoError(t, err, p.Name)
		out = append(out, s)
	}
	s, err := runwhere.ParseScenario([]byte(ordersAPI + "weights: {cost: 0.5, resilience: 0.25}\n"))
	require.NoError(t, err)
	return append(out, s)
}

func reportJSON(s runwhere.Scenario) (string, error) {
	r, err := runwhere.Evaluate(s)
	if err != nil {
		return "", err
	}
	js, err := json.Marshal(r)
	return string(js), err
}

// TestReturnedValuesShareNothing mutates everything reachable from each
// value the API hands out, while other goroutines evaluate, and checks
// that no evaluation and no later call sees the change. Run it with -race:
// the detector reports any memory a returned value shares with an
// evaluation even when the results happen to agree.
func TestReturnedValuesShareNothing(t *testing.T) {
	scenarios := aliasScenarios(t)
	want := make([]string, len(scenarios))
	for i, s := range scenarios {
		var err error
		want[i], err = reportJSON(s)
		require.NoError(t, err)
	}
	snapshots := platform.Snapshots()
	require.Len(t, snapshots, 2)
	hc, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)

	// Each get returns a pointer to fresh values, as a caller receives them.
	cases := []struct {
		name string
		get  func(t *testing.T) any
	}{
		{"Evaluate", func(t *testing.T) any {
			var out []runwhere.Report
			for _, s := range scenarios {
				r, err := runwhere.Evaluate(s)
				require.NoError(t, err)
				out = append(out, r)
			}
			return &out
		}},
		{"Scenario.WithDefaults", func(t *testing.T) any {
			var out []runwhere.Scenario
			for _, s := range scenarios {
				d, err := s.WithDefaults()
				require.NoError(t, err)
				out = append(out, d)
			}
			return &out
		}},
		{"Curves", func(t *testing.T) any {
			var out [][]runwhere.Curve
			for _, s := range scenarios {
				c, err := runwhere.Curves(s, 3)
				require.NoError(t, err)
				out = append(out, c)
			}
			return &out
		}},
		{"WhatIf", func(t *testing.T) any {
			var out []runwhere.WhatIfResult
			for _, w := range []struct {
				id     runwhere.PlatformID
				events []string
			}{
				{platform.Lambda, []string{"control-plane"}},
				{platform.EKS, []string{"zone:a", "worker"}},
				{platform.Swarm, []string{"manager:1", "zone:a", "worker"}},
			} {
				r, err := runwhere.WhatIf(scenarios[len(scenarios)-1], w.id, w.events)
				require.NoError(t, err, w.id)
				out = append(out, r)
			}
			return &out
		}},
		{"Presets", func(*testing.T) any { return ptr(runwhere.Presets()) }},
		{"platform.Snapshot", func(t *testing.T) any {
			var out []platform.Catalogue
			for _, id := range snapshots {
				c, err := platform.EmbeddedCatalogue(id)
				require.NoError(t, err)
				out = append(out, c)
			}
			return &out
		}},
		{"platform.Catalogue.Platform", func(t *testing.T) any {
			var out []platform.Platform
			for _, id := range snapshots {
				c, err := platform.EmbeddedCatalogue(id)
				require.NoError(t, err)
				for _, pid := range platform.IDs() {
					if p, ok := c.Platform(pid); ok {
						out = append(out, p)
					}
				}
			}
			return &out
		}},
		{"platform.Catalogue.ClaimsAbout", func(t *testing.T) any {
			var out [][]platform.Claim
			for _, id := range snapshots {
				c, err := platform.EmbeddedCatalogue(id)
				require.NoError(t, err)
				for _, pid := range platform.IDs() {
					out = append(out, c.ClaimsAbout(pid))
				}
			}
			return &out
		}},
		{"platform.IDs and Snapshots", func(*testing.T) any {
			return &struct {
				IDs       []platform.ID
				Snapshots []platform.SnapshotID
			}{platform.IDs(), platform.Snapshots()}
		}},
		{"cost.Embedded", func(t *testing.T) any {
			var out []*cost.Catalogue
			for _, id := range cost.Snapshots() {
				c, err := cost.EmbeddedCatalogue(id, "")
				require.NoError(t, err)
				out = append(out, c)
			}
			return &out
		}},
		{"cost.Catalogue.Instance", func(t *testing.T) any {
			var out []cost.Instance
			for _, id := range cost.Snapshots() {
				c, err := cost.EmbeddedCatalogue(id, "")
				require.NoError(t, err)
				for _, typ := range c.InstanceTypes() {
					in, err := c.Instance(typ)
					require.NoError(t, err)
					out = append(out, in)
				}
			}
			return &out
		}},
		{"platform.EmbeddedInstances", func(t *testing.T) any {
			in, err := platform.EmbeddedInstances()
			require.NoError(t, err)
			return &struct {
				Instances capacity.Instances
				Types     []string
			}{in, in.Types()}
		}},
		{"capacity.Instances.Lookup", func(t *testing.T) any {
			var out []capacity.Instance
			for _, typ := range inst.Types() {
				in, ok := inst.Lookup(typ)
				require.True(t, ok, typ)
				out = append(out, in)
			}
			return &out
		}},
		{"capacity.NodeFor", func(t *testing.T) any {
			var out []capacity.Node
			for _, typ := range inst.Types() {
				n, err := capacity.NodeFor(platform.ReserveEKS, inst, typ, capacity.NodeOptions{})
				require.NoError(t, err, typ)
				out = append(out, n)
			}
			return &out
		}},
		{"capacity.Size", func(t *testing.T) any {
			w := capacity.Workload{RequestsPerSecond: decimal.NewFromInt(40), DurationMS: decimal.NewFromInt(120), MemoryMB: 512}
			c := capacity.Container{VCPU: decimal.RequireFromString("0.5"), MemoryMB: 1024}
			var out []capacity.Result
			for _, id := range snapshots {
				cat, err := platform.EmbeddedCatalogue(id)
				require.NoError(t, err)
				for _, typ := range []string{"m4.large", "m5.large"} {
					for _, p := range cat.Platforms {
						if !slices.Contains([]platform.Family{platform.Functions, platform.Tasks, platform.Nodes}, p.Family) {
							continue // capacity.Size sizes the families of the 2017 deck
						}
						req := capacity.Request{Platform: p.ID, Workload: w, Container: c, Servers: capacity.Servers{InstanceType: typ, Zones: 3}}
						r, err := capacity.Size(cat, inst, req)
						require.NoError(t, err, "%s %s", id, p.ID)
						out = append(out, r)
					}
				}
			}
			return &out
		}},
		{"ha.Default", func(t *testing.T) any {
			c, err := ha.EmbeddedCatalogue()
			require.NoError(t, err)
			return &c
		}},
		{"ha.Catalogue accessors", func(t *testing.T) any {
			type platformHA struct {
				Info       ha.PlatformInfo
				Behaviours []ha.Behaviour
				Lookup     []ha.Behaviour
				SLAs       []ha.SLA
			}
			var out struct {
				Platforms []ha.PlatformInfo
				Sources   map[string]ha.Source
				Snapshots []platform.SnapshotID
				Events    []ha.Event
				Each      []platformHA
			}
			out.Platforms, out.Sources, out.Snapshots = hc.Platforms(), hc.Sources(), hc.Snapshots()
			out.Events = ha.Events()
			for _, p := range out.Platforms {
				var each platformHA
				each.Info, err = hc.Platform(p.ID)
				require.NoError(t, err)
				each.Behaviours, err = hc.Behaviours(p.ID)
				require.NoError(t, err)
				for _, e := range ha.Events() {
					b, err := ha.Lookup(p.ID, e)
					require.NoError(t, err)
					each.Lookup = append(each.Lookup, b)
				}
				for _, snap := range out.Snapshots {
					if sla, err := hc.ManagedSLA(p.ID, snap); err == nil {
						each.SLAs = append(each.SLAs, sla)
					}
				}
				out.Each = append(out.Each, each)
			}
			return &out
		}},
		{"ha.Summarize and WhatIf", func(t *testing.T) any {
			m, err := ha.ModelFrom(0.995, 0.9999)
			require.NoError(t, err)
			var out struct {
				Summaries []ha.Summary
				States    [][]ha.State
			}
			for _, id := range platform.IDs() {
				top := ha.Topology{Platform: id, Snapshot: "2026-11", Zones: 3}
				p, err := hc.Platform(id)
				require.NoError(t, err)
				if p.ControlPlane == ha.Raft {
					top.Managers = 3
				}
				steps := []ha.Step{{Kind: ha.LoseZone, Zone: "a"}}
				if p.Workers {
					top.Workers, top.WorkersNeeded = 4, 2
					steps = append(steps, ha.Step{Kind: ha.LoseWorker})
				}
				s, err := ha.Summarize(top, m)
				require.NoError(t, err, "%s", id)
				out.Summaries = append(out.Summaries, s)
				states, err := ha.WhatIf(top, steps)
				require.NoError(t, err, "%s", id)
				out.States = append(out.States, states)
			}
			return &out
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// JSON keeps what the value held before the mutation, even if
			// the value shares memory with what is mutated.
			before, err := json.Marshal(tc.get(t))
			require.NoError(t, err)

			// Two goroutines evaluate every scenario in turn while the
			// value is mutated, and report each finished pass. Nothing
			// orders their reads and the mutation, as in a server that
			// evaluates while a caller edits a result, so under -race any
			// memory the two share is reported whether a read falls before
			// or after the write; the results are compared too.
			var (
				wg       sync.WaitGroup
				mu       sync.Mutex
				mismatch []string
			)
			stop, passes := make(chan struct{}), make(chan int)
			finish := sync.OnceFunc(func() { close(stop); wg.Wait() })
			defer finish()
			for g := range 2 {
				wg.Go(func() {
					for {
						for i, s := range scenarios {
							got, err := reportJSON(s)
							if err != nil || got != want[i] {
								mu.Lock()
								mismatch = append(mismatch, fmt.Sprintf("concurrent Evaluate(scenario %d) = %.80q, %v", i, got, err))
								mu.Unlock()
							}
						}
						select {
						case passes <- g:
						case <-stop:
							return
						}
					}
				})
			}

			mutated := tc.get(t)
			n := mutate(reflect.ValueOf(mutated), map[seenKey]bool{})
			require.Positive(t, n, "the walker found nothing to change")

			// Wait for a pass of each goroutine: however its reads fall in
			// time around the mutation, nothing orders them with it, since
			// a goroutine synchronises with this one only once the pass is
			// received.
			for done := map[int]bool{}; len(done) < 2; {
				done[<-passes] = true
			}
			finish()
			mu.Lock()
			assert.Empty(t, mismatch, "evaluations running while a returned value was mutated")
			mu.Unlock()

			for i, s := range scenarios {
				got, err := reportJSON(s)
				if assert.NoError(t, err, "Evaluate(scenario %d) after mutating %s", i, tc.name) {
					assert.Equal(t, want[i], got, "Evaluate(scenario %d) after mutating %s", i, tc.name)
				}
			}
			again, err := json.Marshal(tc.get(t))
			require.NoError(t, err)
			assert.Equal(t, string(before), string(again), "%s after mutating what it returned before", tc.name)
		})
	}
}

func ptr[T any](v T) *T { return &v }

type seenKey struct {
	addr uintptr
	typ  reflect.Type
}

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	one         = decimal.NewFromInt(1)
)

// mutate gives every value reachable from v through exported fields,
// pointers, slices, arrays and maps a different value, as a careless or
// hostile caller could, and returns how many it changed. Each location is
// changed once even when reached twice, so that aliases do not undo a
// change (a bool flipped twice). Decimals are replaced whole: their digits
// cannot be reached. A struct with unexported fields (a Date, a Prob, an
// opaque catalogue) is overwritten with its zero value, as `*p = T{}` would.
func mutate(v reflect.Value, seen map[seenKey]bool) int {
	if v.CanAddr() {
		k := seenKey{v.UnsafeAddr(), v.Type()}
		if seen[k] {
			return 0
		}
		seen[k] = true
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return mutate(v.Elem(), seen)
	case reflect.Slice, reflect.Array:
		n := 0
		for i := range v.Len() {
			n += mutate(v.Index(i), seen)
		}
		return n
	case reflect.Map:
		k := seenKey{uintptr(v.UnsafePointer()), v.Type()}
		if v.IsNil() || seen[k] {
			return 0
		}
		seen[k] = true
		n := 0
		for it := v.MapRange(); it.Next(); {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(it.Value())
			n += mutate(e, seen)
			v.SetMapIndex(it.Key(), e)
		}
		return n
	}
	if !v.CanSet() {
		return 0
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == decimalType {
			v.Set(reflect.ValueOf(v.Interface().(decimal.Decimal).Add(one)))
			return 1
		}
		n, opaque := 0, false
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += mutate(v.Field(i), seen)
			} else {
				opaque = true
			}
		}
		if opaque && !v.IsZero() {
			v.SetZero()
			n++
		}
		return n
	case reflect.String:
		v.SetString(v.String() + "!")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(v.Uint() + 1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(v.Float() + 1)
	default:
		return 0
	}
	return 1
}

// TestMutateReachesEverything checks the walker itself on the shapes the
// API uses: through pointers, slices, maps of slices and opaque structs.
func TestMutateReachesEverything(t *testing.T) {
	type inner struct {
		D    decimal.Decimal
		PD   *decimal.Decimal
		B    bool
		List []int64
	}
	type outer struct {
		S      string
		F      float64
		In     *inner
		Alias  *inner
		Map    map[string][]inner
		Date   platform.Date
		hidden int
	}
	shared := &inner{D: one, PD: ptr(one), List: []int64{1, 2}}
	v := outer{In: shared, Alias: shared, Map: map[string][]inner{"a": {{B: true}}}, Date: platform.DateOf(2026, 11, 1), hidden: 1}
	n := mutate(reflect.ValueOf(&v), map[seenKey]bool{})

	// hidden makes outer opaque too: it ends zero, after its fields changed.
	assert.Equal(t, outer{}, v, "mutate(&v) leaves v")
	assert.Equal(t, "2", shared.D.String(), "mutate(&v) leaves D")
	assert.Equal(t, "2", shared.PD.String(), "mutate(&v) leaves *PD")
	assert.True(t, shared.B, "an aliased bool is flipped once")
	assert.Equal(t, []int64{2, 3}, shared.List, "mutate(&v) leaves List")
	assert.Equal(t, 11, n, "mutate(&v) counts")
}

// TestNoExportedVariables: an exported package-level variable is state any
// caller can reassign under every later evaluation. Defaults are constants
// or functions; only error sentinels, compared with errors.Is, are vars.
func TestNoExportedVariables(t *testing.T) {
	for _, dir := range []string{".", "platform", "cost", "capacity", "ha"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
			require.NoError(t, err)
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.VAR {
					continue
				}
				for _, spec := range g.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						if id.IsExported() && !strings.HasPrefix(id.Name, "Err") {
							t.Errorf("%s: var %s can be reassigned by any caller; make it a constant or a function", name, id.Name)
						}
					}
				}
			}
		}
	}
}

// TestScenarioCloneCopiesEveryField sets every pointer and slice of a
// Scenario, found by reflection so that a field added later is covered,
// and checks that the clone WithDefaults starts from shares none of them.
func TestScenarioCloneCopiesEveryField(t *testing.T) {
	var s runwhere.Scenario
	fill(reflect.ValueOf(&s).Elem())
	c := runwhere.CloneScenario(s)
	assert.Equal(t, s, c, "CloneScenario(s) changes a value")
	orig, clone := map[string]uintptr{}, map[string]uintptr{}
	addresses(reflect.ValueOf(s), "", orig)
	addresses(reflect.ValueOf(c), "", clone)
	require.GreaterOrEqual(t, len(orig), 28, "pointers and slices in a Scenario")
	for path, p := range orig {
		assert.NotEqual(t, p, clone[path], "CloneScenario(s)%s shares memory with s", path)
	}
}

// fill gives every nil pointer and empty slice under v a fresh element.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Struct:
		if v.Type() == decimalType {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// addresses records the address each pointer, slice and map under v refers
// to, by path.
func addresses(v reflect.Value, path string, out map[string]uintptr) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		if v.IsNil() {
			return
		}
		out[path] = v.Pointer()
		if v.Kind() == reflect.Pointer {
			addresses(v.Elem(), path, out)
		}
	case reflect.Struct:
		if v.Type() == decimalType {
			return
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				addresses(v.Field(i), path+"."+f.Name, out)
			}
		}
	}
}
