package runwhere

import (
	"fmt"

	"github.com/runwhere/runwhere/capacity"
)

// The range of every number a scenario holds, as the schema documents it
// for a form and the README's "Limits on input" for a person. The checks
// themselves live beside each section's rules (check.go, job.go,
// around.go, discounts.go, shape.go); a test walks every numeric field of
// the schema at these bounds and just past them, so the table cannot
// drift from what the checks accept.
//
// Beyond its range, every decimal carries at most input.MaxDigits
// significant digits and an exponent within ±input.MaxExponent, and no
// value may make a quantity computed from it (requests a month, a run's
// seconds) carry more digits than that (see checkDerived).

// fieldBound is one field's range: min and max as decimal text, each
// excluded when its open flag is set.
type fieldBound struct {
	min, max         string
	minOpen, maxOpen bool
}

var (
	quantityMax = maxQuantity.String()
	// atLeast is [min, 1e9]; positive is (0, 1e9].
	atLeast  = func(min string) fieldBound { return fieldBound{min: min, max: quantityMax} }
	positive = fieldBound{min: "0", max: quantityMax, minOpen: true}
	fraction = fieldBound{min: "0", max: "1", maxOpen: true} // discounts: [0, 1)
	share    = fieldBound{min: "0", max: "1", minOpen: true} // (0, 1]
)

var fieldBounds = map[string]fieldBound{
	"alternatives": {min: "0", max: fmt.Sprint(MaxAlternatives)},

	"workload.requests_per_second":           atLeast("0"),
	"workload.requests_per_month":            {min: "0", max: maxQuantity.Mul(secondsPerMonth).String()},
	"workload.peak_requests_per_second":      atLeast("0"),
	"workload.duration_ms":                   positive,
	"workload.memory_mb":                     atLeast("1"),
	"workload.max_duration_s":                positive,
	"workload.cpu_fraction":                  share,
	"workload.cpu_ms":                        positive,
	"workload.peak_hour_requests_per_second": atLeast("0"),
	"workload.request_memory_mb":             atLeast("1"),
	"workload.hourly":                        atLeast("0"),
	"workload.runs_per_month":                atLeast("0"),
	"workload.run_minutes":                   {min: "0", max: fmt.Sprint(MaxRunMinutes), minOpen: true},
	"workload.parallelism":                   atLeast("1"),

	"lambda.ephemeral_storage_mb":    atLeast("1"),
	"lambda.provisioned_concurrency": atLeast("0"),
	"lambda.provisioned_schedule":    {min: "0", max: fmt.Sprint(HoursPerWeek - 1)},

	"servers.hourly_price":       atLeast("0"),
	"servers.count":              atLeast("0"),
	"servers.target_utilization": {min: minTargetUtilization.String(), max: "1"},
	"servers.zones":              {min: "1", max: fmt.Sprint(MaxZones)},
	"servers.managers":           {min: "1", max: fmt.Sprint(MaxManagers)},
	"servers.min_count":          atLeast("0"),
	"servers.root_volume_gb":     atLeast("0"),
	"servers.scale_out_minutes":  {min: "0", max: fmt.Sprint(MaxLeadMinutes)},
	"servers.node_start_minutes": {min: "0", max: fmt.Sprint(MaxLeadMinutes)},

	"container.vcpu":          atLeast(capacity.MinVCPU().String()),
	"container.memory_mb":     atLeast("1"),
	"container.max_in_flight": atLeast("1"),

	"current.task_vcpu":            positive,
	"current.task_memory_mb":       atLeast("1"),
	"current.memory_mb":            atLeast("1"),
	"current.count":                positive,
	"current.cpu_utilization":      share,
	"current.peak_cpu_utilization": share,
	"current.memory_utilization":   share,
	"current.requests_per_second":  positive,

	"ha.node_availability": share,
	"ha.zone_availability": share,

	"ingress.response_kb": {min: "0", max: fmt.Sprint(MaxResponseKB), minOpen: true},
	"ingress.rules":       atLeast("0"),

	"discounts.ec2":     fraction,
	"discounts.fargate": fraction,
	"discounts.lambda":  fraction,

	"network.egress_gb_per_month":          atLeast("0"),
	"network.internet_egress_gb_per_month": {min: "0", max: fmt.Sprint(MaxInternetEgressGB)},

	"weights.cost":        atLeast("0"),
	"weights.headroom":    atLeast("0"),
	"weights.resilience":  atLeast("0"),
	"weights.operations":  atLeast("0"),
	"weights.portability": atLeast("0"),
}

// isNumeric reports whether a schema field (or a list's items) holds
// numbers, which fieldBounds must bound.
func isNumeric(k FieldKind) bool {
	return k == KindDecimal || k == KindInteger || k == KindMoney || k == KindNumber
}
