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
var workloadKinds = map[string]bool{"Deployment": true, "StatefulSet": true, "Job": true, "CronJob": true}

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
		k.skip(file, n, kind, "is not a workload runwhere sizes (it reads Deployment, StatefulSet, Job, CronJob and HorizontalPodAutoscaler)")
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
		if s.Scenario.Workload.Kind == "job" {
			s.jobPlaceholders()
		} else {
			s.placeholders()
		}
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
	// A Job's pods are at spec.template; a CronJob's in its job template.
	job := []string{"spec"}
	if w.kind == "CronJob" {
		job = []string{"spec", "jobTemplate", "spec"}
	}
	base := strings.Join(job, ".") + ".template.spec.containers"
	pods := at(w.n, job...)
	if w.kind == "Deployment" || w.kind == "StatefulSet" {
		pods = get(w.n, "spec")
	}
	cs := items(at(pods, "template", "spec", "containers"))
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
	if w.kind == "Job" || w.kind == "CronJob" {
		if err := k.job(&s, w, job); err != nil {
			return Service{}, err
		}
		return s, nil
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

// job reads a Job or a CronJob as a scheduled job: a Job runs once a
// month as runwhere counts (its own run; a person who runs it more often
// says so), a CronJob as often as its schedule fires in a 730-hour month
// (runsAYear over 12); its parallelism is the tasks of a run.
func (k *kube) job(s *Service, w object, job []string) error {
	s.Scenario.Workload.Kind = "job"
	s.set("workload", "kind", "job", []Origin{w.origin(get(w.n, "kind"), "kind")})
	runs := int64(1)
	if w.kind == "CronJob" {
		v := at(w.n, "spec", "schedule")
		text, ok := scalar(v)
		if !ok {
			return &Error{File: w.file, Line: w.n.Line, Path: join(w.path, "spec.schedule"), Reason: "is missing: a CronJob needs its schedule"}
		}
		c, err := parseCron(text)
		if err != nil {
			return &Error{File: w.file, Line: v.Line, Path: join(w.path, "spec.schedule"), Reason: err.Error()}
		}
		year := c.runsAYear()
		if year == 0 {
			return &Error{File: w.file, Line: v.Line, Path: join(w.path, "spec.schedule"), Reason: fmt.Sprintf("%q never runs", text)}
		}
		n, exact := runsAMonth(year)
		if n == 0 {
			n = 1
			exact = false
		}
		runs = n
		s.set("workload", "runs_per_month", fmt.Sprint(runs), []Origin{w.origin(v, "spec.schedule")})
		if !exact {
			s.Notes = append(s.Notes, fmt.Sprintf("workload.runs_per_month: %q %s", text, roundedNote(year, runs)))
		}
	} else {
		s.set("workload", "runs_per_month", "1", []Origin{w.origin(get(w.n, "kind"), "kind (a Job runs once)")})
		s.Notes = append(s.Notes, "a Job runs once: runs_per_month is 1; set it to how often the Job is run in a month")
	}
	s.Scenario.Workload.RunsPerMonth = &runs
	if v := at(w.n, append(job, "parallelism")...); v != nil {
		n, ok := integer(v)
		if !ok || n < 1 {
			text, _ := scalar(v)
			return &Error{File: w.file, Line: v.Line, Path: join(w.path, strings.Join(append(job, "parallelism"), ".")), Reason: fmt.Sprintf("%q is not a whole number of at least 1", text)}
		}
		if n > 1 {
			s.Scenario.Workload.Parallelism = &n
			s.set("workload", "parallelism", fmt.Sprint(n), []Origin{w.origin(v, strings.Join(append(job, "parallelism"), "."))})
		}
	}
	return nil
}
