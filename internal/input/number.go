package input

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Bounds on every number runwhere reads, whatever its field. They are
// checked on the text before any arithmetic, because shopspring/decimal
// compares and adds by rescaling to a common exponent: one value written
// 1e-999999999 makes the first comparison build a billion-digit integer.
const (
	// MaxNumberLen is the longest number text accepted, in bytes. The
	// longest real figure (a 34-digit decimal with sign, point and
	// exponent) is under 45.
	MaxNumberLen = 64
	// MaxDigits is the most significant digits a decimal may carry: the
	// precision of IEEE 754 decimal128, far beyond any price (AWS
	// publishes at most 10) or count.
	MaxDigits = 34
	// MaxExponent bounds the exponent of a decimal as stored
	// (value = coefficient × 10^exponent) to [-MaxExponent, MaxExponent].
	// The smallest published unit price is about 1e-10 USD; 40 leaves
	// room for any exact quotient written back, and keeps the rescaling
	// of any comparison under 120 digits.
	MaxExponent = 40
)

// ParseDecimal reads the decimal notation every numeric field shares: an
// optional sign, digits with an optional fraction, and an optional
// exponent (-12, 0.0416, 4e-3, .5). Hexadecimal, octal, underscores,
// infinities and NaN are refused, as are texts over [MaxNumberLen] bytes,
// more than [MaxDigits] significant digits, or an exponent outside
// ±[MaxExponent]. The error is a reason phrase without the value
// ("is not a decimal number"), for a caller to put after a field name.
func ParseDecimal(s string) (decimal.Decimal, error) {
	if len(s) > MaxNumberLen {
		return decimal.Decimal{}, fmt.Errorf("is too long for a number (%d bytes; at most %d)", len(s), MaxNumberLen)
	}
	if !isDecimalText(s) {
		return decimal.Decimal{}, errNotDecimal
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, errNotDecimal
	}
	if err := CheckDecimal(d); err != nil {
		return decimal.Decimal{}, err
	}
	return d, nil
}

var errNotDecimal = reasonError("is not a finite decimal number (digits, an optional point and fraction, an optional exponent such as 4e-3)")

type reasonError string

func (e reasonError) Error() string { return string(e) }

// CheckDecimal applies the digit and exponent bounds of [ParseDecimal] to
// a value built in Go. It never compares or rescales d, so it is cheap
// for any value.
func CheckDecimal(d decimal.Decimal) error {
	if e := d.Exponent(); e < -MaxExponent || e > MaxExponent {
		return fmt.Errorf("has an exponent of %d, outside the ±%d runwhere accepts", e, MaxExponent)
	}
	c := d.Coefficient()
	// 2^110 < 10^34 ≤ 2^113: only coefficients of 111 to 113 bits need
	// their digits counted, and a huge one is never printed.
	switch n := c.BitLen(); {
	case n <= 110:
		return nil
	case n > 113 || len(c.Abs(c).String()) > MaxDigits:
		return fmt.Errorf("has more than %d significant digits", MaxDigits)
	}
	return nil
}

// ParseWhole reads a whole number written in base 10 (an optional sign and
// digits) that fits in bits bits. Like [ParseDecimal], its error is a
// reason phrase.
func ParseWhole(s string, bits int) (int64, error) {
	if len(s) > MaxNumberLen {
		return 0, fmt.Errorf("is too long for a number (%d bytes; at most %d)", len(s), MaxNumberLen)
	}
	if !isWholeText(s) {
		if isDecimalText(s) {
			return 0, reasonError("is not a whole number")
		}
		return 0, reasonError("is not a whole number (base-10 digits with an optional sign)")
	}
	n, err := strconv.ParseInt(s, 10, bits)
	if err != nil {
		return 0, fmt.Errorf("is outside the range of a %d-bit whole number", bits)
	}
	return n, nil
}

// ParseUnsigned is [ParseWhole] for unsigned fields.
func ParseUnsigned(s string, bits int) (uint64, error) {
	if len(s) > MaxNumberLen {
		return 0, fmt.Errorf("is too long for a number (%d bytes; at most %d)", len(s), MaxNumberLen)
	}
	if !isWholeText(s) {
		return 0, reasonError("is not a whole number (base-10 digits)")
	}
	n, err := strconv.ParseUint(s, 10, bits)
	if err != nil {
		return 0, fmt.Errorf("is outside the range of a %d-bit unsigned whole number", bits)
	}
	return n, nil
}

func isWholeText(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	return digits(s, i) == len(s) && len(s) > i
}

// isDecimalText reports whether s matches [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?.
func isDecimalText(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	i = digits(s, i)
	intDigits := i - start
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		j := digits(s, i+1)
		fracDigits = j - i - 1
		i = j
	}
	if intDigits+fracDigits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(s, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// CheckDecimals applies [CheckDecimal] to every decimal reachable from v
// (structs, pointers, slices, maps) and returns the YAML path of the first
// one refused, for values built in Go that never went through [Decode].
func CheckDecimals(v any) (field string, err error) {
	path, err := checkDecimals(reflect.ValueOf(v))
	if err != nil {
		slices.Reverse(path)
		return strings.TrimPrefix(strings.ReplaceAll(strings.Join(path, "."), ".[", "["), "."), err
	}
	return "", nil
}

// checkDecimals returns the path of a refused decimal innermost first, so
// that the walk over values that pass (every call on a hot path) builds no
// strings.
func checkDecimals(v reflect.Value) ([]string, error) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		return checkDecimals(v.Elem())
	case reflect.Struct:
		t := v.Type()
		if t == decimalType {
			return nil, CheckDecimal(v.Interface().(decimal.Decimal))
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			path, err := checkDecimals(v.Field(i))
			if err == nil {
				continue
			}
			name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if strings.Contains(opts, "inline") {
				return path, err
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			return append(path, name), err
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if path, err := checkDecimals(v.Index(i)); err != nil {
				return append(path, fmt.Sprintf("[%d]", i)), err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			if path, err := checkDecimals(v.MapIndex(k)); err != nil {
				return append(path, fmt.Sprint(k)), err
			}
		}
	}
	return nil, nil
}
