package catalogue

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/runwhere/runwhere/cost"
)

// What follows each running instance or task: a public IPv4 address
// (vpc.json). AWS charges in-use and idle addresses alike; the generator
// writes the in-use rate and checks the idle one against it, so that a
// region that ever prices them apart is noticed.
var (
	addonFiles     = []string{"vpc.json"}
	publicIPv4     = rate{"vpc.json", "Hourly charge for In use Public IPv4 Addresses per Hrs"}
	publicIPv4Idle = rate{"vpc.json", "Hourly charge for Idle Public IPv4 Addresses per Hrs"}
)

// readAddons reads the pricing-page JSON files of the addons beside the
// other four, each with its source URL.
func (p *prices) readAddons(data fs.FS) error {
	for _, name := range addonFiles {
		pm, err := ReadPriceMap(data, name)
		if err != nil {
			return err
		}
		if p.src.Files[name].URL == "" {
			return fmt.Errorf("%s: no source URL for %s", SourcesFile, name)
		}
		p.files[name] = pm
	}
	return nil
}

// checkAddonsUSEast1 is checkUSEast1's part for the addons: the
// hand-checked public_ipv4 must be vpc.json's, and idle addresses must
// cost what in-use ones do in every region the file has.
func (p *prices) checkAddonsUSEast1(t *cost.Catalogue) []string {
	var errs []string
	loc := p.location("us-east-1")
	if t.PublicIPv4 == nil {
		return []string{"public_ipv4 is missing from cost/data/2026-11_us-east-1.yaml"}
	}
	want, err := p.get(loc, publicIPv4)
	switch {
	case err != nil:
		errs = append(errs, err.Error())
	case !t.PublicIPv4.Value.Equal(want):
		errs = append(errs, fmt.Sprintf("public_ipv4 is %s in cost/data/2026-11_us-east-1.yaml but %s in %s %q", t.PublicIPv4.Value, want, publicIPv4.file, publicIPv4.key))
	}
	for _, r := range p.src.Regions {
		inUse, err1 := p.get(r.Location, publicIPv4)
		idle, err2 := p.get(r.Location, publicIPv4Idle)
		if err1 == nil && err2 == nil && !inUse.Equal(idle) {
			errs = append(errs, fmt.Sprintf("%s: %s prices in-use public IPv4 addresses at %s but idle ones at %s", publicIPv4.file, r.Location, inUse, idle))
		}
	}
	return errs
}

// writeAddons writes a region's public_ipv4 from vpc.json.
func writeAddons(b *strings.Builder, fig func(rate) cost.Figure) {
	b.WriteString("\n")
	emit(b, 0, "public_ipv4", fig(publicIPv4))
}
