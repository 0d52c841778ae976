package suggest

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
// most maxDist edits away), or "" when none is. Callers that ask about many
// strings against one set of candidates keep a Suggester instead.
func Nearest(s string, candidates []string, maxDist int) string {
	return NewSuggester(candidates).Nearest(s, maxDist)
}

// DidYouMean renders the suggestion clause of a message, or "" without one.
func DidYouMean(s string, candidates []string) string {
	return NewSuggester(candidates).DidYouMean(s)
}

// DidYouMeanOr is DidYouMean, or fallback when there is no suggestion, so
// that a message always ends in one piece of advice.
func DidYouMeanOr(s string, candidates []string, fallback string) string {
	if hint := DidYouMean(s, candidates); hint != "" {
		return hint
	}
	return fallback
}
