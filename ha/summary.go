package ha

import (
	"errors"
	"slices"
	"strconv"
)

// Summary is the "ha" object of a runwhere report. Fields that do not apply
// are nil and omitted: a managed control plane has no managers, a platform
// without an SLA has no availability, a topology without a worker peak has no
// peak check.
type Summary struct {
	Managers                 *int  `json:"managers,omitempty"`
	Quorum                   *int  `json:"quorum,omitempty"`
	ManagerFailuresTolerated *int  `json:"manager_failures_tolerated,omitempty"`
	SurvivesZoneLoss         *bool `json:"survives_zone_loss,omitempty"`
	// ControlPlaneAvailability is A(N, p) under the zone model for a
	// self-managed control plane, or the published SLA for a managed one.
	ControlPlaneAvailability *float64 `json:"control_plane_availability,omitempty"`
	// ControlPlaneDowntimeMinutes is the expected (self-managed) or allowed
	// (SLA) control-plane downtime per 730-hour month.
	ControlPlaneDowntimeMinutes *float64 `json:"control_plane_downtime_minutes_per_month,omitempty"`
	// AvailabilitySource is the SLA's URL, or the binomial model's source.
	AvailabilitySource string `json:"control_plane_availability_source,omitempty"`
	SLA                *SLA   `json:"sla,omitempty"`
	// WorkerAvailability is the probability that WorkersNeeded workers are up.
	WorkerAvailability    *float64          `json:"worker_availability,omitempty"`
	WorkersAfterZoneLoss  *int              `json:"workers_after_zone_loss,omitempty"`
	PeakFitsAfterZoneLoss *bool             `json:"peak_fits_after_zone_loss,omitempty"`
	OnControlPlaneLoss    *ControlPlaneLoss `json:"on_control_plane_loss,omitempty"`
	Warnings              []Warning         `json:"warnings,omitempty"`
}

// ModelFrom builds a [Model] from the scenario's ha.node_availability and
// ha.zone_availability. Zero means "not given": a zero node availability
// yields the zero Model (no availability figures), a zero zone availability
// means zones do not fail.
func ModelFrom(nodeAvailability, zoneAvailability float64) (Model, error) {
	var m Model
	if nodeAvailability != 0 {
		p, err := NewProb(nodeAvailability)
		if err != nil {
			return Model{}, rename(err, "node_availability")
		}
		m.Node = p
	}
	if zoneAvailability != 0 {
		z, err := NewProb(zoneAvailability)
		if err != nil {
			return Model{}, rename(err, "zone_availability")
		}
		m.Zone = z
	}
	return m, nil
}

func rename(err error, field string) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fieldErr(field, fe.Value, "%s", fe.Reason)
	}
	return err
}

// Summarize computes the report's "ha" object for t under m with the
// embedded catalogue.
func Summarize(t Topology, m Model) (Summary, error) {
	c, err := loadDefault()
	if err != nil {
		return Summary{}, err
	}
	return c.Summarize(t, m)
}

// Summarize computes the report's "ha" object for t under m. A zero m.Node
// leaves the self-managed availability figures out.
//
// SurvivesZoneLoss is true when losing any one zone keeps the control plane
// (quorum, or for a managed one its documented zone behaviour) and, when
// workers are modelled, leaves at least one worker, or with WorkersNeeded
// enough for the peak. One zone never survives its own loss.
func (c *Catalogue) Summarize(t Topology, m Model) (Summary, error) {
	p, err := c.check(t)
	if err != nil {
		return Summary{}, err
	}
	var s Summary
	z := t.zones()
	// cpSurvives is nil when it cannot be told (managers not given).
	var cpSurvives *bool
	switch {
	case p.ControlPlane == Raft && t.Managers == 0:
		s.Warnings = append(s.Warnings, Warning{Code: WarnNoManagers,
			Message: t.Platform.String() + " runs its own control plane; give the number of managers for quorum, zone and availability figures"})
	case p.ControlPlane == Raft:
		q, err := NewQuorum(t.Managers)
		if err != nil {
			return Summary{}, err
		}
		s.Managers, s.Quorum, s.ManagerFailuresTolerated = &q.Members, &q.Majority, &q.Tolerated
		s.Warnings = append(s.Warnings, q.Warnings...)
		ok := z > 1 && t.Managers-slices.Max(perZone(t.Managers, z)) >= q.Majority
		cpSurvives = &ok
		if !ok {
			msg := "losing the zone with the most managers loses quorum; spread managers so no zone holds a majority (3→1-1-1, 5→2-2-1, 7→3-2-2)"
			if z == 1 {
				msg = "all managers are in one zone: losing it loses the control plane; spread them over three zones (3→1-1-1)"
			}
			s.Warnings = append(s.Warnings, Warning{Code: WarnZoneLoss, Message: msg, Source: srcSwarmAdmin})
		}
		if !m.Node.IsZero() {
			a, err := Compute(Tier{Members: t.Managers, Zones: min(z, t.Managers)}, m)
			if err != nil {
				return Summary{}, err
			}
			up, mins := a.Up, a.DowntimeMinutes()
			s.ControlPlaneAvailability, s.ControlPlaneDowntimeMinutes = &up, &mins
			s.AvailabilitySource = srcHowardAvail
		}
	default:
		zb, err := c.Behaviour(p.ID, ZoneLost)
		if err != nil {
			return Summary{}, err
		}
		ok := zb.Deployments.Value == Yes
		cpSurvives = &ok
		sla, err := c.ManagedSLA(p.ID, t.Snapshot)
		if err != nil {
			return Summary{}, err
		}
		s.SLA = &sla
		s.AvailabilitySource = string(sla.URL)
		if sla.None() {
			s.Warnings = append(s.Warnings, Warning{Code: WarnNoSLA, Message: sla.Note, Source: string(sla.URL)})
		} else {
			a := Availability{Up: sla.Availability.Up(), Down: sla.Availability.Down()}
			up, mins := a.Up, a.DowntimeMinutes()
			s.ControlPlaneAvailability, s.ControlPlaneDowntimeMinutes = &up, &mins
		}
	}
	survives := cpSurvives
	if t.Workers > 0 {
		left := t.Workers - slices.Max(perZone(t.Workers, z))
		s.WorkersAfterZoneLoss = &left
		if left == 0 {
			survives = ptrFalse()
		}
		if t.WorkersNeeded > 0 {
			fits := left >= t.WorkersNeeded
			s.PeakFitsAfterZoneLoss = &fits
			if !fits {
				survives = ptrFalse()
			}
			if !fits {
				s.Warnings = append(s.Warnings, Warning{Code: WarnPeakNotFit,
					Message: "after losing the zone with the most workers, " + strconv.Itoa(left) + " remain and the peak needs " + strconv.Itoa(t.WorkersNeeded)})
			}
			if !m.Node.IsZero() {
				a, err := Compute(Tier{Members: t.Workers, Need: t.WorkersNeeded, Zones: min(z, t.Workers)}, m)
				if err != nil {
					return Summary{}, err
				}
				s.WorkerAvailability = &a.Up
			}
		}
	}
	s.SurvivesZoneLoss = survives
	b, err := c.Behaviour(p.ID, ControlPlaneLost)
	if err != nil {
		return Summary{}, err
	}
	loss := b.ControlPlaneLoss()
	s.OnControlPlaneLoss = &loss
	return s, nil
}

func ptrFalse() *bool { b := false; return &b }
