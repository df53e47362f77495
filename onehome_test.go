package runwhere_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// Issue 11: one home per fact. Instance shapes (with their network
// figures), SLAs, Fargate's task sizes and Lambda's memory and /tmp ranges
// live in package platform (platform/data); cost holds prices, capacity and
// ha read platform. TestOneHomePerFact fails when any of them is defined
// anywhere else: a struct that YAML can fill with one, a Go literal table
// of them, or a YAML file that carries their keys.

// homeOfFacts is the one package that may define them.
const homeOfFacts = "platform"

// factKinds maps a fact to the YAML keys (of a struct's fields or a data
// file's mappings) that define it; a struct or mapping is that fact when it
// holds all of one key set.
var factKinds = []struct {
	fact string
	keys [][]string
}{
	{"instance shape", [][]string{{"vcpu", "memory_mib"}, {"enis"}, {"ipv4_per_eni"}, {"eks_max_pods"}, {"ecs_trunk_tasks"}}},
	{"SLA", [][]string{{"percent"}, {"scope"}, {"sla"}, {"slas"}}},
	{"task-size table", [][]string{{"task_sizes"}, {"memory_gb"}, {"min_gb", "max_gb"}, {"step_gb"}}},
	{"Lambda memory or /tmp range", [][]string{{"memory_min_mb"}, {"memory_max_mb"}, {"memory_step_mb"}, {"ephemeral_free_mb"}, {"ephemeral_max_mb"}, {"tmp_min"}, {"tmp_max"}}},
}

// factOf names the fact that the keys define, or "".
func factOf(keys []string) string {
	for _, k := range factKinds {
		for _, set := range k.keys {
			if len(set) > 0 && !slices.ContainsFunc(set, func(s string) bool { return !slices.Contains(keys, s) }) {
				return k.fact
			}
		}
	}
	return ""
}

// goFacts reports, for one Go file, every struct type whose own yaml tags
// define a fact, every struct declaring a Percent or Scope field (an SLA
// however it is read), and every literal table (a slice, array or map
// literal of two or more elements) whose elements set a CPU figure and a
// memory figure, or a Percent.
func goFacts(fset *token.FileSet, f *ast.File) []string {
	var out []string
	at := func(n ast.Node) string { return fset.Position(n.Pos()).String() }
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			st, ok := n.Type.(*ast.StructType)
			if !ok {
				return true
			}
			var keys []string
			for _, fld := range st.Fields.List {
				for _, name := range fld.Names {
					if name.Name == "Percent" || name.Name == "Scope" {
						out = append(out, fmt.Sprintf("%s: type %s declares %s: an SLA", at(fld), n.Name.Name, name.Name))
					}
				}
				if fld.Tag == nil {
					continue
				}
				tag, _ := strconv.Unquote(fld.Tag.Value)
				if key, _, _ := strings.Cut(reflect.StructTag(tag).Get("yaml"), ","); key != "" && key != "-" {
					keys = append(keys, key)
				}
			}
			if fact := factOf(keys); fact != "" {
				out = append(out, fmt.Sprintf("%s: type %s reads %s from YAML (keys %v)", at(n), n.Name.Name, fact, keys))
			}
		case *ast.CompositeLit:
			switch n.Type.(type) {
			case *ast.ArrayType, *ast.MapType:
			default:
				return true
			}
			rows := 0
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				row, ok := e.(*ast.CompositeLit)
				if !ok {
					continue
				}
				var cpu, mem, pct bool
				for _, re := range row.Elts {
					kv, ok := re.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					if id, ok := kv.Key.(*ast.Ident); ok {
						name := strings.ToLower(id.Name)
						cpu = cpu || strings.Contains(name, "cpu")
						mem = mem || strings.HasPrefix(name, "mem")
						pct = pct || name == "percent"
					}
				}
				if (cpu && mem) || pct {
					rows++
				}
			}
			if rows >= 2 {
				out = append(out, fmt.Sprintf("%s: a literal table of %d rows of vCPU and memory figures or SLA percents", at(n), rows))
			}
		}
		return true
	})
	return out
}

// yamlFacts reports every mapping of a YAML document whose keys define a
// fact.
func yamlFacts(name string, data []byte) []string {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []string{fmt.Sprintf("%s: not YAML: %v", name, err)}
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			var keys []string
			for i := 0; i+1 < len(n.Content); i += 2 {
				keys = append(keys, n.Content[i].Value)
			}
			if fact := factOf(keys); fact != "" {
				out = append(out, fmt.Sprintf("%s:%d: %s (keys %v)", name, n.Line, fact, keys))
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	return out
}

func TestOneHomePerFact(t *testing.T) {
	fset := token.NewFileSet()
	var found []string
	checked := map[string]int{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if topLevel(filepath.Dir(path)) == homeOfFacts {
			return nil
		}
		switch {
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			found = append(found, goFacts(fset, f)...)
			checked["go"]++
		case strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			found = append(found, yamlFacts(path, data)...)
			checked["yaml"]++
		}
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, checked["go"], 50, "Go files checked")
	assert.Greater(t, checked["yaml"], 10, "YAML files checked")
	assert.Empty(t, found, "facts defined outside package %s, their one home (issue 11):\n%s", homeOfFacts, strings.Join(found, "\n"))
}

// The detector finds each kind of fact, and leaves alone what only uses
// one (a container's vCPU and memory, a chosen task size, a report).
func TestOneHomeDetector(t *testing.T) {
	const src = `package x

type Shape struct {
	VCPU      int64 ` + "`yaml:\"vcpu\"`" + `
	MemoryMiB int64 ` + "`yaml:\"memory_mib\"`" + `
}

type Net struct{ ENIs int64 ` + "`yaml:\"enis\"`" + ` }

type SLA struct {
	Percent string
}

type Row struct {
	VCPU  string ` + "`yaml:\"vcpu\"`" + `
	MinGB string ` + "`yaml:\"min_gb\"`" + `
	MaxGB string ` + "`yaml:\"max_gb\"`" + `
}

type band struct{ cpuMilli, memMin, memMax int64 }

var bands = []band{{cpuMilli: 250, memMin: 512}, {cpuMilli: 500, memMin: 1024}}

type Ranges struct {
	Min int ` + "`yaml:\"memory_min_mb\"`" + `
}

// Innocent: inputs and results that use the facts.
type Container struct {
	VCPU     string ` + "`yaml:\"vcpu\"`" + `
	MemoryMB int    ` + "`yaml:\"memory_mb\"`" + `
}
type TaskSize struct {
	VCPU      string
	MemoryMiB int64
}
type View struct {
	Sizes []Row ` + "`yaml:\"-\"`" + `
}
var one = []TaskSize{{VCPU: "1", MemoryMiB: 2}}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	require.NoError(t, err)
	got := goFacts(fset, f)
	want := []string{"type Shape reads instance shape", "type Net reads instance shape", "type SLA declares Percent",
		"type Row reads task-size table", "a literal table of 2 rows", "type Ranges reads Lambda memory or /tmp range"}
	require.Len(t, got, len(want), "goFacts(synthetic) = %q", got)
	for i, w := range want {
		assert.Contains(t, got[i], w)
	}

	for _, tc := range []struct {
		name, yaml string
		want       string
	}{
		{"instance", "ec2:\n  instances:\n    m5.large: {vcpu: 2, memory_mib: 8192, hourly: {value: \"0.096\"}}\n", "instance shape"},
		{"sla", "slas:\n  - {platform: eks, percent: \"99.95\"}\n", "SLA"},
		{"task sizes", "fargate:\n  task_sizes:\n    sizes: [{vcpu: \"1\", min_gb: \"2\", max_gb: \"8\", step_gb: \"1\"}]\n", "task-size table"},
		{"lambda range", "lambda:\n  memory_max_mb: {value: \"10240\"}\n", "Lambda memory or /tmp range"},
		{"a scenario", "container:\n  vcpu: 0.5\n  memory_mb: 1024\nha:\n  node_availability: 0.995\n", ""},
		{"a price", "lambda:\n  request: {value: \"0.0000002\"}\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := yamlFacts(tc.name+".yaml", []byte(tc.yaml))
			if tc.want == "" {
				assert.Empty(t, got, "yamlFacts(%s)", tc.name)
				return
			}
			require.NotEmpty(t, got, "yamlFacts(%s)", tc.name)
			assert.Contains(t, got[0], tc.want)
		})
	}
}
