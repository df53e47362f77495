package ha

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/runwhere/runwhere/internal/input"

	"github.com/runwhere/runwhere/platform"
)

// Event is a failure the package models.
type Event string

// The failure events, in the order the catalogue lists them.
const (
	ManagerLost      Event = "manager-lost"       // one manager / master / server, quorum kept
	QuorumLost       Event = "quorum-lost"        // a majority of the control plane
	ControlPlaneLost Event = "control-plane-lost" // every control-plane member, or the managed API
	WorkerLost       Event = "worker-lost"        // one worker node
	ZoneLost         Event = "zone-lost"          // one availability zone
)

var events = [...]Event{ManagerLost, QuorumLost, ControlPlaneLost, WorkerLost, ZoneLost}

// Events returns every Event, in catalogue order.
func Events() []Event { return slices.Clone(events[:]) }

// ParseEvent parses an event name such as "quorum-lost".
func ParseEvent(s string) (Event, error) {
	for _, e := range events {
		if string(e) == s {
			return e, nil
		}
	}
	return "", fieldErr("event", strconv.Quote(input.Short(s)), "is not one of %v", events)
}

// String returns the event's name.
func (e Event) String() string { return string(e) }

// Value is what a capability does under a failure.
type Value string

// The values a [Cell] may hold.
const (
	Yes           Value = "yes"     // keeps working
	No            Value = "no"      // stops
	Partial       Value = "partial" // keeps working in part; the cell's note says how
	NotApplicable Value = "n/a"     // the platform has no such thing
	Unknown       Value = "unknown" // no source settles it
)

func (v Value) valid() bool {
	switch v {
	case Yes, No, Partial, NotApplicable, Unknown:
		return true
	}
	return false
}

// Bool returns true for Yes, false for No, and nil otherwise, for the
// report's boolean fields (which are omitted when nil).
func (v Value) Bool() *bool {
	var b bool
	switch v {
	case Yes:
		b = true
	case No:
		b = false
	default:
		return nil
	}
	return &b
}

// Cell is one documented behaviour: its value, the source that states it and
// the date that source was read or last updated. Inference marks a value the
// sources only imply ("INF" in the project's reference notes).
type Cell struct {
	Value     Value  `json:"value"`
	Note      string `json:"note,omitempty"`
	Source    string `json:"source"`
	AsOf      string `json:"as_of"`
	Inference bool   `json:"inference,omitempty"`
}

// Recovery is how the platform recovers from the event, with its source.
type Recovery struct {
	Text      string `json:"text"`
	Source    string `json:"source"`
	AsOf      string `json:"as_of"`
	Inference bool   `json:"inference,omitempty"`
}

// Claim is what the 2017 slide deck said about the event, its citation, and
// the verdict of the project's reference (correct, wrong, …) against the
// documented behaviour.
type Claim struct {
	Text    string `json:"claim"`
	Source  string `json:"source"`
	Verdict string `json:"verdict"`
}

// Behaviour is what one platform still does after one event. The zero
// Behaviour is not valid; look one up with [Catalogue.Behaviour].
type Behaviour struct {
	Platform                 platform.ID `json:"platform"`
	Event                    Event       `json:"event"`
	RunningWorkloadsContinue Cell        `json:"running_workloads_continue"`
	Rescheduling             Cell        `json:"rescheduling"`
	Deployments              Cell        `json:"deployments"`
	Autoscaling              Cell        `json:"autoscaling"`
	ServiceDiscovery         Cell        `json:"service_discovery"`
	Recovery                 Recovery    `json:"recovery"`
	Deck                     Claim       `json:"deck,omitzero"`
}

// Cells returns the behaviour's cells by their JSON names, in a fixed order.
func (b Behaviour) Cells() []NamedCell {
	return []NamedCell{
		{"running_workloads_continue", b.RunningWorkloadsContinue},
		{"rescheduling", b.Rescheduling},
		{"deployments", b.Deployments},
		{"autoscaling", b.Autoscaling},
		{"service_discovery", b.ServiceDiscovery},
	}
}

// NamedCell is a [Cell] with the name of the capability it describes.
type NamedCell struct {
	Name string
	Cell Cell
}

// ControlPlaneLoss is the report's "on_control_plane_loss" object: the
// behaviour after [ControlPlaneLost], as booleans. A capability that is
// partial, not applicable or unknown is omitted; Source is the source of
// RunningWorkloadsContinue, the claim the deck got wrong.
type ControlPlaneLoss struct {
	RunningWorkloadsContinue *bool  `json:"running_workloads_continue,omitempty"`
	Rescheduling             *bool  `json:"rescheduling,omitempty"`
	Deployments              *bool  `json:"deployments,omitempty"`
	Autoscaling              *bool  `json:"autoscaling,omitempty"`
	Source                   string `json:"source"`
	DeckClaim                string `json:"deck_claim,omitempty"`
	DeckVerdict              string `json:"deck_verdict,omitempty"`
}

// ControlPlaneLoss projects b onto the report's boolean shape.
func (b Behaviour) ControlPlaneLoss() ControlPlaneLoss {
	return ControlPlaneLoss{
		RunningWorkloadsContinue: b.RunningWorkloadsContinue.Value.Bool(),
		Rescheduling:             b.Rescheduling.Value.Bool(),
		Deployments:              b.Deployments.Value.Bool(),
		Autoscaling:              b.Autoscaling.Value.Bool(),
		Source:                   b.RunningWorkloadsContinue.Source,
		DeckClaim:                b.Deck.Text,
		DeckVerdict:              b.Deck.Verdict,
	}
}

// String summarises b in one line, for logs and examples.
func (b Behaviour) String() string {
	return fmt.Sprintf("%s %s: running=%s rescheduling=%s deployments=%s autoscaling=%s service_discovery=%s",
		b.Platform, b.Event, b.RunningWorkloadsContinue.Value, b.Rescheduling.Value,
		b.Deployments.Value, b.Autoscaling.Value, b.ServiceDiscovery.Value)
}
