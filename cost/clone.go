package cost

import (
	"maps"
	"slices"

	"github.com/shopspring/decimal"
)

// Clone returns a deep copy of c: nothing the copy holds or points to
// (sections, maps, tiers, task sizes) is shared with c, so either may be
// changed without the other seeing it. Decimals are values and are copied
// as such. Clone of nil is nil.
func (c *Catalogue) Clone() *Catalogue {
	if c == nil {
		return nil
	}
	out := *c
	if c.Lambda != nil {
		out.Lambda = c.Lambda.clone()
	}
	if c.EC2 != nil {
		e := *c.EC2
		// An Instance holds strings, ints and decimals: a value copy is deep.
		e.Instances = maps.Clone(c.EC2.Instances)
		// listed and fees are the generated price and fee tables,
		// read-only: shared, not copied (their thousands of entries would
		// make every copy slow).
		out.EC2 = &e
	}
	if c.Fargate != nil {
		out.Fargate = c.Fargate.clone()
	}
	out.EKS = clonePtr(c.EKS)
	out.ECSControlPlane = clonePtr(c.ECSControlPlane)
	if c.APIGateway != nil {
		a := APIGatewayPrices{REST: cloneRequestTiers(c.APIGateway.REST), HTTP: cloneRequestTiers(c.APIGateway.HTTP)}
		out.APIGateway = &a
	}
	out.ALB = clonePtr(c.ALB)
	out.NATGateway = clonePtr(c.NATGateway)
	out.PublicIPv4 = clonePtr(c.PublicIPv4)
	out.DataTransfer = c.DataTransfer.clone()
	out.EBS = clonePtr(c.EBS)
	if c.Fees != nil {
		out.Fees = make(map[string]Fee, len(c.Fees))
		for k, f := range c.Fees {
			out.Fees[k] = f.clone()
		}
	}
	return &out
}

func cloneRequestTiers(tiers []RequestTier) []RequestTier {
	tiers = slices.Clone(tiers)
	for i := range tiers {
		tiers[i].UpToRequests = clonePtr(tiers[i].UpToRequests)
	}
	return tiers
}

func (l *LambdaPrices) clone() *LambdaPrices {
	out := *l
	if l.Duration != nil {
		out.Duration = make(map[Arch][]Tier, len(l.Duration))
		for a, tiers := range l.Duration {
			tiers = slices.Clone(tiers)
			for i := range tiers {
				tiers[i].UpToGBSeconds = clonePtr(tiers[i].UpToGBSeconds)
			}
			out.Duration[a] = tiers
		}
	}
	out.EphemeralStorage = clonePtr(l.EphemeralStorage)
	out.EphemeralFreeMB = clonePtr(l.EphemeralFreeMB)
	out.EphemeralMaxMB = clonePtr(l.EphemeralMaxMB)
	out.ProvisionedRoundingMinutes = clonePtr(l.ProvisionedRoundingMinutes)
	// ProvisionedPrices holds two Figures: a value copy is deep.
	out.Provisioned = maps.Clone(l.Provisioned)
	return &out
}

func (f *FargatePrices) clone() *FargatePrices {
	out := *f
	for _, r := range []**FargateRates{&out.LinuxX86, &out.LinuxARM64, &out.WindowsX86} {
		if *r != nil {
			rates := **r
			rates.OSLicenseVCPUSecond = clonePtr(rates.OSLicenseVCPUSecond)
			rates.OSLicenseVCPUHour = clonePtr(rates.OSLicenseVCPUHour)
			rates.VCPUHour, rates.GBHour = clonePtr(rates.VCPUHour), clonePtr(rates.GBHour)
			*r = &rates
		}
	}
	out.EphemeralGBHour = clonePtr(f.EphemeralGBHour)
	out.TaskSizes.Sizes = slices.Clone(f.TaskSizes.Sizes)
	for i := range out.TaskSizes.Sizes {
		row := &out.TaskSizes.Sizes[i]
		row.MemoryGB = slices.Clone(row.MemoryGB)
		row.MinGB, row.MaxGB, row.StepGB = clonePtr(row.MinGB), clonePtr(row.MaxGB), clonePtr(row.StepGB)
	}
	return &out
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr[T Figure | EKSPrices | decimal.Decimal | ALBPrices | NATPrices | EBSPrices](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
