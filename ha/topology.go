package ha

import "github.com/runwhere/runwhere/platform"

// Topology is a deployment as the ha package sees it. Zero Zones means one
// zone; zero Workers and WorkersNeeded mean the worker tier is not modelled.
// Managers counts the Raft members of a self-managed control plane (Swarm
// managers, Kubernetes control-plane nodes with stacked etcd, Nomad servers)
// and must be zero for a managed one. For a self-managed one, zero means "not
// given": the quorum figures are left out and a warning says so. Managers
// are taken to be dedicated: they run no workloads.
//
// Members are placed round-robin: manager i (from 1) and worker i are in zone
// (i−1) mod Zones, named "a", "b", … as by [ZoneName]. This gives the Docker
// admin guide's spread (5 over 3 zones → 2-2-1). Zones may outnumber the
// managers (one manager in a three-zone cluster); those zones hold workers
// only.
type Topology struct {
	Platform platform.ID `json:"platform"`
	// Snapshot is the month whose SLAs apply; the zero id means
	// [platform.Newest].
	Snapshot      platform.SnapshotID `json:"snapshot,omitempty"`
	Managers      int                 `json:"managers,omitempty"`
	Zones         int                 `json:"zones,omitempty"`
	Workers       int                 `json:"workers,omitempty"`
	WorkersNeeded int                 `json:"workers_needed,omitempty"`
}

// maxZones bounds the zones of one topology; AWS's largest Region has six.
const maxZones = 26

// maxWhatIfWorkers bounds the workers of a topology [WhatIf] takes: the
// largest fleet runwhere sizes. A what-if counts the workers up zone by
// zone, so it needs no tighter bound; the availability figures of
// [Summarize] convolve the tier member by member and keep to maxMembers.
const maxWhatIfWorkers = 1_000_000_000

// check validates t against the catalogue and returns the platform's info.
func (c *Catalogue) check(t Topology) (PlatformInfo, error) { return c.checkUpTo(t, maxMembers) }

// checkUpTo is check with at most maxWorkers workers.
func (c *Catalogue) checkUpTo(t Topology, maxWorkers int) (PlatformInfo, error) {
	p, err := c.Platform(t.Platform)
	if err != nil {
		return p, err
	}
	switch {
	case t.Zones < 0 || t.Zones > maxZones:
		return p, fieldErr("zones", t.Zones, "is outside [1, %d]", maxZones)
	case t.Workers < 0 || t.Workers > maxWorkers:
		return p, fieldErr("workers", t.Workers, "is outside [0, %d]", maxWorkers)
	case t.WorkersNeeded < 0:
		return p, fieldErr("workers_needed", t.WorkersNeeded, "is negative")
	case t.WorkersNeeded > 0 && t.Workers == 0:
		return p, fieldErr("workers_needed", t.WorkersNeeded, "needs workers > 0")
	case !p.Workers && t.Workers > 0:
		return p, fieldErr("workers", t.Workers, "must be 0: %s has no worker nodes to run", t.Platform)
	}
	if p.ControlPlane == Managed {
		if t.Managers != 0 {
			return p, fieldErr("managers", t.Managers, "must be 0: %s has a managed control plane", t.Platform)
		}
		return p, nil
	}
	if t.Managers < 0 || t.Managers > maxMembers {
		return p, fieldErr("managers", t.Managers, "is outside [0, %d] (%s runs its own control plane; 0 = not given)", maxMembers, t.Platform)
	}
	return p, nil
}

func (t Topology) zones() int { return max(t.Zones, 1) }

// perZone counts n members placed round-robin over z zones (zeros allowed).
func perZone(n, z int) []int {
	counts := make([]int, z)
	for i := 1; i <= n; i++ {
		counts[ZoneOf(i, z)]++
	}
	return counts
}
