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

	pc         bool
	pcGBs      decimal.Decimal // configured GB-s (rounded enabled time)
	pcPrice    decimal.Decimal
	pcDurPrice decimal.Decimal
	pcCapacity decimal.Decimal // invocations the provisioned environments can serve
}

func newLambdaModel(c *Catalogue, u LambdaUsage) (*lambdaModel, error) {
	if c == nil || c.Lambda == nil {
		return nil, fieldErr("lambda", snapshotOf(c), "is not priced in this catalogue")
	}
	lp := c.Lambda
	m := &lambdaModel{arch: u.Arch.orDefault(), reqPrice: lp.Request.Value}
	if u.DurationMS.IsNegative() {
		return nil, fieldErr("lambda.duration_ms", u.DurationMS.String(), "is negative")
	}
	if u.PriorGBSeconds.IsNegative() {
		return nil, fieldErr("lambda.prior_gb_seconds", u.PriorGBSeconds.String(), "is negative")
	}
	mem := decimal.NewFromInt(int64(u.MemoryMB))
	if mem.LessThan(lp.MemoryMinMB.Value) || mem.GreaterThan(lp.MemoryMaxMB.Value) {
		return nil, fieldErr("lambda.memory_mb", strconv.Itoa(u.MemoryMB),
			"is outside "+lp.MemoryMinMB.Value.String()+".."+lp.MemoryMaxMB.Value.String()+" MB in snapshot "+c.Snapshot)
	}
	if !mem.Sub(lp.MemoryMinMB.Value).Mod(lp.MemoryStepMB.Value).IsZero() {
		return nil, fieldErr("lambda.memory_mb", strconv.Itoa(u.MemoryMB),
			"is not a multiple of "+lp.MemoryStepMB.Value.String()+" MB above "+lp.MemoryMinMB.Value.String()+" MB in snapshot "+c.Snapshot)
	}
	tiers, ok := lp.Duration[m.arch]
	if !ok {
		return nil, fieldErr("lambda.arch", string(m.arch), "is not offered in snapshot "+c.Snapshot)
	}
	m.tiers, m.multiTier, m.prior = tiers, len(tiers) > 1, u.PriorGBSeconds
	m.billedMS = ceilTo(u.DurationMS, lp.GranularityMS.Value)
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
		m.pcGBs = n.Mul(mem).Mul(dPerMiB).Mul(billedSecs)
		m.pcPrice, m.pcDurPrice = pp.Concurrency.Value, pp.Duration.Value
		if m.billedMS.IsZero() {
			m.pcCapacity = decimal.New(1, 30) // zero-length invocations: unbounded
		} else {
			m.pcCapacity = div(n.Mul(secs).Mul(dThousand), m.billedMS)
		}
	} else if u.FreeTier {
		m.free = true
		m.freeReq, m.freeGB = lp.FreeRequests.Value, lp.FreeGBSeconds.Value
	}
	return m, nil
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
	return m.bill(u.Requests, true), nil
}

// split returns requests served by provisioned environments and on demand.
func (m *lambdaModel) split(r decimal.Decimal) (pcReq, odReq decimal.Decimal) {
	if !m.pc {
		return dZero, r
	}
	pcReq = minDec(r, m.pcCapacity)
	return pcReq, r.Sub(pcReq)
}

// bill builds the bill for r requests; lines=false skips zero-amount lines
// other than the request line (used by sweeps that only want totals).
func (m *lambdaModel) bill(r decimal.Decimal, all bool) Bill {
	lines := make([]Line, 0, 6)
	a := string(m.arch)
	reqQty := r
	if m.free {
		reqQty = maxDec(dZero, r.Sub(m.freeReq))
	}
	lines = append(lines, line("lambda requests ("+a+")", "request", reqQty, m.reqPrice))

	pcReq, odReq := m.split(r)
	gbs := odReq.Mul(m.gbPerReq)
	if m.free {
		gbs = maxDec(dZero, gbs.Sub(m.freeGB))
	}
	lines = m.tierLines(lines, gbs, all)
	if m.pc {
		lines = append(lines,
			line("lambda provisioned concurrency ("+a+")", "GB-second", m.pcGBs, m.pcPrice),
			line("lambda provisioned duration ("+a+")", "GB-second", pcReq.Mul(m.gbPerReq), m.pcDurPrice))
	}
	if m.storage {
		lines = append(lines, line("lambda ephemeral storage ("+a+")", "GB-second", r.Mul(m.storagePerReq), m.storagePrice))
	}
	return Bill{Lines: lines}
}

var tierNames = []string{"tier 1", "tier 2", "tier 3", "tier 4", "tier 5"}

// tierLines splits billable GB-s over the volume tiers, starting at the
// account's prior usage.
func (m *lambdaModel) tierLines(lines []Line, gbs decimal.Decimal, all bool) []Line {
	a := string(m.arch)
	if !m.multiTier {
		return append(lines, line("lambda duration ("+a+")", "GB-second", gbs, m.tiers[0].Value))
	}
	pos, end := m.prior, m.prior.Add(gbs)
	lo := dZero
	for i, t := range m.tiers {
		hi := end
		if t.UpToGBSeconds != nil {
			hi = minDec(end, *t.UpToGBSeconds)
		}
		qty := dZero
		if hi.GreaterThan(pos) {
			qty = hi.Sub(maxDec(pos, lo))
			if qty.IsNegative() {
				qty = dZero
			}
		}
		if qty.IsPositive() || (i == 0 && all) {
			name := "tier " + strconv.Itoa(i+1)
			if i < len(tierNames) {
				name = tierNames[i]
			}
			lines = append(lines, line("lambda duration ("+a+", "+name+")", "GB-second", qty, t.Value))
		}
		if t.UpToGBSeconds != nil {
			lo = *t.UpToGBSeconds
		}
	}
	return lines
}

// total is the exact monthly cost for r requests, without building lines.
func (m *lambdaModel) total(r decimal.Decimal) decimal.Decimal {
	b := m.bill(r, false)
	return b.Total()
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
