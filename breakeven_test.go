package runwhere_test

import (
	"cmp"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// The break-even fixtures share one workload so that every figure follows
// from a few published prices (reference/pricing.md §1.1, §4.1):
//
//   - Lambda, 1,024 MB, 100 ms, no free tier: each request costs
//     s = $0.0000002 + 0.1 GB-s × $0.0000166667 = $0.00000186667, so L(x) =
//     s·x for x requests a month (far below the 6 B GB-s of tier 2).
//   - A worker (m5.large, 2 vCPU, 8 GiB; Swarm and ECS in bridge mode
//     reserve nothing) holds 4 replicas of 0.5 vCPU / 1 GB; a replica at
//     70 % serves 0.35 × 1000 / 100 ms = 3.5 requests/s, a node 14/s, i.e.
//     R = 14 × 2,628,000 = 36,792,000 requests a month (mean = peak).
//   - A node-month costs P = 730 h × the hourly price.
//
// A month is 2,628,000 s (730 h), so x requests a month are x / 2,628,000
// requests/s and x / 730 an hour. Against Lambda, one node's step is worth
// s·R = $68.67852264 of Lambda.
const breakEvenBase = `snapshot: "2026-11"
workload: {requests_per_second: %s, duration_ms: 100, memory_mb: 1024}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {zones: 1, ecs_network_mode: bridge, managers: 1, root_volume_gb: 0%s}
`

// A fleet sized to the load costs F(x) = P × ceil(x / R) on ECS (whose
// control plane is free). Within a step Lambda gains s·R on a flat fleet;
// at each step the fleet jumps by P. So:
//
//   - s·R < P: the fleet costs more per request even when full, and at no
//     load is it cheaper: no crossing.
//   - s·R ≥ 2P: one crossing at x = P / s in the first step; after the k-th
//     step Lambda leads by k·s·R − (k+1)·P ≥ 0.
//   - P < s·R < 2P: the first crossing is again at P / s, but the fleet's
//     k-th step puts Lambda back in front while k·s·R < (k+1)·P, i.e. for
//     k < P / (s·R − P); each such step adds two crossings (the jump, then
//     k·P / s within the next step).
//
// Lambda's volume tiers lower s past 6 B and 15 B GB-s (60 B and 150 B
// requests here): in tier 3, s·R = (0.0000002 + 0.1 × 0.0000133334) ×
// 36,792,000 = $56.41. Every price below keeps P under that, so the fleet,
// once behind, never catches up again; at $0.08/h (P = $58.40) it does,
// near 250,000 requests/s, and the count grows far past the first steps'.
func TestBreakEvenCrossingCounts(t *testing.T) {
	tests := []struct {
		name      string
		hourly    string
		crossings int
		rps, rph  string // the first crossing; "" when none
		reason    string
		lambda    string // extra Lambda settings
		below     runwhere.PlatformID
	}{
		{
			// P = 730 × 0.096 = $70.08 > s·R = $68.68.
			name: "none: Lambda cheaper at every load", hourly: "0.096",
			reason: "the costs never cross: AWS Lambda is cheaper at every load",
		},
		{
			// P = $29.20, s·R / P = 2.35: x = 29.20 / 0.00000186667 =
			// 15,642,829.2 a month = 5.95/s = 21,428.5/h.
			name: "one", hourly: "0.04", crossings: 1, rps: "5.95", rph: "21428.5",
		},
		{
			// Forty provisioned environments cost 40 × 1 GB × 2,628,000 s ×
			// $0.0000041667 = $438.003504, more than one node at a dear
			// $0.50/h (P = $365): the fleet is cheaper at first. In the first
			// step Lambda's lead shrinks by $43.13 (s'·R, as below) to
			// 438.00 + 43.13 − 365 = $116.13; the fleet's jump to $730 puts
			// Lambda in front for good, as it gains P − s'·R (or P − s·R
			// past the provisioned capacity) every step. One crossing, at
			// the step: R = 36,792,000 a month = 14.00/s = 50,400.0/h.
			name: "one, the fleet cheaper below", hourly: "0.5", crossings: 1, rps: "14.00", rph: "50400.0",
			lambda: "lambda: {provisioned_concurrency: 40}\n", below: "ecs-ec2",
		},
		{
			// Four provisioned environments cost 4 × 1 GB × 2,628,000 s ×
			// $0.0000041667 = $43.8003504 however low the load, and serve up
			// to 4 × 2,628,000 s / 0.1 s = 105,120,000 requests at
			// s' = $0.0000002 + 0.1 × $0.0000097222 = $0.00000117222 each
			// (s'·R = $43.13). At P = $70.08 Lambda is cheaper at first,
			// dearer by $16.85 at the end of the first step, cheaper again
			// after the jump and by $10.10 at the end of the second; past
			// the provisioned capacity s·R = $68.68 < P keeps it cheaper.
			// The first crossing: (70.08 − 43.8003504) / 0.00000117222 =
			// 22,418,700.9 a month = 8.53/s = 30,710.5/h.
			name: "two", hourly: "0.096", crossings: 2, rps: "8.53", rph: "30710.5",
			reason: "the costs cross 2 times: the fleet grows in steps, so the cheaper side alternates near each step; the first crossing is given",
			lambda: "lambda: {provisioned_concurrency: 4}\n",
		},
		{
			// P = $43.80, s·R / P = 1.57, P / (s·R − P) = 1.76: one step puts
			// Lambda back in front, 3 crossings; the first at
			// 43.80 / 0.00000186667 = 23,464,243.8 a month = 8.93/s =
			// 32,142.8/h.
			name: "three", hourly: "0.06", crossings: 3, rps: "8.93", rph: "32142.8",
			reason: "the costs cross 3 times: the fleet grows in steps, so the cheaper side alternates near each step; the first crossing is given",
		},
		{
			// P = 730 × 0.077 = $56.21, s·R / P = 1.22, P / (s·R − P) = 4.51:
			// after steps 1 to 4 Lambda leads by k × 68.68 − (k+1) × 56.21 =
			// −43.74, −31.27, −18.80, −6.34, after step 5 by +6.13, so
			// 1 + 2 × 4 = 9 crossings; the first at 56.21 / 0.00000186667 =
			// 30,112,446.2 a month = 11.46/s = 41,249.9/h.
			name: "nine", hourly: "0.077", crossings: 9, rps: "11.46", rph: "41249.9",
			reason: "the costs cross 9 times: the fleet grows in steps, so the cheaper side alternates near each step; the first crossing is given",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, "platforms: [lambda, ecs-ec2]\n"+fmt.Sprintf(breakEvenBase, "10", fmt.Sprintf(", hourly_price: %q", tc.hourly))+tc.lambda)
			be := breakEvenAgainst(t, r, "ecs-ec2")
			assert.Equal(t, tc.crossings, be.Crossings, "crossings at $%s/h", tc.hourly)
			assert.Equal(t, tc.reason, be.Reason, "reason at $%s/h", tc.hourly)
			if tc.rps == "" {
				assert.Nil(t, be.RequestsPerSec, "requests/s with no crossing")
				assert.Nil(t, be.RequestsPerHour, "requests/h with no crossing")
				assert.Empty(t, be.CheaperBelow, "cheaper below with no crossing")
				return
			}
			require.NotNil(t, be.RequestsPerSec)
			require.NotNil(t, be.RequestsPerHour)
			assert.Equal(t, tc.rps, be.RequestsPerSec.StringFixed(2), "first crossing, requests/s")
			assert.Equal(t, tc.rph, be.RequestsPerHour.StringFixed(1), "first crossing, requests/h")
			below := cmp.Or(tc.below, "lambda")
			assert.Equal(t, below, be.CheaperBelow, "cheaper below the first crossing")
		})
	}
}

// With ten provisioned environments Lambda costs at least
// 10 × 1 GB × 2,628,000 s × $0.0000041667 = $109.500876 a month, more than
// one fixed node ($70.08), and only rises with the load: the fleet is
// cheaper everywhere, and the note names it.
func TestBreakEvenServerCheaperEverywhere(t *testing.T) {
	r := evaluateYAML(t, "platforms: [lambda, ecs-ec2]\n"+fmt.Sprintf(breakEvenBase, "10", ", count: 1")+"lambda: {provisioned_concurrency: 10}\n")
	be := breakEvenAgainst(t, r, "ecs-ec2")
	assert.Nil(t, be.RequestsPerSec)
	assert.Zero(t, be.Crossings)
	assert.Equal(t, "the costs never cross: Amazon ECS on EC2 is cheaper at every load", be.Reason)
}

// A fixed fleet costs C whatever the load, so it crosses Lambda once, at
// x = C / s. Two notes may follow the figure:
//
//   - the fixed-fleet note, when the crossing lies past the load the fleet
//     can carry: every node full, nodes × replicas per node × requests per
//     replica at the peak, so that × mean / peak at the mean;
//   - the quota note, when Lambda's peak concurrency at the crossing passes
//     the default quota of 1,000 (limits-ha.md §5a): with the peak equal to
//     the mean, above 1,000 / 0.1 s = 10,000 requests/s.
func TestBreakEvenNotes(t *testing.T) {
	const (
		fleetNote = "the crossing lies beyond the about %s requests/s the fixed fleet of %d nodes can serve"
		quotaNote = "at that load Lambda's peak concurrency exceeds the default quota of 1000 (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)"
	)
	tests := []struct {
		name     string
		platform runwhere.PlatformID
		rps      string // the scenario's mean (and peak, unless given)
		servers  string
		want     string // requests/s at the crossing
		reason   string
	}{
		{
			// 3 ECS nodes at $70.08: C = $210.24, x = 112,628,370.3 a month
			// = 42.86/s. A replica serves 0.35 / 0.1 = 3.5/s and a node
			// holds 4, so the 3 nodes carry at most 3 × 4 × 3.5 = 42/s.
			name: "fixed fleet", platform: "ecs-ec2", rps: "40", servers: ", count: 3",
			want: "42.86", reason: fmt.Sprintf(fleetNote, "42", 3),
		},
		{
			// The same fleet for a peak of 40/s over a mean of 20/s: it
			// carries a peak of 42/s, a mean of 42 × 20 / 40 = 21/s.
			name: "fixed fleet, peak twice the mean", platform: "ecs-ec2", rps: "20, peak_requests_per_second: 40", servers: ", count: 3",
			want: "42.86", reason: fmt.Sprintf(fleetNote, "21", 3),
		},
		{
			// issue 15: one m4.large ($0.10/h, C = $73) for 1 request/s, which
			// needs one replica of the four the node holds. x = 73 /
			// (0.0000002 + 0.1 × 0.0000166667) = 39,107,073.6 a month =
			// 14.88/s, beyond the 1 × 4 × 3.5 = 14/s the whole node serves
			// (the replicas in use, scaled, would say about 1/s).
			name: "one node, four replicas", platform: "ecs-ec2", rps: "1", servers: ", count: 1, instance_type: m4.large",
			want: "14.88", reason: fmt.Sprintf(fleetNote, "14", 1),
		},
		{
			// The same 3 nodes at $0.05/h: C = 3 × 36.50 = $109.50,
			// x = 58,660,804.5 a month = 22.32/s, within the 3 × 4 × 3.5 =
			// 42/s the fleet carries.
			name: "fixed fleet within reach", platform: "ecs-ec2", rps: "30", servers: `, count: 3, hourly_price: "0.05"`,
			want: "22.32", reason: "",
		},
		{
			// 1,000 Swarm workers and 1 manager at $0.08/h: C = 1,001 × $58.40
			// = $58,458.40, x = 31,316,944,076.9 a month = 11,916.65/s: past
			// the quota's 10,000/s, within the 14 × 1,000 = 14,000/s the
			// 1,000 nodes serve (14,000/s needs 4,000 replicas, 1,000 nodes).
			name: "quota", platform: "swarm", rps: "14000", servers: `, count: 1000, hourly_price: "0.08"`,
			want: "11916.65", reason: quotaNote,
		},
		{
			// At $0.096/h: C = 1,001 × $70.08 = $70,150.08, x = 14,299.97/s:
			// past the quota and past the fleet's 14,000/s.
			name: "quota and fixed fleet", platform: "swarm", rps: "14000", servers: ", count: 1000",
			want: "14299.97", reason: quotaNote + "; " + fmt.Sprintf(fleetNote, "14000", 1000),
		},
		{
			// 700 workers and 1 manager at $0.08/h for a peak of 9,800/s
			// (2,800 replicas, 700 nodes) over a mean of 4,900/s: C = 701 ×
			// $58.40 = $40,938.40, x = 8,345.22/s. Lambda's peak there is
			// twice that, 16,690/s, past the quota's 10,000/s; the fleet
			// carries a mean of at most 4,900 × 700 / 700 = 4,900/s.
			name: "quota at the peak", platform: "swarm", rps: "4900, peak_requests_per_second: 9800", servers: `, count: 700, hourly_price: "0.08"`,
			want: "8345.22", reason: quotaNote + "; " + fmt.Sprintf(fleetNote, "4900", 700),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, fmt.Sprintf("platforms: [lambda, %s]\n", tc.platform)+fmt.Sprintf(breakEvenBase, tc.rps, tc.servers))
			p := platformIn(t, r, tc.platform)
			require.True(t, p.Feasible, "%s blockers %v", tc.platform, p.Blockers)
			be := breakEvenAgainst(t, r, tc.platform)
			require.NotNil(t, be.RequestsPerSec, "break-even against %s: %s", tc.platform, be.Reason)
			assert.Equal(t, tc.want, be.RequestsPerSec.StringFixed(2), "crossing, requests/s")
			assert.Equal(t, 1, be.Crossings, "a flat fleet crosses a rising Lambda once")
			assert.Equal(t, runwhere.PlatformID("lambda"), be.CheaperBelow)
			assert.Equal(t, tc.reason, be.Reason)
		})
	}
}

// The provisioned-concurrency reference scenario's break-even points, by
// hand. Its workload: a mean of 50 requests/s, a peak of 150, 200 ms at
// 1,024 MB, 40 % of it on CPU; 20 provisioned environments; 0.5 vCPU /
// 1 GB replicas at 70 % on m5.large ($70.08 a month) over 3 zones.
//
//   - Lambda costs 20 × 1 GB × 2,628,000 s × $0.0000041667 = $219.001752 at
//     any load, then s' = $0.0000002 + 0.2 × $0.0000097222 = $0.00000214444
//     a request up to the 20 × 2,628,000 / 0.2 = 262,800,000 the provisioned
//     environments serve.
//   - A replica gets 0.35 vCPU for 0.4 × 200 = 80 ms of CPU a request:
//     4.375 requests/s at the peak, so 4.375 × 2,628,000 / 3 = 3,832,500
//     requests a month at the mean.
func TestProvisionedConcurrencyPresetBreakEven(t *testing.T) {
	var yaml string
	for _, p := range runwhere.Presets() {
		if p.Name == "provisioned-concurrency" {
			yaml = p.YAML
		}
	}
	require.NotEmpty(t, yaml, "the provisioned-concurrency preset")
	r := evaluateYAML(t, yaml)
	tests := []struct {
		server    runwhere.PlatformID
		crossings int
		rps, rph  string
		below     runwhere.PlatformID
	}{
		// ECS in awsvpc mode runs 2 tasks on a m5.large (3 ENIs, one the
		// instance's); a step is 3 nodes ($210.24) and 6 replicas, R =
		// 22,995,000 a month. ECS is cheaper at first ($210.24 < $219.00);
		// at the end of the first step Lambda costs 219.001752 + 22,995,000
		// × 0.00000214444 = $268.31, less than the $420.48 the fleet jumps
		// to, and gains $210.24 − $49.31 every step after (past the
		// provisioned capacity, $210.24 − 22,995,000 × $0.00000353334 =
		// $128.99). One crossing at R: 8.75/s, 31,500/h.
		{"ecs-ec2", 1, "8.75", "31500.0", "ecs-ec2"},
		// EKS keeps 70m CPU for the kubelet, leaving 1,930m: 3 pods a node;
		// a step is 3 nodes and 9 replicas, R = 34,492,500, on $73 of
		// control plane: $283.24 at first, above Lambda's $219.00. Lambda
		// reaches it at (283.24 − 219.001752) / 0.00000214444 = 29,955,721.8
		// a month = 11.40/s = 41,035.2/h, costs $292.97 at R, below the
		// $493.48 the fleet jumps to, and gains $210.24 − $73.97 a step
		// after (past the provisioned capacity, $210.24 − $121.87): 2
		// crossings. Each of the 3 nodes' 20 GB gp3 root volumes adds
		// 20 × $0.08 = $1.60 a month (issue 25, item 9): $288.04 at first,
		// and Lambda reaches it at (288.04 − 219.001752) / 0.00000214444 =
		// 32,194,068.4 a month = 12.25/s = 44,101.5/h.
		{"eks", 2, "12.25", "44101.5", "lambda"},
		// A Fargate step is one task ($18.02005 at the hourly rates, R = 3,832,500), at least
		// one per zone. Lambda, $219.00 above at first, gains
		// 18.02005 − 3,832,500 × 0.00000214444 = $9.8014837 a step: it is
		// $13.17 dearer at the end of step 21, $4.85 cheaper after the jump
		// (crossing at 21 × 3,832,500 = 80,482,500 a month = 30.625 → 30.63/s,
		// 110,250/h), $3.37 dearer at the end of step 22 (crossing), $14.65
		// cheaper after its jump (crossing) and cheaper from then on: 3.
		{"ecs-fargate", 3, "30.63", "110250.0", "ecs-fargate"},
	}
	for _, tc := range tests {
		t.Run(string(tc.server), func(t *testing.T) {
			be := breakEvenAgainst(t, r, tc.server)
			require.NotNil(t, be.RequestsPerSec, "break-even against %s: %s", tc.server, be.Reason)
			assert.Equal(t, tc.crossings, be.Crossings, "crossings")
			assert.Equal(t, tc.rps, be.RequestsPerSec.StringFixed(2), "first crossing, requests/s")
			assert.Equal(t, tc.rph, be.RequestsPerHour.StringFixed(1), "first crossing, requests/h")
			assert.Equal(t, tc.below, be.CheaperBelow, "cheaper below")
		})
	}
}

// issue 27: a job whose run is thousands of tasks crosses Lambda's line
// at nearly every run, tens of thousands of times; merging the two ways a
// platform runs it (cheaperOfTwo) was quadratic in that. The report still
// gives one crossing and the count.
//
// A job runs whole times, so a job's solve is read at whole runs only
// (atWholeRuns): the whole runs just below the first crossing are cheaper
// on the side the report names, those just above on the other. That is
// checked on the models themselves, at those whole runs, for every
// platform the costs cross on.
func TestJobBreakEvenAtLargeParallelism(t *testing.T) {
	const job = "workload: {kind: job, runs_per_month: %d, run_minutes: 5, memory_mb: 512, parallelism: %d}\n"
	type crossing struct {
		server       runwhere.PlatformID
		crossings    int
		runs         string // "" when the costs never cross
		cheaperBelow runwhere.PlatformID
	}
	never := "the costs never cross: AWS Lambda is cheaper at every load"
	const lambda = runwhere.PlatformID("lambda")
	tests := []struct {
		name        string
		parallelism int64
		want        []crossing
	}{
		{
			// Fargate is read at whole runs (issue 27): a run costs
			// $20.57 on Fargate against Lambda's $25.00, so Fargate is
			// cheaper until Lambda's cheaper tiers past 6 billion GB-s
			// (the curve's breaks) overtake it; the fractional runs once
			// gave "Lambda cheaper below 1.65 runs, 78 crossings".
			name: "10,000 tasks a run", parallelism: 10000,
			want: []crossing{
				{"swarm", 15263, "7350.9", lambda}, {"kubernetes", 15263, "7350.9", lambda}, {"eks", 0, "", ""},
				{"ecs-ec2", 0, "", ""}, {"ecs-fargate", 1, "61538", "ecs-fargate"}, {"nomad", 15263, "7350.9", lambda},
				// The 2026 platforms: EKS on Fargate's pods hold 256 MB
				// more, which rounds each task up to the next Fargate
				// size, and its control plane costs $73; Lambda Managed
				// Instances keeps a run's 7,143 instances all month.
				{"eks-auto-mode", 0, "", ""}, {"ecs-managed-instances", 0, "", ""},
				{"eks-fargate", 2, "100.98", lambda}, {"lambda-managed-instances", 1, "18397.95", lambda},
			},
		},
		{
			name: "the bound, 1e9 tasks a run", parallelism: 1000000000,
			want: []crossing{
				{"swarm", 19045, "8759.06", lambda}, {"kubernetes", 19047, "52559.72", lambda}, {"eks", 0, "", ""},
				{"ecs-ec2", 0, "", ""}, {"ecs-fargate", 0, "", ""}, {"nomad", 19045, "8759.06", lambda},
				{"eks-auto-mode", 0, "", ""}, {"ecs-managed-instances", 0, "", ""},
				{"eks-fargate", 0, "", ""}, {"lambda-managed-instances", 1, "20147.88", lambda},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, fmt.Sprintf(job, 30, tc.parallelism))
			require.Len(t, r.BreakEven, len(tc.want), "break-even pairs")
			for _, w := range tc.want {
				be := breakEvenAgainst(t, r, w.server)
				assert.Nil(t, be.RequestsPerSec, "%s: a job's crossing is in runs", w.server)
				if w.runs == "" {
					assert.Zero(t, be.Crossings, "%s: crossings", w.server)
					assert.Nil(t, be.RunsPerMonth, "%s: runs a month", w.server)
					assert.Equal(t, never, be.Reason, "%s: reason", w.server)
					continue
				}
				assert.Equal(t, w.crossings, be.Crossings, "%s: crossings", w.server)
				assert.Equal(t, w.cheaperBelow, be.CheaperBelow, "%s: cheaper below", w.server)
				if w.crossings > 1 {
					assert.Equal(t, fmt.Sprintf("the costs cross %d times: the fleet grows in steps, so the cheaper side alternates near each step; the first crossing is given", w.crossings), be.Reason, "%s: reason", w.server)
				}
				require.NotNil(t, be.RunsPerMonth, "%s: runs a month", w.server)
				require.Equal(t, w.runs, be.RunsPerMonth.String(), "%s: first crossing, runs a month", w.server)
				// The whole runs either side of the crossing (the figure is
				// rounded to the cent of a run, so the run it rounds to is
				// left out) are cheaper on the side the report says.
				below, above := be.RunsPerMonth.Ceil().IntPart()-1, be.RunsPerMonth.Floor().IntPart()+1
				for _, c := range []struct {
					runs         int64
					lambdaDearer bool
				}{{below, w.cheaperBelow != lambda}, {above, w.cheaperBelow == lambda}} {
					s, err := runwhere.ParseScenario(fmt.Appendf(nil, job, c.runs, tc.parallelism))
					require.NoError(t, err)
					at, err := runwhere.ModelCostAtLoad(s)
					require.NoError(t, err)
					lambdaCost, server := at["lambda"], at[w.server]
					assert.Equal(t, c.lambdaDearer, lambdaCost.GreaterThan(server), "%s at %d runs: Lambda $%s, %s $%s", w.server, c.runs, lambdaCost, w.server, server)
				}
			}
		})
	}
}
