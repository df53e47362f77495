package runwhere_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/runwhere/runwhere"

// allowedImports is the arrow diagram of DESIGN.md: for each package, the
// module's packages its non-test code may import.
var allowedImports = map[string][]string{
	"platform": {},
	"cost":     {"platform"},
	"capacity": {"platform"},
	"ha":       {"platform"},
	".":        {"platform", "cost", "capacity", "ha", "internal/engine", "internal/family", "internal/markdown"},
	"wasm":     {"."},
	"cmd":      {".", "importer", "diff"}, // the command line uses the library as any caller would
	// importer turns a team's files into scenarios, over the root's
	// contract; the root does not import it, so that it stays small.
	"importer": {"."},
	// diff compares two sets of reports; the command line prints it.
	"diff":       {".", "internal/markdown"},
	"playground": {}, // builds and serves wasm/; imports no library package
	// perf measures the wasm and the benchmarks from outside (go build, go
	// test -c) and perf/floor links only the dependencies (issue 28).
	"perf": {},
	// internal/input is the strict decoder every package shares; any
	// package may import it, and it imports none of them.
	"internal/input": {},
	// internal/engine evaluates one platform with its family's model,
	// over the four component packages; the root and the families use it.
	"internal/engine": {"platform", "cost", "capacity", "ha"},
	// internal/family holds the built-in families, a package each under
	// it, and the registry that names them; they see the engine and the
	// components, and only the root uses them.
	"internal/family": {"platform", "cost", "capacity", "ha", "internal/engine"},
	// internal/catalogue generates platform's instance table and cost's
	// regional prices from AWS's data; it reads the catalogue it extends.
	"internal/catalogue": {"platform", "cost"},
	// internal/markdown is the text machinery under Report.Markdown: the
	// escaping every string goes through and the sources it may link.
	"internal/markdown": {"platform"},
	// internal/testfamily is a family that exists only for tests: a
	// family package sees the engine and the components, as a built-in
	// family does; only tests import it.
	"internal/testfamily": {"platform", "cost", "capacity", "ha", "internal/engine"},
}

// importableByAll are the packages any package of the module may import.
var importableByAll = []string{"internal/input"}

// TestImportDirections fails when a package imports against the arrows in
// DESIGN.md. It reads import clauses with go/parser, so it needs no build.
func TestImportDirections(t *testing.T) {
	got := map[string]map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := topLevel(filepath.Dir(path))
		if got[pkg] == nil {
			got[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == module {
				got[pkg]["."] = true
			} else if rest, ok := strings.CutPrefix(p, module+"/"); ok {
				got[pkg][topLevel(rest)] = true
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Contains(t, got, "platform", "the walk found no packages")
	for pkg, imports := range got {
		allowed, known := allowedImports[pkg]
		if !assert.True(t, known, "package %q is not in DESIGN.md's layout", pkg) {
			continue
		}
		for imp := range imports {
			if imp == pkg || slices.Contains(importableByAll, imp) {
				continue
			}
			assert.True(t, slices.Contains(allowed, imp), "%s imports %s, against DESIGN.md's arrows (allowed: %v)", pkg, imp, allowed)
		}
	}
}

// topLevel maps a directory to the package that owns it: the top-level
// directory, or internal/<name> for code under internal/.
func topLevel(dir string) string {
	dir = filepath.ToSlash(filepath.Clean(dir))
	if dir == "." {
		return "."
	}
	first, rest, _ := strings.Cut(dir, "/")
	if first == "internal" && rest != "" {
		second, _, _ := strings.Cut(rest, "/")
		return first + "/" + second
	}
	return first
}
