package catalogue

import (
	"fmt"
)

// What follows each running instance or task: a public IPv4 address
// (vpc.json, read with the other pricing-page files; its hour is written
// once, as public_ipv4_hour, by emitSurroundings). AWS charges in-use and
// idle addresses alike; the generator checks the idle rate against the
// in-use one, so that a region that ever prices them apart is noticed.
var publicIPv4Idle = rate{"vpc.json", "Hourly charge for Idle Public IPv4 Addresses per Hrs"}

// checkAddonsUSEast1 is checkUSEast1's part for the addons: idle
// addresses must cost what in-use ones do in every region the file has.
func (p *prices) checkAddonsUSEast1() []string {
	var errs []string
	for _, r := range p.src.Regions {
		inUse, err1 := p.get(r.Location, ipv4InUse)
		idle, err2 := p.get(r.Location, publicIPv4Idle)
		if err1 == nil && err2 == nil && !inUse.Equal(idle) {
			errs = append(errs, fmt.Sprintf("%s: %s prices in-use public IPv4 addresses at %s but idle ones at %s", ipv4InUse.file, r.Location, inUse, idle))
		}
	}
	return errs
}
