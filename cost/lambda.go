package cost

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// LambdaUsage describes one function's month. Zero fields mean: x86_64, no
// free tier, the free 512 MB of ephemeral storage, no provisioned concurrency,
// no earlier usage on the account.
//
// Every invocation is taken to last DurationMS, rounded up to the snapshot's
// granularity (1 ms now, 100 ms in 2017-12) before it is multiplied by the
// memory: rounding applies per invocation, never to a monthly total.
type LambdaUsage struct {
	Requests   decimal.Decimal // invocations in the month (a mean may be fractional)
	DurationMS decimal.Decimal // duration of one invocation before rounding
	MemoryMB   int             // configured memory
	Arch       Arch            // "" means x86_64

	// FreeTier credits the monthly free tier (1M requests and 400,000 GB-s)
	// to this bill. It is an explicit switch because published examples
	// differ, and because an account shares one free tier across all its
	// functions and both architectures: turn it off when other functions
	// already use it. AWS does not apply the free tier to a function with
	// provisioned concurrency, so it is ignored when
	// ProvisionedConcurrency > 0.
	FreeTier bool

	// EphemeralStorageMB is the configured /tmp size; 0 means the free 512 MB.
	// Storage above the free size is billed per GB-s of invocation time,
	// not multiplied by memory.
	EphemeralStorageMB int

	// ProvisionedConcurrency environments are kept warm for
	// ProvisionedHours (zero means the whole month, HoursPerMonth); the
	// enabled time is billed rounded up to 5 minutes. Invocations are
	// served by the provisioned environments first, at the cheaper
	// provisioned duration rate, up to their capacity (concurrency ×
	// enabled time ÷ billed duration, i.e. the load is assumed spread evenly
	// enough to keep them busy); the rest spill over to on-demand prices.
	ProvisionedConcurrency int
	ProvisionedHours       decimal.Decimal
	// ProvisionedSeconds, when not zero, is the enabled time in seconds
	// instead of ProvisionedHours (a schedule's 50 hours of every 168 is
	// 782,142.857… s a month, which no decimal number of hours holds).
	ProvisionedSeconds decimal.Decimal

	// Discount is the fraction taken off compute (a Compute Savings
	// Plan's rate, an agreement): on-demand and provisioned duration and
	// provisioned concurrency, not requests or ephemeral storage. 0 =
	// on-demand.
	Discount decimal.Decimal

	// PriorGBSeconds is on-demand duration the account has already used this
	// month on the same architecture and region (other functions): the
	// volume tiers start there. Tiers count billable GB-s, after the free
	// tier.
	PriorGBSeconds decimal.Decimal
}

// lambdaModel is a LambdaUsage checked against a catalogue, held as a
// [Tariff] over monthly requests. Lambda's pricing rules are written once:
// what is charged at which price in [lambdaModel.meter], how much of it a
// request uses in [lambdaModel.drive]. The bill, the total, the curve and
// the memory sweep all read the tariff they build.
type lambdaModel struct {
	tariff Tariff
	labels *archLabels

	freeReq     decimal.Decimal // requests the free tier covers
	freeGB      decimal.Decimal // GB-s the free tier covers
	reqPrice    decimal.Decimal
	tiers       []Tier
	prior       decimal.Decimal
	granularity decimal.Decimal
	discount    decimal.Decimal // off compute prices

	storage        bool
	storagePrice   decimal.Decimal
	storageExtraMB decimal.Decimal

	pc           bool
	pcN          decimal.Decimal // configured concurrency
	pcSecs       decimal.Decimal // enabled time
	pcBilledSecs decimal.Decimal // enabled time rounded up to the billing step
	pcPrice      decimal.Decimal
	pcDurPrice   decimal.Decimal
}

func newLambdaModel(c *Catalogue, u LambdaUsage) (*lambdaModel, error) {
	if c == nil || c.Lambda == nil {
		return nil, fieldErr("lambda", snapshotOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"lambda.requests", u.Requests}, namedDecimal{"lambda.duration_ms", u.DurationMS}, namedDecimal{"lambda.provisioned_hours", u.ProvisionedHours}, namedDecimal{"lambda.provisioned_seconds", u.ProvisionedSeconds}, namedDecimal{"lambda.prior_gb_seconds", u.PriorGBSeconds}, namedDecimal{"lambda.discount", u.Discount}); err != nil {
		return nil, err
	}
	if u.Discount.IsNegative() || !u.Discount.LessThan(dOne) {
		return nil, fieldErr("lambda.discount", u.Discount.String(), "is not a fraction in [0, 1)")
	}
	lp := c.Lambda
	arch := u.Arch.orDefault()
	m := &lambdaModel{reqPrice: lp.Request.Value, granularity: lp.GranularityMS.Value, discount: u.Discount}
	if u.DurationMS.IsNegative() {
		return nil, fieldErr("lambda.duration_ms", u.DurationMS.String(), "is negative")
	}
	if u.PriorGBSeconds.IsNegative() {
		return nil, fieldErr("lambda.prior_gb_seconds", u.PriorGBSeconds.String(), "is negative")
	}
	minMB, maxMB, stepMB := lp.MemoryMinMB.Value.IntPart(), lp.MemoryMaxMB.Value.IntPart(), lp.MemoryStepMB.Value.IntPart()
	if mb := int64(u.MemoryMB); mb < minMB || mb > maxMB {
		return nil, fieldErr("lambda.memory_mb", strconv.Itoa(u.MemoryMB),
			"is outside "+lp.MemoryMinMB.Value.String()+".."+lp.MemoryMaxMB.Value.String()+" MB in snapshot "+c.Snapshot.String())
	} else if (mb-minMB)%stepMB != 0 {
		return nil, fieldErr("lambda.memory_mb", strconv.Itoa(u.MemoryMB),
			"is not a multiple of "+lp.MemoryStepMB.Value.String()+" MB above "+lp.MemoryMinMB.Value.String()+" MB in snapshot "+c.Snapshot.String())
	}
	tiers, ok := lp.Duration[arch]
	if !ok {
		return nil, fieldErr("lambda.arch", string(arch), "is not offered in snapshot "+c.Snapshot.String())
	}
	m.labels = labelsFor(arch)
	m.tiers, m.prior = tiers, u.PriorGBSeconds

	if u.EphemeralStorageMB < 0 {
		return nil, fieldErr("lambda.ephemeral_storage_mb", strconv.Itoa(u.EphemeralStorageMB), "is negative")
	}
	if u.EphemeralStorageMB > 0 {
		if lp.EphemeralStorage == nil {
			return nil, fieldErr("lambda.ephemeral_storage_mb", strconv.Itoa(u.EphemeralStorageMB), "is not configurable in snapshot "+c.Snapshot.String())
		}
		st := decimal.NewFromInt(int64(u.EphemeralStorageMB))
		if st.LessThan(lp.EphemeralFreeMB.Value) || st.GreaterThan(lp.EphemeralMaxMB.Value) {
			return nil, fieldErr("lambda.ephemeral_storage_mb", strconv.Itoa(u.EphemeralStorageMB),
				"is outside "+lp.EphemeralFreeMB.Value.String()+".."+lp.EphemeralMaxMB.Value.String()+" MB")
		}
		if extra := st.Sub(lp.EphemeralFreeMB.Value); extra.IsPositive() {
			m.storage = true
			m.storagePrice = lp.EphemeralStorage.Value
			m.storageExtraMB = extra
		}
	}

	if u.ProvisionedConcurrency < 0 {
		return nil, fieldErr("lambda.provisioned_concurrency", strconv.Itoa(u.ProvisionedConcurrency), "is negative")
	}
	if u.ProvisionedHours.IsNegative() {
		return nil, fieldErr("lambda.provisioned_hours", u.ProvisionedHours.String(), "is negative")
	}
	if u.ProvisionedSeconds.IsNegative() {
		return nil, fieldErr("lambda.provisioned_seconds", u.ProvisionedSeconds.String(), "is negative")
	}
	if u.ProvisionedConcurrency > 0 {
		pp, ok := lp.Provisioned[arch]
		if !ok {
			return nil, fieldErr("lambda.provisioned_concurrency", strconv.Itoa(u.ProvisionedConcurrency),
				"is not offered for "+string(arch)+" in snapshot "+c.Snapshot.String())
		}
		hours := u.ProvisionedHours
		if hours.IsZero() {
			hours = dHoursPerMonth
		}
		secs := hours.Mul(d3600)
		if !u.ProvisionedSeconds.IsZero() {
			secs = u.ProvisionedSeconds
		}
		step := lp.ProvisionedRoundingMinutes.Value.Mul(decimal.NewFromInt(60))
		m.pc = true
		m.pcN, m.pcSecs, m.pcBilledSecs = decimal.NewFromInt(int64(u.ProvisionedConcurrency)), secs, ceilTo(secs, step)
		m.pcPrice, m.pcDurPrice = m.compute(pp.Concurrency.Value), m.compute(pp.Duration.Value)
	} else if u.FreeTier {
		m.freeReq, m.freeGB = lp.FreeRequests.Value, lp.FreeGBSeconds.Value
	}
	m.meter()
	m.drive(int64(u.MemoryMB), ceilTo(u.DurationMS, m.granularity))
	return m, nil
}

// Indexes of the terms of a Lambda tariff, in bill order. The provisioned
// and storage terms are there only when used; their indexes are then
// tPC, tPCDuration and the last term.
const (
	tRequests = iota
	tDuration
	tPC
	tPCDuration
)

// compute is a compute price after the model's discount.
func (m *lambdaModel) compute(price decimal.Decimal) decimal.Decimal {
	if m.discount.IsZero() {
		return price
	}
	return price.Mul(dOne.Sub(m.discount))
}

// meter builds the tariff's meters: what Lambda charges for, at which
// price, with which allowance. They do not depend on the memory size or
// the duration, which only move the drivers ([lambdaModel.drive]).
//
//   - Requests, per invocation; the free tier's requests are free.
//   - On-demand duration, per GB-s, in volume tiers counted from the
//     account's prior usage; the free tier's GB-s are free. AWS does not
//     apply the free tier to a function with provisioned concurrency.
//   - Provisioned concurrency, per configured GB-s of enabled time, and
//     provisioned duration, per GB-s of the invocations it serves.
//   - Ephemeral storage above the free size, per GB-s of invocation time.
func (m *lambdaModel) meter() {
	l := m.labels
	n := 2
	if m.pc {
		n += 2
	}
	if m.storage {
		n++
	}
	m.tariff = make(Tariff, 2, n)
	all := make([]Band, 1+len(m.tiers)) // one allocation for both meters' bands
	all[0] = Band{Item: l.requests, Price: m.reqPrice}
	m.tariff[tRequests].Meter = Meter{Unit: "request", Free: m.freeReq, Bands: all[:1:1]}
	bands := all[1:]
	ups := make([]decimal.Decimal, len(m.tiers)) // copies: a tariff shares nothing with the catalogue
	for i, t := range m.tiers {
		bands[i] = Band{Item: l.duration, Price: m.compute(t.Value)}
		if len(m.tiers) > 1 {
			bands[i].Item = l.tier(i)
		}
		if t.UpToGBSeconds != nil {
			ups[i] = *t.UpToGBSeconds
			bands[i].UpTo = &ups[i]
		}
	}
	m.tariff[tDuration].Meter = Meter{Unit: "GB-second", Bands: bands, Free: m.freeGB, Prior: m.prior, Compute: true}
	if m.pc {
		m.tariff = append(m.tariff,
			Term{Meter: Meter{Unit: "GB-second", Bands: []Band{{Item: l.pc, Price: m.pcPrice}}, Compute: true}},
			Term{Meter: Meter{Unit: "GB-second", Bands: []Band{{Item: l.pcDuration, Price: m.pcDurPrice}}, Compute: true}})
	}
	if m.storage {
		m.tariff = append(m.tariff, Term{Meter: Meter{Unit: "GB-second", Bands: []Band{{Item: l.storage, Price: m.storagePrice}}}})
	}
}

// drive sets how much of each meter a request uses at memMB of memory and
// billedMS of billed duration (already rounded up to the granularity: the
// rounding applies per invocation). It is also how a sweep re-targets a
// checked model at another memory size.
//
// Every invocation bills billedMS × memory GB-s. Provisioned environments
// serve the first invocations, up to their capacity (concurrency × enabled
// time ÷ billed duration); the rest spill over to on-demand duration.
// Extra ephemeral storage bills billedMS × its size, not × memory.
func (m *lambdaModel) drive(memMB int64, billedMS decimal.Decimal) {
	mem := decimal.NewFromInt(memMB)
	gbPerReq := billedMS.Mul(mem).Mul(dPerMBms)
	t := m.tariff
	t[tRequests].Per = dOne
	t[tDuration].Per = gbPerReq
	if m.pc {
		capacity := decimal.New(1, 30) // zero-length invocations: unbounded
		if !billedMS.IsZero() {
			capacity = trim(div(m.pcN.Mul(m.pcSecs).Mul(dThousand), billedMS))
		}
		t[tDuration].From = capacity
		t[tPC].Base = m.pcN.Mul(mem).Mul(dPerMiB).Mul(m.pcBilledSecs)
		t[tPCDuration].Per, t[tPCDuration].Until = gbPerReq, &capacity
	}
	if m.storage {
		t[len(t)-1].Per = billedMS.Mul(m.storageExtraMB).Mul(dPerMBms)
	}
}

// archLabels are the line items of one architecture, built once.
type archLabels struct {
	arch, requests, duration, pc, pcDuration, storage string
	tiers                                             []string
}

var (
	labelsX86   = newArchLabels(X86)
	labelsARM64 = newArchLabels(ARM64)
)

func newArchLabels(a Arch) *archLabels {
	s := string(a)
	l := &archLabels{
		arch:       s,
		requests:   "lambda requests (" + s + ")",
		duration:   "lambda duration (" + s + ")",
		pc:         "lambda provisioned concurrency (" + s + ")",
		pcDuration: "lambda provisioned duration (" + s + ")",
		storage:    "lambda ephemeral storage (" + s + ")",
	}
	for i := 1; i <= 8; i++ {
		l.tiers = append(l.tiers, "lambda duration ("+s+", tier "+strconv.Itoa(i)+")")
	}
	return l
}

func labelsFor(a Arch) *archLabels {
	if a == ARM64 {
		return labelsARM64
	}
	return labelsX86
}

func (l *archLabels) tier(i int) string {
	if i < len(l.tiers) {
		return l.tiers[i]
	}
	return "lambda duration (" + l.arch + ", tier " + strconv.Itoa(i+1) + ")"
}

func snapshotOf(c *Catalogue) string {
	if c == nil {
		return "nil catalogue"
	}
	return c.Snapshot.String()
}

// Lambda prices one function's month (see [LambdaUsage] for the rules). The
// bill has a request line, one duration line per volume tier touched, and
// lines for extra ephemeral storage and provisioned concurrency when used.
func Lambda(c *Catalogue, u LambdaUsage) (Bill, error) {
	m, err := newLambdaModel(c, u)
	if err != nil {
		return Bill{}, err
	}
	if u.Requests.IsNegative() {
		return Bill{}, fieldErr("lambda.requests", u.Requests.String(), "is negative")
	}
	return m.tariff.Bill(u.Requests), nil
}

// LambdaTariff is a function's month as a [Tariff] over monthly requests,
// every other field of u held fixed (u.Requests is ignored): its terms are
// requests, on-demand duration (free tier and volume tiers in its meter),
// and, when used, provisioned concurrency, provisioned duration and extra
// ephemeral storage, in bill order. Append a term to price something the
// requests drive as well (a gateway in front of the function).
func LambdaTariff(c *Catalogue, u LambdaUsage) (Tariff, error) {
	m, err := newLambdaModel(c, u)
	if err != nil {
		return nil, err
	}
	return m.tariff, nil
}
