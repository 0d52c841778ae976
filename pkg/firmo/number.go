// Package firmo reads firmographic values the way CRM exports and
// warehouse tables write them: numbers with separators, suffixes and
// currencies, bands such as 51-200, industries, countries and regions,
// technology lists (SPEC §13, Values). It holds no state and does no I/O.
package firmo

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/currency"
)

// Missing reports whether a cell stands for no value: empty, only spaces,
// or one of the words exports write for nothing.
func Missing(s string) bool {
	t := strings.Trim(s, " ")
	if len(t) > len("unknown") {
		return false // most cells: decided without lower-casing a copy
	}
	for _, m := range [...]string{"", "-", "n/a", "na", "none", "null", "unknown"} {
		if strings.EqualFold(t, m) {
			return true
		}
	}
	return false
}

// Amount is a number read from a cell, with the currency written in it
// ("" when none was).
type Amount struct {
	Value    float64
	Currency string
}

// maxMagnitude bounds what a cell may say: beyond it a figure is absurd
// (more than any company's head count or revenue) and is unreadable, so
// that a typo never dominates sums of value.
const maxMagnitude = 1e15

// ParseAmount reads a non-negative number as exports write it: thousands
// separators, a decimal point, an optional k, m, mm, b or bn suffix and an
// optional currency symbol or ISO 4217 code before or after it.
func ParseAmount(s string) (Amount, bool) {
	s = trimSpace(s)
	cur, rest := cutCurrency(s)
	n, ok := parseScaled(rest)
	if !ok {
		return Amount{}, false
	}
	return Amount{Value: n, Currency: cur}, true
}

// trimSpace trims ASCII white space and the no-break and thin spaces a
// spreadsheet leaves around figures.
func trimSpace(s string) string {
	return strings.Trim(s, " \t\u00a0\u2009\u202f")
}

// cutCurrency takes a currency symbol or ISO code off either end of s.
func cutCurrency(s string) (cur, rest string) {
	if s == "" || (s[0] >= '0' && s[0] <= '9' && s[len(s)-1] >= '0' && s[len(s)-1] <= '9') {
		return "", s // the common case, a bare figure
	}
	for _, c := range symbols() {
		if r, ok := strings.CutPrefix(s, c.sym); ok {
			return c.code, trimSpace(r)
		}
		if r, ok := strings.CutSuffix(s, c.sym); ok {
			return c.code, trimSpace(r)
		}
	}
	if len(s) > 3 {
		if code, ok := isoCode(s[:3]); ok && !isLetter(s[3]) {
			return code, trimSpace(s[3:])
		}
		if code, ok := isoCode(s[len(s)-3:]); ok && !isLetter(s[len(s)-4]) {
			return code, trimSpace(s[:len(s)-3])
		}
	}
	return "", s
}

// asciiLower lower-cases ASCII letters only, so that byte offsets into the
// result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isLetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }

// isoCode reads a three-letter ISO 4217 code, any case.
func isoCode(s string) (string, bool) {
	if len(s) != 3 || !isLetter(s[0]) || !isLetter(s[1]) || !isLetter(s[2]) {
		return "", false
	}
	u, err := currency.ParseISO(strings.ToUpper(s))
	if err != nil {
		return "", false
	}
	return u.String(), true
}

// symbols are the currency signs amounts are written with.
func symbols() [4]struct{ sym, code string } {
	return [4]struct{ sym, code string }{{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}}
}

// CurrencyCode reads a currency cell: an ISO 4217 code or one of the four
// symbols.
func CurrencyCode(s string) (string, bool) {
	s = trimSpace(s)
	if code, ok := isoCode(s); ok {
		return code, true
	}
	for _, c := range symbols() {
		if s == c.sym {
			return c.code, true
		}
	}
	return "", false
}

// parseScaled reads digits with separators and an optional suffix.
func parseScaled(s string) (float64, bool) {
	mult := 1.0
	if n := len(s); n > 0 && isLetter(s[n-1]) {
		for _, suf := range [...]struct {
			text string
			mult float64
		}{{"bn", 1e9}, {"mm", 1e6}, {"k", 1e3}, {"m", 1e6}, {"b", 1e9}} {
			if len(s) >= len(suf.text) && strings.EqualFold(s[len(s)-len(suf.text):], suf.text) {
				s, mult = trimSpace(s[:len(s)-len(suf.text)]), suf.mult
				break
			}
		}
	}
	n, ok := parseDigits(s)
	if !ok {
		return 0, false
	}
	n *= mult
	if n > maxMagnitude || math.IsNaN(n) {
		return 0, false
	}
	return n, true
}

// parseDigits reads a plain figure: groups of three digits separated by
// one of , _ ' or a space, and a decimal point. With both . and , the last
// of them is the decimal point (1.234,5); with only one kind written more
// than once, they separate thousands (1.234.567).
func parseDigits(s string) (float64, bool) {
	if s == "" || len(s) > 64 {
		return 0, false
	}
	if len(s) <= 15 && allDigits(s) {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return float64(n), true
	}
	dot, comma := strings.Count(s, "."), strings.Count(s, ",")
	decimal := byte('.')
	switch {
	case dot > 0 && comma > 0:
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			decimal = ','
		}
	case dot > 1:
		decimal = 0 // 1.234.567: every dot separates thousands
	}
	intPart, frac := s, ""
	if decimal != 0 {
		if i := strings.LastIndexByte(s, decimal); i >= 0 {
			intPart, frac = s[:i], s[i+1:]
		}
	}
	digits, ok := groupedDigits(intPart, decimal)
	if !ok || !allDigits(frac) || (frac == "" && strings.ContainsRune(s, rune(decimal)) && decimal != 0) {
		return 0, false
	}
	text := digits
	if frac != "" {
		text += "." + frac
	}
	n, err := strconv.ParseFloat(text, 64)
	return n, err == nil
}

// groupedDigits checks thousands grouping and returns the digits alone.
func groupedDigits(s string, decimal byte) (string, bool) {
	var groups []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSeparator(r) && byte(r) != decimal {
			groups = append(groups, s[start:i])
			start = i + size
		} else if r < '0' || r > '9' {
			return "", false
		}
		i += size
	}
	groups = append(groups, s[start:])
	if groups[0] == "" {
		return "", false
	}
	for i, g := range groups {
		if !allDigits(g) || g == "" || (i > 0 && len(g) != 3) || (i == 0 && len(groups) > 1 && len(g) > 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

func isSeparator(r rune) bool {
	switch r {
	case ',', '.', '_', '\'', ' ', '\u00a0', '\u2009', '\u202f':
		return true
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Band is a range of values a cell gives instead of one figure. Hi is
// +Inf for "A+"; HiOpen marks an upper bound that is not included ("<A").
type Band struct {
	Lo, Hi   float64
	HiOpen   bool
	Currency string
	Text     string // as written, trimmed
}

// ParseBand reads A-B, A–B, A to B, A+, <A, under A and less than A, each
// side a figure as ParseAmount reads it.
func ParseBand(s string) (Band, bool) {
	t := trimSpace(s)
	lower := asciiLower(t)
	for _, p := range []string{"<", "under ", "less than ", "below "} {
		if strings.HasPrefix(lower, p) {
			a, ok := ParseAmount(t[len(p):])
			return Band{Lo: 0, Hi: a.Value, HiOpen: true, Currency: a.Currency, Text: t}, ok
		}
	}
	if r, ok := strings.CutSuffix(t, "+"); ok {
		a, ok := ParseAmount(r)
		return Band{Lo: a.Value, Hi: math.Inf(1), Currency: a.Currency, Text: t}, ok
	}
	for _, sep := range []string{"–", "—", " to ", "-"} {
		i := strings.Index(lower, sep)
		if i <= 0 {
			continue
		}
		a, okA := ParseAmount(t[:i])
		b, okB := ParseAmount(t[i+len(sep):])
		if !okA || !okB || b.Value < a.Value {
			return Band{}, false
		}
		cur := a.Currency
		if cur == "" {
			cur = b.Currency
		} else if b.Currency != "" && b.Currency != cur {
			return Band{}, false
		}
		return Band{Lo: a.Value, Hi: b.Value, Currency: cur, Text: t}, true
	}
	return Band{}, false
}

// Quantity is a cell read as a figure or a band.
type Quantity struct {
	Exact    bool // one figure: Lo == Hi
	Lo, Hi   float64
	HiOpen   bool
	Currency string
	Band     string // the band as written, when not Exact
}

// ParseQuantity reads a figure, else a band.
func ParseQuantity(s string) (Quantity, bool) {
	if a, ok := ParseAmount(s); ok {
		return Quantity{Exact: true, Lo: a.Value, Hi: a.Value, Currency: a.Currency}, true
	}
	if b, ok := ParseBand(s); ok {
		return Quantity{Lo: b.Lo, Hi: b.Hi, HiOpen: b.HiOpen, Currency: b.Currency, Band: b.Text}, true
	}
	return Quantity{}, false
}

// Scale multiplies a quantity by a conversion rate.
func (q Quantity) Scale(rate float64) Quantity {
	q.Lo *= rate
	if !math.IsInf(q.Hi, 1) {
		q.Hi *= rate
	}
	return q
}

// Verdict is what one constraint says of one account.
type Verdict uint8

// Verdicts, in the order SQL's CASE writes them.
const (
	Miss Verdict = iota
	Unknown
	Fit
)

// Within judges q against the bounds [lo, hi] (nil: open): a figure fits
// inside, a band fits when it lies wholly inside, misses when wholly
// outside, and is unknown when it straddles a bound. It returns the bound
// crossed (-1 below, 1 above, 0 none).
func (q Quantity) Within(lo, hi *float64) (Verdict, int) {
	below := lo != nil && (q.Hi < *lo || (q.HiOpen && q.Hi <= *lo))
	above := hi != nil && q.Lo > *hi
	switch {
	case below:
		return Miss, -1
	case above:
		return Miss, 1
	}
	if lo != nil && q.Lo < *lo {
		return Unknown, -1
	}
	if hi != nil && q.Hi > *hi {
		return Unknown, 1
	}
	return Fit, 0
}
