package runwhere_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere"
)

// TestNodeBoundIsExplained (issue 23): when a platform's reservation or its
// pod or task limit leaves a node room for fewer replicas than the
// instance type's vCPUs and memory alone would (EKS needing twice
// Kubernetes' nodes of 1 vCPU replicas on an m5.large), the report says
// why, in capacity.node_bound_note and in the Markdown; node_bound_by
// names the limit on every nodes platform.
func TestNodeBoundIsExplained(t *testing.T) {
	type want struct {
		perNode int
		by      string
		note    string
	}
	tests := []struct {
		name      string
		container string
		want      map[runwhere.PlatformID]want
	}{
		{name: "1 vCPU replicas: EKS's kube-reserved halves an m5.large", container: "{vcpu: 1, memory_mb: 1024}",
			want: map[runwhere.PlatformID]want{
				"kubernetes": {perNode: 2, by: "cpu"},
				"swarm":      {perNode: 2, by: "cpu"},
				"ecs-ec2":    {perNode: 2, by: "cpu"},
				"eks": {perNode: 1, by: "cpu",
					note: "one m5.large holds 1 replica on Amazon EKS, where its 2 vCPU and 8 GiB alone would hold 2: the node keeps back 70m CPU and 674 MiB (the EKS AMI's kube-reserved, and its 100 MiB eviction threshold), leaving 1930m CPU and 7518 MiB for replicas"},
			}},
		{name: "small replicas: EKS's ENI max pods and ECS's awsvpc ENIs", container: "{vcpu: 0.05, memory_mb: 64}",
			want: map[runwhere.PlatformID]want{
				"kubernetes": {perNode: 40, by: "cpu"},
				"eks": {perNode: 27, by: "pods",
					note: "one m5.large holds 27 replicas on Amazon EKS, where its 2 vCPU and 8 GiB alone would hold 40: it runs at most 29 pods (the EKS AMI's max pods for it; its 3 ENIs × (10 addresses − 1) + 2 = 29), 2 of them the platform's own (aws-node and kube-proxy), leaving 27 for replicas"},
				"ecs-ec2": {perNode: 2, by: "tasks",
					note: "one m5.large holds 2 replicas on Amazon ECS on EC2, where its 2 vCPU and 8 GiB alone would hold 40: it runs at most 2 tasks in awsvpc mode (one ENI each; the instance's own takes one of its 3)"},
			}},
		{name: "memory-bound: the kubelet's eviction threshold", container: "{vcpu: 0.25, memory_mb: 2048}",
			want: map[runwhere.PlatformID]want{
				"kubernetes": {perNode: 3, by: "memory",
					note: "one m5.large holds 3 replicas on Kubernetes (self-managed), where its 2 vCPU and 8 GiB alone would hold 4: the node keeps back 100 MiB (the kubelet's 100 MiB eviction threshold), leaving 2000m CPU and 8092 MiB for replicas"},
				"nomad": {perNode: 4, by: "memory"},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 64}\ncontainer: "+tc.container+"\n")
			md := r.Markdown()
			for id, w := range tc.want {
				c := platformIn(t, r, id).Capacity
				assert.Equal(t, w.perNode, c.ReplicasPerNode, "%s replicas per node", id)
				assert.Equal(t, w.by, c.NodeBoundBy, "%s node_bound_by", id)
				assert.Equal(t, w.note, c.NodeBoundNote, "%s node_bound_note", id)
				if w.note != "" {
					assert.Contains(t, md, "- Per node: "+w.note+".\n", "the Markdown explains %s", id)
				}
			}
			// Functions and tasks have no nodes to explain.
			for _, id := range []runwhere.PlatformID{"lambda", "ecs-fargate"} {
				c := platformIn(t, r, id).Capacity
				assert.Empty(t, c.NodeBoundBy+c.NodeBoundNote, "%s", id)
			}
			assert.Equal(t, countNotes(r), strings.Count(md, "- Per node: "), "one Markdown line per note")
		})
	}
}

func countNotes(r runwhere.Report) int {
	n := 0
	for _, p := range r.Platforms {
		if p.Capacity.NodeBoundNote != "" {
			n++
		}
	}
	return n
}
