package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

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
		{"a stricter min_overlap", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days, Trust the revenue numbers]\n"),
			"personas/b.md": p("B", "goals: [Close the books within five days, Hire two analysts]\n"),
		}), "rules:\n  persona-overlap: {min_overlap: 0.9}\n", nil},
	})
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
