package platform_test

import (
	"fmt"

	"github.com/runwhere/runwhere/platform"
)

// Look up a limit in today's catalogue and in the 2017 one, with the source
// each was read in.
func Example() {
	for _, snap := range []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026} {
		c, err := platform.EmbeddedCatalogue(snap)
		if err != nil {
			panic(err)
		}
		lambda, _ := c.Platform(platform.Lambda)
		l := lambda.Limits.Timeout
		fmt.Printf("%s: Lambda timeout %d %s (%s limit, as of %s)\n  %s\n", snap, l.Value, l.Unit, l.Enforcement, l.AsOf, l.Source)
	}
	// Output:
	// 2017-12: Lambda timeout 300 s (hard limit, as of 2017-12-12)
	//   https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md
	// 2026-11: Lambda timeout 900 s (hard limit, as of 2026-11-25)
	//   https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
}

// Records of published claims that the sources contradict sit beside the
// modelled figures.
func ExampleCatalogue_ClaimsAbout() {
	c, _ := platform.EmbeddedCatalogue("2026-11")
	swarm, _ := c.Platform(platform.Swarm)
	fmt.Println("published node ceiling:", swarm.Limits.NodesPerCluster != nil)
	for _, cl := range c.ClaimsAbout(platform.Swarm)[:1] {
		fmt.Printf("deck: %q\nsources: %s\n", cl.Claim, cl.Verdict)
	}
	// Output:
	// published node ceiling: false
	// deck: "Supports 2000+ nodes"
	// sources: a community experiment (Swarm2k, 2016: 2,384 servers, 3 managers), not a supported limit; Docker publishes no swarm-mode node ceiling
}

// The instance table, with the EKS max-pods formula on its ENI figures.
func ExampleEmbeddedInstances() {
	inst, err := platform.EmbeddedInstances()
	if err != nil {
		panic(err)
	}
	in, _ := inst.Lookup("m5.large")
	pods, _ := in.ENIMaxPods()
	fmt.Printf("%s: %d vCPU, %d MiB, %s; %d ENIs x %d addresses: %d pods\n",
		in.Type, in.Shape.VCPU, in.Shape.MemoryMiB, in.Shape.Arch, in.Network.ENIs, in.Network.IPv4PerENI, pods)
	// Output:
	// m5.large: 2 vCPU, 8192 MiB, x86_64; 3 ENIs x 10 addresses: 29 pods
}

// Fargate's task sizes grew: 4 vCPU at most in 2017, 32 today.
func ExampleEmbeddedTaskSizes() {
	for _, snap := range []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026} {
		t, err := platform.EmbeddedTaskSizes(snap)
		if err != nil {
			panic(err)
		}
		largest := t.Sizes[len(t.Sizes)-1]
		fmt.Printf("%s: %d sizes, up to %s vCPU (%s)\n", snap, len(t.Sizes), largest.VCPU, t.Source)
	}
	// Output:
	// 2017-12: 5 sizes, up to 4 vCPU (https://aws.amazon.com/fargate/pricing/)
	// 2026-11: 8 sizes, up to 32 vCPU (https://aws.amazon.com/fargate/pricing/)
}
