// Package frontmatter splits a Markdown file into its front matter block and
// body, and decodes the block into model types keeping every value's position.
package frontmatter

import (
	"bytes"

	"github.com/personakit/persona/pkg/textline"
	"github.com/personakit/persona/pkg/yamlkit"
)

// Format is the syntax a front matter block announces with its delimiter.
type Format int

// Front matter syntaxes. Only YAML is supported; TOML is recognised so that a
// file written for another tool gets a clear finding instead of silence.
const (
	None Format = iota
	YAML
	TOML
)

// Block is the result of splitting a file.
type Block struct {
	Format Format
	Closed bool
	// Text is the front matter between the delimiters (all of the rest of the
	// file when the block is not closed), line endings as written.
	Text []byte
	// Line is the file line on which Text starts.
	Line int
	// Body is what follows the closing delimiter.
	Body []byte
	// BodyLine is the file line on which Body starts.
	BodyLine int
}

// Split finds the front matter block at the top of src. A file whose first
// line is not a delimiter has Format None and all of it is Body.
func Split(src []byte) Block {
	src = yamlkit.StripBOM(src)
	first, rest := textline.Next(src)
	var format Format
	var closers []string
	switch string(trimBlanks(first)) {
	case "---":
		format, closers = YAML, []string{"---", "..."}
	case "+++":
		format, closers = TOML, []string{"+++"}
	default:
		return Block{Body: src, BodyLine: 1}
	}
	textStart := len(src) - len(rest)
	line := 2
	for pos := textStart; pos < len(src); {
		l, after := textline.Next(src[pos:])
		t := trimBlanks(l)
		for _, c := range closers {
			if string(t) == c { // compared without a copy
				return Block{
					Format:   format,
					Closed:   true,
					Text:     src[textStart:pos],
					Line:     2,
					Body:     after,
					BodyLine: line + 1,
				}
			}
		}
		pos = len(src) - len(after)
		line++
	}
	return Block{Format: format, Text: src[textStart:], Line: 2, BodyLine: line}
}

// trimBlanks drops trailing spaces and tabs, which Hugo tolerates on delimiters.
func trimBlanks(b []byte) []byte { return bytes.TrimRight(b, " \t") }

// Lines calls fn with every line of src (BOM removed) and its 1-based number,
// counting line ends the way Split does. It stops early when fn returns false.
func Lines(src []byte, fn func(n int, line []byte) bool) {
	textline.Each(yamlkit.StripBOM(src), fn)
}
