package runwhere_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// tryYAML parses and evaluates a scenario that may be refused.
func tryYAML(t *testing.T, text string) (runwhere.Report, error) {
	t.Helper()
	s, err := runwhere.ParseScenario([]byte(text))
	if err != nil {
		return runwhere.Report{}, err
	}
	return runwhere.Evaluate(s)
}

// Issue 23's question and its done-when figures, worked by hand:
// CPU a request = count × vCPU per node × cpu_utilization ÷ requests/s
// = 4 × 2 × 0.10 ÷ 50 = 0.016 s; today's bill = 4 × 730 h × $0.107
// (m5.large, eu-west-1, on-demand Linux) = $312.44.
func TestCalibrationFromWhatRunsToday(t *testing.T) {
	const question = `region: eu-west-1
platforms: [ecs-ec2, ecs-fargate, lambda]
workload: {requests_per_second: 50, peak_hour_requests_per_second: 400, duration_ms: 120, memory_mb: 512}
`
	tests := []struct {
		name        string
		current     string
		cpuMS       string
		peakHour    string // calibrated busiest hour, "" for none
		baseline    string // exact
		runs        string
		sets        []string
		containerMB int
	}{
		{name: "the question: 4 m5.large at 10 % CPU", current: "{platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.10}",
			cpuMS: "16", baseline: "312.44", runs: "4 × m5.large nodes", sets: []string{"servers.instance_type", "workload.cpu_ms"}},
		// A fleet that averages 4.5 nodes bills 4.5 × 730 = 3,285
		// node-hours: $351.495. CPU: 4.5 × 2 × 0.1 ÷ 50 = 18 ms.
		{name: "a mean of 4.5 nodes", current: "{platform: ecs-ec2, instance_type: m5.large, count: 4.5, cpu_utilization: 0.10}",
			cpuMS: "18", baseline: "351.495", runs: "4.5 × m5.large nodes", sets: []string{"servers.instance_type", "workload.cpu_ms"}},
		// The busiest hour at 30 % CPU on the same fleet: 50 × 0.3 ÷ 0.1
		// = 150 requests/s; measured at 40 requests/s, CPU is
		// 4 × 2 × 0.1 ÷ 40 = 20 ms.
		{name: "the busiest hour from its CPU", current: "{platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.10, peak_cpu_utilization: 0.30, requests_per_second: 40}",
			cpuMS: "20", peakHour: "120", baseline: "312.44", runs: "4 × m5.large nodes", sets: []string{"servers.instance_type", "workload.cpu_ms"}},
		// Two 0.5 vCPU / 1 GB Fargate tasks in eu-west-1 ($0.04048 a
		// vCPU-hour, $0.004445 a GB-hour): 2 × 730 × (0.5 × 0.04048 +
		// 1 × 0.004445) = $36.0401. CPU: 2 × 0.5 × 0.2 ÷ 50 = 4 ms;
		// memory half used: a replica holds 512 MB.
		{name: "Fargate tasks", current: "{platform: ecs-fargate, task_vcpu: 0.5, task_memory_mb: 1024, count: 2, cpu_utilization: 0.2, memory_utilization: 0.5}",
			cpuMS: "4", baseline: "36.0401", runs: "2 × 0.5 vCPU / 1024 MB tasks", sets: []string{"workload.cpu_ms", "container.memory_mb"}, containerMB: 512},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tryYAML(t, question+"current: "+tc.current+"\n")
			require.NoError(t, err)
			require.NotNil(t, r.Calibration)
			require.NotNil(t, r.Calibration.CPUMS)
			assert.Equal(t, tc.cpuMS, r.Calibration.CPUMS.String(), "calibration.cpu_ms")
			assert.Equal(t, tc.sets, r.Calibration.Sets, "calibration.sets")
			if tc.peakHour != "" {
				require.NotNil(t, r.Calibration.PeakHourRequestsPerSecond)
				assert.Equal(t, tc.peakHour, r.Calibration.PeakHourRequestsPerSecond.String())
			}
			if tc.containerMB > 0 {
				assert.EqualValues(t, tc.containerMB, *r.Inputs.Container.MemoryMB, "container.memory_mb")
			}
			require.NotNil(t, r.Baseline)
			assert.Equal(t, tc.baseline, r.Baseline.MonthlyCost.String(), "baseline")
			assert.Equal(t, tc.runs, r.Baseline.Runs)
			for _, p := range r.Platforms {
				if !p.Feasible {
					assert.Nil(t, p.VsCurrent, "%s cannot run it: no saving", p.Platform)
					continue
				}
				require.NotNil(t, p.VsCurrent, p.Platform)
				assert.True(t, r.Baseline.MonthlyCost.Sub(p.MonthlyCost).Equal(p.VsCurrent.Saving), "%s saving", p.Platform)
			}
		})
	}
}

// The question's reasons a reviewer can check by hand: Lambda at
// 131,400,000 requests × $0.20 a million = $26.28 and 131,400,000 × 0.12 s
// × 0.5 GB = 7,884,000 GB-s × $0.0000166667 = $131.4002628, together
// $157.68, $154.76 (49.5 %) less than today's $312.44.
func TestCalibratedQuestionReasons(t *testing.T) {
	r, err := tryYAML(t, `region: eu-west-1
platforms: [ecs-ec2, ecs-fargate, lambda]
workload: {requests_per_second: 50, peak_hour_requests_per_second: 400, duration_ms: 120, memory_mb: 512}
current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.10}
`)
	require.NoError(t, err)
	assert.Equal(t, runwhere.PlatformID("lambda"), r.Recommendation.Platform)
	assert.Equal(t, "157.6802628", platformIn(t, r, "lambda").MonthlyCost.String())
	assert.Contains(t, r.Recommendation.Reasons, "It costs $154.76 (49.5 %) less than what runs today: 4 × m5.large nodes on Amazon ECS on EC2, $312.44 a month.")
	// 400 requests/s × 16 ms = 6.4 vCPU busy; a 0.5 vCPU replica at
	// 0.7 serves 0.35 ÷ 0.016 = 21.875 requests/s: 19 tasks.
	f := platformIn(t, r, "ecs-fargate")
	assert.Equal(t, 19, f.Capacity.Replicas)
	assert.Equal(t, "21.875", f.Capacity.RequestsPerReplica.String())
	assert.Equal(t, "cpu", f.Capacity.BoundBy)
}

// A 1 GB, 0.5 vCPU Fargate task at cpu_fraction 0.05 serving 50
// requests/s of 120 ms in one zone: 0.35 vCPU ÷ 0.006 vCPU-s ≈ 58
// requests/s a task, so one task, not three (the old rule held two
// requests of 512 MB in 1 GB). 0.5 vCPU × 730 × $0.04048 + 1 GB × 730 ×
// $0.004445 = $18.02 (us-east-1: $0.04048, $0.004445).
func TestContainerServesManyRequests(t *testing.T) {
	r, err := tryYAML(t, `platforms: [ecs-fargate]
workload: {requests_per_second: 50, duration_ms: 120, memory_mb: 512, cpu_fraction: 0.05}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {zones: 1}
`)
	require.NoError(t, err)
	p := platformIn(t, r, "ecs-fargate")
	assert.Equal(t, 1, p.Capacity.Replicas, "tasks")
	assert.Equal(t, "58.3333", p.Capacity.RequestsPerReplica.String())
	assert.Equal(t, "cpu", p.Capacity.BoundBy)
}

// Without cpu_ms, cpu_fraction or a current block, the CPU share is a
// default on show, re-evaluated at 0.25; with any of them it is not.
func TestAssumptionsNameTheCPUShare(t *testing.T) {
	const base = "platforms: [lambda, ecs-fargate, ecs-ec2]\nworkload: {requests_per_second: 40, peak_requests_per_second: 400, duration_ms: 120, memory_mb: 512%s}\n"
	tests := []struct {
		name, extra, current string
		field, source        string // the CPU assumption expected, "" for none
	}{
		{name: "left out", field: "workload.cpu_fraction", source: runwhere.SourceDefault},
		{name: "cpu_ms given", extra: ", cpu_ms: 30"},
		{name: "cpu_fraction given", extra: ", cpu_fraction: 0.25"},
		{name: "calibrated", current: "current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.1}\n", field: "workload.cpu_ms", source: runwhere.SourceCalibrated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tryYAML(t, fmt.Sprintf(base, tc.extra)+tc.current)
			require.NoError(t, err)
			var got *runwhere.Assumption
			for i, a := range r.Assumptions {
				if a.Field == "workload.cpu_fraction" || a.Field == "workload.cpu_ms" {
					got = &r.Assumptions[i]
				}
			}
			if tc.field == "" {
				assert.Nil(t, got, "no CPU assumption when it is given")
				return
			}
			require.NotNil(t, got, "the CPU assumption")
			assert.Equal(t, tc.field, got.Field)
			assert.Equal(t, tc.source, got.Source)
			if tc.source == runwhere.SourceDefault {
				assert.Regexp(t, `^At cpu_fraction 0\.25 \(30 ms of CPU a request\), .*; the recommendation (stays|becomes) [A-Z]`, got.Effect)
			}
		})
	}
}

// An assumption that changes the recommendation leads the reasons, and
// each flip is said in its effect; the recommendation's alternative is
// re-priced by hand here: at cpu_fraction 0.25 the same scenario says the
// platform the effect names.
func TestFlippingAssumptionLeadsTheReasons(t *testing.T) {
	for _, p := range runwhere.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			r, err := tryYAML(t, p.YAML)
			require.NoError(t, err)
			var leads int
			for i, reason := range r.Recommendation.Reasons {
				if !strings.HasPrefix(reason, runwhere.AssumptionReasonPrefix) {
					if i == 0 && strings.HasPrefix(reason, "The peak of ") {
						continue // what runwhere changed in the scenario stays first
					}
					break
				}
				leads++
			}
			flips := 0
			for _, a := range r.Assumptions {
				if a.Flips {
					flips++
					assert.Contains(t, a.Effect, "the recommendation becomes", a.Field)
				}
			}
			assert.Equal(t, flips, leads, "every flipping assumption leads the reasons, and only they")
		})
	}
}

// The alternative an effect names is what evaluating the scenario at it
// gives: the CPU-share default of a preset that flips, re-evaluated with
// cpu_fraction 0.25 written in.
func TestAssumptionEffectIsAnEvaluation(t *testing.T) {
	for _, p := range runwhere.Presets() {
		s, err := runwhere.ParseScenario([]byte(p.YAML))
		require.NoError(t, err)
		r, err := runwhere.Evaluate(s)
		require.NoError(t, err)
		for _, a := range r.Assumptions {
			if a.Field != "workload.cpu_fraction" {
				continue
			}
			t.Run(p.Name, func(t *testing.T) {
				alt := s
				w := alt.Workload
				w.CPUFraction = ptr(decimal.RequireFromString("0.25"))
				alt.Workload = w
				again, err := runwhere.Evaluate(alt)
				require.NoError(t, err)
				name := ""
				for _, q := range again.Platforms {
					if q.Platform == again.Recommendation.Platform {
						name = q.Name
					}
				}
				if a.Flips {
					assert.Contains(t, a.Effect, "the recommendation becomes "+name+".")
				} else {
					assert.Contains(t, a.Effect, "the recommendation stays "+name+".")
				}
				// The cheapest platform's month at the alternative is the
				// full evaluation's, to the cent (the re-evaluation builds
				// no cost models, so this holds it to the bill).
				var cheapest runwhere.PlatformReport
				for _, q := range r.Platforms {
					if q.Feasible && (cheapest.Platform == "" || q.MonthlyCost.LessThan(cheapest.MonthlyCost)) {
						cheapest = q
					}
				}
				at := platformIn(t, again, cheapest.Platform)
				require.True(t, at.Feasible)
				assert.Contains(t, a.Effect, usd(at.MonthlyCost), "%s at cpu_fraction 0.25", cheapest.Name)
			})
		}
	}
}

// Bad measurements are errors naming the field and the value.
func TestCurrentRefusals(t *testing.T) {
	const w = "workload: {requests_per_second: 50, duration_ms: 120, memory_mb: 512}\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"utilisation above 1", w + "current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 1.5}\n",
			"current.cpu_utilization: 1.5 is above 1"},
		{"a negative count", w + "current: {platform: ecs-ec2, instance_type: m5.large, count: -4}\n",
			"current.count: -4 is negative"},
		{"no count", w + "current: {platform: ecs-ec2, instance_type: m5.large}\n",
			"current.count: is missing"},
		{"a busiest hour below the mean", w + "current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.3, peak_cpu_utilization: 0.2}\n",
			"current.peak_cpu_utilization: 0.2 is below current.cpu_utilization 0.3"},
		// 4 × 2 × 0.9 ÷ 50 = 144 ms of CPU in a 120 ms request.
		{"CPU longer than the request", w + "current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.9}\n",
			"current.cpu_utilization: 0.9 gives 144 ms of CPU a request"},
		{"a platform outside the snapshot", "snapshot: 2017-12\n" + w + "current: {platform: eks-auto-mode, instance_type: m4.large, count: 4}\n",
			"current.platform: eks-auto-mode is not in snapshot 2017-12 (it arrived 2024-12)"},
		{"an unknown platform", w + "current: {platform: heroku}\n", "current.platform: heroku is not a known platform id"},
		{"a mistyped instance type", w + "current: {platform: ecs-ec2, instance_type: m5.lrage, count: 4}\n",
			"current.instance_type: m5.lrage is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large"},
		{"half a task", w + "current: {platform: ecs-fargate, task_vcpu: 0.5, count: 2}\n", "current.task_memory_mb: is missing"},
		{"two kinds of unit", w + "current: {platform: ecs-ec2, instance_type: m5.large, memory_mb: 512, count: 2}\n", "current: ecs-ec2 gives more than one kind of unit"},
		{"a task on a nodes platform", w + "current: {platform: ecs-ec2, task_vcpu: 0.5, task_memory_mb: 1024, count: 2}\n",
			"current.task_vcpu: 0.5 does not apply to Amazon ECS on EC2, which runs on an instance type (current.instance_type)"},
		{"an instance type on Lambda", w + "current: {platform: lambda, instance_type: m5.large, count: 4, cpu_utilization: 0.1}\n",
			"current.instance_type: m5.large does not apply to AWS Lambda, which runs on a function's memory (current.memory_mb)"},
		{"no instance type on a nodes platform", w + "current: {platform: ecs-ec2, count: 2}\n", "current.instance_type: is missing"},
		{"a task size Fargate does not run", w + "current: {platform: ecs-fargate, task_vcpu: 0.3, task_memory_mb: 777, count: 4}\n",
			"current.task_vcpu: 0.3 with current.task_memory_mb 777 is not a Fargate task size (the smallest holding it is 0.5 vCPU / 1024 MB)"},
		{"a Lambda memory outside its range", w + "current: {platform: lambda, memory_mb: 100000}\n",
			"current.memory_mb: 100000 cannot be priced as it runs today on AWS Lambda: lambda.memory_mb: 100000 is outside 128..10240 MB"},
		{"a type the 2017 snapshot does not price", "snapshot: 2017-12\n" + w + "current: {platform: ecs-ec2, instance_type: m5.large, count: 2}\n",
			"current.instance_type: m5.large cannot be priced as it runs today on Amazon ECS on EC2"},
		// 10 requests/s × 0.2 ÷ 0.1 = 20, below the mean of 50.
		{"a busiest hour below the mean", w + "current: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.1, peak_cpu_utilization: 0.2, requests_per_second: 10}\n",
			"current.peak_cpu_utilization: 0.2 gives a busiest hour of 20 requests/s (10 × 0.2 ÷ 0.1), below the workload's mean of 50"},
		// 120 ms × 0.9 = 108 ms against 4 × 2 × 0.1 ÷ 50 = 16 ms measured.
		{"a CPU share the measurement contradicts", "workload: {requests_per_second: 50, duration_ms: 120, memory_mb: 512, cpu_fraction: 0.9}\ncurrent: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.1}\n",
			"workload.cpu_fraction: 0.9 contradicts current.cpu_utilization 0.1, which measures 16 ms of CPU a request (this gives 108 ms)"},
		{"a task's memory below a request's", "workload: {requests_per_second: 50, duration_ms: 120, memory_mb: 512, request_memory_mb: 300}\ncurrent: {platform: ecs-fargate, task_vcpu: 0.5, task_memory_mb: 1024, count: 2, cpu_utilization: 0.2, memory_utilization: 0.1}\n",
			"current.memory_utilization: 0.1 gives 103 MB in use in a task, less than one request's workload.request_memory_mb 300"},
		{"no load to measure at", "workload: {requests_per_second: 0, duration_ms: 120, memory_mb: 512}\ncurrent: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.1}\n",
			"workload.requests_per_second: 0 is no load"},
		{"no platform", w + "current: {count: 2}\n", "current.platform: is missing"},
		{"on a job", "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512}\ncurrent: {platform: ecs-ec2}\n", "current"},
		{"cpu_ms longer than the request", "workload: {requests_per_second: 50, duration_ms: 120, cpu_ms: 150, memory_mb: 512}\n",
			"workload.cpu_ms: 150 is longer than workload.duration_ms 120"},
		{"cpu_ms and cpu_fraction that disagree", "workload: {requests_per_second: 50, duration_ms: 120, cpu_ms: 16, cpu_fraction: 0.2, memory_mb: 512}\n",
			"workload.cpu_fraction: 0.2 contradicts workload.cpu_ms 16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tryYAML(t, tc.yaml)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			var fe *runwhere.FieldError
			assert.ErrorAs(t, err, &fe, "a field error")
		})
	}
}

// A CPU time given beside a measurement that says the same is accepted.
func TestMeasurementThatAgrees(t *testing.T) {
	_, err := tryYAML(t, "workload: {requests_per_second: 50, duration_ms: 120, memory_mb: 512, cpu_ms: 16}\ncurrent: {platform: ecs-ec2, instance_type: m5.large, count: 4, cpu_utilization: 0.1}\n")
	require.NoError(t, err)
}

// The saving a person reads is the difference of the two bills shown: a
// whole bill (ALB, NAT) whose exact and rounded totals differ.
func TestSavingAgreesWithTheTotalsShown(t *testing.T) {
	for _, p := range runwhere.Presets() {
		r, err := tryYAML(t, p.YAML+"\ncurrent: {platform: ecs-ec2, instance_type: m5.large, count: 4}\n")
		if err != nil {
			continue // a job, or a snapshot without ECS on EC2's m5.large
		}
		for _, q := range r.Platforms {
			if q.VsCurrent == nil {
				continue
			}
			assert.True(t, r.Baseline.MonthlyCostRounded.Sub(q.MonthlyCostRounded).Equal(q.VsCurrent.SavingRounded), "%s/%s", p.Name, q.Platform)
			assert.True(t, r.Baseline.MonthlyCost.Sub(q.MonthlyCost).Equal(q.VsCurrent.Saving), "%s/%s", p.Name, q.Platform)
		}
	}
}

// Two ways to say the CPU a request uses agree, and give the same answer.
func TestCPUMSAndFractionAgree(t *testing.T) {
	a, err := tryYAML(t, "workload: {requests_per_second: 50, duration_ms: 120, cpu_ms: 16, memory_mb: 512}\n")
	require.NoError(t, err)
	b, err := tryYAML(t, "workload: {requests_per_second: 50, duration_ms: 120, cpu_ms: 16, cpu_fraction: 0.13333333333333333333, memory_mb: 512}\n")
	require.NoError(t, err)
	ja, _ := json.Marshal(a.Platforms)
	jb, _ := json.Marshal(b.Platforms)
	assert.JSONEq(t, string(ja), string(jb))
	// 6 ms of 120 is 0.05 exactly: the same fleets either way.
	c, err := tryYAML(t, "workload: {requests_per_second: 50, duration_ms: 120, cpu_ms: 6, memory_mb: 512}\n")
	require.NoError(t, err)
	d, err := tryYAML(t, "workload: {requests_per_second: 50, duration_ms: 120, cpu_fraction: 0.05, memory_mb: 512}\n")
	require.NoError(t, err)
	for i := range c.Platforms {
		assert.True(t, c.Platforms[i].MonthlyCost.Equal(d.Platforms[i].MonthlyCost), "%s", c.Platforms[i].Platform)
	}
}

// usd writes an amount as the reports do: "$1,234.56".
func usd(d decimal.Decimal) string {
	whole, frac, _ := strings.Cut(d.StringFixed(2), ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return "$" + b.String() + "." + frac
}
