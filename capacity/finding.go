package capacity

import (
	"fmt"

	"github.com/runwhere/runwhere/platform"
)

// Code names a finding. Codes are stable: reports and tests match on them.
type Code string

// Finding codes. DESIGN.md fixes max-duration, max-memory, max-nodes,
// max-containers, max-services, max-concurrency and unknown-instance-type;
// the others follow the same pattern.
const (
	MaxDuration         Code = "max-duration"
	MinMemory           Code = "min-memory"
	MaxMemory           Code = "max-memory"
	MemoryStep          Code = "memory-step"
	MaxPayload          Code = "max-payload"
	MaxPackageSize      Code = "max-package-size"
	MaxEphemeralStorage Code = "max-ephemeral-storage"
	MaxConcurrency      Code = "max-concurrency"
	MaxNodes            Code = "max-nodes"
	MaxPodsPerNode      Code = "max-pods-per-node"
	MaxPods             Code = "max-pods"
	MaxContainers       Code = "max-containers"
	MaxServices         Code = "max-services"
	MaxTasksPerService  Code = "max-tasks-per-service"
	MaxTasksPerRegion   Code = "max-tasks-per-region"
	MaxVCPUPerRegion    Code = "max-vcpu-per-region"
	MaxTaskSize         Code = "max-task-size"
	FleetTooSmall       Code = "fleet-too-small"
	MultipleClusters    Code = "multiple-clusters"
	UnknownInstanceType Code = "unknown-instance-type"
)

// Severity says whether a finding makes a platform infeasible.
type Severity string

const (
	// Blocker: a hard limit is exceeded; the platform cannot run the workload.
	Blocker Severity = "blocker"
	// Warning: an adjustable quota or a tested envelope is exceeded, or the
	// configuration needs attention; the workload can still run.
	Warning Severity = "warning"
)

// Finding is one limit a workload reaches. Limit and Value are decimal
// strings in the limit's unit; Source is where the limit is published.
// Findings marshal to DESIGN.md's shape
// {"code","message","limit","value","source","severity","enforcement"}.
type Finding struct {
	Code        Code                 `json:"code"`
	Message     string               `json:"message"`
	Limit       string               `json:"limit,omitempty"`
	Value       string               `json:"value,omitempty"`
	Unit        string               `json:"unit,omitempty"`
	Source      platform.URL         `json:"source,omitempty"`
	Severity    Severity             `json:"severity"`
	Enforcement platform.Enforcement `json:"enforcement,omitempty"`
}

// severityOf maps how a limit binds to what exceeding it means: a hard limit
// blocks, a quota or an envelope warns.
func severityOf(e platform.Enforcement) Severity {
	if e == platform.Hard {
		return Blocker
	}
	return Warning
}

// over reports a finding when value exceeds l; a nil l (no published limit)
// never does.
func over(code Code, what string, l *platform.Limit, value int64) (Finding, bool) {
	if l == nil || value <= l.Value {
		return Finding{}, false
	}
	if l.Enforcement == platform.Quota {
		return limitFinding(code, fmt.Sprintf("%s %d %s exceeds the adjustable quota of %d %s: %s",
			what, value, l.Unit, l.Value, l.Unit, raise(l, value)), l, value), true
	}
	return limitFinding(code, fmt.Sprintf("%s %d %s exceeds the %s limit of %d %s",
		what, value, l.Unit, l.Enforcement, l.Value, l.Unit), l, value), true
}

// raise says how to lift quota l to value: a quota is a default that AWS
// raises on request, so the finding names what to ask for rather than
// declare the platform unable to run the load.
func raise(l *platform.Limit, value int64) string {
	if l.QuotaName == "" {
		return fmt.Sprintf("request an increase to at least %d %s from AWS", value, l.Unit)
	}
	s := fmt.Sprintf("request an increase of %q", l.QuotaName)
	if l.QuotaCode != "" {
		s += " (" + l.QuotaCode + ")"
	}
	return s + fmt.Sprintf(" to at least %d %s in the Service Quotas console", value, l.Unit)
}

// Over is the finding of value past limit l, and whether there is one:
// the form every limit a workload reaches takes, for a family's model
// outside this package.
func Over(code Code, what string, l *platform.Limit, value int64) (Finding, bool) {
	return over(code, what, l, value)
}

// under reports a finding when value is below l.
func under(code Code, what string, l *platform.Limit, value int64) (Finding, bool) {
	if l == nil || value >= l.Value {
		return Finding{}, false
	}
	return limitFinding(code, fmt.Sprintf("%s %d %s is below the minimum of %d %s",
		what, value, l.Unit, l.Value, l.Unit), l, value), true
}

func limitFinding(code Code, msg string, l *platform.Limit, value int64) Finding {
	return Finding{
		Code:        code,
		Message:     msg,
		Limit:       fmt.Sprint(l.Value),
		Value:       fmt.Sprint(value),
		Unit:        l.Unit,
		Source:      l.URL,
		Severity:    severityOf(l.Enforcement),
		Enforcement: l.Enforcement,
	}
}

// Findings is a list of findings with helpers to split them.
type Findings []Finding

// Blockers returns the findings that make the platform infeasible.
func (fs Findings) Blockers() Findings { return fs.with(Blocker) }

// Warnings returns the findings that do not.
func (fs Findings) Warnings() Findings { return fs.with(Warning) }

// Has reports whether a finding with code c is present.
func (fs Findings) Has(c Code) bool {
	for _, f := range fs {
		if f.Code == c {
			return true
		}
	}
	return false
}

func (fs Findings) with(s Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}
