package importer

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

// isPlan says whether doc is what "terraform show -json PLANFILE" prints
// (https://developer.hashicorp.com/terraform/internals/json-format).
func isPlan(doc *yaml.Node) bool {
	return get(doc, "format_version") != nil && (get(doc, "planned_values") != nil || get(doc, "resource_changes") != nil)
}

// The AWS provider's defaults for what a plan leaves null
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function):
// 128 MB and 3 seconds, as Lambda's own.
const tfLambdaDocs = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function"

// plan reads a Terraform plan with hashicorp/terraform-json: every
// aws_lambda_function and aws_ecs_task_definition of the planned values,
// in any module, is a service. A value Terraform knows only after apply
// is listed as not found.
type plan struct {
	file    string
	data    []byte
	skipped []Skipped
}

func (p *plan) services() ([]Service, error) {
	var pl tfjson.Plan
	if err := json.Unmarshal(p.data, &pl); err != nil {
		return nil, &Error{File: p.file, Reason: "is not a Terraform plan's JSON: " + err.Error()}
	}
	if err := pl.Validate(); err != nil {
		return nil, &Error{File: p.file, Reason: "is not a plan terraform-json reads: " + err.Error()}
	}
	unknown := map[string]map[string]any{}
	for _, rc := range pl.ResourceChanges {
		if rc == nil || rc.Change == nil {
			continue
		}
		if u, ok := rc.Change.AfterUnknown.(map[string]any); ok {
			unknown[rc.Address] = u
		}
	}
	if pl.PlannedValues == nil || pl.PlannedValues.RootModule == nil {
		p.skipped = append(p.skipped, Skipped{File: p.file, Kind: "Terraform plan", Reason: "has no planned values"})
		return nil, nil
	}
	var out []Service
	other := map[string]int{}
	var walk func(m *tfjson.StateModule, depth int) error
	walk = func(m *tfjson.StateModule, depth int) error {
		if m == nil || depth > 64 {
			return nil
		}
		for _, r := range m.Resources {
			if r == nil || r.Mode != tfjson.ManagedResourceMode {
				continue
			}
			switch r.Type {
			case "aws_lambda_function":
				s, err := p.lambda(r, unknown[r.Address])
				if err != nil {
					return err
				}
				out = append(out, s)
			case "aws_ecs_task_definition":
				s, err := p.task(r, unknown[r.Address])
				if err != nil {
					return err
				}
				out = append(out, s)
			default:
				other[r.Type]++
			}
		}
		for _, c := range m.ChildModules {
			if err := walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(pl.PlannedValues.RootModule, 0); err != nil {
		return nil, err
	}
	for _, t := range sortedKeys(other) {
		p.skipped = append(p.skipped, Skipped{File: p.file, Kind: t, Reason: fmt.Sprintf("(%d in the plan) is not read: runwhere imports aws_lambda_function and aws_ecs_task_definition from a plan", other[t])})
	}
	return out, nil
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// origin names a resource's attribute in a plan, which has no lines a
// person reads: its address and the attribute.
func (p *plan) origin(r *tfjson.StateResource, attr string) []Origin {
	return []Origin{{File: p.file, Path: r.Address + "." + attr}}
}

// number is a plan attribute as an exact decimal: encoding/json gives
// float64, exact for the whole numbers these attributes hold.
func number(v any) (decimal.Decimal, bool) {
	switch x := v.(type) {
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) || math.Abs(x) > 1<<53 {
			return decimal.Decimal{}, false
		}
		return decimal.NewFromFloat(x), true
	case string:
		d, err := exactNumber(x)
		return d, err == nil
	}
	return decimal.Decimal{}, false
}

// attr reads a whole-number attribute in [min, max]; unknown until apply
// or absent, it is left to the default, and said.
func (p *plan) attr(s *Service, r *tfjson.StateResource, unknown map[string]any, name string, min, max int64) (int64, bool, error) {
	if u, ok := unknown[name].(bool); ok && u {
		s.Notes = append(s.Notes, fmt.Sprintf("%s.%s is known only after apply: left to the default", r.Address, name))
		return 0, false, nil
	}
	v, ok := r.AttributeValues[name]
	if !ok || v == nil {
		return 0, false, nil
	}
	d, ok := number(v)
	if !ok || !d.IsInteger() || d.LessThan(decimal.NewFromInt(min)) || d.GreaterThan(decimal.NewFromInt(max)) {
		return 0, false, &Error{File: p.file, Path: r.Address + "." + name, Reason: fmt.Sprintf("%v is not a whole number from %d to %d", v, min, max)}
	}
	return d.IntPart(), true, nil
}

func (p *plan) lambda(r *tfjson.StateResource, unknown map[string]any) (Service, error) {
	s := newService(r.Address, r.Type, p.file, 0)
	w := &s.Scenario.Workload
	mem, ok, err := p.attr(&s, r, unknown, "memory_size", 128, 10240)
	if err != nil {
		return Service{}, err
	}
	from := p.origin(r, "memory_size")
	if !ok {
		mem, from = 128, []Origin{{File: tfLambdaDocs, Path: "the provider's default memory_size"}}
	}
	w.MemoryMB = &mem
	s.set("workload", "memory_mb", strconv.FormatInt(mem, 10), from)
	timeout, ok, err := p.attr(&s, r, unknown, "timeout", 1, 900)
	if err != nil {
		return Service{}, err
	}
	from = p.origin(r, "timeout")
	if !ok {
		timeout, from = 3, []Origin{{File: tfLambdaDocs, Path: "the provider's default timeout"}}
	}
	t := decimal.NewFromInt(timeout)
	w.MaxDurationS = &t
	s.set("workload", "max_duration_s", t.String(), from)
	if a, ok := r.AttributeValues["architectures"].([]any); ok && len(a) == 1 {
		arch, _ := a[0].(string)
		if arch != "x86_64" && arch != "arm64" {
			return Service{}, &Error{File: p.file, Path: r.Address + ".architectures[0]", Reason: fmt.Sprintf("%q is not x86_64 or arm64", arch)}
		}
		w.Arch = arch
		s.set("workload", "arch", arch, p.origin(r, "architectures[0]"))
	}
	if e, ok := r.AttributeValues["ephemeral_storage"].([]any); ok && len(e) == 1 {
		if m, ok := e[0].(map[string]any); ok {
			if d, ok := number(m["size"]); ok {
				if !d.IsInteger() || d.LessThan(decimal.NewFromInt(512)) || d.GreaterThan(decimal.NewFromInt(10240)) {
					return Service{}, &Error{File: p.file, Path: r.Address + ".ephemeral_storage[0].size", Reason: fmt.Sprintf("%s is not a whole number of MB from 512 to 10240", d)}
				}
				n := d.IntPart()
				s.Scenario.Lambda.EphemeralStorageMB = &n
				s.set("lambda", "ephemeral_storage_mb", d.String(), p.origin(r, "ephemeral_storage[0].size"))
			}
		}
	}
	s.requestPlaceholders()
	return s, nil
}

// task reads an ECS task definition's task-level size: cpu in CPU units
// (1,024 a vCPU) and memory in MiB, as strings
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition).
func (p *plan) task(r *tfjson.StateResource, unknown map[string]any) (Service, error) {
	s := newService(r.Address, r.Type, p.file, 0)
	cpu, ok, err := p.attr(&s, r, unknown, "cpu", 1, 192*1024)
	if err != nil {
		return Service{}, err
	}
	if ok {
		v := decimal.NewFromInt(cpu).Div(decimal.NewFromInt(1024))
		s.Scenario.Container.VCPU = &v
		s.set("container", "vcpu", v.String(), p.origin(r, "cpu (CPU units ÷ 1,024)"))
	} else {
		s.missing("container.vcpu", "0.5, runwhere's default", "the task definition has no task-level cpu")
	}
	mem, ok, err := p.attr(&s, r, unknown, "memory", 1, 1<<22)
	if err != nil {
		return Service{}, err
	}
	if ok {
		s.Scenario.Container.MemoryMB = &mem
		s.set("container", "memory_mb", strconv.FormatInt(mem, 10), p.origin(r, "memory"))
	} else {
		s.missing("container.memory_mb", "1024, runwhere's default", "the task definition has no task-level memory")
	}
	if rp, ok := r.AttributeValues["runtime_platform"].([]any); ok && len(rp) == 1 {
		if m, ok := rp[0].(map[string]any); ok {
			switch a, _ := m["cpu_architecture"].(string); a {
			case "ARM64":
				s.Scenario.Workload.Arch = "arm64"
				s.set("workload", "arch", "arm64", p.origin(r, "runtime_platform[0].cpu_architecture"))
			case "X86_64":
				s.Scenario.Workload.Arch = "x86_64"
				s.set("workload", "arch", "x86_64", p.origin(r, "runtime_platform[0].cpu_architecture"))
			}
		}
	}
	s.placeholders()
	return s, nil
}
