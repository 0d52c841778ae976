package rules

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/textsafe"
)

// placeholderText finds template text left in an entity: a scaffolded
// persona full of "TODO: a goal you heard in interviews" is as made up as
// one written from nothing, and its placeholders would go into reports.
type placeholderText struct{ meta }

func placeholderTextRule() *placeholderText {
	return &placeholderText{meta{"placeholder-text", lint.Error,
		"a front-matter value or body line still holds template text (TODO, TBD, lorem ipsum, an unrendered {{ }}, a built-in template's placeholder)",
		"persona new writes TODO where only you can fill in what you learned; a scaffolded entity is not a finished one until every TODO is replaced."}}
}

// placeholderPattern matches, in order of the alternatives: the built-in
// templates' marker TODO (upper case, a whole word: "TODO: the job title",
// "TODO-industry"), TBD, lorem ipsum (as it is written: Lorem, lorem or
// LOREM), a Go or Handlebars template action
// ({{ .Name }}; Hugo shortcodes {{< >}} and {{% %}} are not), and the
// placeholders of templates before TODO ("Replace with …", replace-with-…).
var placeholderPattern = regexp.MustCompile(`\bTODO\b|\bTBD\b|\b[Ll]orem ipsum\b|\bLOREM IPSUM\b|\{\{-?\s*[.$A-Za-z(][^}]*\}\}|\breplace-with-[a-z]|"Replace with `)

// spokenPattern is what counts in an interview's notes (SPEC §3): the
// templates' markers (TODO-region, "TODO: their job title") and template
// expressions only; a bare TODO or TBD, or lorem ipsum, is what was said.
var spokenPattern = regexp.MustCompile(`\bTODO(?:-[a-z]|:)|\{\{-?\s*[.$A-Za-z(][^}]*\}\}|\breplace-with-[a-z]|"Replace with `)

// jsxObject is a template-looking match that is a JSX object literal in an
// MDX page (style={{border: 'none'}}): an attribute's value, or a key and
// a colon inside.
var jsxObject = regexp.MustCompile(`^\{\{\s*[A-Za-z_$][\w$]*\s*:`)

// findPlaceholder is the first match of pattern in line that is template
// text, not a JSX object.
func findPlaceholder(pattern *regexp.Regexp, line []byte) []int {
	for _, loc := range pattern.FindAllIndex(line, -1) {
		if line[loc[0]] == '{' && (jsxObject.Match(line[loc[0]:loc[1]]) || bytes.HasSuffix(bytes.TrimRight(line[:loc[0]], " \t"), []byte("="))) {
			continue
		}
		return loc
	}
	return nil
}

func (r *placeholderText) CheckText(doc *model.Document, _ []byte, b frontmatter.Block) []model.Problem {
	var out []model.Problem
	pattern := placeholderPattern
	check := func(lineNo int, line []byte) {
		if !mayHoldPlaceholder(line) {
			return
		}
		loc := findPlaceholder(pattern, line)
		if loc == nil {
			return
		}
		// Show the placeholder with the words after its marker, up to
		// the end of the value: "TODO: the job title", not just "TODO".
		start := loc[0]
		if line[start] == '"' {
			start++
		}
		end := loc[1]
		if rest := bytes.IndexAny(line[end:], "\"',]}"); rest >= 0 {
			end += rest
		} else {
			end = len(line)
		}
		found := strings.TrimRight(string(line[start:end]), " .;")
		out = append(out, model.Problem{Rule: r.id, Pos: model.Pos{Line: int32(lineNo), Column: int32(column(line, loc[0]))},
			Message: "template text " + quoteShort(found) + " is still here; replace it with what you learned from customers, or delete it"})
	}
	// Almost no file holds a marker at all: one look over each part
	// spares the line-by-line scan.
	if b.Format == frontmatter.YAML && mayHoldPlaceholder(b.Text) {
		frontmatter.Lines(b.Text, func(n int, line []byte) bool {
			check(b.Line+n-1, stripYAMLComment(line))
			return true
		})
	}
	if !mayHoldPlaceholder(b.Body) {
		return out
	}
	if doc != nil && doc.Kind == model.KindInterview {
		pattern = spokenPattern
	}
	fence := []byte(nil)
	frontmatter.Lines(b.Body, func(n int, line []byte) bool {
		// Code shows text as it is; a TODO in an example is not one here.
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case fence != nil:
			if bytes.HasPrefix(trimmed, fence) {
				fence = nil
			}
		case bytes.HasPrefix(trimmed, []byte("```")), bytes.HasPrefix(trimmed, []byte("~~~")):
			fence = trimmed[:3]
		default:
			check(b.BodyLine+n-1, line)
		}
		return true
	})
	return out
}

// mayHoldPlaceholder is true when text contains what every match of
// placeholderPattern contains; other text skips the expression. It runs on
// every entity, so each needle is found from a byte that is rare in prose
// where it has one ('T' of TODO and TBD, '{', 'P' of IPSUM, the hyphen of
// -with-, 'R' of "Replace with") and otherwise from its least frequent
// letter in the prose of our corpora and examples (the 'm' of ipsum, on par
// with 'p' in docs and half as frequent in business writing), checked in
// place.
func mayHoldPlaceholder(text []byte) bool {
	return hasNeedle(text, "TODO", 0) || hasNeedle(text, "TBD", 0) || hasNeedle(text, "{{", 0) ||
		hasNeedle(text, "ipsum", 4) || hasNeedle(text, "IPSUM", 1) ||
		hasNeedle(text, "-with-", 0) || hasNeedle(text, `"Replace with `, 1)
}

// hasNeedle reports whether text contains needle, searching for the byte
// at needle[anchor] in vector instructions and comparing the rest there.
func hasNeedle(text []byte, needle string, anchor int) bool {
	c := needle[anchor]
	for i := anchor; i < len(text); {
		j := bytes.IndexByte(text[i:], c)
		if j < 0 {
			return false
		}
		i += j
		if start := i - anchor; start+len(needle) <= len(text) && string(text[start:start+len(needle)]) == needle {
			return true
		}
		i++
	}
	return false
}

// stripYAMLComment cuts a YAML line at its comment: a '#' at the start or
// after a space, outside quotes. Comments are guidance, not values.
func stripYAMLComment(line []byte) []byte {
	var quote byte
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}

// quoteShort quotes s for a message, cut to a readable length.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return "\"" + textsafe.Line(s) + "\""
}
