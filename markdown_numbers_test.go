package runwhere_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/ha"
)

// How the Markdown report writes numbers: money in the platforms table with
// a dollar sign, thousands separators and cents; bill amounts exact beside
// their cents; the rounded total as AWS prints it, the sum of the rounded
// lines, not the exact total rounded.
func TestMarkdownNumbers(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // whole table rows or lines of the Markdown
	}{
		{
			// 20,000 workers and 3 managers at $0.10/h: 20,003 × 730 h ×
			// $0.10 = $1,460,219, two separators and the cents shown.
			name: "millions",
			yaml: "platforms: [swarm]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nservers: {count: 20000, hourly_price: \"0.1\"}\n",
			want: []string{
				"| Docker Swarm | yes | $1,460,219.00 | $1,460,219.00 | 1460219 | 20000 × m5.large + 3 managers | 0.",
				"| swarm workers (m5.large) | 14600000 | instance-hour | 0.1 | 1460000 | 1460000.00 |\n",
				"| swarm managers (m5.large) | 2190 | instance-hour | 0.1 | 219 | 219.00 |\n",
				"| **Total** | | | | 1460219 | **1460219.00** |\n",
			},
		},
		{
			// 2017-12, 1,020,000 requests of 100 ms at 128 MB: requests
			// 1,020,000 × $0.0000002 = $0.204 → $0.20; duration 12,750 GB-s ×
			// $0.00001667 = $0.2125425 → $0.21. The bill says $0.41, though
			// the exact $0.4165425 would round to $0.42.
			name: "cents",
			yaml: "snapshot: \"2017-12\"\nplatforms: [lambda]\nworkload: {requests_per_month: 1020000, duration_ms: 100, memory_mb: 128}\n",
			want: []string{
				"| AWS Lambda | yes | $0.41 | $0.42 | 0.4165425 | 1 concurrent at peak (1 mean) |",
				"| lambda requests (x86_64) | 1020000 | request | 0.0000002 | 0.204 | 0.20 |\n",
				"| lambda duration (x86_64) | 12750 | GB-second | 0.00001667 | 0.2125425 | 0.21 |\n",
				"| **Total** | | | | 0.4165425 | **0.41** |\n",
			},
		},
		{
			// The "one" fixture of TestBreakEvenCrossingCounts: requests per
			// second, then per hour, then the side cheaper below.
			name: "break-even",
			yaml: "platforms: [lambda, ecs-ec2]\n" + `snapshot: "2026-11"
workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 1024}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {zones: 1, ecs_network_mode: bridge, hourly_price: "0.04", root_volume_gb: 0}
`,
			want: []string{
				"Snapshot 2026-11, region us-east-1, amounts in USD a month (730 hours).\n",
				"| Amazon ECS on EC2 | 5.95 | 21428.5 | AWS Lambda |  |\n",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			md := evaluateYAML(t, tc.yaml).Markdown()
			for _, w := range tc.want {
				assert.Contains(t, md, w, "Markdown() lacks %q:\n%s", w, md)
			}
		})
	}

	t.Run("cents in JSON", func(t *testing.T) {
		r := evaluateYAML(t, tests[1].yaml)
		b, err := json.Marshal(r.Platforms[0])
		require.NoError(t, err)
		assert.Contains(t, string(b), `"monthly_cost":"0.4165425"`)
		assert.Contains(t, string(b), `"monthly_cost_rounded":"0.41"`)
	})
}

// Floats (scores, criteria, availabilities, downtimes) are written with up
// to 10 significant digits, without trailing zeros.
func TestMarkdownFloats(t *testing.T) {
	three, two, one := 3, 2, 1
	avail, down := 0.99992225049876, 3.40542708333
	r := runwhere.Report{
		Scenario: "floats", Snapshot: "2026-11", Region: "us-east-1", Currency: "USD",
		Platforms: []runwhere.PlatformReport{{
			Platform: "swarm", Name: "Docker Swarm", Feasible: true,
			HA: ha.Summary{Managers: &three, Quorum: &two, ManagerFailuresTolerated: &one, ControlPlaneAvailability: &avail, ControlPlaneDowntimeMinutes: &down},
		}},
		Recommendation: runwhere.Recommendation{
			Platform: "swarm",
			Ranking:  []runwhere.Ranked{{Platform: "swarm", Score: 0.41195, Feasible: true, Criteria: runwhere.Criteria{Cost: 0.0327, Headroom: 0.5, Resilience: 0.4611, Operations: 0, Portability: 1}}},
		},
	}
	md := r.Markdown()
	for _, w := range []string{
		"| 1 | Docker Swarm | 0.41195 | 0.0327 | 0.5 | 0.4611 | 0 | 1 |\n",
		"| Docker Swarm | yes | $0.00 | $0.00 | 0 | — | 0.9999222505 |\n",
		"HA: 3 managers, quorum 2, tolerates 1 failure(s); control-plane downtime 3.405427083 min/month.\n",
	} {
		assert.Contains(t, md, w, "Markdown() lacks %q:\n%s", w, md)
	}
}
