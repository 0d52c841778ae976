// Package words renders counts and fractions in messages and reports.
package words

import (
	"fmt"
	"strings"
)

// Percent renders a fraction as "40%" or "33.3%", for shares in messages
// and reports.
func Percent(f float64) string {
	s := fmt.Sprintf("%.1f", f*100)
	return strings.TrimSuffix(s, ".0") + "%"
}

// Plural renders "1 interview" or "3 interviews" ("1 entity", "2 entities").
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}
