package textsafe

import (
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// HTML makes a rendered HTML document valid whatever user text went into
// it: html/template escapes markup, but passes control characters, C1
// controls, Unicode noncharacters and invalid UTF-8 through, which the
// HTML standard forbids (a file named "bell\a.md" would make the page
// invalid). Each is written as a visible escape (\x07, \u0085), as Line
// writes them; tabs and line breaks stay. The templates themselves hold
// none, so only user text changes. It returns doc itself when nothing
// needs escaping.
func HTML(doc []byte) []byte {
	i := firstForbidden(doc)
	if i < 0 {
		return doc
	}
	out := make([]byte, 0, len(doc)+32)
	for i >= 0 {
		out = append(out, doc[:i]...)
		r, size := utf8.DecodeRune(doc[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, doc[i])
		case r < 0x80:
			out = fmt.Appendf(out, `\x%02x`, r)
		default:
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		doc = doc[i+size:]
		i = firstForbidden(doc)
	}
	return append(out, doc...)
}

// firstForbidden is the offset of the first code point HTML forbids in a
// document, or -1.
func firstForbidden(b []byte) int {
	for i := 0; i < len(b); {
		// Eight printable ASCII bytes at a time: a report is tens of
		// megabytes, nearly all of it such bytes. A word passes when no
		// byte has its top bit set, is below 0x20 (hasless), or is 0x7F
		// (adding 1 to it sets the top bit).
		for i+8 <= len(b) {
			w := binary.LittleEndian.Uint64(b[i:])
			if (w|(w-0x20*ones)&^w|(w+ones))&tops != 0 {
				break
			}
			i += 8
		}
		if i == len(b) {
			break
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || forbiddenRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// The eight-byte words firstForbidden works on.
const (
	ones = 0x0101010101010101
	tops = 0x8080808080808080
)

// forbiddenRune is a C1 control or a noncharacter.
func forbiddenRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe
}
