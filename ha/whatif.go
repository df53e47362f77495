package ha

import (
	"fmt"
	"maps"
	"slices"
)

// State is a topology after zero or more what-if steps. Fields that do not
// apply to the platform (managers of a managed control plane, workers of
// Lambda) are omitted.
type State struct {
	// Step is the step just applied; empty for the initial state.
	Step string `json:"step,omitempty"`
	// ManagersUp lists how many managers are up, of how many, and how many a
	// quorum needs (self-managed control planes only).
	ManagersUp *int  `json:"managers_up,omitempty"`
	Managers   *int  `json:"managers,omitempty"`
	Quorum     *int  `json:"quorum,omitempty"`
	QuorumKept *bool `json:"quorum_kept,omitempty"`
	// ControlPlaneUp is false once the control plane has no quorum or, for a
	// managed one, once a control-plane step took it away.
	ControlPlaneUp bool `json:"control_plane_up"`
	// WorkersUp and PeakFits describe the worker tier when one is modelled.
	WorkersUp *int  `json:"workers_up,omitempty"`
	PeakFits  *bool `json:"peak_fits,omitempty"`
	// ZonesDown names the zones lost so far.
	ZonesDown []string `json:"zones_down,omitempty"`
	// Applies is the catalogue event that describes this state, and
	// Behaviour what still works under it; both are empty while nothing has
	// failed.
	Applies   Event     `json:"applies,omitempty"`
	Behaviour Behaviour `json:"behaviour,omitzero"`
	Warnings  []Warning `json:"warnings,omitempty"`
}

// WhatIf applies steps to t in order with the embedded catalogue and returns
// the initial state followed by the state after each step.
func WhatIf(t Topology, steps []Step) ([]State, error) {
	c, err := loadDefault()
	if err != nil {
		return nil, err
	}
	return c.WhatIf(t, steps)
}

// WhatIf applies steps to t in order and returns the initial state followed
// by the state after each step. Losing something already lost adds a warning
// and changes nothing; a step that does not fit the topology (manager 4 of 3,
// a manager of a managed control plane, zone d of 3) is an error.
//
// Unlike [Catalogue.Summarize], which stops at 10,000 workers, WhatIf takes
// up to a billion: it keeps only the workers lost on their own and counts
// the others zone by zone, so a fleet of any size costs what its steps do.
func (c *Catalogue) WhatIf(t Topology, steps []Step) ([]State, error) {
	p, err := c.checkUpTo(t, maxWhatIfWorkers)
	if err != nil {
		return nil, err
	}
	if len(steps) > MaxSteps {
		return nil, fieldErr("steps", len(steps), "exceeds %d steps", MaxSteps)
	}
	w := world{
		t:        placed{Topology: t, p: p},
		managers: make([]bool, t.Managers+1),
		workers:  map[int]bool{},
		zones:    make([]bool, t.zones()),
	}
	out := make([]State, 0, len(steps)+1)
	s, err := c.state(&w, "", nil)
	if err != nil {
		return nil, err
	}
	out = append(out, s)
	for i, st := range steps {
		warns, err := w.apply(st, i+1)
		if err != nil {
			return nil, err
		}
		s, err := c.state(&w, st.String(), warns)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// world tracks what was lost: members one by one, and zones. A member is down
// when it was lost itself or its zone is down, so restoring a zone brings back
// only the members that were not lost on their own. Index 0 is unused.
type world struct {
	t        placed
	managers []bool // lost on their own
	// workers holds the workers lost on their own, at most one a step:
	// a fleet may hold a billion.
	workers          map[int]bool
	zones            []bool // down
	controlPlaneDown bool   // a managed API taken away
}

// placed is a checked topology with its platform's info.
type placed struct {
	Topology
	p PlatformInfo
}

func (w *world) managerDown(i int) bool { return w.managers[i] || w.zones[ZoneOf(i, len(w.zones))] }
func (w *world) workerDown(i int) bool  { return w.workers[i] || w.zones[ZoneOf(i, len(w.zones))] }

func (w *world) countUp(n int, down func(int) bool) (up int) {
	for i := 1; i <= n; i++ {
		if !down(i) {
			up++
		}
	}
	return up
}

// workersUp counts the workers up: those of the zones up, less the ones
// lost on their own there. Worker i is in zone (i−1) mod Z, so zone z
// holds ⌊n/Z⌋ workers, and one more when z < n mod Z.
func (w *world) workersUp() int {
	n, zs := w.t.Workers, len(w.zones)
	up := 0
	for z, down := range w.zones {
		if !down {
			up += n / zs
			if z < n%zs {
				up++
			}
		}
	}
	for i := range w.workers {
		if !w.zones[ZoneOf(i, zs)] {
			up--
		}
	}
	return up
}

// anyWorker is the first worker a "worker" step changes: for a loss the
// first worker up, for a repair the first lost on its own; 0 when none.
func (w *world) anyWorker(restore bool) int {
	if restore {
		if len(w.workers) == 0 {
			return 0
		}
		return slices.Min(slices.Collect(maps.Keys(w.workers)))
	}
	if !slices.Contains(w.zones, false) {
		return 0
	}
	// Each worker passed is lost on its own or in a zone down, and a zone
	// is up: at most (workers lost + 1) × zones of them.
	for j := 1; j <= w.t.Workers; j++ {
		if !w.workerDown(j) {
			return j
		}
	}
	return 0
}

func already(format string, args ...any) []Warning {
	return []Warning{{Code: WarnNoChange, Message: fmt.Sprintf(format, args...)}}
}

func (w *world) apply(st Step, n int) ([]Warning, error) {
	field := fmt.Sprintf("steps[%d]", n)
	verb := "down"
	if st.Restore {
		verb = "up"
	}
	switch st.Kind {
	case LoseManager:
		if w.t.p.ControlPlane == Managed {
			return nil, fieldErr(field, st, "does not apply: %s has a managed control plane", w.t.Platform)
		}
		if w.t.Managers == 0 {
			return nil, fieldErr(field, st, "does not apply: the topology gives no managers")
		}
		if st.Index < 1 || st.Index > w.t.Managers {
			return nil, fieldErr(field, st, "is outside managers 1..%d", w.t.Managers)
		}
		if w.managers[st.Index] != st.Restore {
			return already("manager %d is already %s", st.Index, verb), nil
		}
		w.managers[st.Index] = !st.Restore
	case LoseWorker:
		if w.t.Workers == 0 {
			return nil, fieldErr(field, st, "does not apply: the topology models no workers")
		}
		i := st.Index
		if i == 0 {
			// Any one: the first worker that this step would change.
			if i = w.anyWorker(st.Restore); i == 0 {
				return already("no worker to bring %s", verb), nil
			}
		}
		if i > w.t.Workers {
			return nil, fieldErr(field, st, "is outside workers 1..%d", w.t.Workers)
		}
		if w.workers[i] != st.Restore {
			return already("worker %d is already %s", i, verb), nil
		}
		if st.Restore {
			delete(w.workers, i)
		} else {
			w.workers[i] = true
		}
	case LoseZone:
		z := zoneIndex(st.Zone)
		if z < 0 || z >= len(w.zones) {
			return nil, fieldErr(field, st, "is outside zones a..%s", ZoneName(len(w.zones)-1))
		}
		if w.zones[z] != st.Restore {
			return already("zone %s is already %s", st.Zone, verb), nil
		}
		w.zones[z] = !st.Restore
	case LoseControlPlane:
		if w.t.p.ControlPlane == Managed || w.t.Managers == 0 {
			w.controlPlaneDown = !st.Restore
			break
		}
		for i := 1; i <= w.t.Managers; i++ {
			w.managers[i] = !st.Restore
		}
	default:
		return nil, fieldErr(field, st, "has unknown kind %q", st.Kind)
	}
	return nil, nil
}

func (c *Catalogue) state(w *world, step string, warns []Warning) (State, error) {
	s := State{Step: step, ControlPlaneUp: !w.controlPlaneDown, Warnings: warns}
	anyManagerDown, quorumLost, allManagersDown := false, false, false
	if w.t.p.ControlPlane == Raft && w.t.Managers > 0 {
		up, q := w.countUp(w.t.Managers, w.managerDown), Majority(w.t.Managers)
		kept := up >= q
		n := w.t.Managers
		s.ManagersUp, s.Managers, s.Quorum, s.QuorumKept = &up, &n, &q, &kept
		s.ControlPlaneUp = kept
		anyManagerDown, quorumLost, allManagersDown = up < w.t.Managers, !kept, up == 0
		switch {
		case !kept:
			s.Warnings = append(s.Warnings, Warning{Code: WarnNoQuorum,
				Message: fmt.Sprintf("%d of %d managers up, quorum needs %d: running workloads continue, changes and rescheduling stop", up, w.t.Managers, q),
				Source:  w.t.p.quorumSource})
		case up == q && anyManagerDown:
			s.Warnings = append(s.Warnings, Warning{Code: WarnLastFailure,
				Message: "one more manager failure loses quorum", Source: w.t.p.quorumSource})
		}
	}
	if m := w.t.p.zoneMembers; w.t.p.ControlPlane == Managed && m > 0 && len(w.zones) > 0 && !w.controlPlaneDown {
		// The provider's quorum members, one per zone of its own: AWS
		// spreads EKS's etcd over three zones of the Region whatever
		// zones the workers use. Member i shares the topology's zone i
		// while there is one (the worst case: each zone lost takes a
		// member); the rest are in zones the scenario does not use,
		// which no step here can lose. Losing the zones of a majority
		// loses the control plane, however the provider runs it.
		shared := min(m, len(w.zones))
		up := m - shared
		for i := range shared {
			if !w.zones[i] {
				up++
			}
		}
		if q := Majority(m); up < q {
			s.ControlPlaneUp = false
			quorumLost = true
			s.Warnings = append(s.Warnings, Warning{Code: WarnNoQuorum,
				Message: fmt.Sprintf("%d of the %d zones holding %s's %d control-plane quorum members are up, quorum needs %d: the control plane is lost until a zone returns", up, m, w.t.p.Name, m, q),
				Source:  w.t.p.zoneSource})
		}
	}
	if w.t.Workers > 0 {
		up := w.workersUp()
		s.WorkersUp = &up
		if up == 0 {
			s.Warnings = append(s.Warnings, Warning{Code: WarnNoWorkers,
				Message: "every worker is down: nothing is left to run the workloads, whatever the control plane does"})
		}
		if w.t.WorkersNeeded > 0 {
			fits := up >= w.t.WorkersNeeded
			s.PeakFits = &fits
			if !fits {
				s.Warnings = append(s.Warnings, Warning{Code: WarnPeakNotFit,
					Message: fmt.Sprintf("%d workers up, the peak needs %d", up, w.t.WorkersNeeded)})
			}
		}
	}
	for z, down := range w.zones {
		if down {
			s.ZonesDown = append(s.ZonesDown, ZoneName(z))
		}
	}
	switch {
	case allManagersDown || w.controlPlaneDown:
		s.Applies = ControlPlaneLost
	case quorumLost:
		s.Applies = QuorumLost
	case len(s.ZonesDown) > 0:
		s.Applies = ZoneLost
	case anyManagerDown:
		s.Applies = ManagerLost
	case s.WorkersUp != nil && *s.WorkersUp < w.t.Workers:
		s.Applies = WorkerLost
	}
	if s.Applies != "" {
		b, err := c.Behaviour(w.t.p.ID, s.Applies)
		if err != nil {
			return s, err
		}
		s.Behaviour = b
	}
	return s, nil
}
