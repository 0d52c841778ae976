// Package wordset compares short texts (claims) as sets of words: the
// words as quotes are compared, without stop words, and the Jaccard
// similarity of two sets.
package wordset

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"

	"github.com/personakit/persona/pkg/quote"
)

// Words are a text's words for comparing claims: normalised as quotes are,
// split at spaces and punctuation, without stop words, as a sorted set.
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

// AppendHashes appends to dst the hash under seed of each word Words finds
// in s, as maphash.String hashes the word, stop words left out, in the
// order of s and with repeats. For ASCII text it builds no string and
// allocates nothing but dst's growth: persona-overlap hashes every claim.
func AppendHashes(dst []uint64, s string, seed maphash.Seed) []uint64 {
	if !isASCII(s) {
		for _, w := range Words(s) {
			dst = append(dst, maphash.String(seed, w))
		}
		return dst
	}
	var buf [64]byte
	for w, i := nextWord(s, 0, buf[:0]); w != nil; w, i = nextWord(s, i, buf[:0]) {
		dst = append(dst, maphash.Bytes(seed, w))
	}
	return dst
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
