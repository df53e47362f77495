package runwhere

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/engine"
)

// isJob reports whether the scenario is a scheduled job.
func (s Scenario) isJob() bool { return s.Workload.Kind == KindJob }

// MaxRunMinutes bounds a job's run: a month.
const MaxRunMinutes = 730 * 60

// MaxLeadMinutes bounds servers.scale_out_minutes and
// servers.node_start_minutes: a day.
const MaxLeadMinutes = 24 * 60

// The fields of one kind of workload only: each is an error on the other
// kind, and the schema says which kind each applies to.
var (
	serviceOnlyFields = []string{
		"workload.requests_per_second", "workload.requests_per_month", "workload.peak_requests_per_second",
		"workload.duration_ms", "workload.max_duration_s", "workload.cpu_fraction", "workload.cpu_ms", "workload.profile", "workload.hourly",
		"workload.peak_hour_requests_per_second", "workload.request_memory_mb", "container.max_in_flight", "current",
		"servers.autoscaling", "servers.min_count", "servers.scale_out_minutes", "lambda.provisioned_schedule",
		"ingress.lambda", "ingress.response_kb", "ingress.servers", "ingress.keep_alive", "ingress.rules",
	}
	jobOnlyFields = []string{"workload.runs_per_month", "workload.run_minutes", "workload.parallelism", "servers.node_start_minutes"}
)

// workloadKindOf is the kind of workload field path applies to only, or "".
func workloadKindOf(path string) string {
	switch {
	case slices.Contains(serviceOnlyFields, path), strings.HasPrefix(path, "current."):
		return KindService
	case slices.Contains(jobOnlyFields, path):
		return KindJob
	}
	return ""
}

// checkKind applies the rules that set a job apart from a service: each
// kind's own fields, and none of the other's.
func (s Scenario) checkKind() error {
	w := s.Workload
	switch w.Kind {
	case "", KindService, KindJob:
	default:
		return &FieldError{Field: "workload.kind", Value: w.Kind, Reason: "is not service or job"}
	}
	set := map[string]bool{
		"workload.requests_per_second":           w.RequestsPerSecond != nil,
		"workload.requests_per_month":            w.RequestsPerMonth != nil,
		"workload.peak_requests_per_second":      w.PeakRequestsPerSecond != nil,
		"workload.duration_ms":                   w.DurationMS != nil,
		"workload.max_duration_s":                w.MaxDurationS != nil,
		"workload.cpu_fraction":                  w.CPUFraction != nil,
		"workload.cpu_ms":                        w.CPUMS != nil,
		"workload.peak_hour_requests_per_second": w.PeakHourRequestsPerSecond != nil,
		"workload.request_memory_mb":             w.RequestMemoryMB != nil,
		"container.max_in_flight":                s.Container.MaxInFlight != nil,
		"current":                                s.Current != nil,
		"workload.profile":                       w.Profile != "",
		"workload.hourly":                        len(w.Hourly) > 0,
		"servers.autoscaling":                    s.Servers.Autoscaling != nil,
		"servers.min_count":                      s.Servers.MinCount != nil,
		"servers.scale_out_minutes":              s.Servers.ScaleOutMinutes != nil,
		"lambda.provisioned_schedule":            len(s.Lambda.ProvisionedSchedule) > 0,
		"ingress.lambda":                         s.Ingress != nil && s.Ingress.Lambda != "" && s.Ingress.Lambda != IngressNone,
		"ingress.response_kb":                    s.Ingress != nil && s.Ingress.ResponseKB != nil,
		"ingress.servers":                        s.Ingress != nil && s.Ingress.Servers != "" && s.Ingress.Servers != IngressNone,
		"ingress.keep_alive":                     s.Ingress != nil && s.Ingress.KeepAlive != nil,
		"ingress.rules":                          s.Ingress != nil && s.Ingress.Rules != nil,
		"workload.runs_per_month":                w.RunsPerMonth != nil,
		"workload.run_minutes":                   w.RunMinutes != nil,
		"workload.parallelism":                   w.Parallelism != nil,
		"servers.node_start_minutes":             s.Servers.NodeStartMinutes != nil,
	}
	if s.isJob() {
		for _, f := range serviceOnlyFields {
			if set[f] {
				return &FieldError{Field: f, Value: "set", Reason: "applies to a service; a job (workload.kind job) is described by runs_per_month, run_minutes and parallelism"}
			}
		}
		if w.RunsPerMonth == nil {
			return &FieldError{Field: "workload.runs_per_month", Reason: "is missing: how many times a month the job runs"}
		}
		if w.RunMinutes == nil {
			return &FieldError{Field: "workload.run_minutes", Reason: "is missing: how long one run lasts, in minutes"}
		}
	} else {
		for _, f := range jobOnlyFields {
			if set[f] {
				return &FieldError{Field: f, Value: "set", Reason: "applies to a job: set workload.kind to job, or leave it out for a service"}
			}
		}
	}
	for _, d := range []struct {
		field string
		v     *decimal.Decimal
		max   int64
	}{
		{"workload.run_minutes", w.RunMinutes, MaxRunMinutes},
		{"servers.scale_out_minutes", s.Servers.ScaleOutMinutes, MaxLeadMinutes},
		{"servers.node_start_minutes", s.Servers.NodeStartMinutes, MaxLeadMinutes},
	} {
		if d.v == nil {
			continue
		}
		if err := checkQuantity(d.field, *d.v); err != nil {
			return err
		}
		if d.v.IsNegative() {
			return &FieldError{Field: d.field, Value: d.v.String(), Reason: "is negative"}
		}
		if d.v.GreaterThan(decimal.NewFromInt(d.max)) {
			return &FieldError{Field: d.field, Value: d.v.String(), Reason: fmt.Sprintf("is more than %d minutes", d.max)}
		}
	}
	if w.RunMinutes != nil && w.RunMinutes.IsZero() {
		return &FieldError{Field: "workload.run_minutes", Value: "0", Reason: "must be greater than zero"}
	}
	if s.Servers.Autoscaling != nil && *s.Servers.Autoscaling && s.Servers.Count != nil && *s.Servers.Count > 0 {
		return &FieldError{Field: "servers.autoscaling", Value: "true", Reason: fmt.Sprintf("contradicts servers.count %d: a fixed fleet does not follow the load", *s.Servers.Count)}
	}
	if !s.isJob() && (s.Servers.Autoscaling == nil || !*s.Servers.Autoscaling) {
		for _, f := range []string{"servers.min_count", "servers.scale_out_minutes"} {
			if set[f] {
				return &FieldError{Field: f, Value: "set", Reason: "applies only when servers.autoscaling is true"}
			}
		}
	}
	return s.checkSchedule()
}

// checkSchedule checks lambda.provisioned_schedule against the load
// shape's hours.
func (s Scenario) checkSchedule() error {
	sched := s.Lambda.ProvisionedSchedule
	if len(sched) == 0 {
		return nil
	}
	if s.Lambda.ProvisionedConcurrency == nil || *s.Lambda.ProvisionedConcurrency == 0 {
		return &FieldError{Field: "lambda.provisioned_schedule", Value: fmt.Sprintf("%d hours", len(sched)), Reason: "has nothing to schedule: set lambda.provisioned_concurrency"}
	}
	n := int64(HoursPerDay)
	if len(s.Workload.Hourly) == HoursPerWeek {
		n = HoursPerWeek
	} else if p, ok := profileNamed(s.Workload.Profile); ok && len(p.Hourly) == HoursPerWeek {
		n = HoursPerWeek
	}
	seen := map[int64]bool{}
	for i, h := range sched {
		field := fmt.Sprintf("lambda.provisioned_schedule[%d]", i)
		if h < 0 || h >= n {
			return &FieldError{Field: field, Value: fmt.Sprint(h), Reason: fmt.Sprintf("is not an hour of the load shape's cycle (0 to %d)", n-1)}
		}
		if seen[h] {
			return &FieldError{Field: field, Value: fmt.Sprint(h), Reason: "is listed twice"}
		}
		seen[h] = true
	}
	return nil
}

// job is the scenario's job in the components' terms; nil for a service.
func (s Scenario) job() *engine.Job {
	if !s.isJob() {
		return nil
	}
	w := s.Workload
	return &engine.Job{
		Runs:             *w.RunsPerMonth,
		RunSeconds:       w.RunMinutes.Mul(sixty),
		Parallelism:      *w.Parallelism,
		NodeStartSeconds: s.Servers.NodeStartMinutes.Mul(sixty),
	}
}

// jobWorkload is a job's tasks as the sizing of a service reads them: one
// request a second per task, each task its own replica (a one-second
// request on a whole container, all of it CPU-bound at full
// utilisation), so that the peak asks for exactly Parallelism replicas.
// The tasks of a run are not spread over zones: a run that fails is run
// again, not served from another zone.
func jobWorkload(s Scenario) (w struct {
	rate, duration, cpuFraction decimal.Decimal
}) {
	w.rate = decimal.NewFromInt(*s.Workload.Parallelism)
	w.duration = thousand
	w.cpuFraction = decimal.Min(*s.Container.VCPU, decimal.NewFromInt(1))
	return w
}

// jobRequests is the job's task runs a month, the x of its cost models.
func (s Scenario) jobRequests() decimal.Decimal {
	return decimal.NewFromInt(*s.Workload.RunsPerMonth * *s.Workload.Parallelism)
}

var sixty = decimal.NewFromInt(60)
