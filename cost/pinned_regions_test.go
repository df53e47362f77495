package cost_test

// Pins for the regions generated from AWS's pricing-page JSON
// (go run ./internal/catalogue/gen). Each value is written from the staged
// file and the line its rate name is on (shared/data/aws, see its
// MANIFEST.md), not read back from the catalogue; the billing rules the
// generator copies from the us-east-1 file cite the same sources as there.
// Written by hand from the files with a one-off script; the drift test in
// internal/catalogue checks the generator against the same files.

import (
	"strconv"

	"github.com/runwhere/runwhere/platform"
)

// jsonPin pins a figure to a rate of one of AWS's pricing-page JSON files.
func jsonPin(path, want, file, location, rate string, line int) pin {
	return pin{path, want, file + " " + location + " \"" + rate + "\" line " + strconv.Itoa(line)}
}

// regionRulePins are the billing rules every region shares, with the
// sources the us-east-1 pins give them.
var regionRulePins = []pin{
	{"lambda.granularity_ms.value", "1", srcMs1Blog},
	{"lambda.free_requests.value", "1000000", srcLambdaPage},
	{"lambda.free_gb_seconds.value", "400000", srcLambdaPage},
	{"lambda.duration.x86_64[0].up_to_gb_seconds", "6000000000", srcTierBlog},
	{"lambda.duration.x86_64[1].up_to_gb_seconds", "15000000000", srcTierBlog},
	{"lambda.duration.arm64[0].up_to_gb_seconds", "7500000000", srcTierBlog},
	{"lambda.duration.arm64[1].up_to_gb_seconds", "18750000000", srcTierBlog},
	{"lambda.provisioned_rounding_minutes.value", "5", srcLambdaPage},
	{"ec2.billing_increment_seconds.value", "1", srcEC2PerSecond},
	{"ec2.minimum_seconds.value", "60", srcEC2PerSecond},
	{"fargate.linux_x86.minimum_seconds.value", "60", srcFargateDur},
	{"fargate.linux_arm64.minimum_seconds.value", "60", srcFargateDur},
	{"fargate.ephemeral_free_gb.value", "20", srcFargateStore},
	{"ecs_control_plane.value", "0", srcECSNoCharge},
	// API Gateway's band ends are in its rate names ("up to 333 million",
	// "Next 667 million", "Next 19 billion"; "First 300 million").
	{"api_gateway.rest[0].up_to_requests", "333000000", "apigateway.json \"API Calls Number of up to 333 million\""},
	{"api_gateway.rest[1].up_to_requests", "1000000000", "apigateway.json \"API Calls Number of Request Next 667 million\" (333 M + 667 M)"},
	{"api_gateway.rest[2].up_to_requests", "20000000000", "apigateway.json \"API Calls Number of Request Next 19 billion\" (1 B + 19 B)"},
	{"api_gateway.http[0].up_to_requests", "300000000", "apigateway.json \"ApiGatewayHttpApi First 300 million\""},
}

// pinnedUSWest2 is every figure of the 2026-11 us-west-2 catalogue.
var pinnedUSWest2 = concatPins(regionRulePins, []pin{
	// NAT gateway, from natgateway.json (AWS page JSON, 2025-10-28).
	jsonPin("nat_gateway.hour.value", "0.045", "natgateway.json", "US West (Oregon)", "Hourly charge for NAT Gateways", 45),
	jsonPin("nat_gateway.gb.value", "0.045", "natgateway.json", "US West (Oregon)", "Charge for per GB data processed by NatGateways", 40),
	jsonPin("lambda.request.value", "0.0000002", "lambda.json", "US West (Oregon)", "Lambda Requests", 165),
	jsonPin("lambda.duration.x86_64[0].value", "0.0000166667", "lambda.json", "US West (Oregon)", "Lambda Duration", 175),
	jsonPin("lambda.duration.x86_64[1].value", "0.000015", "lambda.json", "US West (Oregon)", "Lambda Duration Tier2", 125),
	jsonPin("lambda.duration.x86_64[2].value", "0.0000133334", "lambda.json", "US West (Oregon)", "Lambda Duration Tier3", 185),
	jsonPin("lambda.duration.arm64[0].value", "0.0000133334", "lambda.json", "US West (Oregon)", "Lambda Duration-ARM", 160),
	jsonPin("lambda.duration.arm64[1].value", "0.0000120001", "lambda.json", "US West (Oregon)", "Lambda Duration-ARM Tier2", 120),
	jsonPin("lambda.duration.arm64[2].value", "0.0000106667", "lambda.json", "US West (Oregon)", "Lambda Duration-ARM Tier3", 195),
	jsonPin("lambda.ephemeral_storage.value", "0.0000000309", "lambda.json", "US West (Oregon)", "Lambda Storage-Duration", 135),
	jsonPin("lambda.provisioned.x86_64.concurrency.value", "0.0000041667", "lambda.json", "US West (Oregon)", "Lambda Provisioned-Concurrency", 155),
	jsonPin("lambda.provisioned.x86_64.duration.value", "0.0000097222", "lambda.json", "US West (Oregon)", "Lambda Duration-Provisioned", 190),
	jsonPin("lambda.provisioned.arm64.concurrency.value", "0.0000033334", "lambda.json", "US West (Oregon)", "Lambda Provisioned-Concurrency-ARM", 140),
	jsonPin("lambda.provisioned.arm64.duration.value", "0.0000077778", "lambda.json", "US West (Oregon)", "Lambda Duration-Provisioned-ARM", 205),
	jsonPin("fargate.linux_x86.vcpu_hour.value", "0.04048", "ecs.json", "US West (Oregon)", "perCPU per hour", 4480),
	jsonPin("fargate.linux_x86.gb_hour.value", "0.004445", "ecs.json", "US West (Oregon)", "perGB per hour", 4440),
	jsonPin("fargate.linux_arm64.vcpu_hour.value", "0.03238", "ecs.json", "US West (Oregon)", "ARM perCPU per hour", 4465),
	jsonPin("fargate.linux_arm64.gb_hour.value", "0.00356", "ecs.json", "US West (Oregon)", "ARM perGB per hour", 4470),
	jsonPin("fargate.ephemeral_gb_hour.value", "0.000111", "ecs.json", "US West (Oregon)", "Storage per GB-Hours", 4445),
	jsonPin("eks.standard_cluster_hour.value", "0.1", "eks.json", "US West (Oregon)", "Compute per hours", 4315),
	{"eks.extended_cluster_hour.value", "0.6", "eks.json US West (Oregon) \"Compute per hours\" + \"Compute ExtendedSupport per Hours\" line 4320"},
	jsonPin("api_gateway.rest[0].value", "0.0000035", "apigateway.json", "US West (Oregon)", "API Calls Number of up to 333 million", 125),
	jsonPin("api_gateway.rest[1].value", "0.0000028", "apigateway.json", "US West (Oregon)", "API Calls Number of Request Next 667 million", 165),
	jsonPin("api_gateway.rest[2].value", "0.00000238", "apigateway.json", "US West (Oregon)", "API Calls Number of Request Next 19 billion", 145),
	jsonPin("api_gateway.rest[3].value", "0.00000151", "apigateway.json", "US West (Oregon)", "API Calls Number of Request Over 20 billion", 150),
	jsonPin("api_gateway.http[0].value", "0.000001", "apigateway.json", "US West (Oregon)", "ApiGatewayHttpApi First 300 million", 135),
	jsonPin("api_gateway.http[1].value", "0.0000009", "apigateway.json", "US West (Oregon)", "ApiGatewayHttpApi more than 300 million", 130),
})

// pinnedEUWest1 is every figure of the 2026-11 eu-west-1 catalogue.
var pinnedEUWest1 = concatPins(regionRulePins, []pin{
	// NAT gateway, from natgateway.json (AWS page JSON, 2025-10-28).
	jsonPin("nat_gateway.hour.value", "0.048", "natgateway.json", "EU (Ireland)", "Hourly charge for NAT Gateways", 129),
	jsonPin("nat_gateway.gb.value", "0.048", "natgateway.json", "EU (Ireland)", "Charge for per GB data processed by NatGateways", 124),
	jsonPin("lambda.request.value", "0.0000002", "lambda.json", "EU (Ireland)", "Lambda Requests", 559),
	jsonPin("lambda.duration.x86_64[0].value", "0.0000166667", "lambda.json", "EU (Ireland)", "Lambda Duration", 569),
	jsonPin("lambda.duration.x86_64[1].value", "0.000015", "lambda.json", "EU (Ireland)", "Lambda Duration Tier2", 519),
	jsonPin("lambda.duration.x86_64[2].value", "0.0000133334", "lambda.json", "EU (Ireland)", "Lambda Duration Tier3", 579),
	jsonPin("lambda.duration.arm64[0].value", "0.0000133334", "lambda.json", "EU (Ireland)", "Lambda Duration-ARM", 554),
	jsonPin("lambda.duration.arm64[1].value", "0.0000120001", "lambda.json", "EU (Ireland)", "Lambda Duration-ARM Tier2", 514),
	jsonPin("lambda.duration.arm64[2].value", "0.0000106667", "lambda.json", "EU (Ireland)", "Lambda Duration-ARM Tier3", 589),
	jsonPin("lambda.ephemeral_storage.value", "0.000000034", "lambda.json", "EU (Ireland)", "Lambda Storage-Duration", 529),
	jsonPin("lambda.provisioned.x86_64.concurrency.value", "0.000004646", "lambda.json", "EU (Ireland)", "Lambda Provisioned-Concurrency", 549),
	jsonPin("lambda.provisioned.x86_64.duration.value", "0.0000108407", "lambda.json", "EU (Ireland)", "Lambda Duration-Provisioned", 584),
	jsonPin("lambda.provisioned.arm64.concurrency.value", "0.0000037168", "lambda.json", "EU (Ireland)", "Lambda Provisioned-Concurrency-ARM", 534),
	jsonPin("lambda.provisioned.arm64.duration.value", "0.0000086726", "lambda.json", "EU (Ireland)", "Lambda Duration-Provisioned-ARM", 599),
	jsonPin("fargate.linux_x86.vcpu_hour.value", "0.04048", "ecs.json", "EU (Ireland)", "perCPU per hour", 12689),
	jsonPin("fargate.linux_x86.gb_hour.value", "0.004445", "ecs.json", "EU (Ireland)", "perGB per hour", 12649),
	jsonPin("fargate.linux_arm64.vcpu_hour.value", "0.03238", "ecs.json", "EU (Ireland)", "ARM perCPU per hour", 12674),
	jsonPin("fargate.linux_arm64.gb_hour.value", "0.00356", "ecs.json", "EU (Ireland)", "ARM perGB per hour", 12679),
	jsonPin("fargate.ephemeral_gb_hour.value", "0.000122", "ecs.json", "EU (Ireland)", "Storage per GB-Hours", 12654),
	jsonPin("eks.standard_cluster_hour.value", "0.1", "eks.json", "EU (Ireland)", "Compute per hours", 12534),
	{"eks.extended_cluster_hour.value", "0.6", "eks.json EU (Ireland) \"Compute per hours\" + \"Compute ExtendedSupport per Hours\" line 12539"},
	jsonPin("api_gateway.rest[0].value", "0.0000035", "apigateway.json", "EU (Ireland)", "API Calls Number of up to 333 million", 469),
	jsonPin("api_gateway.rest[1].value", "0.00000319", "apigateway.json", "EU (Ireland)", "API Calls Number of Request Next 667 million", 509),
	jsonPin("api_gateway.rest[2].value", "0.00000271", "apigateway.json", "EU (Ireland)", "API Calls Number of Request Next 19 billion", 489),
	jsonPin("api_gateway.rest[3].value", "0.00000172", "apigateway.json", "EU (Ireland)", "API Calls Number of Request Over 20 billion", 494),
	jsonPin("api_gateway.http[0].value", "0.00000111", "apigateway.json", "EU (Ireland)", "ApiGatewayHttpApi First 300 million", 479),
	jsonPin("api_gateway.http[1].value", "0.000001", "apigateway.json", "EU (Ireland)", "ApiGatewayHttpApi more than 300 million", 474),
	// EC2 prices from ec2-transformed.json (AWS page JSON, 2025-11), region eu-west-1.
	{"ec2.instances.m5.large.hourly.value", "0.107", "ec2-transformed.json {region: eu-west-1, instanceType: m5.large, pricePerUnit: 0.1070000000}"},
	{"ec2.instances.m7g.large.hourly.value", "0.091", "ec2-transformed.json {region: eu-west-1, instanceType: m7g.large, pricePerUnit: 0.0910000000}"},
	{"ec2.instances.c6i.xlarge.hourly.value", "0.1824", "ec2-transformed.json {region: eu-west-1, instanceType: c6i.xlarge, pricePerUnit: 0.1824000000}"},
	{"ec2.instances.r7g.large.hourly.value", "0.1199", "ec2-transformed.json {region: eu-west-1, instanceType: r7g.large, pricePerUnit: 0.1199000000}"},
	{"ec2.instances.m7i.2xlarge.hourly.value", "0.4494", "ec2-transformed.json {region: eu-west-1, instanceType: m7i.2xlarge, pricePerUnit: 0.4494000000}"},
	{"ec2.instances.t4g.medium.hourly.value", "0.0368", "ec2-transformed.json {region: eu-west-1, instanceType: t4g.medium, pricePerUnit: 0.0368000000}"},
})

// pinnedEUCentral1 is every figure of the 2026-11 eu-central-1 catalogue.
var pinnedEUCentral1 = concatPins(regionRulePins, []pin{
	// NAT gateway, from natgateway.json (AWS page JSON, 2025-10-28).
	jsonPin("nat_gateway.hour.value", "0.052", "natgateway.json", "EU (Frankfurt)", "Hourly charge for NAT Gateways", 156),
	jsonPin("nat_gateway.gb.value", "0.052", "natgateway.json", "EU (Frankfurt)", "Charge for per GB data processed by NatGateways", 151),
	jsonPin("lambda.request.value", "0.0000002", "lambda.json", "EU (Frankfurt)", "Lambda Requests", 756),
	jsonPin("lambda.duration.x86_64[0].value", "0.0000166667", "lambda.json", "EU (Frankfurt)", "Lambda Duration", 766),
	jsonPin("lambda.duration.x86_64[1].value", "0.000015", "lambda.json", "EU (Frankfurt)", "Lambda Duration Tier2", 716),
	jsonPin("lambda.duration.x86_64[2].value", "0.0000133334", "lambda.json", "EU (Frankfurt)", "Lambda Duration Tier3", 776),
	jsonPin("lambda.duration.arm64[0].value", "0.0000133334", "lambda.json", "EU (Frankfurt)", "Lambda Duration-ARM", 751),
	jsonPin("lambda.duration.arm64[1].value", "0.0000120001", "lambda.json", "EU (Frankfurt)", "Lambda Duration-ARM Tier2", 711),
	jsonPin("lambda.duration.arm64[2].value", "0.0000106667", "lambda.json", "EU (Frankfurt)", "Lambda Duration-ARM Tier3", 786),
	jsonPin("lambda.ephemeral_storage.value", "0.0000000367", "lambda.json", "EU (Frankfurt)", "Lambda Storage-Duration", 726),
	jsonPin("lambda.provisioned.x86_64.concurrency.value", "0.0000050147", "lambda.json", "EU (Frankfurt)", "Lambda Provisioned-Concurrency", 746),
	jsonPin("lambda.provisioned.x86_64.duration.value", "0.0000117011", "lambda.json", "EU (Frankfurt)", "Lambda Duration-Provisioned", 781),
	jsonPin("lambda.provisioned.arm64.concurrency.value", "0.0000040118", "lambda.json", "EU (Frankfurt)", "Lambda Provisioned-Concurrency-ARM", 731),
	jsonPin("lambda.provisioned.arm64.duration.value", "0.0000093609", "lambda.json", "EU (Frankfurt)", "Lambda Duration-Provisioned-ARM", 796),
	jsonPin("fargate.linux_x86.vcpu_hour.value", "0.04656", "ecs.json", "EU (Frankfurt)", "perCPU per hour", 16756),
	jsonPin("fargate.linux_x86.gb_hour.value", "0.00511", "ecs.json", "EU (Frankfurt)", "perGB per hour", 16716),
	jsonPin("fargate.linux_arm64.vcpu_hour.value", "0.03725", "ecs.json", "EU (Frankfurt)", "ARM perCPU per hour", 16741),
	jsonPin("fargate.linux_arm64.gb_hour.value", "0.00409", "ecs.json", "EU (Frankfurt)", "ARM perGB per hour", 16746),
	jsonPin("fargate.ephemeral_gb_hour.value", "0.000132", "ecs.json", "EU (Frankfurt)", "Storage per GB-Hours", 16721),
	jsonPin("eks.standard_cluster_hour.value", "0.1", "eks.json", "EU (Frankfurt)", "Compute per hours", 16671),
	{"eks.extended_cluster_hour.value", "0.6", "eks.json EU (Frankfurt) \"Compute per hours\" + \"Compute ExtendedSupport per Hours\" line 16676"},
	jsonPin("api_gateway.rest[0].value", "0.0000037", "apigateway.json", "EU (Frankfurt)", "API Calls Number of up to 333 million", 641),
	jsonPin("api_gateway.rest[1].value", "0.00000319", "apigateway.json", "EU (Frankfurt)", "API Calls Number of Request Next 667 million", 681),
	jsonPin("api_gateway.rest[2].value", "0.00000271", "apigateway.json", "EU (Frankfurt)", "API Calls Number of Request Next 19 billion", 661),
	jsonPin("api_gateway.rest[3].value", "0.00000172", "apigateway.json", "EU (Frankfurt)", "API Calls Number of Request Over 20 billion", 666),
	jsonPin("api_gateway.http[0].value", "0.0000012", "apigateway.json", "EU (Frankfurt)", "ApiGatewayHttpApi First 300 million", 651),
	jsonPin("api_gateway.http[1].value", "0.00000108", "apigateway.json", "EU (Frankfurt)", "ApiGatewayHttpApi more than 300 million", 646),
})

// pinnedAPSoutheast1 is every figure of the 2026-11 ap-southeast-1 catalogue.
var pinnedAPSoutheast1 = concatPins(regionRulePins, []pin{
	// NAT gateway, from natgateway.json (AWS page JSON, 2025-10-28).
	jsonPin("nat_gateway.hour.value", "0.059", "natgateway.json", "Asia Pacific (Singapore)", "Hourly charge for NAT Gateways", 220),
	jsonPin("nat_gateway.gb.value", "0.059", "natgateway.json", "Asia Pacific (Singapore)", "Charge for per GB data processed by NatGateways", 215),
	jsonPin("lambda.request.value", "0.0000002", "lambda.json", "Asia Pacific (Singapore)", "Lambda Requests", 1150),
	jsonPin("lambda.duration.x86_64[0].value", "0.0000166667", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration", 1160),
	jsonPin("lambda.duration.x86_64[1].value", "0.000015", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration Tier2", 1110),
	jsonPin("lambda.duration.x86_64[2].value", "0.0000133334", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration Tier3", 1170),
	jsonPin("lambda.duration.arm64[0].value", "0.0000133334", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration-ARM", 1145),
	jsonPin("lambda.duration.arm64[1].value", "0.0000120001", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration-ARM Tier2", 1105),
	jsonPin("lambda.duration.arm64[2].value", "0.0000106667", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration-ARM Tier3", 1180),
	jsonPin("lambda.ephemeral_storage.value", "0.000000037", "lambda.json", "Asia Pacific (Singapore)", "Lambda Storage-Duration", 1120),
	jsonPin("lambda.provisioned.x86_64.concurrency.value", "0.0000051991", "lambda.json", "Asia Pacific (Singapore)", "Lambda Provisioned-Concurrency", 1140),
	jsonPin("lambda.provisioned.x86_64.duration.value", "0.0000121313", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration-Provisioned", 1175),
	jsonPin("lambda.provisioned.arm64.concurrency.value", "0.0000041593", "lambda.json", "Asia Pacific (Singapore)", "Lambda Provisioned-Concurrency-ARM", 1125),
	jsonPin("lambda.provisioned.arm64.duration.value", "0.000009705", "lambda.json", "Asia Pacific (Singapore)", "Lambda Duration-Provisioned-ARM", 1190),
	jsonPin("fargate.linux_x86.vcpu_hour.value", "0.05056", "ecs.json", "Asia Pacific (Singapore)", "perCPU per hour", 24040),
	jsonPin("fargate.linux_x86.gb_hour.value", "0.00553", "ecs.json", "Asia Pacific (Singapore)", "perGB per hour", 24000),
	jsonPin("fargate.linux_arm64.vcpu_hour.value", "0.04045", "ecs.json", "Asia Pacific (Singapore)", "ARM perCPU per hour", 24025),
	jsonPin("fargate.linux_arm64.gb_hour.value", "0.00442", "ecs.json", "Asia Pacific (Singapore)", "ARM perGB per hour", 24030),
	jsonPin("fargate.ephemeral_gb_hour.value", "0.000133", "ecs.json", "Asia Pacific (Singapore)", "Storage per GB-Hours", 24005),
	jsonPin("eks.standard_cluster_hour.value", "0.1", "eks.json", "Asia Pacific (Singapore)", "Compute per hours", 24150),
	{"eks.extended_cluster_hour.value", "0.6", "eks.json Asia Pacific (Singapore) \"Compute per hours\" + \"Compute ExtendedSupport per Hours\" line 24155"},
	jsonPin("api_gateway.rest[0].value", "0.00000425", "apigateway.json", "Asia Pacific (Singapore)", "API Calls Number of up to 333 million", 985),
	jsonPin("api_gateway.rest[1].value", "0.00000353", "apigateway.json", "Asia Pacific (Singapore)", "API Calls Number of Request Next 667 million", 1025),
	jsonPin("api_gateway.rest[2].value", "0.000003", "apigateway.json", "Asia Pacific (Singapore)", "API Calls Number of Request Next 19 billion", 1005),
	jsonPin("api_gateway.rest[3].value", "0.00000191", "apigateway.json", "Asia Pacific (Singapore)", "API Calls Number of Request Over 20 billion", 1010),
	jsonPin("api_gateway.http[0].value", "0.00000125", "apigateway.json", "Asia Pacific (Singapore)", "ApiGatewayHttpApi First 300 million", 995),
	jsonPin("api_gateway.http[1].value", "0.00000113", "apigateway.json", "Asia Pacific (Singapore)", "ApiGatewayHttpApi more than 300 million", 990),
})

// pinnedAPNortheast1 is every figure of the 2026-11 ap-northeast-1 catalogue.
var pinnedAPNortheast1 = concatPins(regionRulePins, []pin{
	// NAT gateway, from natgateway.json (AWS page JSON, 2025-10-28).
	jsonPin("nat_gateway.hour.value", "0.062", "natgateway.json", "Asia Pacific (Tokyo)", "Hourly charge for NAT Gateways", 193),
	jsonPin("nat_gateway.gb.value", "0.062", "natgateway.json", "Asia Pacific (Tokyo)", "Charge for per GB data processed by NatGateways", 188),
	jsonPin("lambda.request.value", "0.0000002", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Requests", 953),
	jsonPin("lambda.duration.x86_64[0].value", "0.0000166667", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration", 963),
	jsonPin("lambda.duration.x86_64[1].value", "0.000015", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration Tier2", 913),
	jsonPin("lambda.duration.x86_64[2].value", "0.0000133334", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration Tier3", 973),
	jsonPin("lambda.duration.arm64[0].value", "0.0000133334", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration-ARM", 948),
	jsonPin("lambda.duration.arm64[1].value", "0.0000120001", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration-ARM Tier2", 908),
	jsonPin("lambda.duration.arm64[2].value", "0.0000106667", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration-ARM Tier3", 983),
	jsonPin("lambda.ephemeral_storage.value", "0.000000037", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Storage-Duration", 923),
	jsonPin("lambda.provisioned.x86_64.concurrency.value", "0.0000053835", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Provisioned-Concurrency", 943),
	jsonPin("lambda.provisioned.x86_64.duration.value", "0.0000125615", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration-Provisioned", 978),
	jsonPin("lambda.provisioned.arm64.concurrency.value", "0.0000043068", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Provisioned-Concurrency-ARM", 928),
	jsonPin("lambda.provisioned.arm64.duration.value", "0.0000100492", "lambda.json", "Asia Pacific (Tokyo)", "Lambda Duration-Provisioned-ARM", 993),
	jsonPin("fargate.linux_x86.vcpu_hour.value", "0.05056", "ecs.json", "Asia Pacific (Tokyo)", "perCPU per hour", 20643),
	jsonPin("fargate.linux_x86.gb_hour.value", "0.00553", "ecs.json", "Asia Pacific (Tokyo)", "perGB per hour", 20603),
	jsonPin("fargate.linux_arm64.vcpu_hour.value", "0.04045", "ecs.json", "Asia Pacific (Tokyo)", "ARM perCPU per hour", 20628),
	jsonPin("fargate.linux_arm64.gb_hour.value", "0.00442", "ecs.json", "Asia Pacific (Tokyo)", "ARM perGB per hour", 20633),
	jsonPin("fargate.ephemeral_gb_hour.value", "0.000133", "ecs.json", "Asia Pacific (Tokyo)", "Storage per GB-Hours", 20608),
	jsonPin("eks.standard_cluster_hour.value", "0.1", "eks.json", "Asia Pacific (Tokyo)", "Compute per hours", 20698),
	{"eks.extended_cluster_hour.value", "0.6", "eks.json Asia Pacific (Tokyo) \"Compute per hours\" + \"Compute ExtendedSupport per Hours\" line 20703"},
	jsonPin("api_gateway.rest[0].value", "0.00000425", "apigateway.json", "Asia Pacific (Tokyo)", "API Calls Number of up to 333 million", 813),
	jsonPin("api_gateway.rest[1].value", "0.00000353", "apigateway.json", "Asia Pacific (Tokyo)", "API Calls Number of Request Next 667 million", 853),
	jsonPin("api_gateway.rest[2].value", "0.000003", "apigateway.json", "Asia Pacific (Tokyo)", "API Calls Number of Request Next 19 billion", 833),
	jsonPin("api_gateway.rest[3].value", "0.00000191", "apigateway.json", "Asia Pacific (Tokyo)", "API Calls Number of Request Over 20 billion", 838),
	jsonPin("api_gateway.http[0].value", "0.00000129", "apigateway.json", "Asia Pacific (Tokyo)", "ApiGatewayHttpApi First 300 million", 823),
	jsonPin("api_gateway.http[1].value", "0.00000118", "apigateway.json", "Asia Pacific (Tokyo)", "ApiGatewayHttpApi more than 300 million", 818),
})

// apiGatewayUSEast1 pins the us-east-1 file's API Gateway prices.
var apiGatewayUSEast1 = []pin{
	jsonPin("api_gateway.rest[0].value", "0.0000035", "apigateway.json", "US East (N. Virginia)", "API Calls Number of up to 333 million", 297),
	jsonPin("api_gateway.rest[1].value", "0.0000028", "apigateway.json", "US East (N. Virginia)", "API Calls Number of Request Next 667 million", 337),
	jsonPin("api_gateway.rest[2].value", "0.00000238", "apigateway.json", "US East (N. Virginia)", "API Calls Number of Request Next 19 billion", 317),
	jsonPin("api_gateway.rest[3].value", "0.00000151", "apigateway.json", "US East (N. Virginia)", "API Calls Number of Request Over 20 billion", 322),
	jsonPin("api_gateway.http[0].value", "0.000001", "apigateway.json", "US East (N. Virginia)", "ApiGatewayHttpApi First 300 million", 307),
	jsonPin("api_gateway.http[1].value", "0.0000009", "apigateway.json", "US East (N. Virginia)", "ApiGatewayHttpApi more than 300 million", 302),
}

// feePins are the named fees' figures, the same in every region: the
// pricing pages state one figure each (the instance-hour fees' prices are
// the generated table's, pinned in TestInstanceFee and TestFeeTables).
var feePins = []pin{
	{"fees.ecs-managed-instances.minimum_seconds.value", "60", "https://aws.amazon.com/ecs/pricing/ (\"Billed per second with a one-minute minimum\")"},
	{"fees.lambda-managed-instances-requests.price.value", "0.0000002", "https://aws.amazon.com/lambda/pricing/ (\"Lambda Managed Instances – Request charges: $0.20 per million requests\", transcribed in api-evangelist/aws-lambda plans/aws-lambda-plans-pricing.yml)"},
	{"fees.lambda-managed-instances-compute.price.value", "0.15", "https://aws.amazon.com/lambda/pricing/ (\"Compute management fee: 15% premium on the EC2 on-demand instance price\", same transcription)"},
}

func init() {
	for region, pins := range map[string][]pin{
		"us-west-2": pinnedUSWest2, "eu-west-1": pinnedEUWest1, "eu-central-1": pinnedEUCentral1,
		"ap-southeast-1": pinnedAPSoutheast1, "ap-northeast-1": pinnedAPNortheast1,
	} {
		pinnedFigures[platform.Snapshot2026.String()+"/"+region] = concatPins(pins, feePins, windowsRegionPins[region])
	}
	us := platform.Snapshot2026.String() + "/us-east-1"
	pinnedFigures[us] = concatPins(pinnedFigures[us], apiGatewayUSEast1, regionRulePins[len(regionRulePins)-4:], feePins)
}
