package runwhere_test

import (
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// weekScenario has the longest lists a scenario holds: a week of hourly
// loads, a provisioned schedule over it and every platform, each item of
// which the decoder checks for null.
func weekScenario() []byte {
	hours := make([]string, 168)
	for i := range hours {
		hours[i] = "1." + strings.Repeat("5", i%7+1)
	}
	return []byte("platforms: [lambda, ecs-fargate, ecs-ec2, eks, kubernetes, swarm, nomad]\n" +
		"workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024, hourly: [" + strings.Join(hours, ", ") + "]}\n" +
		"lambda: {provisioned_concurrency: 20, provisioned_schedule: [" + "8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]}\n")
}

func BenchmarkParseScenarioWeek(b *testing.B) {
	data := weekScenario()
	if _, err := runwhere.ParseScenario(data); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := runwhere.ParseScenario(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseScenarioUnclosed is the costliest syntax error: a scenario
// of the largest size whose last list is never closed, so that the error
// path scans all of it for open brackets.
func BenchmarkParseScenarioUnclosed(b *testing.B) {
	doc := string(weekScenario())
	line := "# " + strings.Repeat("padding [{ ", 8) + "\n"
	for len(doc)+len(line) < runwhere.MaxScenarioBytes-40 {
		doc += line
	}
	doc += "name: x\nregion: us-east-1\nalternatives_arch: [any\n"
	data := []byte(doc)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := runwhere.ParseScenario(data); err == nil {
			b.Fatal("an unclosed list was accepted")
		}
	}
}
