package rules

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/wordset"
)

func TestPersonaOverlap(t *testing.T) {
	p := func(name, extra string) string {
		return "---\nkind: persona\nname: " + name + "\nicp: saas\nowners: [m]\nreviewed: 2026-10-01\nshare: 0.1\nsources: [one, two, three]\n" + extra + "---\n"
	}
	runRuleCases(t, "persona-overlap", []ruleCase{
		{"the same claims, worded alike", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days, Trust the revenue numbers]\n"),
			"personas/b.md": p("B", "goals: [Close the books within five days, Trust the revenue numbers again, Hire two analysts]\n"),
		}), "", []string{"personas/b.md:1:1 warning"}},
		{"the same role and interviews", with(map[string]string{
			"personas/a.md": p("A", "role: {title: CFO}\ngoals: [x]\n"),
			"personas/b.md": p("B", "role: {title: cfo}\ngoals: [y]\n"),
		}), "", []string{"personas/b.md:1:1 warning"}},
		{"different people", with(map[string]string{
			"personas/a.md": p("A", "role: {title: CFO}\ngoals: [Close the books in five days]\n"),
			"personas/b.md": p("B", "role: {title: Data engineer}\ngoals: [Ship pipelines without paging]\nsources: [one]\n"),
		}), "rules:\n  persona-few-sources: off\n", nil},
		{"a negative persona is not compared", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days]\n"),
			"personas/b.md": p("B", "type: negative\ngoals: [Close the books in five days]\n"),
		}), "", nil},
		{"many claims, read again after a lean load", with(map[string]string{
			"personas/a.md": p("A", manyGoals("closing", "books")),
			"personas/b.md": p("B", manyGoals("closing", "ledgers")),
			"personas/c.md": p("C", manyGoals("shipping", "pipelines")),
		}), "", []string{"personas/b.md:1:1 warning"}},
		{"a stricter min_overlap", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days, Trust the revenue numbers]\n"),
			"personas/b.md": p("B", "goals: [Close the books within five days, Hire two analysts]\n"),
		}), "rules:\n  persona-overlap: {min_overlap: 0.9}\n", nil},
	})
}

// manyGoals is a goals list of more words than a digest keeps whole
// (claims.MaxDigestWords), each goal naming verb and noun.
func manyGoals(verb, noun string) string {
	var b strings.Builder
	b.WriteString("goals:\n")
	for i := range 20 {
		fmt.Fprintf(&b, "  - Keep %s the quarterly %s number%d within budget%d\n", verb, noun, i, i)
	}
	return b.String()
}

// TestSketchNeverRulesOutAnOverlap: on random claims over small and large
// vocabularies, a pair the sketches rule out never overlaps when its words
// are compared, and the sketches rule nearly every other pair out.
func TestSketchNeverRulesOutAnOverlap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	seed := maphash.MakeSeed()
	for _, vocab := range []int{6, 30, 300, 5000} {
		ruledOut, overlapping, notRuledOut := 0, 0, 0
		for round := range 300 {
			persona := func() *model.Persona {
				p := &model.Persona{}
				for range 10 + rng.IntN(40) {
					var words []string
					for range 1 + rng.IntN(9) {
						words = append(words, fmt.Sprintf("w%d", rng.IntN(vocab)))
					}
					p.Claims = append(p.Claims, model.Claim{List: "goals", Text: model.Str{Value: strings.Join(words, " ")}})
				}
				return p
			}
			// A third persona of the ICP, which only changes how rare
			// each word counts.
			a, b, c := persona(), persona(), persona()
			if round%2 == 0 {
				// A reworded copy: claims near-identical, some just so,
				// and some not.
				for i, c := range a.Claims[:min(len(a.Claims), len(b.Claims))] {
					words := strings.Fields(c.Text.Value)
					for range rng.IntN(len(words)/2 + 1) {
						words[rng.IntN(len(words))] = fmt.Sprintf("x%d", rng.IntN(vocab))
					}
					b.Claims[i].Text.Value = strings.Join(words, " ")
				}
			}
			var scratch claims.Scratch
			da, db := claims.Digest(a, seed, &scratch), claims.Digest(b, seed, &scratch)
			if da.Sketch == nil || db.Sketch == nil {
				continue // few words: kept whole, nothing to rule out
			}
			minOverlap := []float64{1e-9, 0.3, 0.6, 1}[round%4]
			w := &overlapWorker{rule: &personaOverlap{minOverlap: minOverlap}, hasher: wordset.NewHasher(seed)}
			// The words compared exactly, and the sketches a lean load
			// keeps, which mayOverlap reads.
			pa, pb, pc := &overlapProfile{}, &overlapProfile{}, &overlapProfile{}
			w.setClaims(pa, a.Claims)
			w.setClaims(pb, b.Claims)
			w.setClaims(pc, c.Claims)
			la := &overlapProfile{sketch: da.Sketch, compared: claims.SketchClaims(da.Sketch)}
			lb := &overlapProfile{sketch: db.Sketch, compared: claims.SketchClaims(db.Sketch)}
			if la.compared != pa.compared {
				t.Fatalf("vocabulary %d, round %d: the sketch has %d claims, the persona compares %d", vocab, round, la.compared, pa.compared)
			}
			icp := []*overlapProfile{la, lb, pc}
			for _, p := range append(icp, pa) {
				w.unpack(p)
			}
			for i := range pa.sketched.claims {
				if !slices.Equal(pa.sketched.claims[i].words, la.sketched.claims[i].words) {
					t.Fatalf("vocabulary %d, round %d, claim %d: sketch words cut from the ids %v, read from the digest %v", vocab, round, i, pa.sketched.claims[i].words, la.sketched.claims[i].words)
				}
			}
			w.countWords(icp, 1)
			small, large := la, lb
			if la.compared > lb.compared {
				small, large = lb, la
			}
			overlaps := w.rule.overlap(pa, pb) != ""
			may := w.mayOverlap(small, large)
			w.countWords(icp, 0)
			if w.claimsWithWord != ([1 << claims.SketchBits]uint32{}) {
				t.Fatalf("vocabulary %d, round %d: word counts left after the ICP", vocab, round)
			}
			switch {
			case overlaps:
				overlapping++
				if !may {
					t.Fatalf("vocabulary %d, round %d: the sketches rule out a pair that overlaps: %s", vocab, round, w.rule.overlap(pa, pb))
				}
			case may:
				notRuledOut++
			default:
				ruledOut++
			}
		}
		t.Logf("vocabulary %d: %d pairs ruled out, %d overlapping, %d neither", vocab, ruledOut, overlapping, notRuledOut)
		// Only words whose sketched bits collide keep such a pair in. The
		// word hashes' seed is new each run, so how many pairs collide
		// varies: 0 to 2 of some 150 in 100 runs, a twentieth never.
		if vocab >= 300 && notRuledOut > ruledOut/20 {
			t.Errorf("vocabulary %d: %d pairs that do not overlap were not ruled out, %d were", vocab, notRuledOut, ruledOut)
		}
	}
}

// TestOverlapPrefixFilterIsExact: the prefix index finds exactly the
// matches comparing every pair of claims finds, on random claims over
// small and large vocabularies.
func TestOverlapPrefixFilterIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	brute := func(a, b *overlapProfile) int {
		small, large := a.claims, b.claims
		if len(small) > len(large) {
			small, large = large, small
		}
		n := 0
		for _, s := range small {
			for _, l := range large {
				if wordset.Jaccard(s.ids, l.ids) >= nearIdentical {
					n++
					break
				}
			}
		}
		return n
	}
	for _, vocab := range []int{4, 12, 40, 500} {
		// Ids as small numbers, and as the hashes the rule makes, where
		// every other word differs from the one before only in the low
		// byte the prefix index gives the claim.
		hashed := make([]uint64, vocab)
		for k := range hashed {
			hashed[k] = rng.Uint64()
			if k%2 == 1 {
				hashed[k] = hashed[k-1] ^ uint64(1+rng.IntN(255))
			}
		}
		for round := range 400 {
			profile := func() *overlapProfile {
				p := &overlapProfile{}
				for range 1 + rng.IntN(30) {
					var cw claimWords
					seen := map[uint64]bool{}
					for range 1 + rng.IntN(9) {
						id := uint64(rng.IntN(vocab))
						if round%2 == 1 {
							id = hashed[id]
						}
						if !seen[id] {
							seen[id] = true
							cw.ids = append(cw.ids, id)
							cw.summary |= 1 << (id % 64)
						}
					}
					slices.Sort(cw.ids)
					p.claims = append(p.claims, cw)
				}
				return p
			}
			a, b := profile(), profile()
			r := &personaOverlap{minOverlap: 1e-9}
			want := brute(a, b)
			got := r.overlap(a, b)
			if (want > 0) != (got != "") || want > 0 && !strings.HasPrefix(got, fmt.Sprintf("%d of ", want)) {
				t.Fatalf("vocabulary %d, round %d: prefix filter says %q, comparing every pair finds %d", vocab, round, got, want)
			}
		}
	}
}
