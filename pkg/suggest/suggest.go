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

// distanceWithin is Distance(a, b) when that is at most k, and k+1 when it
// is more. For ASCII it fills only the band of k cells either side of the
// diagonal, stops as soon as a row has no cell within k, and allocates
// nothing: the suggester scans thousands of candidates for a typo.
func distanceWithin(a, b string, k int) int {
	if !isASCII(a) || !isASCII(b) {
		return min(Distance(a, b), k+1)
	}
	if len(a)-len(b) > k || len(b)-len(a) > k {
		return k + 1
	}
	const far = 1 << 30
	var rows [2][maxBandWidth]int
	if len(b)+1 > maxBandWidth {
		return min(Distance(a, b), k+1)
	}
	prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[0] = i
		if lo > 1 {
			cur[lo-1] = far
		}
		best := cur[0]
		if lo > 1 {
			best = far
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if best > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], k+1)
}

// maxBandWidth bounds the strings distanceWithin compares on the stack;
// longer ones take Distance.
const maxBandWidth = 257

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
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
