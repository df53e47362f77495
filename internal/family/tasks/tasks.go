// Package tasks is the model of the tasks family (platform Tasks: ECS
// and EKS on Fargate): one task per replica, spread over zones, at the
// smallest valid task size holding the container and what the platform
// adds to each pod; per-second vCPU and memory charges.
package tasks

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Model evaluates platforms that run each replica as a task on capacity
// the provider runs (ECS on Fargate): replicas spread over zones as for
// nodes, each at the smallest valid task size, billed per second of vCPU
// and memory, plus the control plane's fee where one is charged.
type Model struct{}

// The finding codes of the family's own rules.
const (
	// FargateSpotInterruption is Fargate Spot's caveat: a task can be
	// stopped at two minutes' notice.
	FargateSpotInterruption capacity.Code = "spot-interruption"
	// SpotUnavailable is discounts.spot on a platform that offers no
	// Fargate Spot (EKS on Fargate): its tasks are priced on demand.
	SpotUnavailable capacity.Code = "spot-unavailable"
	// NoTaskSize is a container that, with what the platform adds to
	// each pod, fits no Fargate size.
	NoTaskSize capacity.Code = "no-task-size"
	// ArchUnavailable is workload.arch on a platform that does not run
	// that architecture (arm64 on EKS on Fargate).
	ArchUnavailable capacity.Code = "arch-unavailable"
)

// Evaluate implements [engine.Family].
func (Model) Evaluate(p platform.Platform, cat engine.Catalogues, in engine.Inputs) (engine.Result, error) {
	sv := in.Servers
	sz, err := capacity.SizeFargate(p, in.Snapshot, in.Workload, in.Container, sv.TargetUtilization, sv.Zones, sv.SurviveZoneLoss)
	if err != nil {
		return engine.Result{}, err
	}
	r := engine.Result{
		Findings: append(sz.Findings, spotFindings(p, in)...),
		Capacity: engine.Capacity{
			Replicas:     int(sz.Tasks),
			TaskVCPU:     new(sz.Task.VCPU),
			TaskMemoryMB: int(sz.Task.MemoryMiB),
		},
		Topology: ha.Topology{Platform: p.ID, Snapshot: in.Snapshot, Zones: int(max(sv.Zones, 1))},
	}
	if len(sz.Findings.Blockers()) > 0 && sz.Task.VCPU.IsZero() {
		return r, nil // no task size holds the container
	}
	if over := engine.Param(p, ParamPodOverheadMB, dZero); over.IsPositive() && in.TaskSize == nil {
		// The platform adds its own components' memory to the pod before
		// it rounds up to a task size (EKS on Fargate's 256 MB).
		c := in.Container
		c.MemoryMB += over.Ceil().IntPart()
		size, ok, err := capacity.FargateTaskSize(c, in.Snapshot)
		if err != nil {
			return engine.Result{}, err
		}
		if !ok {
			r.Findings = append(r.Findings, capacity.Finding{
				Code:     NoTaskSize,
				Message:  fmt.Sprintf("no Fargate size holds the container's %d MB plus the %s MB %s adds to each pod", in.Container.MemoryMB, over, p.Name),
				Severity: capacity.Blocker,
			})
			return r, nil
		}
		sz.Task = size
		r.Capacity.TaskVCPU, r.Capacity.TaskMemoryMB = new(sz.Task.VCPU), int(sz.Task.MemoryMiB)
	}
	if in.Arch == string(platform.ARM64) && !Arm64Offered(p) {
		r.Findings = append(r.Findings, capacity.Finding{
			Code:     ArchUnavailable,
			Message:  "it runs no arm64 (Graviton) tasks: set workload.arch to x86_64",
			Value:    in.Arch,
			Severity: capacity.Blocker,
		})
		return r, nil
	}
	if in.TaskSize != nil {
		sz.Task = *in.TaskSize
		r.Capacity.TaskVCPU, r.Capacity.TaskMemoryMB = new(sz.Task.VCPU), int(sz.Task.MemoryMiB)
	}
	fp := cost.FargateLinuxX86
	if in.Arch == string(platform.ARM64) {
		fp = cost.FargateLinuxARM64
	}
	task := cost.FargateUsage{Platform: fp, Tasks: int(sz.Tasks), VCPU: sz.Task.VCPU, MemoryMB: int(sz.Task.MemoryMiB), Spot: in.Discounts.FargateSpot}
	if task.Addons, err = engine.TaskAddons(p, cat, in); err != nil {
		// An address with no sourced price in this snapshot.
		r.Findings = append(r.Findings, engine.MissingFigureFinding(err))
		return r, nil
	}
	// The cost models price compute at the discounted rate; the bill shows
	// on-demand lines and the discount apart (engine.Evaluate adds it).
	modelTask := task
	modelTask.Discount = in.Discounts.Fargate
	bill, err := cost.Fargate(cat.Prices, task)
	if err != nil {
		// No sourced task prices in this snapshot (2017-12).
		r.Findings = append(r.Findings, engine.MissingFigureFinding(err))
		return r, nil
	}
	cp, err := engine.ControlPlane(p, cat, in, cost.ControlPlane{Platform: p.ID, RunBy: p.ControlPlane.RunBy}, &r.Findings)
	if err != nil {
		return engine.Result{}, err
	}
	r.Bill = bill.Add(cp)
	if in.Job != nil {
		// A run's tasks, billed per second from start to stop, at least
		// the platform's minimum.
		j := in.Job
		task.Tasks, task.Seconds = int(j.Parallelism), j.RunSeconds
		modelRun := modelTask
		modelRun.Tasks, modelRun.Seconds = task.Tasks, task.Seconds
		perRun, err := cost.Fargate(cat.Prices, modelRun)
		if err != nil {
			return engine.Result{}, err
		}
		runs := decimal.NewFromInt(j.Runs)
		// The month's bill is priced in one go, exactly; the model's
		// step is one run's (rounded at DivScale places when its cost
		// has no finite decimal).
		task.Tasks = int(j.Parallelism * j.Runs)
		month, err := cost.Fargate(cat.Prices, task)
		if err != nil {
			return engine.Result{}, err
		}
		r.Bill = month.Add(cp)
		f := cost.Fleet{Fixed: cp.Total(), PerUnit: perRun.Total(), RequestsPerUnit: decimal.NewFromInt(j.Parallelism)}
		r.Fleet = &f
		// Task-hours: the run's billed seconds, in hours, for every task.
		secs := decimal.Max(j.RunSeconds.Ceil(), fargateMinimum(cat, fp))
		r.Capacity.RequestsPerReplica = nil // a job's tasks serve no requests
		r.Capacity.TaskHours = new(secs.Mul(decimal.NewFromInt(j.Parallelism)).Mul(runs).DivRound(d3600, cost.DivScale))
		return r, nil
	}
	rate := engine.PerReplica(in)
	r.Capacity.RequestsPerReplica = new(rate.Num.DivRound(rate.Den, 4))
	r.Capacity.BoundBy = rate.Bound
	if in.RankOnly && in.Autoscale == nil {
		return r, nil // the bill is the month; no cost model is asked for
	}
	taskMonthly, err := cost.FargateMonthly(cat.Prices, modelTask)
	if err != nil {
		return engine.Result{}, err
	}
	z := max(sv.Zones, 1)
	if in.Autoscale != nil {
		tariff, err := cost.FargateTariff(cat.Prices, task)
		if err != nil {
			return engine.Result{}, err
		}
		modelTariff, err := cost.FargateTariff(cat.Prices, modelTask)
		if err != nil {
			return engine.Result{}, err
		}
		fol := engine.FollowFleet(in, rate, cp.Total(), modelTariff.Total(d3600), sz.Spread, 1, in.Autoscale.MinCount)
		r.Bill = tariff.Bill(fol.UnitHours.Mul(d3600)).Add(cp)
		r.Fleet = &fol.Fleet
		c := &r.Capacity
		c.TaskHours, c.NodesByHour, c.MinNodes, c.MaxNodes = new(fol.UnitHours), fol.ByHour, new(fol.Min), new(fol.Max)
		return r, nil
	}
	var f cost.Fleet
	if sv.SurviveZoneLoss {
		f = engine.StepFleet(in, rate, cp.Total(), taskMonthly.Mul(decimal.NewFromInt(z)), z-1, 1)
	} else {
		f = engine.StepFleet(in, rate, cp.Total(), taskMonthly, 1, int(z))
	}
	r.Fleet = &f
	return r, nil
}

// fargateMinimum is the shortest run Fargate bills on platform fp.
func fargateMinimum(cat engine.Catalogues, fp cost.FargatePlatform) decimal.Decimal {
	f := cat.Prices.Fargate
	if f == nil {
		return dZero
	}
	r := f.LinuxX86
	if fp == cost.FargateLinuxARM64 {
		r = f.LinuxARM64
	}
	if r == nil {
		return dZero
	}
	return r.MinimumSeconds.Value
}

var (
	d3600 = decimal.NewFromInt(3600)
	dZero = decimal.Zero
	dOne  = decimal.NewFromInt(1)
)

// The params of a tasks platform's entry (platform.Platform.Params).
const (
	// ParamSpot: 1 when the platform offers Fargate Spot, 0 when not.
	ParamSpot = "fargate_spot"
	// ParamArm64: 1 when it runs arm64 tasks, 0 when not.
	ParamArm64 = "arm64"
	// ParamPodOverheadMB: MiB the platform adds to each task's memory
	// before it picks a size (EKS on Fargate's 256 for the kubelet,
	// kube-proxy and containerd).
	ParamPodOverheadMB = "pod_memory_overhead_mb"
)

// spotOffered reports whether p offers Fargate Spot: yes unless its
// entry says it does not.
func spotOffered(p platform.Platform) bool { return !engine.Param(p, ParamSpot, dOne).IsZero() }

// Arm64Offered reports whether p runs arm64 tasks: yes unless its entry
// says it does not.
func Arm64Offered(p platform.Platform) bool { return !engine.Param(p, ParamArm64, dOne).IsZero() }

// Surrounded implements [engine.Surrounded]: tasks stand behind the
// scenario's ALB and NAT gateways.
func (Model) Surrounded() {}

// spotFindings are what discounts.spot means on p: Spot's caveat where
// it is offered, and where not, that the discount does not apply.
func spotFindings(p platform.Platform, in engine.Inputs) capacity.Findings {
	if !in.Discounts.FargateSpot {
		return nil
	}
	if !spotOffered(p) {
		var src platform.URL
		if v, ok := p.Param(ParamSpot); ok {
			src = v.URL
		}
		return capacity.Findings{{
			Code:     SpotUnavailable,
			Message:  p.Name + " offers no Fargate Spot: discounts.spot does not apply, and its tasks are priced on demand",
			Source:   src,
			Severity: capacity.Warning,
		}}
	}
	return capacity.Findings{{
		Code:     FargateSpotInterruption,
		Message:  "Fargate Spot tasks can be stopped with a two-minute warning when AWS needs the capacity back: run enough of them, or mix in on-demand tasks, to serve through it",
		Source:   "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
		Severity: capacity.Warning,
	}}
}

// Fields implements [engine.Fielded]: a tasks platform reads the container it runs as tasks, how
// they spread and scale, and Fargate's discounts (Spot where offered).
func (Model) Fields(p platform.Platform) []string {
	out := []string{"container", "servers.zones", "servers.target_utilization", "servers.survive_zone_loss", "servers.autoscaling", "servers.min_count", "servers.scale_out_minutes", "discounts.fargate", "ingress.servers", "ingress.keep_alive", "ingress.rules", "ingress.response_kb", "network"}
	if spotOffered(p) {
		out = append(out, "discounts.spot")
	}
	return out
}

// Discount implements [engine.Discounted]: discounts.fargate, as Fargate Spot's fraction with
// discounts.spot on a platform that has Spot (fargate_spot).
func (Model) Discount(p platform.Platform, in engine.Inputs) (decimal.Decimal, string) {
	if in.Discounts.FargateSpot {
		if !spotOffered(p) {
			return dZero, ""
		}
		return in.Discounts.Fargate, "fargate spot discount"
	}
	return in.Discounts.Fargate, "fargate discount"
}
