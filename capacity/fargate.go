package capacity

import (
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// FargateSource publishes the valid Fargate task sizes (the task-size table
// of the pricing page and of the ECS developer guide's task definition
// parameters); the table itself is [platform.EmbeddedTaskSizes].
const FargateSource platform.URL = "https://aws.amazon.com/fargate/pricing/"

// TaskSize is a valid Fargate task size.
type TaskSize struct {
	VCPU      decimal.Decimal `json:"vcpu"`
	MemoryMiB int64           `json:"memory_mib"`
}

// FargateTaskSize returns the smallest valid task size, in the given
// snapshot (any month; the zero id means [platform.Newest]), holding c: the
// fewest vCPUs, then the least memory. ok is false when no size holds it.
// The sizes are package platform's table ([platform.EmbeddedTaskSizes]).
func FargateTaskSize(c Container, snapshot platform.SnapshotID) (size TaskSize, ok bool, err error) {
	if err := c.validate(); err != nil {
		return TaskSize{}, false, err
	}
	table, err := taskSizesIn(snapshot)
	if err != nil {
		return TaskSize{}, false, inputErr("snapshot", snapshot.String(), err.Error())
	}
	cpu := millicores(c.VCPU)
	for _, row := range table.Sizes { // fewest vCPUs first
		if millicores(row.VCPU) < cpu {
			continue
		}
		if mem, found := memoryFor(row, c.MemoryMB); found {
			return TaskSize{VCPU: row.VCPU, MemoryMiB: mem}, true, nil
		}
	}
	return TaskSize{}, false, nil
}

// memoryFor is the least memory of row, in MiB, holding want MiB. The
// table's figures are whole MiB (platform checks it).
func memoryFor(row platform.TaskSizeRow, want int64) (int64, bool) {
	mib := func(gb decimal.Decimal) int64 { return gb.Mul(mibPerGB).IntPart() }
	if len(row.MemoryGB) > 0 {
		for _, gb := range row.MemoryGB {
			if m := mib(gb); m >= want {
				return m, true
			}
		}
		return 0, false
	}
	m, step := mib(*row.MinGB), mib(*row.StepGB)
	if want > m {
		m += (want - m + step - 1) / step * step
	}
	return m, m <= mib(*row.MaxGB)
}

var mibPerGB = decimal.NewFromInt(1024)

// FargateSizing is what a workload needs on Fargate.
type FargateSizing struct {
	Task     TaskSize
	Replicas Replicas
	Spread   Spread
	Tasks    int64
	VCPU     decimal.Decimal // Tasks × Task.VCPU
	Findings Findings
}

// SizeFargate sizes tasks of c for w's peak, spread over zones, rounds c up
// to a valid task size and checks the regional quota (tasks in 2017-12,
// vCPUs today) and the per-service task limit. A container larger than any
// task size is a max-task-size blocker. Replicas are sized on the container's
// own request: the rounding up is paid for but not counted on.
func SizeFargate(p platform.Platform, snapshot platform.SnapshotID, w Workload, c Container, util decimal.Decimal, zones int64, survive bool) (FargateSizing, error) {
	r, err := SizeReplicas(w, c, util)
	if err != nil {
		return FargateSizing{}, err
	}
	sp, err := SpreadReplicas(r.Count, zones, survive)
	if err != nil {
		return FargateSizing{}, err
	}
	s := FargateSizing{Replicas: r, Spread: sp, Tasks: sp.Total}
	task, ok, err := FargateTaskSize(c, snapshot)
	if err != nil {
		return FargateSizing{}, err
	}
	if !ok {
		s.Findings = append(s.Findings, Finding{
			Code:     MaxTaskSize,
			Message:  fmt.Sprintf("no Fargate task size holds %s vCPU and %d MiB", c.VCPU, c.MemoryMB),
			Value:    fmt.Sprintf("%s vCPU / %d MiB", c.VCPU, c.MemoryMB),
			Source:   FargateSource,
			Severity: Blocker, Enforcement: platform.Hard,
		})
		return s, nil
	}
	s.Task = task
	s.VCPU = task.VCPU.Mul(decimal.NewFromInt(s.Tasks))
	l := p.Limits
	if f, ok := over(MaxTasksPerRegion, "Fargate tasks", l.TasksPerRegion, s.Tasks); ok {
		s.Findings = append(s.Findings, f)
	}
	if f, ok := over(MaxVCPUPerRegion, "Fargate vCPUs", l.VCPUPerRegion, ceilDiv(s.VCPU, one)); ok {
		s.Findings = append(s.Findings, f)
	}
	if f, ok := over(MaxTasksPerService, "tasks of the service", l.TasksPerService, s.Tasks); ok {
		s.Findings = append(s.Findings, f)
	}
	return s, nil
}

// taskSizes caches the embedded table per snapshot. The tables are only
// read, never handed out, so one copy serves every sizing: copying the
// table on each call was the largest allocation of a Fargate evaluation.
var taskSizes sync.Map // platform.SnapshotID → platform.TaskSizes

func taskSizesIn(snapshot platform.SnapshotID) (platform.TaskSizes, error) {
	if t, ok := taskSizes.Load(snapshot); ok {
		return t.(platform.TaskSizes), nil
	}
	t, err := platform.EmbeddedTaskSizes(snapshot)
	if err != nil {
		return platform.TaskSizes{}, err
	}
	kept, _ := taskSizes.LoadOrStore(snapshot, t)
	return kept.(platform.TaskSizes), nil
}
