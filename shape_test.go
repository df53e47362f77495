package runwhere_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/platform"
)

// shapedScenario is a service with a shape of the given hourly loads, the
// peak given (so that the shape cannot raise it), autoscaling as asked.
func shapedScenario(t *testing.T, hourly []decimal.Decimal, autoscale bool, extra string) runwhere.Scenario {
	t.Helper()
	var vs []string
	for _, v := range hourly {
		vs = append(vs, v.String())
	}
	text := fmt.Sprintf(`platforms: [swarm, kubernetes, eks, ecs-ec2, ecs-fargate, lambda, nomad]
workload: {requests_per_second: 30, peak_requests_per_second: 6000, duration_ms: 100, memory_mb: 512, hourly: [%s]}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {autoscaling: %t%s}`, strings.Join(vs, ", "), autoscale, extra)
	s, err := runwhere.ParseScenario([]byte(text))
	require.NoError(t, err)
	return s
}

// randomShape is n loads of two decimals in [0, 1], one at least positive;
// about one hour in five is idle.
func randomShape(r *rand.Rand, n int) []decimal.Decimal {
	out := make([]decimal.Decimal, n)
	for i := range out {
		if r.IntN(5) > 0 {
			out[i] = decimal.New(int64(r.IntN(101)), -2)
		} else {
			out[i] = decimal.Zero
		}
	}
	out[r.IntN(n)] = decimal.NewFromInt(1)
	return out
}

// The properties issue 13 asks of every shape: without autoscaling the
// bill is the flat one (the peak's fleet all month); with it, the workers'
// line is exactly node-hours (task-hours) × the hourly price, the bill
// never exceeds the peak-sized one, and the model that curves and
// break-even points read agrees with the bill. A flat shape changes
// nothing, autoscaled or not.
func TestShapeProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2026))
	flat24 := make([]decimal.Decimal, 24)
	for i := range flat24 {
		flat24[i] = decimal.NewFromInt(1)
	}
	shapes := [][]decimal.Decimal{flat24}
	for i := range 24 {
		n := runwhere.HoursPerDay
		if i%3 == 0 {
			n = runwhere.HoursPerWeek
		}
		shapes = append(shapes, randomShape(r, n))
	}
	flat, err := runwhere.Evaluate(shapedScenario(t, flat24, false, ""))
	require.NoError(t, err)
	for i, shape := range shapes {
		t.Run(fmt.Sprintf("shape %d of %d hours", i, len(shape)), func(t *testing.T) {
			off, err := runwhere.Evaluate(shapedScenario(t, shape, false, ""))
			require.NoError(t, err)
			for j, p := range off.Platforms {
				if p.Platform == platform.Lambda {
					continue // Lambda's bill is the month's requests, whatever their hours
				}
				assert.True(t, p.MonthlyCost.Equal(flat.Platforms[j].MonthlyCost), "%s without autoscaling: %s, flat %s", p.Platform, p.MonthlyCost, flat.Platforms[j].MonthlyCost)
			}
			on, err := runwhere.Evaluate(shapedScenario(t, shape, true, ""))
			require.NoError(t, err)
			for j, p := range on.Platforms {
				peak := off.Platforms[j]
				if !p.Feasible || p.Platform == platform.Lambda {
					continue
				}
				assert.False(t, p.MonthlyCost.GreaterThan(peak.MonthlyCost), "%s: autoscaled %s > peak-sized %s", p.Platform, p.MonthlyCost, peak.MonthlyCost)
				c := p.Capacity
				require.Len(t, c.NodesByHour, len(shape), p.Platform)
				w := p.CostLines[0]
				if p.Platform == platform.ECSFargate {
					// vCPU-hours are task-hours × the task's vCPU; Fargate's
					// meters count seconds (÷ 3600), so a task-hour figure of
					// 18 places may differ in the 18th.
					assert.True(t, w.Quantity.Sub(c.TaskHours.Mul(*c.TaskVCPU)).Abs().LessThanOrEqual(decimal.New(1, -18)), "%s: %s vCPU-h for %s task-h", p.Platform, w.Quantity, c.TaskHours)
				} else {
					assert.True(t, w.Quantity.Equal(*c.NodeHours), "%s: worker line %s h, node_hours %s", p.Platform, w.Quantity, c.NodeHours)
					assert.True(t, w.Amount.Equal(c.NodeHours.Mul(w.UnitPrice)), "%s: %s ≠ %s × %s", p.Platform, w.Amount, c.NodeHours, w.UnitPrice)
					assert.False(t, c.NodeHours.GreaterThan(decimal.NewFromInt(int64(*c.MaxNodes)*platform.HoursPerMonth)))
				}
				assert.LessOrEqual(t, *c.MinNodes, *c.MaxNodes)
				if i == 0 {
					assert.True(t, p.MonthlyCost.Equal(peak.MonthlyCost), "%s: a flat shape autoscaled costs %s, not %s", p.Platform, p.MonthlyCost, peak.MonthlyCost)
				}
			}
			at, err := runwhere.ModelCostAtLoad(shapedScenario(t, shape, true, ""))
			require.NoError(t, err)
			for _, p := range on.Platforms {
				if m, ok := at[p.Platform]; ok && p.Feasible {
					assert.True(t, m.Sub(p.MonthlyCost).Abs().LessThan(decimal.New(1, -12)), "%s: model %s, bill %s", p.Platform, m, p.MonthlyCost)
				}
			}
		})
	}
}

// bursty-api and business-hours-api, worked by hand.
func TestShapedPresetsByHand(t *testing.T) {
	// bursty-api: 20 requests/s, peak 2,000, a daily spike (22 hours at
	// 0.25, 12:00–14:00 at 1), autoscaling with the default 5-minute
	// scale-out and one node per zone at least. A 0.5 vCPU replica at 0.7
	// serves 0.35 × 1000 / (150 × 0.5) = 4.667 requests/s; the spike's
	// peak needs ⌈2000 / 4.667⌉ = 429 replicas, 143 a zone, 36 m5.large a
	// zone at 4 a node: 108 nodes. The quiet hours' peak, 2,000 × 0.25 =
	// 500, needs 108 replicas, 36 a zone, 9 nodes a zone: 27. The fleet is
	// at 108 for 125 minutes a day (the spike and the 5 minutes before
	// it) and at 27 for 1,315: (108 × 125 + 27 × 1315) × 730 / 1440 =
	// 24,842.8125 node-hours × 0.096 = 2,384.91, plus three managers all
	// month, 210.24: 2,595.15.
	r := evaluatePreset(t, "bursty-api")
	sw := platformIn(t, r, "swarm")
	assert.Equal(t, "24842.8125", sw.Capacity.NodeHours.String())
	assert.Equal(t, "2595.15", sw.MonthlyCost.String())
	assert.Equal(t, int64(27), *sw.Capacity.MinNodes)
	assert.Equal(t, int64(108), *sw.Capacity.MaxNodes)
	assert.Equal(t, int64(108), sw.Capacity.NodesByHour[11], "grown before the spike")
	assert.Equal(t, int64(27), sw.Capacity.NodesByHour[10])
	// Lambda: 20 × 0.15 = 3 concurrent on average; the busiest hour
	// carries 1 / mean(shape) = 1 / 0.3125 = 3.2 times the mean: 9.6.
	l := platformIn(t, r, "lambda")
	assert.Equal(t, "9.6", l.Capacity.PeakHourConcurrency.String())

	// business-hours-api: 40 requests/s, peak 200, busy 08:00–18:00 on
	// weekdays (1) and 0.1 otherwise. A replica serves 0.35 × 1000 / (120
	// × 0.4) = 7.29 requests/s: 28 Fargate tasks at the peak, and at the
	// quiet hours' 20 requests/s 3, the floor of one per zone. Busy
	// minutes a week: 5 × (600 + 5) = 3,025; quiet 10,080 − 3,025 =
	// 7,055. Task-hours: (28 × 3025 + 3 × 7055) × 730 / 10080 =
	// 7,666.8551587301587… each 0.5 vCPU × 0.04048 + 1 GB × 0.004445 =
	// 0.024685: 189.2563… a month.
	r = evaluatePreset(t, "business-hours-api")
	f := platformIn(t, r, "ecs-fargate")
	wantHours := decimal.NewFromInt(28*3025+3*7055).Mul(decimal.NewFromInt(730)).DivRound(decimal.NewFromInt(10080), 18)
	assert.True(t, f.Capacity.TaskHours.Equal(wantHours), "%s", f.Capacity.TaskHours)
	assert.Equal(t, "189.26", f.MonthlyCost.Round(2).StringFixed(2))
	assert.Equal(t, int64(3), *f.Capacity.MinNodes)
	assert.Equal(t, int64(28), *f.Capacity.MaxNodes)
	assert.Len(t, f.Capacity.NodesByHour, runwhere.HoursPerWeek)
}

// Provisioned concurrency on a schedule bills its hours only: 10 hours of
// every day are 10 × 2,628,000 / 24 = 1,095,000 s a month, a whole number
// of Lambda's 5-minute steps, so exactly 10/24 of the month's charge.
func TestProvisionedSchedule(t *testing.T) {
	base := `platforms: [lambda]
workload: {requests_per_second: 5, duration_ms: 100, memory_mb: 1024, profile: daily-spike}
lambda: {provisioned_concurrency: 10`
	all, err := runwhere.ParseScenario([]byte(base + "}"))
	require.NoError(t, err)
	sched, err := runwhere.ParseScenario([]byte(base + ", provisioned_schedule: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17]}"))
	require.NoError(t, err)
	ra, err := runwhere.Evaluate(all)
	require.NoError(t, err)
	rs, err := runwhere.Evaluate(sched)
	require.NoError(t, err)
	line := func(r runwhere.Report) runwhere.CostLine {
		for _, l := range r.Platforms[0].CostLines {
			if strings.Contains(l.Item, "provisioned concurrency") {
				return l
			}
		}
		t.Fatal("no provisioned concurrency line")
		return runwhere.CostLine{}
	}
	// 10 environments × 1 GB × seconds.
	assert.Equal(t, "26280000", line(ra).Quantity.String())
	assert.Equal(t, "10950000", line(rs).Quantity.String())
	assert.True(t, line(rs).Amount.Mul(decimal.NewFromInt(24)).Equal(line(ra).Amount.Mul(decimal.NewFromInt(10))))
}

// Every malformed shape or mixed kind is an error naming the field and
// the value.
func TestShapeAndJobInputErrors(t *testing.T) {
	svc := "workload: {requests_per_second: 5, duration_ms: 100, memory_mb: 128"
	job := "workload: {kind: job, runs_per_month: 30, run_minutes: 40, memory_mb: 128"
	hours := func(n int, v string) string { return strings.TrimSuffix(strings.Repeat(v+", ", n), ", ") }
	for _, tc := range []struct{ name, yaml, field, value string }{
		{"negative load", svc + ", hourly: [" + hours(23, "1") + ", -0.5]}", "workload.hourly[23]", "-0.5"},
		{"wrong length", svc + ", hourly: [" + hours(23, "1") + "]}", "workload.hourly", "23 values"},
		{"all zeros", svc + ", hourly: [" + hours(24, "0") + "]}", "workload.hourly", "all 0"},
		{"unknown profile", svc + ", profile: lunchtime}", "workload.profile", "lunchtime"},
		{"profile and hourly", svc + ", profile: diurnal, hourly: [" + hours(24, "1") + "]}", "workload.hourly", "24 values"},
		{"job field on a service", svc + ", runs_per_month: 30}", "workload.runs_per_month", "set"},
		{"node start on a service", svc + "}\nservers: {node_start_minutes: 3}", "servers.node_start_minutes", "set"},
		{"service field on a job", job + ", requests_per_second: 5}", "workload.requests_per_second", "set"},
		{"shape on a job", job + ", profile: diurnal}", "workload.profile", "set"},
		{"autoscaling on a job", job + "}\nservers: {autoscaling: true}", "servers.autoscaling", "set"},
		{"job without runs", "workload: {kind: job, run_minutes: 40, memory_mb: 128}", "workload.runs_per_month", ""},
		{"zero-minute run", "workload: {kind: job, runs_per_month: 30, run_minutes: 0, memory_mb: 128}", "workload.run_minutes", "0"},
		{"no tasks", job + ", parallelism: 0}", "workload.parallelism", "0"},
		{"unknown kind", "workload: {kind: cron, requests_per_second: 5, duration_ms: 100, memory_mb: 128}", "workload.kind", "cron"},
		{"min count without autoscaling", svc + "}\nservers: {min_count: 2}", "servers.min_count", "set"},
		{"autoscaling a fixed fleet", svc + "}\nservers: {autoscaling: true, count: 4}", "servers.autoscaling", "true"},
		{"scale-out past a day", svc + "}\nservers: {autoscaling: true, scale_out_minutes: 1441}", "servers.scale_out_minutes", "1441"},
		{"schedule past the day", svc + "}\nlambda: {provisioned_concurrency: 2, provisioned_schedule: [3, 24]}", "lambda.provisioned_schedule[1]", "24"},
		{"hour twice", svc + "}\nlambda: {provisioned_concurrency: 2, provisioned_schedule: [3, 3]}", "lambda.provisioned_schedule[1]", "3"},
		{"schedule without concurrency", svc + "}\nlambda: {provisioned_schedule: [3]}", "lambda.provisioned_schedule", "1 hours"},
	} {
		t.Run(tc.name, func(t *testing.T) { requireFieldError(t, tc.yaml, tc.field, tc.value) })
	}
}

// A week's schedule is allowed under a weekly shape.
func TestWeeklyScheduleHours(t *testing.T) {
	_, err := runwhere.ParseScenario([]byte(`workload: {requests_per_second: 5, duration_ms: 100, memory_mb: 128, profile: business-hours}
lambda: {provisioned_concurrency: 2, provisioned_schedule: [8, 167]}`))
	require.NoError(t, err)
}

// The shape raises a peak given below its busiest hour's mean, and says
// so: 10 requests/s on the daily-spike shape (mean 0.3125 of the spike)
// put 32 requests/s in the spike's hours.
func TestShapeRaisesThePeak(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(`workload: {requests_per_second: 10, peak_requests_per_second: 12, duration_ms: 100, memory_mb: 128, profile: daily-spike}`))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	assert.Equal(t, "32", r.Inputs.Workload.PeakRequestsPerSecond.String())
	assert.Contains(t, r.Recommendation.Reasons[0], "busiest hour's mean of 32")
}

// Lambda under a daily spike: 40,000 requests/s of 100 ms at the spike
// need 4,000 environments, the quiet hours' quarter 1,000. From cold the
// function scales 1,000 at once and 1,000 every 10 s: 30 s to 4,000
// (ramp_seconds). Across the steepest rise, from the quiet hours' 1,000 to
// the spike's 4,000, the step-up is a rise of 3,000: 20 s
// (https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html).
func TestLambdaStepUp(t *testing.T) {
	r := evaluateYAML(t, "platforms: [lambda]\nworkload: {requests_per_second: 100, peak_requests_per_second: 40000, duration_ms: 100, memory_mb: 512, profile: daily-spike}\n")
	c := r.Platforms[0].Capacity
	assert.Equal(t, "30", c.RampSeconds.String())
	assert.Equal(t, "20", c.StepUpSeconds.String())
	// 100 × 0.1 = 10 concurrent on average, 10 / 0.3125 = 32 in the spike.
	assert.Equal(t, "32", c.PeakHourConcurrency.String())
}
