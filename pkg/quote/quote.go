// Package quote decides whether a quote occurs in an interview's notes, as
// SPEC §9 defines it, and finds the closest passage when it does not.
// Both texts are normalised first: Unicode NFKC and case folding;
// typographic quotes, apostrophes and dashes folded to ASCII; Markdown
// emphasis and blockquote markers removed; every run of white space made
// one space. Quotation marks around the whole quote and a closing Pandoc
// citation are not part of it, and an ellipsis in the quote matches any
// text. Nothing else is fuzzy: a changed word is a different quote.
package quote

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// fold maps one rune of normalised text: typography to ASCII, Markdown
// markers to nothing (-1), white space to a space.
func fold(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	case '*', '_', '~':
		return -1
	}
	// Unicode folds Cherokee to its capitals, but golang.org/x/text's
	// Fold turns the capitals back into small letters, so folding the
	// folded text would differ; settle on the capitals.
	if r >= 0x13A0 && r <= 0x13FF || r >= 0xAB70 && r <= 0xABBF {
		return unicode.ToUpper(r)
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// Fold is s folded as quotes and notes are compared: case, width,
// diacritics, quotation marks, dashes, emphasis markers and runs of
// spaces.
func Fold(s string) string {
	n, _ := normalize(s)
	return n
}

// normalize folds s for matching: the folded text, and marks of where in
// it each line of s (0-based) begins, for lines that left any text.
func normalize(s string) (string, []lineMark) {
	if isASCII(s) {
		return normalizeASCII(s)
	}
	return normalizeUnicode(s)
}

// normalizeUnicode is normalize for any text.
func normalizeUnicode(s string) (string, []lineMark) {
	// Invalid bytes become U+FFFD first, or NFKC leaves what follows them.
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = norm.NFKC.String(cases.Fold().String(norm.NFKC.String(s)))
	s = strings.ReplaceAll(s, "…", "...")
	var f folder
	f.out = make([]byte, 0, len(s))
	for i, r := range s {
		folded := fold(r)
		if folded < 0 {
			// A marker stays where dropping it would join what follows
			// (a combining mark, a Hangul vowel) to what precedes: the
			// result would no longer be normalised, and a quote of it
			// would normalise to other text.
			if next := s[i+utf8.RuneLen(r):]; next != "" && !norm.NFKC.PropertiesString(next).BoundaryBefore() {
				folded = r
			}
		}
		f.take(r, folded)
	}
	return f.result()
}

// normalizeASCII is normalize for text without a byte above 0x7F, which
// most notes are: NFKC leaves ASCII as it is and its case folding is lower
// case, so one pass over the bytes does it all, without the three copies
// and the rune decoding of the general path. FuzzOccurs holds the two
// paths to the same result.
func normalizeASCII(s string) (string, []lineMark) {
	flat, marks, _ := normalizeASCIIAt(s, false, nil)
	return flat, marks
}

// normalizeASCIIAt is normalizeASCII that also gives, with offsets, the
// offset in s each byte of the normalised text came from (a line break's
// space: the line break), so a passage can be shown as written. The text
// is written into out when it has room for s, else into a new array.
func normalizeASCIIAt(s string, offsets bool, out []byte) (string, []lineMark, []int32) {
	if cap(out) < len(s) {
		out = make([]byte, len(s))
	}
	out = out[:len(s)]
	var offs []int32
	if offsets {
		offs = make([]int32, len(s))
	}
	n := 0 // bytes written
	var marks []lineMark
	afterText := false // the last byte written is not a space
	for line, start := 0, 0; start <= len(s); line++ {
		end := len(s)
		if i := strings.IndexByte(s[start:], '\n'); i >= 0 {
			end = start + i
		}
		marked := false
		if line > 0 && afterText {
			// The line break before this line is white space, one space.
			marks = append(marks, lineMark{n, line})
			marked = true
			if offsets {
				offs[n] = int32(start - 1)
			}
			out[n] = ' '
			n++
			afterText = false
		}
		i := start
		for i < end && (s[i] == '>' || s[i] == ' ' || s[i] == '\t') {
			i++ // blockquote markers and indentation
		}
		for ; i < end; i++ {
			c := s[i]
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '*' || c == '_' || c == '~':
				continue
			case c == '`':
				c = '\''
			case c == ' ' || c >= '\t' && c <= '\r':
				if !afterText {
					continue
				}
				c = ' '
			}
			if !marked {
				marks = append(marks, lineMark{n, line})
				marked = true
			}
			if offsets {
				offs[n] = int32(i)
			}
			out[n] = c
			n++
			afterText = c != ' '
		}
		start = end + 1
	}
	for n > 0 && out[n-1] == ' ' {
		n--
	}
	if offsets {
		offs = offs[:n]
	}
	if n == 0 {
		return "", marks, offs
	}
	// out is not written again: the string is a view of it, not a copy.
	return unsafe.String(&out[0], n), marks, offs
}

// folder builds normalised text from runes and their folded forms.
type folder struct {
	out       []byte
	marks     []lineMark
	line      int
	midLine   bool // past a line's blockquote markers and indentation
	afterText bool // the last rune written was not a space
}

// take adds rune r of the source, folded to f (-1: dropped).
func (z *folder) take(r, f rune) {
	if r == '\n' {
		z.line++
		z.midLine = false
	} else if !z.midLine && (r == '>' || r == ' ' || r == '\t') {
		return // blockquote markers and indentation
	} else {
		z.midLine = true
	}
	if f < 0 || f == ' ' && !z.afterText {
		return
	}
	if len(z.marks) == 0 || z.marks[len(z.marks)-1].line != z.line {
		z.marks = append(z.marks, lineMark{len(z.out), z.line})
	}
	z.out = utf8.AppendRune(z.out, f)
	z.afterText = f != ' '
}

func (z *folder) result() (string, []lineMark) {
	out := z.out
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out), z.marks
}

// lineMark says that from offset on, the folded text came from line.
type lineMark struct{ offset, line int }

// lineAt is the source line of a folded text's byte offset.
func lineAt(marks []lineMark, offset int) int {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].offset > offset }) - 1
	if i < 0 {
		return 0
	}
	return marks[i].line
}

var (
	citation = regexp.MustCompile(`\s*\[@[^\]]*\]\s*$`)
	ellipsis = regexp.MustCompile(`\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…`)
)

// parts splits a quote into the normalised pieces that must occur in
// order: the text between ellipses, without the quotation marks that
// enclose the whole quote or a closing citation (SPEC §9; marks inside the
// quote are part of it).
func parts(q string) []string { return partsInto(q, nil) }

// partsInto is parts normalising an ASCII quote into *room, when room is
// not nil: the pieces are then views of it, good until its next use.
func partsInto(q string, room *[]byte) []string {
	// The expressions run only where they can match: most quotes hold
	// neither a citation nor an ellipsis, and every quote is split.
	if strings.Contains(q, "[@") {
		q = citation.ReplaceAllString(q, "")
	}
	var n string
	if isASCII(q) {
		n, _, _ = normalizeASCIIAt(q, false, roomOf(room, len(q)))
	} else {
		n, _ = normalize(q)
	}
	if len(n) >= 2 && (n[0] == '"' || n[0] == '\'') && n[len(n)-1] == n[0] {
		n = n[1 : len(n)-1]
	}
	if !strings.Contains(n, "...") {
		// normalize wrote every "…" as "...".
		if n = strings.TrimSpace(n); n == "" {
			return nil
		}
		return []string{n}
	}
	var out []string
	for _, p := range ellipsis.Split(n, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Text is an interview's notes, normalised at most once for any number of
// quotes. It is not safe for concurrent use.
type Text struct {
	// lower is the notes in lower case when they are ASCII, for the
	// verbatim check, kept after normalising so that a quote's line does
	// not depend on which quotes were looked up before it; raw is the
	// notes when they are not ASCII. flat and marks are the normalised
	// text, made only when a quote is not found verbatim.
	lower, raw []byte
	flat       string
	marks      []lineMark
	// offs maps each byte of flat to the notes' byte it came from, for
	// ASCII notes, whose bytes are where the lower-cased ones were; made
	// only when a punctuation slip is found (four bytes per byte of
	// notes, for thousands of misses that have none).
	offs       []int32
	normalised bool
	// room, when set, holds the arrays the notes and each quote are
	// normalised into, shared with the Texts before and after this one
	// (NormaliseInto).
	room *Room
}

// Room is what Texts used one after another normalise into: the notes of
// one interview after another, and each quote looked for in them.
type Room struct {
	notes, quote []byte
}

// NormaliseInto has t normalise ASCII notes, and the quotes looked for in
// them, into room's arrays, grown when short, rather than into arrays of
// their own: a caller checking the notes of thousands of interviews one
// after another normalises them all into one. The strings t gives (a
// Passage's Text) are then views of room, to be copied before the next
// Text that shares it is used.
func (t *Text) NormaliseInto(room *Room) *Text {
	t.room = room
	return t
}

// parts is the package's parts, the quote normalised into t's room when
// it has one.
func (t *Text) parts(quote string) []string {
	if t.room == nil {
		return parts(quote)
	}
	return partsInto(quote, &t.room.quote)
}

// maxRoom bounds the array a NormaliseInto room keeps: notes larger than
// that are normalised into an array of their own.
const maxRoom = 1 << 20

// notesRoom is the array to normalise n bytes of notes into, or nil
// for a new one.
func (t *Text) notesRoom(n int) []byte {
	if t.room == nil {
		return nil
	}
	return roomOf(&t.room.notes, n)
}

// roomOf is *buf grown to hold n bytes, to normalise them into, or nil
// (a new array) when there is no buf or n is past maxRoom.
func roomOf(buf *[]byte, n int) []byte {
	if buf == nil || n > maxRoom {
		return nil
	}
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	return *buf
}

// NewText holds an interview body for matching quotes against it; body
// must not change while the Text is in use.
func NewText(body []byte) *Text {
	if !isASCIIBytes(body) {
		return &Text{raw: body}
	}
	return &Text{lower: lowerASCII(make([]byte, len(body)), body)}
}

// NewTextInPlace is NewText for a body the caller gives up: ASCII notes
// are lower-cased where they are, so that checking the notes of thousands
// of interviews allocates nothing beyond reading them.
func NewTextInPlace(body []byte) *Text {
	if !isASCIIBytes(body) {
		return &Text{raw: body}
	}
	return &Text{lower: lowerASCII(body, body)}
}

// The eight-byte words the ASCII checks work on.
const (
	ones = 0x0101010101010101
	tops = 0x8080808080808080
)

// isASCIIBytes reports whether b has no byte above 0x7F, eight bytes at a
// time: every cited interview passes through here.
func isASCIIBytes(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&tops != 0 {
			return false
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerASCII writes ASCII src in lower case to dst (as long as src; it may
// be src itself) and returns dst, eight bytes at a time: a byte below 0x80
// is upper case when adding 0x80-'A' sets its top bit and adding
// 0x80-'Z'-1 does not, and neither sum carries into the next byte.
func lowerASCII(dst, src []byte) []byte {
	i := 0
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		upper := (w + (0x80-'A')*ones) &^ (w + (0x80-'Z'-1)*ones) & tops
		binary.LittleEndian.PutUint64(dst[i:], w|upper>>2)
	}
	for ; i < len(src); i++ {
		c := src[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return dst
}

func (t *Text) prepare() {
	if !t.normalised {
		if t.raw == nil {
			// ASCII: lower case is all NFKC and folding do.
			t.flat, t.marks, _ = normalizeASCIIAt(string(t.lower), false, t.notesRoom(len(t.lower)))
		} else {
			t.flat, t.marks = normalize(string(t.raw))
		}
		t.raw, t.normalised = nil, true
	}
}

// Occurs reports whether quote occurs in the text: each part between
// ellipses, in order.
func (t *Text) Occurs(quote string) bool {
	_, ok := t.Locate(quote)
	return ok
}

// Locate is Occurs that also says on which line (0-based) of the text the
// quote starts: where it first occurs as written (in any case), else where
// it first occurs once both are normalised. A quote copied from the notes
// thus points at the place it was copied from, even when a looser match
// (across a line break or an emphasis marker) comes earlier.
func (t *Text) Locate(quote string) (int, bool) {
	ps := t.parts(quote)
	if len(ps) == 0 {
		return 0, false
	}
	if line, ok := t.locateVerbatim(ps); ok {
		return line, true
	}
	t.prepare()
	start := inOrder(t.flat, ps, strings.Index)
	if start < 0 {
		return 0, false
	}
	return lineAt(t.marks, start), true
}

// inOrder is where the first part starts in text when every part occurs
// in it (found by index), each after the one before, or -1.
func inOrder[T string | []byte](text T, ps []string, index func(T, string) int) int {
	from, start := 0, -1
	for _, p := range ps {
		i := index(text[from:], p)
		if i < 0 {
			return -1
		}
		if start < 0 {
			start = from + i
		}
		from += i + len(p)
	}
	return start
}

// indexLong is bytes.Index for quotes, which are often longer than the 63
// bytes it searches for in vector instructions (beyond that it hashes every
// position): it looks for the first 32 bytes that way and compares the rest
// where they occur. Near-misses are bounded, a share of the text searched
// per byte of the quote, after which the hashing search takes over, so the
// time stays linear in the text.
func indexLong(text []byte, q string) int {
	// A view of q's bytes, only read: a copy of each part searched for
	// was a tenth of what lint's rules allocate at 52,500 files.
	quote := unsafe.Slice(unsafe.StringData(q), len(q))
	const head = 32
	if len(quote) <= head {
		return bytes.Index(text, quote)
	}
	for from, misses := 0, 0; ; misses++ {
		i := bytes.Index(text[from:], quote[:head])
		if i < 0 {
			return -1
		}
		i += from
		if bytes.HasPrefix(text[i:], quote) {
			return i
		}
		if misses > 4+i/len(quote) {
			j := bytes.Index(text[i+1:], quote)
			if j < 0 {
				return -1
			}
			return i + 1 + j
		}
		from = i + 1
	}
}

// locateVerbatim finds the parts, in order, in the lower-cased ASCII notes
// as they are, which spares normalising notes whose quotes were copied
// from them. A part is normalised text, so it holds no markers, tabs,
// line breaks or runs of spaces; where it occurs verbatim, normalising the
// notes keeps every byte of that stretch, and so the part occurs in the
// normalised notes too. The one exception is a part that starts with a
// blockquote marker, which normalising drops at the start of a line;
// such parts, and every part not found verbatim, take the normalised path.
// FuzzOccurs holds the two paths to the same answers.
func (t *Text) locateVerbatim(ps []string) (int, bool) {
	if t.lower == nil {
		return 0, false // not ASCII
	}
	for _, p := range ps {
		if p[0] == '>' {
			return 0, false
		}
	}
	start := inOrder(t.lower, ps, indexLong)
	if start < 0 {
		return 0, false
	}
	return bytes.Count(t.lower[:start], []byte{'\n'}), true
}

// Passage is the stretch of an interview closest to a quote that does not
// occur in it.
type Passage struct {
	Line    int    // 0-based line of the body where it starts
	Text    string // normalised, as long as the quote
	Percent int    // share of the quote's words it holds, 0-100
}

// PunctuationSlip is the stretch of the notes, as written, that a quote
// not found in them differs from only in case, punctuation or white space
// (SPEC §10's certain repair of quote-not-found), or false. Letters and
// digits are compared in order, whole words at both ends, so the time
// stays linear; notes holds the same bytes the Text was made from, and
// only ASCII notes are read this way.
func (t *Text) PunctuationSlip(quote string, notes []byte) (string, bool) {
	ps := t.parts(quote)
	if len(ps) != 1 {
		return "", false // an ellipsis: no one stretch to take
	}
	if t.lower == nil {
		return "", false // not ASCII
	}
	t.prepare()
	want := coreOf(ps[0])
	if want == "" {
		return "", false
	}
	core := make([]byte, 0, len(t.flat))
	for i := 0; i < len(t.flat); i++ {
		if isAlnum(t.flat[i]) {
			core = append(core, t.flat[i])
		}
	}
	// Where in flat a byte of core is: two walkers, one for a match's
	// first byte and one for its last, each only moving forward as the
	// matches do, rather than an offset per byte kept for all of them.
	first, last := alnumWalker{flat: t.flat}, alnumWalker{flat: t.flat}
	for from := 0; from+len(want) <= len(core); {
		i := bytes.Index(core[from:], []byte(want))
		if i < 0 {
			return "", false
		}
		i += from
		start, end := first.seek(i), last.seek(i+len(want)-1)+1
		if (start == 0 || !isAlnum(t.flat[start-1])) && (end == len(t.flat) || !isAlnum(t.flat[end])) {
			if t.offs == nil {
				_, _, t.offs = normalizeASCIIAt(string(t.lower), true, nil)
			}
			if len(t.offs) != len(t.flat) {
				return "", false
			}
			written := t.asWritten(start, end, notes)
			if n, _ := normalize(written); n != "" && strings.Contains(t.flat, n) {
				return written, true
			}
			return "", false
		}
		from = i + 1
	}
	return "", false
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// alnumWalker finds the offset in flat of its k-th letter or digit, for k
// that never decrease.
type alnumWalker struct {
	flat string
	k    int // letters and digits before at
	at   int
}

func (w *alnumWalker) seek(k int) int {
	for ; w.at < len(w.flat); w.at++ {
		if isAlnum(w.flat[w.at]) {
			if w.k == k {
				return w.at
			}
			w.k++
		}
	}
	return len(w.flat)
}

// asWritten is the notes' bytes behind flat[start:end], white space and
// line prefixes (blockquote markers, indentation) made single spaces.
func (t *Text) asWritten(start, end int, notes []byte) string {
	from, to := int(t.offs[start]), int(t.offs[end-1])+1
	if from < 0 || to > len(notes) || from >= to {
		return ""
	}
	var b strings.Builder
	for i, line := range strings.Split(string(notes[from:to]), "\n") {
		if i > 0 {
			line = strings.TrimLeft(line, "> \t")
		}
		for _, word := range strings.Fields(line) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(word)
		}
	}
	return b.String()
}

// coreOf is a text's letters and digits, lower-cased, in order.
func coreOf(s string) string {
	var out strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// Closest finds the window of the text, as many words long as the quote,
// that holds most of the quote's words (counted with repetition). It
// slides over the text once, so time stays linear in the interview's size.
func (t *Text) Closest(quote string) Passage {
	// Each distinct word of the quote gets a slot; the text's words are
	// looked up once each, so the window slides over slots, not strings.
	slot := map[string]int{}
	var want []int
	n := 0
	for _, p := range t.parts(quote) {
		for _, w := range strings.Fields(p) {
			if w = bareWord(w); w == "" {
				continue
			}
			i, ok := slot[w]
			if !ok {
				i = len(want)
				slot[w] = i
				want = append(want, 0)
			}
			want[i]++
			n++
		}
	}
	t.prepare()
	// Each word of the text's slot (-1: not a word of the quote); where
	// the words start is found again for the best window alone.
	var slots []int32
	for w := (wordWalker{flat: t.flat}); ; {
		i, end := w.next()
		if i < 0 {
			break
		}
		s, ok := slot[bareWord(t.flat[i:end])]
		if !ok {
			s = -1
		}
		slots = append(slots, int32(s))
	}
	if n == 0 || len(slots) == 0 {
		return Passage{}
	}
	size := min(n, len(slots))
	have := make([]int, len(want))
	hits := 0
	add := func(s int32, d int) {
		if s < 0 {
			return
		}
		before := min(have[s], want[s])
		have[s] += d
		hits += min(have[s], want[s]) - before
	}
	// Of the windows holding most words, the first that starts and ends
	// on one of them: the passage itself, not the words around it
	// ("the books. We lose the first two weeks" beside "We lose the first
	// two weeks of every month to the close").
	best, bestAt, tight := -1, 0, false
	for i := range slots {
		add(slots[i], 1)
		if i >= size {
			add(slots[i-size], -1)
		}
		if i < size-1 {
			continue
		}
		at := i - size + 1
		isTight := slots[at] >= 0 && slots[i] >= 0
		if hits > best || hits == best && isTight && !tight {
			best, bestAt, tight = hits, at, isTight
		}
	}
	w := wordWalker{flat: t.flat}
	for range bestAt {
		w.next()
	}
	start, _ := w.next()
	end := len(t.flat)
	for range size - 1 {
		w.next()
	}
	if next, _ := w.next(); next >= 0 {
		end = next - 1
	}
	return Passage{
		Line:    lineAt(t.marks, start),
		Text:    t.flat[start:end],
		Percent: percentOf(best, n),
	}
}

// wordWalker gives the words of normalised text, whose words are
// separated by single spaces, in turn.
type wordWalker struct {
	flat string
	at   int
}

// next is where the next word starts and ends, or -1 after the last.
func (w *wordWalker) next() (start, end int) {
	for w.at < len(w.flat) && w.flat[w.at] == ' ' {
		w.at++
	}
	if w.at == len(w.flat) {
		return -1, -1
	}
	start = w.at
	end = start + strings.IndexByte(w.flat[start:], ' ')
	if end < start {
		end = len(w.flat)
	}
	w.at = end
	return start, end
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// bareWord is w without the punctuation around it, so that "close." in
// the notes is the quote's "close".
func bareWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// percentOf is part of whole in percent, rounded to the nearest, but never
// 100 for less than the whole: a passage missing a word is not a match.
func percentOf(part, whole int) int {
	p := (part*200 + whole) / (2 * whole)
	if part < whole {
		p = min(p, 99)
	}
	return p
}
