package engine

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// A platform's fees beside its control plane's (platform.Platform.Fees)
// are data: the price catalogue says what each is charged per. The
// instance fees (EKS Auto Mode's and ECS Managed Instances' management
// fee, Lambda Managed Instances' share of the on-demand price) follow
// the instances wherever EC2 bills them, so every EC2 bill, tariff and
// monthly price of a family goes through these.

// instanceFees are the names of p's fees charged per instance.
func instanceFees(p platform.Platform, cat Catalogues) ([]string, error) {
	var out []string
	for _, name := range p.Fees {
		f, err := cat.Prices.Fee(name)
		if err != nil {
			return nil, err
		}
		if f.Per == cost.PerInstanceHour || f.Per == cost.PerOnDemandUSD {
			out = append(out, name)
		}
	}
	return out, nil
}

// CheckFees reports the first fee of p that the catalogue cannot price on
// instance type t (a type with no decoded management fee, say), so that
// the platform is reported unpriced with a missing figure rather than
// billed without its fee. A cluster-hour fee belongs in
// control_plane.fee, where it is billed per cluster.
func CheckFees(p platform.Platform, cat Catalogues, t, hourly string) error {
	for _, name := range p.Fees {
		f, err := cat.Prices.Fee(name)
		if err != nil {
			return err
		}
		switch f.Per {
		case cost.PerClusterHour:
			return fmt.Errorf("platform fee %s is charged per cluster-hour: name it as control_plane.fee", name)
		case cost.PerInstanceHour, cost.PerOnDemandUSD:
			if _, err := cost.InstanceFeeHourly(cat.Prices, name, cost.EC2Usage{InstanceType: t, HourlyPrice: hourly}); err != nil {
				return err
			}
		}
	}
	return nil
}

// EC2Bill is cost.EC2 of u with p's instance fees on the same instances.
func EC2Bill(p platform.Platform, cat Catalogues, u cost.EC2Usage) (cost.Bill, error) {
	b, err := cost.EC2(cat.Prices, u)
	if err != nil || len(p.Fees) == 0 {
		return b, err
	}
	names, err := instanceFees(p, cat)
	if err != nil {
		return cost.Bill{}, err
	}
	for _, name := range names {
		fb, err := cost.InstanceFeeBill(cat.Prices, name, u)
		if err != nil {
			return cost.Bill{}, err
		}
		b = b.Add(fb)
	}
	return b, nil
}

// EC2Tariff is cost.EC2Tariff of u with p's instance fees as terms of
// their own over the same instance-hours.
func EC2Tariff(p platform.Platform, cat Catalogues, u cost.EC2Usage) (cost.Tariff, error) {
	t, err := cost.EC2Tariff(cat.Prices, u)
	if err != nil || len(p.Fees) == 0 {
		return t, err
	}
	names, err := instanceFees(p, cat)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		ft, err := cost.InstanceFeeTariff(cat.Prices, name, u)
		if err != nil {
			return nil, err
		}
		t = append(t, ft...)
	}
	return t, nil
}

// FeeHourly is what p's instance fees add to an hour of one instance of
// u's type.
func FeeHourly(p platform.Platform, cat Catalogues, u cost.EC2Usage) (decimal.Decimal, error) {
	sum := dZero
	if len(p.Fees) == 0 {
		return sum, nil
	}
	names, err := instanceFees(p, cat)
	if err != nil {
		return dZero, err
	}
	for _, name := range names {
		h, err := cost.InstanceFeeHourly(cat.Prices, name, u)
		if err != nil {
			return dZero, err
		}
		sum = sum.Add(h)
	}
	return sum, nil
}

// EC2Monthly is cost.EC2Monthly of u (after its discount) plus p's
// instance fees for the month (which no buyer's discount lowers).
func EC2Monthly(p platform.Platform, cat Catalogues, u cost.EC2Usage) (decimal.Decimal, error) {
	m, err := cost.EC2Monthly(cat.Prices, u)
	if err != nil {
		return dZero, err
	}
	f, err := FeeHourly(p, cat, u)
	if err != nil {
		return dZero, err
	}
	return m.Add(f.Mul(decimal.NewFromInt(platform.HoursPerMonth))), nil
}
