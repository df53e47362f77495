package importer

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// ParseQuantity reads a Kubernetes resource quantity exactly as
// k8s.io/apimachinery/pkg/api/resource defines it
// (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/):
// a signed decimal number followed by a binary suffix (Ki, Mi, Gi, Ti, Pi,
// Ei: powers of 1024), a decimal suffix (n, u, m, "", k, M, G, T, P, E:
// powers of 1000) or a decimal exponent (e3, E-2). "250m" is 0.25, "1.5"
// is 1.5, "512Mi" is 536870912, "1G" is 1000000000, "1e3" is 1000.
func ParseQuantity(s string) (decimal.Decimal, error) {
	if len(s) > 64 {
		return decimal.Decimal{}, fmt.Errorf("importer: quantity %.20q… is %d characters long, past any Kubernetes quantity", s, len(s))
	}
	num, suffix := splitQuantity(s)
	if num == "" || strings.Count(num, ".") > 1 || num == "." || num == "+." || num == "-." {
		return decimal.Decimal{}, fmt.Errorf("importer: quantity %q is not a number with an optional suffix", s)
	}
	v, err := decimal.NewFromString(num)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("importer: quantity %q is not a number with an optional suffix", s)
	}
	switch suffix {
	case "":
		return v, nil
	case "Ki", "Mi", "Gi", "Ti", "Pi", "Ei":
		exp := int64(strings.Index("KMGTPE", suffix[:1]) + 1)
		return v.Mul(decimal.NewFromInt(1024).Pow(decimal.NewFromInt(exp))), nil
	case "n", "u", "m", "k", "M", "G", "T", "P", "E":
		exp := map[string]int32{"n": -9, "u": -6, "m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}[suffix]
		return v.Shift(exp), nil
	}
	if suffix[0] == 'e' || suffix[0] == 'E' {
		var exp int32
		if _, err := fmt.Sscanf(suffix[1:], "%d", &exp); err == nil && validExponent(suffix[1:]) && exp > -64 && exp < 64 {
			return v.Shift(exp), nil
		}
	}
	return decimal.Decimal{}, fmt.Errorf("importer: quantity %q has an unknown suffix %q (Kubernetes takes Ki…Ei, n, u, m, k, M…E or an exponent such as e3)", s, suffix)
}

// splitQuantity splits s into its number (sign, digits, one point) and
// its suffix.
func splitQuantity(s string) (num, suffix string) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 || (i == 1 && (s[0] == '+' || s[0] == '-')) {
		return "", s
	}
	return s[:i], s[i:]
}

// validExponent is a signed run of at most three digits.
func validExponent(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	if s == "" || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
