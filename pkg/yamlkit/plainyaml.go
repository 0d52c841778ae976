package yamlkit

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/personakit/persona/pkg/textline"
	"go.yaml.in/yaml/v3"
)

// parsePlainYAML parses the YAML nearly every front matter block is written
// in and returns exactly the tree yaml.Unmarshal returns for it, or false
// when the block uses anything else, which the caller then hands to
// yaml.Unmarshal. yaml.v3 reads its input a byte at a time through a
// general tokenizer; on a workspace of small files that is half of lint's
// time, more than everything lint does with the values.
//
// What it accepts, one construct per line:
//   - block mappings whose keys are words ([A-Za-z0-9_] first, then also
//     `-` and `.`), at any indentation, nested by indentation;
//   - block sequences (`- item`, under a key at its indentation or deeper),
//     whose items are values or mappings begun on the item's line;
//   - values that are plain scalars, quoted scalars without escapes, and
//     one-line flow sequences or mappings of such scalars;
//   - a key with no value (null).
//
// Everything else — comments, tabs, carriage returns, backslashes, anchors,
// aliases, tags, block scalars, multi-line scalars, nested flow
// collections, document markers, control or non-printable characters — is
// refused, as is any line it does not recognise. FuzzPlainYAML holds it to
// yaml.Unmarshal on every input it accepts.
func parsePlainYAML(text []byte) (*yaml.Node, bool) {
	if !plainCharacters(text) {
		return nil, false
	}
	p := plainParser{colLine: -1, lines: make([][]byte, 0, bytes.Count(text, []byte{'\n'})+1)}
	textline.Each(StripBOM(text), func(_ int, line []byte) bool {
		p.lines = append(p.lines, line)
		return true
	})
	first := p.nextContent(0)
	if first == len(p.lines) {
		return nil, false
	}
	indent := indentOf(p.lines[first])
	top, next, ok := p.mapping(first, indent)
	if !ok || p.nextContent(next) != len(p.lines) {
		return nil, false
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Line: top.Line, Column: top.Column, Content: []*yaml.Node{top}}
	return doc, true
}

// plainCharacters reports whether text holds none of the characters the
// plain parser leaves to yaml.v3: comments, tabs, carriage returns, control
// characters, and the Unicode that YAML treats as line breaks or refuses
// as non-printable.
func plainCharacters(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f || c == '#' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		switch {
		case r == utf8.RuneError, r <= 0x9f, r == 0xfeff, r == 0x2028, r == 0x2029, r >= 0xfffe && r <= 0xffff:
			return false
		}
		i += size
	}
	return true
}

type plainParser struct {
	lines [][]byte
	depth int // collections open; deeper blocks are left to yaml.v3

	colLine, colAt, colRunes int // where column last counted to
}

// maxPlainDepth is how deeply collections may nest before the block is
// left to yaml.v3; real front matter nests three or four deep.
const maxPlainDepth = 64

// nextContent returns the index of the first line from i on that is not
// blank, or len(p.lines).
func (p *plainParser) nextContent(i int) int {
	for i < len(p.lines) && indentOf(p.lines[i]) == len(p.lines[i]) {
		i++
	}
	return i
}

// column is YAML's 1-based column of byte offset at of line i: it counts
// characters, not bytes. Offsets asked for on one line only grow, so it
// counts on from the last one and a long line of flow values stays linear.
func (p *plainParser) column(i, at int) int {
	if i != p.colLine || at < p.colAt {
		p.colLine, p.colAt, p.colRunes = i, 0, 0
	}
	p.colRunes += utf8.RuneCount(p.lines[i][p.colAt:at])
	p.colAt = at
	return p.colRunes + 1
}

// mapping parses a block mapping whose first key is on line i at byte
// offset indent; later keys must start at the same offset of their lines.
// The first line may begin with a sequence item's dash (see sequence). It
// returns the node and the index of the first line after it.
func (p *plainParser) mapping(i, indent int) (*yaml.Node, int, bool) {
	if p.depth++; p.depth > maxPlainDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: i + 1, Column: p.column(i, indent)}
	for first := true; ; first = false {
		if !first {
			i = p.nextContent(i)
			if i == len(p.lines) {
				return m, i, true
			}
			switch ind := indentOf(p.lines[i]); {
			case ind < indent:
				return m, i, true
			case ind > indent:
				return nil, 0, false
			}
		}
		line := p.lines[i]
		keyEnd, ok := keyAt(line, indent)
		if !ok {
			return nil, 0, false
		}
		key := scalarNode(string(line[indent:keyEnd]), i, p.column(i, indent))
		valueAt := keyEnd + 1 + indentOf(line[keyEnd+1:])
		if valueAt < len(line) {
			value, ok := p.inlineValue(i, valueAt)
			if !ok {
				return nil, 0, false
			}
			m.Content = append(m.Content, key, value)
			i++
			continue
		}
		// A key with nothing after it: its value is the deeper block below,
		// a sequence at the key's own indentation, or null.
		next := p.nextContent(i + 1)
		var value *yaml.Node
		switch {
		case next < len(p.lines) && indentOf(p.lines[next]) > indent:
			value, next, ok = p.block(next, indentOf(p.lines[next]))
		case next < len(p.lines) && indentOf(p.lines[next]) == indent && isItem(p.lines[next], indent):
			value, next, ok = p.sequence(next, indent)
		default:
			value, next, ok = scalarNode("", i, p.column(i, keyEnd+1)), i+1, true
		}
		if !ok {
			return nil, 0, false
		}
		m.Content = append(m.Content, key, value)
		i = next
	}
}

// block parses the mapping or sequence that starts on line i at offset
// indent.
func (p *plainParser) block(i, indent int) (*yaml.Node, int, bool) {
	if isItem(p.lines[i], indent) {
		return p.sequence(i, indent)
	}
	return p.mapping(i, indent)
}

func isItem(line []byte, indent int) bool {
	return indent < len(line) && line[indent] == '-' && (indent+1 == len(line) || line[indent+1] == ' ')
}

// sequence parses a block sequence whose items start with a dash at offset
// indent of their lines.
func (p *plainParser) sequence(i, indent int) (*yaml.Node, int, bool) {
	if p.depth++; p.depth > maxPlainDepth {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: p.column(i, indent)}
	for {
		i = p.nextContent(i)
		if i == len(p.lines) {
			return s, i, true
		}
		line := p.lines[i]
		switch ind := indentOf(line); {
		case ind < indent:
			return s, i, true
		case ind > indent:
			return nil, 0, false
		}
		if !isItem(line, indent) {
			// A key of the mapping this sequence is a value of, written at
			// the key's own indentation.
			return s, i, true
		}
		at := indent + 1 + indentOf(line[indent+1:])
		if at == len(line) {
			return nil, 0, false
		}
		var item *yaml.Node
		var ok bool
		if _, isKey := keyAt(line, at); isKey {
			item, i, ok = p.mapping(i, at)
		} else {
			item, ok = p.inlineValue(i, at)
			i++
		}
		if !ok {
			return nil, 0, false
		}
		s.Content = append(s.Content, item)
	}
}

// keyAt reports whether a key starts at line[at] (a word, a colon, then a
// space or the line's end) and returns the offset of its colon.
func keyAt(line []byte, at int) (int, bool) {
	end := wordEnd(line, at)
	return end, end > at && end < len(line) && line[end] == ':' && (end+1 == len(line) || line[end+1] == ' ')
}

// wordEnd returns the offset after the key-like word starting at from. A
// word stops at 1,024 bytes, YAML's limit for a key on one line, so that a
// longer one is refused.
func wordEnd(line []byte, from int) int {
	i := from
	for i < len(line) && i-from < 1024 {
		c := line[i]
		word := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
		if !word && (i == from || c != '-' && c != '.') {
			break
		}
		i++
	}
	return i
}

// inlineValue parses the value that fills line i from offset at to its
// end: a quoted or plain scalar, or a flow collection.
func (p *plainParser) inlineValue(i, at int) (*yaml.Node, bool) {
	line := p.lines[i]
	var n *yaml.Node
	var end int
	switch line[at] {
	case '[', '{':
		n, end = p.flowCollection(i, at)
	case '"', '\'':
		n, end = p.quoted(i, at)
	default:
		if isIndicator(line[at]) {
			return nil, false
		}
		value := bytes.TrimRight(line[at:], " ")
		if bytes.Contains(value, []byte(": ")) || value[len(value)-1] == ':' {
			return nil, false
		}
		return scalarNode(string(value), i, p.column(i, at)), true
	}
	if n == nil || indentOf(line[end:]) != len(line)-end {
		return nil, false
	}
	return n, true
}

// isIndicator reports whether c may not start a plain scalar here. `-`,
// `?` and `:` may when a non-space follows; they are refused all the same.
func isIndicator(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return true
	}
	return false
}

// quoted parses the quoted scalar at offset at of line i, which must close
// on the same line and hold no quote of its kind (so no escapes), and
// returns it with the offset after its closing quote.
func (p *plainParser) quoted(i, at int) (*yaml.Node, int) {
	line := p.lines[i]
	q := line[at]
	end := bytes.IndexByte(line[at+1:], q)
	if end < 0 {
		return nil, 0
	}
	end += at + 1
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: string(line[at+1 : end]),
		Line: i + 1, Column: p.column(i, at)}, end + 1
}

// flowCollection parses the one-line flow sequence or mapping at offset at
// of line i, whose entries are scalars (a mapping's keys are words) and returns it
// with the offset after its closing bracket.
func (p *plainParser) flowCollection(i, at int) (*yaml.Node, int) {
	line := p.lines[i]
	open := line[at]
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: i + 1, Column: p.column(i, at)}
	closing := byte(']')
	if open == '{' {
		n.Kind, n.Tag, closing = yaml.MappingNode, "!!map", '}'
	}
	j := at + 1 + indentOf(line[at+1:])
	if j < len(line) && line[j] == closing {
		return n, j + 1
	}
	for {
		if open == '{' {
			end, ok := keyAt(line, j)
			if !ok || end+1 == len(line) {
				return nil, 0 // no key, or no value after it
			}
			n.Content = append(n.Content, scalarNode(string(line[j:end]), i, p.column(i, j)))
			j = end + 1 + indentOf(line[end+1:])
		}
		value, end := p.flowScalar(i, j)
		if value == nil {
			return nil, 0
		}
		n.Content = append(n.Content, value)
		j = end + indentOf(line[end:])
		if j == len(line) {
			return nil, 0
		}
		switch line[j] {
		case closing:
			return n, j + 1
		case ',':
			j++
			j += indentOf(line[j:])
		default:
			return nil, 0
		}
	}
}

// flowScalar parses a quoted scalar, or a plain one that stops before a
// comma or closing bracket and holds no other indicator, at offset j of
// line i inside a flow collection.
func (p *plainParser) flowScalar(i, j int) (*yaml.Node, int) {
	line := p.lines[i]
	if j >= len(line) {
		return nil, 0
	}
	if c := line[j]; c == '"' || c == '\'' {
		return p.quoted(i, j)
	}
	if isIndicator(line[j]) {
		return nil, 0
	}
	end := j
	for end < len(line) {
		c := line[end]
		if c == ',' || c == ']' || c == '}' {
			break
		}
		if c != ' ' && c != '-' && c != '.' && isIndicator(c) {
			// yaml.v3 reads indicators inside flow scalars in ways of
			// its own ("[0?]" does not parse); such values are rare.
			return nil, 0
		}
		end++
	}
	value := bytes.TrimRight(line[j:end], " ")
	return scalarNode(string(value), i, p.column(i, j)), j + len(value)
}

// scalarNode makes the node of a plain scalar on line index i, tagged as
// yaml.v3 resolves it.
func scalarNode(value string, i, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: i + 1, Column: col}
	if value != "" && !mayResolve(value[0]) {
		n.Tag = "!!str"
	} else {
		n.Tag = n.ShortTag() // resolves Value, as the node has no tag yet
	}
	return n
}

// mayResolve reports whether a plain scalar starting with c may be other
// than a string: yaml.v3 reads a value as a number, date, boolean, null or
// merge key only when it starts with one of these. Every other value is a
// string, told here without resolving it, which costs an allocation and a
// deferred recover per value.
func mayResolve(c byte) bool {
	return c >= '0' && c <= '9' || strings.IndexByte("+-.<~yYnNtTfFoO", c) >= 0
}

// Parse parses a YAML block into its document node: with the plain parser
// when the block is plain, else with yaml.v3 (see UnmarshalNode). Its
// errors are yaml.v3's, for ExplainYAML.
func Parse(text []byte) (*yaml.Node, error) {
	if root, ok := parsePlainYAML(text); ok {
		return root, nil
	}
	root := &yaml.Node{}
	if err := UnmarshalNode(text, root); err != nil {
		return nil, err
	}
	return root, nil
}
