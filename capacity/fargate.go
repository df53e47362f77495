package capacity

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// FargateSource publishes the valid Fargate task sizes (the task-size table
// of the pricing page and of the ECS developer guide's task definition
// parameters).
const FargateSource platform.URL = "https://aws.amazon.com/fargate/pricing/"

// TaskSize is a valid Fargate task size.
type TaskSize struct {
	VCPU      decimal.Decimal `json:"vcpu"`
	MemoryMiB int64           `json:"memory_mib"`
}

// fargateBand is one vCPU size and the memory it may have.
type fargateBand struct {
	cpuMilli               int64
	memMin, memMax, stepMi int64   // MiB; a 0 step means the listed values
	list                   []int64 // MiB, when the sizes are a list
	since                  string  // first snapshot (YYYY-MM) offering it
}

// fargateBands lists the Linux task sizes: 0.25 vCPU with 0.5/1/2 GB;
// 0.5 vCPU 1–4 GB, 1 vCPU 2–8 GB, 2 vCPU 4–16 GB, 4 vCPU 8–30 GB in 1 GB
// steps; 8 vCPU 16–60 GB in 4 GB steps; 16 vCPU 32–120 GB in 8 GB steps.
// The 8 and 16 vCPU sizes arrived in 2022-09 and are not offered in older
// snapshots.
var fargateBands = []fargateBand{
	{cpuMilli: 250, list: []int64{512, 1024, 2048}, since: "2017-11"},
	{cpuMilli: 500, memMin: 1024, memMax: 4096, stepMi: 1024, since: "2017-11"},
	{cpuMilli: 1000, memMin: 2048, memMax: 8192, stepMi: 1024, since: "2017-11"},
	{cpuMilli: 2000, memMin: 4096, memMax: 16384, stepMi: 1024, since: "2017-11"},
	{cpuMilli: 4000, memMin: 8192, memMax: 30720, stepMi: 1024, since: "2017-11"},
	{cpuMilli: 8000, memMin: 16384, memMax: 61440, stepMi: 4096, since: "2022-09"},
	{cpuMilli: 16000, memMin: 32768, memMax: 122880, stepMi: 8192, since: "2022-09"},
}

// FargateTaskSize returns the smallest valid task size, in the given
// snapshot ("" = newest), holding c: the fewest vCPUs, then the least
// memory. ok is false when no size holds it.
func FargateTaskSize(c Container, snapshot string) (size TaskSize, ok bool, err error) {
	if err := c.validate(); err != nil {
		return TaskSize{}, false, err
	}
	if snapshot == "" {
		snapshot = platform.Newest
	}
	cpu := millicores(c.VCPU)
	for _, b := range fargateBands {
		if b.since > snapshot || b.cpuMilli < cpu {
			continue
		}
		if mem, found := b.memoryFor(c.MemoryMB); found {
			return TaskSize{VCPU: decimal.New(b.cpuMilli, -3), MemoryMiB: mem}, true, nil
		}
	}
	return TaskSize{}, false, nil
}

func (b fargateBand) memoryFor(want int64) (int64, bool) {
	if b.list != nil {
		for _, m := range b.list {
			if m >= want {
				return m, true
			}
		}
		return 0, false
	}
	m := b.memMin
	if want > m {
		m += (want - m + b.stepMi - 1) / b.stepMi * b.stepMi
	}
	return m, m <= b.memMax
}

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
func SizeFargate(p platform.Platform, snapshot string, w Workload, c Container, util decimal.Decimal, zones int64, survive bool) (FargateSizing, error) {
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
