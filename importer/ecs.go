package importer

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere"
)

// isECS says whether doc is what the ECS API prints: a task definition
// ("aws ecs describe-task-definition", or the definition alone, as
// register-task-definition takes it) or services ("aws ecs
// describe-services").
func isECS(doc *yaml.Node) bool {
	if get(doc, "taskDefinition") != nil && get(get(doc, "taskDefinition"), "containerDefinitions") != nil {
		return true
	}
	if get(doc, "containerDefinitions") != nil && get(doc, "apiVersion") == nil {
		return true
	}
	for _, s := range items(get(doc, "services")) {
		if get(s, "serviceName") != nil {
			return true
		}
	}
	return false
}

// ecs collects task definitions and services; a service names its task
// definition by ARN or family:revision, and the two meet in [ecs.services].
type ecs struct {
	tasks []object // kind "TaskDefinition", name the family
	svcs  []object // kind "ECS service"
}

func (e *ecs) add(file string, doc *yaml.Node) error {
	if td := get(doc, "taskDefinition"); td != nil && td.Kind == yaml.MappingNode {
		return e.task(file, td, "taskDefinition")
	}
	if get(doc, "containerDefinitions") != nil {
		return e.task(file, doc, "")
	}
	for i, s := range items(get(doc, "services")) {
		name, _ := scalar(get(s, "serviceName"))
		e.svcs = append(e.svcs, object{file: file, kind: "ECS service", name: name, path: index("services", i), n: s})
	}
	return nil
}

func (e *ecs) task(file string, n *yaml.Node, path string) error {
	family, _ := scalar(get(n, "family"))
	if family == "" {
		return &Error{File: file, Line: n.Line, Path: join(path, "family"), Reason: "is missing: a task definition needs its family"}
	}
	e.tasks = append(e.tasks, object{file: file, kind: "ECS task definition", name: family, path: path, n: n})
	return nil
}

// familyOf is the family a service's taskDefinition names:
// "arn:aws:ecs:…:task-definition/web:3" or "web:3" is "web".
func familyOf(ref string) string {
	if i := strings.LastIndex(ref, "task-definition/"); i >= 0 {
		ref = ref[i+len("task-definition/"):]
	}
	family, _, _ := strings.Cut(ref, ":")
	return family
}

// services are the task definitions as services, with what their ECS
// services say (capacity providers, desired count); a service whose task
// definition is not among the files is skipped.
func (e *ecs) services() ([]Service, []Skipped, error) {
	var out []Service
	var skipped []Skipped
	used := make([]bool, len(e.svcs))
	for _, t := range e.tasks {
		s, err := e.service(t)
		if err != nil {
			return nil, nil, err
		}
		for i, svc := range e.svcs {
			ref, _ := scalar(get(svc.n, "taskDefinition"))
			if familyOf(ref) == t.name {
				used[i] = true
				e.apply(&s, svc)
			}
		}
		s.placeholders()
		out = append(out, s)
	}
	for i, svc := range e.svcs {
		if !used[i] {
			ref, _ := scalar(get(svc.n, "taskDefinition"))
			skipped = append(skipped, Skipped{File: svc.file, Line: svc.n.Line, Kind: svc.kind, Reason: fmt.Sprintf("%q runs task definition %q, which is not among the files read", svc.name, ref)})
		}
	}
	return out, skipped, nil
}

// service reads a task definition's size: the task-level cpu (CPU units,
// 1,024 a vCPU) and memory (MiB), else its containers' added up (memory,
// or memoryReservation when memory is absent)
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html).
func (e *ecs) service(t object) (Service, error) {
	s := newService(t.name, t.kind, t.file, t.n.Line)
	units := func(v *yaml.Node, path string) (decimal.Decimal, error) {
		text, _ := scalar(v)
		d, err := exactNumber(text)
		if err != nil || !d.IsPositive() {
			return decimal.Decimal{}, &Error{File: t.file, Line: v.Line, Path: path, Reason: fmt.Sprintf("%q is not a positive number", text)}
		}
		return d, nil
	}
	cpu, mem := decimal.Zero, decimal.Zero
	var cpuFrom, memFrom []Origin
	if v := get(t.n, "cpu"); v != nil {
		d, err := units(v, join(t.path, "cpu"))
		if err != nil {
			return Service{}, err
		}
		cpu, cpuFrom = d, []Origin{t.origin(v, "cpu")}
	}
	if v := get(t.n, "memory"); v != nil {
		d, err := units(v, join(t.path, "memory"))
		if err != nil {
			return Service{}, err
		}
		mem, memFrom = d, []Origin{t.origin(v, "memory")}
	}
	for i, c := range items(get(t.n, "containerDefinitions")) {
		p := index("containerDefinitions", i)
		if cpuFrom == nil || cpuFrom[0].Path != join(t.path, "cpu") {
			if v := get(c, "cpu"); v != nil {
				d, err := units(v, join(t.path, p+".cpu"))
				if err != nil {
					return Service{}, err
				}
				cpu = cpu.Add(d)
				cpuFrom = append(cpuFrom, t.origin(v, p+".cpu"))
			}
		}
		if memFrom == nil || memFrom[0].Path != join(t.path, "memory") {
			key := "memory"
			v := get(c, key)
			if v == nil {
				key = "memoryReservation"
				v = get(c, key)
			}
			if v != nil {
				d, err := units(v, join(t.path, p+"."+key))
				if err != nil {
					return Service{}, err
				}
				mem = mem.Add(d)
				memFrom = append(memFrom, t.origin(v, p+"."+key))
			}
		}
	}
	if cpu.IsPositive() {
		v := cpu.Div(decimal.NewFromInt(1024))
		s.Scenario.Container.VCPU = &v
		s.set("container", "vcpu", v.String(), cpuFrom)
	} else {
		s.missing("container.vcpu", runwhere.DefaultContainerVCPU().String()+", runwhere's default", "the task definition reserves no CPU")
	}
	if mem.IsPositive() {
		if !mem.IsInteger() {
			return Service{}, &Error{File: t.file, Line: t.n.Line, Path: join(t.path, "memory"), Reason: fmt.Sprintf("%s is not a whole number of MiB", mem)}
		}
		n := mem.IntPart()
		s.Scenario.Container.MemoryMB = &n
		s.set("container", "memory_mb", mem.String(), memFrom)
	} else {
		s.missing("container.memory_mb", fmt.Sprint(runwhere.DefaultContainerMemory)+", runwhere's default", "the task definition reserves no memory")
	}
	if v := at(t.n, "runtimePlatform", "cpuArchitecture"); v != nil {
		switch a, _ := scalar(v); a {
		case "ARM64":
			s.Scenario.Workload.Arch = "arm64"
			s.set("workload", "arch", "arm64", []Origin{t.origin(v, "runtimePlatform.cpuArchitecture")})
		case "X86_64":
			s.Scenario.Workload.Arch = "x86_64"
			s.set("workload", "arch", "x86_64", []Origin{t.origin(v, "runtimePlatform.cpuArchitecture")})
		default:
			return Service{}, &Error{File: t.file, Line: v.Line, Path: join(t.path, "runtimePlatform.cpuArchitecture"), Reason: fmt.Sprintf("%q is not X86_64 or ARM64", a)}
		}
	}
	if v := get(t.n, "networkMode"); v != nil {
		if m, _ := scalar(v); m == "awsvpc" || m == "bridge" || m == "host" {
			s.Scenario.Servers.ECSNetworkMode = m
			s.set("servers", "ecs_network_mode", m, []Origin{t.origin(v, "networkMode")})
		}
	}
	if v := get(t.n, "requiresCompatibilities"); v != nil {
		var c []string
		for _, it := range items(v) {
			x, _ := scalar(it)
			c = append(c, x)
		}
		s.Notes = append(s.Notes, fmt.Sprintf("%s: it runs on %s today; runwhere compares every platform", t.origin(v, "requiresCompatibilities"), strings.Join(c, ", ")))
	}
	return s, nil
}

// apply reads what an ECS service says about its tasks: a capacity
// provider strategy all on FARGATE_SPOT is Fargate Spot, whose discount
// AWS does not publish as a fixed rate, so it is listed for the person to
// give; the desired count is said, as runwhere sizes the tasks.
func (e *ecs) apply(s *Service, svc object) {
	var spot, other decimal.Decimal
	var line int
	for _, p := range items(get(svc.n, "capacityProviderStrategy")) {
		name, _ := scalar(get(p, "capacityProvider"))
		w := decimal.NewFromInt(1)
		if v, ok := integer(get(p, "weight")); ok {
			w = decimal.NewFromInt(v)
		}
		if name == "FARGATE_SPOT" {
			spot, line = spot.Add(w), p.Line
		} else {
			other = other.Add(w)
		}
	}
	switch {
	case spot.IsPositive() && other.IsZero():
		s.Missing = append(s.Missing, Missing{Field: "discounts.spot", Value: "not set", Why: fmt.Sprintf("%s:%d: the service runs on FARGATE_SPOT; give discounts.spot: true with discounts.fargate, Spot's discount, which AWS publishes as \"up to 70 %%\" and not as a fixed rate", svc.file, line)})
	case spot.IsPositive():
		s.Notes = append(s.Notes, fmt.Sprintf("%s:%d: the service splits its tasks between FARGATE_SPOT (weight %s) and other capacity (weight %s); runwhere prices one kind", svc.file, line, spot, other))
	}
	if v := get(svc.n, "desiredCount"); v != nil {
		if n, ok := integer(v); ok {
			s.Notes = append(s.Notes, fmt.Sprintf("%s %d is not used: runwhere sizes the tasks from the load", svc.origin(v, "desiredCount"), n))
		}
	}
}
