package importer_test

import (
	"os"
	"testing"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/importer"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// Whatever the bytes, Read returns in bounded time without a panic, and
// every service it accepts prints as a scenario that parses.
func FuzzRead(f *testing.F) {
	data, err := os.ReadFile("testdata/kubernetes/hpa-walkthrough.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("apiVersion: v1\nkind: List\nitems: [{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: a}, spec: {template: {spec: {containers: [{resources: {limits: {cpu: 1e-3, memory: 1G}}}]}}}}]\n")
	f.Add("a: &a [*a]\n")
	f.Add("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: '*/5 1-3,7 * JAN-MAR mon', jobTemplate: {spec: {parallelism: 3, template: {spec: {containers: [{name: a}]}}}}}\n")
	f.Add("Resources:\n  F: {Type: AWS::Serverless::Function, Properties: {Events: {A: {Type: Schedule, Properties: {Schedule: 'cron(0/10 8-18 ? * 2-6 *)'}}, B: {Type: Schedule, Properties: {Schedule: rate(3 hours)}}}}}\n")
	f.Add(`{"taskDefinition": {"family": "api", "cpu": "1024", "memory": "2048", "runtimePlatform": {"cpuArchitecture": "ARM64"}, "containerDefinitions": [{"name": "a", "cpu": 512, "memoryReservation": 1024}]}}`)
	f.Add(`{"services": [{"serviceName": "s", "taskDefinition": "api:3", "desiredCount": 2, "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}]}`)
	f.Add(`{"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f", "values": {"memory_size": 256, "timeout": 5}}]}}}`)
	f.Add(`{"MetricDataResults": [{"Label": "Count", "Timestamps": ["2026-11-02T00:00:00Z", "2026-11-02T00:05:00Z"], "Values": [300, 600]}, {"Label": "Duration", "Timestamps": ["2026-11-02T00:00:00Z"], "Values": [12.5]}]}`)
	f.Add("AWSTemplateFormatVersion: x\nParameters: {M: {Default: 512}}\nResources:\n  F: {Type: AWS::Serverless::Function, Properties: {MemorySize: !Ref M, Events: {E: {Type: HttpApi}}}}\n")
	f.Fuzz(func(t *testing.T, doc string) {
		var r importer.Result
		inputtest.Timed(t, "Read", doc, func() { r, err = importer.Read("f.yaml", []byte(doc)) })
		if err != nil {
			return
		}
		for _, s := range r.Services {
			if _, err := runwhere.ParseScenario(s.YAML()); err != nil {
				t.Fatalf("service %q prints a scenario that does not parse: %v\n%s", s.Name, err, s.YAML())
			}
		}
	})
}
