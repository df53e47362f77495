package capacity_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func ExampleSize() {
	cat, _ := platform.EmbeddedCatalogue("2026-11")
	inst, _ := platform.EmbeddedInstances()
	w := capacity.Workload{
		RequestsPerSecond:     decimal.RequireFromString("40"),
		PeakRequestsPerSecond: decimal.RequireFromString("400"),
		DurationMS:            decimal.RequireFromString("120"),
		MemoryMB:              512,
		MaxDurationS:          30,
	}
	c := capacity.Container{VCPU: decimal.RequireFromString("0.5"), MemoryMB: 1024}
	servers := capacity.Servers{InstanceType: "m5.large", Zones: 3, SurviveZoneLoss: true}
	for _, id := range []platform.ID{platform.Lambda, platform.ECSFargate, platform.EKS} {
		r, err := capacity.Size(cat, inst, capacity.Request{Platform: id, Workload: w, Container: c, Servers: servers})
		if err != nil {
			fmt.Println(err)
			continue
		}
		switch id {
		case platform.Lambda:
			fmt.Printf("%s: concurrency %s, peak %s\n", id, r.Concurrency, r.PeakConcurrency)
		case platform.ECSFargate:
			fmt.Printf("%s: %d tasks of %s vCPU / %d MiB\n", id, r.Tasks, r.TaskVCPU, r.TaskMemoryMB)
		default:
			fmt.Printf("%s: %d replicas, %d per node, %d nodes\n", id, r.Replicas, r.ReplicasPerNode, r.Nodes)
		}
		for _, f := range r.Warnings {
			fmt.Printf("  warning %s: %s\n", f.Code, f.Message)
		}
	}
	// Output:
	// lambda: concurrency 4.8, peak 48
	// ecs-fargate: 207 tasks of 0.5 vCPU / 1024 MiB
	//   warning max-vcpu-per-region: Fargate vCPUs 104 vCPU exceeds the adjustable quota of 6 vCPU: request an increase of "Fargate On-Demand vCPU resource count" (L-3032A538) to at least 104 vCPU in the Service Quotas console
	// eks: 207 replicas, 3 per node, 69 nodes
}

func ExampleSizeLambda() {
	old, _ := platform.EmbeddedCatalogue("2017-12")
	p, _ := old.Platform(platform.Lambda)
	s, _ := capacity.SizeLambda(p, capacity.Workload{
		RequestsPerSecond: decimal.RequireFromString("2500"),
		DurationMS:        decimal.RequireFromString("2000"),
		MaxDurationS:      600,
	}, capacity.Function{MemoryMB: 3008})
	fmt.Println("environments:", s.Environments, "ramp:", s.RampSeconds, "s")
	for _, f := range s.Findings {
		fmt.Printf("%s %s: limit %s, value %s\n", f.Severity, f.Code, f.Limit, f.Value)
	}
	// Output:
	// environments: 5000 ramp: 240 s
	// blocker max-duration: limit 300, value 600
	// warning max-concurrency: limit 1000, value 5000
}

func ExampleEKSKubeReservedMemory() {
	inst, _ := platform.EmbeddedInstances()
	in, _ := inst.Lookup("t3.medium")
	pods, _ := in.ENIMaxPods()
	fmt.Println(pods, "pods,", capacity.EKSKubeReservedMemory(pods), "MiB,", capacity.EKSKubeReservedCPU(in.Shape.VCPU), "millicores")
	// Output: 17 pods, 442 MiB, 70 millicores
}
