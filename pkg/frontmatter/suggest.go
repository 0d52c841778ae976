package frontmatter

import "strings"

// Distance is the Levenshtein edit distance between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Nearest returns the candidate closest to s when it is close enough to be a
// plausible typo (a prefix of it, or at most a third of its length and at
// most maxDist edits away),
// or "" when none is.
func Nearest(s string, candidates []string, maxDist int) string {
	best, bestDist := "", maxDist+1
	ls := strings.ToLower(s)
	// A truncated word ("warn" for "warning") is a plausible slip even when
	// the edit distance is large for its length.
	if len(ls) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(strings.ToLower(c), ls) && (best == "" || len(c) < len(best)) {
				best = c
			}
		}
		if best != "" {
			return best
		}
	}
	for _, c := range candidates {
		// Strings whose lengths differ by more than the best distance so
		// far cannot be closer: skip them before the quadratic distance,
		// since one unknown id is compared with every id of its kind.
		if diff := len(c) - len(ls); diff > bestDist || -diff > bestDist {
			continue
		}
		d := Distance(ls, strings.ToLower(c))
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist > maxDist || bestDist > len([]rune(s))/3+1 {
		return ""
	}
	return best
}

// DidYouMean renders the suggestion clause of a message, or "" without one.
func DidYouMean(s string, candidates []string) string {
	if n := Nearest(s, candidates, 3); n != "" && n != s {
		return "; did you mean \"" + n + "\"?"
	}
	return ""
}

// DidYouMeanOr is DidYouMean, or fallback when there is no suggestion, so
// that a message always ends in one piece of advice.
func DidYouMeanOr(s string, candidates []string, fallback string) string {
	if hint := DidYouMean(s, candidates); hint != "" {
		return hint
	}
	return fallback
}
