package platform

import (
	"maps"
	"slices"
)

// Clone returns a deep copy of c: nothing the copy holds or points to is
// shared with c, so either may be changed without the other seeing it.
func (c Catalogue) Clone() Catalogue {
	out := c
	out.Platforms = slices.Clone(c.Platforms)
	for i := range out.Platforms {
		out.Platforms[i].cloneLimits()
	}
	// A claim holds strings and a Date, nothing shared.
	out.Claims = slices.Clone(c.Claims)
	for i := range out.Claims {
		if h := out.Claims[i].Holds; h != nil {
			v := *h
			out.Claims[i].Holds = &v
		}
	}
	return out
}

// cloneLimits points p's limits and SLA at copies of their own. The limits
// share one allocation: Snapshot clones on every call, and a platform has
// up to 27 of them.
func (p *Platform) cloneLimits() {
	fields := p.limitFields()
	n := 0
	for _, f := range fields {
		if *f != nil {
			n++
		}
	}
	store := make([]Limit, 0, n)
	for _, f := range fields {
		if *f != nil {
			store = append(store, **f)
			*f = &store[len(store)-1]
		}
	}
	if p.ControlPlane.ZoneMembers != nil {
		zm := *p.ControlPlane.ZoneMembers
		p.ControlPlane.ZoneMembers = &zm
	}
	if p.ControlPlane.SLA != nil {
		sla := *p.ControlPlane.SLA
		p.ControlPlane.SLA = &sla
	}
	if p.Arrived != nil {
		a := *p.Arrived
		p.Arrived = &a
	}
	// A Param holds a decimal, whose big.Int is never changed in place:
	// a new map is enough.
	p.Params = maps.Clone(p.Params)
	p.Fees = slices.Clone(p.Fees)
}

// limitFields returns the address of every *Limit field of p. An array,
// not a slice, so that listing them allocates nothing; TestLimitFields
// fails when a field is added to Limits or ControlPlane but not here.
func (p *Platform) limitFields() [27]**Limit {
	cp, l := &p.ControlPlane, &p.Limits
	return [...]**Limit{
		&cp.RecommendedManagers, &cp.MaxManagers,
		&l.NodesPerCluster, &l.PodsPerNode, &l.PodsPerCluster, &l.ContainersPerCluster,
		&l.ServicesPerCluster, &l.TasksPerService, &l.ContainersPerTask, &l.ClustersPerRegion,
		&l.TasksPerRegion, &l.VCPUPerRegion,
		&l.Timeout, &l.MemoryMin, &l.MemoryMax, &l.MemoryStep, &l.SyncPayload, &l.AsyncPayload,
		&l.TmpMin, &l.TmpMax, &l.PackageZipped, &l.PackageUnzipped, &l.ImageSize,
		&l.Concurrency, &l.ScalingBurst, &l.ScalingStep, &l.ScalingPeriodSeconds,
	}
}
