package runwhere

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// WhatIfResult is a platform's topology as the scenario sizes it and its
// state after each failure of a what-if sequence.
type WhatIfResult struct {
	Platform platform.ID `json:"platform"`
	Topology ha.Topology `json:"topology"`
	// States[0] is the topology before any failure; States[i] the state
	// after events[i-1].
	States []ha.State `json:"states"`
}

// WhatIf applies a sequence of failures to the topology the scenario gives
// platform id (its managers, zones and sized workers) and returns the state
// after each. Each element of events is one event, written as one item of
// ha.ParseSteps, e.g. "manager:2", "zone:b", "worker", "+zone:b"; a blank
// element or one holding several events is an error naming its index.
func WhatIf(s Scenario, id PlatformID, events []string) (_ WhatIfResult, err error) {
	defer prefixError(&err)
	steps, err := parseEvents(events)
	if err != nil {
		return WhatIfResult{}, err
	}
	e, err := newEnv(s)
	if err != nil {
		return WhatIfResult{}, err
	}
	_, ok := e.platforms.Platform(id)
	if !ok {
		return WhatIfResult{}, &FieldError{Field: "platform", Value: string(id), Reason: "is not in snapshot " + e.s.Snapshot}
	}
	m, err := e.evaluate(id)
	if err != nil {
		return WhatIfResult{}, err
	}
	t := whatIfTopology(m)
	// A what-if loses zones, so even a function's topology names the
	// scenario's (its HA summary does without them).
	t.Zones = int(*e.s.Servers.Zones)
	states, err := e.ha.WhatIf(t, steps)
	if err != nil {
		return WhatIfResult{}, eventError(err, events)
	}
	return WhatIfResult{Platform: id, Topology: t, States: states}, nil
}

// whatIfTopology is the topology a what-if starts from: the one the HA
// summary gets, with the workers of a cluster larger than the summary
// models (10,000: its availability figures convolve the tier member by
// member) put back, as the engine sizes them for one cluster, so that a
// large fleet loses a worker or a zone like any other: ha.WhatIf counts
// up to a billion workers exactly, zone by zone.
func whatIfTopology(m model) ha.Topology {
	t := m.topology
	c := m.result.Capacity
	if t.Workers > 0 || c.Clusters < 1 || c.Nodes < 1 {
		return t
	}
	nodes := c.Nodes
	if c.NodesPerRun > 0 {
		nodes = c.NodesPerRun // a job's always-on fleets run its nodes in turn
	}
	t.Workers = ceilDivInt(nodes, c.Clusters)
	t.WorkersNeeded = min(ceilDivInt(c.NodesForPeak, c.Clusters), t.Workers)
	return t
}

func ceilDivInt(a, b int) int { return (a + b - 1) / b }

// parseEvents reads each element as exactly one step. Joining the elements
// and splitting on commas, as ha.ParseSteps does for one string, would drop
// a blank element and split one holding a comma into several events.
func parseEvents(events []string) ([]ha.Step, error) {
	if len(events) > ha.MaxSteps {
		return nil, &FieldError{Field: "events", Value: strconv.Itoa(len(events)), Reason: fmt.Sprintf("events exceed the %d a what-if sequence may hold", ha.MaxSteps)}
	}
	steps := make([]ha.Step, len(events))
	for i, ev := range events {
		reason := ""
		switch {
		case strings.TrimSpace(ev) == "":
			reason = "is empty: each element is one event, such as manager:2"
		case strings.Contains(ev, ","):
			reason = "holds more than one event: give each event its own element"
		default:
			if err := steps[i].UnmarshalText([]byte(ev)); err != nil {
				reason = err.Error()
				if fe := (*ha.FieldError)(nil); errors.As(err, &fe) {
					reason = fe.Reason
				}
			}
		}
		if reason != "" {
			return nil, &FieldError{Field: fmt.Sprintf("events[%d]", i), Value: quoteEvent(ev), Reason: reason}
		}
	}
	return steps, nil
}

// eventError names the element of events that ha.WhatIf refused; ha counts
// its steps from 1 ("steps[2]"), events are indexed from 0.
func eventError(err error, events []string) error {
	var fe *ha.FieldError
	if errors.As(err, &fe) {
		if n, convErr := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(fe.Field, "steps["), "]")); convErr == nil && n >= 1 && n <= len(events) {
			return &FieldError{Field: fmt.Sprintf("events[%d]", n-1), Value: quoteEvent(events[n-1]), Reason: fe.Reason}
		}
	}
	return &FieldError{Field: "events", Reason: err.Error()}
}

// quoteEvent quotes an event for an error message, cut to its first 64
// characters: an error points at a value, it does not echo a document.
func quoteEvent(s string) string {
	const keep = 64
	end := 0
	for n := 0; end < len(s) && n < keep; n++ {
		_, w := utf8.DecodeRuneInString(s[end:])
		end += w
	}
	if end < len(s) {
		return strconv.Quote(s[:end]) + "…"
	}
	return strconv.Quote(s)
}
