package cost_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

func TestBadInputsNameFieldAndValue(t *testing.T) {
	now := embedded(t, platform.Snapshot2026)
	old := embedded(t, platform.Snapshot2017)
	tests := []struct {
		name  string
		call  func() error
		field string
		value string
	}{
		{"negative requests", func() error {
			_, err := cost.Lambda(now, cost.LambdaUsage{Requests: d("-5"), DurationMS: d("1"), MemoryMB: 128})
			return err
		}, "lambda.requests", "-5"},
		{"memory above the snapshot's range", func() error {
			_, err := cost.Lambda(old, cost.LambdaUsage{DurationMS: d("1"), MemoryMB: 4096})
			return err
		}, "lambda.memory_mb", "4096"},
		{"memory off the 64 MB grid in 2017", func() error {
			_, err := cost.Lambda(old, cost.LambdaUsage{DurationMS: d("1"), MemoryMB: 200})
			return err
		}, "lambda.memory_mb", "200"},
		{"memory below 128 MB", func() error {
			_, err := cost.Lambda(now, cost.LambdaUsage{DurationMS: d("1"), MemoryMB: 64})
			return err
		}, "lambda.memory_mb", "64"},
		{"arm64 in 2017", func() error {
			_, err := cost.Lambda(old, cost.LambdaUsage{DurationMS: d("1"), MemoryMB: 128, Arch: cost.ARM64})
			return err
		}, "lambda.arch", "arm64"},
		{"negative duration", func() error {
			_, err := cost.Lambda(now, cost.LambdaUsage{DurationMS: d("-1"), MemoryMB: 128})
			return err
		}, "lambda.duration_ms", "-1"},
		{"ephemeral storage too large", func() error {
			_, err := cost.Lambda(now, cost.LambdaUsage{DurationMS: d("1"), MemoryMB: 128, EphemeralStorageMB: 20000})
			return err
		}, "lambda.ephemeral_storage_mb", "20000"},
		{"provisioned concurrency in 2017", func() error {
			_, err := cost.Lambda(old, cost.LambdaUsage{DurationMS: d("1"), MemoryMB: 128, ProvisionedConcurrency: 5})
			return err
		}, "lambda.provisioned_concurrency", "5"},
		{"unknown instance type", func() error {
			_, err := cost.EC2(now, cost.EC2Usage{InstanceType: "x9.nano", Count: 1})
			return err
		}, "instance_type", "x9.nano"},
		{"negative instance count", func() error {
			_, err := cost.EC2(now, cost.EC2Usage{InstanceType: "m5.large", Count: -3})
			return err
		}, "ec2.count", "-3"},
		{"bad hourly override", func() error {
			_, err := cost.EC2(now, cost.EC2Usage{InstanceType: "m5.large", Count: 1, HourlyPrice: "1,2"})
			return err
		}, "ec2.hourly_price", "1,2"},
		{"discount above 1", func() error {
			_, err := cost.EC2(now, cost.EC2Usage{InstanceType: "m5.large", Count: 1, Discount: d("1.5")})
			return err
		}, "ec2.discount", "1.5"},
		{"negative fargate tasks", func() error {
			_, err := cost.Fargate(now, cost.FargateUsage{Tasks: -1, VCPU: d("1"), MemoryMB: 2048})
			return err
		}, "fargate.tasks", "-1"},
		{"fargate task too big", func() error {
			_, err := cost.Fargate(now, cost.FargateUsage{Tasks: 1, VCPU: d("64"), MemoryMB: 2048})
			return err
		}, "fargate.vcpu", "64 vCPU / 2048 MB"},
		{"windows spot", func() error {
			_, err := cost.Fargate(now, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Platform: cost.FargateWindows, Spot: true})
			return err
		}, "fargate.spot", "true"},
		// Fargate is priced in 2017 (issue 25, item 3), Linux/x86 only, with
		// its fixed 14 GB of storage.
		{"fargate arm64 in 2017", func() error {
			_, err := cost.Fargate(old, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Platform: cost.FargateLinuxARM64})
			return err
		}, "fargate.platform", "linux/arm64"},
		{"fargate storage in 2017", func() error {
			_, err := cost.Fargate(old, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, EphemeralStorageGB: 30})
			return err
		}, "fargate.ephemeral_storage_gb", "30"},
		{"a platform the catalogue leaves out", func() error {
			c := embedded(t, platform.Snapshot2026)
			c.Fargate.WindowsX86 = nil
			_, err := cost.Fargate(c, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Platform: cost.FargateWindows})
			return err
		}, "fargate.platform", "windows/x86_64"},
		{"unknown fargate platform", func() error {
			_, err := cost.Fargate(now, cost.FargateUsage{Tasks: 1, VCPU: d("1"), MemoryMB: 2048, Platform: "windows/arm64"})
			return err
		}, "fargate.platform", "windows/arm64"},
		{"eks in 2017", func() error {
			_, err := cost.ControlPlaneBill(old, cost.ControlPlane{Platform: "eks"})
			return err
		}, "control_plane.platform", "eks"},
		{"no managers", func() error {
			_, err := cost.ControlPlaneBill(now, cost.ControlPlane{Platform: "kubernetes", Managers: cost.EC2Usage{InstanceType: "m5.large"}})
			return err
		}, "control_plane.managers.count", "0"},
		{"negative clusters", func() error {
			_, err := cost.ControlPlaneBill(now, cost.ControlPlane{Platform: "eks", Clusters: -1})
			return err
		}, "control_plane.clusters", "-1"},
		{"negative control-plane hours", func() error {
			_, err := cost.ControlPlaneBill(now, cost.ControlPlane{Platform: "eks", Hours: d("-1")})
			return err
		}, "control_plane.hours", "-1"},
		{"unknown eks support tier", func() error {
			_, err := cost.ControlPlaneBill(now, cost.ControlPlane{Platform: "eks", Support: "lts"})
			return err
		}, "control_plane.support", "lts"},
		{"unknown platform", func() error {
			_, err := cost.ControlPlaneBill(now, cost.ControlPlane{Platform: "mesos"})
			return err
		}, "control_plane.platform", "mesos"},
		{"unknown snapshot", func() error {
			_, err := cost.EmbeddedCatalogue("1999-01", "")
			return err
		}, "snapshot", "1999-01"},
		{"unknown region", func() error {
			_, err := cost.EmbeddedCatalogue("", "mars-1")
			return err
		}, "region", "mars-1"},
		{"cpu fraction above 1", func() error {
			_, err := cost.LambdaMemorySweep(now, cost.LambdaUsage{DurationMS: d("100"), MemoryMB: 128}, d("2"))
			return err
		}, "lambda.cpu_fraction", "2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			require.Error(t, err)
			var fe *cost.FieldError
			require.True(t, errors.As(err, &fe), "%v is not a *FieldError", err)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.value, fe.Value)
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, "cost: "+tc.field+": "+tc.value), "message %q", msg)
			// A usage has no YAML line to point at.
			assert.NotContains(t, msg, "(line", "message %q", msg)
		})
	}
}

// No exported type, field or function of package cost carries money or a
// rate as a float: read the exported API from the source with go/ast.
func TestNoFloatsInExportedAPI(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	var files []*ast.File
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, e.Name(), nil, 0)
		require.NoError(t, err)
		files = append(files, f)
	}
	require.NotEmpty(t, files)
	isFloat := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && (id.Name == "float64" || id.Name == "float32") {
				found = true
			}
			return true
		})
		return found
	}
	var bad []string
	checkFields := func(where string, fl *ast.FieldList, exportedOnly bool) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			if exportedOnly && len(f.Names) > 0 && !f.Names[0].IsExported() {
				continue
			}
			if isFloat(f.Type) {
				bad = append(bad, fset.Position(f.Pos()).String()+" "+where)
			}
		}
	}
	for _, file := range files {
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if !decl.Name.IsExported() {
					continue
				}
				checkFields(decl.Name.Name+" params", decl.Type.Params, false)
				checkFields(decl.Name.Name+" results", decl.Type.Results, false)
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						if st, ok := s.Type.(*ast.StructType); ok {
							checkFields(s.Name.Name+" fields", st.Fields, true)
						} else if isFloat(s.Type) {
							bad = append(bad, fset.Position(s.Pos()).String()+" type "+s.Name.Name)
						}
					case *ast.ValueSpec:
						for i, n := range s.Names {
							if n.IsExported() && (s.Type != nil && isFloat(s.Type) ||
								i < len(s.Values) && isFloatLiteral(s.Values[i])) {
								bad = append(bad, fset.Position(n.Pos()).String()+" "+n.Name)
							}
						}
					}
				}
			}
		}
	}
	assert.Empty(t, bad, "exported API uses floats")
}

func isFloatLiteral(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.FLOAT
}
