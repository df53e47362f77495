package cost

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// FeeUnit is what a [Fee] is charged per.
type FeeUnit string

// The units a fee is charged per.
const (
	// PerClusterHour: a control plane's fee, for each cluster while it
	// runs (EKS: $0.10).
	PerClusterHour FeeUnit = "cluster-hour"
	// PerInstanceHour: a fee for each instance-hour of the instances the
	// provider runs for the user, by instance type (EKS Auto Mode, ECS
	// Managed Instances): read from the generated table [Fee.Table].
	PerInstanceHour FeeUnit = "instance-hour"
	// PerOnDemandUSD: a fraction of the instances' on-demand price
	// (Lambda Managed Instances' "15% premium on the EC2 on-demand
	// instance price"): Price is the fraction.
	PerOnDemandUSD FeeUnit = "on-demand-usd"
	// PerRequest: a charge for each request (Lambda Managed Instances'
	// $0.20 per million).
	PerRequest FeeUnit = "request"
)

var feeUnits = []FeeUnit{PerClusterHour, PerInstanceHour, PerOnDemandUSD, PerRequest}

// Fee is a charge a provider adds to what a platform runs on, named in
// the catalogue's fees section and listed by the platforms it applies to
// (platform.Platform's control_plane.fee and fees): so that a platform
// of an existing family gets its fees from data, with no code naming it.
type Fee struct {
	Per FeeUnit `yaml:"per"`
	// Price is the fee per unit; for [PerOnDemandUSD], the fraction.
	// Nil for a [PerInstanceHour] fee, whose prices are the Table's.
	Price *Figure `yaml:"price,omitempty"`
	// Extended is a control plane's price under extended version
	// support, in total (EKS: $0.60 a cluster-hour); nil where there is
	// no such tier.
	Extended *Figure `yaml:"extended,omitempty"`
	// Table names the generated table of per-instance-hour fees by
	// instance type ([Catalogue.InstanceFee]).
	Table string `yaml:"table,omitempty"`
	// MinimumSeconds is the shortest run of an instance the fee bills
	// (ECS Managed Instances: a minute); nil bills as EC2 does.
	MinimumSeconds *Figure `yaml:"minimum_seconds,omitempty"`
}

// Fee returns the fee called name. The catalogue's eks and
// ecs_control_plane sections are the fees "eks" and "ecs": they were
// priced before fees were named, and catalogues written then still read.
// The error names the fee when the catalogue does not price it.
func (c *Catalogue) Fee(name string) (Fee, error) {
	if c == nil {
		return Fee{}, fieldErr("catalogue", "nil", "is missing")
	}
	if f, ok := c.Fees[name]; ok {
		return f, nil
	}
	switch {
	case name == legacyEKSFee && c.EKS != nil:
		return Fee{Per: PerClusterHour, Price: &c.EKS.StandardClusterHour, Extended: &c.EKS.ExtendedClusterHour}, nil
	case name == legacyECSFee && c.ECSControlPlane != nil:
		return Fee{Per: PerClusterHour, Price: c.ECSControlPlane}, nil
	}
	return Fee{}, fieldErr("fees", name, fmt.Sprintf("is not priced in the %s %s catalogue", c.Snapshot, c.Region))
}

// The names of the two fees the catalogue prices in sections of their own.
const (
	legacyEKSFee = "eks"
	legacyECSFee = "ecs"
)

// FeeNames lists the fees the catalogue prices, sorted.
func (c *Catalogue) FeeNames() []string {
	if c == nil {
		return nil
	}
	out := make([]string, 0, len(c.Fees)+2)
	for k := range c.Fees {
		out = append(out, k)
	}
	if _, ok := c.Fees[legacyEKSFee]; !ok && c.EKS != nil {
		out = append(out, legacyEKSFee)
	}
	if _, ok := c.Fees[legacyECSFee]; !ok && c.ECSControlPlane != nil {
		out = append(out, legacyECSFee)
	}
	sort.Strings(out)
	return out
}

// validateFees checks every named fee: a known unit, the figures the unit
// needs, each sourced.
func (c *Catalogue) validateFees() error {
	names := make([]string, 0, len(c.Fees))
	for k := range c.Fees {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		f := c.Fees[name]
		at := "fees." + name
		if name == "" || strings.ContainsAny(name, " \t\n") {
			return fieldErr("fees", name, "is not a fee name (no spaces)")
		}
		if !slices.Contains(feeUnits, f.Per) {
			return fieldErr(at+".per", string(f.Per), fmt.Sprintf("is not a fee unit %v", feeUnits))
		}
		if f.Per == PerInstanceHour {
			if f.Table == "" {
				return fieldErr(at+".table", "", "is missing: an instance-hour fee names its table of prices by instance type")
			}
			if f.Price != nil {
				return fieldErr(at+".price", f.Price.Value.String(), "is given beside a table: an instance-hour fee's prices are its table's")
			}
		} else {
			if f.Price == nil {
				return fieldErr(at+".price", "", "is missing")
			}
			if f.Table != "" {
				return fieldErr(at+".table", f.Table, "is only for instance-hour fees")
			}
		}
		if f.Extended != nil && f.Per != PerClusterHour {
			return fieldErr(at+".extended", f.Extended.Value.String(), "is only for cluster-hour fees")
		}
		if f.Per == PerOnDemandUSD && f.Price.Value.GreaterThan(dOne) {
			return fieldErr(at+".price.value", f.Price.Value.String(), "is a fraction of the on-demand price, at most 1")
		}
		if err := checkFigures(at, map[string]*Figure{"price": f.Price, "extended": f.Extended, "minimum_seconds": f.MinimumSeconds}); err != nil {
			return err
		}
	}
	return nil
}

func (f Fee) clone() Fee {
	f.Price = clonePtr(f.Price)
	f.Extended = clonePtr(f.Extended)
	f.MinimumSeconds = clonePtr(f.MinimumSeconds)
	return f
}

// InstanceFeeHourly is the fee called name for one hour of one instance
// of u's type: its table's price, or its fraction of u's on-demand price
// (the override, when u gives one, before u's discount: a buyer's
// discount on EC2 does not lower a provider's fee). The error says when
// the fee is not charged per instance or has no price for the type.
func InstanceFeeHourly(c *Catalogue, name string, u EC2Usage) (decimal.Decimal, error) {
	f, err := c.Fee(name)
	if err != nil {
		return dZero, err
	}
	return f.hourly(c, name, u)
}

func (f Fee) hourly(c *Catalogue, name string, u EC2Usage) (decimal.Decimal, error) {
	switch f.Per {
	case PerInstanceHour:
		fig, err := c.InstanceFee(f.Table, u.InstanceType)
		if err != nil {
			return dZero, err
		}
		return fig.Value, nil
	case PerOnDemandUSD:
		od := u
		od.Discount = dZero
		price, err := EC2Hourly(c, od)
		if err != nil {
			return dZero, err
		}
		return price.Mul(f.Price.Value), nil
	}
	return dZero, fieldErr("fees."+name+".per", string(f.Per), "is not charged per instance")
}

// instanceFeeMeter is the meter of the fee called name on u's instances,
// and the seconds it bills of one instance's run: at least the fee's
// minimum where it has one, else as EC2 bills the run.
func instanceFeeMeter(c *Catalogue, name string, u EC2Usage) (Meter, decimal.Decimal, error) {
	_, billed, err := ec2Meter(c, u)
	if err != nil {
		return Meter{}, dZero, err
	}
	f, err := c.Fee(name)
	if err != nil {
		return Meter{}, dZero, err
	}
	price, err := f.hourly(c, name, u)
	if err != nil {
		return Meter{}, dZero, err
	}
	if f.MinimumSeconds != nil {
		billed = maxDec(runSeconds(u).Ceil(), f.MinimumSeconds.Value)
	}
	return Meter{Unit: "instance-hour", Bands: []Band{{Item: fmt.Sprintf("%s fee (%s)", name, u.InstanceType), Price: price}}}, billed, nil
}

// InstanceFeeBill bills the fee called name on u's instances: one line of
// instance-hours at the fee's hourly price, as [EC2] bills the
// instances themselves (the fee's minimum run where it has one).
func InstanceFeeBill(c *Catalogue, name string, u EC2Usage) (Bill, error) {
	m, billed, err := instanceFeeMeter(c, name, u)
	if err != nil {
		return Bill{}, err
	}
	return Bill{Lines: []Line{runsLine(m, billed, u.Count)}}, nil
}

// InstanceFeeTariff is the fee called name as a [Tariff] over the
// instance-hours of u's type, as [EC2Tariff] is for the instances.
func InstanceFeeTariff(c *Catalogue, name string, u EC2Usage) (Tariff, error) {
	m, _, err := instanceFeeMeter(c, name, u)
	if err != nil {
		return nil, err
	}
	return Tariff{{Meter: m, Per: dOne}}, nil
}

// RequestFeeTariff is the fee called name, charged per request, as a
// [Tariff] over the monthly requests.
func RequestFeeTariff(c *Catalogue, name string) (Tariff, error) {
	f, err := c.Fee(name)
	if err != nil {
		return nil, err
	}
	if f.Per != PerRequest {
		return nil, fieldErr("fees."+name+".per", string(f.Per), "is not charged per request")
	}
	return Tariff{{Meter: Meter{Unit: "request", Bands: []Band{{Item: name + " requests", Price: f.Price.Value}}}, Per: dOne}}, nil
}
