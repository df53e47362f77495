package cost_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// Every embedded catalogue loads and validates, and each snapshot the
// project uses is present for us-east-1.
func TestEmbeddedCatalogues(t *testing.T) {
	for _, s := range cost.Snapshots() {
		t.Run(s.String(), func(t *testing.T) {
			c := embedded(t, s)
			require.NoError(t, c.Validate())
			assert.Equal(t, s, c.Snapshot)
			require.NotNil(t, c.Lambda)
			require.NotNil(t, c.EC2)
			for _, it := range c.InstanceTypes() {
				in, err := c.Instance(it)
				require.NoError(t, err)
				assert.True(t, in.Hourly.Value.IsPositive(), "%s hourly %s", it, in.Hourly.Value)
				assert.True(t, strings.HasPrefix(string(in.Hourly.URL), "https://"), "%s source %q", it, in.Hourly.Source)
			}
		})
	}
	c, err := cost.EmbeddedCatalogue("", "")
	require.NoError(t, err)
	assert.Equal(t, platform.Snapshot2026, c.Snapshot)
}

func TestInstanceCatalogue(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	tests := []struct {
		typ   string
		price string
	}{
		{"m5.large", "0.096"},
		{"m4.large", "0.10"},
		{"t3.micro", "0.0104"},
		{"c5.large", "0.085"},
		{"m6g.large", "0.077"},
		{"m7g.large", "0.0816"},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			in, err := c.Instance(tc.typ)
			require.NoError(t, err)
			assert.True(t, d(tc.price).Equal(in.Hourly.Value), "Instance(%s).Hourly = %s, want %s", tc.typ, in.Hourly.Value, tc.price)
		})
	}
	_, err := c.Instance("m99.huge")
	var fe *cost.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "instance_type", fe.Field)
	assert.Equal(t, "m99.huge", fe.Value)

	// 2017-12 holds only what existed then and was priced in a source.
	old := embedded(t, platform.Snapshot2017)
	_, err = old.Instance("m5.large")
	assert.Error(t, err)
	in, err := old.Instance("m4.large")
	require.NoError(t, err)
	assert.Equal(t, "0.10", in.Hourly.Value.StringFixed(2))
}

const minimalCatalogue = `snapshot: "2030-01"
region: eu-west-1
currency: USD
ec2:
  billing_increment_seconds: {value: "1", source: "https://example.com/a", as_of: "2030-01-01"}
  minimum_seconds: {value: "60", source: "https://example.com/a", as_of: "2030-01-01"}
  instances:
    m5.large:
      hourly: {value: "0.107", source: "https://example.com/price", as_of: "2030-01-01"}
`

func TestParseCatalogue(t *testing.T) {
	c, err := cost.ParseCatalogue("", []byte(minimalCatalogue))
	require.NoError(t, err)
	in, err := c.Instance("m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.107", in.Hourly.Value.String())
	b, err := cost.EC2(c, cost.EC2Usage{InstanceType: "m5.large", Count: 2})
	require.NoError(t, err)
	assert.Equal(t, "156.22", b.Rounded().StringFixed(2)) // 2 × 0.107 × 730

	tests := []struct {
		name    string
		old     string
		new     string
		field   string // substring the error must contain
		value   string
		wantErr string
	}{
		{"unknown field", "    m5.large:\n", "    m5.large:\n      vcpu: 2\n", "ec2.instances.m5.large.vcpu", "", "is not a known field"},
		{"negative price", `value: "0.107"`, `value: "-0.107"`, "ec2.instances.m5.large.hourly.value", "-0.107", "is negative"},
		{"missing source", `source: "https://example.com/price", `, "", "ec2.instances.m5.large.hourly.source", "", "is missing"},
		{"not a URL", `"https://example.com/price"`, `"price list"`, "ec2.instances.m5.large.hourly.source", "price list", "http"},
		{"bad date", `price", as_of: "2030-01-01"}`, `price", as_of: "Jan 2030"}`, "ec2.instances.m5.large.hourly.as_of", "Jan 2030", "YYYY-MM-DD date"},
		{"not a number", `value: "0.107"`, `value: "cheap"`, "ec2.instances.m5.large.hourly.value", "cheap", "is not a finite decimal number"},
		{"wrong currency", "currency: USD", "currency: EUR", "currency", "EUR", "USD"},
		{"not a month", `snapshot: "2030-01"`, `snapshot: "2030-13"`, "snapshot", "2030-13", "is not a YYYY-MM month"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(minimalCatalogue, tc.old, tc.new, 1)
			require.NotEqual(t, minimalCatalogue, src, "test edit did not apply")
			_, err := cost.ParseCatalogue("", []byte(src))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "cost: "), "error %q lacks the package prefix", err)
			assert.Contains(t, err.Error(), tc.wantErr)
			if tc.field != "" {
				var fe *cost.FieldError
				require.True(t, errors.As(err, &fe), "error %v is not a *FieldError", err)
				assert.Equal(t, tc.field, fe.Field)
				assert.Equal(t, tc.value, fe.Value)
				assert.Positive(t, fe.Line, "no line in %v", err)
			}
		})
	}
}

// name labels a catalogue's errors, as a file name; LoadCatalogues passes
// each file's path.
func TestParseCatalogueNamesItsInput(t *testing.T) {
	bad := strings.Replace(minimalCatalogue, `value: "0.107"`, `value: "-0.107"`, 1)
	_, err := cost.ParseCatalogue("mine.yaml", []byte(bad))
	assert.EqualError(t, err, "cost: mine.yaml:9: ec2.instances.m5.large.hourly.value: -0.107 is negative")
	_, err = cost.ParseCatalogue("mine.yaml", []byte("snapshot: [\n"))
	assert.ErrorContains(t, err, "cost: mine.yaml")

	fsys := fstest.MapFS{"prices/a.yaml": {Data: []byte(minimalCatalogue)}, "prices/b.yaml": {Data: []byte(bad)}}
	_, err = cost.LoadCatalogues(fsys, "prices")
	assert.EqualError(t, err, "cost: prices/b.yaml:9: ec2.instances.m5.large.hourly.value: -0.107 is negative")
	delete(fsys, "prices/b.yaml")
	all, err := cost.LoadCatalogues(fsys, "prices")
	require.NoError(t, err)
	require.Len(t, all, 1)
	assert.Equal(t, platform.MustParseSnapshotID("2030-01"), all[0].Snapshot)
}

// The names before issue 11's one pattern still work, as wrappers of the
// new ones.
func TestDeprecatedLoaders(t *testing.T) {
	want, err := cost.EmbeddedCatalogue(platform.Snapshot2017, "")
	require.NoError(t, err)
	got, err := cost.Embedded(cost.Snapshot2017, "")
	require.NoError(t, err)
	assert.Equal(t, want, got, "Embedded")
	var s string = cost.Snapshot2026 // still untyped text
	assert.Equal(t, platform.Snapshot2026.String(), s)

	fsys := fstest.MapFS{"p/a.yaml": {Data: []byte(minimalCatalogue)}}
	wantAll, err := cost.LoadCatalogues(fsys, "p")
	require.NoError(t, err)
	all, err := cost.LoadFS(fsys, "p")
	require.NoError(t, err)
	assert.Equal(t, wantAll, all, "LoadFS")
}
