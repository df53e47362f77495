package runwhere_test

import (
	"fmt"

	"github.com/runwhere/runwhere"
)

// From a YAML scenario to a recommendation: parse, evaluate, read.
//
// By hand: Lambda bills 105,120,000 requests ($21.02) and 6,307,200 GB-s
// at $0.0000166667 ($105.12). EKS sizes 21 replicas of 0.5 vCPU for a peak
// of 14.4 requests in flight at half CPU and 70 % utilisation, 3 to an
// m5.large after the EKS kube-reserved CPU: 9 nodes at $70.08, each with
// its 20 GB gp3 root volume at $0.08 a GB-month ($1.60), plus the $73.00
// cluster fee. Fargate runs the same 21 replicas as tasks of
// 0.5 vCPU / 1 GB all month, at the hourly rates: 7,665 vCPU-h × $0.04048
// = $310.2792 ($310.28) and 15,330 GB-h × $0.004445 = $68.14185 ($68.14).
func Example() {
	scenario := []byte(`
name: orders-api
platforms: [lambda, ecs-fargate, eks]
workload:
  requests_per_second: 40
  peak_requests_per_second: 120
  duration_ms: 120
  memory_mb: 512
  cpu_fraction: 0.5
`)
	s, err := runwhere.ParseScenario(scenario)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := runwhere.Evaluate(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range r.Platforms {
		fmt.Printf("%-22s feasible=%-5t $%s a month\n", p.Name, p.Feasible, p.MonthlyCostRounded.StringFixed(2))
	}
	fmt.Println("recommended:", r.Recommendation.Platform)
	fmt.Println(r.Recommendation.Reasons[1])
	// Output:
	// AWS Lambda             feasible=true  $126.14 a month
	// Amazon ECS on Fargate  feasible=true  $378.42 a month
	// Amazon EKS             feasible=true  $718.12 a month
	// recommended: lambda
	// At 40 requests/s on average (peak 120) it costs $126.14 a month, the least of the feasible platforms; the next cheapest is Amazon ECS on Fargate at $378.42, which also ranks second.
}

// Bad input is an error that names the field and the value.
func ExampleParseScenario_error() {
	_, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 10, duration_ms: 100, memory_mb: -5}"))
	fmt.Println(err)
	// Output:
	// runwhere: line 1:66: workload.memory_mb: -5 is negative
}
