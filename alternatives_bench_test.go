package runwhere_test

import (
	"strconv"
	"testing"

	"github.com/runwhere/runwhere"
)

// benchPreset parses a reference scenario, asking for n cheaper
// configurations.
func benchPreset(b *testing.B, name string, n int64) runwhere.Scenario {
	b.Helper()
	for _, p := range runwhere.Presets() {
		if p.Name != name {
			continue
		}
		s, err := runwhere.ParseScenario([]byte(p.YAML))
		if err != nil {
			b.Fatal(err)
		}
		s.Alternatives = &n
		return s
	}
	b.Fatalf("no preset %q", name)
	return runwhere.Scenario{}
}

// BenchmarkAlternativesNightlyBatch is issue 27's item 4: the
// nightly-batch preset asking for 2 and for 10 (the most a scenario may
// ask) cheaper configurations. Every candidate instance type of a job is
// priced by the nodes adapter, so this is the search's worst preset.
func BenchmarkAlternativesNightlyBatch(b *testing.B) {
	for _, n := range []int64{2, 10} {
		b.Run("alternatives="+strconv.FormatInt(n, 10), func(b *testing.B) {
			s := benchPreset(b, "nightly-batch-40min", n)
			for b.Loop() {
				if _, err := runwhere.Evaluate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAlternativesPresets asks every reference scenario for 10
// cheaper configurations, the most a scenario may ask.
func BenchmarkAlternativesPresets(b *testing.B) {
	for _, p := range runwhere.Presets() {
		b.Run(p.Name, func(b *testing.B) {
			s := benchPreset(b, p.Name, 10)
			for b.Loop() {
				if _, err := runwhere.Evaluate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAlternativesShapedAutoscaled asks for 10 cheaper configurations
// of a fleet that follows a week's rising shape over six zones behind an
// ALB: every candidate type's fleet is priced hour level by hour level.
func BenchmarkAlternativesShapedAutoscaled(b *testing.B) {
	s, err := runwhere.ParseScenario([]byte(shapedAutoscaledYAML()))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := runwhere.Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// shapedAutoscaledYAML is a service of 168 rising hourly values, its
// fleet autoscaled over six zones behind an ALB, asking for 10 cheaper
// configurations on the four EC2-based platforms.
func shapedAutoscaledYAML() string {
	hourly := "["
	for h := range 168 {
		if h > 0 {
			hourly += ", "
		}
		hourly += strconv.Itoa(1 + h)
	}
	hourly += "]"
	return `alternatives: 10
platforms: [ecs-ec2, eks, kubernetes, swarm]
workload: {requests_per_second: 200, duration_ms: 100, memory_mb: 512, hourly: ` + hourly + `}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {instance_type: m5.large, autoscaling: true, zones: 6}
ingress: {servers: alb}
`
}

// whatIfScenario is a fixed Swarm fleet of the given number of workers
// over three zones.
func whatIfScenario(b *testing.B, workers int) runwhere.Scenario {
	b.Helper()
	s, err := runwhere.ParseScenario([]byte(`platforms: [swarm]
workload: {requests_per_second: 100, duration_ms: 100, memory_mb: 256}
container: {vcpu: 0.5, memory_mb: 1024}
servers: {instance_type: m5.large, managers: 5, count: ` + strconv.Itoa(workers) + `}
`))
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkWhatIfWorkers loses a worker, then a zone, then brings the
// zone back, on fleets of 10,000 workers (the most package ha modelled
// before issue 27) and of a million (which it refused: "the topology
// models no workers").
func BenchmarkWhatIfWorkers(b *testing.B) {
	for _, n := range []int{10000, 1000000} {
		b.Run("workers="+strconv.Itoa(n), func(b *testing.B) {
			s := whatIfScenario(b, n)
			events := []string{"worker:1", "zone:b", "worker", "+zone:b"}
			_, err := runwhere.WhatIf(s, "swarm", events)
			if err != nil {
				b.Skip(err) // the code before issue 27 refuses a million
			}
			for b.Loop() {
				if _, err := runwhere.WhatIf(s, "swarm", events); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
