package platform_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

// The task-size table's figures, written down from the Fargate pricing
// page's "Supported Configurations" (shared/reference/pricing.md §4.4 row
// "Task sizes"), not read back from the table. They moved here from cost's
// pinned test when the table left cost.
func TestTaskSizesPinned(t *testing.T) {
	const src = "https://aws.amazon.com/fargate/pricing/"
	type row struct {
		vcpu          string
		list          []string
		min, max, stp string
		since         platform.SnapshotID
	}
	want := []row{
		{vcpu: "0.25", list: []string{"0.5", "1", "2"}, since: "2017-11"}, // 0.25 vCPU: 0.5 GB, 1 GB, and 2 GB
		{vcpu: "0.5", min: "1", max: "4", stp: "1", since: "2017-11"},
		{vcpu: "1", min: "2", max: "8", stp: "1", since: "2017-11"},
		{vcpu: "2", min: "4", max: "16", stp: "1", since: "2017-11"},
		{vcpu: "4", min: "8", max: "30", stp: "1", since: "2017-11"},
		{vcpu: "8", min: "16", max: "60", stp: "4", since: "2022-09"},
		{vcpu: "16", min: "32", max: "120", stp: "8", since: "2022-09"},
		{vcpu: "32", list: []string{"60", "120", "244"}, since: "2026-11"}, // 32vCPU: 60GB, 120GB, and 244GB
	}
	got, err := platform.EmbeddedTaskSizes("2026-11")
	require.NoError(t, err)
	assert.Equal(t, platform.URL(src), got.URL)
	require.Len(t, got.Sizes, len(want))
	eq := func(name, w string, g *decimal.Decimal) {
		t.Helper()
		if w == "" {
			assert.Nil(t, g, name)
			return
		}
		if assert.NotNil(t, g, name) {
			assert.True(t, decimal.RequireFromString(w).Equal(*g), "%s = %s, want %s", name, g, w)
		}
	}
	for i, w := range want {
		g := got.Sizes[i]
		assert.True(t, decimal.RequireFromString(w.vcpu).Equal(g.VCPU), "sizes[%d].vcpu = %s, want %s", i, g.VCPU, w.vcpu)
		require.Len(t, g.MemoryGB, len(w.list), "sizes[%d].memory_gb", i)
		for j := range w.list {
			eq("memory_gb", w.list[j], &g.MemoryGB[j])
		}
		eq("min_gb", w.min, g.MinGB)
		eq("max_gb", w.max, g.MaxGB)
		eq("step_gb", w.stp, g.StepGB)
		assert.Equal(t, w.since, g.Since, "sizes[%d].since", i)
	}
}

// A snapshot offers the rows whose since is not after it.
func TestFargateTaskSizesBySnapshot(t *testing.T) {
	for _, tc := range []struct {
		snapshot platform.SnapshotID
		rows     int
		largest  string
	}{
		{"2017-12", 5, "4"},
		{"2022-08", 5, "4"},
		{"2022-09", 7, "16"},
		{"2026-10", 7, "16"},
		{"2026-11", 8, "32"},
		{"", 8, "32"},
	} {
		t.Run(tc.snapshot.String(), func(t *testing.T) {
			got, err := platform.EmbeddedTaskSizes(tc.snapshot)
			require.NoError(t, err)
			require.Len(t, got.Sizes, tc.rows, "EmbeddedTaskSizes(%q)", tc.snapshot)
			assert.Equal(t, tc.largest, got.Sizes[len(got.Sizes)-1].VCPU.String(), "EmbeddedTaskSizes(%q) largest", tc.snapshot)
		})
	}
	c, err := platform.EmbeddedCatalogue("2017-12")
	require.NoError(t, err)
	old, err := c.FargateTaskSizes()
	require.NoError(t, err)
	assert.Len(t, old.Sizes, 5, "Catalogue{2017-12}.FargateTaskSizes()")
	_, err = platform.EmbeddedTaskSizes("Nov 2026")
	assert.ErrorContains(t, err, "is not a YYYY-MM month")
}

func TestFargateTaskSizesReturnsACopy(t *testing.T) {
	a, err := platform.EmbeddedTaskSizes("")
	require.NoError(t, err)
	a.Sizes[0].MemoryGB[0] = decimal.Zero
	*a.Sizes[1].StepGB = decimal.Zero
	b, err := platform.EmbeddedTaskSizes("")
	require.NoError(t, err)
	assert.Equal(t, "0.5", b.Sizes[0].MemoryGB[0].String(), "FargateTaskSizes() after a caller's edit")
	assert.Equal(t, "1", b.Sizes[1].StepGB.String(), "FargateTaskSizes() after a caller's edit")
}

// Each rule broken once in the embedded table; each refusal names the
// field, the value and the line.
func TestParseTaskSizesRejects(t *testing.T) {
	src, err := os.ReadFile("data/fargate-task-sizes.yaml")
	require.NoError(t, err)
	base := string(src)
	_, err = platform.ParseTaskSizes("t.yaml", src)
	require.NoError(t, err)
	for _, tc := range []struct {
		name, old, new string
		field, value   string
		reason         string
	}{
		{"source", "source: https://aws.amazon.com/fargate/pricing/", "source: the fargate page", "task_sizes.source", "the fargate page", "is not an http(s) URL"},
		{"date", "as_of: 2026-11-01", `as_of: "Nov 2026"`, "as_of", "Nov 2026", "is not a real YYYY-MM-DD date"},
		{"zero vcpu", `{vcpu: "0.5", min_gb`, `{vcpu: "0", min_gb`, "sizes[1].vcpu", "0", "is not within (0, 100000]"},
		{"vcpu out of order", `{vcpu: "0.5", min_gb`, `{vcpu: "0.2", min_gb`, "sizes[1].vcpu", "0.2", "does not increase"},
		{"fraction of a millicore", `{vcpu: "0.5", min_gb`, `{vcpu: "0.5005", min_gb`, "sizes[1].vcpu", "0.5005", "is not a whole number of millicores"},
		{"both list and range", `{vcpu: "0.25", memory_gb: ["0.5", "1", "2"]`, `{vcpu: "0.25", memory_gb: ["0.5"], min_gb: "1", max_gb: "2", step_gb: "1"`, "sizes[0]", "0.25", "needs either memory_gb or all of min_gb, max_gb, step_gb"},
		{"partial range", `{vcpu: "1", min_gb: "2", max_gb: "8", step_gb: "1"`, `{vcpu: "1", min_gb: "2", max_gb: "8"`, "sizes[2]", "1", "needs either memory_gb or all of min_gb, max_gb, step_gb"},
		{"empty range", `{vcpu: "2", min_gb: "4", max_gb: "16"`, `{vcpu: "2", min_gb: "4", max_gb: "3"`, "sizes[3].max_gb", "3", "is below min_gb"},
		{"zero step", `max_gb: "30", step_gb: "1"`, `max_gb: "30", step_gb: "0"`, "sizes[4].step_gb", "0", "is not within (0, 100000]"},
		{"zero minimum", `{vcpu: "8", min_gb: "16"`, `{vcpu: "8", min_gb: "0"`, "sizes[5].min_gb", "0", "is not within (0, 100000]"},
		{"too many steps", `max_gb: "120", step_gb: "8"`, `max_gb: "2000", step_gb: "0.0009765625"`, "sizes[6].step_gb", "0.0009765625", "makes more than 1000000 memory sizes"},
		{"fraction of a MiB", `max_gb: "120", step_gb: "8"`, `max_gb: "120", step_gb: "0.00001"`, "sizes[6].step_gb", "0.00001", "is not a whole number of MiB"},
		{"zero listed memory", `memory_gb: ["60", "120", "244"]`, `memory_gb: ["60", "0", "244"]`, "sizes[7].memory_gb[1]", "0", "is not within (0, 100000]"},
		{"listed memory out of order", `memory_gb: ["60", "120", "244"]`, `memory_gb: ["60", "244", "120"]`, "sizes[7].memory_gb[2]", "120", "does not increase"},
		{"bad since", `step_gb: "4", since: "2022-09"}`, `step_gb: "4", since: "Sep 2022"}`, "sizes[5].since", "Sep 2022", "is not a YYYY-MM month"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(base, tc.old), "the edit %q must match once", tc.old)
			_, err := platform.ParseTaskSizes("t.yaml", []byte(strings.Replace(base, tc.old, tc.new, 1)))
			var fe *platform.FieldError
			require.True(t, errors.As(err, &fe), "ParseTaskSizes(%s) = %v, want a *FieldError", tc.name, err)
			assert.Equal(t, tc.field, fe.Field, "ParseTaskSizes(%s) field", tc.name)
			assert.Equal(t, tc.value, fe.Value, "ParseTaskSizes(%s) value", tc.name)
			assert.Contains(t, fe.Reason, tc.reason, "ParseTaskSizes(%s) reason", tc.name)
			assert.Positive(t, fe.Line, "ParseTaskSizes(%s) line", tc.name)
			assert.Equal(t, "t.yaml", fe.File)
		})
	}
	_, err = platform.ParseTaskSizes("", nil)
	assert.EqualError(t, err, "platform: input: empty task-size table")
}

func FuzzParseTaskSizes(f *testing.F) {
	src, err := os.ReadFile("data/fargate-task-sizes.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte(`{source: "https://x.y", as_of: 2020-01-01, sizes: [{vcpu: "1", min_gb: "1", max_gb: "9", step_gb: "0.5", since: "2020-01"}]}`))
	f.Add([]byte("sizes: [{vcpu: 1e-9}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ts platform.TaskSizes
		var err error
		inputtest.Timed(t, "ParseTaskSizes", data, func() { ts, err = platform.ParseTaskSizes("fuzz.yaml", data) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "platform: ") {
				t.Fatalf("ParseTaskSizes error %q lacks the package prefix", err)
			}
			return
		}
		if len(ts.Sizes) == 0 || ts.URL == "" || ts.AsOf.IsZero() {
			t.Fatalf("ParseTaskSizes accepted %+v", ts)
		}
		for i, r := range ts.Sizes {
			if !r.VCPU.IsPositive() || (i > 0 && !r.VCPU.GreaterThan(ts.Sizes[i-1].VCPU)) {
				t.Fatalf("ParseTaskSizes accepted row %d: %+v", i, r)
			}
			if _, err := ts.In(r.Since); err != nil {
				t.Fatalf("row %d since %q: %v", i, r.Since, err)
			}
		}
	})
}

// TestHostileNumbersInTaskSizes plants each hostile number of issue 10 in
// every number of the embedded task-size table: each must be refused,
// naming its line and key, within the time bound.
func TestHostileNumbersInTaskSizes(t *testing.T) {
	data, err := os.ReadFile("data/fargate-task-sizes.yaml")
	require.NoError(t, err)
	vs, err := inputtest.Variants(data, inputtest.Hostile, nil)
	require.NoError(t, err)
	require.Greater(t, len(vs), 20, "too few numbers found")
	for _, v := range vs {
		t.Run(fmt.Sprintf("%d:%s=%s", v.Line, v.Key, v.Value), func(t *testing.T) {
			var err error
			elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = platform.ParseTaskSizes("t.yaml", v.Doc) })
			require.Error(t, err, "%s = %s accepted", v.Key, v.Value)
			assert.Contains(t, err.Error(), fmt.Sprintf("t.yaml:%d:", v.Line))
			assert.Contains(t, err.Error(), v.Key)
			assert.Less(t, elapsed, time.Duration(inputtest.Bound))
			assert.LessOrEqual(t, len(err.Error()), 300, "error %q", err)
		})
	}
}
