package claims

import (
	"slices"
	"testing"
)

// TestPrefixEntriesReadWhatAppendPrefixWrites: a digest's Overlap read
// back gives each claim's prefix words, and a claim of more prefix words
// than a count holds as one that may match any word.
func TestPrefixEntriesReadWhatAppendPrefixWrites(t *testing.T) {
	huge := make([]uint64, 170_000)
	for i := range huge {
		huge[i] = uint64(i) << 20
	}
	claims := [][]uint64{{7}, {1, 2, 3, 4, 5}, huge, {0x10001, 0x20002, 0x30003}}
	var overlap []uint16
	for _, ids := range claims {
		overlap = AppendPrefix(overlap, ids)
	}
	var got [][]uint16
	var anys []bool
	for words, any := range PrefixEntries(overlap) {
		got, anys = append(got, words), append(anys, any)
	}
	want := [][]uint16{{7}, {1, 2, 3}, nil, {1, 2}}
	if len(got) != len(want) || !slices.Equal(anys, []bool{false, false, true, false}) {
		t.Fatalf("entries %v, any %v; want %v and only the third any", got, anys, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("claim %d: prefix words %v, want %v", i, got[i], want[i])
		}
	}
}
