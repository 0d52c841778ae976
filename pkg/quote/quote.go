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
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// normalize folds s for matching: the folded text, and marks of where in
// it each line of s (0-based) begins, for lines that left any text.
func normalize(s string) (string, []lineMark) {
	if isASCII(s) {
		// NFKC leaves ASCII as it is, and its case folding is lower case.
		s = strings.ToLower(s)
	} else {
		// Invalid bytes become U+FFFD first, or NFKC leaves what
		// follows them.
		s = strings.ToValidUTF8(s, "\uFFFD")
		s = norm.NFKC.String(cases.Fold().String(norm.NFKC.String(s)))
	}
	s = strings.ReplaceAll(s, "…", "...")
	out := make([]byte, 0, len(s))
	var marks []lineMark
	line := 0
	atLineStart := true
	lastSpace := true // no space at the start
	for _, r := range s {
		if r == '\n' {
			line++
			atLineStart = true
		} else if atLineStart && (r == '>' || r == ' ' || r == '\t') {
			continue // blockquote markers and indentation
		} else {
			atLineStart = false
		}
		f := fold(r)
		if f < 0 || f == ' ' && lastSpace {
			continue
		}
		if len(marks) == 0 || marks[len(marks)-1].line != line {
			marks = append(marks, lineMark{len(out), line})
		}
		out = utf8.AppendRune(out, f)
		lastSpace = f == ' '
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out), marks
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
func parts(q string) []string {
	n, _ := normalize(citation.ReplaceAllString(q, ""))
	if len(n) >= 2 && (n[0] == '"' || n[0] == '\'') && n[len(n)-1] == n[0] {
		n = n[1 : len(n)-1]
	}
	var out []string
	for _, p := range ellipsis.Split(n, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Text is an interview's notes, normalised once for any number of quotes.
type Text struct {
	flat  string
	marks []lineMark
}

// NewText normalises an interview body.
func NewText(body string) *Text {
	flat, marks := normalize(body)
	return &Text{flat: flat, marks: marks}
}

// Occurs reports whether quote occurs in the text: each part between
// ellipses, in order.
func (t *Text) Occurs(quote string) bool {
	_, ok := t.Locate(quote)
	return ok
}

// Locate is Occurs that also says on which line (0-based) of the text the
// quote starts.
func (t *Text) Locate(quote string) (int, bool) {
	ps := parts(quote)
	if len(ps) == 0 {
		return 0, false
	}
	from, start := 0, -1
	for _, p := range ps {
		i := strings.Index(t.flat[from:], p)
		if i < 0 {
			return 0, false
		}
		if start < 0 {
			start = from + i
		}
		from += i + len(p)
	}
	return lineAt(t.marks, start), true
}

// Passage is the stretch of an interview closest to a quote that does not
// occur in it.
type Passage struct {
	Line    int    // 0-based line of the body where it starts
	Text    string // normalised, as long as the quote
	Percent int    // share of the quote's words it holds, 0-100
}

// Closest finds the window of the text, as many words long as the quote,
// that holds most of the quote's words (counted with repetition). It
// slides over the text once, so time stays linear in the interview's size.
func (t *Text) Closest(quote string) Passage {
	want := map[string]int{}
	n := 0
	for _, p := range parts(quote) {
		for _, w := range strings.Fields(p) {
			want[w]++
			n++
		}
	}
	words, starts := t.words()
	if n == 0 || len(words) == 0 {
		return Passage{}
	}
	size := min(n, len(words))
	have := map[string]int{}
	hits := 0
	add := func(w string, d int) {
		before := min(have[w], want[w])
		have[w] += d
		hits += min(have[w], want[w]) - before
	}
	best, bestAt := -1, 0
	for i, w := range words {
		add(w, 1)
		if i >= size {
			add(words[i-size], -1)
		}
		if i >= size-1 && hits > best {
			best, bestAt = hits, i-size+1
		}
	}
	end := len(t.flat)
	if bestAt+size < len(starts) {
		end = starts[bestAt+size] - 1
	}
	return Passage{
		Line:    lineAt(t.marks, starts[bestAt]),
		Text:    t.flat[starts[bestAt]:end],
		Percent: best * 100 / n,
	}
}

// words splits the text at spaces: each word and the byte offset it
// starts at.
func (t *Text) words() ([]string, []int) {
	var words []string
	var starts []int
	start := -1
	for i := 0; i < len(t.flat); i++ {
		if t.flat[i] == ' ' {
			if start >= 0 {
				words, starts = append(words, t.flat[start:i]), append(starts, start)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words, starts = append(words, t.flat[start:]), append(starts, start)
	}
	return words, starts
}

// Words are a text's words for comparing claims: normalised as quotes are,
// split at spaces and punctuation, without stop words, as a set.
func Words(s string) map[string]bool {
	n, _ := normalize(s)
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !stopWord(w) {
			out[w] = true
		}
	}
	return out
}

// Jaccard is the share of two word sets' union they have in common.
func Jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// stopWord reports the English words that carry no claim of their own.
func stopWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
		"is", "are", "be", "was", "were", "it", "its", "this", "that", "their", "they", "them", "our", "we",
		"i", "my", "me", "you", "your", "as", "so", "not", "no", "do", "does", "can", "will", "would", "has", "have":
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
