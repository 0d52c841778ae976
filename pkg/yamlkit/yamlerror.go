package yamlkit

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/textline"
)

// YAMLProblem is a YAML syntax error said for people: where, and what to do.
type YAMLProblem struct {
	Line, Column int // 1-based, within the YAML text
	// Explanation is a plain sentence with the fix, or "" when the error is
	// not one of the common cases (Raw then says what the parser said).
	Explanation string
	Raw         string
}

// Message is the problem as one sentence that starts with what.
func (p YAMLProblem) Message(what string) string {
	if p.Explanation != "" {
		return what + " is not valid YAML: " + p.Explanation
	}
	return what + " is not valid YAML (" + p.Raw + "); fix the syntax on this line"
}

// ExplainYAML turns a yaml.v3 error about text into a position with a
// column and, for the mistakes people make by hand (an unquoted ": " in a
// value, a tab, an unclosed quote or bracket, a line that is no key), a
// plain explanation of the fix. yaml.v3 reports only a line.
func ExplainYAML(text []byte, err error) YAMLProblem {
	line, msg := ErrorLine(err)
	p := YAMLProblem{Line: line, Column: 1, Raw: msg}
	src := lineOf(text, line)
	col := func(i int) int { return utf8.RuneCount(src[:i]) + 1 }
	indent := len(src) - len(bytes.TrimLeft(src, " \t"))
	if indent < len(src) {
		p.Column = col(indent)
	}
	switch {
	case strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") && bytes.IndexByte(src[:indent], '\t') >= 0:
		if i := bytes.IndexByte(src, '\t'); i >= 0 {
			p.Column = col(i)
		}
		p.Explanation = "a tab indents this line; YAML indents with spaces only, so replace the tab with spaces"
	case strings.Contains(msg, "cannot start any token"):
		value := valueStart(src)
		i := reservedStart(src, indent, value)
		if i < 0 || i >= len(src) {
			break
		}
		p.Column = col(i)
		_, size := utf8.DecodeRune(src[i:])
		char := string(src[i : i+size])
		switch {
		case i == value:
			p.Explanation = "a value cannot start with " + char + " unquoted; put the value in quotes: " + quoted(src)
		case i == indent:
			p.Explanation = "a key cannot start with " + char + "; remove it, or put the key in quotes"
		default:
			p.Explanation = "YAML reserves " + char + " at the start of a word; put the text it starts in quotes"
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		if line > 1 && indent > 0 && indent > indentOf(lineOf(text, line-1)) && hasScalarValue(lineOf(text, line-1)) {
			p.Explanation = "this line is indented under a key that already has a value; indent it like the line above, or quote the value above if this line continues it"
			break
		}
		if i := valueStart(src); i >= 0 {
			if j := bytes.Index(src[i:], []byte(": ")); j >= 0 || bytes.HasSuffix(src, []byte(":")) {
				if j < 0 {
					j = len(src) - 1 - i
				}
				p.Column = col(i + j)
				p.Explanation = "the value holds \": \", which YAML reads as the start of another key; put the value in quotes: " + quoted(src)
			}
		}
	case strings.Contains(msg, "unexpected end of stream"):
		if i := valueStart(src); i >= 0 && i < len(src) && (src[i] == '"' || src[i] == '\'') {
			p.Column = col(i)
			p.Explanation = "the quote opened here is never closed; end the value with " + string(src[i:i+1]) + " on this line"
		}
	case strings.Contains(msg, "did not find expected ',' or ']'"), strings.Contains(msg, "did not find expected ',' or '}'"):
		open, close := byte('['), "]"
		if strings.HasSuffix(msg, "'}'") {
			open, close = '{', "}"
		}
		if i := bytes.IndexByte(src, open); i >= 0 {
			p.Column = col(i)
			p.Explanation = "the " + string(open) + " opened here is not closed on this line; end it with " + close + ", and quote items that hold a comma"
		}
	case strings.Contains(msg, "could not find expected ':'"):
		p.Explanation = "this line is neither `key: value` nor a `- item` under a key; add the key and a colon, or remove the line"
	case strings.Contains(msg, "did not find expected key"):
		p.Explanation = "something follows a quoted value on this line; put the whole value inside the quotes"
	}
	return p
}

// lineOf returns line n (1-based) of text without its line end, or nil.
func lineOf(text []byte, n int) []byte {
	var out []byte
	textline.Each(StripBOM(text), func(i int, l []byte) bool {
		if i == n {
			out = l
			return false
		}
		return true
	})
	return out
}

func indentOf(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// valueStart is the offset of the value after "key: " (or after "- "), or
// -1 for a line without one.
func valueStart(line []byte) int {
	i := bytes.Index(line, []byte(": "))
	if i < 0 {
		if t := bytes.TrimLeft(line, " "); bytes.HasPrefix(t, []byte("- ")) {
			return len(line) - len(t) + 2
		}
		return -1
	}
	i += 2
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i
}

// reservedStart is where a line's text starts with a character YAML
// reserves (` @ %), which is what "cannot start any token" is about: the
// key, then the value, then any word of the line; failing those, the
// value, as yaml.v3 says no more.
func reservedStart(line []byte, key, value int) int {
	reserved := func(i int) bool { return i >= 0 && i < len(line) && strings.IndexByte("`@%", line[i]) >= 0 }
	for _, i := range []int{key, value} {
		if reserved(i) {
			return i
		}
	}
	for i := range line {
		if reserved(i) && (i == 0 || strings.IndexByte(" \t[{,", line[i-1]) >= 0) {
			return i
		}
	}
	return value
}

// hasScalarValue reports whether a line is "key: value" with the value on it.
func hasScalarValue(line []byte) bool {
	i := valueStart(line)
	return i >= 0 && i < len(line) && line[i] != '#' && line[i] != '|' && line[i] != '>'
}

// quoted is the line rewritten with its value in double quotes, as the fix
// to show: name: "Fiona: the CFO".
func quoted(line []byte) string {
	i := valueStart(line)
	if i < 0 {
		return strings.TrimSpace(string(line))
	}
	value := strings.TrimSpace(string(line[i:]))
	value = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value)
	if utf8.RuneCountInString(value) > 60 {
		value = "…"
	}
	return strings.TrimSpace(string(line[:i])) + " \"" + value + "\""
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parserProblems are yaml.v3's parser (not scanner) errors. yaml.v3 prints
// their 0-based line, while scanner errors get a 1-based one, so the line
// of these must be shifted by one.
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"found undefined tag handle",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

// ErrorLine extracts the 1-based line from a yaml.v3 error and its message
// without the "yaml: line N:" prefix.
func ErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(err.Error(), m[0])
		for _, p := range parserProblems {
			if msg == p {
				line++
				break
			}
		}
	}
	return max(line, 1), msg
}
