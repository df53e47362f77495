package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere"
)

// isTemplate says whether doc is an AWS CloudFormation or SAM template: a
// Resources mapping whose entries have an AWS:: Type, or the template's
// own version or transform.
func isTemplate(doc *yaml.Node) bool {
	if get(doc, "AWSTemplateFormatVersion") != nil || get(doc, "Transform") != nil {
		return true
	}
	res := get(doc, "Resources")
	if res == nil || res.Kind != yaml.MappingNode || len(res.Content) == 0 {
		return false
	}
	t, _ := scalar(get(res.Content[1], "Type"))
	return strings.HasPrefix(t, "AWS::")
}

// The defaults AWS documents for a function's settings a template leaves
// out
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html):
// 128 MB of memory, a 3-second timeout, x86_64.
const lambdaDocs = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html"

// template reads a CloudFormation or SAM template: each function
// (AWS::Serverless::Function, AWS::Lambda::Function) is a service, its
// SAM Globals.Function applied under its own properties.
type template struct {
	file    string
	doc     *yaml.Node
	skipped []Skipped
}

func (t *template) services() ([]Service, error) {
	res := get(t.doc, "Resources")
	if res == nil || res.Kind != yaml.MappingNode {
		return nil, &Error{File: t.file, Line: t.doc.Line, Path: "Resources", Reason: "is missing: a template needs its resources"}
	}
	var out []Service
	for i := 0; i+1 < len(res.Content); i += 2 {
		id, r := res.Content[i].Value, deref(res.Content[i+1])
		typ, _ := scalar(get(r, "Type"))
		switch typ {
		case "AWS::Serverless::Function", "AWS::Lambda::Function":
			s, err := t.function(id, typ, r, res.Content[i].Line)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		t.skipped = append(t.skipped, Skipped{File: t.file, Line: t.doc.Line, Kind: "template", Reason: "has no AWS::Serverless::Function or AWS::Lambda::Function"})
	}
	return out, nil
}

// property is a function's property: its own, else the SAM template's
// Globals.Function one (SAM functions only), with its path.
func (t *template) property(id, typ string, r *yaml.Node, key string) (*yaml.Node, string) {
	if v := at(r, "Properties", key); v != nil {
		return v, "Resources." + id + ".Properties." + key
	}
	if typ == "AWS::Serverless::Function" {
		if v := at(t.doc, "Globals", "Function", key); v != nil {
			return v, "Globals.Function." + key
		}
	}
	return nil, ""
}

// value is a property's scalar, following !Ref to a parameter's Default
// (the value the template deploys with when none is given). Another
// intrinsic function is known only at deploy time: false.
func (t *template) value(v *yaml.Node, path string) (string, *yaml.Node, string, bool) {
	ref := ""
	switch {
	case v.Tag == "!Ref":
		ref = v.Value
	case v.Kind == yaml.MappingNode && get(v, "Ref") != nil:
		ref, _ = scalar(get(v, "Ref"))
	case v.Kind == yaml.ScalarNode && !strings.HasPrefix(v.Tag, "!") || v.Tag == "!!str" || v.Tag == "!!int":
		s, ok := scalar(v)
		return s, v, path, ok
	default:
		return "", v, path, false
	}
	d := at(t.doc, "Parameters", ref, "Default")
	s, ok := scalar(d)
	if !ok {
		return "", v, path, false
	}
	return s, d, "Parameters." + ref + ".Default", true
}

func (t *template) function(id, typ string, r *yaml.Node, line int) (Service, error) {
	s := newService(id, typ, t.file, line)
	w := &s.Scenario.Workload
	origin := func(n *yaml.Node, path string) []Origin { return []Origin{{File: t.file, Line: n.Line, Path: path}} }
	whole := func(key, field string, min, max int64, set func(int64), section, name string) error {
		v, path := t.property(id, typ, r, key)
		if v == nil {
			return nil
		}
		text, n, p, ok := t.value(v, path)
		if !ok {
			s.Notes = append(s.Notes, fmt.Sprintf("%s:%d %s is set by an intrinsic function at deploy time; %s is left to the default", t.file, v.Line, path, field))
			return nil
		}
		d, err := exactNumber(text)
		if err != nil || !d.IsInteger() || d.LessThan(decimal.NewFromInt(min)) || d.GreaterThan(decimal.NewFromInt(max)) {
			return &Error{File: t.file, Line: n.Line, Path: p, Reason: fmt.Sprintf("%q is not a whole number from %d to %d", text, min, max)}
		}
		set(d.IntPart())
		s.set(section, name, d.String(), origin(n, p))
		return nil
	}
	mem := int64(128)
	w.MemoryMB = &mem
	if err := whole("MemorySize", "workload.memory_mb", 128, 10240, func(n int64) { mem = n }, "workload", "memory_mb"); err != nil {
		return Service{}, err
	}
	if _, ok := s.Origins["workload.memory_mb"]; !ok {
		s.set("workload", "memory_mb", "128", []Origin{{File: lambdaDocs, Path: "AWS's default MemorySize"}})
	}
	timeout := decimal.NewFromInt(3)
	w.MaxDurationS = &timeout
	if err := whole("Timeout", "workload.max_duration_s", 1, 900, func(n int64) { timeout = decimal.NewFromInt(n) }, "workload", "max_duration_s"); err != nil {
		return Service{}, err
	}
	if _, ok := s.Origins["workload.max_duration_s"]; !ok {
		s.set("workload", "max_duration_s", "3", []Origin{{File: lambdaDocs, Path: "AWS's default Timeout"}})
	}
	if v, path := t.property(id, typ, r, "Architectures"); v != nil {
		if a := items(v); len(a) == 1 {
			arch, _ := scalar(a[0])
			if arch != "x86_64" && arch != "arm64" {
				return Service{}, &Error{File: t.file, Line: a[0].Line, Path: path + "[0]", Reason: fmt.Sprintf("%q is not x86_64 or arm64", arch)}
			}
			w.Arch = arch
			s.set("workload", "arch", arch, origin(a[0], path+"[0]"))
		}
	}
	if v, path := t.property(id, typ, r, "EphemeralStorage"); v != nil {
		if size := get(v, "Size"); size != nil {
			text, n, p, ok := t.value(size, path+".Size")
			d, err := exactNumber(text)
			if !ok || err != nil || !d.IsInteger() || d.LessThan(decimal.NewFromInt(512)) || d.GreaterThan(decimal.NewFromInt(10240)) {
				return Service{}, &Error{File: t.file, Line: n.Line, Path: p, Reason: fmt.Sprintf("%q is not a whole number of MB from 512 to 10240", text)}
			}
			eph := d.IntPart()
			s.Scenario.Lambda.EphemeralStorageMB = &eph
			s.set("lambda", "ephemeral_storage_mb", d.String(), origin(n, p))
		}
	}
	if v, path := t.property(id, typ, r, "ProvisionedConcurrencyConfig"); v != nil {
		if pc := get(v, "ProvisionedConcurrentExecutions"); pc != nil {
			text, n, p, ok := t.value(pc, path+".ProvisionedConcurrentExecutions")
			d, err := exactNumber(text)
			if !ok || err != nil || !d.IsInteger() || d.IsNegative() {
				return Service{}, &Error{File: t.file, Line: n.Line, Path: p, Reason: fmt.Sprintf("%q is not a whole number of environments", text)}
			}
			c := d.IntPart()
			s.Scenario.Lambda.ProvisionedConcurrency = &c
			s.set("lambda", "provisioned_concurrency", d.String(), origin(n, p))
		}
	}
	runs, err := t.events(&s, id, r)
	if err != nil {
		return Service{}, err
	}
	if runs == 0 {
		s.requestPlaceholders()
		return s, nil
	}
	// A function only a schedule invokes is a job: its runs a month, and
	// a run's minutes, which no template says; its timeout bounds a run
	// rather than a request.
	s.Scenario.Workload.Kind = "job"
	s.Scenario.Workload.RunsPerMonth = &runs
	s.Scenario.Workload.MaxDurationS = nil
	s.drop("workload", "max_duration_s")
	s.Notes = append(s.Notes, fmt.Sprintf("its timeout, %s s, bounds each run", timeout))
	s.set("workload", "kind", "job", s.scheduleFrom)
	s.set("workload", "runs_per_month", fmt.Sprint(runs), s.scheduleFrom)
	run := decimal.NewFromInt(1)
	s.Scenario.Workload.RunMinutes = &run
	s.placeholder("workload.run_minutes", "run_minutes", run.String(), "a template does not say how long a run lasts: give the mean, from the function's Duration metric")
	return s, nil
}

// events reads a SAM function's events: an HttpApi event is an HTTP API
// in front of it, an Api event a REST API; Schedule (rate or cron) and
// ScheduleV2 events invoke it as a job, their runs a month added up,
// unless an HTTP event makes it a service.
func (t *template) events(s *Service, id string, r *yaml.Node) (int64, error) {
	ev := at(r, "Properties", "Events")
	if ev == nil || ev.Kind != yaml.MappingNode {
		return 0, nil
	}
	doors := map[string]*yaml.Node{}
	paths := map[string]string{}
	var names []string
	var runs int64
	for i := 0; i+1 < len(ev.Content); i += 2 {
		e, name := ev.Content[i+1], ev.Content[i].Value
		typ, _ := scalar(get(e, "Type"))
		path := "Resources." + id + ".Properties.Events." + name
		if typ == "Schedule" || typ == "ScheduleV2" {
			key := map[string]string{"Schedule": "Schedule", "ScheduleV2": "ScheduleExpression"}[typ]
			v := at(e, "Properties", key)
			expr, ok := scalar(v)
			if !ok {
				s.Notes = append(s.Notes, fmt.Sprintf("%s:%d %s: a %s event whose expression is not plain text is not read", t.file, e.Line, path, typ))
				continue
			}
			n, note, err := scheduleRuns(expr)
			if err != nil {
				return 0, &Error{File: t.file, Line: v.Line, Path: path + ".Properties." + key, Reason: err.Error()}
			}
			if note != "" {
				s.Notes = append(s.Notes, fmt.Sprintf("%s.Properties.%s: %s", path, key, note))
			}
			runs += n
			s.scheduleFrom = append(s.scheduleFrom, Origin{File: t.file, Line: v.Line, Path: path + ".Properties." + key})
			continue
		}
		door := map[string]string{"HttpApi": runwhere.IngressHTTPAPI, "Api": runwhere.IngressRESTAPI}[typ]
		if door == "" {
			s.Notes = append(s.Notes, fmt.Sprintf("%s:%d %s: a %s event is not read", t.file, ev.Content[i].Line, path, typ))
			continue
		}
		if _, ok := doors[door]; !ok {
			names = append(names, door)
			doors[door] = get(e, "Type")
			paths[door] = path + ".Type"
		}
	}
	if len(names) == 0 {
		return runs, nil
	}
	if runs > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("the function has HTTP events and %d scheduled runs a month: runwhere prices it as the service its HTTP events make it, without the scheduled runs", runs))
		s.scheduleFrom = nil
	}
	sort.Strings(names)
	door := names[0]
	if len(names) > 1 {
		s.Notes = append(s.Notes, fmt.Sprintf("the function has both an HTTP API and a REST API; runwhere prices one front door, the HTTP API (%s)", runwhere.IngressHTTPAPI))
	}
	n := doors[door]
	s.Scenario.Ingress = &runwhere.Ingress{Lambda: door}
	s.set("ingress", "lambda", door, []Origin{{File: t.file, Line: n.Line, Path: paths[door]}})
	return 0, nil
}

// scheduleRuns is an EventBridge schedule's runs a 730-hour month, and a
// note when they were rounded.
func scheduleRuns(expr string) (int64, string, error) {
	if strings.HasPrefix(expr, "rate(") {
		n, exact, err := rateRuns(expr)
		if err != nil {
			return 0, "", err
		}
		if n == 0 {
			return 0, "", fmt.Errorf("%q runs less than once a month", expr)
		}
		if !exact {
			return n, fmt.Sprintf("%s in a 730-hour month does not divide: rounded to %d runs", expr, n), nil
		}
		return n, "", nil
	}
	c, err := awsCron(expr)
	if err != nil {
		return 0, "", err
	}
	year := c.runsAYear()
	n, exact := runsAMonth(year)
	if n == 0 {
		return 0, "", fmt.Errorf("%q runs %d times a year, less than once a month", expr, year)
	}
	if !exact {
		return n, expr + " " + roundedNote(year, n), nil
	}
	return n, "", nil
}
