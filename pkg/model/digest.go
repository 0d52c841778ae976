package model

import (
	"slices"
	"unsafe"
)

// ClaimDigest is what a lean load keeps of a persona's claims in place of
// Claims (workspace.Options.Lean): the evidence lint's rules walk, and the
// words persona-overlap needs to rule a pair of personas out. A claim
// struct and its text cost about a hundred bytes each, and a workspace of
// 50,000 files holds over a million claims; a digest holds 12 bytes per
// evidence item and about ten per claim.
type ClaimDigest struct {
	// evidence is each claim's evidence items, claim after claim.
	evidence []digestEvidence
	quotes   []digestQuote
	// text holds the distinct references, as written, then the distinct
	// quotes, one after another: span k is text[ends[k-1]:ends[k]]. One
	// string instead of one each: a persona holds a dozen, and a quote
	// written once and aliased a thousand times is held once.
	text string
	ends []int
	// Words holds the word ids of the claims persona-overlap compares,
	// claim after claim, each claim's run ending at its Ends; when they
	// number more than claims.MaxDigestWords, Sketch holds a few bits of
	// each instead (see claims.Digest).
	Words  []uint64
	Ends   []uint8
	Sketch []byte
}

// digestEvidence is one evidence item: its reference's position and its
// value (a span of text), with quotedBit set when the item gives a quote,
// the next of quotes: 12 bytes an item.
type digestEvidence struct {
	pos Pos
	ref int32
}

const quotedBit = 1 << 30

func (e digestEvidence) span() int32  { return e.ref &^ quotedBit }
func (e digestEvidence) quoted() bool { return e.ref&quotedBit != 0 }

// digestQuote is a quote an evidence item gives, in the order of the
// items: where, and its span.
type digestQuote struct {
	pos  Pos
	span int32
}

// Slab hands out slices of large chunks: what a load keeps for the whole
// run, allocated a chunk at a time apart from the garbage decoding makes.
// Allocated one by one, kept arrays share spans with that garbage, and
// the room it leaves there is unusable by the rest: at 52,500 files a
// fifth of the heap was such room. A chunk lives while any slice of it
// does: in the editor server, the first load's chunks stay while any
// digest in them does, never more than that load allocated. Its zero
// value is ready; it is for one goroutine, and its slices are never
// handed out twice.
type Slab[T any] struct{ chunk []T }

// slabBytes is the size a Slab's chunks grow to, doubling from
// firstChunkBytes: a slab that serves one digest (the editor decoding the
// file being edited) holds little more than it. A request of more than a
// quarter of slabBytes gets an array of its own.
const (
	slabBytes       = 64 << 10
	firstChunkBytes = 1 << 10
)

// Take is n zero elements, capped: appending to them never writes over
// another's.
func (s *Slab[T]) Take(n int) []T {
	size := max(int(unsafe.Sizeof(*new(T))), 1)
	full := max(slabBytes/size, 1)
	if n > full/4 {
		return make([]T, n)
	}
	if cap(s.chunk)-len(s.chunk) < n {
		s.chunk = make([]T, 0, max(n, min(full, max(2*cap(s.chunk), firstChunkBytes/size))))
	}
	start := len(s.chunk)
	s.chunk = s.chunk[:start+n]
	return s.chunk[start : start+n : start+n]
}

// Entities are the slabs a load's decoded entities come from, one set per
// goroutine: a document and its kind's struct live as long as the load,
// and lint's load allocates them among ten times their size in garbage.
// Taken one at a time they shared spans with it, and at 52,500 files a
// fifth of the heap was the room that garbage left there. A nil
// *Entities allocates each, for what is decoded on its own.
type Entities struct {
	documents  Slab[Document]
	icps       Slab[ICP]
	personas   Slab[Persona]
	interviews Slab[Interview]
	strs       Slab[Str]
	bytes      Slab[byte]
}

// String is s copied into e's bytes, or s itself when e is nil: a value
// the document keeps, apart from the YAML text it was read with.
func (e *Entities) String(s string) string {
	if e == nil || s == "" {
		return s
	}
	b := e.bytes.Take(len(s))
	copy(b, s)
	return unsafe.String(&b[0], len(b))
}

// ClaimRoom is where a persona's claims and their evidence are decoded
// by a caller that is done with them before it decodes the next persona
// (a lean load, which digests them): the arrays serve one file after
// another instead of being made for each.
type ClaimRoom struct {
	Claims   []Claim
	Evidence []Evidence
}

// maxRoom bounds the items a ClaimRoom keeps room for: one persona of
// thousands of claims must not hold their size for the rest of a load.
const maxRoom = 1 << 12

// Reset empties the room for the next persona; the strings of the last
// one are not kept alive by it.
func (r *ClaimRoom) Reset() {
	clear(r.Claims)
	clear(r.Evidence)
	r.Claims, r.Evidence = r.Claims[:0], r.Evidence[:0]
	if cap(r.Claims) > maxRoom {
		r.Claims = nil
	}
	if cap(r.Evidence) > maxRoom {
		r.Evidence = nil
	}
}

// EvidenceList is room for a claim's n evidence items, after those of the
// claims before it.
func (r *ClaimRoom) EvidenceList(n int) []Evidence {
	if r == nil {
		return make([]Evidence, 0, n)
	}
	if cap(r.Evidence)-len(r.Evidence) < n {
		// The lists handed out keep the old array; the next ones start
		// a new one.
		r.Evidence = make([]Evidence, 0, max(2*cap(r.Evidence), n, 64))
	}
	start := len(r.Evidence)
	r.Evidence = r.Evidence[:start+n]
	return r.Evidence[start : start : start+n]
}

// Strs is an empty array with room for n values.
func (e *Entities) Strs(n int) []Str {
	if e == nil {
		return make([]Str, 0, n)
	}
	return e.strs.Take(n)[:0]
}

// Document is a new, zero document.
func (e *Entities) Document() *Document {
	if e == nil {
		return &Document{}
	}
	return &e.documents.Take(1)[0]
}

// ICP is a new, zero ICP.
func (e *Entities) ICP() *ICP {
	if e == nil {
		return &ICP{}
	}
	return &e.icps.Take(1)[0]
}

// Persona is a new, zero persona.
func (e *Entities) Persona() *Persona {
	if e == nil {
		return &Persona{}
	}
	return &e.personas.Take(1)[0]
}

// Interview is a new, zero interview.
func (e *Entities) Interview() *Interview {
	if e == nil {
		return &Interview{}
	}
	return &e.interviews.Take(1)[0]
}

// DigestSlabs are the slabs a load's digests take their arrays from, one
// set per goroutine; Bytes is claims.Digest's, for sketches.
type DigestSlabs struct {
	digests  Slab[ClaimDigest]
	Bytes    Slab[byte]
	evidence Slab[digestEvidence]
	quotes   Slab[digestQuote]
	ends     Slab[int]
	// refs and quoted are Digest's working sets, emptied for each.
	refs, quoted distinct
}

// Digest builds the digest of claims, with Words, Ends and Sketch left to
// claims.Digest, its arrays taken from slabs. It copies the text it
// keeps, once: a body's claims share one string (claims.Attach), which a
// digest must not keep alive.
func Digest(claims []Claim, slabs *DigestSlabs) *ClaimDigest {
	d := &slabs.digests.Take(1)[0]
	items, quotes := 0, 0
	for _, c := range claims {
		items += len(c.Evidence)
		for _, e := range c.Evidence {
			if e.Quote != (Str{}) {
				quotes++
			}
		}
	}
	d.evidence = slabs.evidence.Take(items)[:0]
	d.quotes = slabs.quotes.Take(quotes)[:0]
	// The distinct references and quotes, as written (views of claims):
	// a quote's span is numbered among the quotes, then moved past the
	// references once they are all counted.
	refs, quoted := &slabs.refs, &slabs.quoted
	refs.reset()
	quoted.reset()
	for _, c := range claims {
		for _, e := range c.Evidence {
			ev := digestEvidence{pos: e.Ref.Pos}
			ev.ref = refs.add(e.Ref.Value)
			if e.Quote != (Str{}) {
				q := digestQuote{pos: e.Quote.Pos}
				q.span = quoted.add(e.Quote.Value)
				ev.ref |= quotedBit
				d.quotes = append(d.quotes, q)
			}
			d.evidence = append(d.evidence, ev)
		}
	}
	for i := range d.quotes {
		d.quotes[i].span += int32(len(refs.values))
	}
	size := 0
	for _, v := range refs.values {
		size += len(v)
	}
	for _, v := range quoted.values {
		size += len(v)
	}
	text := slabs.Bytes.Take(size)[:0]
	d.ends = slabs.ends.Take(len(refs.values) + len(quoted.values))[:0]
	for _, list := range [][]string{refs.values, quoted.values} {
		for _, v := range list {
			text = append(text, v...)
			d.ends = append(d.ends, len(text))
		}
	}
	// The bytes are the slab's, never written again.
	d.text = unsafe.String(unsafe.SliceData(text), len(text))
	return d
}

// distinct are texts, each once, in the order first given. A persona
// cites a few interviews many times over, found by looking back over the
// last few; past that many, an index finds the others, so that a text
// given again and again, aliases cycling over a few long quotes as much
// as one, is held once, and a digest is never larger than its file.
type distinct struct {
	values []string
	index  map[string]int32
	// indexed says index holds values: it is kept, emptied, between
	// digests.
	indexed bool
}

// maxDistinct bounds the texts a reused distinct keeps room for.
const maxDistinct = 1 << 12

// reset empties d for the next digest, keeping its room unless one
// persona's thousands of texts made it large; the texts of the last are
// not kept alive by it.
func (d *distinct) reset() {
	clear(d.values)
	d.values = d.values[:0]
	if cap(d.values) > maxDistinct {
		d.values = nil
	}
	switch {
	case len(d.index) > maxDistinct:
		d.index = nil
	case d.indexed:
		// Only a map in use is cleared: clearing costs its whole table,
		// and most digests never index.
		clear(d.index)
	}
	d.indexed = false
}

// add is the index of value, added when new.
func (d *distinct) add(value string) int32 {
	const lookBack = 16
	from := max(len(d.values)-lookBack, 0)
	if i := slices.Index(d.values[from:], value); i >= 0 {
		return int32(from + i)
	}
	if len(d.values) >= lookBack {
		if !d.indexed {
			if d.index == nil {
				d.index = make(map[string]int32, 2*len(d.values))
			}
			for i, v := range d.values {
				d.index[v] = int32(i)
			}
			d.indexed = true
		}
		if i, ok := d.index[value]; ok {
			return i
		}
		d.index[value] = int32(len(d.values))
	}
	d.values = append(d.values, value)
	return int32(len(d.values) - 1)
}

// span is the text of span k.
func (d *ClaimDigest) span(k int32) string {
	start := 0
	if k > 0 {
		start = d.ends[k-1]
	}
	return d.text[start:d.ends[k]]
}

// quoteCount counts the quotes evidence items give.
func (d *ClaimDigest) quoteCount() int { return len(d.quotes) }

// Evidence counts the evidence items.
func (d *ClaimDigest) Evidence() int { return len(d.evidence) }

// eachEvidence calls fn with each evidence item, as EachEvidence does.
func (d *ClaimDigest) eachEvidence(fn func(ref, quote Str) bool) {
	quotes := 0
	for _, e := range d.evidence {
		var quote Str
		if e.quoted() {
			q := d.quotes[quotes]
			quote = Str{Value: d.span(q.span), Pos: q.pos}
			quotes++
		}
		if !fn(Str{Value: d.span(e.span()), Pos: e.pos}, quote) {
			return
		}
	}
}

// eachRef calls fn with each evidence item's reference until fn returns
// false, and says whether it went through all of them.
func (d *ClaimDigest) eachRef(fn func(Str) bool) bool {
	for _, e := range d.evidence {
		if !fn(Str{Value: d.span(e.span()), Pos: e.pos}) {
			return false
		}
	}
	return true
}
