package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/importer"
)

// A CronJob's schedule is its runs in a 730-hour month: the runs of 2025
// over 12 (365 days: 525,600 minutes). "*/15 * * * *" is 35,040 runs a
// year, 2,920 a month exactly; "0 2 * * *" 365, 30.42, rounded to 30 and
// said; weekdays at 09:00 are 2025's 261 weekdays, 21.75, so 22.
func TestCronJobSchedules(t *testing.T) {
	for _, tc := range []struct {
		schedule string
		runs     int64
		rounded  bool
	}{
		{"* * * * *", 43800, false}, // the Kubernetes docs' "hello" CronJob: every minute
		{"*/15 * * * *", 2920, false},
		{"@hourly", 730, false},
		{"0 0 1 * *", 1, false},
		{"@daily", 30, true},
		{"0 2 * * *", 30, true},
		{"0 9 * * 1-5", 22, true},
		{"0 9 * * MON-FRI", 22, true},
		{"30 8,17 * * sat,sun", 17, true}, // 2025 has 104 weekend days: 208 runs, 17.33
		{"0 0 13 * 5", 5, true},           // the 13th or a Friday (cron's rule): 12 + 52 − 1 = 63 days, 5.25
		{"0 0 * * 7", 4, true},            // 7 is Sunday: 52 Sundays, 4.33
		{"0 0 1 1 *", 1, true},            // once a year is not once a month: at least one run, said
	} {
		t.Run(tc.schedule, func(t *testing.T) {
			doc := fmt.Sprintf("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: hello}\nspec:\n  schedule: %q\n  jobTemplate:\n    spec:\n      parallelism: 2\n      template:\n        spec:\n          containers: [{name: hello, image: busybox:1.28, resources: {requests: {cpu: 100m, memory: 64Mi}}}]\n", tc.schedule)
			r, err := importer.Read("cron.yaml", []byte(doc))
			require.NoError(t, err)
			require.Len(t, r.Services, 1)
			w := r.Services[0].Scenario.Workload
			assert.Equal(t, "job", w.Kind)
			assert.Equal(t, tc.runs, *w.RunsPerMonth, "runs a month of %q", tc.schedule)
			assert.Equal(t, int64(2), *w.Parallelism)
			assert.Equal(t, tc.rounded, strings.Contains(strings.Join(r.Services[0].Notes, "\n"), "runs_per_month"), "%v", r.Services[0].Notes)
			assert.Equal(t, importer.Origin{File: "cron.yaml", Line: 5, Path: "spec.schedule"}, r.Services[0].Origins["workload.runs_per_month"])
			requireParsesAs(t, r.YAML(), r.Services)
		})
	}
	for _, bad := range []string{"61 * * * *", "* * *", "5-1 * * * *", "*/0 * * * *", "0 0 30 2 *", "0 0 * * MOO"} {
		doc := fmt.Sprintf("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  schedule: %q\n  jobTemplate: {spec: {template: {spec: {containers: [{name: a}]}}}}\n", bad)
		_, err := importer.Read("cron.yaml", []byte(doc))
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "cron.yaml:5 spec.schedule", bad)
	}
}

// The Kubernetes docs' Job example (pi, https://kubernetes.io/docs/concepts/workloads/controllers/job/):
// a Job runs once; its run's minutes are a placeholder.
func TestKubernetesJob(t *testing.T) {
	doc := "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl:5.34.0\n        command: [\"perl\",  \"-Mbignum=bpi\", \"-wle\", \"print bpi(2000)\"]\n      restartPolicy: Never\n  backoffLimit: 4\n"
	r, err := importer.Read("job.yaml", []byte(doc))
	require.NoError(t, err)
	require.Len(t, r.Services, 1)
	s := r.Services[0]
	assert.Equal(t, int64(1), *s.Scenario.Workload.RunsPerMonth)
	assert.Equal(t, "1", s.Scenario.Workload.RunMinutes.String())
	assert.Equal(t, "workload.run_minutes", s.Missing[0].Field)
	requireParsesAs(t, r.YAML(), r.Services)
}

// A SAM function only a schedule invokes is a job: rate(5 minutes) is
// 8,760 runs a 730-hour month exactly; EventBridge's cron names its
// weekdays 1 (Sunday) to 7; two schedules add up.
func TestSAMSchedules(t *testing.T) {
	fn := func(events string) string {
		return "Transform: AWS::Serverless-2016-10-31\nResources:\n  Tick:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 60\n      Events:\n" + events
	}
	for _, tc := range []struct {
		name, events string
		runs         int64
		rounded      bool
		want         string // an error
	}{
		{name: "every 5 minutes", events: "        E: {Type: Schedule, Properties: {Schedule: rate(5 minutes)}}\n", runs: 8760},
		{name: "every 7 minutes, rounded", events: "        E: {Type: Schedule, Properties: {Schedule: rate(7 minutes)}}\n", runs: 6257, rounded: true},
		{name: "an hour", events: "        E: {Type: Schedule, Properties: {Schedule: rate(1 hour)}}\n", runs: 730},
		{name: "daily at noon", events: "        E: {Type: ScheduleV2, Properties: {ScheduleExpression: 'cron(0 12 * * ? *)'}}\n", runs: 30, rounded: true},
		{name: "weekdays by number, Monday (2) to Friday (6)", events: "        E: {Type: Schedule, Properties: {Schedule: 'cron(0 9 ? * 2-6 *)'}}\n", runs: 22, rounded: true},
		{name: "weekdays by name", events: "        E: {Type: Schedule, Properties: {Schedule: 'cron(0 9 ? * MON-FRI *)'}}\n", runs: 22, rounded: true},
		{name: "two schedules add up", events: "        A: {Type: Schedule, Properties: {Schedule: rate(1 hour)}}\n        B: {Type: Schedule, Properties: {Schedule: rate(1 day)}}\n", runs: 730 + 30, rounded: true},
		{name: "a last day", events: "        E: {Type: Schedule, Properties: {Schedule: 'cron(0 12 L * ? *)'}}\n", want: "uses L, W or #"},
		{name: "one year only", events: "        E: {Type: Schedule, Properties: {Schedule: 'cron(0 12 * * ? 2026)'}}\n", want: "runs in the years 2026 only"},
		{name: "a unit of weeks", events: "        E: {Type: Schedule, Properties: {Schedule: rate(1 week)}}\n", want: `the unit "week" is not minutes, hours or days`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := importer.Read("template.yaml", []byte(fn(tc.events)))
			if tc.want != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.want)
				return
			}
			require.NoError(t, err)
			require.Len(t, r.Services, 1)
			s := r.Services[0]
			assert.Equal(t, "job", s.Scenario.Workload.Kind)
			assert.Equal(t, tc.runs, *s.Scenario.Workload.RunsPerMonth)
			assert.Nil(t, s.Scenario.Workload.MaxDurationS, "a timeout bounds a run, not a request")
			assert.Contains(t, strings.Join(s.Notes, "\n"), "its timeout, 60 s, bounds each run")
			assert.Equal(t, tc.rounded, strings.Contains(strings.Join(s.Notes, "\n"), "rounded"), "%v", s.Notes)
			requireParsesAs(t, r.YAML(), r.Services)
		})
	}
	// With an HTTP event too, it is the service its HTTP events make it.
	r, err := importer.Read("template.yaml", []byte(fn("        A: {Type: Schedule, Properties: {Schedule: rate(1 hour)}}\n        B: {Type: HttpApi}\n")))
	require.NoError(t, err)
	assert.Equal(t, "", r.Services[0].Scenario.Workload.Kind)
	assert.Contains(t, strings.Join(r.Services[0].Notes, "\n"), "without the scheduled runs")
}
