package runwhere_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// TestArchMismatchIsAFinding (issue 23): an arm64 workload on an x86
// instance type (or the reverse) is a warning on every platform that runs
// on servers.instance_type, naming both architectures and a same-size
// type of the workload's; never a silent comparison of arm64 Lambda and
// Fargate prices with x86 EC2. Functions and tasks run the workload's
// architecture and get none.
func TestArchMismatchIsAFinding(t *testing.T) {
	onInstances := map[platform.ID]bool{"swarm": true, "kubernetes": true, "eks": true, "ecs-ec2": true, "nomad": true,
		"eks-auto-mode": true, "ecs-managed-instances": true, "lambda-managed-instances": true}
	tests := []struct {
		name        string
		yaml        string
		wantMessage string // "" for no arch-mismatch anywhere
	}{
		{name: "arm64 workload on the default m5.large",
			yaml:        "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512, arch: arm64}\n",
			wantMessage: "m5.large is an x86_64 instance type but workload.arch is arm64: this platform is priced on x86_64 processors, the functions and Fargate tasks on arm64 ones, so the comparison sets two different CPUs side by side (they differ in price and may differ in speed); for a like-for-like comparison choose an arm64 type such as m6g.large (also 2 vCPU, 8 GiB), or set workload.arch to x86_64"},
		{name: "x86 workload on a Graviton type",
			yaml:        "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\nservers: {instance_type: c7g.xlarge}\n",
			wantMessage: "c7g.xlarge is an arm64 instance type but workload.arch is x86_64: this platform is priced on arm64 processors, the functions and Fargate tasks on x86_64 ones, so the comparison sets two different CPUs side by side (they differ in price and may differ in speed); for a like-for-like comparison choose an x86_64 type such as c6a.xlarge (also 4 vCPU, 8 GiB), or set workload.arch to arm64"},
		{name: "a job",
			yaml:        "workload: {kind: job, runs_per_month: 30, run_minutes: 40, memory_mb: 512, arch: arm64}\nservers: {instance_type: m5.large}\n",
			wantMessage: "m5.large is an x86_64 instance type but workload.arch is arm64: this platform is priced on x86_64 processors, the functions and Fargate tasks on arm64 ones, so the comparison sets two different CPUs side by side (they differ in price and may differ in speed); for a like-for-like comparison choose an arm64 type such as m6g.large (also 2 vCPU, 8 GiB), or set workload.arch to x86_64"},
		{name: "arm64 on arm64", yaml: "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512, arch: arm64}\nservers: {instance_type: m7g.large}\n"},
		{name: "x86 on x86", yaml: "workload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\nservers: {instance_type: c6i.xlarge}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := evaluateYAML(t, tc.yaml)
			for _, p := range r.Platforms {
				got := archFindings(p)
				if tc.wantMessage == "" || !onInstances[p.Platform] {
					assert.Empty(t, got, "%s", p.Platform)
					continue
				}
				if assert.Len(t, got, 1, "%s: warnings %v", p.Platform, p.Warnings) {
					assert.Equal(t, tc.wantMessage, got[0].Message, "%s", p.Platform)
					assert.Equal(t, capacity.Warning, got[0].Severity, "%s", p.Platform)
				}
			}
		})
	}
}

func archFindings(p runwhere.PlatformReport) []capacity.Finding {
	var out []capacity.Finding
	for _, f := range append(append([]capacity.Finding{}, p.Blockers...), p.Warnings...) {
		if f.Code == "arch-mismatch" {
			out = append(out, f)
		}
	}
	return out
}
