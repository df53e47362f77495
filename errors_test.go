package runwhere_test

import (
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// fieldErrorFormat is the one message format of a field error behind its
// package's prefix: "<pkg>: [<file>:<line>[:<col>]: | line <line>[:<col>]: ]<field>: …".
var fieldErrorFormat = regexp.MustCompile(`^(runwhere|platform|cost|capacity|ha): ` +
	`(([\w.-]+\.(yaml|csv):\d+(:\d+)?|line \d+(:\d+)?): )?` +
	`[\w.\[\]-]+: \S`)

// TestOneFieldError: a refusal from every loader, from the scenario and from
// each package's Go inputs is the one *FieldError, which errors.As finds
// through each package's name for it, and which prints its position, field
// and value in one format behind its package's prefix.
func TestOneFieldError(t *testing.T) {
	platformText := readReplace(t, "platform/data/2026-11.yaml", "timeout: {value: 900, unit: s, enforcement: hard, source: \"https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html\"", "timeout: {value: -5, unit: s, enforcement: hard, source: \"https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html\"")
	costText := readReplace(t, "cost/data/2026-11_us-east-1.yaml", "standard_cluster_hour:\n    value: \"0.10\"\n", "standard_cluster_hour:\n    value: \"-0.10\"\n")
	valid, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n"))
	require.NoError(t, err)
	prices, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)

	tests := []struct {
		name  string
		err   func() error
		want  string // the message's start: prefix, position, field
		value string
	}{
		{name: "scenario text, decoder",
			err: func() error {
				_, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 4.5}\n"))
				return err
			},
			want: "runwhere: line 1:65: workload.memory_mb: ", value: "4.5"},
		{name: "scenario text, check",
			err: func() error {
				_, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\ncontainer: {memory_mb: 0}\n"))
				return err
			},
			want: "runwhere: line 2:24: container.memory_mb: ", value: "0"},
		{name: "scenario text, platform id",
			err: func() error {
				_, err := runwhere.ParseScenario([]byte("platforms: [openshift]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n"))
				return err
			},
			want: "runwhere: line 1:13: platforms[0]: ", value: "openshift"},
		{name: "scenario in Go",
			err:  func() error { _, err := runwhere.Curves(valid, 1); return err },
			want: "runwhere: points: ", value: "1"},
		{name: "platform catalogue, decoder",
			err:  func() error { _, err := platform.ParseCatalogue("mine.yaml", []byte("colour: red\n")); return err },
			want: "platform: mine.yaml:1:1: colour: "},
		{name: "platform catalogue, check",
			err:  func() error { _, err := platform.ParseCatalogue("2026-11.yaml", platformText); return err },
			want: "platform: 2026-11.yaml:" + lambdaTimeoutLine(t) + ":24: platforms[lambda].limits.timeout.value: ", value: "-5"},
		{name: "cost catalogue, decoder",
			err:  func() error { _, err := cost.ParseCatalogue("", []byte("colour: red\n")); return err },
			want: "cost: line 1:1: colour: "},
		{name: "cost catalogue, check",
			err:  func() error { _, err := cost.ParseCatalogue("", costText); return err },
			want: "cost: line 192: eks.standard_cluster_hour.value: ", value: "-0.1"},
		{name: "cost instance prices, check",
			err: func() error {
				_, err := cost.ParseInstancePrices("2026-11_ec2.csv", []byte("type,region,hourly_usd,source\nm5.large,us-east-1,-1,x\n"))
				return err
			},
			want: "cost: 2026-11_ec2.csv:2: m5.large.hourly_usd: ", value: "-1"},
		{name: "instance table, check",
			err: func() error {
				_, err := platform.ParseInstanceTable("instances.csv", []byte("@source,s,2026-07-11,https://example.com/specs,\n"+instanceTableHeader+"\nm5.large,current,2,8192,sparc,s,,,,,,,,\n"))
				return err
			},
			want: "platform: instances.csv:3: instances[m5.large].arch: ", value: "sparc"},
		{name: "cost, Go input",
			err:  func() error { _, err := prices.Instance("m0.nope"); return err },
			want: "cost: instance_type: ", value: "m0.nope"},
		{name: "instances, decoder",
			err: func() error {
				_, err := platform.ParseInstances("instances.yaml", []byte("instances: [{type: 7.5}]\ncolour: red\n"))
				return err
			},
			want: "platform: instances.yaml:2:1: colour: "},
		{name: "capacity, Go input",
			err:  func() error { _, err := capacity.SpreadReplicas(0, 1, false); return err },
			want: "capacity: replicas: ", value: "0"},
		{name: "ha, Go input",
			err:  func() error { _, err := ha.NewQuorum(0); return err },
			want: "ha: members: ", value: "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			require.Error(t, err)
			msg := err.Error()

			var fe *runwhere.FieldError
			require.ErrorAs(t, err, &fe, "%s: want a *FieldError", msg)
			for name, target := range map[string]any{
				"platform.FieldError": new(*platform.FieldError),
				"cost.FieldError":     new(*cost.FieldError),
				"capacity.FieldError": new(*capacity.FieldError),
				"capacity.InputError": new(*capacity.InputError), //lint:ignore SA1019 the deprecated name must keep matching
				"ha.FieldError":       new(*ha.FieldError),
			} {
				require.True(t, errors.As(err, target), "errors.As(%q, %s) = false, want true", msg, name)
				assert.Samef(t, fe, *(target.(**runwhere.FieldError)), "errors.As(%q, %s) found another error", msg, name)
			}

			assert.True(t, strings.HasPrefix(msg, tc.want), "%s: %q, want it to start %q", tc.name, msg, tc.want)
			assert.Regexp(t, fieldErrorFormat, msg)
			pkg, _, _ := strings.Cut(msg, ": ")
			assert.Equal(t, pkg+": "+fe.Error(), msg, "the package prefix is all a package adds")
			assert.Equal(t, tc.value, fe.Value)
			if tc.value != "" {
				assert.True(t, strings.HasPrefix(msg, tc.want+tc.value+" "), "%q does not name the value %q after the field", msg, tc.value)
			}
		})
	}
}

// TestFieldErrorFormat: FieldError.Error() = got, want want, for each
// combination of the parts that may be unknown.
func TestFieldErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		fe   runwhere.FieldError
		want string
	}{
		{name: "everything", fe: runwhere.FieldError{File: "aws.yaml", Line: 8, Column: 3, Field: "a.b", Value: "-5", Reason: "is negative"}, want: "aws.yaml:8:3: a.b: -5 is negative"},
		{name: "file and line", fe: runwhere.FieldError{File: "aws.yaml", Line: 8, Field: "a.b", Value: "-5", Reason: "is negative"}, want: "aws.yaml:8: a.b: -5 is negative"},
		{name: "file only", fe: runwhere.FieldError{File: "aws.yaml", Field: "a.b", Value: "-5", Reason: "is negative"}, want: "aws.yaml: a.b: -5 is negative"},
		{name: "line and column", fe: runwhere.FieldError{Line: 8, Column: 3, Field: "a.b", Value: "-5", Reason: "is negative"}, want: "line 8:3: a.b: -5 is negative"},
		{name: "line", fe: runwhere.FieldError{Line: 8, Field: "a.b", Value: "-5", Reason: "is negative"}, want: "line 8: a.b: -5 is negative"},
		{name: "no position", fe: runwhere.FieldError{Field: "a.b", Value: "-5", Reason: "is negative"}, want: "a.b: -5 is negative"},
		{name: "no value", fe: runwhere.FieldError{Field: "a.b", Reason: "is missing"}, want: "a.b: is missing"},
		{name: "whole input", fe: runwhere.FieldError{Line: 2, Column: 1, Reason: "is not valid YAML"}, want: "line 2:1: input: is not valid YAML"},
		{name: "value shortened, unquoted", fe: runwhere.FieldError{Field: "name", Value: "a\nb" + strings.Repeat("x", 100), Reason: "is too long"}, want: "name: a\uFFFDb" + strings.Repeat("x", 45) + "… is too long"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.fe.Error()
			assert.Equal(t, tc.want, got, "%+v.Error() = %q, want %q", tc.fe, got, tc.want)
		})
	}
}

// TestFieldErrorPositionAddedLater: a loader that finds the *FieldError
// behind its package's prefix and sets its position changes the message.
func TestFieldErrorPositionAddedLater(t *testing.T) {
	_, err := capacity.SpreadReplicas(0, 1, false)
	var fe *capacity.FieldError
	require.ErrorAs(t, err, &fe)
	fe.Line, fe.Column = 4, 2
	assert.Equal(t, "capacity: line 4:2: replicas: 0 is not positive", err.Error())
}

const instanceTableHeader = "type,generation,vcpu,memory_mib,arch,shape_source,enis,ipv4_per_eni,network_source,eks_max_pods,max_pods_source,ecs_tasks,ecs_trunk_tasks,ecs_source"

func readReplace(t *testing.T, file, old, new string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(data), old), "%s holds %q once", file, old)
	return []byte(strings.Replace(string(data), old, new, 1))
}

// Evaluate's errors carry their "runwhere: " prefix lazily: a caller that
// finds the *FieldError and names the file changes what the error prints.
func TestEvaluateErrorTakesAFileName(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("platforms: [eks]\nsnapshot: \"2017-12\"\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n"))
	require.NoError(t, err)
	_, err = runwhere.Evaluate(s)
	require.Error(t, err)
	var fe *runwhere.FieldError
	require.True(t, errors.As(err, &fe), "%v is not a *FieldError", err)
	fe.File = "orders.yaml"
	assert.True(t, strings.HasPrefix(err.Error(), "runwhere: orders.yaml: platforms[0]: eks"), "Evaluate's error after naming the file: %q", err)
}

// lambdaTimeoutLine is the line of Lambda's timeout in the 2026-11 platform
// catalogue, found rather than written down so that an entry added above it
// does not break the test.
func lambdaTimeoutLine(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("platform/data/2026-11.yaml")
	require.NoError(t, err)
	inLambda := false
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "  - id: ") {
			inLambda = line == "  - id: lambda"
		}
		if inLambda && strings.HasPrefix(strings.TrimSpace(line), "timeout:") {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatal("no Lambda timeout in the 2026-11 catalogue")
	return ""
}

// TestErrorsNameTheScenarioField: a component's refusal of one of its own
// Go inputs names the scenario field the person wrote (Lambda's
// architecture is workload.arch; arm64 Lambda arrived in 2021).
func TestErrorsNameTheScenarioField(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("snapshot: 2017-12\nplatforms: [lambda]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 512, arch: arm64}\n"))
	require.NoError(t, err)
	_, err = runwhere.Evaluate(s)
	var fe *runwhere.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "workload.arch", fe.Field)
	assert.Equal(t, "arm64", fe.Value)
}

// TestErrorsNameWhatThePersonWrote pins issue 27's item 5: values within
// their own bounds made Evaluate fail under names the person never wrote
// (lambda.requests, ec2.seconds), so the page marked no field. Now the
// parser refuses them on the field that feeds the quantity, with its
// line, and Evaluate names the scenario field for what only a component
// sees.
func TestErrorsNameWhatThePersonWrote(t *testing.T) {
	const service = "workload: {requests_per_second: 100, duration_ms: 100, memory_mb: 512}\n"
	tests := []struct {
		name, yaml string
		// parse is ParseScenario's error; evaluate, when parse is "",
		// Evaluate's.
		parse, evaluate string
	}{
		{name: "34 digits a second, 38 a month",
			yaml:  "workload: {requests_per_second: 111111111.1111111111111111111111111, duration_ms: 100, memory_mb: 512}\n",
			parse: "runwhere: line 1:33: workload.requests_per_second: 111111111.1111111111111111111111111 gives requests a month (the rate × 2,628,000) that has more than 34 significant digits: give fewer digits"},
		{name: "the same month given beside the rate is the month billed",
			yaml: "workload: {requests_per_second: 1e-22, requests_per_month: 2.628e-16, duration_ms: 100, memory_mb: 512}\n"},
		{name: "a run of 1e-40 minutes beside a node's 5",
			yaml:  "workload: {kind: job, runs_per_month: 30, run_minutes: 1e-40, memory_mb: 512}\n",
			parse: "runwhere: line 1:56: workload.run_minutes: 1e-40 gives a run's seconds with its node's start (servers.node_start_minutes + workload.run_minutes) that has more than 34 significant digits: give fewer digits"},
		{name: "a node start of 1e-40 minutes beside a run's 5",
			yaml:  "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512}\nservers: {node_start_minutes: 1e-40}\n",
			parse: "runwhere: line 2:31: servers.node_start_minutes: 1e-40 gives a run's seconds with its node's start (servers.node_start_minutes + workload.run_minutes) that has more than 34 significant digits: give fewer digits"},
		{name: "a run of 34 digits in ms",
			yaml:  "workload: {kind: job, runs_per_month: 30, run_minutes: 9999.999999999999999999999999999999, memory_mb: 512}\nservers: {node_start_minutes: 0}\n",
			parse: "runwhere: line 1:56: workload.run_minutes: 9999.999999999999999999999999999999 gives a run's milliseconds that has more than 34 significant digits: give fewer digits"},
		{name: "a CPU share finer than the duration, stretched",
			yaml:  "workload: {requests_per_second: 1, duration_ms: 100.0000000000000000000000000000001, cpu_fraction: 0.3333333333333333333333333333333333, memory_mb: 512}\nlambda: {cpu_share_scaling: true}\n",
			parse: "runwhere: line 1:100: workload.cpu_fraction: 0.3333333333333333333333333333333333 gives Lambda's stretched duration (duration_ms × cpu_fraction × 1,769 ÷ memory_mb) that has an exponent of -65, outside the ±40 runwhere accepts: give fewer digits"},
		{name: "a duration finer than the CPU share, stretched",
			yaml:  "workload: {requests_per_second: 1, duration_ms: 1234567.890123456789012345678901234, cpu_fraction: 0.123456789, memory_mb: 512}\nlambda: {cpu_share_scaling: true}\n",
			parse: "runwhere: line 1:49: workload.duration_ms: 1234567.890123456789012345678901234 gives Lambda's stretched duration (duration_ms × cpu_fraction × 1,769 ÷ memory_mb) that has more than 34 significant digits: give fewer digits"},
		{name: "the same without stretching is billed as given",
			yaml: "workload: {requests_per_second: 1, duration_ms: 1234567.890123456789012345678901234, cpu_fraction: 0.123456789, memory_mb: 512}\n"},
		{name: "a target of 1e-20",
			yaml:  service + "servers: {target_utilization: 1e-20}\n",
			parse: "runwhere: line 2:31: servers.target_utilization: 0.00000000000000000001 is below 0.01: a fleet sized to use less than 1 % of its CPU"},
		{name: "more replicas than runwhere sizes name the rate",
			yaml:     "workload: {requests_per_second: 1000000000, duration_ms: 1000000000, memory_mb: 512}\n",
			evaluate: "runwhere: workload.requests_per_second: 1000000000 gives 1000000000000000 requests in flight, which need more than 1000000000 replicas of 0.5 vCPU, beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu"},
		{name: "or the peak, when given",
			yaml:     "workload: {requests_per_second: 1, peak_requests_per_second: 1000000000, duration_ms: 1000000000, memory_mb: 512}\n",
			evaluate: "runwhere: workload.peak_requests_per_second: 1000000000 gives 1000000000000000 requests in flight, which need more than 1000000000 replicas of 0.5 vCPU, beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu"},
		{name: "an unknown region has its line",
			yaml:  "region: xx-east-9\n" + service,
			parse: "runwhere: line 1:9: region: xx-east-9 has no built-in prices in any snapshot: the regions are us-east-1, ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-west-2"},
		{name: "a region only another snapshot prices is Evaluate's",
			yaml:     "snapshot: 2017-12\nregion: eu-west-1\n" + service,
			evaluate: "runwhere: region: eu-west-1 has no built-in prices for snapshot 2017-12: the regions are us-east-1"},
		{name: "a container smaller than a request has its line",
			yaml:  "workload: {requests_per_second: 100, duration_ms: 100, memory_mb: 512, request_memory_mb: 300}\ncontainer: {memory_mb: 256}\n",
			parse: "runwhere: line 2:24: container.memory_mb: 256 is less than workload.request_memory_mb 300: one replica cannot hold one request"},
		{name: "a container as large as a request",
			yaml: service + "container: {memory_mb: 300}\n"},
		{name: "a container smaller than Lambda's memory: one process serves many requests in it",
			yaml: service + "container: {memory_mb: 256}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.yaml))
			if tc.parse != "" {
				require.Error(t, err)
				assert.Equal(t, tc.parse, err.Error(), "ParseScenario(%q)", tc.yaml)
				return
			}
			require.NoError(t, err)
			_, err = runwhere.Evaluate(s)
			if tc.evaluate == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tc.evaluate, err.Error(), "Evaluate(%q)", tc.yaml)
			// The caller that holds the text finds the field's line.
			located := runwhere.LocateError(err, []byte(tc.yaml))
			var fe *runwhere.FieldError
			require.ErrorAs(t, located, &fe)
			assert.Positive(t, fe.Line, "LocateError(%v) found no line", err)
		})
	}
}

// A scenario built in Go gets the same refusals, without a position.
func TestErrorsNameWhatThePersonWroteInGo(t *testing.T) {
	d := decimal.RequireFromString
	w := runwhere.Workload{RequestsPerSecond: ptr(d("111111111.1111111111111111111111111")), DurationMS: ptr(d("100")), MemoryMB: ptr(int64(512))}
	_, err := runwhere.Evaluate(runwhere.Scenario{Workload: w})
	assert.EqualError(t, err, "runwhere: workload.requests_per_second: 111111111.1111111111111111111111111 gives requests a month (the rate × 2,628,000) that has more than 34 significant digits: give fewer digits")

	w = runwhere.Workload{RequestsPerSecond: ptr(d("1")), DurationMS: ptr(d("100")), MemoryMB: ptr(int64(512)), RequestMemoryMB: ptr(int64(2048))}
	_, err = runwhere.Scenario{Workload: w, Container: runwhere.Container{MemoryMB: ptr(int64(1024))}}.WithDefaults()
	assert.EqualError(t, err, "runwhere: container.memory_mb: 1024 is less than workload.request_memory_mb 2048: one replica cannot hold one request")
}

func TestLocateError(t *testing.T) {
	const text = "name: x\nworkload:\n  requests_per_second: 1\n  duration_ms: 100\nplatforms: [lambda, eks]\n"
	tests := []struct {
		name string
		err  error
		want string
	}{
		{name: "a field", err: &runwhere.FieldError{Field: "workload.duration_ms", Value: "100", Reason: "is wrong"},
			want: "line 4:16: workload.duration_ms: 100 is wrong"},
		{name: "a list item", err: &runwhere.FieldError{Field: "platforms[1]", Value: "eks", Reason: "is wrong"},
			want: "line 5:21: platforms[1]: eks is wrong"},
		{name: "a field left out points at its section", err: &runwhere.FieldError{Field: "workload.memory_mb", Reason: "is missing"},
			want: "line 3:3: workload.memory_mb: is missing"},
		{name: "a section left out has no line", err: &runwhere.FieldError{Field: "servers.zones", Value: "3", Reason: "is wrong"},
			want: "servers.zones: 3 is wrong"},
		{name: "a position already known is kept", err: &runwhere.FieldError{Field: "name", Value: "x", Reason: "is wrong", Line: 9, Column: 9},
			want: "line 9:9: name: x is wrong"},
		{name: "the scenario as a whole", err: &runwhere.FieldError{Reason: "is wrong"},
			want: "input: is wrong"},
		{name: "not a field error", err: errors.New("runwhere: break-even"),
			want: "runwhere: break-even"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, runwhere.LocateError(tc.err, []byte(text)).Error())
		})
	}
	// Text that is not YAML leaves the error as it is.
	err := &runwhere.FieldError{Field: "name", Reason: "is wrong"}
	assert.Equal(t, "name: is wrong", runwhere.LocateError(err, []byte("name: [")).Error())
}
