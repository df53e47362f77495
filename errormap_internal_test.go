package runwhere

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input"
)

// Every field a component's input is mapped to is a field of a scenario:
// a typo here would send the page looking for a field it does not have.
func TestComponentSourcesAreScenarioFields(t *testing.T) {
	for name, src := range componentSources {
		require.NotEmpty(t, src.from, "%s maps to no field", name)
		for _, f := range src.from {
			_, ok := leafByPath(f)
			assert.True(t, ok, "%s maps to %s, which no scenario holds", name, f)
		}
	}
}

// inputError names the scenario field a component's refused input was
// computed from. Scenario.check refuses these cases first (checkDerived),
// so this is the net under it, reached only from here and by what the
// checks do not foresee.
func TestInputErrorNamesTheScenarioField(t *testing.T) {
	envOf := func(t *testing.T, text string) *env {
		t.Helper()
		s, err := ParseScenario([]byte(text))
		require.NoError(t, err)
		e, err := newEnv(s)
		require.NoError(t, err)
		return e
	}
	service := envOf(t, "workload: {requests_per_second: 12.5, duration_ms: 100, memory_mb: 512, cpu_fraction: 0.123456}\ncontainer: {vcpu: 0.25}\n")
	job := envOf(t, "workload: {kind: job, runs_per_month: 30, run_minutes: 7.25, memory_mb: 512, parallelism: 4}\nservers: {node_start_minutes: 2.5}\n")
	refused := func(field string) error {
		return input.Prefix("cost", &FieldError{Field: field, Value: refusedValue, Reason: "has more than 34 significant digits"})
	}
	tests := []struct {
		name string
		e    *env
		err  error
		want string
	}{
		{name: "a service's requests a month come from its rate", e: service, err: refused("lambda.requests"),
			want: "workload.requests_per_second: 12.5 gives Lambda's requests a month (lambda.requests) that has more than 34 significant digits: give fewer digits"},
		{name: "a job's from its runs", e: job, err: refused("lambda.requests"),
			want: "workload.runs_per_month: 30 gives Lambda's requests a month (lambda.requests) that has more than 34 significant digits: give fewer digits"},
		{name: "a service's duration, the finer of duration and CPU share", e: service, err: refused("lambda.duration_ms"),
			want: "workload.cpu_fraction: 0.123456 gives Lambda's billed duration in ms (lambda.duration_ms) that has more than 34 significant digits: give fewer digits"},
		{name: "a job's node seconds, the finer of run and start", e: job, err: refused("ec2.seconds"),
			want: "workload.run_minutes: 7.25 gives a run's seconds on a node (ec2.seconds) that has more than 34 significant digits: give fewer digits"},
		{name: "a job's tasks reach capacity as a rate, its run the finest part", e: job, err: refused("workload.requests_per_second"),
			want: "workload.run_minutes: 7.25 gives the job's tasks as a rate (workload.requests_per_second) that has more than 34 significant digits: give fewer digits"},
		{name: "a job's container vCPU, left out, reaches capacity as a CPU share", e: job, err: refused("workload.cpu_fraction"),
			want: "container.vcpu: gives a task's CPU share (workload.cpu_fraction) that has more than 34 significant digits: give fewer digits"},
		{name: "a service's own field is kept", e: service, err: input.Prefix("capacity", &FieldError{Field: "workload.cpu_fraction", Value: "2", Reason: "is not within (0, 1]"}),
			want: "workload.cpu_fraction: 2 is not within (0, 1]"},
		{name: "a field given, refused for what was computed from it", e: service, err: input.Prefix("capacity", &FieldError{Field: "workload.duration_ms", Value: refusedValue, Reason: "has an exponent of -65, outside the ±40 runwhere accepts"}),
			want: "workload.duration_ms: 100 gives a quantity computed from it that has an exponent of -65, outside the ±40 runwhere accepts: give fewer digits"},
		{name: "a rename keeps the message", e: service, err: input.Prefix("cost", &FieldError{Field: "lambda.arch", Value: "arm64", Reason: "is not priced in 2017-12"}),
			want: "workload.arch: arm64 is not priced in 2017-12"},
		{name: "a discount", e: service, err: input.Prefix("cost", &FieldError{Field: "fargate.discount", Value: "1", Reason: "is not below 1"}),
			want: "discounts.fargate: 1 is not below 1"},
		{name: "an input no scenario field feeds is kept", e: service, err: input.Prefix("cost", &FieldError{Field: "lambda.prior_gb_seconds", Value: "-1", Reason: "is negative"}),
			want: "lambda.prior_gb_seconds: -1 is negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.e.inputError(tc.err).Error())
		})
	}
}
