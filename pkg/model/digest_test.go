package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestDigestGivesTheEvidenceBack: a digest yields the evidence items, their
// references and their quotes as the claims it was made from do, in order,
// for references and quotes repeated next to each other and far apart,
// more distinct ones than it looks back over, and a quote that is empty
// but written; and it holds a quote given again and again once.
func TestDigestGivesTheEvidenceBack(t *testing.T) {
	long := strings.Repeat("we close the books in ten days ", 100)
	at := func(line int) Pos { return Pos{Line: int32(line), Column: 3} }
	var claims []Claim
	line := 1
	ev := func(ref, quote string, quoted bool) Evidence {
		line++
		e := Evidence{Ref: Str{Value: ref, Pos: at(line)}}
		if quoted {
			e.Quote = Str{Value: quote, Pos: at(line + 1000)}
		}
		return e
	}
	for c := range 6 {
		var evidence []Evidence
		for i := range 7 {
			evidence = append(evidence, ev(fmt.Sprintf("interview-%d", (c*7+i)%20), fmt.Sprintf("said %d", i%3), i%2 == 0))
		}
		evidence = append(evidence, ev("interview-1", long, true), ev("interview-1", long, true), ev("interview-2", "", true), ev("", "", false))
		claims = append(claims, Claim{List: "goals", Text: Str{Value: fmt.Sprint("claim ", c)}, Evidence: evidence})
	}
	claims = append(claims, Claim{List: "goals", Text: Str{Value: "no evidence"}})
	type item struct{ ref, quote Str }
	walk := func(p *Persona) (items []item, refs []Str) {
		p.EachEvidence(func(ref, quote Str) bool {
			items = append(items, item{ref, quote})
			return true
		})
		p.EachReference(func(ref Str) bool {
			refs = append(refs, ref)
			return true
		})
		return items, refs
	}
	// Taken from slabs another digest took from first, and checked after
	// a third takes from them too.
	var slabs DigestSlabs
	before := Digest(claims[len(claims)/2:], &slabs)
	wantBefore, _ := walk(&Persona{Claims: claims[len(claims)/2:]})
	d := Digest(claims, &slabs)
	Digest(claims[:1], &slabs)
	if got, _ := walk(&Persona{Digest: before}); !slices.Equal(got, wantBefore) {
		t.Errorf("a digest taken from the same slabs before changed:\n%v\nwant\n%v", got, wantBefore)
	}
	wantItems, wantRefs := walk(&Persona{Claims: claims})
	gotItems, gotRefs := walk(&Persona{Digest: d})
	if !slices.Equal(gotItems, wantItems) {
		t.Errorf("evidence from the digest:\n%v\nwant\n%v", gotItems, wantItems)
	}
	if !slices.Equal(gotRefs, wantRefs) {
		t.Errorf("references from the digest:\n%v\nwant\n%v", gotRefs, wantRefs)
	}
	quotes := 0
	for _, it := range wantItems {
		if it.quote != (Str{}) {
			quotes++
		}
	}
	if got, want := (&Persona{Digest: d}).QuoteCount(), (&Persona{Claims: claims}).QuoteCount(); got != quotes || want != quotes {
		t.Errorf("QuoteCount() = %d from the digest, %d from the claims; want %d", got, want, quotes)
	}
	if d.Evidence() != len(wantItems) {
		t.Errorf("Evidence() = %d, want %d", d.Evidence(), len(wantItems))
	}
	// The long quote, given twelve times among a few other quotes, is
	// held once, beside the short texts.
	if n := strings.Count(d.text, long); n != 1 || len(d.text) > len(long)+1000 {
		t.Errorf("the digest holds the long quote %d times in %d bytes; want once", n, len(d.text))
	}
}

// TestDigestHoldsEachTextOnce: quotes and references given again are held
// once however far back they were first given (aliases cycling over more
// texts than the digest looks back over), and still yielded in place.
func TestDigestHoldsEachTextOnce(t *testing.T) {
	var evidence []Evidence
	for round := range 5 {
		for i := range 40 {
			evidence = append(evidence, Evidence{
				Ref:   Str{Value: fmt.Sprintf("interview-%02d", i), Pos: Pos{Line: int32(round*40 + i + 1), Column: 1}},
				Quote: Str{Value: fmt.Sprintf("%02d %s", i, strings.Repeat("said at length ", 20)), Pos: Pos{Line: int32(round*40 + i + 1), Column: 20}},
			})
		}
	}
	claims := []Claim{{List: "goals", Text: Str{Value: "Close fast"}, Evidence: evidence}}
	d := Digest(claims, &DigestSlabs{})
	if len(d.ends) != 80 {
		t.Errorf("%d texts held for 40 references and 40 quotes, each given five times", len(d.ends))
	}
	i := 0
	(&Persona{Digest: d}).EachEvidence(func(ref, quote Str) bool {
		if ref != evidence[i].Ref || quote != evidence[i].Quote {
			t.Fatalf("item %d: %v %v, want %v %v", i, ref, quote, evidence[i].Ref, evidence[i].Quote)
		}
		i++
		return true
	})
	if i != len(evidence) {
		t.Errorf("%d items yielded, want %d", i, len(evidence))
	}
}

// TestSlabTakesApart: slices a Slab hands out are zero, capped and never
// share an element, across chunks, and a large request gets its own.
func TestSlabTakesApart(t *testing.T) {
	var s Slab[int64]
	var taken [][]int64
	for i := range 3000 {
		n := i % 7
		if i%500 == 0 {
			n = slabBytes // more than a chunk holds
		}
		got := s.Take(n)
		if len(got) != n || cap(got) != n {
			t.Fatalf("Take(%d): len %d, cap %d", n, len(got), cap(got))
		}
		for j := range got {
			if got[j] != 0 {
				t.Fatalf("Take(%d)[%d] = %d, not zero", n, j, got[j])
			}
			got[j] = int64(i)
		}
		taken = append(taken, got)
	}
	for i, got := range taken {
		for j, v := range got {
			if v != int64(i) {
				t.Fatalf("slice %d, element %d: %d, written over by slice %d", i, j, v, v)
			}
		}
	}
}

// TestSlabGrowsFromSmall: a slab that serves one small digest holds about
// what it takes (the editor decodes one file at a time with a new one),
// and its chunks grow to slabBytes for a load.
func TestSlabGrowsFromSmall(t *testing.T) {
	var s Slab[byte]
	s.Take(10)
	if cap(s.chunk) > firstChunkBytes {
		t.Fatalf("the first chunk holds %d bytes for a request of 10", cap(s.chunk))
	}
	for range 1000 {
		s.Take(1000)
	}
	if cap(s.chunk) != slabBytes {
		t.Fatalf("after 1 MB taken, chunks of %d bytes, want %d", cap(s.chunk), slabBytes)
	}
}

// TestEntitiesKeepCopies: a string Entities keeps is a copy, not a view of
// the text it was read from, and holds its value after many more; the
// lists it makes are empty and capped; a nil Entities allocates each.
func TestEntitiesKeepCopies(t *testing.T) {
	e := new(Entities)
	src := []byte("persona-one")
	kept := e.String(string(src[:7]))
	var more []string
	for i := range 5000 {
		more = append(more, e.String(strings.Repeat("x", i%40)+"y"))
	}
	copy(src, "XXXXXXXXXXX")
	if kept != "persona" {
		t.Fatalf("kept %q, want %q", kept, "persona")
	}
	for i, s := range more {
		if want := strings.Repeat("x", i%40) + "y"; s != want {
			t.Fatalf("string %d = %q, written over; want %q", i, s, want)
		}
	}
	if e.String("") != "" {
		t.Error("the empty string is not kept empty")
	}
	list := e.Strs(3)
	if len(list) != 0 || cap(list) != 3 {
		t.Fatalf("Strs(3): len %d, cap %d", len(list), cap(list))
	}
	next := e.Strs(2)
	_ = append(list, Str{Value: "a"}, Str{Value: "b"}, Str{Value: "c"}, Str{Value: "d"})
	if next = next[:2]; next[0] != (Str{}) || next[1] != (Str{}) {
		t.Fatalf("appending past one list wrote into the next: %+v", next)
	}
	var none *Entities
	if d1, d2 := none.Document(), none.Document(); d1 == d2 || none.String("x") != "x" || cap(none.Strs(4)) != 4 {
		t.Error("a nil Entities does not allocate each")
	}
	if p1, p2 := e.Persona(), e.Persona(); p1 == p2 || e.Interview() == nil || e.ICP() == nil {
		t.Error("Entities hands out one persona twice")
	}
}

// TestDigestsReuseTheirWorkingSets: digests made one after another from
// the same slabs each hold every distinct reference once, though the
// working sets that find repeats are the last digest's, emptied.
func TestDigestsReuseTheirWorkingSets(t *testing.T) {
	var slabs DigestSlabs
	for round := range 3 {
		var claims []Claim
		for pass := range 2 { // each reference again, far past the look-back
			for i := range 40 {
				ref := Str{Value: fmt.Sprintf("r%d-interview-%d", round, i), Pos: Pos{Line: int32(pass*100 + i + 1), Column: 1}}
				claims = append(claims, Claim{List: "goals", Text: Str{Value: "c"}, Evidence: []Evidence{{Ref: ref}}})
			}
		}
		d := Digest(claims, &slabs)
		if len(d.ends) != 40 {
			t.Errorf("digest %d holds %d texts, want its 40 distinct references once each", round, len(d.ends))
		}
	}
}

// TestReferencesComeInWalkOrder: EachReference gives a persona's sources,
// then its evidence as EachEvidence walks it, then its quotes' sources
// (those given), from its claims and from its digest alike: rules that
// zip the two walks (quote-not-found) depend on it. RefCount counts them,
// which the lint run's table of references reserves room by.
func TestReferencesComeInWalkOrder(t *testing.T) {
	s := func(v string) Str { return Str{Value: v} }
	claims := []Claim{
		{List: "goals", Text: s("a"), Evidence: []Evidence{{Ref: s("e1"), Quote: s("q1")}, {Ref: s("e2")}}},
		{List: "goals", Text: s("b")},
		{List: "goals", Text: s("c"), Evidence: []Evidence{{Ref: s("e3"), Quote: s("q3")}}},
	}
	var slabs DigestSlabs
	for name, p := range map[string]*Persona{
		"claims": {Claims: claims},
		"digest": {Digest: Digest(claims, &slabs)},
	} {
		p.Sources = []Str{s("s1"), s("s2")}
		p.QuoteItems = []Quote{{Text: s("x"), Source: s("u1")}, {Text: s("y")}, {Text: s("z"), Source: s("u2")}}
		want := []string{"s1", "s2"}
		p.EachEvidence(func(ref, _ Str) bool { want = append(want, ref.Value); return true })
		want = append(want, "u1", "u2")
		var got []string
		p.EachReference(func(ref Str) bool { got = append(got, ref.Value); return true })
		if !slices.Equal(got, want) || len(want) != 7 {
			t.Errorf("%s: references %v, want %v", name, got, want)
		}
		if p.RefCount() != len(got) {
			t.Errorf("%s: RefCount() = %d, want the %d references EachReference gives", name, p.RefCount(), len(got))
		}
	}
}
