package langserver

import (
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// lineIndex converts between the three ways positions are counted: persona's
// (1-based lines, 1-based Unicode code point columns, as findings and fixes
// have them), LSP's (0-based lines, 0-based UTF-16 code units) and byte
// offsets. LF, CRLF and a lone CR each end a line, in both.
type lineIndex struct {
	text   []byte
	starts []int // byte offset of each line's first byte
}

func newLineIndex(text []byte) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case '\n':
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts}
}

// lines is how many lines the text has (a final line end starts an empty one).
func (l *lineIndex) lines() int { return len(l.starts) }

// line returns line n (0-based) without its terminator; nil past the end.
func (l *lineIndex) line(n int) []byte {
	if n < 0 || n >= len(l.starts) {
		return nil
	}
	end := len(l.text)
	if n+1 < len(l.starts) {
		end = l.starts[n+1]
	}
	b := l.text[l.starts[n]:end]
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// fromPersona converts a 1-based line and code point column into an LSP
// position. A column past the line's end stays at its end; a line past the
// text's end is clamped to the last line.
func (l *lineIndex) fromPersona(line, column int) protocol.Position {
	n := min(max(line-1, 0), len(l.starts)-1)
	b := l.line(n)
	units := 0
	for col := 1; col < column && len(b) > 0; col++ {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		units += utf16Len(r)
	}
	return protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(units)}
}

// offset converts an LSP position into a byte offset, clamped to the line
// (a character past its end means its end) and to the text.
func (l *lineIndex) offset(p protocol.Position) int {
	n := int(p.Line)
	if n >= len(l.starts) {
		return len(l.text)
	}
	b := l.line(n)
	at, units := 0, 0
	for at < len(b) && units < int(p.Character) {
		r, size := utf8.DecodeRune(b[at:])
		at += size
		units += utf16Len(r)
	}
	return l.starts[n] + at
}

// position converts a byte offset into an LSP position.
func (l *lineIndex) position(off int) protocol.Position {
	off = min(max(off, 0), len(l.text))
	n := 0
	lo, hi := 0, len(l.starts)-1
	for lo <= hi { // the last line starting at or before off
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			n, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	b := l.line(n)
	units := 0
	for at := 0; at < len(b) && l.starts[n]+at < off; {
		r, size := utf8.DecodeRune(b[at:])
		at += size
		units += utf16Len(r)
	}
	return protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(units)}
}

// column converts an LSP position into persona's 1-based line and code
// point column.
func (l *lineIndex) column(p protocol.Position) (line, column int) {
	off := l.offset(p)
	n := min(int(p.Line), len(l.starts)-1)
	return n + 1, utf8.RuneCount(l.text[l.starts[n]:max(off, l.starts[n])]) + 1
}

// utf16Len is how many UTF-16 code units r takes; invalid bytes, decoded
// as U+FFFD, take one.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
