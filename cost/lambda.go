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

	// PriorGBSeconds is on-demand duration the account has already used this
	// month on the same architecture and region (other functions): the
	// volume tiers start there. Tiers count billable GB-s, after the free
	// tier.
	PriorGBSeconds decimal.Decimal
}

// lambdaModel is a LambdaUsage checked against a catalogue, with everything
// that does not depend on the request count worked out, so that a bill or a
// curve over many request counts is cheap.
type lambdaModel struct {
	arch      Arch
	reqPrice  decimal.Decimal
	freeReq   decimal.Decimal // 0 when no free tier applies
	freeGB    decimal.Decimal
	free      bool
	billedMS  decimal.Decimal
	gbPerReq  decimal.Decimal // GB-s per invocation
	tiers     []Tier
	prior     decimal.Decimal
	multiTier bool

	storage       bool
	storagePrice  decimal.Decimal
	storagePerReq decimal.Decimal // GB-s of extra storage per invocation

	labels *archLabels

	storageExtraMB decimal.Decimal

	pc           bool
	pcN          decimal.Decimal // configured concurrency
	pcSecs       decimal.Decimal // enabled time
	pcBilledSecs decimal.Decimal // enabled time rounded up to the billing step
	pcGBs        decimal.Decimal // configured GB-s (rounded enabled time)
	pcPrice      decimal.Decimal
	pcDurPrice   decimal.Decimal
	pcCapacity   decimal.Decimal // invocations the provisioned environments can serve
}

func newLambdaModel(c *Catalogue, u LambdaUsage) (*lambdaModel, error) {
	if c == nil || c.Lambda == nil {
		return nil, fieldErr("lambda", snapshotOf(c), "is not priced in this catalogue")
	}
	if err := checkDecimals(namedDecimal{"lambda.requests", u.Requests}, namedDecimal{"lambda.duration_ms", u.DurationMS}, namedDecimal{"lambda.provisioned_hours", u.ProvisionedHours}, namedDecimal{"lambda.prior_gb_seconds", u.PriorGBSeconds}); err != nil {
		return nil, err
	}
	lp := c.Lambda
	m := &lambdaModel{arch: u.Arch.orDefault(), reqPrice: lp.Request.Value}
	if u.DurationMS.IsNegative() {
		return nil, fieldErr("lambda.duration_ms", u.DurationMS.String(), "is negative")
	}
	if u.PriorGBSeconds.IsNegative() {
		return nil, fieldErr("lambda.prior_gb_seconds", u.PriorGBSeconds.String(), "is negative")
	}
	minMB, maxMB, stepMB := lp.MemoryMinMB.Value.IntPart(), lp.MemoryMaxMB.Value.IntPart(), lp.MemoryStepMB.Value.IntPart()
	if mb := int64(u.MemoryMB); mb < minMB || mb > maxMB {
		return nil, fieldErr("lambda.memory_mb", strconv.Itoa(u.MemoryMB),
			"is outside "+lp.MemoryMinMB.Value.String()+".."+lp.MemoryMaxMB.Value.String()+" MB in snapshot "+c.Snapshot)
	} else if (mb-minMB)%stepMB != 0 {
		return nil, fieldErr("lambda.memory_mb", strconv.Itoa(u.MemoryMB),
			"is not a multiple of "+lp.MemoryStepMB.Value.String()+" MB above "+lp.MemoryMinMB.Value.String()+" MB in snapshot "+c.Snapshot)
	}
	tiers, ok := lp.Duration[m.arch]
	if !ok {
		return nil, fieldErr("lambda.arch", string(m.arch), "is not offered in snapshot "+c.Snapshot)
	}
	m.labels = labelsFor(m.arch)
	m.tiers, m.multiTier, m.prior = tiers, len(tiers) > 1, u.PriorGBSeconds
	m.billedMS = ceilTo(u.DurationMS, lp.GranularityMS.Value)
	mem := decimal.NewFromInt(int64(u.MemoryMB))
	m.gbPerReq = m.billedMS.Mul(mem).Mul(dPerMBms)

	if u.EphemeralStorageMB < 0 {
		return nil, fieldErr("lambda.ephemeral_storage_mb", strconv.Itoa(u.EphemeralStorageMB), "is negative")
	}
	if u.EphemeralStorageMB > 0 {
		if lp.EphemeralStorage == nil {
			return nil, fieldErr("lambda.ephemeral_storage_mb", strconv.Itoa(u.EphemeralStorageMB), "is not configurable in snapshot "+c.Snapshot)
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
			m.storagePerReq = m.billedMS.Mul(extra).Mul(dPerMBms)
		}
	}

	if u.ProvisionedConcurrency < 0 {
		return nil, fieldErr("lambda.provisioned_concurrency", strconv.Itoa(u.ProvisionedConcurrency), "is negative")
	}
	if u.ProvisionedHours.IsNegative() {
		return nil, fieldErr("lambda.provisioned_hours", u.ProvisionedHours.String(), "is negative")
	}
	if u.ProvisionedConcurrency > 0 {
		pp, ok := lp.Provisioned[m.arch]
		if !ok {
			return nil, fieldErr("lambda.provisioned_concurrency", strconv.Itoa(u.ProvisionedConcurrency),
				"is not offered for "+string(m.arch)+" in snapshot "+c.Snapshot)
		}
		hours := u.ProvisionedHours
		if hours.IsZero() {
			hours = dHoursPerMonth
		}
		secs := hours.Mul(d3600)
		step := lp.ProvisionedRoundingMinutes.Value.Mul(decimal.NewFromInt(60))
		billedSecs := ceilTo(secs, step)
		n := decimal.NewFromInt(int64(u.ProvisionedConcurrency))
		m.pc = true
		m.pcN, m.pcSecs, m.pcBilledSecs = n, secs, billedSecs
		m.pcPrice, m.pcDurPrice = pp.Concurrency.Value, pp.Duration.Value
		m.resizePC(mem)
	} else if u.FreeTier {
		m.free = true
		m.freeReq, m.freeGB = lp.FreeRequests.Value, lp.FreeGBSeconds.Value
	}
	return m, nil
}

// resizePC works out the provisioned quantities that depend on memory and
// the billed duration.
func (m *lambdaModel) resizePC(mem decimal.Decimal) {
	m.pcGBs = m.pcN.Mul(mem).Mul(dPerMiB).Mul(m.pcBilledSecs)
	if m.billedMS.IsZero() {
		m.pcCapacity = decimal.New(1, 30) // zero-length invocations: unbounded
	} else {
		m.pcCapacity = trim(div(m.pcN.Mul(m.pcSecs).Mul(dThousand), m.billedMS))
	}
}

// resize re-targets a checked model at another memory size and billed
// duration (both already valid), for sweeps.
func (m *lambdaModel) resize(memMB int64, billedMS decimal.Decimal) {
	mem := decimal.NewFromInt(memMB)
	m.billedMS = billedMS
	m.gbPerReq = billedMS.Mul(mem).Mul(dPerMBms)
	if m.storage {
		m.storagePerReq = billedMS.Mul(m.storageExtraMB).Mul(dPerMBms)
	}
	if m.pc {
		m.resizePC(mem)
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
	return c.Snapshot
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
	return m.bill(u.Requests), nil
}

// split returns requests served by provisioned environments and on demand.
func (m *lambdaModel) split(r decimal.Decimal) (pcReq, odReq decimal.Decimal) {
	if !m.pc {
		return dZero, r
	}
	pcReq = minDec(r, m.pcCapacity)
	return pcReq, r.Sub(pcReq)
}

// bill builds the bill for r requests.
func (m *lambdaModel) bill(r decimal.Decimal) Bill {
	lines := make([]Line, 0, 6)
	l := m.labels
	reqQty := r
	if m.free {
		reqQty = maxDec(dZero, r.Sub(m.freeReq))
	}
	lines = append(lines, line(l.requests, "request", reqQty, m.reqPrice))
	pcReq, gbs := m.onDemandGBs(r)
	if !m.multiTier {
		lines = append(lines, line(l.duration, "GB-second", gbs, m.tiers[0].Value))
	} else {
		m.eachTier(gbs, func(i int, qty decimal.Decimal) {
			if qty.IsPositive() || i == 0 {
				lines = append(lines, line(l.tier(i), "GB-second", qty, m.tiers[i].Value))
			}
		})
	}
	if m.pc {
		lines = append(lines,
			line(l.pc, "GB-second", m.pcGBs, m.pcPrice),
			line(l.pcDuration, "GB-second", pcReq.Mul(m.gbPerReq), m.pcDurPrice))
	}
	if m.storage {
		lines = append(lines, line(l.storage, "GB-second", r.Mul(m.storagePerReq), m.storagePrice))
	}
	return Bill{Lines: lines}
}

// onDemandGBs returns the requests served by provisioned environments and
// the billable on-demand GB-s (after the free tier).
func (m *lambdaModel) onDemandGBs(r decimal.Decimal) (pcReq, gbs decimal.Decimal) {
	pcReq, odReq := m.split(r)
	gbs = odReq.Mul(m.gbPerReq)
	if m.free {
		gbs = gbs.Sub(m.freeGB)
		if gbs.IsNegative() {
			gbs = dZero
		}
	}
	return pcReq, gbs
}

// eachTier splits billable GB-s over the volume tiers, starting at the
// account's prior usage, calling fn for every tier in order.
func (m *lambdaModel) eachTier(gbs decimal.Decimal, fn func(i int, qty decimal.Decimal)) {
	pos, end := m.prior, m.prior.Add(gbs)
	lo := dZero
	for i, t := range m.tiers {
		hi := end
		if t.UpToGBSeconds != nil {
			hi = minDec(end, *t.UpToGBSeconds)
		}
		qty := dZero
		if hi.GreaterThan(pos) {
			if qty = hi.Sub(maxDec(pos, lo)); qty.IsNegative() {
				qty = dZero
			}
		}
		fn(i, qty)
		if t.UpToGBSeconds != nil {
			lo = *t.UpToGBSeconds
			if !end.GreaterThan(lo) {
				return
			}
		}
	}
}

// total is the exact monthly cost for r requests, without building lines.
func (m *lambdaModel) total(r decimal.Decimal) decimal.Decimal {
	reqQty := r
	if m.free {
		reqQty = maxDec(dZero, r.Sub(m.freeReq))
	}
	t := reqQty.Mul(m.reqPrice)
	pcReq, gbs := m.onDemandGBs(r)
	if !m.multiTier {
		t = t.Add(gbs.Mul(m.tiers[0].Value))
	} else {
		m.eachTier(gbs, func(i int, qty decimal.Decimal) {
			if !qty.IsZero() {
				t = t.Add(qty.Mul(m.tiers[i].Value))
			}
		})
	}
	if m.pc {
		t = t.Add(m.pcGBs.Mul(m.pcPrice)).Add(pcReq.Mul(m.gbPerReq).Mul(m.pcDurPrice))
	}
	if m.storage {
		t = t.Add(r.Mul(m.storagePerReq).Mul(m.storagePrice))
	}
	return t
}

// slope is the right-derivative of total at r: the cost of one more request.
func (m *lambdaModel) slope(r decimal.Decimal) decimal.Decimal {
	s := dZero
	if !m.free || !r.LessThan(m.freeReq) {
		s = s.Add(m.reqPrice)
	}
	if m.storage {
		s = s.Add(m.storagePerReq.Mul(m.storagePrice))
	}
	if m.pc && r.LessThan(m.pcCapacity) {
		return s.Add(m.gbPerReq.Mul(m.pcDurPrice))
	}
	_, od := m.split(r)
	gbs := od.Mul(m.gbPerReq)
	if m.free {
		gbs = gbs.Sub(m.freeGB)
		if gbs.IsNegative() {
			return s
		}
	}
	pos := m.prior.Add(gbs)
	for _, t := range m.tiers {
		if t.UpToGBSeconds == nil || pos.LessThan(*t.UpToGBSeconds) {
			return s.Add(m.gbPerReq.Mul(t.Value))
		}
	}
	return s // unreachable: the last tier is unbounded
}

// breaks lists the request counts where the slope may change, rounded up at
// DivScale places, ascending and without duplicates.
func (m *lambdaModel) breaks() []decimal.Decimal {
	var out []decimal.Decimal
	if m.free {
		out = append(out, m.freeReq)
	}
	base := dZero
	if m.pc {
		base = m.pcCapacity
		out = append(out, base)
	}
	if m.gbPerReq.IsPositive() {
		offset := dZero
		if m.free {
			offset = m.freeGB
			out = append(out, base.Add(ceilDiv(m.freeGB, m.gbPerReq)))
		}
		for _, t := range m.tiers {
			if t.UpToGBSeconds == nil {
				continue
			}
			need := t.UpToGBSeconds.Sub(m.prior).Add(offset)
			if need.IsPositive() {
				out = append(out, base.Add(ceilDiv(need, m.gbPerReq)))
			}
		}
	}
	return sortUnique(out)
}
