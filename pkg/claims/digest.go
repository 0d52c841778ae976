package claims

import (
	"hash/maphash"
	"iter"
	"math"
	"slices"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/wordset"
)

// NearIdentical is the word-set similarity from which two claims say the
// same thing (SPEC §9).
const NearIdentical = 0.6

// MaxCompared bounds the claims of one persona that persona-overlap
// compares: the first ones with a word. Two personas are compared claim by
// claim, so a file of half a million claims must not make that grow with
// the square of its size.
const MaxCompared = 200

// PrefixLen is how many of a claim's n sorted word ids any claim
// near-identical to it must share one with: a set of n words reaches
// similarity t with another only if the two share one of their first
// n - ⌈t·n⌉ + 1 words in a common order (prefix filtering).
func PrefixLen(n int) int {
	keep := n - int(math.Ceil(NearIdentical*float64(n))) + 1
	return min(max(keep, 0), n)
}

// AppendWords appends a claim's words to ids as sorted ids, each once:
// each word's hash under the hasher's seed, so that no table of words is
// kept. Two words share an id only if their 64-bit hashes collide, about
// one chance in 10¹⁹ for a pair, and the seed is secret, so no file can be
// written to collide.
func AppendWords(ids []uint64, text string, words *wordset.Hasher) []uint64 {
	start := len(ids)
	ids = words.Append(ids, text)
	claim := ids[start:]
	slices.Sort(claim)
	return ids[:start+len(slices.Compact(claim))]
}

// Compared are the word ids of the claims persona-overlap compares (the
// first MaxCompared with a word), claim after claim in one array, each
// claim's run sorted and ending at its ends; appended to ids[:0] and
// ends[:0], which may be nil.
func Compared(ids []uint64, ends []int, claims []model.Claim, words *wordset.Hasher) ([]uint64, []int) {
	ids, ends = ids[:0], ends[:0]
	if cap(ids) == 0 {
		// About a word in six bytes: grown from nothing, the ids of a
		// persona's 500 words were copied nine times.
		n := 0
		for _, cl := range claims[:min(len(claims), MaxCompared)] {
			n += len(cl.Text.Value)/6 + 1
		}
		ids, ends = make([]uint64, 0, n), make([]int, 0, min(len(claims), MaxCompared))
	}
	for _, cl := range claims {
		if len(ends) == MaxCompared {
			break
		}
		start := len(ids)
		if ids = AppendWords(ids, cl.Text.Value, words); len(ids) > start {
			ends = append(ends, len(ids))
		}
	}
	return ids, ends
}

// AnyWord is the prefix length written in a digest for a claim whose
// prefix has more words than a uint16 counts: no words follow, and the
// claim may match any.
const AnyWord = math.MaxUint16

// MaxDigestWords is the most words a digest keeps whole: a persona of a
// few short claims is compared from its digest alone, and at 8 bytes a
// word costs no more than its claims' prefixes would.
const MaxDigestWords = 64

// Digest is p's claims as a lean load keeps them (model.ClaimDigest), its
// words hashed under seed, the workspace's. The words of the claims
// persona-overlap compares are kept whole when they are few; else it keeps
// the low 16 bits of each compared claim's prefix words: two claims whose
// prefixes share no such value share no prefix word, so they are not
// near-identical, and a pair of personas whose claims cannot reach the
// share is ruled out without reading their words again.
//
// scratch holds the arrays Digest works in, for the next call to reuse: a
// persona of 60 claims has some 500 words, and a workspace 20,000 personas.
func Digest(p *model.Persona, seed maphash.Seed, scratch *Scratch) *model.ClaimDigest {
	d := model.Digest(p.Claims)
	ids, ends := Compared(scratch.ids, scratch.ends, p.Claims, scratch.hasher(seed))
	defer scratch.keep(ids, ends)
	if len(ids) <= MaxDigestWords {
		if len(ids) > 0 {
			d.Words = append([]uint64(nil), ids...)
			d.Ends = make([]uint8, len(ends))
			for i, e := range ends {
				d.Ends[i] = uint8(e)
			}
		}
		return d
	}
	overlap := scratch.overlap[:0]
	for i, start := 0, 0; i < len(ends); i++ {
		overlap, start = AppendPrefix(overlap, ids[start:ends[i]]), ends[i]
	}
	d.Overlap = append([]uint16(nil), overlap...)
	scratch.overlap = overlap
	return d
}

// AppendPrefix appends to dst one claim's entry of a digest's Overlap:
// the low 16 bits of the prefix words of its sorted word ids, after their
// count, or AnyWord alone when they are too many to count.
func AppendPrefix(dst []uint16, ids []uint64) []uint16 {
	prefix := ids[:PrefixLen(len(ids))]
	if len(prefix) >= AnyWord {
		return append(dst, AnyWord)
	}
	dst = append(dst, uint16(len(prefix)))
	for _, id := range prefix {
		dst = append(dst, uint16(id))
	}
	return dst
}

// PrefixEntries yields each claim's entry of a digest's Overlap, as
// AppendPrefix writes it: its prefix words, or any when it may match any
// word (its words are then nil).
func PrefixEntries(overlap []uint16) iter.Seq2[[]uint16, bool] {
	return func(yield func(words []uint16, any bool) bool) {
		for i := 0; i < len(overlap); {
			if n := overlap[i]; n == AnyWord {
				if !yield(nil, true) {
					return
				}
				i++
			} else {
				if !yield(overlap[i+1:i+1+int(n)], false) {
					return
				}
				i += 1 + int(n)
			}
		}
	}
}

// Scratch is the arrays Digest works in, and the words it has hashed.
type Scratch struct {
	ids     []uint64
	ends    []int
	overlap []uint16
	words   *wordset.Hasher
}

func (s *Scratch) hasher(seed maphash.Seed) *wordset.Hasher {
	if s.words == nil || s.words.Seed() != seed {
		s.words = wordset.NewHasher(seed)
	}
	return s.words
}

// maxScratch bounds the words a Scratch keeps room for: one persona of
// huge claims must not hold their size for the rest of a load.
const maxScratch = 1 << 16

func (s *Scratch) keep(ids []uint64, ends []int) {
	s.ids, s.ends = ids, ends
	if cap(ids) > maxScratch {
		*s = Scratch{words: s.words}
	}
}
