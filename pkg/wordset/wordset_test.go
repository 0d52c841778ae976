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
// which folds the text as quotes are folded, and Hasher.Append, which cuts
// text into chunks, to Words, which folds the whole text.
func FuzzWords(f *testing.F) {
	f.Add("Close the books *faster*")
	f.Add("@AZ[`az{\x7f ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
	f.Add("a_b~c d-e 'f' \"g\"")
	f.Add("don\u2019t <\u0338 =\u0338 e\u0301 \ufb01le \u00ad x\u00ady * \u0301a \u212a Stra\u00dfe \xff\xfe end \u3000wide\uff21")
	seed := maphash.MakeSeed()
	f.Fuzz(func(t *testing.T, s string) {
		var want []uint64
		for _, w := range Words(s) {
			want = append(want, maphash.String(seed, w))
		}
		h := NewHasher(seed)
		got := h.Append(nil, s)
		if again := h.Append(nil, s); !slices.Equal(again, got) {
			t.Fatalf("the words of %q hashed again, from what the Hasher knew: %x, first %x", s, again, got)
		}
		slices.Sort(got)
		slices.Sort(want)
		if got = slices.Compact(got); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Fatalf("Append(%q) hashes %d distinct words, Words finds %q", s, len(got), Words(s))
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
