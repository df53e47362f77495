package platform_test

import (
	"fmt"

	"github.com/runwhere/runwhere/platform"
)

// Look up a limit in today's catalogue and in the 2017 one, with the source
// each was read in.
func Example() {
	for _, snap := range []string{"2017-12", "2026-11"} {
		c, err := platform.Snapshot(snap)
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
	c, _ := platform.Snapshot("2026-11")
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
