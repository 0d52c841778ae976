// Package adopt turns pages that already describe personas, ICPs or
// interviews (a handbook, a docs site) into persona entities without losing
// anything (SPEC §12). It plans; the caller writes. A page that describes
// one entity is adopted in place: only the new keys are inserted at the top
// of its front matter, every other byte stays. A page that describes
// several personas (a heading per persona whose section holds claim
// sections) is split into one new file per persona, the page itself left
// as it is. Interview notes named by date get that date.
package adopt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/mdguard"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/slug"
	"github.com/personakit/persona/pkg/textline"
	"github.com/personakit/persona/pkg/yamlkit"
)

// Options steer a plan.
type Options struct {
	// Kind forces the kind of one-entity pages ("" detects it).
	Kind model.Kind
	// ICP is given to every persona adopted ("" for none).
	ICP string
	// HeadingLevel forces the level of the headings that start a persona
	// on a page of several (0 detects it).
	HeadingLevel int
	// OutDir is where split personas go, workspace-relative; "" means a
	// personas/ directory beside the page.
	OutDir string
	// Sections is the claim-heading table.
	Sections claims.Sections
	// Taken are the persona ids the workspace has, with their files; a
	// split persona never gets one of them, unless it is that very file
	// (an import run again).
	Taken map[string]string
}

// Write is one file the plan writes: a page adopted in place (InPlace), or
// a new file.
type Write struct {
	Path    string // workspace-relative, '/'-separated
	Content []byte
	InPlace bool
	Kind    model.Kind
	ID      string
	// Proto says the persona has no evidence and was marked status: proto.
	Proto bool
	// From is the page a split persona came from.
	From string
}

// Plan is what to do with one page: the files to write, or why nothing.
type Plan struct {
	Writes []Write
	// Skipped says why the page is left alone ("" when it is adopted).
	Skipped string
	// Why says, for a page adopted or split, what made it so: one line
	// of --dry-run explains each page.
	Why string
}

// PlanPage plans the adoption of one page, at workspace-relative rel.
func PlanPage(rel string, src []byte, opts Options) Plan {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return Plan{Skipped: "it is UTF-16; save it as UTF-8 first"}
	}
	b := frontmatter.Split(src)
	if b.Format == frontmatter.TOML {
		return Plan{Skipped: "its front matter is TOML; persona reads YAML front matter"}
	}
	if b.Format == frontmatter.YAML && !b.Closed {
		return Plan{Skipped: "its front matter is never closed"}
	}
	var fm yaml.Node
	if b.Format == frontmatter.YAML {
		if err := yamlkit.UnmarshalNode(b.Text, &fm); err != nil {
			return Plan{Skipped: "its front matter is not valid YAML; fix it first (persona lint shows where)"}
		}
	}
	keys := topKeys(&fm)
	if _, ok := keys["kind"]; ok {
		return Plan{Skipped: "it is an entity already"}
	}
	if mdguard.CheckUpTo(b.Body, fileio.MaxFileSize) != nil {
		return Plan{Skipped: "its Markdown is over the parsing limits (body-too-complex)"}
	}
	heads := headings(b.Body)
	if opts.Kind == "" || opts.Kind == model.KindPersona {
		if personas, level := personaHeadings(b.Body, heads, opts); len(personas) >= 2 {
			why := fmt.Sprintf("split at its level-%d headings, each a persona with claim sections", level)
			if opts.HeadingLevel != 0 {
				why = fmt.Sprintf("split at its level-%d headings, as --heading-level asks", level)
			}
			return Plan{Writes: split(rel, src, b, &fm, personas, heads, opts), Why: why}
		}
	}
	kind := opts.Kind
	date := ""
	if kind == "" || kind == model.KindInterview {
		date = dateFromName(path.Base(rel))
		if date == "" && kind == model.KindInterview {
			// A research folder dates its summary: surveys/2023-06-otel/README.md.
			date = dateFromName(path.Base(path.Dir(rel)))
		}
	}
	why := "--kind " + string(kind)
	if kind == "" {
		lists := claims.ClaimLists(b.Body, opts.Sections)
		switch {
		case len(lists) > 0:
			if looks := notAPersona(heads); looks != "" && len(lists) < 2 {
				// One claim-like heading among a proposal's or a strategy
				// page's own sections is not a persona (SPEC §12).
				return Plan{Skipped: looks + "; pass --kind persona to adopt it anyway, or --heading-level to split it"}
			}
			kind, why = model.KindPersona, "a persona: it has claim sections ("+strings.Join(lists, ", ")+")"
		case date != "":
			kind, why = model.KindInterview, "interview notes: its name carries the date "+date
		case personaTable(b.Body, opts.Sections):
			return Plan{Skipped: "its personas are rows of a table; write each as a heading with its claim sections (## Name, ### Goals), then import it again"}
		default:
			return Plan{Skipped: "it has no claim sections (Goals, Frustrations, ...) and no date in its name; pass --kind to adopt it anyway"}
		}
	}
	if kind == model.KindInterview && date == "" && !keys["date"] {
		// date is required: adopted without one, the page would fail CI.
		return Plan{Skipped: "it has no date, in its name, its folder's or its front matter; add date: YYYY-MM-DD and import it again"}
	}
	return Plan{Writes: []Write{inPlace(rel, src, b, &fm, keys, kind, date, heads, opts)}, Why: why}
}

// Headings that mark a page as something other than a persona: a
// proposal's, a strategy page's, a research summary's own sections.
var (
	proposalHeadings = []string{"non-goals", "non goals", "nongoals", "motivation", "proposal", "design details",
		"alternatives", "drawbacks", "unresolved questions", "release plan", "dependencies"}
	strategyHeadings = []string{"mission", "vision", "strategy", "our values", "company values", "principles"}
	researchHeadings = []string{"methodology", "method", "participants", "findings", "key findings", "takeaways",
		"key takeaways", "recommendations", "outcomes", "interview outcomes", "research questions", "summary of findings"}
)

// notAPersona says what a page reads as when one of its headings is a
// proposal's, a strategy page's or a research summary's, or "".
func notAPersona(heads []heading) string {
	for _, h := range heads {
		t := strings.ToLower(strings.Trim(strings.TrimSpace(cleanName(h.text)), ":"))
		switch {
		case slices.Contains(proposalHeadings, t):
			return fmt.Sprintf("it reads as a proposal (its heading %q), not a persona page", h.text)
		case slices.Contains(strategyHeadings, t):
			return fmt.Sprintf("it reads as a strategy page (its heading %q), not a persona page", h.text)
		case slices.Contains(researchHeadings, t):
			return fmt.Sprintf("it reads as a research summary (its heading %q), not a persona page", h.text)
		}
	}
	return ""
}

// heading is one ATX or setext heading of a body.
type heading struct {
	level     int
	text      string
	anchor    string // an explicit {#id}, or ""
	lineStart int    // byte offset of the heading's first line
}

// headings lists a body's top-level headings in order.
func headings(body []byte) []heading {
	doc := goldmark.DefaultParser().Parse(text.NewReader(body))
	var out []heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		start := h.Lines().At(0).Start
		line := bytes.LastIndexByte(body[:start], '\n') + 1
		t := strings.TrimSpace(string(h.Lines().Value(body)))
		anchor := ""
		if m := explicitAnchor.FindStringSubmatch(t); m != nil {
			t, anchor = strings.TrimSpace(t[:len(t)-len(m[0])]), m[1]
		}
		out = append(out, heading{level: h.Level, text: t, anchor: anchor, lineStart: line})
	}
	return out
}

// explicitAnchor is a heading's {#custom-id}, as Hugo and Docusaurus
// write it.
var explicitAnchor = regexp.MustCompile(`\s*\{#([A-Za-z0-9_-]+)\}$`)

// sectionEnd is where the section of heads[i] ends: at the next heading of
// its level or above, or the end of the body.
func sectionEnd(body []byte, heads []heading, i int) int {
	for _, h := range heads[i+1:] {
		if h.level <= heads[i].level {
			return h.lineStart
		}
	}
	return len(body)
}

// afterHeading is where the text after a heading starts: past its line,
// and past the underline of a setext heading.
func afterHeading(body []byte, h heading) int {
	next := func(at int) int {
		if i := bytes.IndexByte(body[at:], '\n'); i >= 0 {
			return at + i + 1
		}
		return len(body)
	}
	at := next(h.lineStart)
	atx := bytes.HasPrefix(bytes.TrimLeft(body[h.lineStart:], " "), []byte("#"))
	if !atx && at < len(body) && setextUnderline.Match(body[at:next(at)]) {
		at = next(at)
	}
	return at
}

var setextUnderline = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*\r?\n?$`)

// personaHeadings finds the headings that each start one persona and
// their level: the level asked for, every heading there that is not a
// claim section itself; else the level where the most headings' sections
// (the heading itself aside) hold claim sections, at least two (a page
// that groups its personas under "User personas" and "Internal personas"
// splits at the personas, not the groups), the shallowest on a tie.
func personaHeadings(body []byte, heads []heading, opts Options) ([]int, int) {
	byLevel := map[int][]int{}
	for i, h := range heads {
		if opts.Sections.List(h.text) != "" {
			continue // a claim section itself, not a persona
		}
		if opts.HeadingLevel != 0 {
			if h.level == opts.HeadingLevel {
				byLevel[h.level] = append(byLevel[h.level], i)
			}
			continue
		}
		end := sectionEnd(body, heads, i)
		if claims.HasClaimSection(body[min(afterHeading(body, h), end):end], opts.Sections) {
			byLevel[h.level] = append(byLevel[h.level], i)
		}
	}
	best := 0
	for level := 1; level <= 6; level++ {
		if len(byLevel[level]) >= 2 && len(byLevel[level]) > len(byLevel[best]) {
			best = level
		}
	}
	return byLevel[best], best
}

// split writes each persona of a page to a file of its own.
func split(rel string, src []byte, b frontmatter.Block, _ *yaml.Node, personas []int, heads []heading, opts Options) []Write {
	nl := newline(src)
	dir := opts.OutDir
	if dir == "" {
		dir = path.Join(path.Dir(rel), "personas")
	}
	kept := keptEntries(b.Text)
	var out []Write
	given := map[string]bool{}
	for _, i := range personas {
		h := heads[i]
		base := anchorID(h)
		if slug.ReservedOnWindows(base) {
			base += "-persona" // con.md cannot be checked out on Windows
		}
		// A repeated anchor is numbered, as site generators number it, past
		// every id this page or the workspace already has: Fiona, Fiona,
		// Fiona 2 are fiona, fiona-2, fiona-2-2, never two fiona-2.
		id := base
		for n := 2; given[id] || takenElsewhere(opts.Taken, id, path.Join(dir, id+".md")); n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		given[id] = true
		end := sectionEnd(b.Body, heads, i)
		section := bytes.TrimLeft(b.Body[min(afterHeading(b.Body, h), end):end], "\r\n")
		var fm bytes.Buffer
		line := func(k, v string) { fmt.Fprintf(&fm, "%s: %s%s", k, v, nl) }
		fm.WriteString("---" + nl)
		line("kind", "persona")
		line("id", id)
		line("name", quote(orDefault(cleanName(h.text), id)))
		if opts.ICP != "" {
			line("icp", opts.ICP)
		}
		proto := !hasEvidence(section, nil, opts)
		if proto {
			line("status", "proto")
		}
		fm.Write(kept)
		fm.WriteString("---" + nl + nl)
		fm.Write(section)
		out = append(out, Write{Path: path.Join(dir, id+".md"), Content: fm.Bytes(), Kind: model.KindPersona, ID: id, Proto: proto, From: rel})
	}
	return out
}

// inPlace adds kind and what else the entity needs to the top of the
// page's front matter, or a front matter block when it has none.
func inPlace(rel string, src []byte, b frontmatter.Block, fm *yaml.Node, keys map[string]bool, kind model.Kind, date string, heads []heading, opts Options) Write {
	nl := newline(src)
	var add bytes.Buffer
	line := func(k, v string) { fmt.Fprintf(&add, "%s: %s%s", k, v, nl) }
	line("kind", string(kind))
	stem := frontmatter.Stem(rel)
	id := stem
	switch {
	case keys["id"]:
	case indexPage(stem) && path.Dir(rel) != ".":
		// README.md, index.md: the folder names the page (SPEC §12), so a
		// folder of them gives distinct ids.
		id = slug.Make(path.Base(path.Dir(rel)))
		line("id", id)
	case !slug.Valid(stem):
		id = slug.Make(stem)
		line("id", id)
	}
	proto := false
	switch kind {
	case model.KindPersona:
		if !keys["name"] && !keys["title"] {
			// Its H1, else its first heading: a persona has a name.
			if t := cleanName(firstH1(heads)); t != "" {
				line("name", quote(t))
			} else if len(heads) > 0 && cleanName(heads[0].text) != "" {
				line("name", quote(cleanName(heads[0].text)))
			}
		}
		if opts.ICP != "" && !keys["icp"] {
			line("icp", opts.ICP)
		}
		if !keys["status"] && !hasEvidence(b.Body, keys, opts) {
			line("status", "proto")
			proto = true
		}
		if keys["status"] {
			// A status of the page's own (provisional) that the contract
			// does not know becomes proto, the old value kept in a
			// comment: lint would call it a field-type error.
			if edited, ok := replaceStatus(src, b, fm, nl); ok {
				src, proto = edited, true
			}
		}
	case model.KindICP:
		if !keys["title"] {
			if t := cleanName(firstH1(heads)); t != "" {
				line("title", quote(t))
			}
		}
	case model.KindInterview:
		if !keys["date"] && date != "" {
			line("date", date)
		}
		if t := researchType(rel, firstH1(heads)); t != "" && !keys["type"] {
			line("type", t)
		}
		if opts.ICP != "" && !keys["icp"] {
			line("icp", opts.ICP)
		}
	}
	var content []byte
	if b.Format == frontmatter.None {
		content = append(append([]byte("---"+nl), add.Bytes()...), []byte("---"+nl)...)
		content = append(content, src...)
	} else {
		// After the opening delimiter line (and a byte order mark).
		first := bytes.IndexByte(src, '\n') + 1
		content = append(append(append([]byte{}, src[:first]...), add.Bytes()...), src[first:]...)
	}
	return Write{Path: rel, Content: content, InPlace: true, Kind: kind, ID: id, Proto: proto}
}

// hasEvidence reports whether a persona's page cites anything: sources in
// its front matter, or a Pandoc citation in its body.
func hasEvidence(body []byte, keys map[string]bool, opts Options) bool {
	if keys["sources"] {
		return true
	}
	found, links := claims.Read(body, 1, opts.Sections)
	if len(links) > 0 {
		return true // sources listed as links: external evidence
	}
	for _, c := range found {
		if len(c.Evidence) > 0 {
			return true
		}
	}
	return false
}

func firstH1(heads []heading) string {
	for _, h := range heads {
		if h.level == 1 {
			return h.text
		}
	}
	return ""
}

// takenElsewhere reports whether the workspace has a persona id in another
// file than target.
func takenElsewhere(taken map[string]string, id, target string) bool {
	at, ok := taken[id]
	return ok && at != target
}

// anchorID is the id of a persona split from a heading: its explicit
// anchor, or the anchor a site generator makes (lower case, punctuation
// dropped, spaces as dashes), as a slug.
func anchorID(h heading) string {
	if h.anchor != "" && slug.Valid(h.anchor) {
		return h.anchor
	}
	var b strings.Builder
	for _, r := range strings.ToLower(cleanName(h.text)) {
		switch {
		case r == ' ' || r == '-' || r == '_':
			b.WriteByte('-')
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7F:
			b.WriteRune(r)
		}
	}
	if id := strings.Trim(b.String(), "-"); slug.Valid(id) {
		return id
	}
	return slug.Make(cleanName(h.text))
}

// topKeys names the top-level keys of a front matter mapping.
func topKeys(doc *yaml.Node) map[string]bool {
	out := map[string]bool{}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		out[m.Content[i].Value] = true
	}
	return out
}

// pageOnly are the page's keys that describe the page, not each persona
// split from it.
var pageOnly = regexp.MustCompile(`^(id|name|title|linkTitle|slug|aliases|url|permalink|weight|sidebar_position|sidebar_label|menu|kind|status|icp)\s*:`)

// keptEntries is the page's front matter without the keys that describe
// the page itself: top-level entries (a key line and the indented or
// continued lines under it) as they were written.
func keptEntries(fm []byte) []byte {
	var out bytes.Buffer
	keep := true
	for _, l := range bytes.SplitAfter(fm, []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		if l[0] != ' ' && l[0] != '\t' && l[0] != '-' && l[0] != '#' && len(bytes.TrimSpace(l)) > 0 {
			keep = !pageOnly.Match(l)
		}
		if keep {
			out.Write(l)
		}
	}
	if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// quote writes s as a YAML double-quoted scalar (JSON's strings are YAML's).
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// newline is the page's line ending, so that added lines match it.
func newline(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// The dates interview notes carry in their names: 2019-06-24-..., or
// P1-06242019-0900 (month, day, year), or 20190624.
var (
	isoDate     = regexp.MustCompile(`(?:^|[^0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[^0-9]|$)`)
	compactDate = regexp.MustCompile(`(?:^|[^0-9])([0-9]{8})(?:[^0-9]|$)`)
)

// dateFromName finds a date in a file name, or "".
func dateFromName(name string) string {
	valid := func(y, m, d string) string {
		t, err := time.Parse("2006-01-02", y+"-"+m+"-"+d)
		if err != nil || t.Year() < 1970 || t.Year() > 2100 {
			return ""
		}
		return t.Format("2006-01-02")
	}
	if m := isoDate.FindStringSubmatch(name); m != nil {
		if d := valid(m[1], m[2], m[3]); d != "" {
			return d
		}
	}
	if m := compactDate.FindStringSubmatch(name); m != nil {
		s := m[1]
		if d := valid(s[:4], s[4:6], s[6:]); d != "" {
			return d // YYYYMMDD
		}
		return valid(s[4:], s[:2], s[2:4]) // MMDDYYYY, as US teams write it
	}
	return ""
}

// indexPage reports whether a file stem is a folder's index page, which
// takes its id from the folder.
func indexPage(stem string) bool {
	switch strings.ToLower(stem) {
	case "readme", "index", "_index":
		return true
	}
	return false
}

// Markup a heading may carry that is not part of a name.
var (
	htmlTag      = regexp.MustCompile(`<[^>]*>`)
	markdownImg  = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// cleanName is a heading's text as a name: no HTML, images, link markup,
// emphasis or emoji, single spaces (SPEC §12).
func cleanName(t string) string {
	t = markdownImg.ReplaceAllString(t, "")
	t = markdownLink.ReplaceAllString(t, "$1")
	t = htmlTag.ReplaceAllString(t, "")
	t = strings.Map(func(r rune) rune {
		switch {
		case r == '*' || r == '_' || r == '`':
			return -1
		case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || unicode.Is(unicode.Cf, r) ||
			unicode.Is(unicode.Mn, r) && r >= 0xFE00 && r <= 0xFE0F:
			return -1 // emoji, their modifiers, joiners and variation selectors
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, t)
	return strings.Join(strings.Fields(t), " ")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// replaceStatus rewrites a top-level status the contract does not know
// (status: provisional) as status: proto, keeping the old value in a
// comment: "status: proto # was: provisional". It declines a value it
// cannot rewrite on its line.
func replaceStatus(src []byte, b frontmatter.Block, fm *yaml.Node, nl string) ([]byte, bool) {
	if fm.Kind != yaml.DocumentNode || len(fm.Content) == 0 || fm.Content[0].Kind != yaml.MappingNode {
		return src, false
	}
	m := fm.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != "status" || v.Kind != yaml.ScalarNode || slices.Contains(statusValues(), v.Value) ||
			strings.ContainsAny(v.Value, "\r\n") || v.Line != k.Line {
			continue
		}
		lineNo := b.Line + k.Line - 1
		start, ok := textline.Start(src, lineNo)
		if !ok {
			return src, false
		}
		end := start + textline.Length(src[start:])
		old := string(src[start:end])
		edited := "status: proto # was: " + strings.TrimSpace(strings.TrimPrefix(old, "status:"))
		out := append(append(append([]byte{}, src[:start]...), edited...), src[end:]...)
		return out, true
	}
	return src, false
}

// statusValues are the statuses the contract knows.
func statusValues() []string {
	for _, k := range contract.Keys(model.KindPersona) {
		if k.Name == "status" {
			return k.Values
		}
	}
	return nil
}

// researchType is the kind of research a page's path or title names
// (a survey's summary, a usability test, a focus group), or "" for an
// interview, the default.
func researchType(rel, title string) string {
	text := strings.ToLower(rel + " " + title)
	switch {
	case strings.Contains(text, "survey"):
		return "survey"
	case strings.Contains(text, "usability"):
		return "usability-test"
	case strings.Contains(text, "focus group"), strings.Contains(text, "focus-group"):
		return "focus-group"
	}
	return ""
}

// personaTable reports whether body has a table whose header names claim
// lists (| Persona | Goals | Frustrations |): personas kept as rows.
func personaTable(body []byte, sections claims.Sections) bool {
	var prev []byte
	found := false
	frontmatter.Lines(body, func(_ int, line []byte) bool {
		t := bytes.TrimSpace(line)
		if tableRule.Match(t) && bytes.HasPrefix(bytes.TrimSpace(prev), []byte("|")) {
			for _, cell := range bytes.Split(bytes.Trim(bytes.TrimSpace(prev), "|"), []byte("|")) {
				if sections.List(string(cell)) != "" {
					found = true
					return false
				}
			}
		}
		prev = line
		return true
	})
	return found
}

// tableRule is a Markdown table's delimiter row: | --- | :---: |.
var tableRule = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$`)
