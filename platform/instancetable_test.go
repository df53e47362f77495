package platform_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

const tableHeader = "type,generation,vcpu,memory_mib,arch,shape_source,enis,ipv4_per_eni,network_source,eks_max_pods,max_pods_source,ecs_tasks,ecs_trunk_tasks,ecs_source"

const tableSources = "@source,s,2026-07-11,https://example.com/specs,\n@source,n,2026-08-06,https://example.com/net,ENIs of the default card\n"

// TestParseInstanceTable reads rows with every group of figures present
// and absent.
func TestParseInstanceTable(t *testing.T) {
	data := "# comment\n" + tableSources + tableHeader + "\n" +
		"a1.large,previous,2,4096,arm64,s,3,10,n,29,n,,,\n" +
		"m5.large,current,2,8192,x86_64,s,3,10,n,29,n,2,10,n\n" +
		"x9.bare,current,4,1024,x86_64,s,,,,,,,,\n"
	tab, err := platform.ParseInstanceTable("t.csv", []byte(data))
	require.NoError(t, err)
	assert.Equal(t, []string{"a1.large", "m5.large", "x9.bare"}, tab.Types())
	a1, _ := tab.Lookup("a1.large")
	assert.True(t, a1.PreviousGeneration)
	assert.Nil(t, a1.ECSTasks)
	m5, _ := tab.Lookup("m5.large")
	assert.Equal(t, int64(2), m5.ECSTasks.Value)
	assert.Equal(t, int64(10), m5.ECSTrunkTasks.Value)
	assert.Equal(t, "ENIs of the default card", m5.Network.Note)
	assert.Equal(t, "https://example.com/specs", string(m5.Shape.URL))
	bare, _ := tab.Lookup("x9.bare")
	assert.Nil(t, bare.Network)
	assert.Nil(t, bare.EKSMaxPods)
}

// TestParseInstanceTableErrors: each refusal names the line, the type and
// the field, and the value where there is one.
func TestParseInstanceTableErrors(t *testing.T) {
	row := func(r string) string { return tableSources + tableHeader + "\n" + r + "\n" }
	tests := []struct{ name, data, want string }{
		{"no header", tableSources, "platform: t.csv: header: is missing"},
		{"bad header", "type,vcpu\n", `platform: t.csv:1: header: type,vcpu is not`},
		{"bad source date", "@source,s,2026-13-01,https://example.com,\n", `platform: t.csv:1: @source: @source,s,2026-13-01,https://example.com, has as_of "2026-13-01"`},
		{"bad source url", "@source,s,2026-01-01,ftp://x,\n", `platform: t.csv:1: @source:`},
		{"source twice", tableSources + "@source,s,2026-01-01,https://x.example,\n", "platform: t.csv:3: @source: s is defined twice"},
		{"short row", row("m5.large,current,2"), "platform: t.csv:4: row: m5.large,current,2 does not have the header's 14 fields"},
		{"unknown source", row("m5.large,current,2,8192,x86_64,zz,,,,,,,,"), "platform: t.csv:4: instances[m5.large].shape_source: zz is not an @source key defined above it"},
		{"no shape", row("m5.large,current,,,x86_64,,,,,,,,,"), "platform: t.csv:4: instances[m5.large].vcpu: is missing"},
		{"arch", row("m5.large,current,2,8192,sparc,s,,,,,,,,"), "platform: t.csv:4: instances[m5.large].arch: sparc is not x86_64 or arm64"},
		{"generation", row("m5.large,next,2,8192,x86_64,s,,,,,,,,"), "platform: t.csv:4: instances[m5.large].generation: next is not current or previous"},
		{"figure without source", row("m5.large,current,2,8192,x86_64,s,3,10,,,,,,"), "platform: t.csv:4: instances[m5.large].enis: 3 has no source key"},
		{"half a network", row("m5.large,current,2,8192,x86_64,s,3,,n,,,,,"), "platform: t.csv:4: instances[m5.large].ipv4_per_eni: is missing"},
		{"zero vcpu", row("m5.large,current,0,8192,x86_64,s,,,,,,,,"), "platform: t.csv:4: instances[m5.large].vcpu: 0 is not within [1, 100000000]"},
		{"huge vcpu", row("m5.large,current,200000,8192,x86_64,s,,,,,,,,"), "platform: t.csv:4: instances[m5.large].vcpu: 200000 is not within [1, 100000]"},
		{"huge enis", row("m5.large,current,2,8192,x86_64,s,9999999,10,n,,,,,"), "platform: t.csv:4: instances[m5.large].enis: 9999999 is not within [1, 1000]"},
		{"fraction", row("m5.large,current,2.5,8192,x86_64,s,,,,,,,,"), "platform: t.csv:4: instances[m5.large].vcpu: 2.5 is not within"},
		{"out of order", tableSources + tableHeader + "\nm5.large,current,2,8192,x86_64,s,,,,,,,,\nc5.large,current,2,4096,x86_64,s,,,,,,,,\n", "platform: t.csv:5: instances[c5.large]: c5.large is out of order or appears twice"},
		{"empty", tableSources + tableHeader + "\n", "platform: t.csv: instances: is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := platform.ParseInstanceTable("t.csv", []byte(tc.data))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got  %q\nwant %q…", err, tc.want)
			var fe *platform.FieldError
			assert.ErrorAs(t, err, &fe)
		})
	}
}

// TestHostileNumbersInInstanceTable puts hostile numbers in each numeric
// cell of the embedded table's first rows: each is refused, quickly, with
// the line and the field named.
func TestHostileNumbersInInstanceTable(t *testing.T) {
	data, err := os.ReadFile("data/instances.csv")
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	first := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "type,") {
			first = i + 1
			break
		}
	}
	cols := strings.Split(tableHeader, ",")
	for _, i := range []int{first, first + 1} {
		for _, c := range []int{2, 3, 6, 7, 9} {
			for _, bad := range []string{"-1", "0", "1e9999999", "99999999999999999999", "0x10", "1.5", " 2"} {
				f := strings.Split(lines[i], ",")
				if f[c] == "" {
					continue
				}
				f[c] = bad
				doc := slicesWith(lines, i, strings.Join(f, ","))
				t.Run(fmt.Sprintf("%d:%s=%s", i+1, cols[c], bad), func(t *testing.T) {
					var err error
					elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { _, err = platform.ParseInstanceTable("instances.csv", []byte(doc)) })
					require.Error(t, err)
					assert.Contains(t, err.Error(), fmt.Sprintf("instances.csv:%d: ", i+1))
					assert.Contains(t, err.Error(), "."+cols[c]+": ")
					assert.Less(t, elapsed, time.Duration(inputtest.Bound))
				})
			}
		}
	}
}

func slicesWith(lines []string, i int, s string) string {
	out := append([]string(nil), lines...)
	out[i] = s
	return strings.Join(out, "\n")
}

func FuzzParseInstanceTable(f *testing.F) {
	data, err := os.ReadFile("data/instances.csv")
	require.NoError(f, err)
	f.Add(string(data[:4096]))
	f.Add(tableSources + tableHeader + "\nm5.large,current,2,8192,x86_64,s,3,10,n,29,n,2,10,n\n")
	f.Add("@source,s,2026-01-01,https://x.example,\n" + tableHeader + "\n,,,,,,,,,,,,,\n")
	f.Fuzz(func(t *testing.T, doc string) {
		var tab platform.Instances
		var err error
		inputtest.Timed(t, "ParseInstanceTable", doc, func() { tab, err = platform.ParseInstanceTable("f.csv", []byte(doc)) })
		if err != nil {
			return
		}
		for _, typ := range tab.Types() {
			in, ok := tab.Lookup(typ)
			if !ok || in.Shape.VCPU < 1 || in.Shape.URL == "" {
				t.Fatalf("accepted %q without a sourced shape", typ)
			}
		}
	})
}

// BenchmarkParseInstanceTable is the instance table's share of a first
// use: every type of data/instances.csv (target, with cost's catalogues:
// under 20 ms).
func BenchmarkParseInstanceTable(b *testing.B) {
	data, err := os.ReadFile("data/instances.csv")
	require.NoError(b, err)
	for b.Loop() {
		if _, err := platform.ParseInstanceTable("instances.csv", data); err != nil {
			b.Fatal(err)
		}
	}
}
