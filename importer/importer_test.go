package importer_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/importer"
)

var update = flag.Bool("update", false, "rewrite the golden imports in testdata")

func readFile(t *testing.T, path string) importer.Result {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	r, err := importer.Read(filepath.Base(path), data)
	require.NoError(t, err)
	return r
}

// The Kubernetes documentation's HPA walkthrough
// (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough/):
// php-apache requests 200m of CPU, and its autoscaler keeps 1 to 10
// replicas at 50 % CPU. The printed scenario is a golden; it parses back
// to the same scenario.
func TestKubernetesHPAWalkthrough(t *testing.T) {
	r := readFile(t, "testdata/kubernetes/hpa-walkthrough.yaml")
	require.Len(t, r.Services, 1)
	s := r.Services[0]
	assert.Equal(t, "php-apache", s.Name)
	assert.Equal(t, "0.2", s.Scenario.Container.VCPU.String())
	assert.True(t, *s.Scenario.Servers.Autoscaling)
	assert.Equal(t, int64(1), *s.Scenario.Servers.MinCount)
	assert.Equal(t, "0.5", s.Scenario.Servers.TargetUtilization.String())
	assert.Equal(t, importer.Origin{File: "hpa-walkthrough.yaml", Line: 23, Path: "spec.template.spec.containers[0].resources.requests.cpu"}, s.Origins["container.vcpu"])
	assert.Equal(t, 57, s.Origins["servers.target_utilization"].Line)
	// The Service is listed as skipped, not dropped.
	require.Len(t, r.Skipped, 1)
	assert.Equal(t, "Service", r.Skipped[0].Kind)
	assert.Equal(t, 25, r.Skipped[0].Line)

	out := r.YAML()
	golden(t, "testdata/kubernetes/hpa-walkthrough.golden", out)
	requireParsesAs(t, out, r.Services)
}

// requireParsesAs checks that every document of out parses, and to the
// scenario the importer built.
func requireParsesAs(t *testing.T, out []byte, services []importer.Service) {
	t.Helper()
	docs := bytes.Split(out, []byte("\n---\n"))
	require.Len(t, docs, len(services))
	for i, d := range docs {
		got, err := runwhere.ParseScenario(d)
		require.NoError(t, err, "%s", d)
		a, err := json.Marshal(got)
		require.NoError(t, err)
		b, err := json.Marshal(services[i].Scenario)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(a))
		_, err = runwhere.Evaluate(got)
		require.NoError(t, err, "%s", d)
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s: run go test ./importer -update to rewrite it", path)
}

func TestKubernetesObjects(t *testing.T) {
	deploy := func(kind, name, resources string) string {
		return fmt.Sprintf("apiVersion: apps/v1\nkind: %s\nmetadata: {name: %s}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n%s", kind, name, resources)
	}
	one := "      - name: app\n        resources: {requests: {cpu: 250m, memory: 512Mi}}\n"
	for _, tc := range []struct {
		name, doc         string
		services, skipped int
		vcpu, memory      string // "" when not set
		autoscaling       bool
		target, note      string
	}{
		{name: "Deployment", doc: deploy("Deployment", "api", one), services: 1, vcpu: "0.25", memory: "512", note: "spec.replicas 3 is not used"},
		{name: "two services, one document each", doc: deploy("Deployment", "api", one) + "---\n" + deploy("Deployment", "worker", one), services: 2, vcpu: "0.25", memory: "512"},
		{name: "StatefulSet", doc: deploy("StatefulSet", "db", one), services: 1, vcpu: "0.25", memory: "512"},
		{name: "limits when requests are absent", doc: deploy("Deployment", "api", "      - resources: {limits: {cpu: '1', memory: 1Gi}}\n"), services: 1, vcpu: "1", memory: "1024"},
		{
			name: "containers added up", services: 1, vcpu: "1.75", memory: "1536",
			doc: deploy("Deployment", "api", "      - resources: {requests: {cpu: 1500m, memory: 1Gi}}\n      - resources: {requests: {cpu: 250m, memory: 512Mi}}\n"),
		},
		{name: "decimal memory rounded up and said", doc: deploy("Deployment", "api", "      - resources: {requests: {cpu: '2', memory: 1G}}\n"), services: 1, vcpu: "2", memory: "954", note: "1000000000 bytes is 953.674 MiB, rounded up to 954"},
		{name: "no resources", doc: deploy("Deployment", "api", "      - name: app\n"), services: 1},
		{
			name: "a List, with an autoscaling/v1 HPA", services: 1, vcpu: "0.25", memory: "512", autoscaling: true, target: "0.8",
			doc: "apiVersion: v1\nkind: List\nitems:\n- " + strings.ReplaceAll(deploy("Deployment", "api", one), "\n", "\n  ") +
				"\n- {apiVersion: autoscaling/v1, kind: HorizontalPodAutoscaler, metadata: {name: api}, spec: {scaleTargetRef: {kind: Deployment, name: api}, maxReplicas: 5, targetCPUUtilizationPercentage: 80}}\n",
		},
		{name: "an HPA of another file", doc: "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: x}\nspec: {scaleTargetRef: {kind: Deployment, name: elsewhere}, maxReplicas: 2}\n", skipped: 1},
		{name: "not Kubernetes", doc: "services:\n  web: {image: nginx}\n", skipped: 1},
		{name: "a ConfigMap", doc: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", skipped: 1},
		{name: "empty documents", doc: "---\n---\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := importer.Read("f.yaml", []byte(tc.doc))
			require.NoError(t, err)
			require.Len(t, r.Services, tc.services)
			assert.Len(t, r.Skipped, tc.skipped)
			if tc.services == 0 {
				return
			}
			s := r.Services[0]
			if tc.vcpu == "" {
				assert.Nil(t, s.Scenario.Container.VCPU)
			} else {
				assert.Equal(t, tc.vcpu, s.Scenario.Container.VCPU.String())
			}
			if tc.memory == "" {
				assert.Nil(t, s.Scenario.Container.MemoryMB)
			} else {
				assert.Equal(t, tc.memory, fmt.Sprint(*s.Scenario.Container.MemoryMB))
			}
			assert.Equal(t, tc.autoscaling, s.Scenario.Servers.Autoscaling != nil)
			if tc.target != "" {
				assert.Equal(t, tc.target, s.Scenario.Servers.TargetUtilization.String())
			}
			if tc.note != "" {
				assert.Contains(t, strings.Join(s.Notes, "\n"), tc.note)
			}
			requireParsesAs(t, r.YAML(), r.Services)
		})
	}
}

// A file that cannot be read is an error naming the file, the line and
// the path of the value at fault.
func TestReadErrors(t *testing.T) {
	deploy := "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - resources: {requests: {cpu: %s}}\n"
	for _, tc := range []struct{ name, doc, want string }{
		{"not YAML", "a: [1,\n", "importer: f.yaml: is not YAML or JSON"},
		{"not a quantity", fmt.Sprintf(deploy, "lots"), `importer: f.yaml:8 spec.template.spec.containers[0].resources.requests.cpu: "lots" is not a Kubernetes quantity`},
		{"finer than a millicore", fmt.Sprintf(deploy, "0.1m"), `importer: f.yaml:8 spec.template.spec.containers[0].resources.requests.cpu: "0.1m" is finer than a millicore`},
		{"negative", fmt.Sprintf(deploy, "-1"), `"-1" is negative`},
		{"no containers", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {}\n", "importer: f.yaml:1 spec.template.spec.containers: is missing"},
		{"no name", "apiVersion: apps/v1\nkind: Deployment\nspec: {}\n", "metadata.name: is missing"},
		{
			"a target past 100 %",
			fmt.Sprintf(deploy, "1") + "---\napiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec: {scaleTargetRef: {kind: Deployment, name: api}, targetCPUUtilizationPercentage: 150}\n",
			`importer: f.yaml:13 spec.targetCPUUtilizationPercentage: "150" is not a percentage from 1 to 100`,
		},
		{"too large", strings.Repeat("#", importer.MaxFileBytes+1), "is 10485761 bytes, more than the 10485760"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importer.Read("f.yaml", []byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			var e *importer.Error
			assert.ErrorAs(t, err, &e)
		})
	}
}

// An alias bomb is read as its text: the importer walks only the paths
// it reads and never expands a document.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	b.WriteString("apiVersion: *a29\nkind: *a29\n")
	r, err := importer.Read("bomb.yaml", []byte(b.String()))
	require.NoError(t, err)
	assert.Len(t, r.Skipped, 1)
}

func TestParseQuantity(t *testing.T) {
	// Kubernetes' own examples
	// (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
	// and https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/):
	// "128974848, 129e6, 129M, 128974848000m, 123Mi" are about the same
	// memory; 0.1 CPU is 100m.
	for _, tc := range []struct{ in, want string }{
		{"250m", "0.25"}, {"1.5", "1.5"}, {"0.1", "0.1"}, {"100m", "0.1"},
		{"512Mi", "536870912"}, {"1G", "1000000000"}, {"1e3", "1000"}, {"1E3", "1000"},
		{"128974848", "128974848"}, {"129e6", "129000000"}, {"129M", "129000000"},
		{"128974848000m", "128974848"}, {"123Mi", "128974848"}, {"1.5Gi", "1610612736"},
		{"2Ki", "2048"}, {"1Ti", "1099511627776"}, {"5n", "0.000000005"}, {"3u", "0.000003"},
		{"+1k", "1000"}, {"-2", "-2"}, {"1e-3", "0.001"}, {".5", "0.5"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := importer.ParseQuantity(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.String(), "ParseQuantity(%q)", tc.in)
		})
	}
	for _, bad := range []string{strings.Repeat("1", 65), "", "m", "1.2.3", "1x", "1mi", "Mi", "1e", "1e1000", "1 Mi", "NaN", "1Gi5", "."} {
		_, err := importer.ParseQuantity(bad)
		assert.Error(t, err, "ParseQuantity(%q)", bad)
	}
}

// The SAM CLI's hello-world template: no MemorySize (AWS's default, 128
// MB), Globals.Function.Timeout 3, and an Api event, a REST API in front.
func TestSAMHelloWorld(t *testing.T) {
	r := readFile(t, "testdata/sam/hello-world.yaml")
	require.Len(t, r.Services, 1)
	s := r.Services[0]
	assert.Equal(t, "HelloWorldFunction", s.Name)
	assert.Equal(t, int64(128), *s.Scenario.Workload.MemoryMB)
	assert.Equal(t, "3", s.Scenario.Workload.MaxDurationS.String())
	assert.Equal(t, "x86_64", s.Scenario.Workload.Arch)
	assert.Equal(t, runwhere.IngressRESTAPI, s.Scenario.Ingress.Lambda)
	assert.Equal(t, importer.Origin{File: "hello-world.yaml", Line: 11, Path: "Globals.Function.Timeout"}, s.Origins["workload.max_duration_s"])
	assert.Empty(t, r.Skipped)
	out := r.YAML()
	golden(t, "testdata/sam/hello-world.golden", out)
	requireParsesAs(t, out, r.Services)
}

func TestSAMTemplates(t *testing.T) {
	head := "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n"
	for _, tc := range []struct {
		name, doc                   string
		memory, timeout, arch, door string
		eph, pc                     string
		note                        string
	}{
		{
			name: "own properties over Globals, arm64, HTTP API", memory: "1769", timeout: "30", arch: "arm64", door: runwhere.IngressHTTPAPI,
			doc: head + "Globals: {Function: {MemorySize: 256, Timeout: 10}}\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties: {MemorySize: 1769, Timeout: 30, Architectures: [arm64], Events: {Get: {Type: HttpApi}}}\n",
		},
		{
			name: "a parameter's default through !Ref", memory: "512", timeout: "3",
			doc: head + "Parameters:\n  Mem: {Type: Number, Default: 512}\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {MemorySize: !Ref Mem}\n",
		},
		{
			name: "an intrinsic known at deploy time", memory: "128", timeout: "3", note: "is set by an intrinsic function at deploy time",
			doc: head + "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {MemorySize: !If [Big, 1024, 128]}\n",
		},
		{
			name: "plain CloudFormation in JSON, storage and provisioned concurrency", memory: "2048", timeout: "900", eph: "4096", pc: "5",
			doc: `{"Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {"MemorySize": 2048, "Timeout": 900, "EphemeralStorage": {"Size": 4096}}}, "Alias": {"Type": "AWS::Lambda::Alias"}, "Sls": {"Type": "AWS::Serverless::Function", "Properties": {"ProvisionedConcurrencyConfig": {"ProvisionedConcurrentExecutions": 5}}}}}`,
		},
		{
			name: "an SQS event is said, not read", memory: "128", timeout: "3", note: "a SQS event is not read",
			doc: head + "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {Events: {Q: {Type: SQS}}}\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := importer.Read("template.yaml", []byte(tc.doc))
			require.NoError(t, err)
			require.NotEmpty(t, r.Services)
			s := r.Services[0]
			assert.Equal(t, tc.memory, fmt.Sprint(*s.Scenario.Workload.MemoryMB))
			assert.Equal(t, tc.timeout, s.Scenario.Workload.MaxDurationS.String())
			assert.Equal(t, tc.arch, s.Scenario.Workload.Arch)
			if tc.door != "" {
				assert.Equal(t, tc.door, s.Scenario.Ingress.Lambda)
			}
			if tc.eph != "" {
				assert.Equal(t, tc.eph, fmt.Sprint(*s.Scenario.Lambda.EphemeralStorageMB))
			}
			if tc.pc != "" {
				assert.Equal(t, tc.pc, fmt.Sprint(*r.Services[1].Scenario.Lambda.ProvisionedConcurrency))
			}
			if tc.note != "" {
				assert.Contains(t, strings.Join(s.Notes, "\n"), tc.note)
			}
			requireParsesAs(t, r.YAML(), r.Services)
		})
	}
	for _, tc := range []struct{ name, doc, want string }{
		{"memory past Lambda's", head + "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {MemorySize: 20000}\n", `template.yaml:6 Resources.F.Properties.MemorySize: "20000" is not a whole number from 128 to 10240`},
		{"an exponent past any size", head + "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {MemorySize: 1e99999999}\n", `"1e99999999" is not a whole number from 128 to 10240`},
		{"timeout past 15 minutes", head + "Globals: {Function: {Timeout: 901}}\nResources:\n  F: {Type: AWS::Serverless::Function}\n", `template.yaml:3 Globals.Function.Timeout: "901" is not a whole number from 1 to 900`},
		{"unknown architecture", head + "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Architectures: [sparc]\n", `"sparc" is not x86_64 or arm64`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importer.Read("template.yaml", []byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// One week of an ALB's hourly RequestCount (testdata/metrics/ORIGIN.md):
// 76,129,200 requests over 168 hours is 125.875 requests/s; the busiest
// hour, Wednesday 14:00 UTC, has 1,440,000 (400 a second); and the week's
// shape is its own 168 hours, Monday 00:00 UTC first.
func TestCloudWatchWeek(t *testing.T) {
	r := readFile(t, "testdata/metrics/alb-requests-week.json")
	require.Len(t, r.Services, 1)
	w := r.Services[0].Scenario.Workload
	assert.Equal(t, "125.875", w.RequestsPerSecond.String())
	assert.Equal(t, "400", w.PeakHourRequestsPerSecond.String())
	require.Len(t, w.Hourly, 168)
	assert.Equal(t, "1440000", w.Hourly[2*24+14].String(), "Wednesday 14:00")
	assert.Equal(t, "144000", w.Hourly[0].String(), "Monday 00:00")
	// The shape reproduces the mean: its hours add up to the week's
	// requests.
	sum := decimal.Zero
	for _, v := range w.Hourly {
		sum = sum.Add(v)
	}
	assert.Equal(t, "76129200", sum.String())
	require.Len(t, r.Skipped, 1)
	assert.Equal(t, "metric CPUUtilization", r.Skipped[0].Kind)
	out := r.YAML()
	golden(t, "testdata/metrics/alb-requests-week.golden", out)
	requireParsesAs(t, out, r.Services)
	// The scenario's own busiest hour is the measured one.
	s, err := runwhere.ParseScenario(out)
	require.NoError(t, err)
	rep, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	assert.Equal(t, "400", rep.Inputs.Workload.PeakHourRequestsPerSecond.String())
}

func TestCloudWatchSeries(t *testing.T) {
	doc := func(ts, vs string) string {
		return `{"MetricDataResults": [{"Label": "Invocations", "Timestamps": [` + ts + `], "Values": [` + vs + `]}]}`
	}
	for _, tc := range []struct{ name, doc, mean, peak, note string }{
		{
			name: "five-minute periods added up by clock hour", mean: "1.25", peak: "1.5",
			doc:  doc(`"2026-11-02T00:05:00Z", "2026-11-02T00:10:00Z", "2026-11-02T01:00:00Z", "2026-11-02T01:55:00Z"`, `1800, 1800, 5400, 0`),
			note: "the first and last clock hours are partial",
		},
		{
			name: "a gap is a period without requests", mean: "0.5", peak: "1",
			doc: doc(`"2026-11-02T03:00:00Z", "2026-11-02T01:00:00Z", "2026-11-02T00:00:00Z"`, `3600, 1800, 1800`), note: "1 of 4 periods of 1h0m0s have no data point",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := importer.Read("m.json", []byte(tc.doc))
			require.NoError(t, err)
			require.Len(t, r.Services, 1)
			w := r.Services[0].Scenario.Workload
			assert.Equal(t, tc.mean, w.RequestsPerSecond.String())
			assert.Equal(t, tc.peak, w.PeakHourRequestsPerSecond.String())
			assert.Contains(t, strings.Join(r.Services[0].Notes, "\n"), tc.note)
		})
	}
	for _, tc := range []struct{ name, doc, want string }{
		{"irregular", doc(`"2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z", "2026-11-02T01:30:00Z", "2026-11-02T02:15:00Z"`, `1, 1, 1, 1`), "is not a whole number of 30m0s periods"},
		{"a period past an hour", doc(`"2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"`, `1, 1`), "does not divide an hour"},
		{"counts and times differ", doc(`"2026-11-02T00:00:00Z"`, `1, 2`), "has 1 timestamps and 2 values"},
		{"not a time", doc(`"yesterday", "2026-11-02T00:00:00Z"`, `1, 2`), `"yesterday" is not an RFC 3339 time`},
		{"a negative count", doc(`"2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z"`, `1, -2`), `"-2" is not a non-negative number`},
		{"one point", doc(`"2026-11-02T00:00:00Z"`, `1`), "fewer than two data points"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importer.Read("m.json", []byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// The ECS Developer Guide's Fargate webserver task definition, read with
// a describe-services output naming it: 256 CPU units are 0.25 vCPU, 512
// MiB, awsvpc; the service runs on FARGATE_SPOT, whose discount is left
// for the person to give.
func TestECSTaskDefinitionAndService(t *testing.T) {
	var set importer.Set
	for _, f := range []string{"testdata/ecs/services.json", "testdata/ecs/fargate-webserver.json"} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, set.Add(filepath.Base(f), data))
	}
	r, err := set.Result()
	require.NoError(t, err)
	require.Len(t, r.Services, 1)
	s := r.Services[0]
	assert.Equal(t, "fargate-task-definition", s.Name)
	assert.Equal(t, "0.25", s.Scenario.Container.VCPU.String())
	assert.Equal(t, int64(512), *s.Scenario.Container.MemoryMB)
	assert.Equal(t, "awsvpc", s.Scenario.Servers.ECSNetworkMode)
	assert.Equal(t, importer.Origin{File: "fargate-webserver.json", Line: 28, Path: "cpu"}, s.Origins["container.vcpu"])
	var spot bool
	for _, m := range s.Missing {
		spot = spot || m.Field == "discounts.spot"
	}
	assert.True(t, spot, "FARGATE_SPOT is listed for the person to give: %v", s.Missing)
	assert.Contains(t, strings.Join(s.Notes, "\n"), "desiredCount 3 is not used")
	assert.Empty(t, r.Skipped)
	out := r.YAML()
	golden(t, "testdata/ecs/webserver.golden", out)
	requireParsesAs(t, out, r.Services)

	// Read alone, the service's task definition is missing: skipped, said.
	data, err := os.ReadFile("testdata/ecs/services.json")
	require.NoError(t, err)
	alone, err := importer.Read("services.json", data)
	require.NoError(t, err)
	assert.Empty(t, alone.Services)
	require.Len(t, alone.Skipped, 1)
	assert.Contains(t, alone.Skipped[0].Reason, `runs task definition "arn:aws:ecs:us-east-1:012345678910:task-definition/fargate-task-definition:1", which is not among the files read`)
}

func TestECSTaskDefinitions(t *testing.T) {
	for _, tc := range []struct{ name, doc, vcpu, memory, arch, want string }{
		{
			name: "describe-task-definition, containers added up, memoryReservation when memory is absent", vcpu: "1.5", memory: "3072", arch: "arm64",
			doc: `{"taskDefinition": {"family": "api", "runtimePlatform": {"cpuArchitecture": "ARM64"}, "containerDefinitions": [{"name": "a", "cpu": 1024, "memory": 2048}, {"name": "b", "cpu": 512, "memoryReservation": 1024}]}}`,
		},
		{name: "task level over containers", vcpu: "2", memory: "4096", doc: `{"family": "t", "cpu": "2048", "memory": "4096", "containerDefinitions": [{"name": "a", "cpu": 10, "memory": 20}]}`},
		{name: "no family", doc: `{"containerDefinitions": [{"name": "a"}]}`, want: "family: is missing"},
		{name: "a cpu that is not a number", doc: `{"family": "t", "cpu": "lots", "containerDefinitions": []}`, want: `cpu: "lots" is not a positive number`},
		{name: "a CPU below a millicore", doc: `{"family": "t", "cpu": "1", "containerDefinitions": []}`, want: `td.json:1 cpu: 0.0009765625 is a value runwhere cannot take as container.vcpu`},
		{name: "an unknown architecture", doc: `{"family": "t", "runtimePlatform": {"cpuArchitecture": "RISCV"}, "containerDefinitions": []}`, want: `"RISCV" is not X86_64 or ARM64`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := importer.Read("td.json", []byte(tc.doc))
			if tc.want != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.want)
				return
			}
			require.NoError(t, err)
			require.Len(t, r.Services, 1)
			s := r.Services[0].Scenario
			assert.Equal(t, tc.vcpu, s.Container.VCPU.String())
			assert.Equal(t, tc.memory, fmt.Sprint(*s.Container.MemoryMB))
			assert.Equal(t, tc.arch, s.Workload.Arch)
			requireParsesAs(t, r.YAML(), r.Services)
		})
	}
}

// An autoscaler in another file than its Deployment is found when both
// are read as one set.
func TestHPAInAnotherFile(t *testing.T) {
	var set importer.Set
	require.NoError(t, set.Add("deploy.yaml", []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {template: {spec: {containers: [{resources: {requests: {cpu: 500m}}}]}}}\n")))
	require.NoError(t, set.Add("hpa.yaml", []byte("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec: {scaleTargetRef: {kind: Deployment, name: api}, minReplicas: 3, maxReplicas: 9}\n")))
	r, err := set.Result()
	require.NoError(t, err)
	require.Len(t, r.Services, 1)
	assert.Equal(t, int64(3), *r.Services[0].Scenario.Servers.MinCount)
	assert.Equal(t, "hpa.yaml", r.Services[0].Origins["servers.min_count"].File)
	assert.Empty(t, r.Skipped)
}
