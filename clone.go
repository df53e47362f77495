package runwhere

import (
	"slices"
	"sync"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// clone returns s with its own copy of everything it points to, so that
// neither a report's inputs nor [Scenario.WithDefaults]'s result shares
// memory with the caller's scenario.
func (s Scenario) clone() Scenario {
	s.Platforms = slices.Clone(s.Platforms)
	w := &s.Workload
	w.RequestsPerSecond, w.RequestsPerMonth = clonePtr(w.RequestsPerSecond), clonePtr(w.RequestsPerMonth)
	w.PeakRequestsPerSecond, w.DurationMS = clonePtr(w.PeakRequestsPerSecond), clonePtr(w.DurationMS)
	w.MemoryMB, w.MaxDurationS, w.CPUFraction = clonePtr(w.MemoryMB), clonePtr(w.MaxDurationS), clonePtr(w.CPUFraction)
	w.CPUMS, w.RequestMemoryMB = clonePtr(w.CPUMS), clonePtr(w.RequestMemoryMB)
	w.PeakHourRequestsPerSecond = clonePtr(w.PeakHourRequestsPerSecond)
	w.Hourly = slices.Clone(w.Hourly)
	w.RunsPerMonth, w.RunMinutes, w.Parallelism = clonePtr(w.RunsPerMonth), clonePtr(w.RunMinutes), clonePtr(w.Parallelism)
	l := &s.Lambda
	l.FreeTier, l.EphemeralStorageMB = clonePtr(l.FreeTier), clonePtr(l.EphemeralStorageMB)
	l.ProvisionedConcurrency, l.CPUShareScaling = clonePtr(l.ProvisionedConcurrency), clonePtr(l.CPUShareScaling)
	l.ProvisionedSchedule = slices.Clone(l.ProvisionedSchedule)
	sv := &s.Servers
	sv.HourlyPrice, sv.Count, sv.TargetUtilization = clonePtr(sv.HourlyPrice), clonePtr(sv.Count), clonePtr(sv.TargetUtilization)
	sv.Zones, sv.Managers, sv.SurviveZoneLoss = clonePtr(sv.Zones), clonePtr(sv.Managers), clonePtr(sv.SurviveZoneLoss)
	sv.Autoscaling, sv.MinCount = clonePtr(sv.Autoscaling), clonePtr(sv.MinCount)
	sv.ScaleOutMinutes, sv.NodeStartMinutes = clonePtr(sv.ScaleOutMinutes), clonePtr(sv.NodeStartMinutes)
	sv.RootVolumeGB = clonePtr(sv.RootVolumeGB)
	s.Container.VCPU, s.Container.MemoryMB = clonePtr(s.Container.VCPU), clonePtr(s.Container.MemoryMB)
	s.Container.MaxInFlight = clonePtr(s.Container.MaxInFlight)
	s.HA.NodeAvailability, s.HA.ZoneAvailability = clonePtr(s.HA.NodeAvailability), clonePtr(s.HA.ZoneAvailability)
	s.EKS.ExtendedSupport = clonePtr(s.EKS.ExtendedSupport)
	s.Alternatives = clonePtr(s.Alternatives)
	if s.Discounts != nil {
		d := *s.Discounts
		d.EC2, d.Fargate, d.Lambda, d.Spot = clonePtr(d.EC2), clonePtr(d.Fargate), clonePtr(d.Lambda), clonePtr(d.Spot)
		s.Discounts = &d
	}
	if s.Ingress != nil {
		in := *s.Ingress
		in.ResponseKB, in.KeepAlive, in.Rules = clonePtr(in.ResponseKB), clonePtr(in.KeepAlive), clonePtr(in.Rules)
		s.Ingress = &in
	}
	if s.Network != nil {
		n := *s.Network
		n.EgressGBPerMonth = clonePtr(n.EgressGBPerMonth)
		n.InternetEgressGBPerMonth = clonePtr(n.InternetEgressGBPerMonth)
		s.Network = &n
	}
	if s.Current != nil {
		c := *s.Current
		c.TaskVCPU, c.TaskMemoryMB, c.MemoryMB, c.Count = clonePtr(c.TaskVCPU), clonePtr(c.TaskMemoryMB), clonePtr(c.MemoryMB), clonePtr(c.Count)
		c.CPUUtilization, c.PeakCPUUtilization = clonePtr(c.CPUUtilization), clonePtr(c.PeakCPUUtilization)
		c.MemoryUtilization, c.RequestsPerSecond = clonePtr(c.MemoryUtilization), clonePtr(c.RequestsPerSecond)
		s.Current = &c
	}
	if s.Weights != nil {
		wt := *s.Weights
		wt.Cost, wt.Headroom, wt.Resilience = clonePtr(wt.Cost), clonePtr(wt.Headroom), clonePtr(wt.Resilience)
		wt.Operations, wt.Portability = clonePtr(wt.Operations), clonePtr(wt.Portability)
		s.Weights = &wt
	}
	return s
}

// clonePtr returns a pointer to a copy of *p, or nil. Every type it is
// used with is a value (decimals included: their digits cannot be reached).
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// platform.EmbeddedCatalogue and cost.EmbeddedCatalogue hand every caller
// a deep copy, so that no caller can change what an evaluation reads.
// Evaluations read these instead: one copy per catalogue, made once,
// never handed out and never written, so that an evaluation copies no
// catalogue. Only catalogues that exist are kept, so the caches cannot grow
// with bad input.
var (
	platformCache sync.Map // snapshot id → platform.Catalogue
	priceCache    sync.Map // priceKey → *cost.Catalogue
)

type priceKey struct{ snapshot, region string }

func platformCatalogue(snapshot string) (platform.Catalogue, error) {
	if c, ok := platformCache.Load(snapshot); ok {
		return c.(platform.Catalogue), nil
	}
	c, err := platform.EmbeddedCatalogue(platform.SnapshotID(snapshot))
	if err != nil {
		return platform.Catalogue{}, err
	}
	kept, _ := platformCache.LoadOrStore(snapshot, c)
	return kept.(platform.Catalogue), nil
}

func priceCatalogue(snapshot, region string) (*cost.Catalogue, error) {
	k := priceKey{snapshot, region}
	if c, ok := priceCache.Load(k); ok {
		return c.(*cost.Catalogue), nil
	}
	c, err := cost.EmbeddedCatalogue(platform.SnapshotID(snapshot), region)
	if err != nil {
		return nil, err
	}
	kept, _ := priceCache.LoadOrStore(k, c)
	return kept.(*cost.Catalogue), nil
}

// haCatalogue is the embedded ha catalogue, parsed once; its methods only
// read it.
var haCatalogue = sync.OnceValues(ha.EmbeddedCatalogue)
