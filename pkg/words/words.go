// Package words renders counts and fractions in messages and reports.
package words

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Percent renders a fraction as "40%" or "33.3%", for shares in messages
// and reports.
func Percent(f float64) string {
	s := fmt.Sprintf("%.1f", f*100)
	return strings.TrimSuffix(s, ".0") + "%"
}

// Plural renders "1 interview" or "3 interviews" ("1 entity", "2 entities").
// A site's lists call it for every row, so it concatenates.
func Plural(n int, word string) string {
	count := strconv.Itoa(n) + " "
	switch {
	case n == 1:
		return count + word
	case strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey"):
		return count + word[:len(word)-1] + "ies"
	}
	return count + word + "s"
}

// Number renders 10000000 as "10,000,000" and 0.5 as "0.5".
func Number(f float64) string {
	if f != math.Trunc(f) || math.Abs(f) >= 1e15 {
		return fmt.Sprintf("%g", f)
	}
	s := strconv.FormatInt(int64(math.Abs(f)), 10)
	if len(s) <= 3 && f >= 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if f < 0 {
		return "-" + b.String()
	}
	return b.String()
}

// Range renders a {min, max} range as "50–500", "at least 50", "at most
// 500" or "any", with its currency after it when there is one. Lint's
// messages and the reports write ranges alike.
func Range(lo, hi *float64, currency string) string {
	var s string
	switch {
	case lo != nil && hi != nil:
		s = Number(*lo) + "–" + Number(*hi)
	case lo != nil:
		s = "at least " + Number(*lo)
	case hi != nil:
		s = "at most " + Number(*hi)
	default:
		return "any"
	}
	if currency != "" {
		s += " " + currency
	}
	return s
}

// Wrap breaks s into lines of at most width characters at spaces (a word
// longer than width stays whole on its own line).
func Wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
