package runwhere_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
)

func evaluatePreset(t *testing.T, name string) runwhere.Report {
	t.Helper()
	for _, p := range runwhere.Presets() {
		if p.Name == name {
			s, err := runwhere.ParseScenario([]byte(p.YAML))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			return r
		}
	}
	t.Fatalf("no preset %s", name)
	return runwhere.Report{}
}

// The nightly batch job of issue 13: 30 runs a month of 40 minutes, one
// task of a 1.5 vCPU / 4096 MB container, us-east-1, snapshot 2026-11.
// Prices: cost/data/2026-11_us-east-1.yaml (Fargate Linux x86 0.04048 per
// vCPU-hour and 0.004445 per GB-hour; m5.large 0.096 an hour; EKS 0.10 a
// cluster-hour), billed per second.
func TestNightlyBatchJob(t *testing.T) {
	r := evaluatePreset(t, "nightly-batch-40min")

	// Fargate: the smallest task holding 1.5 vCPU / 4096 MB is 2 vCPU /
	// 4 GB. 30 runs × 40 min = 20 task-hours: 40 vCPU-hours × 0.04048 =
	// 1.6192 and 80 GB-hours × 0.004445 = 0.3556, 1.9748 in all, $1.97 to
	// the cent (issue 13's ≈ $1.97). The bill as AWS rounds it, line by
	// line, is 1.62 + 0.36 = $1.98.
	f := platformIn(t, r, "ecs-fargate")
	require.True(t, f.Feasible)
	assert.Equal(t, "1.9748", f.MonthlyCost.String())
	assert.Equal(t, "1.97", f.MonthlyCost.Round(2).StringFixed(2))
	assert.Equal(t, "1.98", f.MonthlyCostRounded.StringFixed(2))
	assert.Equal(t, "20", f.Capacity.TaskHours.String())
	assert.Equal(t, "40", f.CostLines[0].Quantity.String())
	assert.Equal(t, "80", f.CostLines[1].Quantity.String())

	// Lambda stops at 900 s: a 2,400 s run is blocked, and the finding
	// says what to do instead.
	l := platformIn(t, r, "lambda")
	require.False(t, l.Feasible)
	require.Len(t, l.Blockers, 1)
	assert.Equal(t, capacity.MaxDuration, l.Blockers[0].Code)
	assert.Contains(t, l.Blockers[0].Message, "Step Functions")

	// ECS on EC2: one m5.large per run, billed for the run and the node's
	// 5-minute start: 30 × 45 min = 22.5 instance-hours × 0.096 = 2.16,
	// and its 30 GB root volume as long, 22.5 × 30 × 0.08 / 730 =
	// 0.073972602739726027 (issue 25, item 9); nothing kept all month
	// (ECS charges no control plane).
	e := platformIn(t, r, "ecs-ec2")
	assert.Equal(t, "2.233972602739726027", e.MonthlyCost.String())
	assert.Equal(t, "per-run", e.Capacity.JobFleet)
	assert.Equal(t, 1, e.Capacity.NodesPerRun)
	assert.Equal(t, "22.5", e.Capacity.NodeHours.String())

	// EKS: the same nodes per run plus the control plane all month,
	// 730 × 0.10 = 73: at least its $73.00 fee; its nodes' 20 GB root
	// volumes add 22.5 × 20 × 0.08 / 730 = 0.049315068493150685.
	k := platformIn(t, r, "eks")
	assert.Equal(t, "75.209315068493150685", k.MonthlyCost.String())

	// Swarm: three m5.large managers all month, 3 × 730 × 0.096 = 210.24,
	// plus 2.16 of runs.
	sw := platformIn(t, r, "swarm")
	assert.Equal(t, "212.4", sw.MonthlyCost.String())
	assert.Equal(t, runwhere.PlatformID("ecs-fargate"), r.Recommendation.Platform)
}

// An EC2-based platform keeps a job's nodes all month when that is
// cheaper than launching them for each run, and runs that would overlap
// need one such fleet each.
func TestJobFleetChoice(t *testing.T) {
	for _, tc := range []struct {
		name      string
		runs      int64
		minutes   string
		fleet     string
		ecs, node string // ECS on EC2's monthly cost, node-hours
	}{
		// Each node-hour is $0.096 of m5.large and 30 × $0.08 / 730 of
		// its 30 GB root volume (issue 25, item 9), in both choices.
		// 700 × 65 min = 758.33 instance-hours × 0.096 = 72.80 per run;
		// all month: 730 × 0.096 = 70.08 + 2.40 of volume, cheaper.
		{"kept all month", 700, "60", "always-on", "72.48", "730"},
		// 600 × 65 min = 650 h × 0.096 = 62.40 (+ 650 × 2.4 / 730), under
		// 72.48.
		{"launched per run", 600, "60", "per-run", "64.536986301369863014", "650"},
		// 1,000 hour-long runs overlap (730 fit in a month): two fleets
		// all month would cost 144.96; 1,000 × 65 min = 1,083.33 h ×
		// 0.096 = 104, + 1,083.33 × 2.4 / 730 of volume.
		{"overlapping runs", 1000, "60", "per-run", "107.561643835616438356", "1083.333333333333333334"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(`platforms: [ecs-ec2]
workload: {kind: job, runs_per_month: ` + decimal.NewFromInt(tc.runs).String() + `, run_minutes: ` + tc.minutes + `, memory_mb: 1024}
container: {vcpu: 1, memory_mb: 2048}`))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			e := r.Platforms[0]
			assert.Equal(t, tc.fleet, e.Capacity.JobFleet)
			assert.Equal(t, tc.ecs, e.MonthlyCost.String())
			assert.Equal(t, tc.node, e.Capacity.NodeHours.String())
		})
	}
}

// A job's break-even against Lambda is in runs a month. A 10-minute job
// of 2,048 MB: Lambda bills 1,200 GB-s × 0.0000166667 + 0.0000002 =
// 0.0200002 a run. Fargate's 1 vCPU / 2 GB task bills 1/6 h × (0.04048 +
// 2 × 0.004445) = 0.00823 a run: cheaper from the first run on, so they
// never cross (the crossing within the first run, where Fargate's whole
// run meets Lambda's line through zero, says nothing about a job). EKS
// pays its 73.00 control plane, then the cheaper of a node per run
// (15 min × 0.096 = 0.024) and one m5.large all month (70.08) for every
// 4,380 ten-minute runs: with 5 such nodes (17,521 to 21,900 runs) it
// costs 73 + 350.40 = 423.40, which Lambda reaches at 423.40 / 0.0200002
// = 21,169.75 runs; the sawtooth crosses Lambda's line again at each node
// added. (The nodes' root volumes are left out, root_volume_gb 0, to keep
// the sums to the instances.)
func TestJobBreakEvenInRuns(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(`platforms: [lambda, ecs-fargate, eks]
workload: {kind: job, runs_per_month: 300, run_minutes: 10, memory_mb: 2048}
container: {vcpu: 1, memory_mb: 2048}
servers: {root_volume_gb: 0}`))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	require.Len(t, r.BreakEven, 2)
	for _, be := range r.BreakEven {
		assert.Nil(t, be.RequestsPerSec, "a job's break-even is not a request rate")
	}
	fargate, eks := r.BreakEven[0], r.BreakEven[1]
	assert.Nil(t, fargate.RunsPerMonth)
	assert.Contains(t, fargate.Reason, "never cross")
	require.Equal(t, runwhere.PlatformID("eks"), eks.Server)
	require.NotNil(t, eks.RunsPerMonth, eks.Reason)
	assert.Equal(t, "21169.75", eks.RunsPerMonth.String())
	assert.Equal(t, runwhere.PlatformID("lambda"), eks.CheaperBelow)
	assert.Greater(t, eks.Crossings, 1)

	curves, err := runwhere.Curves(s, 9)
	require.NoError(t, err)
	for _, c := range curves {
		for _, p := range c.Points {
			require.NotNil(t, p.RunsPerMonth)
			assert.True(t, p.RunsPerMonth.Equal(p.RunsPerMonth.Round(0)), "whole runs: %s", p.RunsPerMonth)
		}
	}
}
