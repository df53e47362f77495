package runwhere

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// The defaults of every field a scenario may leave out, in one place.
// They are assumptions, not published figures; [Scenario.WithDefaults]
// fills them in and every report echoes them.
const (
	// The values of alternatives_arch: search both architectures (the
	// default) or only the workload's.
	AlternativesAnyArch  = "any"
	AlternativesSameArch = "same"

	DefaultRegion = "us-east-1"
	// DefaultArch is the instruction set when workload.arch is left out.
	DefaultArch = "x86_64"
	// DefaultInstanceType is the worker instance for snapshots from 2018
	// on; DefaultInstanceType2017 for "2017-12", the deck's m4.large.
	DefaultInstanceType     = "m5.large"
	DefaultInstanceType2017 = "m4.large"
	// DefaultZones spreads workers and managers over three zones.
	DefaultZones = 3
	// DefaultManagers: three managers tolerate one failure, the smallest
	// size the Swarm, etcd and Nomad docs call fault tolerant.
	DefaultManagers = 3
	// DefaultEphemeralStorageMB is Lambda's free /tmp size.
	DefaultEphemeralStorageMB = 512
	// DefaultFreeTier is off: Lambda's free tier is per account, so a
	// function priced alone should not claim it unless the caller says so.
	DefaultFreeTier = false
	// DefaultNodeAvailability and DefaultZoneAvailability are the
	// assumptions of DESIGN.md's example scenario, not measured figures:
	// set your own.
	DefaultNodeAvailability = 0.995
	DefaultZoneAvailability = 0.9999

	// DefaultKind is a service: requests arrive all month.
	DefaultKind = KindService
	// DefaultProfile spreads the mean rate evenly over every hour, the
	// model of every scenario written before load shapes existed.
	DefaultProfile = ProfileFlat
	// DefaultAutoscaling is off: the peak's fleet runs all month, as a
	// fleet sized by hand does.
	DefaultAutoscaling = false
	// DefaultParallelism runs a job as one task.
	DefaultParallelism = 1
)

// The built-in load shapes ([Profiles]). They are assumptions written
// down, not measurements: each says what it assumes, and a scenario that
// knows its own traffic gives workload.hourly instead. Hours are UTC; a
// week starts Monday 00:00.
const (
	ProfileFlat          = "flat"
	ProfileBusinessHours = "business-hours"
	ProfileDiurnal       = "diurnal"
	ProfileDailySpike    = "daily-spike"
	ProfileWeeklySpike   = "weekly-spike"
)

// profiles defines each built-in shape. The spike shapes follow two of
// the usage patterns the AWS Pricing Calculator asks for EC2 (a baseline
// with a daily or a weekly peak); their baselines, peaks and hours, like
// the other shapes, are runwhere's assumptions, with no published source.
var profiles = []Profile{
	{Name: ProfileFlat, Label: "Flat", Help: "Every hour at the mean rate (the model of a fleet sized by hand).", Hourly: repeat(24, "1")},
	{Name: ProfileBusinessHours, Label: "Business hours",
		Help:   "An internal API busy 08:00–18:00 UTC on weekdays; nights and weekends keep 10 % of that load (health checks, batch, other time zones).",
		Hourly: week(func(day, hour int) string { return pick(day < 5 && hour >= 8 && hour < 18, "1", "0.1") })},
	{Name: ProfileDiurnal, Label: "Day and night",
		Help: "A consumer service's day: a sine wave from 20 % of the peak hour at 04:00 UTC to the peak hour at 16:00 UTC (0.6 − 0.4·cos(2π(h − 4)/24), to two places).",
		Hourly: decimals("0.40", "0.32", "0.25", "0.21", "0.20", "0.21", "0.25", "0.32", "0.40", "0.50", "0.60", "0.70",
			"0.80", "0.88", "0.95", "0.99", "1.00", "0.99", "0.95", "0.88", "0.80", "0.70", "0.60", "0.50")},
	{Name: ProfileDailySpike, Label: "Daily spike",
		Help:   "A baseline of 25 % of the peak, with a two-hour spike every day at 12:00–14:00 UTC (the Pricing Calculator's daily spike pattern).",
		Hourly: day(func(hour int) string { return pick(hour == 12 || hour == 13, "1", "0.25") })},
	{Name: ProfileWeeklySpike, Label: "Weekly spike",
		Help:   "A baseline of 25 % of the peak, with a twelve-hour spike every Monday 08:00–20:00 UTC (the Pricing Calculator's weekly spike pattern).",
		Hourly: week(func(day, hour int) string { return pick(day == 0 && hour >= 8 && hour < 20, "1", "0.25") })},
}

// DefaultScaleOutMinutes is how long a new node or task takes to serve:
// 5 minutes, the default instance warm-up of ECS managed scaling ("If
// this parameter is omitted, the default value of 300 seconds is used",
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html).
// DefaultNodeStartMinutes bills the same 5 minutes before each job run on
// a node launched for it.
func DefaultScaleOutMinutes() decimal.Decimal  { return defaultStartMinutes }
func DefaultNodeStartMinutes() decimal.Decimal { return defaultStartMinutes }

var defaultStartMinutes = decimal.NewFromInt(5)

// Bounds on inputs whose size drives the work an evaluation does.
const (
	MaxZones    = 26
	MaxManagers = 99
)

// DefaultContainerMemory is container.memory_mb when left out (raised to
// workload.memory_mb when that is larger).
const DefaultContainerMemory int64 = 1024

// The decimal defaults are functions, not variables: a variable could be
// reassigned by any caller under every later evaluation.

// DefaultTargetUtilization leaves 30 % CPU headroom on every replica: 0.7.
func DefaultTargetUtilization() decimal.Decimal { return defaultTargetUtilization }

// DefaultCPUFraction is the conservative CPU-bound assumption: 1.
func DefaultCPUFraction() decimal.Decimal { return defaultCPUFraction }

// DefaultContainerVCPU is container.vcpu when left out: 0.5.
func DefaultContainerVCPU() decimal.Decimal { return defaultContainerVCPU }

var (
	defaultTargetUtilization = decimal.RequireFromString("0.7")
	defaultCPUFraction       = decimal.NewFromInt(1)
	defaultContainerVCPU     = decimal.RequireFromString("0.5")
	// defaultWeights rank cost first; see [Weights].
	defaultWeights = struct{ cost, headroom, resilience, operations, portability decimal.Decimal }{
		cost:        decimal.RequireFromString("0.4"),
		headroom:    decimal.RequireFromString("0.2"),
		resilience:  decimal.RequireFromString("0.15"),
		operations:  decimal.RequireFromString("0.15"),
		portability: decimal.RequireFromString("0.1"),
	}
)

func ptr[T any](v T) *T { return &v }

// WithDefaults returns s with every field it leaves out set to its
// default, after checking it as [ParseScenario] does. Evaluate calls it;
// callers use it to see the assumptions before evaluating. The result
// shares no memory with s or with anything else: changing it changes
// nothing another evaluation reads.
func (s Scenario) WithDefaults() (_ Scenario, err error) {
	defer prefixError(&err)
	return s.withDefaults(embedded)
}

// withDefaults is WithDefaults against the catalogues of src.
func (s Scenario) withDefaults(src sources) (Scenario, error) {
	out, _, err := s.withCalibration(src)
	return out, err
}

// withCalibration is withDefaults, and what the scenario's current
// block measured (nil without one).
func (s Scenario) withCalibration(src sources) (Scenario, *Calibration, error) {
	if err := s.check(); err != nil {
		return Scenario{}, nil, err
	}
	out := s.clone()
	if out.Snapshot == "" {
		out.Snapshot = platform.Newest
	}
	cat, err := src.platforms(out.Snapshot)
	if err != nil {
		return Scenario{}, nil, &FieldError{Field: "snapshot", Value: out.Snapshot, Reason: fmt.Sprintf("is not an embedded snapshot (have %v)", platform.Snapshots())}
	}
	if out.Region == "" {
		out.Region = DefaultRegion
	}
	if out.Alternatives != nil && *out.Alternatives > 0 && out.AlternativesArch == "" {
		out.AlternativesArch = AlternativesAnyArch
	}
	prices, err := src.prices(out.Snapshot, out.Region)
	if err != nil {
		// The catalogue's own refusal names the regions there are.
		var fe *FieldError
		if errors.As(err, &fe) && fe.Field == "region" {
			return Scenario{}, nil, &FieldError{Field: "region", Value: out.Region, Reason: fe.Reason}
		}
		return Scenario{}, nil, &FieldError{Field: "region", Value: out.Region, Reason: "has no price catalogue: " + err.Error()}
	}
	if err := checkScenarioInstanceTypes(out, prices); err != nil {
		return Scenario{}, nil, err
	}
	if len(out.Platforms) == 0 {
		for _, p := range cat.Platforms {
			out.Platforms = append(out.Platforms, p.ID)
		}
	} else {
		for i, id := range out.Platforms {
			if _, ok := cat.Platform(id); !ok {
				return Scenario{}, nil, &FieldError{Field: fmt.Sprintf("platforms[%d]", i), Value: string(id), Reason: fmt.Sprintf("is not in snapshot %s%s", out.Snapshot, arrivedNote(id))}
			}
		}
	}
	w := out.Workload
	if w.Kind == "" {
		w.Kind = DefaultKind
	}
	if out.isJob() {
		if w.Parallelism == nil {
			w.Parallelism = ptr(int64(DefaultParallelism))
		}
		if out.Servers.NodeStartMinutes == nil {
			out.Servers.NodeStartMinutes = ptr(DefaultNodeStartMinutes())
		}
		if w.Arch == "" {
			w.Arch = DefaultArch
		}
		out.Workload = w
		out.withNetworkDefaults()
		out.withAddonDefaults()
		out, err := out.withServerDefaults()
		return out, nil, err
	}
	if w.Profile == "" && len(w.Hourly) == 0 {
		w.Profile = DefaultProfile
	}
	// Both rates are kept when both are given: check found that they agree,
	// and the month, the figure Lambda bills, is not recomputed from a
	// rounded rate.
	switch {
	case w.RequestsPerSecond == nil:
		w.RequestsPerSecond = ptr(w.RequestsPerMonth.DivRound(secondsPerMonth, rateScale))
	case w.RequestsPerMonth == nil:
		w.RequestsPerMonth = ptr(w.RequestsPerSecond.Mul(secondsPerMonth))
	}
	out.Workload = w
	instances, err := platform.EmbeddedInstances()
	if err != nil {
		return Scenario{}, nil, err
	}
	cal, err := out.calibrate(cat, instances)
	if err != nil {
		return Scenario{}, nil, err
	}
	w = out.Workload
	// A peak below the mean cannot happen: the peak follows the mean, and
	// the report says so (peakNote). Editing the mean first, as a person
	// does, must not make the scenario invalid. Under a load shape the
	// busiest hour's mean is the floor of the busiest hour; the busiest
	// hour is the floor of the instantaneous peak.
	if floor := w.busiestHour(); w.PeakHourRequestsPerSecond == nil || w.PeakHourRequestsPerSecond.LessThan(floor) {
		w.PeakHourRequestsPerSecond = ptr(floor)
	}
	if floor := *w.PeakHourRequestsPerSecond; w.PeakRequestsPerSecond == nil || w.PeakRequestsPerSecond.LessThan(floor) {
		w.PeakRequestsPerSecond = ptr(floor)
	}
	if w.Arch == "" {
		w.Arch = DefaultArch
	}
	if w.MaxDurationS == nil {
		w.MaxDurationS = ptr(w.DurationMS.Div(thousand))
	}
	// One CPU time, said both ways: cpu_ms wins when given (it need not
	// be a finite decimal fraction of the duration).
	// cpu_ms is filled only from itself or the calibration: the product
	// duration × fraction may carry more digits than an input may.
	switch {
	case w.CPUMS == nil && w.CPUFraction == nil:
		w.CPUFraction = ptr(DefaultCPUFraction())
	case w.CPUFraction == nil:
		w.CPUFraction = ptr(w.CPUMS.DivRound(*w.DurationMS, rateScale))
	}
	out.Workload = w
	out.withIngressDefaults()
	out.withNetworkDefaults()
	out.withAddonDefaults()
	if out.Servers.Autoscaling == nil {
		out.Servers.Autoscaling = ptr(DefaultAutoscaling)
	}
	out, err = out.withServerDefaults()
	return out, cal, err
}

// withServerDefaults fills in the defaults of the lambda, servers,
// container, ha and weights sections, once the workload's are in.
func (s Scenario) withServerDefaults() (Scenario, error) {
	out, w := s, s.Workload

	l := out.Lambda
	if l.FreeTier == nil {
		l.FreeTier = ptr(DefaultFreeTier)
	}
	if l.EphemeralStorageMB == nil {
		l.EphemeralStorageMB = ptr(int64(DefaultEphemeralStorageMB))
	}
	if l.ProvisionedConcurrency == nil {
		l.ProvisionedConcurrency = ptr(int64(0))
	}
	if l.CPUShareScaling == nil {
		l.CPUShareScaling = ptr(false)
	}
	out.Lambda = l

	sv := out.Servers
	if sv.InstanceType == "" {
		sv.InstanceType = DefaultInstanceType
		if platform.SnapshotID(out.Snapshot).Before("2018-01") {
			sv.InstanceType = DefaultInstanceType2017
		}
	}
	if sv.Count == nil {
		sv.Count = ptr(int64(0))
	}
	if sv.TargetUtilization == nil {
		sv.TargetUtilization = ptr(DefaultTargetUtilization())
	}
	if sv.Zones == nil {
		sv.Zones = ptr(int64(DefaultZones))
	}
	if sv.Managers == nil {
		sv.Managers = ptr(int64(DefaultManagers))
	}
	if sv.ECSNetworkMode == "" {
		sv.ECSNetworkMode = "awsvpc"
		if platform.SnapshotID(out.Snapshot).Before("2018-01") {
			// awsvpc reached the EC2 launch type in 2017-11; bridge was
			// still the default network mode of a task definition.
			sv.ECSNetworkMode = "bridge"
		}
	}
	if sv.SurviveZoneLoss == nil {
		sv.SurviveZoneLoss = ptr(false)
	}
	if sv.Autoscaling != nil && *sv.Autoscaling {
		if sv.MinCount == nil {
			sv.MinCount = ptr(*sv.Zones) // one node (or task) per zone
		}
		if sv.ScaleOutMinutes == nil {
			sv.ScaleOutMinutes = ptr(DefaultScaleOutMinutes())
		}
	}
	out.Servers = sv

	c := out.Container
	if c.VCPU == nil {
		c.VCPU = ptr(DefaultContainerVCPU())
	}
	if c.MemoryMB == nil {
		c.MemoryMB = ptr(max(DefaultContainerMemory, *w.MemoryMB))
	}
	out.Container = c

	if out.EKS.ExtendedSupport == nil {
		out.EKS.ExtendedSupport = ptr(false)
	}

	h := out.HA
	if h.NodeAvailability == nil {
		h.NodeAvailability = ptr(DefaultNodeAvailability)
	}
	if h.ZoneAvailability == nil {
		h.ZoneAvailability = ptr(DefaultZoneAvailability)
	}
	out.HA = h

	var wt Weights
	if out.Weights != nil {
		wt = *out.Weights
	}
	d := defaultWeights
	for _, f := range []struct {
		p **decimal.Decimal
		d decimal.Decimal
	}{{&wt.Cost, d.cost}, {&wt.Headroom, d.headroom}, {&wt.Resilience, d.resilience}, {&wt.Operations, d.operations}, {&wt.Portability, d.portability}} {
		if *f.p == nil {
			*f.p = ptr(f.d)
		}
	}
	out.Weights = &wt
	return out, nil
}

// busiestHour is the mean rate of the load shape's busiest hour: the
// mean itself when flat, else mean × max / mean(shape), rounded up at
// rateScale places (the peak must not fall below it).
func (w Workload) busiestHour() decimal.Decimal { return w.busiestHourOf(w.shape()) }

// busiestHourOf is busiestHour under shape sh. A fleet that follows the
// load sizes from the exact fraction instead when the peak is this
// rounded figure (engine.Inputs.PeakIsBusiestHour).
func (w Workload) busiestHourOf(sh engine.Shape) decimal.Decimal {
	num, den := sh.PeakToMean()
	if num.Equal(den) {
		return *w.RequestsPerSecond
	}
	prod := w.RequestsPerSecond.Mul(num)
	q := prod.DivRound(den, rateScale)
	if q.Mul(den).LessThan(prod) {
		q = q.Add(decimal.New(1, -rateScale))
	}
	return q
}

// rateScale is the decimal places kept when a monthly count becomes a
// per-second rate (the only division of an input).
const rateScale = 20

var (
	thousand        = decimal.NewFromInt(1000)
	secondsPerMonth = decimal.NewFromInt(platform.SecondsPerMonth)
)

// arrivedNote says when a platform missing from an older snapshot became
// available, where the newest catalogue records it: " (it arrived
// 2024-12)".
func arrivedNote(id platform.ID) string {
	newest, err := platformCatalogue(platform.Newest)
	if err != nil {
		return ""
	}
	if p, ok := newest.Platform(id); ok && p.Arrived != nil {
		return " (it arrived " + p.Arrived.Month + ")"
	}
	return ""
}
