package runwhere_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

var publicIPsField = regexp.MustCompile(`public_ips: [a-z]+`)

// network.public_ips (issue 25, item 7): each address is $0.005 an
// address-hour in all six regions (vpc.json). A line per kind of address,
// beside the compute it follows; the rest of the bill does not move.
func TestPublicIPv4Addresses(t *testing.T) {
	const svc = "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 512}\n"
	tests := []struct {
		name     string
		yaml     string
		platform string
		item     string // "" when the choice bills nothing on the platform
		amount   string
		quantity string
	}{
		// The figure: 10 × 730 × 0.005 = 36.50.
		{name: "nodes, 10 fixed nodes, eu-west-1", yaml: "region: eu-west-1\nplatforms: [ecs-ec2]\nservers: {count: 10}\nnetwork: {public_ips: nodes}\n" + svc,
			platform: "ecs-ec2", item: "public ipv4 (nodes)", amount: "36.5", quantity: "7300"},
		{name: "nodes, 10 fixed nodes, ap-southeast-1", yaml: "region: ap-southeast-1\nplatforms: [eks]\nservers: {count: 10}\nnetwork: {public_ips: nodes}\n" + svc,
			platform: "eks", item: "public ipv4 (nodes)", amount: "36.5", quantity: "7300"},
		// Swarm's 3 managers have addresses too: 13 × 730 × 0.005 = 47.45,
		// as two lines (workers' and managers').
		{name: "nodes, swarm workers and managers", yaml: "platforms: [swarm]\nservers: {count: 10, managers: 3}\nnetwork: {public_ips: nodes}\n" + svc,
			platform: "swarm", item: "public ipv4 (nodes)", amount: "47.45", quantity: "9490"},
		// The 3 tasks the load needs × 730 × 0.005 = 10.95.
		{name: "tasks on ECS on Fargate", yaml: "platforms: [ecs-fargate]\nservers: {zones: 2}\nnetwork: {public_ips: tasks}\n" + svc,
			platform: "ecs-fargate", item: "public ipv4 (tasks)", amount: "10.95", quantity: "2190"},
		{name: "tasks on ECS on EC2: awsvpc tasks get none", yaml: "platforms: [ecs-ec2]\nservers: {count: 10}\nnetwork: {public_ips: tasks}\n" + svc,
			platform: "ecs-ec2"},
		{name: "tasks on EKS on Fargate: private subnets only", yaml: "platforms: [eks-fargate]\nnetwork: {public_ips: tasks}\n" + svc,
			platform: "eks-fargate"},
		{name: "nodes on ECS on Fargate: no nodes", yaml: "platforms: [ecs-fargate]\nnetwork: {public_ips: nodes}\n" + svc,
			platform: "ecs-fargate"},
		{name: "nodes on Lambda: no nodes", yaml: "platforms: [lambda]\nnetwork: {public_ips: nodes}\n" + svc,
			platform: "lambda"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			with := platformIn(t, evaluateYAML(t, tc.yaml), runwhere.PlatformID(tc.platform))
			none := publicIPsField.ReplaceAllString(tc.yaml, "public_ips: none")
			without := platformIn(t, evaluateYAML(t, none), runwhere.PlatformID(tc.platform))
			require.True(t, with.Feasible, "%v", with.Blockers)
			amount, quantity, n := "0", "0", 0
			sum := func(a, b string) string {
				return mustDec(a).Add(mustDec(b)).String()
			}
			for _, l := range with.CostLines {
				if l.Item == "public ipv4 (nodes)" || l.Item == "public ipv4 (tasks)" {
					require.Equal(t, tc.item, l.Item)
					assert.Equal(t, "address-hour", l.Unit)
					assert.Equal(t, "0.005", l.UnitPrice.String())
					amount, quantity = sum(amount, l.Amount.String()), sum(quantity, l.Quantity.String())
					n++
				}
			}
			if tc.item == "" {
				assert.Zero(t, n, "no address is billed")
				assert.True(t, with.MonthlyCost.Equal(without.MonthlyCost), "MonthlyCost = %s, want %s", with.MonthlyCost, without.MonthlyCost)
				return
			}
			assert.Equal(t, tc.amount, amount, "the addresses")
			assert.Equal(t, tc.quantity, quantity, "address-hours")
			added := with.MonthlyCost.Sub(without.MonthlyCost)
			assert.Equal(t, tc.amount, added.String(), "what the addresses add to the platform")
		})
	}
}

// An unknown layout names the field and its value.
func TestPublicIPsInputError(t *testing.T) {
	requireFieldError(t, "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\nnetwork: {public_ips: all}", "network.public_ips", "all")
}

// An autoscaled fleet pays its addresses for the node-hours it runs, as
// it pays the nodes: the address-hours are the report's node-hours.
func TestPublicIPv4FollowsAutoscaledNodes(t *testing.T) {
	p := platformIn(t, evaluateYAML(t, "platforms: [ecs-ec2]\nworkload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512, profile: business-hours}\nservers: {autoscaling: true}\nnetwork: {public_ips: nodes}\n"), "ecs-ec2")
	require.True(t, p.Feasible, "%v", p.Blockers)
	require.NotNil(t, p.Capacity.NodeHours)
	var hours string
	for _, l := range p.CostLines {
		if l.Item == "public ipv4 (nodes)" {
			hours = l.Quantity.String()
		}
	}
	assert.Equal(t, p.Capacity.NodeHours.String(), hours)
	assert.NotEqual(t, "2190", hours, "fewer node-hours than three nodes all month")
}
