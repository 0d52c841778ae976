// Package mdguard decides, in linear time, whether a Markdown body is
// safe to hand to a CommonMark parser. Parsers spend time that grows with the
// square of nesting depth and of unmatched emphasis or link delimiters in one
// paragraph, so a few hundred kilobytes of `>` or `[a](` take minutes.
// Bodies over these limits are shown as plain text instead (body-too-complex).
package mdguard

import (
	"bytes"
	"fmt"
)

// The limits, far above what hand-written prose reaches.
const (
	// MaxBodySize is the largest body parsed as Markdown.
	MaxBodySize = 1 << 20
	// MaxQuoteDepth bounds nested blockquote markers at the start of a line.
	MaxQuoteDepth = 32
	// MaxIndent bounds a line's indentation in columns (list nesting).
	MaxIndent = 128
	// MaxTableColumns bounds the pipes in one line (table width).
	MaxTableColumns = 128
	// MaxDelimiters bounds emphasis and link delimiters in one paragraph.
	MaxDelimiters = 512
)

// Problem says which limit a body exceeds and where.
type Problem struct {
	// Line is the 1-based line of the body where the limit was passed
	// (1 for the size limit).
	Line   int
	Reason string
}

// Check returns nil when body may be parsed, or the first limit it exceeds.
func Check(body []byte) *Problem { return CheckUpTo(body, MaxBodySize) }

// CheckUpTo is Check with another size limit, for a command that parses
// one large page once (persona import of a handbook page of thousands of
// personas) rather than every body of a workspace; the nesting limits stay.
func CheckUpTo(body []byte, maxSize int) *Problem {
	if len(body) > maxSize {
		return &Problem{Line: 1, Reason: fmt.Sprintf("it is larger than %d KiB", maxSize>>10)}
	}
	if clearlySafe(body) {
		return nil
	}
	return checkLines(body)
}

// checkLines is Check line by line, to name the line where a limit is
// passed.
func checkLines(body []byte) *Problem {
	line, delims := 1, 0
	for start := 0; start < len(body); line++ {
		end := start
		for end < len(body) && body[end] != '\n' && body[end] != '\r' {
			end++
		}
		l := body[start:end]
		indent, quotes, i := 0, 0, 0
	prefix:
		for ; i < len(l); i++ {
			switch l[i] {
			case ' ':
				indent++
			case '\t':
				indent += 4
			case '>':
				quotes++
			default:
				break prefix
			}
		}
		switch {
		case quotes > MaxQuoteDepth:
			return &Problem{Line: line, Reason: fmt.Sprintf("blockquotes nest more than %d deep", MaxQuoteDepth)}
		case indent > MaxIndent:
			return &Problem{Line: line, Reason: fmt.Sprintf("a line is indented more than %d columns", MaxIndent)}
		}
		if i == len(l) || startsBlock(l[i:]) {
			delims = 0 // a blank line or a new block ends the paragraph
		}
		pipes := 0
		for _, c := range l[i:] {
			switch c {
			case '|':
				pipes++
			case '*', '_', '[', ']':
				delims++
			}
		}
		switch {
		case pipes > MaxTableColumns:
			return &Problem{Line: line, Reason: fmt.Sprintf("a table row has more than %d columns", MaxTableColumns)}
		case delims > MaxDelimiters:
			return &Problem{Line: line, Reason: fmt.Sprintf("a paragraph holds more than %d emphasis or link markers", MaxDelimiters)}
		}
		start = end
		if start < len(body) && body[start] == '\r' {
			start++
		}
		if start < len(body) && body[start] == '\n' {
			start++
		}
	}
	return nil
}

// clearlySafe is the quick answer for ordinary prose, which every body of
// every file is first: when the whole body holds too few markers for any
// line or paragraph to pass a limit, only indentation is left to check.
// The byte counts run in vector instructions, several times faster than
// the line-by-line walk that Check falls back to for the exact line.
func clearlySafe(body []byte) bool {
	count := func(c byte) int { return bytes.Count(body, []byte{c}) }
	if count('\r') > 0 || count('>') > MaxQuoteDepth || count('|') > MaxTableColumns ||
		count('*')+count('_')+count('[')+count(']') > MaxDelimiters {
		return false
	}
	for start := 0; start < len(body); {
		indent := 0
		for i := start; i < len(body) && (body[i] == ' ' || body[i] == '\t' || body[i] == '>'); i++ {
			switch body[i] {
			case ' ':
				indent++
			case '\t':
				indent += 4
			}
		}
		if indent > MaxIndent {
			return false
		}
		nl := bytes.IndexByte(body[start:], '\n')
		if nl < 0 {
			break
		}
		start += nl + 1
	}
	return true
}

// startsBlock reports whether a line (after its indentation) opens a block
// of its own: a heading, a list item or a table row, each parsed apart.
func startsBlock(l []byte) bool {
	switch {
	case l[0] == '#' || l[0] == '|':
		return true
	case (l[0] == '-' || l[0] == '*' || l[0] == '+') && len(l) > 1 && (l[1] == ' ' || l[1] == '\t'):
		return true
	}
	n := 0
	for n < len(l) && n < 9 && l[n] >= '0' && l[n] <= '9' {
		n++
	}
	return n > 0 && n+1 < len(l) && (l[n] == '.' || l[n] == ')') && (l[n+1] == ' ' || l[n+1] == '\t')
}
