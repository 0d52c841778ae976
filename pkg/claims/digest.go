package claims

import (
	"encoding/binary"
	"hash/maphash"
	"iter"
	"math"
	"slices"

	"github.com/personakit/persona/pkg/mdguard"
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

// MaxDigestWords is the most words a digest keeps whole: a persona of a
// few short claims is compared from its digest alone, and at 8 bytes a
// word costs no more than five words of its sketch.
const MaxDigestWords = 64

// SketchBits is how many low bits of each word id a sketch keeps. Two
// words look alike once in 1,024, which changes a pair of claims only
// where they share nearly enough words already: at 52,500 files of real
// prose no pair that 12 or 16 bits rule out is kept, and the 10 bits
// save 3.4 MiB of peak memory over 12, where lint's peak sits near its
// budget. At a byte and a quarter a word, a sketch costs about what the
// 16-bit prefix words it replaced did.
const SketchBits = 10

// Digest is p's claims as a lean load keeps them (model.ClaimDigest), its
// words hashed under seed, the workspace's. The words of the claims
// persona-overlap compares are kept whole when they are few; else their
// Sketch: the low SketchBits bits of each word of each compared claim.
// Where two claims share a word, their sketches share its bits, so the
// similarity of two sketches (as multisets) is never below the claims':
// a pair of personas whose sketches cannot reach the share is ruled out
// without reading their words again, and few pairs that do not overlap
// have sketches that do.
//
// scratch holds the arrays Digest works in, for the next call to reuse: a
// persona of 60 claims has some 500 words, and a workspace 20,000 personas.
func Digest(p *model.Persona, seed maphash.Seed, scratch *Scratch) *model.ClaimDigest {
	d := model.Digest(p.Claims, &scratch.slabs)
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
	sketch := scratch.sketch[:0]
	for i, start := 0, 0; i < len(ends); i++ {
		sketch, start = AppendSketch(sketch, ids[start:ends[i]]), ends[i]
	}
	d.Sketch = append(scratch.slabs.Bytes.Take(len(sketch))[:0], sketch...)
	scratch.sketch = sketch
	return d
}

// AttachViews is Attach for a load that keeps only the digest: p's
// front-matter claims and those of its body are read into scratch's
// array, as views of body where they can be, until DigestViews digests
// them. Neither an array nor a packed copy of the body's claims is made
// for each persona: at 52,500 realistic files a lean load made 125 MB of
// them, a fifth of what it allocated, each garbage once digested.
func AttachViews(p *model.Persona, body []byte, bodyLine int, sections Sections, scratch *Scratch) {
	if mayHoldClaims(body, sections) && mdguard.Check(body) == nil {
		claims := append(scratch.claims[:0], p.Claims...)
		p.Claims = attachViews(p, claims, body, bodyLine, sections, &scratch.Room)
	}
}

// DigestViews sets p's Digest and drops its claims, which AttachViews
// read, before the body they view is gone.
func DigestViews(p *model.Persona, seed maphash.Seed, scratch *Scratch) {
	p.Digest = Digest(p, seed, scratch)
	if cap(p.Claims) <= maxScratchClaims && cap(p.Claims) > cap(scratch.claims) {
		scratch.claims = p.Claims[:0]
	}
	// The views must not outlive the body, nor the strings of one persona
	// be kept alive by the next one's scratch.
	clear(scratch.claims[:cap(scratch.claims)])
	p.Claims = nil
}

// maxScratchClaims bounds the claims a Scratch keeps room for, as
// maxScratch its words.
const maxScratchClaims = 1 << 12

// AppendSketch appends to dst one claim's entry of a digest's Sketch: the
// count of its word ids as a uvarint, then the low SketchBits bits of
// each, packed high bits first, the last byte padded with zeros.
func AppendSketch(dst []byte, ids []uint64) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ids)))
	var pending uint32 // the last bits not yet written, below bits
	bits := 0
	for _, id := range ids {
		pending = pending<<SketchBits | uint32(id)&(1<<SketchBits-1)
		for bits += SketchBits; bits >= 8; {
			bits -= 8
			dst = append(dst, byte(pending>>bits))
		}
	}
	if bits > 0 {
		dst = append(dst, byte(pending<<(8-bits)))
	}
	return dst
}

// AppendSketchWords appends to dst the words a sketch keeps of one
// claim's word ids, as SketchEntries reads them back from AppendSketch's
// entry: the low SketchBits bits of each, ascending.
func AppendSketchWords(dst []uint16, ids []uint64) []uint16 {
	start := len(dst)
	for _, id := range ids {
		dst = append(dst, uint16(id&(1<<SketchBits-1)))
	}
	slices.Sort(dst[start:])
	return dst
}

// SketchEntries yields each claim's words of a digest's Sketch, as
// AppendSketch writes them: their low SketchBits bits, ascending, each
// copy kept. It appends them to *into, which the views it yields share,
// so that one array holds a persona's words.
func SketchEntries(sketch []byte, into *[]uint16) iter.Seq[[]uint16] {
	return func(yield func(words []uint16) bool) {
		for i := 0; i < len(sketch); {
			packed, next, ok := sketchEntry(sketch, i)
			if !ok {
				return // not a sketch Digest wrote
			}
			start := len(*into)
			var pending uint32
			bits := 0
			for _, b := range packed {
				pending = pending<<8 | uint32(b)
				if bits += 8; bits >= SketchBits {
					bits -= SketchBits
					*into = append(*into, uint16(pending>>bits)&(1<<SketchBits-1))
				}
			}
			i = next
			words := (*into)[start:len(*into):len(*into)]
			slices.Sort(words)
			if !yield(words) {
				return
			}
		}
	}
}

// SketchClaims counts the claims of a digest's Sketch.
func SketchClaims(sketch []byte) int {
	claims := 0
	for i, ok := 0, true; i < len(sketch); claims++ {
		if _, i, ok = sketchEntry(sketch, i); !ok {
			break
		}
	}
	return claims
}

// sketchEntry reads the claim's entry of sketch that starts at i: its
// packed words, and where the next entry starts; not ok when the count
// is not a uvarint or promises more words than the sketch holds.
func sketchEntry(sketch []byte, i int) (packed []byte, next int, ok bool) {
	n, k := binary.Uvarint(sketch[i:])
	if k <= 0 || n > uint64(len(sketch)-i-k)*8/SketchBits {
		return nil, 0, false
	}
	start := i + k
	end := start + (int(n)*SketchBits+7)/8
	return sketch[start:end], end, true
}

// Scratch is the arrays Digest works in, and the words it has hashed.
type Scratch struct {
	// Room is where a lean load's decoder reads a persona's front-matter
	// claims (frontmatter.Decoder.Room) and AttachViews its body claims'
	// evidence: all digested before the next file.
	Room   model.ClaimRoom
	claims []model.Claim
	ids    []uint64
	ends   []int
	sketch []byte
	words  *wordset.Hasher
	// slabs hold what the digests made keep (model.Slab).
	slabs model.DigestSlabs
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
		// Only the arrays the words were worked in: the hasher and the
		// slabs serve every persona after this one alike.
		s.ids, s.ends, s.sketch = nil, nil, nil
	}
}
