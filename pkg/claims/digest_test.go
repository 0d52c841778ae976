package claims

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/model"
)

// TestSketchEntriesReadWhatAppendSketchWrites: a digest's Sketch read
// back gives each claim's words' low SketchBits bits, ascending with every
// copy, for claims of every length; SketchClaims counts them; and a cut
// or corrupt sketch ends the entries instead of reading past its end.
func TestSketchEntriesReadWhatAppendSketchWrites(t *testing.T) {
	const mask = 1<<SketchBits - 1
	huge := make([]uint64, 70_000)
	for i := range huge {
		huge[i] = uint64(i)<<20 | uint64(i*7)&mask
	}
	claims := [][]uint64{{7}, {0x50001, 0x10003, 0x20002, 0x30003}, huge, {0x10001, 0x20002}, {mask, 0, mask << 1}}
	var sketch []byte
	for _, ids := range claims {
		sketch = AppendSketch(sketch, ids)
	}
	var got [][]uint16
	var into []uint16
	for words := range SketchEntries(sketch, &into) {
		got = append(got, words)
	}
	if len(got) != len(claims) || SketchClaims(sketch) != len(claims) {
		t.Fatalf("%d entries, SketchClaims %d; want %d", len(got), SketchClaims(sketch), len(claims))
	}
	for i, ids := range claims {
		var want []uint16
		for _, id := range ids {
			want = append(want, uint16(id&mask))
		}
		slices.Sort(want)
		if !slices.Equal(got[i], want) {
			t.Errorf("claim %d: %d words, want %d (first %v, want %v)", i, len(got[i]), len(want), got[i][:min(len(got[i]), 4)], want[:min(len(want), 4)])
		}
	}
	for _, cut := range []int{1, 2, len(sketch) / 2, len(sketch) - 1} {
		n := 0
		for range SketchEntries(sketch[:cut], new([]uint16)) {
			n++
		}
		if n > len(claims) || SketchClaims(sketch[:cut]) != n {
			t.Errorf("cut at %d: %d entries, SketchClaims %d", cut, n, SketchClaims(sketch[:cut]))
		}
	}
	if n := SketchClaims([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}); n != 0 {
		t.Errorf("a count past the sketch's end: %d claims", n)
	}
}

// FuzzSketch: any claims' word ids come back from their sketch as their
// low SketchBits bits, ascending, and any bytes read as a sketch end
// without reading past it, SketchClaims counting what SketchEntries
// yields.
func FuzzSketch(f *testing.F) {
	f.Add([]byte{3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
	f.Add([]byte{0, 1, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for range SketchEntries(data, new([]uint16)) {
			n++
		}
		if SketchClaims(data) != n {
			t.Fatalf("SketchClaims %d, SketchEntries %d, on %x", SketchClaims(data), n, data)
		}
		var claims [][]uint64
		var sketch []byte
		for len(data) > 0 {
			words := min(int(data[0]), (len(data)-1)/8)
			ids := make([]uint64, words)
			for i := range ids {
				ids[i] = binary.LittleEndian.Uint64(data[1+8*i:])
			}
			claims, sketch = append(claims, ids), AppendSketch(sketch, ids)
			data = data[1+8*words:]
		}
		i := 0
		for words := range SketchEntries(sketch, new([]uint16)) {
			want := make([]uint16, 0, len(claims[i]))
			for _, id := range claims[i] {
				want = append(want, uint16(id&(1<<SketchBits-1)))
			}
			slices.Sort(want)
			if !slices.Equal(words, want) {
				t.Fatalf("claim %d: %v, want %v", i, words, want)
			}
			i++
		}
		if i != len(claims) || SketchClaims(sketch) != len(claims) {
			t.Fatalf("%d claims read back, SketchClaims %d, of %d", i, SketchClaims(sketch), len(claims))
		}
	})
}

// TestScratchDropsOnlyItsWorkingArrays: after a persona of more words than
// a Scratch keeps room for, the Scratch lets go of its word arrays but
// keeps its hasher and the slabs the next digests come from.
func TestScratchDropsOnlyItsWorkingArrays(t *testing.T) {
	seed := maphash.MakeSeed()
	var scratch Scratch
	small := &model.Persona{Claims: []model.Claim{{List: "goals", Text: model.Str{Value: "close the books"},
		Evidence: []model.Evidence{{Ref: model.Str{Value: "cfo"}}}}}}
	Digest(small, seed, &scratch)
	if reflect.ValueOf(scratch.slabs).IsZero() {
		t.Fatal("a digest took nothing from the slabs")
	}
	hasher := scratch.words
	var huge model.Persona
	for c := range MaxCompared {
		var words strings.Builder
		for w := range maxScratch/MaxCompared + 1 {
			fmt.Fprintf(&words, "w%d-%d ", c, w)
		}
		huge.Claims = append(huge.Claims, model.Claim{List: "goals", Text: model.Str{Value: words.String()}})
	}
	Digest(&huge, seed, &scratch)
	if cap(scratch.ids) != 0 || cap(scratch.ends) != 0 || scratch.sketch != nil {
		t.Errorf("the Scratch keeps room for %d words, %d claims and a sketch of %d bytes", cap(scratch.ids), cap(scratch.ends), cap(scratch.sketch))
	}
	if scratch.words != hasher || reflect.ValueOf(scratch.slabs).IsZero() {
		t.Error("the Scratch let go of its hasher or its slabs")
	}
}
