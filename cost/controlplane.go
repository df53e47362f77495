package cost

import (
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// EKSSupport is an EKS Kubernetes version support tier. The zero value means
// [EKSStandard].
type EKSSupport string

// EKS support tiers.
const (
	EKSStandard EKSSupport = "standard"
	EKSExtended EKSSupport = "extended"
)

// ControlPlane describes the control plane of one container platform.
type ControlPlane struct {
	// Platform is the platform whose control plane is priced.
	Platform platform.ID
	// Clusters (EKS, ECS) — zero means one.
	Clusters int
	// Hours each cluster runs; zero means the whole month (HoursPerMonth).
	Hours decimal.Decimal
	// Support is the EKS version support tier.
	Support EKSSupport
	// Fee names the catalogue's cluster-hour fee ([Catalogue.Fee]) of a
	// control plane the provider runs: the platform entry's
	// control_plane.fee. Empty means the platform as runwhere ships it.
	Fee string
	// RunBy is who runs the control plane (the platform entry's
	// control_plane.run_by): the user's manager instances are priced as
	// EC2, the provider's fee comes from the price catalogue. Empty means
	// the platform as runwhere ships it.
	RunBy platform.Operator
	// Managers are the manager / server nodes of a self-managed platform
	// (kubernetes, swarm, nomad), priced as EC2 instances. Their Item
	// defaults to "<platform> managers (<type>)".
	Managers EC2Usage
}

// ControlPlaneBill prices a control plane: the EKS cluster-hour fee
// (standard or extended support), nothing for ECS (a zero line, so the
// bill still says so), or the EC2 cost of a self-managed platform's
// manager nodes.
func ControlPlaneBill(c *Catalogue, cp ControlPlane) (Bill, error) {
	if c == nil {
		return Bill{}, fieldErr("catalogue", "nil", "is missing")
	}
	clusters := cp.Clusters
	if clusters < 0 {
		return Bill{}, fieldErr("control_plane.clusters", strconv.Itoa(clusters), "is negative")
	}
	if clusters == 0 {
		clusters = 1
	}
	if cp.Hours.IsNegative() {
		return Bill{}, fieldErr("control_plane.hours", cp.Hours.String(), "is negative")
	}
	hours := cp.Hours
	if hours.IsZero() {
		hours = dHoursPerMonth
	}
	qty := hours.Mul(decimal.NewFromInt(int64(clusters)))
	runBy := cp.RunBy
	if runBy == "" {
		// The platform as runwhere ships it decides who runs its control
		// plane; a caller's own platform says so in RunBy.
		newest, err := platform.EmbeddedCatalogue(platform.Newest)
		if err != nil {
			return Bill{}, err
		}
		p, ok := newest.Platform(cp.Platform)
		if !ok {
			return Bill{}, fieldErr("control_plane.platform", cp.Platform.String(), fmt.Sprintf("is not a platform runwhere ships %v: set control_plane.run_by", platform.IDs()))
		}
		runBy = p.ControlPlane.RunBy
	}
	switch runBy {
	case platform.User:
		m := cp.Managers
		if m.Count <= 0 {
			return Bill{}, fieldErr("control_plane.managers.count", strconv.Itoa(m.Count), "is not positive")
		}
		if m.Item == "" {
			m.Item = cp.Platform.String() + " managers (" + m.InstanceType + ")"
		}
		if m.Hours.IsZero() {
			m.Hours = cp.Hours
		}
		return EC2(c, m)
	case platform.AWS:
		return c.controlPlaneFee(cp, qty)
	default:
		return Bill{}, fieldErr("control_plane.run_by", string(runBy), "is not user or aws")
	}
}

// controlPlaneFee prices a control plane the provider runs: the
// cluster-hour fee the platform's entry names (control_plane.fee: "eks",
// "ecs"), in the support tier asked for. A provider-run platform whose
// entry names no fee has no cluster to pay for (Lambda). A fee the
// catalogue does not price is an error naming it, which the caller
// reports as a missing figure rather than pricing the control plane at
// zero.
func (c *Catalogue) controlPlaneFee(cp ControlPlane, qty decimal.Decimal) (Bill, error) {
	name := cp.Fee
	if name == "" {
		newest, err := platform.EmbeddedCatalogue(platform.Newest)
		if err != nil {
			return Bill{}, err
		}
		p, ok := newest.Platform(cp.Platform)
		if !ok {
			return Bill{}, fieldErr("control_plane.platform", cp.Platform.String(), fmt.Sprintf("is not a platform runwhere ships %v: set control_plane.fee", platform.IDs()))
		}
		if name = p.ControlPlane.Fee; name == "" {
			return Bill{}, nil
		}
	}
	f, err := c.Fee(name)
	if err != nil {
		return Bill{}, fieldErr("control_plane.platform", cp.Platform.String(), "has no sourced control-plane price in snapshot "+c.Snapshot.String())
	}
	if f.Per != PerClusterHour {
		return Bill{}, fieldErr("control_plane.fee", name, "is not charged per cluster-hour")
	}
	item := name + " control plane"
	if f.Extended == nil { // one price, whatever the support tier
		return Bill{Lines: []Line{line(item, "cluster-hour", qty, f.Price.Value)}}, nil
	}
	switch cp.Support {
	case "", EKSStandard:
		return Bill{Lines: []Line{line(item+" (standard support)", "cluster-hour", qty, f.Price.Value)}}, nil
	case EKSExtended:
		return Bill{Lines: []Line{line(item+" (extended support)", "cluster-hour", qty, f.Extended.Value)}}, nil
	}
	return Bill{}, fieldErr("control_plane.support", string(cp.Support), "is not an EKS support tier (standard, extended)")
}
