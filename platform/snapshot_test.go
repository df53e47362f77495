package platform_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/platform"
)

func TestParseSnapshotID(t *testing.T) {
	long := strings.Repeat("2026-11", 10_000)
	for _, tc := range []struct {
		name, in string
		want     platform.SnapshotID
		err      string // a substring of the error; "" for none
	}{
		{name: "today", in: "2026-11", want: platform.Snapshot2026},
		{name: "the deck's", in: "2017-12", want: platform.Snapshot2017},
		{name: "any month", in: "2022-09", want: "2022-09"},
		{name: "January", in: "2018-01", want: "2018-01"},
		{name: "month 13", in: "2026-13", err: `snapshot "2026-13" is not a YYYY-MM month`},
		{name: "month 00", in: "2026-00", err: `snapshot "2026-00" is not a YYYY-MM month`},
		{name: "two-digit year", in: "26-11", err: `snapshot "26-11" is not a YYYY-MM month`},
		{name: "empty", in: "", err: `snapshot "" is not a YYYY-MM month`},
		{name: "a year", in: "2018", err: `snapshot "2018" is not a YYYY-MM month`},
		{name: "a date", in: "2026-11-25", err: `snapshot "2026-11-25" is not a YYYY-MM month`},
		{name: "one-digit month", in: "2026-1", err: `is not a YYYY-MM month`},
		{name: "signed year", in: "+026-11", err: `is not a YYYY-MM month`},
		{name: "spaces", in: " 2026-11", err: `is not a YYYY-MM month`},
		{name: "words", in: "Nov 2026", err: `snapshot "Nov 2026" is not a YYYY-MM month`},
		{name: "control characters", in: "2026\x00-11", err: `is not a YYYY-MM month`},
		{name: "hostile long input", in: long, err: `snapshot "` + long[:48] + `…" is not a YYYY-MM month`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := platform.ParseSnapshotID(tc.in)
			if tc.err != "" {
				require.Error(t, err, "ParseSnapshotID(%.20q)", tc.in)
				assert.ErrorContains(t, err, tc.err)
				assert.True(t, strings.HasPrefix(err.Error(), "platform: "), "error %q names its package", err)
				assert.Less(t, len(err.Error()), 200, "the error quotes a hostile value shortened")
				assert.Zero(t, got)
				assert.Panics(t, func() { platform.MustParseSnapshotID(tc.in) })
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "ParseSnapshotID(%q)", tc.in)
			assert.Equal(t, tc.in, got.String())
			assert.Equal(t, got, platform.MustParseSnapshotID(tc.in))
		})
	}
}

func TestSnapshotIDBeforeAfter(t *testing.T) {
	for _, tc := range []struct {
		a, b          platform.SnapshotID
		before, after bool
	}{
		{a: platform.Snapshot2017, b: platform.Snapshot2026, before: true},
		{a: platform.Snapshot2026, b: platform.Snapshot2017, after: true},
		{a: platform.Snapshot2026, b: platform.Snapshot2026},
		{a: "2017-12", b: "2018-01", before: true},
		{a: "2022-09", b: "2022-08", after: true},
		{a: "2026-10", b: "2026-11", before: true},
		{a: "1999-12", b: "2000-01", before: true},
	} {
		t.Run(tc.a.String()+" vs "+tc.b.String(), func(t *testing.T) {
			assert.Equal(t, tc.before, tc.a.Before(tc.b), "%s.Before(%s)", tc.a, tc.b)
			assert.Equal(t, tc.after, tc.a.After(tc.b), "%s.After(%s)", tc.a, tc.b)
		})
	}
	assert.Equal(t, platform.SnapshotID(platform.Newest), platform.Snapshot2026, "Newest is the 2026 snapshot")
	assert.Equal(t, []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026}, platform.Snapshots(), "the constants are the embedded snapshots")
}

// The text of a SnapshotID is the id as written: JSON and YAML hold the
// same string a plain string field would, and read it back checked.
func TestSnapshotIDText(t *testing.T) {
	type doc struct {
		Snapshot platform.SnapshotID `json:"snapshot" yaml:"snapshot"`
	}
	b, err := json.Marshal(doc{platform.Snapshot2017})
	require.NoError(t, err)
	assert.JSONEq(t, `{"snapshot":"2017-12"}`, string(b))
	y, err := yaml.Marshal(doc{platform.Snapshot2017})
	require.NoError(t, err)
	assert.Equal(t, "snapshot: 2017-12\n", string(y))

	var d doc
	require.NoError(t, json.Unmarshal([]byte(`{"snapshot":"2022-09"}`), &d))
	assert.Equal(t, platform.SnapshotID("2022-09"), d.Snapshot)
	require.NoError(t, yaml.Unmarshal([]byte(`snapshot: "2026-11"`), &d))
	assert.Equal(t, platform.Snapshot2026, d.Snapshot)
	require.NoError(t, json.Unmarshal([]byte(`{"snapshot":""}`), &d))
	assert.Zero(t, d.Snapshot, "empty text is the zero id, as MarshalText writes it")

	assert.ErrorContains(t, json.Unmarshal([]byte(`{"snapshot":"2026-13"}`), &d), `"2026-13" is not a YYYY-MM month`)
	err = yaml.Unmarshal([]byte("snapshot: 2026-13"), &d)
	var fe *platform.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, 1, fe.Line)
	assert.Equal(t, "2026-13", fe.Value)
	assert.ErrorContains(t, yaml.Unmarshal([]byte("snapshot: [2026, 11]"), &d), "must be a YYYY-MM month")
}

// A catalogue's snapshot is checked where it is read, with its position.
func TestParseCatalogueRefusesABadSnapshot(t *testing.T) {
	_, err := platform.ParseCatalogue("mine.yaml", []byte("snapshot: 2026-13\nplatforms: []\n"))
	assert.EqualError(t, err, "platform: mine.yaml:1:11: snapshot: 2026-13 is not a YYYY-MM month")
}

func FuzzParseSnapshotID(f *testing.F) {
	for _, s := range []string{"2026-11", "2017-12", "2026-13", "26-11", "", "2026-1", "+026-11", "0000-01", "9999-12", "2026-11-25", "２０２６-11"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := platform.ParseSnapshotID(s)
		if err != nil {
			if id != "" {
				t.Fatalf("ParseSnapshotID(%q) = %q with error %v, want the zero id", s, id, err)
			}
			if !strings.HasPrefix(err.Error(), "platform: snapshot ") {
				t.Fatalf("ParseSnapshotID(%q) error %q does not name the snapshot", s, err)
			}
			return
		}
		if id.String() != s || len(s) != len("2006-01") {
			t.Fatalf("ParseSnapshotID(%q) = %q, want the text back", s, id)
		}
		// Round trip through the text form.
		b, _ := id.MarshalText()
		var back platform.SnapshotID
		if err := back.UnmarshalText(b); err != nil || back != id {
			t.Fatalf("UnmarshalText(MarshalText(%q)) = %q, %v", id, back, err)
		}
		// Text order is month order: a valid id is neither before nor
		// after itself, and the next month is after it.
		if id.Before(id) || id.After(id) {
			t.Fatalf("%q is before or after itself", id)
		}
	})
}
