// Package wordset compares short texts (claims) as sets of words: the
// words as quotes are compared, without stop words, and the Jaccard
// similarity of two sets.
package wordset

import (
	"cmp"
	"hash/maphash"
	"iter"
	"slices"
	"strings"
	"unicode"

	"github.com/personakit/persona/pkg/quote"
)

// Words are a text's words for comparing claims: the whole text normalised
// as quotes are, split at spaces and punctuation, without stop words, as a
// sorted set.
func Words(s string) []string {
	var out []string
	if isASCII(s) {
		var buf [64]byte
		for w, i := nextWord(s, 0, buf[:0]); w != nil; w, i = nextWord(s, i, buf[:0]) {
			out = append(out, string(w))
		}
	} else {
		out = slices.DeleteFunc(unicodeWords(s), stopWord)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Hasher hashes the words Words finds in texts, each as maphash.String
// hashes it under the Hasher's seed. It reads ASCII text in one pass and
// remembers the words of the other chunks it normalised (see chunks):
// normalising a word of real prose ("développement", "équipe") costs a
// microsecond, and a workspace writes the same words over and over.
// A Hasher is for one goroutine.
type Hasher struct {
	seed  maphash.Seed
	known map[string]knownWords
	ids   []uint64 // the known chunks' words, known[chunk] slicing it
	size  int      // bytes the known chunks hold, to bound them
}

type knownWords struct{ at, n int32 }

// Bounds on what a Hasher remembers: chunks longer than maxKnownChunk
// (a run of CJK text without a space) seldom recur, and once its chunks
// hold maxKnownBytes it starts again, so no input grows it further.
const (
	maxKnownChunk = 64
	maxKnownBytes = 1 << 20
)

// NewHasher is a Hasher hashing under seed.
func NewHasher(seed maphash.Seed) *Hasher { return &Hasher{seed: seed} }

// Seed is the seed h hashes under.
func (h *Hasher) Seed() maphash.Seed { return h.seed }

// Append appends to dst the hash of each word Words finds in s, stop words
// left out, with repeats, in no set order. For ASCII text it builds no
// string and allocates nothing but dst's growth: persona-overlap hashes
// every claim.
func (h *Hasher) Append(dst []uint64, s string) []uint64 {
	if isASCII(s) {
		return h.appendASCII(dst, s) // most claims: not cut into chunks
	}
	for chunk := range chunks(s) {
		if isASCII(chunk) {
			dst = h.appendASCII(dst, chunk)
			continue
		}
		if k, ok := h.known[chunk]; ok {
			dst = append(dst, h.ids[k.at:k.at+k.n]...)
			continue
		}
		start := len(dst)
		for _, w := range unicodeWords(chunk) {
			if !stopWord(w) {
				dst = append(dst, maphash.String(h.seed, w))
			}
		}
		h.remember(chunk, dst[start:])
	}
	return dst
}

// appendASCII is Append for ASCII text, in one pass (nextWord).
func (h *Hasher) appendASCII(dst []uint64, s string) []uint64 {
	var buf [64]byte
	for w, i := nextWord(s, 0, buf[:0]); w != nil; w, i = nextWord(s, i, buf[:0]) {
		dst = append(dst, maphash.Bytes(h.seed, w))
	}
	return dst
}

func (h *Hasher) remember(chunk string, ids []uint64) {
	if len(chunk) > maxKnownChunk {
		return
	}
	cost := len(chunk) + 8*len(ids)
	if h.known == nil || h.size+cost > maxKnownBytes {
		h.known, h.ids, h.size = map[string]knownWords{}, h.ids[:0], 0
	}
	h.size += cost
	h.known[strings.Clone(chunk)] = knownWords{at: int32(len(h.ids)), n: int32(len(ids))}
	h.ids = append(h.ids, ids...)
}

// chunks cuts s where normalising cannot join what is on either side: at
// each ASCII byte that breaks words (neither letter, digit nor a marker
// that normalising drops). Nothing composes with an ASCII character that
// follows it, and an ASCII break composes with what follows only as "<",
// "=" or ">" with U+0338 ("≠"), so those are cut only before ASCII. The
// words of s are then the words of its chunks, and a claim of real prose
// with one curly apostrophe normalises that word only, not the whole
// claim. FuzzWords holds it to unicodeWords of the whole text.
func chunks(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x80 && !wordByte(c) && (c < '<' || c > '>' || i+1 == len(s) || s[i+1] < 0x80) {
				if i > start && !yield(s[start:i]) {
					return
				}
				start = i + 1
			}
		}
		if start < len(s) {
			yield(s[start:])
		}
	}
}

// wordByte reports the ASCII bytes that do not break a word: letters,
// digits, and the markers normalising drops, which join what is around
// them.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '*' || c == '_' || c == '~'
}

// nextWord is the first word of ASCII text s from offset i on that is not
// a stop word, lower-cased into buf, and the offset after it; nil at the
// end of s. It reads ASCII in one pass instead of normalising first:
// letters lower-cased, digits kept, the markers that normalising drops
// dropped (they join what is around them), every other byte a break.
// FuzzWords holds it to unicodeWords.
func nextWord(s string, i int, buf []byte) ([]byte, int) {
	w := buf
	for ; i <= len(s); i++ {
		c := byte(' ')
		if i < len(s) {
			c = s[i]
		}
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			w = append(w, c)
		case c >= 'A' && c <= 'Z':
			w = append(w, c+'a'-'A')
		case c == '*' || c == '_' || c == '~':
		default:
			if len(w) > 0 && !stopWord(string(w)) {
				return w, i + 1
			}
			w = w[:0]
		}
	}
	return nil, i
}

// unicodeWords splits normalised text at what is neither letter nor digit.
func unicodeWords(s string) []string {
	return strings.FieldsFunc(quote.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Jaccard is the share of two word sets' union they have in common; both
// are sorted sets (as Words returns them, or ids standing for words), so
// one merge counts the common words.
func Jaccard[T cmp.Ordered](a, b []T) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// JaccardBelow reports, without comparing a word, when two sets of these
// sizes cannot reach the similarity least: the common words are at most the
// smaller set and the union at least the larger.
func JaccardBelow(sizeA, sizeB int, least float64) bool {
	return float64(sizeA) < least*float64(sizeB) || float64(sizeB) < least*float64(sizeA)
}

// stopWord reports the English words that carry no claim of their own.
func stopWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
		"is", "are", "be", "was", "were", "it", "its", "this", "that", "their", "they", "them", "our", "we",
		"i", "my", "me", "you", "your", "as", "so", "not", "no", "do", "does", "can", "will", "would", "has", "have":
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
