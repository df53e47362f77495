package runwhere_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// TestDesignDocument keeps DESIGN.md, the contract in the repository, in
// step with the code: every Scenario field runwhere.Schema describes and
// every finding code the packages declare appears in it, so adding either
// without documenting it fails here.
func TestDesignDocument(t *testing.T) {
	data, err := os.ReadFile("DESIGN.md")
	require.NoError(t, err)
	doc := string(data)
	schema, err := runwhere.Schema()
	require.NoError(t, err)
	require.NotEmpty(t, schema.Fields)
	for _, f := range schema.Fields {
		assert.Contains(t, doc, "`"+f.Path+"`", "DESIGN.md does not list the scenario field %s", f.Path)
	}
	codes := findingCodes(t, "capacity/finding.go", "internal/engine/engine.go", "internal/family/tasks/tasks.go", "internal/family/functioninstances/functioninstances.go")
	require.Greater(t, len(codes), 15, "the finding codes were not found")
	for _, c := range codes {
		assert.Contains(t, doc, "`"+c+"`", "DESIGN.md does not list the finding code %s", c)
	}
	assert.Contains(t, doc, "Containers and Serverless Computing", "the 2017 deck is named where a reader starts")
}

// findingCodes returns the string constants of type Code (capacity.Code)
// declared in files.
func findingCodes(t *testing.T, files ...string) []string {
	t.Helper()
	var out []string
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || vs.Type == nil || len(vs.Values) != 1 {
				return true
			}
			typ := ""
			switch x := vs.Type.(type) {
			case *ast.Ident:
				typ = x.Name
			case *ast.SelectorExpr:
				typ = x.Sel.Name
			}
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok && typ == "Code" && lit.Kind == token.STRING {
				v, _ := strconv.Unquote(lit.Value)
				out = append(out, v)
			}
			return true
		})
	}
	for i, c := range out {
		out[i] = strings.TrimSpace(c)
	}
	return out
}
