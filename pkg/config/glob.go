package config

import "strings"

// Bounds on an exclude glob. doublestar tries each alternative of a brace
// group in turn, so a pattern's matching time grows with the product of
// its groups' sizes: 26 groups of two alternatives ({,}{,}...) take
// minutes against one path. Real excludes have a handful.
const (
	maxGlobAlternatives = 256  // the pattern's brace expansions
	maxGlobLength       = 1024 // bytes
	maxGlobStars        = 32   // * and ** together
)

// globTooCostly says why a valid glob is refused, or "".
func globTooCostly(g string) string {
	if len(g) > maxGlobLength {
		return "is longer than 1,024 bytes"
	}
	if strings.Count(g, "*") > maxGlobStars {
		return "has more than 32 wildcards"
	}
	if n, _ := expansions(g, 0, 0); n > maxGlobAlternatives {
		return "expands to more than 256 alternatives through its braces, which makes matching slow; list fewer alternatives or split it into several patterns"
	}
	return ""
}

// expansions counts the brace expansions of the sequence starting at i,
// up to the end of g or an unmatched } or , (which it returns the index
// of), capped just above the limit so that it never overflows.
func expansions(g string, i, depth int) (int, int) {
	count := 1
	for i < len(g) {
		switch g[i] {
		case '\\':
			i += 2
			continue
		case '}', ',':
			if depth > 0 {
				return count, i
			}
		case '{':
			if depth >= 16 {
				return maxGlobAlternatives + 1, len(g)
			}
			group := 0
			i++
			for {
				n, end := expansions(g, i, depth+1)
				group = min(group+n, maxGlobAlternatives+1)
				i = end
				if i >= len(g) || g[i] == '}' {
					break
				}
				i++ // the comma
			}
			count = min(count*group, maxGlobAlternatives+1)
		}
		i++
	}
	return count, i
}
