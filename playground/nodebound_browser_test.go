//go:build !js

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Issue 23, item 7: why EKS and ECS on EC2 put fewer replicas on an
// m5.large than its vCPUs and memory would hold is said on their cards,
// and what limits a node is a capacity row of every nodes platform.
func TestCardExplainsNodeBound(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "bursty-api")
	note := func(id string) string {
		return eval[string](t, ctx, `(() => { const p = document.querySelector('#cards article[data-platform="`+id+`"] .node-bound'); return p ? p.textContent : ''; })()`)
	}
	assert.Equal(t, "Per node: one m5.large holds 3 replicas on Amazon EKS, where its 2 vCPU and 8 GiB alone would hold 4: the node keeps back 70m CPU and 674 MiB (the EKS AMI's kube-reserved, and its 100 MiB eviction threshold), leaving 1930m CPU and 7518 MiB for replicas.", note("eks"))
	assert.Equal(t, "Per node: one m5.large holds 2 replicas on Amazon ECS on EC2, where its 2 vCPU and 8 GiB alone would hold 4: it runs at most 2 tasks in awsvpc mode (one ENI each; the instance's own takes one of its 3).", note("ecs-ec2"))
	assert.Empty(t, note("swarm"), "Swarm reserves nothing")
	assert.Contains(t, eval[string](t, ctx, `document.querySelector('#cards article[data-platform="ecs-ec2"]').textContent`), "Replicas per node limited byawsvpc tasks per instance (ENIs)")
	pe.check(t)
}
