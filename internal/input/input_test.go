package input_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in      string
		want    string // "" = error
		wantErr string
	}{
		{in: "0.0416", want: "0.0416"},
		{in: "-12", want: "-12"},
		{in: "+.5", want: "0.5"},
		{in: "4e-3", want: "0.004"},
		{in: "1E+2", want: "100"},
		{in: "7.", want: "7"},
		{in: "1234567890123456789012345678901234", want: "1234567890123456789012345678901234"},
		{in: "1e40", want: "1" + strings.Repeat("0", 40)},
		{in: "1e-40", want: "0." + strings.Repeat("0", 39) + "1"},
		{in: "12345678901234567890123456789012345", wantErr: "more than 34 significant digits"},
		{in: "1e41", wantErr: "exponent of 41"},
		{in: "1e-41", wantErr: "exponent of -41"},
		{in: "1e999999999", wantErr: "exponent of 999999999"},
		{in: "-1e999999999", wantErr: "exponent"},
		{in: "1e-999999999", wantErr: "exponent"},
		{in: "0e-999999999", wantErr: "exponent"},
		{in: "1e99999999999999999999", wantErr: "not a finite decimal number"},
		{in: strings.Repeat("1", 65), wantErr: "too long"},
		{in: "0x28", wantErr: "not a finite decimal number"},
		{in: "0o17", wantErr: "not a finite decimal number"},
		{in: "1_000", wantErr: "not a finite decimal number"},
		{in: ".inf", wantErr: "not a finite decimal number"},
		{in: ".nan", wantErr: "not a finite decimal number"},
		{in: "NaN", wantErr: "not a finite decimal number"},
		{in: "", wantErr: "not a finite decimal number"},
		{in: ".", wantErr: "not a finite decimal number"},
		{in: "1e", wantErr: "not a finite decimal number"},
		{in: " 1", wantErr: "not a finite decimal number"},
		{in: "1/3", wantErr: "not a finite decimal number"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var got decimal.Decimal
			var err error
			elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { got, err = input.ParseDecimal(tc.in) })
			assert.Less(t, elapsed, time.Duration(inputtest.Bound))
			if tc.wantErr != "" {
				require.Error(t, err, "ParseDecimal(%q) = %s, want an error", tc.in, got)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.True(t, decimal.RequireFromString(tc.want).Equal(got), "ParseDecimal(%q) = %s, want %s", tc.in, got, tc.want)
		})
	}
}

func TestCheckDecimalBuiltInGo(t *testing.T) {
	assert.NoError(t, input.CheckDecimal(decimal.New(5, -40)))
	for _, d := range []decimal.Decimal{decimal.New(1, -999999999), decimal.New(0, 1000000), decimal.RequireFromString(strings.Repeat("9", 35))} {
		var err error
		elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { err = input.CheckDecimal(d) })
		assert.Error(t, err)
		assert.Less(t, elapsed, time.Duration(inputtest.Bound))
	}
}

func TestParseWhole(t *testing.T) {
	tests := []struct {
		in      string
		bits    int
		want    int64
		wantErr string
	}{
		{in: "512", bits: 64, want: 512},
		{in: "-3", bits: 64, want: -3},
		{in: "+7", bits: 64, want: 7},
		{in: "9223372036854775807", bits: 64, want: 9223372036854775807},
		{in: "9223372036854775808", bits: 64, wantErr: "outside the range"},
		{in: "128", bits: 8, wantErr: "outside the range"},
		{in: "1.5", bits: 64, wantErr: "is not a whole number"},
		{in: "1e3", bits: 64, wantErr: "is not a whole number"},
		{in: "0x200", bits: 64, wantErr: "base-10"},
		{in: "0o17", bits: 64, wantErr: "base-10"},
		{in: "1_000", bits: 64, wantErr: "base-10"},
		{in: "", bits: 64, wantErr: "base-10"},
		{in: "-", bits: 64, wantErr: "base-10"},
		{in: strings.Repeat("1", 65), bits: 64, wantErr: "too long"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := input.ParseWhole(tc.in, tc.bits)
			if tc.wantErr != "" {
				require.Error(t, err, "ParseWhole(%q) = %d, want an error", tc.in, got)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

type inner struct {
	Price *decimal.Decimal `yaml:"price"`
	Count int64            `yaml:"count"`
	Zones *int             `yaml:"zones"`
	Ratio float64          `yaml:"ratio"`
	On    bool             `yaml:"on"`
	Name  string           `yaml:"name"`
}

type embeddedPart struct {
	Note string `yaml:"note"`
}

type doc struct {
	Inner        inner              `yaml:"inner"`
	List         []inner            `yaml:"list"`
	ByName       map[string]inner   `yaml:"by_name"`
	Free         any                `yaml:"free"`
	Items        []int64            `yaml:"items"`
	Names        []string           `yaml:"names"`
	Prices       []*decimal.Decimal `yaml:"prices"`
	Renamed      string
	embeddedPart `yaml:",inline"`
}

var testLimits = input.Limits{MaxBytes: 64 << 10, MaxNodes: 500, MaxItems: 50, MaxString: 100}

func TestDecodeAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want func(t *testing.T, d doc)
	}{
		{"quoted and bare numbers read alike", `inner: {price: "0.096", count: "3", zones: 2, ratio: "0.5", on: true}`, func(t *testing.T, d doc) {
			assert.Equal(t, "0.096", d.Inner.Price.String())
			assert.Equal(t, int64(3), d.Inner.Count)
			assert.Equal(t, 2, *d.Inner.Zones)
			assert.Equal(t, 0.5, d.Inner.Ratio)
			assert.True(t, d.Inner.On)
		}},
		{"decimal exactly as written", `inner: {price: 0.1000000000000000000000000000000001}`, func(t *testing.T, d doc) {
			assert.Equal(t, "0.1000000000000000000000000000000001", d.Inner.Price.String())
		}},
		{"merge key values checked and written keys win", "base: &b {count: 2, name: base}\ninner: {<<: *b, name: mine}", nil},
		{"inline struct and default field name", "note: hi\nrenamed: x", func(t *testing.T, d doc) {
			assert.Equal(t, "hi", d.Note)
			assert.Equal(t, "x", d.Renamed)
		}},
		{"null leaves a pointer nil", "inner: {price: null, zones: ~}", func(t *testing.T, d doc) {
			assert.Nil(t, d.Inner.Price)
			assert.Nil(t, d.Inner.Zones)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := input.Decode([]byte(tc.in), &d, testLimits)
			if tc.name == "merge key values checked and written keys win" {
				// "base" is no field of doc: merges are checked where they land.
				require.Error(t, err)
				var d2 struct {
					Base  inner `yaml:"base"`
					Inner inner `yaml:"inner"`
				}
				require.NoError(t, input.Decode([]byte(tc.in), &d2, testLimits))
				assert.Equal(t, int64(2), d2.Inner.Count)
				assert.Equal(t, "mine", d2.Inner.Name)
				return
			}
			require.NoError(t, err)
			tc.want(t, d)
		})
	}
}

func TestDecodeRefuses(t *testing.T) {
	big := "inner: {name: " + strings.Repeat("a", 101) + "}"
	tests := []struct {
		name      string
		in        string
		wantField string
		wantLine  int
		wantIn    string
	}{
		{"fraction into a whole number", "inner: {count: 1.5}", "inner.count", 1, "is not a whole number"},
		{"fraction through a merge key", "inner: {<<: {count: 2.9}}", "inner.count", 1, "is not a whole number"},
		{"NaN through a merge key", "inner: {<<: {ratio: .nan}}", "inner.ratio", 1, "not a finite decimal number"},
		{"hex whole number", "inner:\n  count: 0x200", "inner.count", 2, "base-10"},
		{"hex decimal", "inner: {price: 0x28}", "inner.price", 1, "not a finite decimal number"},
		{"huge exponent, bare", "inner: {price: 1e999999999}", "inner.price", 1, "exponent"},
		{"huge exponent, quoted", `inner: {price: "1e-999999999"}`, "inner.price", 1, "exponent"},
		{"huge exponent in a float", "inner: {ratio: 1e999999999}", "inner.ratio", 1, "exponent"},
		{"huge exponent in a list", "list: [{price: 0e-999999999}]", "list[0].price", 1, "exponent"},
		{"huge exponent in a map", "by_name: {x: {price: -1e999999999}}", "by_name.x.price", 1, "exponent"},
		{"quoted bool", `inner: {on: "yes"}`, "inner.on", 1, "not true or false"},
		{"unknown field", "inner: {cnt: 1}", "inner.cnt", 1, "is not a known field (fields here: count, name, on, price, ratio, zones)"},
		{"duplicate key", "inner: {count: 1, count: 2}", "inner.count", 1, "appears twice"},
		{"mapping for a number", "inner: {count: {a: 1}}", "inner.count", 1, "must be a whole number, not a mapping"},
		{"scalar for a struct", "inner: 5", "inner", 1, "must be a mapping of fields"},
		{"top level is a list", "[1, 2]", "", 1, "must be a mapping of fields (name: value), not a list"},
		{"long string", big, "inner.name", 1, "is 101 bytes long; at most 100"},
		{"second document", "note: a\n---\nnote: b\n", "", 2, "more than one YAML document"},
		{"empty", "", "", 0, "is empty"},
		{"syntax", "inner: {count: 1\n", "", 1, "is not valid YAML"},
		{"too many items", "list: [" + strings.Repeat("{}, ", 51) + "]", "list", 1, "has 51 items; at most 50"},
		{"too many keys", "free: {" + keys(51) + "}", "free", 1, "has 51 keys; at most 50"},
		{"billion laughs", laughs(), "-", 0, "exceed 500 YAML nodes"},
		{"invalid UTF-8", "note: ok\nname: \xff", "", 2, "not valid UTF-8"},
		{"too big", "note: " + strings.Repeat("x", 64<<10), "", 0, "at most 65536 are read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			var err error
			elapsed := inputtest.Fastest(time.Duration(inputtest.Bound), func() { err = input.Decode([]byte(tc.in), &d, testLimits) })
			assert.Less(t, elapsed, time.Duration(inputtest.Bound))
			require.Error(t, err)
			var ie *input.FieldError
			require.ErrorAs(t, err, &ie, "Decode(%q) = %v, want an *input.FieldError", tc.in, err)
			if tc.wantField != "-" {
				assert.Equal(t, tc.wantField, ie.Field)
			}
			if tc.wantLine > 0 {
				assert.Equal(t, tc.wantLine, ie.Line, "line of %v", err)
			}
			assert.Contains(t, ie.Error(), tc.wantIn)
			assert.LessOrEqual(t, len(ie.Error()), 300, "error message %q", ie.Error())
		})
	}
}

func keys(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("k")
		b.WriteString(strings.Repeat("x", i))
		b.WriteString(": 1")
	}
	return b.String()
}

func laughs() string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return "free:\n" + indent(b.String())
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

func TestShort(t *testing.T) {
	assert.Equal(t, "m5.large", input.Short("m5.large"))
	assert.Equal(t, "a\uFFFDb", input.Short("a\rb"))
	long := input.Short(strings.Repeat("é", 1000))
	assert.LessOrEqual(t, len(long), 64)
	assert.True(t, strings.HasSuffix(long, "…"))
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"inner: {price: 1, count: 2}", "list: [{ratio: 0.5}]", "free: &a {b: *a}", "inner: {<<: {count: 1}}",
		// Issue 27: null items, which yaml.v3 drops from a list of values.
		"items: [1, null, 3]", "names: [a, ~]", "names:\n  - a\n  -\n", "prices: [NULL]", "list: [{count: 1}, Null]",
		`{"items": [null], "names": ["a", null]}`, "free: &n ~\nitems: [*n]", "names: [!!null x]", "by_name: {x: null}",
		"inner: {count: 1\n", "names: [a,\n  b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d doc
		var err error
		inputtest.Timed(t, "Decode", s, func() { err = input.Decode([]byte(s), &d, testLimits) })
		var ie *input.FieldError
		if err != nil && len(err.Error()) > 400 && errors.As(err, &ie) {
			t.Fatalf("Decode(%q) error is %d bytes", s, len(err.Error()))
		}
		if err != nil {
			// An unclosed bracket is reported at that bracket.
			if errors.As(err, &ie) && strings.Contains(ie.Reason, "is never closed") {
				if c := charAt(s, ie.Line, ie.Column); c != '[' && c != '{' {
					t.Fatalf("Decode(%q) = %v, but at that place is %q", s, err, c)
				}
			}
			return
		}
		// A list that is read has every item written: none dropped.
		got := map[string]int{"items": len(d.Items), "names": len(d.Names), "prices": len(d.Prices), "list": len(d.List)}
		for key, written := range listLengths(s) {
			if n, ok := got[key]; ok && n != written {
				t.Fatalf("Decode(%q) read %d items of %s, want the %d written", s, n, key, written)
			}
		}
	})
}

func TestCheckDecimalsNamesThePath(t *testing.T) {
	bad := decimal.New(1, -999999999)
	v := struct {
		Lambda struct {
			Duration map[string][]struct {
				Up *decimal.Decimal `yaml:"up_to"`
			} `yaml:"duration"`
		} `yaml:"lambda"`
	}{}
	field, err := input.CheckDecimals(v)
	require.NoError(t, err)
	assert.Empty(t, field)
	v.Lambda.Duration = map[string][]struct {
		Up *decimal.Decimal `yaml:"up_to"`
	}{"x86_64": {{}, {Up: &bad}}}
	field, err = input.CheckDecimals(&v)
	require.Error(t, err)
	assert.Equal(t, "lambda.duration.x86_64[1].up_to", field)
}

// An alias that refers to itself nests as deep as the limit allows: the
// error names the path by its ends, not all 64 keys (found by FuzzDecode,
// whose corpus keeps the input).
func TestDeepPathIsShortened(t *testing.T) {
	var d doc
	err := input.Decode([]byte("free: &a {00000: *a}"), &d, testLimits)
	var fe *input.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, fe.Reason, "nests deeper than")
	assert.True(t, strings.HasPrefix(fe.Field, "free.00000.00000"), fe.Field)
	assert.Contains(t, fe.Field, "…")
	assert.LessOrEqual(t, len(err.Error()), 200, err.Error())
}

// charAt returns the character at a 1-based line and column of s, or -1.
func charAt(s string, line, column int) rune {
	lines := strings.Split(s, "\n")
	if line < 1 || line > len(lines) {
		return -1
	}
	for i, r := range []rune(lines[line-1]) {
		if i == column-1 {
			return r
		}
	}
	return -1
}
