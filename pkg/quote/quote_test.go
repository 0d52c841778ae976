package quote

import (
	"slices"
	"strings"
	"testing"
)

const notes = `## What we heard

> We lose the *first two weeks* of every month
> to the close.

She said: "I don’t trust a revenue number until I've rebuilt it myself."
Later — about tooling — she added that **spreadsheets** break every quarter.
`

func TestOccurs(t *testing.T) {
	text := NewText([]byte(notes))
	tests := []struct {
		name, quote string
		want        bool
	}{
		{"across a line break and a blockquote", "we lose the first two weeks of every month to the close", true},
		{"emphasis in the notes", "the first two weeks", true},
		{"curly apostrophe against a straight one", "I don't trust a revenue number", true},
		{"enclosing quotation marks are not part of it", "“I don’t trust a revenue number until I’ve rebuilt it myself.”", true},
		{"a closing citation is not part of it", "until I've rebuilt it myself [@cfo-2]", true},
		{"case folded", "I DON'T TRUST A REVENUE NUMBER", true},
		{"an ellipsis matches any text", "We lose the first two weeks … to the close", true},
		{"a bracketed ellipsis", "we lose [...] every month", true},
		{"parts out of order", "to the close ... we lose", false},
		{"dashes folded", "Later - about tooling - she added", true},
		{"one word changed", "we lose the first three weeks of every month", false},
		{"a contraction spelled out is another quote", "I do not trust a revenue number", false},
		{"empty", "  ", false},
		{"only an ellipsis", "...", false},
		{"a mark that does not enclose the whole quote is part of it", `"we lose the first two weeks`, false},
		{"a mark inside the quote matches the notes' own", `She said: "I don't trust`, true},
		{"single quotes around the whole quote", "'we lose the first two weeks'", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := text.Occurs(tt.quote); got != tt.want {
				t.Errorf("Occurs(%q) = %v, want %v", tt.quote, got, tt.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	text := NewText([]byte(notes))
	for q, want := range map[string]int{"to the close": 3, "I don't trust": 5, "spreadsheets break": 6} {
		if line, ok := text.Locate(q); !ok || line != want {
			t.Errorf("Locate(%q) = %d, %v; want line %d", q, line, ok, want)
		}
	}
}

func TestClosest(t *testing.T) {
	text := NewText([]byte(notes))
	p := text.Closest("we lose the first three weeks of every month")
	if p.Line != 2 || p.Percent < 80 || p.Percent == 100 || !strings.HasPrefix(p.Text, "we lose the first two weeks") {
		t.Errorf("Closest = %+v, want line 2 (0-based), the passage about losing two weeks, most words shared", p)
	}
	// The passage itself, not a window that straddles the line above,
	// and its last word counts though the notes end it with a period.
	around := NewText([]byte("We talked about the month of every team and the close of the books.\n\nWe lose the *first two weeks* of every month to the close.\n\nThe board waits.\n"))
	p = around.Closest("we lose the first three weeks of every month to the close")
	if p.Line != 2 || p.Percent != 92 || !strings.HasPrefix(p.Text, "we lose the first two weeks") {
		t.Errorf("Closest = %+v, want line 2 (0-based) at 92%%, the passage itself", p)
	}
	if got := NewText(nil).Closest("anything"); got.Percent != 0 {
		t.Errorf("Closest on empty notes = %+v", got)
	}
	if got := text.Closest("zebra quantum"); got.Percent != 0 {
		t.Errorf("Closest with nothing in common = %+v", got)
	}
}

// TestClosestIsLinear runs Closest on 4 MiB of notes: a quadratic scan
// would take minutes; the sliding window takes well under a second even
// under the race detector, so a timeout here means the algorithm changed.
func TestClosestIsLinear(t *testing.T) {
	big := strings.Repeat("the close takes eight days and nobody trusts the number ", 70_000)
	p := NewText([]byte(big)).Closest("the close takes nine days and everybody trusts the number")
	if p.Percent < 60 {
		t.Errorf("Closest = %+v", p)
	}
}

func FuzzOccurs(f *testing.F) {
	f.Add(notes, "we lose … the close")
	f.Add("a\n> b", "[…] b")
	f.Add("\t> A*b_c~d`e\v\f\r\n  \n>>x  y\t", "A b")
	f.Add("> >foo\nbar >foo", `">foo"`)
	f.Add("@AZ[`az{\x7f ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 é", "AZ")
	f.Add("one\nTwo  three\n> four", "two three")
	f.Add("0 *0\n0 0", "0 0")
	f.Add("0\n0 0", "0 0")
	f.Fuzz(func(t *testing.T, body, q string) {
		text := NewText([]byte(body))
		if got := indexLong([]byte(body), q); got != strings.Index(body, q) {
			t.Fatalf("indexLong(%q, %q) = %d, strings.Index = %d", body, q, got, strings.Index(body, q))
		}
		if isASCIIBytes([]byte(body)) != isASCII(body) {
			t.Fatalf("isASCIIBytes(%q) = %v", body, !isASCII(body))
		}
		if isASCII(body) {
			inPlace := []byte(body)
			if lower := lowerASCII(make([]byte, len(body)), []byte(body)); string(lower) != strings.ToLower(body) {
				t.Fatalf("lowerASCII(%q) = %q", body, lower)
			}
			if lower := lowerASCII(inPlace, inPlace); string(lower) != strings.ToLower(body) {
				t.Fatalf("lowerASCII in place (%q) = %q", body, lower)
			}
		}
		normalised := NewText([]byte(body))
		normalised.prepare()
		// A stretch of the notes themselves exercises the verbatim path,
		// which random quotes rarely reach.
		from := len(q) % (len(body) + 1)
		excerpt := body[from:min(len(body), from+1+len(q)%60)]
		for _, q := range []string{q, excerpt} {
			wantLine, wantOK := locateSlowly(body, q)
			// A room another Text normalised other notes into first.
			room := Room{notes: []byte(strings.Repeat("\x00zz ", len(body))), quote: []byte(strings.Repeat("\x00q ", len(q)))}
			NewTextInPlace([]byte(q + " other notes")).NormaliseInto(&room).Closest(q + " other words")
			texts := map[string]*Text{"NewText": NewText([]byte(body)), "NewTextInPlace": NewTextInPlace([]byte(body)), "normalised first": normalised,
				"normalised into a used room": NewTextInPlace([]byte(body)).NormaliseInto(&room)}
			for name, text := range texts {
				if line, ok := text.Locate(q); line != wantLine || ok != wantOK {
					t.Fatalf("%s: Locate(%q) = %d, %v; want %d, %v", name, q, line, ok, wantLine, wantOK)
				}
			}
		}
		p := text.Closest(q)
		if want := closestSlowly(body, q); p != want {
			t.Fatalf("Closest(%q) in %q = %+v, want %+v", q, body, p, want)
		}
		var room Room
		NewTextInPlace([]byte(strings.Repeat("lorem ipsum ", 9))).NormaliseInto(&room).Locate("lorem ipsum dolor")
		if inRoom := NewTextInPlace([]byte(body)).NormaliseInto(&room).Closest(q); inRoom != p {
			t.Fatalf("Closest(%q) in %q normalised into a used room = %+v, want %+v", q, body, inRoom, p)
		}
		slip, slipOK := NewText([]byte(body)).PunctuationSlip(q, []byte(body))
		if inRoom, ok := NewText([]byte(body)).NormaliseInto(&room).PunctuationSlip(q, []byte(body)); inRoom != slip || ok != slipOK {
			t.Fatalf("PunctuationSlip(%q) in %q normalised into a used room = %q, %v; want %q, %v", q, body, inRoom, ok, slip, slipOK)
		}
		if p.Percent < 0 || p.Percent > 100 || p.Line < 0 || p.Line > strings.Count(body, "\n") {
			t.Fatalf("Closest = %+v for %q in %q", p, q, body)
		}
		// A repair must make the quote occur, and change only punctuation.
		written, ok := NewText([]byte(body)).PunctuationSlip(q, []byte(body))
		if wantWritten, wantOK := punctuationSlipSlowly(body, q); written != wantWritten || ok != wantOK {
			t.Fatalf("PunctuationSlip(%q) in %q = %q, %v; want %q, %v", q, body, written, ok, wantWritten, wantOK)
		}
		if ok {
			if !strings.ContainsAny(written, `"'.…[]@`) && !NewText([]byte(body)).Occurs(written) || coreOf(written) != coreOf(parts(q)[0]) {
				t.Fatalf("repair %q of %q does not occur in %q", written, q, body)
			}
		}
		if isASCII(body) {
			fast, fastMarks := normalizeASCII(body)
			slow, slowMarks := normalizeUnicode(body)
			if fast != slow || !slices.Equal(fastMarks, slowMarks) {
				t.Fatalf("ASCII path %q %v, general path %q %v", fast, fastMarks, slow, slowMarks)
			}
		}
		// Every quote taken from the notes themselves occurs in them; but
		// a quote that starts with '>' loses it as a blockquote marker
		// (notes keep one after an emphasis marker: "*>"), so those are
		// left out.
		if n, _ := normalize(body); len(n) > 0 && !strings.ContainsAny(n, `"'.…[]@`) && !strings.HasPrefix(n, ">") && !text.Occurs(n) {
			t.Fatalf("the notes' own text %q does not occur in them", n)
		}
	})
}

// locateSlowly is Locate's contract written plainly: the first occurrence
// in the lower-cased ASCII notes as written (parts starting with a
// blockquote marker excepted), else the first in the normalised notes.
func locateSlowly(body, quote string) (int, bool) {
	ps := parts(quote)
	if len(ps) == 0 {
		return 0, false
	}
	verbatim := isASCII(body)
	for _, p := range ps {
		verbatim = verbatim && p[0] != '>'
	}
	if verbatim {
		lower := strings.ToLower(body)
		from, start := 0, -1
		for _, p := range ps {
			i := strings.Index(lower[from:], p)
			if i < 0 {
				start = -1
				break
			}
			if start < 0 {
				start = from + i
			}
			from += i + len(p)
		}
		if start >= 0 {
			return strings.Count(lower[:start], "\n"), true
		}
	}
	flat, marks := normalize(body)
	from, start := 0, -1
	for _, p := range ps {
		i := strings.Index(flat[from:], p)
		if i < 0 {
			return 0, false
		}
		if start < 0 {
			start = from + i
		}
		from += i + len(p)
	}
	return lineAt(marks, start), true
}

// BenchmarkCheckNotes is quote-not-found's work on one interview: a quote
// copied from the notes (verbatim path) and a made-up one (normalising and
// the closest passage).
func BenchmarkCheckNotes(b *testing.B) {
	body := []byte(strings.Repeat("## Context\n\nThe Team closes the books in three days with a spreadsheet and a board pack. Procurement wants a vendor review.\n\n", 40))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		text := NewText(body)
		if !text.Occurs("the team closes the books in three days") || text.Occurs("we close the books in an hour") {
			b.Fatal("wrong answer")
		}
		text.Closest("we close the books in an hour")
	}
}

func TestIndexLong(t *testing.T) {
	long := strings.Repeat("we close the books by hand every month ", 3)
	tests := []struct {
		name, text, quote string
	}{
		{name: "short quote", text: "a b c", quote: "b"},
		{name: "long quote found", text: "x " + long + " y", quote: long},
		{name: "long quote missing its end", text: "x " + long[:40] + " y", quote: long},
		{name: "many near-misses", text: strings.Repeat(long[:40]+"!", 500) + long, quote: long},
		{name: "empty text", text: "", quote: long},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := indexLong([]byte(tc.text), tc.quote), strings.Index(tc.text, tc.quote); got != want {
				t.Errorf("indexLong = %d, strings.Index = %d", got, want)
			}
		})
	}
}

func TestPunctuationSlip(t *testing.T) {
	notes := "Intro.\n\n> We lose *two* weeks,\n> every month. The board waits.\n"
	tests := []struct {
		name, quote, want string // want "": no repair
	}{
		{"a comma and a line break", "we lose two weeks every month", "We lose *two* weeks, every month"},
		{"case and punctuation", "WE LOSE TWO WEEKS... EVERY MONTH", ""}, // an ellipsis: parts
		{"another word", "we lose three weeks every month", ""},
		{"part of a word", "e lose two weeks", ""},
		{"a whole sentence", "The board waits", "The board waits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := NewText([]byte(notes)).PunctuationSlip(tc.quote, []byte(notes))
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("PunctuationSlip(%q) = %q, %v; want %q", tc.quote, got, ok, tc.want)
			}
		})
	}
	if _, ok := NewText([]byte("Zoë said, so")).PunctuationSlip("zoë said so", []byte("Zoë said, so")); ok {
		t.Error("a repair from notes that are not ASCII")
	}
}

// closestSlowly is Closest with every word's start kept: the windows
// slide over all of them and the best is cut out by its neighbours.
func closestSlowly(body, quote string) Passage {
	slot := map[string]int{}
	var want []int
	n := 0
	for _, p := range parts(quote) {
		for _, w := range strings.Fields(p) {
			if w = bareWord(w); w == "" {
				continue
			}
			if _, ok := slot[w]; !ok {
				slot[w] = len(want)
				want = append(want, 0)
			}
			want[slot[w]]++
			n++
		}
	}
	flat, marks := normalize(body)
	var starts, slots []int
	for i := 0; i < len(flat); {
		for i < len(flat) && flat[i] == ' ' {
			i++
		}
		if i == len(flat) {
			break
		}
		end := strings.IndexByte(flat[i:], ' ')
		if end < 0 {
			end = len(flat)
		} else {
			end += i
		}
		s, ok := slot[bareWord(flat[i:end])]
		if !ok {
			s = -1
		}
		starts, slots = append(starts, i), append(slots, s)
		i = end
	}
	if n == 0 || len(slots) == 0 {
		return Passage{}
	}
	size := min(n, len(slots))
	best, bestAt, tight := -1, 0, false
	for at := 0; at+size <= len(slots); at++ {
		have := make([]int, len(want))
		hits := 0
		for _, s := range slots[at : at+size] {
			if s >= 0 && have[s] < want[s] {
				have[s]++
				hits++
			}
		}
		isTight := slots[at] >= 0 && slots[at+size-1] >= 0
		if hits > best || hits == best && isTight && !tight {
			best, bestAt, tight = hits, at, isTight
		}
	}
	end := len(flat)
	if bestAt+size < len(starts) {
		end = starts[bestAt+size] - 1
	}
	return Passage{Line: lineAt(marks, starts[bestAt]), Text: flat[starts[bestAt]:end], Percent: percentOf(best, n)}
}

// punctuationSlipSlowly is PunctuationSlip with the offset of every
// letter and digit, and of every normalised byte in the notes, kept.
func punctuationSlipSlowly(body, quote string) (string, bool) {
	ps := parts(quote)
	if len(ps) != 1 || !isASCII(body) {
		return "", false
	}
	flat, _, offs := normalizeASCIIAt(strings.ToLower(body), true, nil)
	want := coreOf(ps[0])
	if want == "" {
		return "", false
	}
	var core []byte
	var at []int
	for i := 0; i < len(flat); i++ {
		if isAlnum(flat[i]) {
			core, at = append(core, flat[i]), append(at, i)
		}
	}
	for from := 0; from+len(want) <= len(core); from++ {
		i := strings.Index(string(core[from:]), want)
		if i < 0 {
			return "", false
		}
		from += i
		start, end := at[from], at[from+len(want)-1]+1
		if (start == 0 || !isAlnum(flat[start-1])) && (end == len(flat) || !isAlnum(flat[end])) {
			t := Text{flat: flat, offs: offs}
			written := t.asWritten(start, end, []byte(body))
			if n, _ := normalize(written); n != "" && strings.Contains(flat, n) {
				return written, true
			}
			return "", false
		}
	}
	return "", false
}
