package wordset

import (
	"hash/maphash"
	"slices"
	"testing"
)

func TestJaccard(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{name: "same words", a: "Close the books faster", b: "close books, faster!", want: 1},
		{name: "half shared", a: "close books", b: "close deals", want: 1.0 / 3},
		{name: "nothing shared", a: "close books", b: "hire people", want: 0},
		{name: "only stop words", a: "the and of", b: "to be", want: 0},
		{name: "repeated words count once", a: "close close close books", b: "close books", want: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := Words(tc.a), Words(tc.b)
			if got := Jaccard(a, b); got != tc.want {
				t.Errorf("Jaccard(%v, %v) = %v, want %v", a, b, got, tc.want)
			}
			// The size bound may only rule out what Jaccard rules out.
			for _, least := range []float64{0.3, 0.6, 0.9} {
				if JaccardBelow(len(a), len(b), least) && Jaccard(a, b) >= least {
					t.Errorf("JaccardBelow(%d, %d, %v) although Jaccard is %v", len(a), len(b), least, Jaccard(a, b))
				}
			}
		})
	}
}

// FuzzWords holds the one-pass ASCII split (nextWord) to the general one,
// which folds the text as quotes are folded, and AppendHashes to Words.
func FuzzWords(f *testing.F) {
	f.Add("Close the books *faster*")
	f.Add("@AZ[`az{\x7f ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
	f.Add("a_b~c d-e 'f' \"g\"")
	seed := maphash.MakeSeed()
	f.Fuzz(func(t *testing.T, s string) {
		var want []uint64
		for _, w := range Words(s) {
			want = append(want, maphash.String(seed, w))
		}
		got := AppendHashes(nil, s, seed)
		slices.Sort(got)
		slices.Sort(want)
		if got = slices.Compact(got); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Fatalf("AppendHashes(%q) hashes %d distinct words, Words finds %q", s, len(got), Words(s))
		}
		if !isASCII(s) {
			return
		}
		var fast []string
		var buf [64]byte
		for word, i := nextWord(s, 0, buf[:0]); word != nil; word, i = nextWord(s, i, buf[:0]) {
			fast = append(fast, string(word))
		}
		if slow := slices.DeleteFunc(unicodeWords(s), stopWord); !slices.Equal(fast, slow) {
			t.Fatalf("words of %q: ASCII path %q, general path %q", s, fast, slow)
		}
		w := Words(s)
		if !slices.IsSorted(w) || len(slices.Compact(slices.Clone(w))) != len(w) || slices.ContainsFunc(w, stopWord) {
			t.Fatalf("Words(%q) = %q: not a sorted set without stop words", s, w)
		}
	})
}
