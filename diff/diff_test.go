package diff_test

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/diff"
	"github.com/runwhere/runwhere/importer"
)

var update = flag.Bool("update", false, "rewrite the golden diffs in testdata")

func reports(t *testing.T, path string) map[string]runwhere.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	r, err := importer.Read(path, data)
	require.NoError(t, err)
	out := map[string]runwhere.Report{}
	for _, s := range r.Services {
		rep, err := runwhere.Evaluate(s.Scenario)
		require.NoError(t, err)
		out[s.Name] = rep
	}
	return out
}

// Two Terraform plans that differ in one Lambda's memory (512 → 1024 MB,
// importer/testdata/terraform/ORIGIN.md): the diff holds that function's
// duration line and nothing else. At the import's placeholder load (1
// request/s of 100 ms: 2,628,000 requests a month), the arm64 function
// runs 131,400 GB-s at 512 MB and 262,800 at 1,024 MB, × $0.0000133334 a
// GB-s (arm64's first tier in us-east-1, AWS's lambda.json) =
// $1.75200876 and $3.50401752: the line, and the total, move by
// $1.75200876.
func TestTerraformMemoryChange(t *testing.T) {
	d := diff.Of(reports(t, "../importer/testdata/terraform/base.json"), reports(t, "../importer/testdata/terraform/head.json"))
	require.Len(t, d.Services, 1)
	s := d.Services[0]
	assert.Equal(t, "aws_lambda_function.api", s.Name)
	require.Len(t, s.Platforms, 1)
	p := s.Platforms[0]
	assert.Equal(t, runwhere.PlatformID("lambda"), p.Platform)
	require.Len(t, p.Lines, 1)
	assert.True(t, p.Lines[0].Change.Equal(p.Change), "the line is the whole change: %s against %s", p.Lines[0].Change, p.Change)
	assert.Equal(t, "1.75200876", p.Lines[0].Before.String())
	assert.Equal(t, "3.50401752", p.Lines[0].After.String())
	golden(t, "testdata/terraform-memory.md", []byte(d.Markdown()))
	js, err := json.MarshalIndent(d, "", "  ")
	require.NoError(t, err)
	golden(t, "testdata/terraform-memory.json", append(js, '\n'))

	// The same plan on both sides changes nothing.
	same := diff.Of(reports(t, "../importer/testdata/terraform/base.json"), reports(t, "../importer/testdata/terraform/base.json"))
	assert.Empty(t, same.Services)
	assert.Contains(t, same.Markdown(), "No cost changes.")
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s: run go test ./diff -update to rewrite it", path)
}

func TestAddedAndRemoved(t *testing.T) {
	plan := reports(t, "../importer/testdata/terraform/base.json")
	one := map[string]runwhere.Report{"aws_lambda_function.api": plan["aws_lambda_function.api"]}
	d := diff.Of(one, map[string]runwhere.Report{})
	require.Len(t, d.Services, 1)
	assert.True(t, d.Services[0].Removed)
	assert.True(t, d.Services[0].RecommendedAfter.IsZero())
	d = diff.Of(map[string]runwhere.Report{}, one)
	assert.True(t, d.Services[0].Added)
	assert.Contains(t, d.Markdown(), "### aws_lambda_function.api (new)")
	assert.NotEmpty(t, d.Services[0].Platforms, "every platform of a new service moved from nothing")
}

func TestExceeds(t *testing.T) {
	svc := func(before, after string) diff.Service {
		return diff.Service{Name: "s", RecommendedBefore: decimal.RequireFromString(before), RecommendedAfter: decimal.RequireFromString(after)}
	}
	for _, tc := range []struct {
		name, limit, before, after string
		over                       bool
	}{
		{"a rise past the amount", "1", "2.28", "4.03", true},
		{"a rise within the amount", "2", "2.28", "4.03", false},
		{"exactly the amount is not more", "1.75", "2.28", "4.03", false},
		{"a rise past the percentage", "50%", "2.28", "4.03", true},
		{"a rise within the percentage", "100%", "2.28", "4.03", false},
		{"a fall never exceeds", "0", "4.03", "2.28", false},
		{"from nothing, any percentage", "1000%", "0", "0.01", true},
		{"from nothing, the amount", "5", "0", "4.99", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := diff.ParseLimit(tc.limit)
			require.NoError(t, err)
			d := diff.Diff{Services: []diff.Service{svc(tc.before, tc.after)}}
			assert.Equal(t, tc.over, len(d.Exceeds(l)) == 1, "Exceeds(%s) on %s → %s", tc.limit, tc.before, tc.after)
		})
	}
}

func TestParseLimit(t *testing.T) {
	for _, tc := range []struct {
		in, amount string
		percent    bool
	}{{"50", "50", false}, {"$12.50", "12.5", false}, {"10%", "10", true}, {" 0.5% ", "0.5", true}, {"0", "0", false}} {
		l, err := diff.ParseLimit(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.amount, l.Amount.String(), tc.in)
		assert.Equal(t, tc.percent, l.Relative, tc.in)
	}
	for _, bad := range []string{"", "%", "-1", "ten", "1e-99", "1e12", "5%%"} {
		_, err := diff.ParseLimit(bad)
		assert.Error(t, err, bad)
	}
}

func FuzzParseLimit(f *testing.F) {
	for _, s := range []string{"50", "10%", "$1.5", "-1", "1e9%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := diff.ParseLimit(s)
		if err != nil {
			return
		}
		if l.Amount.IsNegative() {
			t.Fatalf("ParseLimit(%q) accepted a negative limit %s", s, l.Amount)
		}
		// What it accepts, it prints back as an equal limit.
		again, err := diff.ParseLimit(l.String())
		if err != nil || !again.Amount.Equal(l.Amount) || again.Relative != l.Relative {
			t.Fatalf("ParseLimit(%q) = %v, whose String %q reads back as %v, %v", s, l, l.String(), again, err)
		}
	})
}
