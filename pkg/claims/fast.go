package claims

import (
	"bytes"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/personakit/persona/pkg/model"
)

// fastReadInto appends to dst the claims of a body written in the plain
// shape nearly every persona page has — ATX headings, paragraphs, and
// one-line bullet or numbered items separated from paragraphs by blank
// lines, without inline markup — in one pass over its lines, and returns
// false for any other body, which goldmark then parses. On every body it
// accepts it gives exactly what the goldmark parse gives (FuzzFastRead
// holds it to that): the claims of realistic pages cost no syntax tree.
func fastReadInto(dst []model.Claim, body []byte, bodyLine int, sections Sections, room *model.ClaimRoom) (claims []model.Claim, ok bool) {
	claims = dst
	if bytes.IndexByte(body, '\r') >= 0 || bytes.IndexByte(body, '\t') >= 0 {
		return nil, false
	}
	current := ""
	prev := blankLine // what the line before was
	for n, start := 0, 0; start < len(body); n++ {
		end := len(body)
		if i := bytes.IndexByte(body[start:], '\n'); i >= 0 {
			end = start + i
		}
		line := body[start:end]
		start = end + 1
		kind, text := classify(line)
		switch kind {
		case otherLine:
			return nil, false
		case blankLine:
		case headingLine:
			current = sections.list(bodyView(text)) // read, not kept
		case paragraphLine:
			if prev == itemLine {
				return nil, false // a lazy continuation of the item
			}
		case itemLine:
			if prev == paragraphLine {
				return nil, false // a list interrupting a paragraph
			}
			if current == "" {
				break
			}
			// The item's marker ("- ", "12. ") is ASCII: its bytes are
			// the columns before the text.
			c, ok := fastClaim(text, model.Pos{Line: int32(bodyLine + n), Column: int32(len(line) - len(text) + 1)}, current, room)
			if !ok {
				return nil, false
			}
			claims = append(claims, c)
		}
		prev = kind
	}
	return claims, true
}

// bodyView is text as a string without a copy. The strings of a claim
// fastClaim makes are views of the body, which the caller may overwrite
// next (the loader reads every file into one buffer): read copies them
// all into one string of the claims' own (pack) before it returns, so no
// view outlives it.
func bodyView(text []byte) string {
	return unsafe.String(unsafe.SliceData(text), len(text))
}

// Line kinds of the plain shape.
const (
	blankLine = iota
	headingLine
	paragraphLine
	itemLine
	otherLine // anything else: the fast path declines the body
)

// classify says what a line of the plain shape is, and its text: a
// heading's title, an item's content, a paragraph's line. A paragraph
// may hold links, code or emphasis: no claim is read from it, inline
// markup changes no block around it, and one that starts as text cannot
// be a bold label (which starts with "**" or "__").
func classify(line []byte) (int, []byte) {
	if len(bytes.TrimSpace(line)) == 0 {
		if len(line) > 0 {
			return otherLine, nil // spaces only: a hard break or more
		}
		return blankLine, nil
	}
	switch c := line[0]; {
	case c == '#':
		level := 0
		for level < len(line) && line[level] == '#' {
			level++
		}
		if level > 6 || level == len(line) || line[level] != ' ' {
			return otherLine, nil
		}
		text := bytes.TrimSpace(line[level:])
		if len(text) == 0 || bytes.HasSuffix(text, []byte("#")) || plainUnsafe(text) {
			return otherLine, nil
		}
		return headingLine, text
	case c == '-' || c == '+' || c == '*':
		if len(line) < 3 || line[1] != ' ' || line[2] == ' ' {
			return otherLine, nil
		}
		return itemLine, line[2:]
	case c >= '0' && c <= '9':
		i := 0
		for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i < len(line) && (line[i] == '.' || line[i] == ')') {
			if i+2 < len(line) && line[i+1] == ' ' && line[i+2] != ' ' {
				return itemLine, line[i+2:]
			}
			if i+1 == len(line) || line[i+1] == ' ' {
				return otherLine, nil // an empty or indented item: goldmark's
			}
		}
		return paragraphLine, line
	case plainStart(line):
		if bytes.HasSuffix(line, []byte(" ")) {
			return otherLine, nil
		}
		return paragraphLine, line
	}
	return otherLine, nil
}

// plainStart reports whether text starts with what cannot open a block in
// CommonMark, so that a line or an item's content starting so is text: not
// a marker of a heading, quote, list, fence, HTML, thematic break or
// setext underline, nor white space. Real pages start items with "(", a
// quotation mark, an em dash or an emoji as often as with a letter, and
// "&nbsp;" or "!" start text too ("![" is refused as a link anyway).
func plainStart(text []byte) bool {
	if len(text) == 0 {
		return false
	}
	if c := text[0]; c >= '0' && c <= '9' {
		// Digits open an ordered list only before "." or ")".
		i := 0
		for i < len(text) && text[i] >= '0' && text[i] <= '9' {
			i++
		}
		return i < len(text) && text[i] != '.' && text[i] != ')'
	} else if c < utf8.RuneSelf {
		return c > ' ' && c < 0x7f && !strings.ContainsRune("#>-+*`~<_=[\\|", rune(c))
	}
	r, _ := utf8.DecodeRune(text)
	return r != utf8.RuneError && !unicode.IsSpace(r)
}

// plainUnsafe reports whether text holds what inline Markdown could read
// as markup. "!" is markup only before "[", which is refused anyway, and
// "&" only as an entity or character reference ("&amp;", "&#38;"): an "&"
// before anything but a letter, digit or "#" is text ("R & D").
func plainUnsafe(text []byte) bool {
	if bytes.ContainsAny(text, "\\`*_<>[]~") {
		return true
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '&' && (isASCIIAlnum(text[i+1]) || text[i+1] == '#') {
			return true
		}
	}
	return false
}

// wordsUnsafe reports whether an item's words hold what would make the
// claim goldmark reads differ from them as written: escapes, code,
// emphasis and links, and "<" opening a tag, an autolink or a comment,
// which its text leaves out. A claim's text is read from goldmark's
// segments as written, so "&nbsp;" and "&amp;" stay as they are in both,
// and so do "~" (no strikethrough in CommonMark), ">" and a "<" before
// anything else ("<>", "a < b").
func wordsUnsafe(text []byte) bool {
	if bytes.ContainsAny(text, "\\`*_[]") {
		return true
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '<' && (isASCIIAlnum(text[i+1]) || strings.IndexByte("/!?", text[i+1]) >= 0) {
			return true
		}
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// fastClaim is the claim of an item whose content is text, which starts
// at pos on its line: its words, and the interviews a trailing citation
// names.
func fastClaim(text []byte, pos model.Pos, list string, room *model.ClaimRoom) (model.Claim, bool) {
	raw := bodyView(text)
	words := raw
	var cite string
	citeAt := -1
	if at, end := trailingCitation(raw); at >= 0 {
		words, cite, citeAt = raw[:at], raw[at+1:end], at+1
	}
	if wordsUnsafe(text[:len(words)]) || strings.ContainsAny(cite, "\\`*_<>&[]!") || strings.TrimSpace(words) == "" {
		return model.Claim{}, false
	}
	if !plainStart(text) {
		return model.Claim{}, false // "# x", "> x", "1. x": a block inside the item
	}
	if citeAt < 0 && mayBeOnlyALink(words) {
		return model.Claim{}, false // a source listed, which goldmark's reader tells (onlyALink)
	}
	at := func(off int) model.Pos {
		return model.Pos{Line: pos.Line, Column: pos.Column + int32(utf8.RuneCountInString(raw[:off]))}
	}
	c := model.Claim{List: list, Text: model.Str{Value: collapseSpaces(words), Pos: pos}}
	if citeAt >= 0 {
		var few [8]cited // a claim cites a few interviews
		ids := appendCited(few[:0], cite)
		if len(ids) > 0 {
			c.Evidence = room.EvidenceList(len(ids))
		}
		for _, id := range ids {
			c.Evidence = append(c.Evidence, model.Evidence{Ref: model.Str{Value: id.id, Pos: at(citeAt + id.offset)}})
		}
	}
	return c, true
}

// mayBeOnlyALink reports whether an item's words may be one bare URL, with
// dashes at most beside it: such an item may list a source rather than
// make a claim, which onlyALink decides on goldmark's text segments. It
// errs towards yes, reading the words two ways: as goldmark's segments
// (one per line, trimmed of Unicode space, a URL where bareURL matches,
// so "http://\vY" is one URL, \v not being a space to RE2), and as
// words split at any Unicode space.
func mayBeOnlyALink(words string) bool {
	if !strings.Contains(words, "://") {
		return false
	}
	return onlyOneURL(strings.Lines(words), bareURL.MatchString) ||
		onlyOneURL(slices.Values(strings.Fields(words)), startsAsURL)
}

func onlyOneURL(pieces iter.Seq[string], isURL func(string) bool) bool {
	url := 0
	for p := range pieces {
		switch p = strings.TrimSpace(p); {
		case p == "" || p == "-" || p == "—" || p == "–":
		case isURL(p):
			url++
		default:
			return false
		}
	}
	return url == 1
}

func startsAsURL(w string) bool {
	return strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://")
}

// trailingCitation finds what the citation expression matches in s: "[@",
// no "]", then "]" and only white space to the end. It returns the offset
// of its "[" and of its "]", or -1: the expression's leftmost match,
// without running it on every cited item.
func trailingCitation(s string) (open, close int) {
	end := len(s)
	for end > 0 && isRE2Space(s[end-1]) {
		end--
	}
	if end == 0 || s[end-1] != ']' {
		return -1, -1
	}
	close = end - 1
	// No "]" may stand between the "[" and the closing one: the leftmost
	// "[@" after the last other "]" opens the match.
	from := strings.LastIndexByte(s[:close], ']') + 1
	for i := from; i+1 < close; i++ {
		if s[i] == '[' && s[i+1] == '@' {
			return i, close
		}
	}
	return -1, -1
}

// isRE2Space is \s of Go's regular expressions: [\t\n\f\r ].
func isRE2Space(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// collapseSpaces is strings.Join(strings.Fields(s), " "): s itself, or s
// without its trailing spaces (an item's words before a citation end in
// one), with no copy, when its spaces are single ASCII spaces between
// words, as they almost always are, in any script.
func collapseSpaces(s string) string {
	t := strings.TrimRight(s, " ")
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(t[i:])
			if unicode.IsSpace(r) {
				return joinFields(s)
			}
			i += size - 1
		case c == '\t', c == '\n', c == '\v', c == '\f', c == '\r',
			c == ' ' && (i == 0 || t[i-1] == ' '):
			return joinFields(s)
		}
	}
	return t
}

// joinFields is strings.Join(strings.Fields(s), " ") in one copy, without
// the slice of fields: claims written over several lines of real prose
// come here, and at 52,500 files the slices were 8 MB of garbage.
func joinFields(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inField := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			inField = false
		case !inField && b.Len() > 0:
			b.WriteByte(' ') // a field after the first
			fallthrough
		default:
			inField = true
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
