package suggest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSuggesterNearest covers prefixes, one- and two-edit typos, case and strings
// too far from everything.
func TestSuggesterNearest(t *testing.T) {
	ids := []string{"mid-market-saas", "enterprise-fintech", "smb-retail", "cfo-1", "cfo-2", "cfo-10", "warning", "Mixed-Case"}
	tests := []struct{ query, want string }{
		{"mid-markt-saas", "mid-market-saas"},
		{"mid-market-sas", "mid-market-saas"},
		{"mid-market-saas", "mid-market-saas"},
		{"enterprize-fintech", "enterprise-fintech"},
		{"smb-retial", "smb-retail"},
		{"cfo-3", "cfo-1"},
		{"cfo-", "cfo-1"},
		{"warn", "warning"},
		{"mixed-case", "Mixed-Case"},
		{"xyz", ""},
		{"", ""},
		{"enterprise", "enterprise-fintech"},
		{"cfo-100", "cfo-10"},
		{"mid-mraket-sass", "mid-market-saas"},
	}
	s := NewSuggester(ids)
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			if got := Nearest(tc.query, ids, 3); got != tc.want {
				t.Errorf("Nearest(%q) = %q, want %q", tc.query, got, tc.want)
			}
			if got := s.Nearest(tc.query, 3); got != tc.want {
				t.Errorf("a reused Suggester's Nearest(%q) = %q, want %q", tc.query, got, tc.want)
			}
		})
	}
}

// TestSuggesterBounded asks for every one of thousands of misspelt ids:
// one-edit typos are found through the index; the scan for farther ones
// stops when its budget is spent instead of growing with the workspace.
func TestSuggesterBounded(t *testing.T) {
	var ids []string
	for i := range 20_000 {
		ids = append(ids, fmt.Sprintf("interview-%05d", i))
	}
	s := NewSuggester(ids)
	for i := range 20_000 {
		q := fmt.Sprintf("interveiw-%05d", i) // two edits: scanned, within budget or not
		_ = s.Nearest(q, 3)
		q = fmt.Sprintf("interview-%05dx", i) // one edit: always found
		if got := s.Nearest(q, 3); got != ids[i] {
			t.Fatalf("Nearest(%q) = %q, want %q", q, got, ids[i])
		}
	}
	if s.budget > 0 {
		t.Errorf("the scan budget was not used up (%d left); the test does not exercise the bound", s.budget)
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		s    string
		want string
	}{
		{"mid-markt-saas", "mid-market-saas"},
		{"frustratons", "frustrations"},
		{"zzz", ""},
		{"Persona", "persona"},
	}
	for _, tt := range tests {
		if got := Nearest(tt.s, []string{"mid-market-saas", "frustrations", "persona", "icp"}, 3); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestSuggesterOnly(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		q, want    string
	}{
		{name: "one typo, one candidate", candidates: []string{"mid-market-saas", "enterprise"}, q: "mid-markt-saas", want: "mid-market-saas"},
		{name: "two edits", candidates: []string{"mid-market-saas"}, q: "mid-mrkt-saas", want: "mid-market-saas"},
		{name: "case only", candidates: []string{"enterprise"}, q: "Enterprise", want: "enterprise"},
		{name: "two candidates within reach", candidates: []string{"saas-a", "saas-b"}, q: "saas-c", want: ""},
		{name: "three edits away", candidates: []string{"enterprise"}, q: "entrpse", want: ""},
		{name: "already right", candidates: []string{"enterprise"}, q: "enterprise", want: ""},
		{name: "no candidates", candidates: nil, q: "x", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NewSuggester(tc.candidates).Only(tc.q); got != tc.want {
				t.Errorf("Only(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

// TestVariantHashes: a variant hashed from the two halves around the
// deleted rune is the hash of the variant itself, so a query and a
// candidate one edit apart meet in the index.
func TestVariantHashes(t *testing.T) {
	s := NewSuggester(nil)
	for _, l := range []string{"", "a", "cfo-1", "zoë-ünïcode", "日本語", strings.Repeat("ü", 300)} {
		var got []uint64
		s.variantHashes(l, func(h uint64) { got = append(got, h) })
		want := []uint64{s.hash.of(l)}
		for i, r := range l {
			want = append(want, s.hash.of(l[:i]+l[i+utf8.RuneLen(r):]))
		}
		if !slices.Equal(got, want) {
			t.Errorf("variantHashes(%q) = %v, want %v", l, got, want)
		}
	}
}

// FuzzVariantHashes holds the constant-time variant hashes to hashing each
// variant whole, for any string.
func FuzzVariantHashes(f *testing.F) {
	f.Add("interviews/acme-cfo.md")
	f.Fuzz(func(t *testing.T, l string) {
		s := NewSuggester(nil)
		var got []uint64
		s.variantHashes(l, func(h uint64) { got = append(got, h) })
		want := []uint64{s.hash.of(l)}
		for i := 0; i < len(l); {
			_, size := utf8.DecodeRuneInString(l[i:])
			want = append(want, s.hash.of(l[:i]+l[i+size:]))
			i += size
		}
		if !slices.Equal(got, want) {
			t.Fatalf("variantHashes(%q) = %v, want %v", l, got, want)
		}
	})
}

// TestIndexFindsEachVariant: a lookup yields, in order, exactly the
// candidates that have a variant of the hash, for indexes small and big
// enough to have buckets, with doubled letters (repeated variants), many
// candidates sharing variants (crowded buckets) and one too long for its
// variants to be indexed.
func TestIndexFindsEachVariant(t *testing.T) {
	for _, n := range []int{1, 7, 100, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var cands []string
			for i := range n {
				cands = append(cands, fmt.Sprintf("interviews/icp-%d/int-%03d.md", i%7, i%300), fmt.Sprintf("Aab%dxx", i))
			}
			for range 60 {
				cands = append(cands, "crowd") // a bucket of over 48 variants
			}
			cands = append(cands, strings.Repeat("long", maxIndexedRunes))
			s := NewIndex(cands)
			s.built()
			want := map[uint64][]int32{}
			for i := range cands {
				var hashes []uint64
				s.eachVariant(int32(i), func(h uint64) { hashes = append(hashes, h) })
				for _, h := range slices.Compact(slices.Sorted(slices.Values(hashes))) {
					want[h] = append(want[h], int32(i))
				}
			}
			for h, w := range want {
				var got []int32
				s.withVariant(h, func(i int32) { got = append(got, i) })
				if !slices.Equal(got, w) {
					t.Fatalf("hash %x: candidates %v, want %v", h, got, w)
				}
			}
			var got []int32
			s.withVariant(s.hash.of("nothing like them"), func(i int32) { got = append(got, i) })
			if len(got) > 0 {
				t.Errorf("a hash no candidate has: candidates %v", got)
			}
		})
	}
}

// TestIndexChecksTheWholeHash: an entry whose low bits match a hash the
// candidate does not have is no match.
func TestIndexChecksTheWholeHash(t *testing.T) {
	s := NewIndex([]string{"abc"})
	s.built()
	h := s.hash.of("abc")
	forged := h ^ 1<<40 // the same bucket (topBits is 0) and low bits
	if s.topBits != 0 || s.bucket(forged) != s.bucket(h) || uint32(forged) != uint32(h) {
		t.Fatalf("the forged hash %x must share %x's bucket and low bits", forged, h)
	}
	for _, tc := range []struct {
		hash uint64
		want int
	}{{h, 1}, {forged, 0}} {
		n := 0
		s.withVariant(tc.hash, func(int32) { n++ })
		if n != tc.want {
			t.Errorf("hash %x: %d candidates, want %d", tc.hash, n, tc.want)
		}
	}
}

// FuzzDistanceWithin holds the banded distance to the full one.
func FuzzDistanceWithin(f *testing.F) {
	f.Add("interviews/acme-cfo.md", "interviews/acme-cto.md", 3)
	f.Add("kitten", "sitting", 2)
	f.Fuzz(func(t *testing.T, a, b string, k int) {
		k = max(0, k%8)
		want := min(Distance(a, b), k+1)
		if got := distanceWithin(a, b, k); got != want {
			t.Fatalf("distanceWithin(%q, %q, %d) = %d, want %d", a, b, k, got, want)
		}
	})
}

func TestDistanceWithin(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		k    int
	}{
		{"", "", 0}, {"a", "", 0}, {"", "abc", 2}, {"kitten", "sitting", 3}, {"kitten", "sitting", 2},
		{"abcdef", "azcdxf", 1}, {"flaw", "lawn", 2}, {"interview-00001-08-old.md", "interview-00001-08.md", 3},
		{"ab", "ba", 1}, {"abcdefgh", "hgfedcba", 3}, {"zoë", "zoe", 1},
	} {
		if got, want := distanceWithin(tc.a, tc.b, tc.k), min(Distance(tc.a, tc.b), tc.k+1); got != want {
			t.Errorf("distanceWithin(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.k, got, want)
		}
	}
}

// FuzzReachSkipsNothing holds Nearest's skipping of queries too long for
// any candidate (reach.beyond) to the search it skips: the same answer,
// and the same budget left for the queries after it.
func FuzzReachSkipsNothing(f *testing.F) {
	f.Add("interview-01\ninterview-02\n\u00c9tude-3", "interviews/icp-1/interview-01.md", uint8(3))
	f.Add("ab\nabc", "abcdefgh", uint8(3))
	f.Add("abcd\nabce", "abcdxyzw", uint8(3)) // one rune past reach, as many bytes past as compared
	f.Add("abcd", "abcde", uint8(0))
	f.Add("\u00e9\u00e9\u00e9\nabc", "\u00e9\u00e9\u00e9\u00e9\u00e9", uint8(1))
	f.Add("\u0130\u0130\nx", "iiiiiiiiii", uint8(2))
	f.Fuzz(func(t *testing.T, cands, q string, dist uint8) {
		candidates := strings.Split(cands, "\n")
		maxDist := int(dist % 4)
		for _, budget := range []int{1, scanBudget} {
			skipping, searching := NewSuggester(candidates), NewSuggester(candidates)
			skipping.budget, searching.budget = budget, budget
			got := skipping.Nearest(q, maxDist)
			searching.built()
			want := searching.nearest(q, maxDist)
			if got != want || skipping.budget != searching.budget {
				t.Fatalf("Nearest(%q, %d) over %q = %q with a budget of %d left; the search gives %q, %d left",
					q, maxDist, candidates, got, skipping.budget, want, searching.budget)
			}
		}
	})
}
