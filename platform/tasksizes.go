package platform

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
)

// TaskSizes is Fargate's table of valid task sizes, with the page it was
// read in. A snapshot offers the rows whose Since is not after it
// ([TaskSizes.In]). The zero TaskSizes has no rows: no size is valid.
type TaskSizes struct {
	Source `yaml:",inline"`
	Sizes  []TaskSizeRow `yaml:"sizes" json:"sizes"`
}

// TaskSizeRow is one vCPU size of Fargate and the memory it may have:
// either the listed sizes (MemoryGB) or MinGB to MaxGB in steps of StepGB.
// Memory is in GB of 1024³ bytes, as AWS prints it.
type TaskSizeRow struct {
	VCPU     decimal.Decimal   `yaml:"vcpu" json:"vcpu"`
	MemoryGB []decimal.Decimal `yaml:"memory_gb,omitempty" json:"memory_gb,omitempty"`
	MinGB    *decimal.Decimal  `yaml:"min_gb,omitempty" json:"min_gb,omitempty"`
	MaxGB    *decimal.Decimal  `yaml:"max_gb,omitempty" json:"max_gb,omitempty"`
	StepGB   *decimal.Decimal  `yaml:"step_gb,omitempty" json:"step_gb,omitempty"`
	// Since is the first month the size is known to be offered: its
	// launch where a source dates it, else the month it was read.
	Since SnapshotID `yaml:"since" json:"since"`
	// Note says where Since comes from when it is not the table's source.
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Clone returns a deep copy of t.
func (t TaskSizes) Clone() TaskSizes {
	t.Sizes = slices.Clone(t.Sizes)
	for i := range t.Sizes {
		r := &t.Sizes[i]
		r.MemoryGB = slices.Clone(r.MemoryGB)
		r.MinGB, r.MaxGB, r.StepGB = clonePtr(r.MinGB), clonePtr(r.MaxGB), clonePtr(r.StepGB)
	}
	return t
}

// In returns the rows offered in snapshot, a deep copy. The snapshot need
// not be an embedded one: "2022-09" is a month like any.
func (t TaskSizes) In(snapshot SnapshotID) (TaskSizes, error) {
	if _, err := ParseSnapshotID(string(snapshot)); err != nil {
		return TaskSizes{}, err
	}
	out := t.Clone()
	out.Sizes = slices.DeleteFunc(out.Sizes, func(r TaskSizeRow) bool { return r.Since.After(snapshot) })
	return out, nil
}

// EmbeddedTaskSizes returns Fargate's valid task sizes in snapshot (any
// month; the zero id means [Newest]) from the embedded table.
func EmbeddedTaskSizes(snapshot SnapshotID) (TaskSizes, error) {
	t, err := loadTaskSizes()
	if err != nil {
		return TaskSizes{}, err
	}
	if snapshot == "" {
		snapshot = Newest
	}
	return t.In(snapshot)
}

// FargateTaskSizes returns Fargate's valid task sizes in snapshot
// (YYYY-MM; "" means [Newest]).
//
// Deprecated: use [EmbeddedTaskSizes].
func FargateTaskSizes(snapshot string) (TaskSizes, error) {
	return EmbeddedTaskSizes(SnapshotID(snapshot))
}

// FargateTaskSizes returns Fargate's valid task sizes in c's snapshot.
func (c Catalogue) FargateTaskSizes() (TaskSizes, error) { return EmbeddedTaskSizes(c.Snapshot) }

//go:embed data/fargate-task-sizes.yaml
var taskSizesYAML []byte

// taskSizesFile is the embedded table's name in data/; the snapshot loader
// skips it.
const taskSizesFile = "fargate-task-sizes.yaml"

var loadTaskSizes = sync.OnceValues(func() (TaskSizes, error) {
	return ParseTaskSizes(taskSizesFile, taskSizesYAML)
})

// ParseTaskSizes reads a task-size table from YAML (a mapping with source,
// as_of, an optional note and sizes). Rows must be in ascending vCPU
// order, each with a list or a range of memory sizes, every figure a whole
// number of millicores and MiB. name labels the data in errors.
func ParseTaskSizes(name string, data []byte) (TaskSizes, error) {
	v, err := parseTaskSizes(name, data)
	return v, input.Prefix("platform", err)
}

func parseTaskSizes(name string, data []byte) (TaskSizes, error) {
	var t TaskSizes
	root, err := input.DecodeNode(data, &t, taskSizeLimits)
	if err != nil {
		var ie *input.FieldError
		if errors.As(err, &ie) {
			if ie.Field == "" && ie.Reason == "is empty" {
				return TaskSizes{}, fmt.Errorf("platform: %s: empty task-size table", orInput(name))
			}
			return TaskSizes{}, &FieldError{File: name, Line: ie.Line, Column: ie.Column, Field: orWhole(ie.Field), Value: ie.Value, Reason: ie.Reason}
		}
		var fe *FieldError
		if errors.As(err, &fe) {
			fe.File, fe.Value = name, input.Short(fe.Value)
			return TaskSizes{}, fe
		}
		return TaskSizes{}, fmt.Errorf("platform: %s: %w", orInput(name), err)
	}
	if fe := t.validate(root); fe != nil {
		fe.File = name
		return TaskSizes{}, fe
	}
	return t, nil
}

var (
	taskSizeLimits = input.Limits{MaxBytes: 1 << 20, MaxNodes: 100_000, MaxItems: 1000, MaxString: 4096}
	// maxTaskSteps bounds the sizes of one range: a caller walks them.
	maxTaskSteps = decimal.NewFromInt(1_000_000)
	mibPerGB     = decimal.NewFromInt(1024)
	millis       = decimal.NewFromInt(1000)
	maxTaskVCPU  = decimal.NewFromInt(100_000)
	maxTaskGB    = decimal.NewFromInt(100_000)
)

func (t TaskSizes) validate(root *yaml.Node) *FieldError {
	if fe := sourced(root, "task_sizes", t.Source); fe != nil {
		return fe
	}
	rows := child(root, "sizes")
	if len(t.Sizes) == 0 {
		return fieldErr(orNode(rows, root), "sizes", "", "is empty")
	}
	for i, r := range t.Sizes {
		n, at := item(rows, i), fmt.Sprintf("sizes[%d]", i)
		positive := func(key string, d decimal.Decimal, unit, max decimal.Decimal, what string) *FieldError {
			if !d.IsPositive() || d.GreaterThan(max) {
				return fieldErr(orNode(child(n, key), n), at+"."+key, d.String(), "is not within (0, "+max.String()+"]")
			}
			if !d.Mul(unit).IsInteger() {
				return fieldErr(orNode(child(n, key), n), at+"."+key, d.String(), "is not a whole number of "+what)
			}
			return nil
		}
		if fe := positive("vcpu", r.VCPU, millis, maxTaskVCPU, "millicores"); fe != nil {
			return fe
		}
		if i > 0 && !r.VCPU.GreaterThan(t.Sizes[i-1].VCPU) {
			return fieldErr(orNode(child(n, "vcpu"), n), at+".vcpu", r.VCPU.String(), "does not increase: rows go from the fewest vCPUs up")
		}
		if !isMonth(string(r.Since)) {
			return fieldErr(orNode(child(n, "since"), n), at+".since", string(r.Since), "is not a YYYY-MM month")
		}
		ranged := r.MinGB != nil && r.MaxGB != nil && r.StepGB != nil
		listed := len(r.MemoryGB) > 0
		if ranged == listed || (!ranged && (r.MinGB != nil || r.MaxGB != nil || r.StepGB != nil)) {
			return fieldErr(n, at, r.VCPU.String(), "needs either memory_gb or all of min_gb, max_gb, step_gb")
		}
		for j, m := range r.MemoryGB {
			if fe := positive("memory_gb", m, mibPerGB, maxTaskGB, "MiB"); fe != nil {
				fe.Field = fmt.Sprintf("%s.memory_gb[%d]", at, j)
				return fe
			}
			if j > 0 && !m.GreaterThan(r.MemoryGB[j-1]) {
				return fieldErr(orNode(child(n, "memory_gb"), n), fmt.Sprintf("%s.memory_gb[%d]", at, j), m.String(), "does not increase")
			}
		}
		if !ranged {
			continue
		}
		for _, f := range []struct {
			key string
			d   decimal.Decimal
		}{{"min_gb", *r.MinGB}, {"max_gb", *r.MaxGB}, {"step_gb", *r.StepGB}} {
			if fe := positive(f.key, f.d, mibPerGB, maxTaskGB, "MiB"); fe != nil {
				return fe
			}
		}
		if r.MaxGB.LessThan(*r.MinGB) {
			return fieldErr(orNode(child(n, "max_gb"), n), at+".max_gb", r.MaxGB.String(), "is below min_gb")
		}
		if r.MaxGB.Sub(*r.MinGB).DivRound(*r.StepGB, 0).GreaterThan(maxTaskSteps) {
			return fieldErr(orNode(child(n, "step_gb"), n), at+".step_gb", r.StepGB.String(), "makes more than "+maxTaskSteps.String()+" memory sizes")
		}
	}
	return nil
}
