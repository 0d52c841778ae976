// Package textline says once what a line is (SPEC §3): LF, CRLF or a lone
// CR ends one, as editors and the Language Server Protocol count them;
// U+2028, U+2029 and U+0085 are characters inside a line. Every position
// persona reports or edits counts lines this way.
package textline

import "bytes"

// Next splits b at the end of its first line: the line without its ending,
// and what follows the ending.
func Next(b []byte) (line, rest []byte) {
	i := bytes.IndexAny(b, "\r\n")
	if i < 0 {
		return b, nil
	}
	if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
		return b[:i], b[i+2:]
	}
	return b[:i], b[i+1:]
}

// Start returns the byte offset of line n (1-based) in src, or false when
// src has fewer lines.
func Start(src []byte, n int) (int, bool) {
	if n < 1 {
		return 0, false
	}
	off := 0
	for ; n > 1; n-- {
		i := bytes.IndexAny(src[off:], "\r\n")
		if i < 0 {
			return 0, false
		}
		off += i + 1
		if src[off-1] == '\r' && off < len(src) && src[off] == '\n' {
			off++
		}
	}
	return off, true
}

// Length is the length of the line at the start of b, without its ending.
func Length(b []byte) int {
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		return i
	}
	return len(b)
}

// EndingLength is the length of the line ending at the start of b: 2 for
// CRLF, 1 for LF or a lone CR, 0 at the end of the text.
func EndingLength(b []byte) int {
	switch {
	case bytes.HasPrefix(b, []byte("\r\n")):
		return 2
	case len(b) > 0 && (b[0] == '\n' || b[0] == '\r'):
		return 1
	}
	return 0
}

// ToLF is src with every line ending (CRLF or a lone CR) written as LF.
func ToLF(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for len(src) > 0 {
		line, rest := Next(src)
		out = append(out, line...)
		if EndingLength(src[len(line):]) > 0 {
			out = append(out, '\n')
		}
		src = rest
	}
	return out
}

// Each calls fn with every line of src, without its ending, and its
// 1-based number; it stops early when fn returns false.
func Each(src []byte, fn func(n int, line []byte) bool) {
	for n := 1; len(src) > 0; n++ {
		l, rest := Next(src)
		if !fn(n, l) {
			return
		}
		src = rest
	}
}
