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

// controlPlaneFee prices a control plane the provider runs: the hourly fee
// per cluster that the catalogue's section for the platform gives (eks:
// with its support tiers, ecs_control_plane: for both ECS launch types),
// nothing for Lambda, which has no cluster. A platform the catalogue has
// no section for is an error naming it, which the caller reports as a
// missing figure rather than pricing the control plane at zero.
func (c *Catalogue) controlPlaneFee(cp ControlPlane, qty decimal.Decimal) (Bill, error) {
	switch cp.Platform {
	case platform.EKS:
		if c.EKS == nil {
			return Bill{}, fieldErr("control_plane.platform", cp.Platform.String(), "is not priced in snapshot "+c.Snapshot.String())
		}
		switch cp.Support {
		case "", EKSStandard:
			return Bill{Lines: []Line{line("eks control plane (standard support)", "cluster-hour", qty, c.EKS.StandardClusterHour.Value)}}, nil
		case EKSExtended:
			return Bill{Lines: []Line{line("eks control plane (extended support)", "cluster-hour", qty, c.EKS.ExtendedClusterHour.Value)}}, nil
		default:
			return Bill{}, fieldErr("control_plane.support", string(cp.Support), "is not an EKS support tier (standard, extended)")
		}
	case platform.ECSEC2, platform.ECSFargate:
		if c.ECSControlPlane != nil {
			return Bill{Lines: []Line{line("ecs control plane", "cluster-hour", qty, c.ECSControlPlane.Value)}}, nil
		}
	case platform.Lambda:
		return Bill{}, nil
	}
	return Bill{}, fieldErr("control_plane.platform", cp.Platform.String(), "has no sourced control-plane price in snapshot "+c.Snapshot.String())
}
