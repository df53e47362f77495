package catalogue

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
)

// Surroundings are the figures of what surrounds a service that no staged
// file holds (sources.yaml's surroundings section), by region code: an
// ALB's hour and LCU-hour where a source was found, and the tiers of data
// out to the internet. A region without an ALB entry gets no alb section,
// so an ALB there stays a missing figure.
type Surroundings struct {
	ALB         map[string]ALBFigures    `yaml:"alb"`
	InternetOut map[string][]cost.GBTier `yaml:"internet_out"`
}

// ALBFigures are one region's ALB prices.
type ALBFigures struct {
	Hour    cost.Figure `yaml:"hour"`
	LCUHour cost.Figure `yaml:"lcu_hour"`
}

// A public IPv4 address's hour (vpc.json): the in-use rate, which is
// what a NAT gateway's or an ALB's address is; the idle rate is the same.
var ipv4InUse = rate{"vpc.json", "Hourly charge for In use Public IPv4 Addresses per Hrs"}

// checkSurroundingsUSEast1 checks the us-east-1 catalogue's public IPv4
// price against vpc.json, as checkUSEast1 does the others.
func checkSurroundingsUSEast1(t *cost.Catalogue, check func(string, decimal.Decimal, rate)) {
	if t.PublicIPv4 != nil {
		check("public_ipv4_hour", t.PublicIPv4.Value, ipv4InUse)
	}
}

// emitSurroundings writes a region's public IPv4 price (vpc.json), its
// data-transfer prices (the tiers from sources.yaml; the free allowance
// and the cross-zone rate, the same in every region, from the template t)
// and, where sources.yaml has one, its ALB (the LCU's capacity, the same
// in every region, from t).
func emitSurroundings(b *strings.Builder, t *cost.Catalogue, s Surroundings, code string, fig func(rate) cost.Figure) error {
	b.WriteString("\n")
	emit(b, 0, "public_ipv4_hour", fig(ipv4InUse))
	tiers, ok := s.InternetOut[code]
	if !ok || t.DataTransfer == nil {
		return fmt.Errorf("%s: surroundings.internet_out has no tiers for %s (or the template no data_transfer)", SourcesFile, code)
	}
	b.WriteString("\ndata_transfer:\n  internet_out:\n")
	for _, tier := range tiers {
		emitTier(b, 2, "up_to_gb", tier.UpToGB, tier.Figure)
	}
	emit(b, 1, "free_internet_gb", t.DataTransfer.FreeInternetGB)
	emit(b, 1, "cross_zone_gb", t.DataTransfer.CrossZoneGB)
	a, ok := s.ALB[code]
	if !ok {
		return nil
	}
	if t.ALB == nil {
		return fmt.Errorf("%s: has no alb section to copy the LCU's capacity from", TemplateFile)
	}
	b.WriteString("\nalb:\n")
	emit(b, 1, "hour", a.Hour)
	emit(b, 1, "lcu_hour", a.LCUHour)
	l := t.ALB.LCU
	b.WriteString("  lcu:\n")
	emit(b, 2, "new_connections_per_second", l.NewConnectionsPerSecond)
	emit(b, 2, "gb_per_hour_instances", l.GBPerHourInstances)
	emit(b, 2, "gb_per_hour_lambda_targets", l.GBPerHourLambda)
	emit(b, 2, "rule_evaluations_per_second", l.RuleEvaluationsPerSecond)
	return nil
}
