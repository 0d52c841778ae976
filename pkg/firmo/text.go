package firmo

import (
	"strings"
)

// IsSeparator reports whether b separates words in industries,
// technologies and country names: ASCII punctuation and the space. Other
// bytes (letters, digits, every byte of a non-ASCII character) are word
// characters. The SQL a warehouse runs (pkg/matchsql) lists exactly these
// bytes, so both read a cell alike.
func IsSeparator(b byte) bool {
	return b == ' ' || (b >= '!' && b <= '/') || (b >= ':' && b <= '@') || (b >= '[' && b <= '`') || (b >= '{' && b <= '~')
}

// Separators lists the bytes IsSeparator accepts, in byte order.
func Separators() []byte {
	var out []byte
	for b := 0; b < 0x80; b++ {
		if IsSeparator(byte(b)) {
			out = append(out, byte(b))
		}
	}
	return out
}

// WordText is the form industries are matched in: ASCII letters
// lower-cased, & read as " and ", every separator a space, every space
// doubled, and a space at each end. A phrase occurs as whole words in
// order when each of its words, written " word ", is found after the one
// before (Phrase.In): the doubled spaces let two such pieces sit side by
// side, as SQL's LIKE '% a % b %' needs.
func WordText(s string) string {
	var b strings.Builder
	b.Grow(2*len(s) + 2)
	b.WriteByte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			b.WriteString("  and  ") // " and ", each space doubled
		case IsSeparator(c):
			b.WriteString("  ")
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(' ')
	return b.String()
}

// HasWords reports whether a WordText holds any word.
func HasWords(wordText string) bool { return strings.Trim(wordText, " ") != "" }

// Words splits text into its lower-cased words, as WordText separates them.
func Words(s string) []string {
	var out []string
	for _, w := range strings.Split(WordText(s), " ") {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Phrase is a sequence of pieces that must occur in order in a WordText,
// each a word or words written " a  b " (two spaces between).
type Phrase []string

// In reports whether the phrase occurs in a WordText: each piece after the
// one before, as LIKE '%piece1%piece2%' finds it.
func (p Phrase) In(wordText string) bool {
	rest := wordText
	for _, piece := range p {
		i := strings.Index(rest, piece)
		if i < 0 {
			return false
		}
		rest = rest[i+len(piece):]
	}
	return len(p) > 0
}

// IndustryPhrases are the phrases an ICP industry fits: its words in order
// and, for a one-word industry, the word written as two (healthcare fits
// "Health Care"). Nothing for an industry with no word.
func IndustryPhrases(industry string) []Phrase {
	ws := Words(industry)
	if len(ws) == 0 {
		return nil
	}
	whole := make(Phrase, len(ws))
	for i, w := range ws {
		whole[i] = " " + w + " "
	}
	out := []Phrase{whole}
	if len(ws) == 1 {
		w := ws[0]
		for i := 1; i < len(w); i++ {
			if w[i] >= 0x80 || w[i-1] >= 0x80 {
				continue // never split inside a character
			}
			out = append(out, Phrase{" " + w[:i] + "  " + w[i:] + " "})
		}
	}
	return out
}

// Key is the form technologies and country names are compared in: ASCII
// letters lower-cased, & read as "and", separators dropped ("Net Suite",
// "NetSuite" and "netsuite" are one key).
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			b.WriteString("and")
		case IsSeparator(c):
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// IsListSeparator reports whether b separates the items of a technology
// list: ; , and |.
func IsListSeparator(b byte) bool { return b == ';' || b == ',' || b == '|' }

// TechKeys splits a technology list on ; , and | and keys each item,
// leaving out items with no key.
func TechKeys(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || IsListSeparator(s[i]) {
			if k := Key(s[start:i]); k != "" {
				out = append(out, k)
			}
			start = i + 1
		}
	}
	return out
}
