package reporthtml

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// plainMarkdown renders the Markdown most entity bodies are written in —
// ATX headings, paragraphs and tight bullet and numbered lists of plain
// text, with Pandoc citations ([@id]) — into
// exactly what goldmark with newBodyRenderer writes for it, and declines
// anything else, which goldmark then renders. goldmark builds a tree of
// nodes and segments for every body and walks it twice; for a body of
// headings and prose that is nearly all of an HTML report's extra time
// over lint.
//
// Plain text here holds no character that starts Markdown inline syntax
// or needs escaping beyond the double quote: no backslash, backquote,
// `*`, `_`, `[`, `]`, `<`, `>`, `&`, `~`, `|`, `#` or `!`, and no tab,
// carriage return or other control character; but `[@`, then plain ASCII,
// then `]` at the end or before a space, `.`, `,` or `;` is a citation,
// which goldmark leaves as text since nothing defines it as a link (no
// line may open with `[`). A line may not open with
// anything that could start another block (a digit, `-` outside a list
// item, `+`, `=`, `:`, a space), and a paragraph line may not end in two spaces
// (a hard break). FuzzPlainMarkdown holds it to goldmark on every body it
// renders.
type plainMarkdown struct {
	blocks []plainBlock // reused from body to body
	ascii  [256]bool    // the bytes that are plain text by themselves
}

func newPlainMarkdown() *plainMarkdown {
	pm := &plainMarkdown{}
	for c := range 256 {
		pm.ascii[c] = plainASCII(byte(c))
	}
	return pm
}

type plainBlock struct {
	kind       byte // 'h' heading, 'p' paragraph, 'l' list, 'o' numbered list
	level      int  // a heading's; a numbered list's first number
	start, end int  // byte offsets of the block's first line and after its last
}

// render appends the HTML of src to out, its top heading at level, and
// reports whether src was plain; when it was not, out is as it was.
func (pm *plainMarkdown) render(out *bytes.Buffer, src []byte, level int) bool {
	if !pm.parse(src) {
		return false
	}
	top := 6
	for _, b := range pm.blocks {
		if b.kind == 'h' {
			top = min(top, b.level)
		}
	}
	shift := max(level-top, 0)
	for _, b := range pm.blocks {
		switch b.kind {
		case 'h':
			l := byte('0' + min(b.level+shift, 6))
			out.WriteString("<h")
			out.WriteByte(l)
			out.WriteByte('>')
			writePlainText(out, headingText(src[b.start:b.end]))
			out.WriteString("</h")
			out.WriteByte(l)
			out.WriteString(">\n")
		case 'p':
			out.WriteString("<p>")
			forLines(src[b.start:b.end], func(line []byte, last bool) {
				writePlainText(out, bytes.TrimRight(line, " "))
				if !last {
					out.WriteByte('\n')
				}
			})
			out.WriteString("</p>\n")
		case 'l':
			out.WriteString("<ul>\n")
			forLines(src[b.start:b.end], func(line []byte, _ bool) {
				out.WriteString("<li>")
				writePlainText(out, bytes.TrimRight(line[2:], " "))
				out.WriteString("</li>\n")
			})
			out.WriteString("</ul>\n")
		case 'o':
			if b.level == 1 {
				out.WriteString("<ol>\n")
			} else {
				out.WriteString(`<ol start="`)
				out.WriteString(strconv.Itoa(b.level))
				out.WriteString("\">\n")
			}
			forLines(src[b.start:b.end], func(line []byte, _ bool) {
				_, item, _ := numberedItem(line)
				out.WriteString("<li>")
				writePlainText(out, bytes.TrimRight(item, " "))
				out.WriteString("</li>\n")
			})
			out.WriteString("</ol>\n")
		}
	}
	return true
}

// parse splits src into blocks, or reports that it is not plain.
func (pm *plainMarkdown) parse(src []byte) bool {
	pm.blocks = pm.blocks[:0]
	open := -1 // the paragraph or list that the next line may continue
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		switch {
		case len(bytes.TrimLeft(line, " ")) == 0:
			if open >= 0 && pm.blocks[open].kind != 'p' && !listEndsAt(src[end:]) {
				return false
			}
			open = -1
		case line[0] == '#':
			l := 0
			for l < len(line) && line[l] == '#' {
				l++
			}
			text := headingText(line)
			if l > 6 || l == len(line) || line[l] != ' ' || len(text) == 0 || !pm.plainText(text) {
				return false
			}
			pm.blocks = append(pm.blocks, plainBlock{kind: 'h', level: l, start: start, end: end})
			open = -1
		case line[0] == '-':
			if len(line) < 3 || line[1] != ' ' || line[2] == ' ' || !pm.plainLine(line[2:]) ||
				open >= 0 && pm.blocks[open].kind != 'l' {
				return false
			}
			if open < 0 {
				pm.blocks = append(pm.blocks, plainBlock{kind: 'l', start: start})
				open = len(pm.blocks) - 1
			}
			pm.blocks[open].end = end
		case line[0] >= '0' && line[0] <= '9':
			// A numbered item; any other line opening with a digit is
			// declined by plainLine below.
			number, item, ok := numberedItem(line)
			if !ok || !pm.plainLine(item) || open >= 0 && pm.blocks[open].kind != 'o' {
				return false
			}
			if open < 0 {
				pm.blocks = append(pm.blocks, plainBlock{kind: 'o', level: number, start: start})
				open = len(pm.blocks) - 1
			}
			pm.blocks[open].end = end
		default:
			if !pm.plainLine(line) || open >= 0 && pm.blocks[open].kind != 'p' {
				return false
			}
			if open < 0 {
				pm.blocks = append(pm.blocks, plainBlock{kind: 'p', start: start})
				open = len(pm.blocks) - 1
			} else if b := pm.blocks[open]; bytes.HasSuffix(src[b.start:b.end], []byte("  ")) {
				// The line before ended in a hard break.
				return false
			}
			pm.blocks[open].end = end
		}
		start = end + 1
	}
	return len(pm.blocks) > 0
}

// listEndsAt reports whether a list followed by a blank line and then rest
// ends there: the next line that is not blank neither starts another item
// (the list would be loose) nor is indented (it would continue the item).
func listEndsAt(rest []byte) bool {
	for len(rest) > 0 {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		line := rest[:i]
		if len(bytes.TrimLeft(line, " ")) > 0 {
			return line[0] != '-' && line[0] != ' ' && (line[0] < '0' || line[0] > '9')
		}
		rest = rest[min(i+1, len(rest)):]
	}
	return true
}

// numberedItem reads a numbered list item, "N. text": its number (at
// most nine digits, without a leading zero) and its text, which starts
// after one space.
func numberedItem(line []byte) (number int, item []byte, ok bool) {
	digits := 0
	for digits < len(line) && line[digits] >= '0' && line[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits > 9 || line[0] == '0' && digits > 1 ||
		len(line) < digits+3 || line[digits] != '.' || line[digits+1] != ' ' || line[digits+2] == ' ' {
		return 0, nil, false
	}
	number, err := strconv.Atoi(string(line[:digits]))
	return number, line[digits+2:], err == nil
}

// headingText is an ATX heading line's text, without its marks and the
// spaces around it.
func headingText(line []byte) []byte {
	return bytes.Trim(bytes.TrimLeft(line, "#"), " ")
}

// plainLine reports whether a paragraph or list item line is plain text
// that starts no other block.
func (pm *plainMarkdown) plainLine(line []byte) bool {
	switch c := line[0]; {
	case c == ' ', c == '-', c == '+', c == '=', c == ':', c == '[', c >= '0' && c <= '9':
		// `:` opens a table's delimiter row, which may go without pipes.
		return false
	}
	return pm.plainText(line)
}

// plainText reports whether text holds only characters that are text to
// Markdown and need no escaping beyond `"`.
func (pm *plainMarkdown) plainText(text []byte) bool {
	for i := 0; i < len(text); {
		for i < len(text) && pm.ascii[text[i]] {
			i++
		}
		if i == len(text) {
			return true
		}
		if text[i] == '[' {
			n := pm.citation(text[i:])
			if n == 0 {
				return false
			}
			i += n
			continue
		}
		if text[i] < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRune(text[i:])
		// Invalid UTF-8, the C1 controls and the Unicode spaces,
		// separators and invisible marks are left to goldmark; dashes,
		// curly quotes and the ellipsis are text.
		if r == utf8.RuneError || r <= 0xa0 || r >= 0x2000 && r <= 0x200f ||
			r >= 0x2028 && r <= 0x202f || r >= 0x205f && r <= 0x206f || r == 0x3000 || r == 0xfeff {
			return false
		}
		i += size
	}
	return true
}

// The ASCII characters that are not plain text, as bits of the characters
// 0–63 and 64–127: control characters, and those that start inline syntax,
// an entity or a tag.
const (
	notPlainLow  uint64 = 1<<' ' - 1 | 1<<'!' | 1<<'#' | 1<<'&' | 1<<'*' | 1<<'<' | 1<<'>'
	notPlainHigh uint64 = 1<<('['-64) | 1<<('\\'-64) | 1<<(']'-64) | 1<<('_'-64) | 1<<('`'-64) |
		1<<('|'-64) | 1<<('~'-64) | 1<<(0x7f-64)
)

// citation is the length of the Pandoc citation text starts with, "[@"
// and plain ASCII up to "]", ended by the text's end, a space, `.`, `,`
// or `;`; or 0.
func (pm *plainMarkdown) citation(text []byte) int {
	if len(text) < 3 || text[1] != '@' {
		return 0
	}
	i := 2
	for i < len(text) && pm.ascii[text[i]] {
		i++
	}
	if i == len(text) || text[i] != ']' {
		return 0
	}
	if i+1 < len(text) && !bytes.ContainsRune([]byte(" .,;"), rune(text[i+1])) {
		return 0
	}
	return i + 1
}

// plainASCII reports whether c is an ASCII character of plain text; a
// plainMarkdown keeps the answers in a table for its inner loop.
func plainASCII(c byte) bool {
	if c < 64 {
		return notPlainLow>>c&1 == 0
	}
	return c < utf8.RuneSelf && notPlainHigh>>(c-64)&1 == 0
}

// writePlainText writes plain text as goldmark does: `"` escaped.
func writePlainText(out *bytes.Buffer, text []byte) {
	for {
		i := bytes.IndexByte(text, '"')
		if i < 0 {
			out.Write(text)
			return
		}
		out.Write(text[:i])
		out.WriteString("&quot;")
		text = text[i+1:]
	}
}

// forLines calls f with each line of block, and whether it is the last.
func forLines(block []byte, f func(line []byte, last bool)) {
	for {
		i := bytes.IndexByte(block, '\n')
		if i < 0 {
			f(block, true)
			return
		}
		f(block[:i], false)
		block = block[i+1:]
	}
}
