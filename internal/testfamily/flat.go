// Package testfamily is a family of platforms that exists only for tests:
// containers billed a flat price per replica-hour, the price read from
// the platform's catalogue entry. It shows what a new family takes —
// this one package and catalogue entries — and is evaluated end to end
// by the root package's tests; nothing else imports it.
package testfamily

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Family is the family's id, as a platform entry names it.
const Family platform.Family = "flat-rate"

// ParamReplicaHour is the entry's price of one replica for an hour, USD.
const ParamReplicaHour = "replica_hour_usd"

// Flat sizes one replica per request in flight at the peak (at least
// one) and bills each all month at the entry's price.
type Flat struct{}

// Evaluate implements engine.Family.
func (Flat) Evaluate(p platform.Platform, _ engine.Catalogues, in engine.Inputs) (engine.Result, error) {
	price, ok := p.Param(ParamReplicaHour)
	if !ok {
		return engine.Result{}, fmt.Errorf("testfamily: platform %s gives no %s", p.ID, ParamReplicaHour)
	}
	w := in.Workload
	replicas := max(w.PeakRequestsPerSecond.Mul(w.DurationMS).Div(decimal.NewFromInt(1000)).Ceil().IntPart(), 1)
	hours := decimal.NewFromInt(replicas * platform.HoursPerMonth)
	bill := cost.Bill{Lines: []cost.Line{{
		Item: fmt.Sprintf("%s replicas", p.ID), Quantity: hours, Unit: "replica-hour",
		UnitPrice: price.Value, Amount: hours.Mul(price.Value), Compute: true,
	}}}
	fleet := cost.FixedFleet(bill.Total())
	return engine.Result{
		Findings: capacity.Findings{},
		Bill:     bill,
		Capacity: engine.Capacity{Replicas: int(replicas)},
		Fleet:    &fleet,
		Topology: ha.Topology{Platform: p.ID, Snapshot: in.Snapshot, Zones: int(max(in.Servers.Zones, 1))},
	}, nil
}

// Today implements engine.Baseline: now.Count replicas all month at the
// entry's price, one vCPU each.
func (Flat) Today(p platform.Platform, _ engine.Catalogues, _ engine.Inputs, now engine.Current) (engine.Today, error) {
	price, ok := p.Param(ParamReplicaHour)
	if !ok {
		return engine.Today{}, fmt.Errorf("testfamily: platform %s gives no %s", p.ID, ParamReplicaHour)
	}
	hours := now.Count.Mul(decimal.NewFromInt(platform.HoursPerMonth))
	return engine.Today{
		Bill: cost.Bill{Lines: []cost.Line{{
			Item: fmt.Sprintf("%s replicas today", p.ID), Quantity: hours, Unit: "replica-hour",
			UnitPrice: price.Value, Amount: hours.Mul(price.Value), Compute: true,
		}}},
		UnitVCPU: decimal.NewFromInt(1),
		Unit:     "replica",
	}, nil
}

// Fields implements engine.Fielded: the replicas serve the workload.
func (Flat) Fields(platform.Platform) []string { return []string{"workload"} }
