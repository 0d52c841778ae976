// Package claims reads the claims a persona writes as prose (SPEC §9):
// list items under a heading, or a bold label, that names a claim list,
// with Pandoc citations as their evidence and cited blockquotes as quotes.
package claims

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
)

// Sections maps a heading, lower-cased, to the claim list it names.
type Sections map[string]string

// DefaultSections is SPEC §9's synonym table.
func DefaultSections() Sections {
	s := Sections{}
	for list, headings := range map[string][]string{
		"goals":        {"Goals", "Goals & Objectives", "Primary goals", "Needs", "Gains", "Jobs to be done"},
		"motivations":  {"Motivations", "Motivated by", "Values"},
		"frustrations": {"Frustrations", "Challenges", "Biggest challenges", "Pains", "Pain points"},
		"aspirations":  {"Aspirations"},
		"objections":   {"Objections", "Deal-breakers", "Concerns"},
	} {
		for _, h := range headings {
			s[normalizeLabel(h)] = list
		}
	}
	return s
}

// Merge returns s with extra's headings added (a config's `sections`).
func (s Sections) Merge(extra map[string][]string) Sections {
	out := Sections{}
	for h, l := range s {
		out[h] = l
	}
	for list, headings := range extra {
		for _, h := range headings {
			out[normalizeLabel(h)] = list
		}
	}
	return out
}

// Attach adds the claims written in a persona's body to its front-matter
// claims, counting those of substantive lists as the decoder does, so that
// every reader of a persona file (the loader, diff) sees the same claims.
func Attach(p *model.Persona, body []byte, bodyLine int, sections Sections) {
	if !mayHoldClaims(body, sections) || mdguard.Check(body) != nil {
		return
	}
	// The claims are kept until the run ends, so they are read into an
	// array of the size the body's list items promise, after the front
	// matter's, and copied to an exact one only when that was far off.
	fm := len(p.Claims)
	claims := make([]model.Claim, fm, fm+itemLines(body))
	copy(claims, p.Claims)
	claims = attachViews(p, claims, body, bodyLine, sections, nil)
	pack(claims[fm:])
	if spare := cap(claims) - len(claims); spare > len(claims)/8 {
		claims = append(make([]model.Claim, 0, len(claims)), claims...)
	}
	p.Claims = claims
}

// attachViews appends body's claims to claims (p's own), adds the links
// listed under its claim headings to p's sources and counts its
// substantive claims. The claims' strings may be views of body: the
// caller copies what it keeps. The claims' evidence lists come from room
// when it is not nil.
func attachViews(p *model.Persona, claims []model.Claim, body []byte, bodyLine int, sections Sections, room *model.ClaimRoom) []model.Claim {
	fm := len(claims)
	claims, links := readViews(claims, body, bodyLine, sections, room)
	// Links listed under a claim heading are the persona's external
	// evidence (SPEC §12), as if listed under sources.
	p.Sources = append(p.Sources, links...)
	for _, c := range claims[fm:] {
		if model.Substantive(c.List) {
			p.Substance++
		}
	}
	return claims
}

// itemLines counts the lines of body that start as a list item may: an
// upper bound of the claims a plain body holds.
func itemLines(body []byte) int {
	n := 0
	for start := 0; start < len(body); {
		switch c := body[start]; {
		case c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9':
			n++
		}
		i := bytes.IndexByte(body[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	return n
}

// List names the claim list a heading or bold label names, or "".
func (s Sections) List(label string) string { return s.list(label) }

// HasClaimSection reports whether text has a heading or a bold label that
// names a claim list, outside code: the sign of a persona's content in any
// page.
func HasClaimSection(text []byte, sections Sections) bool { return len(ClaimLists(text, sections)) > 0 }

// ClaimLists names the distinct claim lists that page's headings and bold
// labels name, in the order they first appear; a heading in a code block
// is no heading.
func ClaimLists(page []byte, sections Sections) []string {
	if !mayHoldClaims(page, sections) || mdguard.Check(page) != nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(l string) {
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(page))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			add(sections.list(string(n.Lines().Value(page))))
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			add(boldLabel(n, page, sections))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// list names the claim list a heading or bold label names, or "": the
// label as real pages write it (SPEC §12) — after leading emoji and
// symbols, Markdown emphasis and a trailing colon or count are dropped,
// any Unicode space read as a space — or, for a label joining two names
// with "or", "and" or "/" ("Pain points or biggest challenges"), the
// first of them that names one.
func (s Sections) list(label string) string {
	var room [64]byte // a heading's words, normalised for the look-up only
	b := appendLabel(room[:0], label)
	if l := s[string(b)]; l != "" {
		return l
	}
	if !bytes.Contains(b, []byte(" or ")) && !bytes.Contains(b, []byte(" and ")) && !bytes.Contains(b, []byte("/")) {
		return ""
	}
	for _, part := range joined.Split(string(b), -1) {
		if l := s[normalizeLabel(part)]; l != "" {
			return l
		}
	}
	return ""
}

// joined splits a label that joins two section names.
var joined = regexp.MustCompile(`\s+(?:or|and)\s+|\s*/\s*`)

// trimTrailingCount drops what may follow a label's words: an anchor, a
// count and a colon, each optional, in that order ("Goals {#g} (2):",
// "Frustrations [3]", "Needs:"), with the ASCII spaces before each. It is
// the regular expression
//
//	(?:\s*\{#[A-Za-z0-9_-]+\})?(?:\s*(?:\(\d+\)|\[\d+\]))?\s*:?$
//
// written out, which cost more than the rest of reading a heading
// (FuzzTrimTrailingCount holds the two together).
func trimTrailingCount(s string) string {
	s = strings.TrimSuffix(s, ":")
	s = strings.TrimRight(s, asciiSpace)
	if i := countAt(s); i >= 0 {
		s = strings.TrimRight(s[:i], asciiSpace)
	}
	if i := anchorAt(s); i >= 0 {
		s = strings.TrimRight(s[:i], asciiSpace)
	}
	return s
}

// asciiSpace is what \s matches in Go's regular expressions.
const asciiSpace = "\t\n\f\r "

// countAt is where a "(digits)" or "[digits]" ending s starts, or -1.
func countAt(s string) int {
	if len(s) < 3 {
		return -1
	}
	var open byte
	switch s[len(s)-1] {
	case ')':
		open = '('
	case ']':
		open = '['
	default:
		return -1
	}
	i := len(s) - 2
	for i >= 0 && s[i] >= '0' && s[i] <= '9' {
		i--
	}
	if i < 0 || i == len(s)-2 || s[i] != open {
		return -1
	}
	return i
}

// anchorAt is where a "{#id}" ending s starts, or -1.
func anchorAt(s string) int {
	if !strings.HasSuffix(s, "}") {
		return -1
	}
	i := len(s) - 2
	for i >= 0 && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '_' || s[i] == '-') {
		i--
	}
	if i < 1 || i == len(s)-2 || s[i] != '#' || s[i-1] != '{' {
		return -1
	}
	return i - 1
}

// normalizeLabel is a heading or label as the section table is keyed:
// lower case, single spaces, without the decoration around the words.
func normalizeLabel(label string) string { return string(appendLabel(nil, label)) }

// appendLabel appends normalizeLabel(label) to dst: for an ASCII label,
// as most are, without the copies of splitting, joining and lowering.
func appendLabel(dst []byte, label string) []byte {
	label = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, label)
	for range 3 { // "**Goals**:", "_Goals (2)_"
		label = strings.TrimSpace(label)
		label = strings.TrimRight(trimTrailingCount(label), " ")
		label = strings.Trim(label, "*_` ")
	}
	label = strings.TrimLeftFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i < len(label); i++ {
		if label[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(collapseSpaces(label))...)
		}
	}
	start := len(dst)
	for i := 0; i < len(label); i++ {
		switch c := label[i]; {
		case c == ' ' || c >= '\t' && c <= '\r':
			if len(dst) > start && dst[len(dst)-1] != ' ' {
				dst = append(dst, ' ')
			}
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		default:
			dst = append(dst, c)
		}
	}
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

var citation = regexp.MustCompile(`\[(@[^\]]*)\]\s*$`)

// FromBody reads the claims of a persona body that starts on file line
// bodyLine. A body over the parsing limits yields none (body-too-complex
// says so), and so does one without a claim heading or label, which is
// found without parsing.
func FromBody(body []byte, bodyLine int, sections Sections) []model.Claim {
	claims, _ := Read(body, bodyLine, sections)
	return claims
}

// Read is FromBody that also returns the links listed on their own under
// claim headings: evidence, not claims.
func Read(body []byte, bodyLine int, sections Sections) (claims []model.Claim, links []model.Str) {
	if !mayHoldClaims(body, sections) || mdguard.Check(body) != nil {
		return nil, nil
	}
	return read(nil, body, bodyLine, sections)
}

// read is Read, past its checks, appending the claims to dst: in one pass
// over the lines where the body is plain, else through goldmark.
func read(dst []model.Claim, body []byte, bodyLine int, sections Sections) ([]model.Claim, []model.Str) {
	claims, links := readViews(dst, body, bodyLine, sections, nil)
	pack(claims[len(dst):])
	return claims, links
}

// readViews is read without pack: the claims' strings may be views of
// body, and the evidence lists of the plain shape's claims come from room
// when it is not nil.
func readViews(dst []model.Claim, body []byte, bodyLine int, sections Sections, room *model.ClaimRoom) ([]model.Claim, []model.Str) {
	if claims, ok := fastReadInto(dst, body, bodyLine, sections, room); ok {
		return claims, nil
	}
	r := &reader{body: body, sections: sections}
	claims := r.parse(bodyLine)
	if dst != nil { // else the parse's own slice, as it is
		claims = append(dst, claims...)
	}
	return claims, r.links
}

// pack copies the words and references of claims into one string, and
// their evidence into one array, made for them: a persona's body claims
// are kept for the whole run, as two objects instead of two or three per
// claim, and no string of them is a view of the body (bodyView).
func pack(claims []model.Claim) {
	size, evidence := 0, 0
	for _, c := range claims {
		size += len(c.Text.Value)
		for _, e := range c.Evidence {
			size += len(e.Ref.Value) + len(e.Quote.Value)
		}
		evidence += len(c.Evidence)
	}
	var b strings.Builder
	b.Grow(size)
	for _, c := range claims {
		b.WriteString(c.Text.Value)
		for _, e := range c.Evidence {
			b.WriteString(e.Ref.Value)
			b.WriteString(e.Quote.Value)
		}
	}
	packed, at := b.String(), 0
	take := func(n int) string {
		at += n
		return packed[at-n : at]
	}
	all := make([]model.Evidence, 0, evidence)
	for i := range claims {
		c := &claims[i]
		c.Text.Value = take(len(c.Text.Value))
		if len(c.Evidence) == 0 {
			continue
		}
		from := len(all)
		for _, e := range c.Evidence {
			e.Ref.Value = take(len(e.Ref.Value))
			e.Quote.Value = take(len(e.Quote.Value))
			all = append(all, e)
		}
		// Capped, so that appending to one claim's evidence never writes
		// over the next one's.
		c.Evidence = all[from:len(all):len(all)]
	}
}

// reader is one body's parse: what the walk collects besides claims.
type reader struct {
	body     []byte
	sections Sections
	links    []model.Str
}

// parse is FromBody without the checks that spare or refuse the parse.
func (r *reader) parse(bodyLine int) []model.Claim {
	body, sections := r.body, r.sections
	lines := lineStarts(body)
	pos := func(offset int) model.Pos {
		// The 1-based file line and character column of a body offset.
		i := 0
		for lo, hi := 0, len(lines); lo < hi; {
			mid := (lo + hi) / 2
			if lines[mid] <= offset {
				i, lo = mid, mid+1
			} else {
				hi = mid
			}
		}
		return model.Pos{Line: int32(bodyLine + i), Column: int32(len([]rune(string(body[lines[i]:offset]))) + 1)}
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(body))
	var out []model.Claim
	current := "" // the list the latest heading names
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			current = sections.list(string(n.Lines().Value(body)))
		case *ast.List:
			out = append(out, r.listClaims(n, current, pos)...)
		case *ast.Paragraph:
			// A paragraph that is only a bold label heads the list after it.
			if l := boldLabel(n, body, sections); l != "" {
				current = l
			}
		}
	}
	return out
}

// listClaims reads the items of a list under the claim list `list` (""
// when none): each item a claim, unless it is a bold label, which heads
// its nested list instead.
func (r *reader) listClaims(l *ast.List, list string, pos func(int) model.Pos) []model.Claim {
	body, sections := r.body, r.sections
	var out []model.Claim
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil {
			continue
		}
		if label := boldLabel(first, body, sections); label != "" {
			for c := first.NextSibling(); c != nil; c = c.NextSibling() {
				if nested, ok := c.(*ast.List); ok {
					out = append(out, r.listClaims(nested, label, pos)...)
				}
			}
			continue
		}
		if list == "" || first.Lines().Len() == 0 {
			continue
		}
		if url, ok := onlyALink(first, body); ok {
			// A source the claims rest on, listed: not a claim (SPEC §12).
			r.links = append(r.links, model.Str{Value: url, Pos: pos(first.Lines().At(0).Start)})
			continue
		}
		start := first.Lines().At(0).Start
		value := first.Lines().Value(body)
		lead := len(value) - len(bytes.TrimLeft(value, " \t\r\n"))
		raw := string(bytes.TrimSpace(value))
		claim := model.Claim{List: list}
		if m := citation.FindStringSubmatchIndex(raw); m != nil {
			for _, c := range citedIDs(raw[m[2]:m[3]]) {
				// Each id at its own place, where a fix would rewrite it.
				at := bodyOffset(first.Lines(), lead+m[2]+c.offset)
				claim.Evidence = append(claim.Evidence, model.Evidence{Ref: model.Str{Value: c.id, Pos: pos(at)}})
			}
			raw = strings.TrimSpace(raw[:m[0]])
		}
		// The claim is plain text: inline Markdown reduced to its words.
		plain := inlineText(first, body)
		if m := citation.FindStringIndex(plain); m != nil {
			plain = plain[:m[0]]
		}
		if strings.TrimSpace(plain) == "" {
			plain = raw
		}
		claim.Text = model.Str{Value: collapseSpaces(plain), Pos: pos(start)}
		// A blockquote inside the item that ends with a citation is a
		// quote of that interview.
		for c := first.NextSibling(); c != nil; c = c.NextSibling() {
			if q, ok := c.(*ast.Blockquote); ok {
				claim.Evidence = append(claim.Evidence, quoteEvidence(q, body, pos)...)
			}
		}
		out = append(out, claim)
	}
	return out
}

// inlineText is the text a block's inline content renders to: emphasis,
// code and link markup dropped, backslash escapes undone, an image by its
// alternative text, raw HTML left out.
func inlineText(n ast.Node, body []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(util.UnescapePunctuations(c.Segment.Value(body)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.URL(body))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// onlyALink reports whether a list item's first block is one link and
// nothing else ([title](url), <url> or a bare URL): evidence listed under
// a claim heading, not a claim.
func onlyALink(first ast.Node, body []byte) (url string, ok bool) {
	var links, words int
	for c := first.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Link:
			links, url = links+1, string(c.Destination)
		case *ast.AutoLink:
			links, url = links+1, string(c.URL(body))
		case *ast.Text:
			t := strings.TrimSpace(string(c.Segment.Value(body)))
			switch {
			case t == "" || t == "-" || t == "—" || t == "–":
			case bareURL.MatchString(t):
				links, url = links+1, t
			default:
				words++
			}
		default:
			words++
		}
	}
	return url, links == 1 && words == 0 && url != ""
}

var bareURL = regexp.MustCompile(`^https?://\S+$`)

// quoteEvidence reads a blockquote that ends with a citation: its words,
// cited from each interview the citation names.
func quoteEvidence(q *ast.Blockquote, body []byte, pos func(int) model.Pos) []model.Evidence {
	var b strings.Builder
	first := -1
	for c := q.FirstChild(); c != nil; c = c.NextSibling() {
		for i := 0; i < c.Lines().Len(); i++ {
			seg := c.Lines().At(i)
			if first < 0 {
				first = seg.Start
			}
			b.Write(seg.Value(body))
			b.WriteByte(' ')
		}
	}
	words := collapseSpaces(b.String())
	m := citation.FindStringSubmatchIndex(words)
	if m == nil || first < 0 {
		return nil
	}
	said := strings.TrimSpace(words[:m[0]])
	ids := citedIDs(words[m[2]:m[3]])
	at := citationOffsets(q, body, ids)
	var out []model.Evidence
	for i, c := range ids {
		out = append(out, model.Evidence{Ref: model.Str{Value: c.id, Pos: pos(at[i])}, Quote: model.Str{Value: said, Pos: pos(first)}})
	}
	return out
}

// citationOffsets places each id of a blockquote's closing citation at its
// own body offset, where a fix would rewrite it, when the citation is
// written on one line (it nearly always is); otherwise every id stays at
// the blockquote's first line, where no fix can be placed.
func citationOffsets(q *ast.Blockquote, body []byte, ids []cited) []int {
	var segs []text.Segment
	for c := q.FirstChild(); c != nil; c = c.NextSibling() {
		for i := 0; i < c.Lines().Len(); i++ {
			segs = append(segs, c.Lines().At(i))
		}
	}
	out := make([]int, len(ids))
	for i := range out {
		out[i] = segs[0].Start
	}
	last := segs[len(segs)-1]
	line := string(last.Value(body))
	m := citation.FindStringSubmatchIndex(line)
	if m == nil {
		return out
	}
	onLine := citedIDs(line[m[2]:m[3]])
	if len(onLine) != len(ids) {
		return out
	}
	for i, c := range onLine {
		if c.id != ids[i].id {
			return out
		}
	}
	for i, c := range onLine {
		out[i] = last.Start + m[2] + c.offset
	}
	return out
}

// cited is one id of a citation and its byte offset in the citation text.
type cited struct {
	id     string
	offset int
}

// citedIDs reads "@cfo-1; @cfo-3" (Pandoc's citation list).
func citedIDs(s string) []cited { return appendCited(nil, s) }

// appendCited is citedIDs appending to out.
func appendCited(out []cited, s string) []cited {
	for at := 0; at <= len(s); {
		end := strings.IndexByte(s[at:], ';')
		if end < 0 {
			end = len(s) - at
		}
		part := s[at : at+end]
		trimmed := strings.TrimLeft(part, " \t\r\n")
		if id, ok := strings.CutPrefix(trimmed, "@"); ok && strings.TrimSpace(id) != "" {
			out = append(out, cited{id: firstField(id), offset: at + len(part) - len(trimmed) + 1})
		}
		at += end + 1
	}
	return out
}

// firstField is strings.Fields(s)[0] for s holding more than space,
// without the array of the other fields.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// bodyOffset maps an offset into the concatenated lines of a block to the
// body offset it came from.
func bodyOffset(lines *text.Segments, off int) int {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if off < seg.Len() || i == lines.Len()-1 {
			return seg.Start + off
		}
		off -= seg.Len()
	}
	return 0
}

// boldLabel is the claim list a node names when it is only a bold label
// (**Goals:**), or "".
func boldLabel(n ast.Node, body []byte, sections Sections) string {
	if _, ok := n.(*ast.Paragraph); !ok {
		if _, ok := n.(*ast.TextBlock); !ok {
			return ""
		}
	}
	e, ok := n.FirstChild().(*ast.Emphasis)
	if !ok || e.Level != 2 || e.NextSibling() != nil && !onlyColon(e.NextSibling(), body) {
		return ""
	}
	var label strings.Builder
	for c := e.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			// Emphasis, code or a link inside: not a plain label, and
			// the text around it must not be glued into one ("Pain*0*s").
			return ""
		}
		label.Write(t.Segment.Value(body))
		if t.SoftLineBreak() || t.HardLineBreak() {
			// A label broken over lines is two words, as it renders,
			// never one glued word ("Goal\ns" is not "Goals").
			return ""
		}
	}
	return sections.list(label.String())
}

// onlyColon reports whether n is a trailing ":" after a bold label.
func onlyColon(n ast.Node, body []byte) bool {
	t, ok := n.(*ast.Text)
	return ok && n.NextSibling() == nil && strings.TrimSpace(string(t.Segment.Value(body))) == ":"
}

// mayHoldClaims looks for a claim heading or bold label line by line,
// without parsing, so bodies without one cost no parse.
func mayHoldClaims(body []byte, sections Sections) bool {
	if loneCR(body) {
		// Goldmark reads a lone CR sometimes as a line end, sometimes as
		// text; only the parse can say, so such a rare body is parsed.
		return true
	}
	if bytes.IndexByte(body, '#') < 0 && !bytes.Contains(body, []byte("**")) &&
		!lineStartsWith(body, '=') && !lineStartsWith(body, '-') {
		return false // no ATX heading, bold label or setext underline anywhere
	}
	var prev []byte // the line before, for a setext heading's underline
	run := 0        // the lines of text up to and including prev
	names := func(line []byte) bool {
		before, above := prev, run
		prev = line // trimmed only if an underline follows
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i == len(line) {
			// Blank as Markdown has it: only spaces and tabs. A line of a
			// vertical tab continues a paragraph, which an underline
			// below then makes a heading.
			run = 0
		} else {
			run++
		}
		if i == len(line) || line[i] != '#' && line[i] != '*' && line[i] != '-' && line[i] != '+' && line[i] != '=' {
			return false // prose: the most common line, ruled out by its first byte
		}
		t := bytes.TrimSpace(line[i:])
		if len(bytes.Trim(t, "=")) == 0 || len(bytes.Trim(t, "-")) == 0 {
			// A setext underline: the line above is the heading, or the
			// last line of one whose words only the parse can tell.
			return above > 1 || sections.list(string(bytes.TrimSpace(before))) != ""
		}
		for _, bullet := range []byte("-*+") {
			// A bullet is followed by a space or a tab.
			if len(t) > 1 && t[0] == bullet && (t[1] == ' ' || t[1] == '\t') {
				t = bytes.TrimSpace(t[2:])
			}
		}
		switch {
		case bytes.HasPrefix(t, []byte("#")):
			return sections.list(string(bytes.Trim(t, "# \t"))) != ""
		case bytes.HasPrefix(t, []byte("**")):
			label := bytes.TrimSuffix(bytes.TrimSuffix(bytes.TrimPrefix(t, []byte("**")), []byte(":")), []byte("**"))
			return sections.list(string(bytes.TrimSuffix(label, []byte(":")))) != ""
		}
		return false
	}
	for len(body) > 0 {
		line := body
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = nil
		}
		if names(bytes.TrimSuffix(line, []byte{'\r'})) { // CRLF
			return true
		}
	}
	return false
}

// lineStartsWith reports whether a line of body starts with c after spaces
// and tabs: a setext underline may be indented, as " -" under a paragraph.
func lineStartsWith(body []byte, c byte) bool {
	for i := bytes.IndexByte(body, c); i >= 0; {
		j := i
		for j > 0 && (body[j-1] == ' ' || body[j-1] == '\t') {
			j--
		}
		if j == 0 || body[j-1] == '\n' || body[j-1] == '\r' {
			return true
		}
		next := bytes.IndexByte(body[i+1:], c)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// loneCR reports a carriage return not followed by a line feed.
func loneCR(b []byte) bool {
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		if i+1 == len(b) || b[i+1] != '\n' {
			return true
		}
		next := bytes.IndexByte(b[i+1:], '\r')
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

func lineStarts(body []byte) []int {
	out := []int{0}
	for i, c := range body {
		if c == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
