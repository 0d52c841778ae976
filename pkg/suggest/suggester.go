package suggest

import (
	"math/bits"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Suggester answers "did you mean" for one set of candidates (the ids of a
// kind) many times, in time that does not grow with the number of
// candidates: a lint run can ask it once per broken reference, and a
// workspace where every reference is misspelt must not turn quadratic.
//
// Candidates within one edit are found exactly through an index of their
// one-deletion variants (two strings one edit apart share a variant),
// kept as hashes in one sorted array: a variant's polynomial hash is made
// in constant time from the prefix hashes around the deleted rune, never
// built as a string, so the index costs 8 bytes a variant. A hash that
// collides only adds a candidate the edit distance then rules out. Two
// or three edits away, only a bounded amount of scanning is spent in all,
// so rare far-off typos in small workspaces still get their suggestion.
// A Suggester is not safe for concurrent use.
type Suggester struct {
	*Index
	memo map[string]string
	// budget is the number of edit-distance cells the scan may still spend.
	budget int
}

// Index is what a Suggester looks candidates up in, made once: it is
// never changed, so one index serves any number of Suggesters at once (an
// editor keeps the workspace's and lints after every edit), each with its
// own memo and budget. It is built on the first query that some candidate
// could answer (see reach): a workspace's 30,000 interview ids are never
// suggested for a source written as a path, and their index is 5 MB.
type Index struct {
	cands   []string
	longest reach
	build   sync.Once
	lower   []string
	byLen   map[int][]int32 // rune length → candidates, for the bounded scan
	// The lower-cased candidates' one-deletion variants, by hash, in
	// buckets by the hash's top topBits bits: top says where each bucket
	// starts in delLow, which holds the hashes' low 32 bits, sorted within
	// their bucket and searched without a comparison function, and delCand
	// the candidate of each beside it. Eight bytes a variant: a lookup
	// checks that a candidate whose bucket and low bits match the hash has
	// a variant of the whole hash (the two parts hold 32 + topBits of its
	// 61 bits, never all of them below two billion variants).
	delLow  []uint32
	delCand []int32
	top     []int32
	topBits uint
	hash    polyHash
	sorted  []int32 // candidates in lower-cased order, for prefixes
}

const (
	// maxIndexedRunes bounds the ids whose deletion variants are indexed:
	// variants cost their length squared in memory.
	maxIndexedRunes = 64
	// scanBudget bounds the far-typo scan over all queries of one
	// Suggester: about 0.1 s of work, whatever the workspace.
	scanBudget = 20_000_000
	maxMemo    = 10_000
	// maxPrefixScan bounds the candidates compared for a prefix match.
	maxPrefixScan = 64
)

// NewSuggester indexes candidates.
func NewSuggester(candidates []string) *Suggester { return NewIndex(candidates).Suggester() }

// Suggester is a Suggester over the index, with a memo and a scan budget
// of its own.
func (s *Index) Suggester() *Suggester {
	return &Suggester{Index: s, memo: map[string]string{}, budget: scanBudget}
}

// NewIndex indexes candidates, when first asked.
func NewIndex(candidates []string) *Index {
	return &Index{cands: candidates, longest: reachOf(candidates), hash: newPolyHash()}
}

// built builds the index once.
func (s *Index) built() {
	s.build.Do(s.index)
}

func (s *Index) index() {
	candidates := s.cands
	s.lower, s.byLen = make([]string, len(candidates)), map[int][]int32{}
	room := 0
	for i, c := range candidates {
		l := strings.ToLower(c)
		s.lower[i] = l
		n := utf8.RuneCountInString(l)
		s.byLen[n] = append(s.byLen[n], int32(i))
		s.sorted = append(s.sorted, int32(i))
		if n > maxIndexedRunes {
			room++
		} else {
			room += n + 1
		}
	}
	// The variants are hashed twice, counted by bucket and then each put
	// in its bucket's place, so that the index is made in the two arrays
	// it keeps: a workspace's interview paths have over a million.
	s.topBits = uint(max(bits.Len(uint(room))-3, 0))
	s.top = make([]int32, 1<<s.topBits+1)
	for i := range candidates {
		s.eachVariant(int32(i), func(h uint64) { s.top[s.bucket(h)+1]++ })
	}
	for b := 1; b < len(s.top); b++ {
		s.top[b] += s.top[b-1]
	}
	next := slices.Clone(s.top[:len(s.top)-1])
	s.delLow, s.delCand = make([]uint32, room), make([]int32, room)
	for i := range candidates {
		s.eachVariant(int32(i), func(h uint64) {
			b := s.bucket(h)
			s.delLow[next[b]], s.delCand[next[b]] = uint32(h), int32(i)
			next[b]++
		})
	}
	// Each bucket sorted, its repeats dropped (a candidate with a doubled
	// letter has the same variant twice) and moved down over those of the
	// buckets before it.
	k := int32(0)
	for b := 0; b+1 < len(s.top); b++ {
		bucket := variants{s.delLow[s.top[b]:s.top[b+1]], s.delCand[s.top[b]:s.top[b+1]]}
		bucket.sort()
		s.top[b] = k
		for j := range bucket.low {
			if j > 0 && bucket.low[j] == bucket.low[j-1] && bucket.cand[j] == bucket.cand[j-1] {
				continue
			}
			s.delLow[k], s.delCand[k] = bucket.low[j], bucket.cand[j]
			k++
		}
	}
	s.top[len(s.top)-1] = k
	s.delLow, s.delCand = s.delLow[:k:k], s.delCand[:k:k]
	sort.Slice(s.sorted, func(a, b int) bool { return s.lower[s.sorted[a]] < s.lower[s.sorted[b]] })
}

// hashBits is how many bits a variant's hash has (polyHash, modulo
// 2⁶¹−1); an index keeps the top topBits of them in where a variant is
// (its bucket) and the low 32 in delLow.
const hashBits = 61

func (s *Index) bucket(h uint64) uint64 { return h >> (hashBits - s.topBits) }

// eachVariant calls fn with the hash of each variant of candidate i that
// the index holds: every one-deletion variant and the whole, or only the
// whole when it is too long for its variants to be indexed.
func (s *Index) eachVariant(i int32, fn func(uint64)) {
	l := s.lower[i]
	if utf8.RuneCountInString(l) > maxIndexedRunes {
		fn(s.hash.of(l))
		return
	}
	s.variantHashes(l, fn)
}

// hasVariant reports whether candidate i has a variant of hash h: what
// an entry whose bucket and low part match h must still show.
func (s *Index) hasVariant(i int32, h uint64) bool {
	found := false
	s.eachVariant(i, func(v uint64) { found = found || v == h })
	return found
}

// variants are the low parts of a bucket's variants, and their candidates.
type variants struct {
	low  []uint32
	cand []int32
}

func (v variants) Len() int { return len(v.low) }
func (v variants) Less(i, j int) bool {
	return v.low[i] < v.low[j] || v.low[i] == v.low[j] && v.cand[i] < v.cand[j]
}
func (v variants) Swap(i, j int) {
	v.low[i], v.low[j] = v.low[j], v.low[i]
	v.cand[i], v.cand[j] = v.cand[j], v.cand[i]
}

// sort orders a bucket by low part, then candidate. A bucket holds about
// eight variants, sorted by insertion without the calls through an
// interface that sort.Sort makes; one that hashes crowded into is still
// sorted in n log n.
func (v variants) sort() {
	if v.Len() > 48 {
		sort.Sort(v)
		return
	}
	for i := 1; i < len(v.low); i++ {
		l, c := v.low[i], v.cand[i]
		j := i
		for ; j > 0 && (v.low[j-1] > l || v.low[j-1] == l && v.cand[j-1] > c); j-- {
			v.low[j], v.cand[j] = v.low[j-1], v.cand[j-1]
		}
		v.low[j], v.cand[j] = l, c
	}
}

// variantHashes calls fn with the hash of l and of every string made by
// deleting one rune of it, as polyHash.of would hash them.
func (s *Index) variantHashes(l string, fn func(uint64)) {
	var buf [maxHashedBytes + 1]uint64
	prefix := buf[:]
	if len(l) >= len(buf) {
		prefix = make([]uint64, len(l)+1)
	}
	s.hash.prefixes(l, prefix)
	n := len(l)
	fn(prefix[n])
	for i := 0; i < n; {
		_, size := utf8.DecodeRuneInString(l[i:])
		fn(s.hash.join(prefix[i], prefix[i+size], prefix[n], n-i-size))
		i += size
	}
}

// withVariant calls fn with each candidate that has a variant of hash h,
// in the order of candidates.
func (s *Index) withVariant(h uint64, fn func(int32)) {
	lo, hi := int(s.top[s.bucket(h)]), int(s.top[s.bucket(h)+1])
	at, _ := slices.BinarySearch(s.delLow[lo:hi], uint32(h))
	for at += lo; at < hi && s.delLow[at] == uint32(h); at++ {
		if s.hasVariant(s.delCand[at], h) {
			fn(s.delCand[at])
		}
	}
}

// DidYouMean renders the suggestion clause of a message for q, or "".
func (s *Suggester) DidYouMean(q string) string {
	if n := s.Nearest(q, 3); n != "" && n != q {
		return "; did you mean \"" + n + "\"?"
	}
	return ""
}

// Nearest is the package's Nearest against the indexed candidates: the
// closest plausible typo of q within maxDist edits, or "".
func (s *Suggester) Nearest(q string, maxDist int) string {
	if v, ok := s.memo[q]; ok {
		return v
	}
	best := ""
	if !s.longest.beyond(q, maxDist) {
		s.built()
		best = s.nearest(q, maxDist)
	}
	if len(s.memo) < maxMemo {
		s.memo[q] = best
	}
	return best
}

func (s *Suggester) nearest(q string, maxDist int) string {
	lq := strings.ToLower(q)
	if len(lq) >= 3 {
		if p := s.prefixMatch(lq); p != "" {
			return p
		}
	}
	best, bestDist := "", maxDist+1
	consider := func(i int32) {
		c := s.cands[i]
		if diff := len(s.lower[i]) - len(lq); diff > bestDist || -diff > bestDist {
			return
		}
		d := distanceWithin(lq, s.lower[i], bestDist)
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	seen := map[int32]bool{}
	qRunes := utf8.RuneCountInString(lq)
	if qRunes <= maxIndexedRunes+1 {
		s.variantHashes(lq, func(h uint64) {
			s.withVariant(h, func(i int32) {
				if !seen[i] {
					seen[i] = true
					consider(i)
				}
			})
		})
	}
	if bestDist > 1 {
		// Further typos: scan candidates of a near length while the budget
		// lasts.
		for n := qRunes - maxDist; n <= qRunes+maxDist && s.budget > 0; n++ {
			for _, i := range s.byLen[n] {
				if s.budget <= 0 {
					break
				}
				if !seen[i] {
					s.budget -= (qRunes + 1) * (n + 1)
					consider(i)
				}
			}
		}
	}
	if best == "" || bestDist > maxDist || bestDist > qRunes/3+1 {
		return ""
	}
	return best
}

// prefixMatch returns the shortest candidate that lq is a prefix of (a
// truncated word), looking at a bounded number of them.
func (s *Index) prefixMatch(lq string) string {
	at := sort.Search(len(s.sorted), func(k int) bool { return s.lower[s.sorted[k]] >= lq })
	best := int32(-1)
	for k := at; k < len(s.sorted) && k < at+maxPrefixScan; k++ {
		i := s.sorted[k]
		if !strings.HasPrefix(s.lower[i], lq) {
			break
		}
		// The shortest wins; among equals, the first in the caller's order.
		if best < 0 || len(s.cands[i]) < len(s.cands[best]) || len(s.cands[i]) == len(s.cands[best]) && i < best {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return s.cands[best]
}

// Only returns the one candidate within two edits of q (case aside) when
// there is exactly one and it differs from q, else "": a fix may replace a
// typo only when nothing else could have been meant (SPEC §10). It spends
// the same bounded budget as the far-typo scan, and gives "" when the budget
// runs out before it can tell.
func (s *Suggester) Only(q string) string {
	const within = 2
	s.built()
	lq := strings.ToLower(q)
	qRunes := utf8.RuneCountInString(lq)
	only := ""
	for n := qRunes - within; n <= qRunes+within; n++ {
		for _, i := range s.byLen[n] {
			if s.budget <= 0 {
				return ""
			}
			s.budget -= (qRunes + 1) * (n + 1)
			if distanceWithin(lq, s.lower[i], within) <= within {
				if only != "" {
					return ""
				}
				only = s.cands[i]
			}
		}
	}
	if only == q {
		return ""
	}
	return only
}

// polyHash is a polynomial hash modulo the Mersenne prime 2⁶¹−1 with a
// random base: the hash of a string with one rune deleted follows in
// constant time from the prefix hashes, and without knowing the base no
// input can be written to collide.
type polyHash struct {
	base uint64
	pow  [maxHashedBytes + 1]uint64 // base^k
}

const (
	mersenne61 = 1<<61 - 1
	// maxHashedBytes covers the longest string whose variants are
	// hashed (maxIndexedRunes+1 runes of up to four bytes); longer ones
	// are hashed whole.
	maxHashedBytes = 4 * (maxIndexedRunes + 1)
)

func newPolyHash() polyHash {
	h := polyHash{base: 256 + rand.Uint64N(mersenne61-512)}
	h.pow[0] = 1
	for k := 1; k < len(h.pow); k++ {
		h.pow[k] = mulMod61(h.pow[k-1], h.base)
	}
	return h
}

func mulMod61(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	x := (hi<<3 | lo>>61) + lo&mersenne61
	if x >= mersenne61 {
		x -= mersenne61
	}
	return x
}

func addMod61(a, b uint64) uint64 {
	x := a + b
	if x >= mersenne61 {
		x -= mersenne61
	}
	return x
}

// prefixes fills out[k] with the hash of l[:k], for k up to len(l).
func (h *polyHash) prefixes(l string, out []uint64) {
	out[0] = 0
	for k := 0; k < len(l); k++ {
		out[k+1] = addMod61(mulMod61(out[k], h.base), uint64(l[k])+1)
	}
}

// of is the hash of l.
func (h *polyHash) of(l string) uint64 {
	x := uint64(0)
	for k := 0; k < len(l); k++ {
		x = addMod61(mulMod61(x, h.base), uint64(l[k])+1)
	}
	return x
}

// join is the hash of l[:i] + l[j:], from the hashes of l[:i], l[:j] and
// the whole of l, and the length of l[j:].
func (h *polyHash) join(upToI, upToJ, whole uint64, tail int) uint64 {
	p := h.power(tail)
	suffix := addMod61(whole, mersenne61-mulMod61(upToJ, p))
	return addMod61(mulMod61(upToI, p), suffix)
}

func (h *polyHash) power(k int) uint64 {
	if k < len(h.pow) {
		return h.pow[k]
	}
	x := h.pow[len(h.pow)-1]
	for k -= len(h.pow) - 1; k > 0; k-- {
		x = mulMod61(x, h.base)
	}
	return x
}

// reach is how long a set of candidates is at most, lower-cased, in
// runes: enough to tell a query too long for any of them to be suggested
// without building their index.
type reach struct{ runes int }

func reachOf(candidates []string) reach {
	var r reach
	for _, c := range candidates {
		r.runes = max(r.runes, utf8.RuneCountInString(strings.ToLower(c)))
	}
	return r
}

// beyond reports whether nearest surely finds nothing for q within
// maxDist edits among candidates of reach r, and spends none of its scan
// budget on it, so that not asking changes nothing, not even the answers
// to later queries: a candidate q is a prefix of has as many runes as q
// at least; one that shares a variant with q, one rune fewer; one within
// maxDist edits, or scanned, is at most maxDist runes shorter. (A
// candidate compared with q for sharing a variant only, or for a length
// in bytes near q's, is further than maxDist and spends no budget.)
// Lower-casing keeps the number of runes.
func (r reach) beyond(q string, maxDist int) bool {
	return utf8.RuneCountInString(strings.ToLower(q)) > r.runes+maxDist
}
