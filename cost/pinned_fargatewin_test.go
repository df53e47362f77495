package cost_test

// Pins for Fargate on Windows in the five generated regions: AWS's rate
// table (ecs.json, published 2025-10-27), each value written from the
// staged file and the line its rate name is on, not read back from the
// catalogue. The us-east-1 pins are in pinned_test.go.

// windowsPins are one region's three Windows rates and the 5-minute
// minimum every region shares.
func windowsPins(location string, vcpu, gb string, lines [3]int) []pin {
	return []pin{
		jsonPin("fargate.windows_x86.vcpu_hour.value", vcpu, "ecs.json", location, "perCPU per hour Windows", lines[0]),
		jsonPin("fargate.windows_x86.gb_hour.value", gb, "ecs.json", location, "perGB per hour Windows", lines[1]),
		jsonPin("fargate.windows_x86.os_license_vcpu_hour.value", "0.046", "ecs.json", location, "perCPU OS License Fee per hour Windows", lines[2]),
		{"fargate.windows_x86.minimum_seconds.value", "300", srcFargateDur},
	}
}

// windowsRegionPins are the five generated regions' Windows pins, which
// pinned_regions_test.go's init adds to each region's table.
var windowsRegionPins = map[string][]pin{
	"us-west-2":      windowsPins("US West (Oregon)", "0.046552", "0.00511175", [3]int{4450, 4455, 4460}),
	"eu-west-1":      windowsPins("EU (Ireland)", "0.046552", "0.00511175", [3]int{12659, 12664, 12669}),
	"eu-central-1":   windowsPins("EU (Frankfurt)", "0.053544", "0.0058765", [3]int{16726, 16731, 16736}),
	"ap-northeast-1": windowsPins("Asia Pacific (Tokyo)", "0.058144", "0.0063595", [3]int{20613, 20618, 20623}),
	"ap-southeast-1": windowsPins("Asia Pacific (Singapore)", "0.058144", "0.0063595", [3]int{24010, 24015, 24020}),
}
