package model

import "strings"

// ClaimDigest is what a lean load keeps of a persona's claims in place of
// Claims (workspace.Options.Lean): the evidence lint's rules walk, and the
// words persona-overlap needs to rule a pair of personas out. A claim
// struct and its text cost about a hundred bytes each, and a workspace of
// 50,000 files holds over a million claims; a digest holds 16 bytes per
// evidence item and about ten per claim.
type ClaimDigest struct {
	// evidence is each claim's evidence items, claim after claim.
	evidence []digestEvidence
	refs     []string // the distinct references, as written
	quotes   []Str    // the quotes evidence items give
	// Words holds the word ids of the claims persona-overlap compares,
	// claim after claim, each claim's run ending at its Ends; when they
	// number more than claims.MaxDigestWords, Overlap holds each one's
	// prefix words instead, a count and that many words each (see
	// claims.Digest).
	Words   []uint64
	Ends    []uint8
	Overlap []uint16
}

// digestEvidence is one evidence item: its reference's position, its
// value (an index into refs) and its quote (an index into quotes, or -1).
type digestEvidence struct {
	pos   Pos
	ref   int32
	quote int32
}

// Digest builds the digest of claims, with Words, Ends and Overlap left to
// claims.Digest. It copies the strings it keeps: a body's claims share one
// string (claims.Attach), which a digest must not keep alive.
func Digest(claims []Claim) *ClaimDigest {
	d := &ClaimDigest{}
	items, quotes := 0, 0
	for _, c := range claims {
		items += len(c.Evidence)
		for _, e := range c.Evidence {
			if e.Quote != (Str{}) {
				quotes++
			}
		}
	}
	d.evidence = make([]digestEvidence, 0, items)
	d.quotes = make([]Str, 0, quotes)
	for _, c := range claims {
		for _, e := range c.Evidence {
			ev := digestEvidence{pos: e.Ref.Pos, ref: d.ref(e.Ref.Value), quote: -1}
			if e.Quote != (Str{}) {
				ev.quote = int32(len(d.quotes))
				d.quotes = append(d.quotes, Str{Value: strings.Clone(e.Quote.Value), Pos: e.Quote.Pos})
			}
			d.evidence = append(d.evidence, ev)
		}
	}
	return d
}

// ref is the index of the reference value in refs. A persona cites a few
// interviews many times over: looking back over the distinct ones is
// quicker than a map, up to a bound that keeps a file citing a million
// different ones linear.
func (d *ClaimDigest) ref(value string) int32 {
	const lookBack = 16
	for i := len(d.refs) - 1; i >= 0 && i >= len(d.refs)-lookBack; i-- {
		if d.refs[i] == value {
			return int32(i)
		}
	}
	d.refs = append(d.refs, strings.Clone(value))
	return int32(len(d.refs) - 1)
}

// Evidence counts the evidence items.
func (d *ClaimDigest) Evidence() int { return len(d.evidence) }

// eachEvidence calls fn with each evidence item, as EachEvidence does.
func (d *ClaimDigest) eachEvidence(fn func(ref, quote Str) bool) {
	for _, e := range d.evidence {
		var quote Str
		if e.quote >= 0 {
			quote = d.quotes[e.quote]
		}
		if !fn(Str{Value: d.refs[e.ref], Pos: e.pos}, quote) {
			return
		}
	}
}

// eachRef calls fn with each evidence item's reference until fn returns
// false, and says whether it went through all of them.
func (d *ClaimDigest) eachRef(fn func(Str) bool) bool {
	for _, e := range d.evidence {
		if !fn(Str{Value: d.refs[e.ref], Pos: e.pos}) {
			return false
		}
	}
	return true
}
