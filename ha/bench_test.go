package ha_test

import (
	"math/big"
	"testing"

	"github.com/runwhere/runwhere/ha"
)

func BenchmarkQuorumAvailability9(b *testing.B) {
	p := ha.MustParseProb("0.9999")
	for b.Loop() {
		if _, err := ha.QuorumAvailability(9, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComputeZones5over3(b *testing.B) {
	m := ha.Model{Node: ha.MustParseProb("0.995"), Zone: ha.MustParseProb("0.9999")}
	for b.Loop() {
		if _, err := ha.Compute(ha.Tier{Members: 5, Zones: 3}, m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComputeWorkers300over3(b *testing.B) {
	m := ha.Model{Node: ha.MustParseProb("0.995"), Zone: ha.MustParseProb("0.9999")}
	for b.Loop() {
		if _, err := ha.Compute(ha.Tier{Members: 300, Need: 180, Zones: 3}, m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExactMajority9(b *testing.B) {
	p := big.NewRat(9999, 10000)
	for b.Loop() {
		if _, err := ha.ExactMajority(9, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWhatIf10Steps(b *testing.B) {
	topo := ha.Topology{Platform: "kubernetes", Managers: 5, Zones: 3, Workers: 30, WorkersNeeded: 18}
	steps, err := ha.ParseSteps("worker,worker:7,manager:2,worker,zone:c,worker:30,manager:1,worker,zone:a,control-plane")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ha.WhatIf(topo, steps); err != nil { // load the catalogue once
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ha.WhatIf(topo, steps); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	topo := ha.Topology{Platform: "swarm", Managers: 3, Zones: 3, Workers: 12, WorkersNeeded: 8}
	m := ha.Model{Node: ha.MustParseProb("0.995"), Zone: ha.MustParseProb("0.9999")}
	for b.Loop() {
		if _, err := ha.Summarize(topo, m); err != nil {
			b.Fatal(err)
		}
	}
}
