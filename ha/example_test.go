package ha_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

func ExampleNewQuorum() {
	for _, n := range []int{3, 4, 5} {
		q, _ := ha.NewQuorum(n)
		fmt.Printf("%d members: quorum %d, tolerates %d", n, q.Majority, q.Tolerated)
		for _, w := range q.Warnings {
			fmt.Printf(" [%s]", w.Code)
		}
		fmt.Println()
	}
	// Output:
	// 3 members: quorum 2, tolerates 1
	// 4 members: quorum 3, tolerates 1 [even-members]
	// 5 members: quorum 3, tolerates 2
}

func ExampleSpread() {
	for _, n := range []int{3, 5, 7} {
		counts, _ := ha.Spread(n, 3)
		ok, _ := ha.SurvivesZoneLoss(n, 3, 0)
		fmt.Println(n, counts, "survives a zone:", ok)
	}
	ok, _ := ha.SurvivesZoneLoss(3, 2, 0)
	fmt.Println("3 over 2 zones survives a zone:", ok)
	// Output:
	// 3 [1 1 1] survives a zone: true
	// 5 [2 2 1] survives a zone: true
	// 7 [3 2 2] survives a zone: true
	// 3 over 2 zones survives a zone: false
}

func ExampleQuorumAvailability() {
	p := ha.MustParseProb("0.99")
	for _, n := range []int{1, 2, 3, 5} {
		a, _ := ha.QuorumAvailability(n, p)
		fmt.Printf("A(%d, 0.99) = %.10f, %.4f min down per month\n", n, a.Up, a.DowntimeMinutes())
	}
	// Output:
	// A(1, 0.99) = 0.9900000000, 438.0000 min down per month
	// A(2, 0.99) = 0.9801000000, 871.6200 min down per month
	// A(3, 0.99) = 0.9997020000, 13.0524 min down per month
	// A(5, 0.99) = 0.9999901494, 0.4315 min down per month
}

// At p = 0.9999 over nine members the unavailability is near 1e-18, below
// float64's resolution near 1; Down keeps it.
func ExampleQuorumAvailability_noCancellation() {
	a, _ := ha.QuorumAvailability(9, ha.MustParseProb("0.9999"))
	fmt.Printf("up %.17f, down %.6e\n", a.Up, a.Down)
	// Output:
	// up 1.00000000000000000, down 1.259580e-18
}

func ExampleCompute_zones() {
	m := ha.Model{Node: ha.MustParseProb("0.99"), Zone: ha.MustParseProb("0.999")}
	for _, z := range []int{2, 3} {
		a, _ := ha.Compute(ha.Tier{Members: 3, Zones: z}, m)
		fmt.Printf("3 managers over %d zones: %.9f\n", z, a.Up)
	}
	// Output:
	// 3 managers over 2 zones: 0.998682716
	// 3 managers over 3 zones: 0.999640314
}

func ExampleCatalogue_Behaviour() {
	c, _ := ha.EmbeddedCatalogue()
	b, _ := c.Behaviour("kubernetes", ha.ControlPlaneLost)
	fmt.Println(b)
	fmt.Println("deck:", b.Deck.Text)
	fmt.Println("verdict:", b.Deck.Verdict)
	fmt.Println("source:", b.RunningWorkloadsContinue.Source)
	// Output:
	// kubernetes control-plane-lost: running=yes rescheduling=no deployments=no autoscaling=no service_discovery=partial
	// deck: Master nodes must maintain a quorum, and a failed master tier will cause most services to fail
	// verdict: wrong: running pods keep running; what stops is changes, rescheduling, scaling and self-healing across nodes
	// source: https://cloud.ibm.com/docs/containers?topic=containers-debug_master
}

func ExampleWhatIf() {
	steps, _ := ha.ParseSteps("manager:2,zone:b")
	states, _ := ha.WhatIf(ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: 6, WorkersNeeded: 4}, steps)
	for _, s := range states {
		fmt.Printf("%-10s managers %d/%d quorum kept %-5v workers %d applies %q\n",
			s.Step, *s.ManagersUp, *s.Managers, *s.QuorumKept, *s.WorkersUp, s.Applies)
	}
	// Output:
	//            managers 3/3 quorum kept true  workers 6 applies ""
	// manager:2  managers 2/3 quorum kept true  workers 6 applies "manager-lost"
	// zone:b     managers 2/3 quorum kept true  workers 4 applies "zone-lost"
}

func ExampleCatalogue_ManagedSLA() {
	c, _ := ha.EmbeddedCatalogue()
	for _, snap := range []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026} {
		s, _ := c.ManagedSLA("lambda", snap)
		if s.None() {
			fmt.Println(snap, "none:", s.Note)
			continue
		}
		fmt.Printf("%s %s%% (%.1f min/month) %s\n", snap, s.Percent, s.Availability.Down()*ha.MonthHours*60, s.Source)
	}
	// Output:
	// 2017-12 none: Lambda had no SLA in 2017; 99.95% was introduced in 2018-10
	// 2026-11 99.95% (21.9 min/month) https://aws.amazon.com/lambda/sla/
}

// Summarize gives the "ha" object of a runwhere report.
func ExampleSummarize() {
	m, _ := ha.ModelFrom(0.99, 0)
	s, _ := ha.Summarize(ha.Topology{Platform: "kubernetes", Managers: 3, Zones: 3}, m)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	_ = enc.Encode(s)
	// Output:
	// {
	//   "managers": 3,
	//   "quorum": 2,
	//   "manager_failures_tolerated": 1,
	//   "survives_zone_loss": true,
	//   "control_plane_availability": 0.999702,
	//   "control_plane_downtime_minutes_per_month": 13.0524,
	//   "control_plane_availability_source": "http://hh360.user.srcf.net/blog/2015/08/adding-machines-can-decrease-availability-of-a-distributed-system/",
	//   "on_control_plane_loss": {
	//     "running_workloads_continue": true,
	//     "rescheduling": false,
	//     "deployments": false,
	//     "autoscaling": false,
	//     "source": "https://cloud.ibm.com/docs/containers?topic=containers-debug_master",
	//     "deck_claim": "Master nodes must maintain a quorum, and a failed master tier will cause most services to fail",
	//     "deck_verdict": "wrong: running pods keep running; what stops is changes, rescheduling, scaling and self-healing across nodes"
	//   }
	// }
}
