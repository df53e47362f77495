package runwhere

import (
	"fmt"
	"strings"

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
// after each. Events are written as ha.ParseSteps reads them, e.g.
// "manager:2", "zone:b", "worker".
func WhatIf(s Scenario, id PlatformID, events []string) (_ WhatIfResult, err error) {
	defer prefixError(&err)
	e, err := newEnv(s)
	if err != nil {
		return WhatIfResult{}, err
	}
	p, ok := e.platforms.Platform(id)
	if !ok {
		return WhatIfResult{}, &FieldError{Field: "platform", Value: string(id), Reason: "is not in snapshot " + e.s.Snapshot}
	}
	var steps []ha.Step
	if len(events) > 0 {
		steps, err = ha.ParseSteps(strings.Join(events, ","))
		if err != nil {
			return WhatIfResult{}, &FieldError{Field: "events", Value: strings.Join(events, ","), Reason: err.Error()}
		}
	}
	m, err := e.evaluate(id)
	if err != nil {
		return WhatIfResult{}, err
	}
	var t ha.Topology
	if p.Kind == platform.Serverless || id == platform.ECSFargate {
		t = e.topology(p, 0, 0, 0)
	} else {
		c := m.report.Capacity
		clusters := int64(max(c.Clusters, 1))
		t = e.topology(p, int64(c.Managers)/clusters, ceilDiv(int64(c.Nodes), clusters), ceilDiv(int64(c.NodesForPeak), clusters))
	}
	states, err := ha.WhatIf(t, steps)
	if err != nil {
		return WhatIfResult{}, &FieldError{Field: "events", Value: strings.Join(events, ","), Reason: fmt.Sprint(err)}
	}
	return WhatIfResult{Platform: id, Topology: t, States: states}, nil
}
