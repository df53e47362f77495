package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere"
)

// kube collects a file's Kubernetes objects: the workloads that become
// services, and the autoscalers that scale them.
type kube struct {
	workloads []object
	hpas      []object
	skipped   []Skipped
}

// object is one Kubernetes object: its kind and name, the node, and the
// path to it in its document ("" at the top, "items[2]" in a List).
type object struct {
	file, kind, name, path string
	n                      *yaml.Node
}

func (o object) origin(n *yaml.Node, path string) Origin {
	p := path
	if o.path != "" {
		p = o.path + "." + path
	}
	return Origin{File: o.file, Line: n.Line, Path: p}
}

// workloadKinds are the kinds whose pods become a service.
var workloadKinds = map[string]bool{"Deployment": true, "StatefulSet": true}

func (k *kube) add(file string, doc *yaml.Node) error { return k.object(file, doc, "") }

func (k *kube) object(file string, n *yaml.Node, path string) error {
	kind, _ := scalar(get(n, "kind"))
	api, _ := scalar(get(n, "apiVersion"))
	if kind == "" || api == "" {
		k.skip(file, n, kind, "is not a Kubernetes object (no apiVersion and kind) nor another format runwhere imports")
		return nil
	}
	if strings.HasSuffix(kind, "List") {
		for i, it := range items(get(n, "items")) {
			if err := k.object(file, it, join(path, index("items", i))); err != nil {
				return err
			}
		}
		return nil
	}
	name, _ := scalar(at(n, "metadata", "name"))
	o := object{file: file, kind: kind, name: name, path: path, n: n}
	switch {
	case workloadKinds[kind]:
		if name == "" {
			return &Error{File: file, Line: n.Line, Path: join(path, "metadata.name"), Reason: "is missing: a " + kind + " needs a name"}
		}
		k.workloads = append(k.workloads, o)
	case kind == "HorizontalPodAutoscaler":
		k.hpas = append(k.hpas, o)
	default:
		k.skip(file, n, kind, "is not a workload runwhere sizes (it reads Deployment, StatefulSet and HorizontalPodAutoscaler)")
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (k *kube) skip(file string, n *yaml.Node, kind, reason string) {
	k.skipped = append(k.skipped, Skipped{File: file, Line: n.Line, Kind: kind, Reason: reason})
}

// services turns each workload into a service, with its autoscaler, and
// lists what was skipped.
func (k *kube) services() ([]Service, []Skipped, error) {
	skipped := slices.Clone(k.skipped)
	used := make([]bool, len(k.hpas))
	var out []Service
	for _, w := range k.workloads {
		s, err := k.service(w)
		if err != nil {
			return nil, nil, err
		}
		for i, h := range k.hpas {
			ref := at(h.n, "spec", "scaleTargetRef")
			kind, _ := scalar(get(ref, "kind"))
			name, _ := scalar(get(ref, "name"))
			if kind == w.kind && name == w.name {
				if err := k.autoscaler(&s, h); err != nil {
					return nil, nil, err
				}
				used[i] = true
			}
		}
		s.placeholders()
		out = append(out, s)
	}
	for i, h := range k.hpas {
		if !used[i] {
			ref := at(h.n, "spec", "scaleTargetRef")
			kind, _ := scalar(get(ref, "kind"))
			name, _ := scalar(get(ref, "name"))
			skipped = append(skipped, Skipped{File: h.file, Line: h.n.Line, Kind: h.kind, Reason: fmt.Sprintf("scales %s %q, which is not among the files read", kind, name)})
		}
	}
	return out, skipped, nil
}

// service reads a workload's pod template: the replica's CPU and memory
// are its containers' requests added up, as the scheduler adds them to
// place a pod; a container with limits and no requests gets requests
// equal to its limits
// (https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/).
func (k *kube) service(w object) (Service, error) {
	s := newService(w.name, w.kind, w.file, w.n.Line)
	base := "spec.template.spec.containers"
	cs := items(at(w.n, "spec", "template", "spec", "containers"))
	if len(cs) == 0 {
		return Service{}, &Error{File: w.file, Line: w.n.Line, Path: join(w.path, base), Reason: "is missing: a " + w.kind + " needs at least one container"}
	}
	cpu, mem := decimal.Zero, decimal.Zero
	var cpuFrom, memFrom []Origin
	for i, c := range cs {
		p := index(base, i) + ".resources"
		for _, res := range []struct {
			name string
			sum  *decimal.Decimal
			from *[]Origin
		}{{"cpu", &cpu, &cpuFrom}, {"memory", &mem, &memFrom}} {
			kind := "requests"
			v := at(c, "resources", kind, res.name)
			if v == nil {
				kind = "limits"
				v = at(c, "resources", kind, res.name)
			}
			if v == nil {
				continue
			}
			o := w.origin(v, p+"."+kind+"."+res.name)
			text, ok := scalar(v)
			q, err := ParseQuantity(text)
			if !ok || err != nil {
				return Service{}, &Error{File: w.file, Line: v.Line, Path: o.Path, Reason: fmt.Sprintf("%q is not a Kubernetes quantity", text)}
			}
			if q.IsNegative() {
				return Service{}, &Error{File: w.file, Line: v.Line, Path: o.Path, Reason: fmt.Sprintf("%q is negative", text)}
			}
			if res.name == "cpu" && !q.Shift(3).IsInteger() {
				return Service{}, &Error{File: w.file, Line: v.Line, Path: o.Path, Reason: fmt.Sprintf("%q is finer than a millicore, which Kubernetes does not allow", text)}
			}
			*res.sum = res.sum.Add(q)
			*res.from = append(*res.from, o)
		}
	}
	if cpu.IsPositive() {
		s.set("container", "vcpu", cpu.String(), cpuFrom)
		s.Scenario.Container.VCPU = &cpu
	} else {
		s.missing("container.vcpu", runwhere.DefaultContainerVCPU().String()+", runwhere's default", "no container requests or limits CPU")
	}
	if mem.IsPositive() {
		mb := mem.Div(decimal.NewFromInt(1 << 20))
		whole := mb.Ceil()
		if !mb.Equal(whole) {
			s.Notes = append(s.Notes, fmt.Sprintf("container.memory_mb: %s bytes is %s MiB, rounded up to %s (runwhere counts whole MiB)", mem, mb.StringFixed(3), whole))
		}
		n := whole.IntPart()
		s.set("container", "memory_mb", whole.String(), memFrom)
		s.Scenario.Container.MemoryMB = &n
	} else {
		s.missing("container.memory_mb", fmt.Sprint(runwhere.DefaultContainerMemory)+", runwhere's default", "no container requests or limits memory")
	}
	if r := at(w.n, "spec", "replicas"); r != nil {
		if n, ok := integer(r); ok {
			s.Notes = append(s.Notes, fmt.Sprintf("%s %d is not used: runwhere sizes the replicas from the load", w.origin(r, "spec.replicas"), n))
		}
	}
	return s, nil
}

// autoscaler reads a HorizontalPodAutoscaler (autoscaling/v2's CPU
// utilization metric, or v1's targetCPUUtilizationPercentage): its floor
// and its CPU target. Kubernetes' default floor is one replica.
func (k *kube) autoscaler(s *Service, h object) error {
	on := true
	s.Scenario.Servers.Autoscaling = &on
	ref := at(h.n, "spec", "scaleTargetRef")
	s.set("servers", "autoscaling", "true", []Origin{h.origin(ref, "spec.scaleTargetRef")})
	if v := at(h.n, "spec", "minReplicas"); v != nil {
		n, ok := integer(v)
		if !ok || n < 1 {
			return &Error{File: h.file, Line: v.Line, Path: join(h.path, "spec.minReplicas"), Reason: "is not a whole number of at least 1"}
		}
		s.Scenario.Servers.MinCount = &n
		s.set("servers", "min_count", fmt.Sprint(n), []Origin{h.origin(v, "spec.minReplicas")})
	}
	if v := at(h.n, "spec", "maxReplicas"); v != nil {
		if n, ok := integer(v); ok {
			s.Notes = append(s.Notes, fmt.Sprintf("%s %d is not used: runwhere has no ceiling on the replicas it sizes", h.origin(v, "spec.maxReplicas"), n))
		}
	}
	target, path := (*yaml.Node)(nil), ""
	for i, m := range items(at(h.n, "spec", "metrics")) {
		name, _ := scalar(at(m, "resource", "name"))
		typ, _ := scalar(at(m, "resource", "target", "type"))
		if name == "cpu" && typ == "Utilization" {
			target, path = at(m, "resource", "target", "averageUtilization"), index("spec.metrics", i)+".resource.target.averageUtilization"
		}
	}
	if v := at(h.n, "spec", "targetCPUUtilizationPercentage"); v != nil {
		target, path = v, "spec.targetCPUUtilizationPercentage"
	}
	if target == nil {
		s.missing("servers.target_utilization", runwhere.DefaultTargetUtilization().String()+", runwhere's default", "the autoscaler has no CPU utilization target")
		return nil
	}
	n, ok := integer(target)
	if !ok || n < 1 || n > 100 {
		text, _ := scalar(target)
		return &Error{File: h.file, Line: target.Line, Path: join(h.path, path), Reason: fmt.Sprintf("%q is not a percentage from 1 to 100", text)}
	}
	u := decimal.New(n, -2)
	s.Scenario.Servers.TargetUtilization = &u
	s.set("servers", "target_utilization", u.String(), []Origin{h.origin(target, path)})
	return nil
}
