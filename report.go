package runwhere

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// PlatformID names a platform ("lambda", "eks", …); it is
// [platform.ID], aliased so that callers of this package need not import
// the platform package to name one.
type PlatformID = platform.ID

// Report is the answer to a [Scenario]: for every platform, whether it can
// run the workload, what it costs a month and why, what it needs, and what
// happens when machines fail; then the break-even points and a
// recommendation. Its JSON names are the stable contract of DESIGN.md;
// money and exact quantities are decimal strings.
type Report struct {
	Scenario string `json:"scenario"`
	Snapshot string `json:"snapshot"`
	Region   string `json:"region"`
	Currency string `json:"currency"`
	// Inputs is the scenario as evaluated, every default filled in.
	Inputs         Scenario         `json:"inputs"`
	Platforms      []PlatformReport `json:"platforms"`
	BreakEven      []BreakEven      `json:"break_even"`
	Recommendation Recommendation   `json:"recommendation"`
	// Comparison is the limits and deployment features of the scenario's
	// platforms in its snapshot, the 2017 deck's tables with sources.
	Comparison Comparison `json:"comparison"`
	// Calibration is what the scenario's current block measured, and
	// Baseline today's bill, priced as the platforms are; both nil
	// without a current block.
	Calibration *Calibration `json:"calibration,omitempty"`
	Baseline    *Baseline    `json:"baseline,omitempty"`
	// Assumptions are every input the answer rests on that the scenario
	// did not give, and what the answer would be at a plausible
	// alternative of those that move money.
	Assumptions []Assumption `json:"assumptions"`
}

// PlatformReport is one platform's column of a [Report].
type PlatformReport struct {
	Platform platform.ID `json:"platform"`
	Name     string      `json:"name"`
	Feasible bool        `json:"feasible"`
	// Blockers are hard limits the workload breaks (the platform cannot
	// run it); Warnings are quotas and envelopes it reaches.
	Blockers []capacity.Finding `json:"blockers"`
	Warnings []capacity.Finding `json:"warnings"`
	// MonthlyCost is exact; MonthlyCostRounded is the bill as AWS presents
	// it: each line rounded to the cent, half up, then summed.
	MonthlyCost        decimal.Decimal `json:"monthly_cost"`
	MonthlyCostRounded decimal.Decimal `json:"monthly_cost_rounded"`
	// MonthlyCostTotalRounded is the exact total rounded once to the
	// cent, half up, as infracost and most calculators give it; it can
	// differ from MonthlyCostRounded by a cent or two.
	MonthlyCostTotalRounded decimal.Decimal `json:"monthly_cost_total_rounded"`
	CostLines               []CostLine      `json:"cost_lines"`
	Capacity                Capacity        `json:"capacity"`
	HA                      ha.Summary      `json:"ha"`
	// Alternatives are cheaper configurations of the platform for the
	// same workload, cheapest first, when the scenario asks for them
	// (Scenario.Alternatives); AlternativesSearched is how many
	// configurations were priced to find them: searched with none found
	// means the scenario's own choice is the cheapest.
	Alternatives         []Alternative `json:"alternatives,omitempty"`
	AlternativesSearched int           `json:"alternatives_searched,omitempty"`
	// VsCurrent is the platform's month against today's (Report.Baseline),
	// for a feasible platform of a scenario with a current block.
	VsCurrent *VsCurrent `json:"vs_current,omitempty"`
}

// Alternative is one cheaper configuration of a platform: the instance
// type (nodes platforms), the task size (ECS on Fargate) or the memory
// (Lambda), with the architecture, what the month would cost on it and
// what that saves against the scenario's choice.
type Alternative struct {
	InstanceType string           `json:"instance_type,omitempty"`
	TaskVCPU     *decimal.Decimal `json:"task_vcpu,omitempty"`
	TaskMemoryMB int              `json:"task_memory_mb,omitempty"`
	MemoryMB     int              `json:"memory_mb,omitempty"`
	Arch         string           `json:"arch"`
	// MonthlyCost is exact; MonthlyCostRounded is its bill rounded as AWS
	// rounds (each line to the cent, then summed).
	MonthlyCost        decimal.Decimal `json:"monthly_cost"`
	MonthlyCostRounded decimal.Decimal `json:"monthly_cost_rounded"`
	// Saving is the scenario's exact monthly cost minus this one;
	// SavingPercent is it as a share of the scenario's, in percent,
	// rounded half up to one decimal place.
	Saving        decimal.Decimal `json:"saving"`
	SavingPercent decimal.Decimal `json:"saving_percent"`
}

// Config names the configuration in words: "c6g.medium (arm64)",
// "0.5 vCPU / 1024 MB on arm64", "512 MB on arm64".
func (a Alternative) Config() string {
	switch {
	case a.InstanceType != "":
		return a.InstanceType + " (" + a.Arch + ")"
	case a.TaskVCPU != nil:
		return fmt.Sprintf("%s vCPU / %d MB on %s", a.TaskVCPU, a.TaskMemoryMB, a.Arch)
	}
	return fmt.Sprintf("%d MB on %s", a.MemoryMB, a.Arch)
}

// CostLine is one item of a monthly bill.
type CostLine struct {
	Item          string          `json:"item"`
	Quantity      decimal.Decimal `json:"quantity"`
	Unit          string          `json:"unit"`
	UnitPrice     decimal.Decimal `json:"unit_price"`
	Amount        decimal.Decimal `json:"amount"`
	AmountRounded decimal.Decimal `json:"amount_rounded"`
	// Note says how the unit price was worked out when no source states
	// it (2017's Fargate prices, derived from AWS's 2019 cut); reports
	// show it under the bill.
	Note string `json:"note,omitempty"`
	// Shared marks a line every platform's bill carries alike (data out
	// to the internet): the report shows it once, beside the platforms.
	Shared bool `json:"shared,omitempty"`
}

// Capacity is what the workload needs on one platform. Fields that do not
// apply are omitted.
type Capacity struct {
	// DurationMS is the mean duration Lambda bills before rounding (the
	// workload's, or stretched by lambda.cpu_share_scaling).
	DurationMS *decimal.Decimal `json:"duration_ms,omitempty"`
	// Lambda: concurrent executions, mean and at the peak (Little's law).
	Concurrency     *decimal.Decimal `json:"concurrency,omitempty"`
	PeakConcurrency *decimal.Decimal `json:"peak_concurrency,omitempty"`
	// RampSeconds is how long Lambda takes to scale from cold to the peak.
	RampSeconds *decimal.Decimal `json:"ramp_seconds,omitempty"`
	// Nodes are the worker instances (EC2-backed platforms); Managers the
	// self-managed control-plane instances priced beside them.
	Nodes        int    `json:"nodes,omitempty"`
	InstanceType string `json:"instance_type,omitempty"`
	Managers     int    `json:"managers,omitempty"`
	// Replicas (or Fargate tasks) needed for the peak.
	Replicas int `json:"replicas,omitempty"`
	// RequestsPerReplica is how many requests per second one replica
	// serves at the target utilisation.
	RequestsPerReplica *decimal.Decimal `json:"requests_per_replica,omitempty"`
	// BoundBy names the bound that set RequestsPerReplica: "cpu" (vCPU ×
	// target utilisation over a request's CPU time), "in_flight"
	// (container.max_in_flight) or "memory" (container.memory_mb over
	// workload.request_memory_mb).
	BoundBy      string           `json:"bound_by,omitempty"`
	TaskVCPU     *decimal.Decimal `json:"task_vcpu,omitempty"`
	TaskMemoryMB int              `json:"task_memory_mb,omitempty"`
	// ReplicasPerNode is how many replicas one node holds after the
	// platform's reservations.
	ReplicasPerNode int `json:"replicas_per_node,omitempty"`
	// NodeBoundBy is what limits ReplicasPerNode: cpu, memory, pods (a
	// Kubernetes node's max pods) or tasks (an ECS instance's awsvpc
	// tasks, one ENI each). NodeBoundNote, when the platform's reservation
	// or that pod or task limit leaves room for fewer replicas than the
	// instance type's vCPUs and memory alone would, says why in words (the
	// EKS AMI's kube-reserved, its ENI-based max pods).
	NodeBoundBy   string `json:"node_bound_by,omitempty"`
	NodeBoundNote string `json:"node_bound_note,omitempty"`
	// Clusters is how many clusters the workload needs (more than one when
	// it exceeds one cluster's limits).
	Clusters int `json:"clusters,omitempty"`
	// NodesForPeak is the nodes the peak needs with no zone redundancy;
	// Nodes may be more (zone balance, survive_zone_loss, a fixed count).
	NodesForPeak int `json:"nodes_for_peak,omitempty"`
	// FixedFleet is true when servers.count set Nodes rather than the load.
	FixedFleet bool `json:"fixed_fleet,omitempty"`
	// UnusedVCPU is the worker vCPU left idle after packing.
	UnusedVCPU *decimal.Decimal `json:"unused_vcpu,omitempty"`

	// A fleet that follows the load shape (servers.autoscaling), or a
	// job's: NodeHours (EC2-based platforms) or TaskHours (Fargate) are
	// what the month bills, so the workers' cost line is exactly them ×
	// the hourly price. NodesByHour is the fleet in each hour of the
	// shape (24 or 168 values: nodes, or tasks on Fargate), at its
	// largest within the hour; MinNodes and MaxNodes its range. Under
	// autoscaling, Nodes and Replicas are the busiest hour's.
	NodeHours   *decimal.Decimal `json:"node_hours,omitempty"`
	TaskHours   *decimal.Decimal `json:"task_hours,omitempty"`
	NodesByHour []int64          `json:"nodes_by_hour,omitempty"`
	MinNodes    *int64           `json:"min_nodes,omitempty"`
	MaxNodes    *int64           `json:"max_nodes,omitempty"`
	// JobFleet says how an EC2-based platform runs a job: "per-run"
	// (NodesPerRun nodes launched for each run) or "always-on" (those
	// nodes kept all month), whichever costs less.
	JobFleet    string `json:"job_fleet,omitempty"`
	NodesPerRun int    `json:"nodes_per_run,omitempty"`
	// Lambda under a load shape: the busiest hour's mean concurrency, and
	// how long Lambda takes to scale through the steepest rise from one
	// hour's peak to the next's (RampSeconds stays the ramp from cold).
	PeakHourConcurrency *decimal.Decimal `json:"peak_hour_concurrency,omitempty"`
	StepUpSeconds       *decimal.Decimal `json:"step_up_seconds,omitempty"`
}

// BreakEven is the load at which Lambda's monthly cost equals a
// server-based platform's. Rates are null with a Reason when the curves
// never cross in a sensible range.
type BreakEven struct {
	Serverless      platform.ID      `json:"serverless"`
	Server          platform.ID      `json:"server"`
	RequestsPerSec  *decimal.Decimal `json:"requests_per_second"`
	RequestsPerHour *decimal.Decimal `json:"requests_per_hour"`
	// RunsPerMonth is where a job's costs cross (workload.kind job); its
	// request rates are then null.
	RunsPerMonth *decimal.Decimal `json:"runs_per_month,omitempty"`
	// CheaperBelow names the platform that is cheaper below the crossing.
	CheaperBelow platform.ID `json:"cheaper_below,omitempty"`
	// Crossings counts every load at which the cheaper side changes; a
	// fleet that grows in steps can cross Lambda's line more than once.
	Crossings int    `json:"crossings,omitempty"`
	Reason    string `json:"reason,omitempty"`
}

// Recommendation ranks the feasible platforms and says why.
type Recommendation struct {
	Platform platform.ID `json:"platform"`
	Reasons  []string    `json:"reasons"`
	Ranking  []Ranked    `json:"ranking"`
}

// Ranked is one platform's place in the recommendation, with its score
// (0 to 1, higher is better) and the part each criterion contributed.
type Ranked struct {
	Platform platform.ID `json:"platform"`
	Score    float64     `json:"score"`
	Feasible bool        `json:"feasible"`
	Criteria Criteria    `json:"criteria"`
}

// Criteria are a platform's scores (0 to 1) on each recommendation
// criterion, before weighting.
type Criteria struct {
	Cost        float64 `json:"cost"`
	Headroom    float64 `json:"headroom"`
	Resilience  float64 `json:"resilience"`
	Operations  float64 `json:"operations"`
	Portability float64 `json:"portability"`
}

// MarshalJSON writes the rounded total with exactly two decimals ("18.30",
// "0.00"), as a bill shows it; the exact total keeps all its digits.
func (r PlatformReport) MarshalJSON() ([]byte, error) {
	type plain PlatformReport
	return json.Marshal(struct {
		plain
		MonthlyCostRounded      string `json:"monthly_cost_rounded"`
		MonthlyCostTotalRounded string `json:"monthly_cost_total_rounded"`
	}{plain(r), r.MonthlyCostRounded.StringFixed(2), r.MonthlyCostTotalRounded.StringFixed(2)})
}

// MarshalJSON writes the rounded amount with exactly two decimals.
func (l CostLine) MarshalJSON() ([]byte, error) {
	type plain CostLine
	return json.Marshal(struct {
		plain
		AmountRounded string `json:"amount_rounded"`
	}{plain(l), l.AmountRounded.StringFixed(2)})
}

// MissingFigure is the finding code for a figure the catalogues do not
// source (a price, an ENI count), so runwhere will not guess it.
const MissingFigure = engine.MissingFigure

// MultipleClusters is the finding code for a fleet split over clusters.
const MultipleClusters = capacity.MultipleClusters
