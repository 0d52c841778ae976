// Package textsafe makes user text (ids, names, keys, file names, messages)
// safe to print where a person or a log parser reads it: a newline cannot
// start a forged line (a GitHub workflow command), and an escape sequence
// cannot reach the terminal. Every human-readable output goes through it.
package textsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line renders s on one line with every control character (C0, DEL, C1,
// and the Unicode line and paragraph separators) written as an escape:
// \n, \r, \t, \x1b, \u2028. Backslashes themselves are left alone, so
// ordinary Windows-style text reads as written.
func Line(s string) string { return escape(s, false) }

// KeepBreaks is Line for formats that encode line breaks themselves (GitHub
// workflow commands turn them into %0A): CR and LF pass through unchanged.
func KeepBreaks(s string) string { return escape(s, true) }

func escape(s string, keepBreaks bool) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepBreaks && (r == '\n' || r == '\r'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	// Most text is printable ASCII, which never needs escaping: a byte
	// loop decides it without decoding runes.
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return false
	}
	return strings.ContainsFunc(s[i:], func(r rune) bool { return r == utf8.RuneError || unsafeRune(r) })
}

// unsafeRune is a control character (C0, DEL, C1), a line or paragraph
// separator, or a bidirectional override that can make text read
// differently than it is.
func unsafeRune(r rune) bool {
	return unicode.Is(unicode.Cc, r) || r == 0x2028 || r == 0x2029 ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// CSVCell is Line for a spreadsheet cell: it also defuses a cell that a
// spreadsheet would run as a formula (one starting with =, +, -, @, a tab
// or a carriage return), as OWASP recommends, with a leading apostrophe
// that makes it text.
func CSVCell(s string) string {
	s = Line(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
