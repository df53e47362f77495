package platform_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// TestTaskSizes2017 (issue 25, item 3): the 2017-12 snapshot's Fargate
// sizes are AWS's own table of the time, the ECS developer guide's
// "Invalid CPU or Memory Value Specified" in its earliest archived
// version (https://github.com/awsdocs/amazon-ecs-developer-guide/blob/d690dc25a8b1b91f80fca859374724292de9bf37/doc_source/task-cpu-memory-error.md,
// 2018-01-17, seven weeks after launch), written out here in MiB as the
// guide lists them, not read back from the table: every size it lists and
// no other.
func TestTaskSizes2017(t *testing.T) {
	mib := func(from, to int) []int {
		var out []int
		for m := from; m <= to; m += 1024 {
			out = append(out, m)
		}
		return out
	}
	want := []struct {
		vcpu string
		mib  []int
	}{
		{"0.25", []int{512, 1024, 2048}},                       // 256 (.25 vCPU): 512 (0.5GB), 1024 (1GB), 2048 (2GB)
		{"0.5", []int{1024, 2048, 3072, 4096}},                 // 512 (.5 vCPU): 1024 … 4096 (4GB)
		{"1", []int{2048, 3072, 4096, 5120, 6144, 7168, 8192}}, // 1024 (1 vCPU): 2048 … 8192 (8GB)
		{"2", mib(4096, 16384)},                                // "Between 4096 (4GB) and 16384 (16GB) in increments of 1024 (1GB)"
		{"4", mib(8192, 30720)},                                // "Between 8192 (8GB) and 30720 (30GB) in increments of 1024 (1GB)"
	}
	got, err := platform.EmbeddedTaskSizes("2017-12")
	require.NoError(t, err)
	require.Len(t, got.Sizes, len(want), "2017-12 task sizes")
	gb := decimal.NewFromInt(1024)
	for i, w := range want {
		row := got.Sizes[i]
		assert.True(t, decimal.RequireFromString(w.vcpu).Equal(row.VCPU), "row %d vCPU = %s, want %s", i, row.VCPU, w.vcpu)
		var sizes []int
		if len(row.MemoryGB) > 0 {
			for _, m := range row.MemoryGB {
				sizes = append(sizes, int(m.Mul(gb).IntPart()))
			}
		} else {
			for m := *row.MinGB; !m.GreaterThan(*row.MaxGB); m = m.Add(*row.StepGB) {
				sizes = append(sizes, int(m.Mul(gb).IntPart()))
			}
		}
		assert.Equal(t, w.mib, sizes, "%s vCPU memory sizes in 2017-12", w.vcpu)
		assert.False(t, row.Since.After("2017-12"), "%s vCPU offered in 2017-12", w.vcpu)
	}
}
