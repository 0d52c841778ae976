package yamlkit

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

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
//   - values that are plain scalars, quoted scalars (a double-quoted one
//     with the escapes of one character that quotes need, such as \" and
//     \n; a single-quoted one with a quote written twice), and one-line
//     flow sequences or mappings of such scalars;
//   - a key with no value (null).
//
// Everything else — comments, tabs, carriage returns, other escapes,
// anchors, aliases, tags, block scalars, multi-line scalars, nested flow
// collections, document markers, control or non-printable characters — is
// refused, as is any line it does not recognise. FuzzPlainYAML holds it to
// yaml.Unmarshal on every input it accepts.
func parsePlainYAML(text []byte, nodes *Nodes) (*yaml.Node, bool) {
	if !plainCharacters(text) {
		return nil, false
	}
	p := plainParser{colLine: -1, nodes: nodes}
	if nodes != nil {
		p.lines, p.stack = nodes.lines[:0], nodes.stack[:0]
		defer func() { nodes.lines, nodes.stack = p.lines[:0], p.stack[:0] }()
	} else {
		p.lines = make([][]byte, 0, bytes.Count(text, []byte{'\n'})+1)
	}
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
	doc := p.node(yaml.Node{Kind: yaml.DocumentNode, Line: top.Line, Column: top.Column})
	doc.Content = p.content(append(p.stack, top))
	return doc, true
}

// Nodes is where parses take their nodes from, for a caller that parses
// many blocks one after another and keeps no node of a tree once it is
// done with it: after Reset, the next parse reuses the nodes of the last.
// Decoding a workspace otherwise allocates (and collects) a few hundred
// nodes per file. The zero Nodes is ready to use; a nil *Nodes allocates
// each node on its own. Not for concurrent use.
type Nodes struct {
	nodes [][]yaml.Node
	ptrs  [][]*yaml.Node
	// node and ptr are where the next node and Content slice are taken:
	// the chunk, and the offset in it.
	node, nodeAt, ptr, ptrAt int
	// The parser's lines and stack of children, kept for their room.
	lines [][]byte
	stack []*yaml.Node
	// strs are short scalars and keys read before, by a hash of their
	// bytes: a workspace writes the same statuses, owners, ICP ids and
	// keys in thousands of files, and the documents it loads keep them.
	strs [internedSlots]string
	// Views, when set, has the plain parser give scalars longer than
	// maxInterned (plain, or quoted with nothing to unescape) as views of
	// the text parsed instead of copies, for a caller that copies every value it keeps and
	// is done with the rest before the text changes: a lean load, which
	// digests claims and drops them. Their copies were a quarter of what
	// such a load allocated (45 MB at 52,500 files, 50 MB of double-quoted
	// claims in real prose), and all of it garbage.
	Views bool
}

// Short scalars are interned in a table of internedSlots, one string a
// slot: a later one of the same hash takes the slot, so the table holds
// no more however many values a workspace has.
const (
	internedSlots = 1024
	maxInterned   = 32
)

// str is the string of b: one read before when it is short and still in
// the table, else a copy, or a view of the text in Views mode.
func (p *plainParser) str(b []byte) string {
	if p.nodes == nil {
		return string(b)
	}
	if len(b) > maxInterned {
		return p.text(b)
	}
	h := uint32(2166136261) // FNV-1a
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &p.nodes.strs[h%internedSlots]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

// text is b, a non-empty part of the text parsed, as a string: a view in
// Views mode, else a copy.
func (p *plainParser) text(b []byte) string {
	if p.nodes != nil && p.nodes.Views && len(b) > 0 {
		return unsafe.String(&b[0], len(b))
	}
	return string(b)
}

// owned is b as a string without a copy, for a b made for it and never
// written again.
func owned(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Chunks of nodes and of Content pointers: a persona's front matter takes
// a few hundred nodes. Reset keeps at most maxKeptChunks of each, so that
// one huge block does not hold its size for the rest of the run.
const (
	nodeChunk     = 256
	ptrChunk      = 1024
	maxKeptChunks = 16
)

// Reset makes every node handed out so far free for the next parse: the
// trees parsed before must not be used again.
func (n *Nodes) Reset() {
	n.node, n.nodeAt, n.ptr, n.ptrAt = 0, 0, 0, 0
	if len(n.nodes) > maxKeptChunks {
		clear(n.nodes[maxKeptChunks:])
		n.nodes = n.nodes[:maxKeptChunks]
	}
	if len(n.ptrs) > maxKeptChunks {
		clear(n.ptrs[maxKeptChunks:])
		n.ptrs = n.ptrs[:maxKeptChunks]
	}
	if cap(n.lines) > 1<<16 || cap(n.stack) > 1<<16 {
		n.lines, n.stack = nil, nil
	}
}

// Parse is the package's Parse taking its nodes from n when the plain
// parser reads the block; yaml.v3's nodes are its own.
func (n *Nodes) Parse(text []byte) (*yaml.Node, error) {
	if root, ok := parsePlainYAML(text, n); ok {
		return root, nil
	}
	root := &yaml.Node{}
	if err := UnmarshalNode(text, root); err != nil {
		return nil, err
	}
	return root, nil
}

// plainCharacters reports whether text holds none of the characters the
// plain parser leaves to yaml.v3: tabs, carriage returns, control
// characters, and the Unicode that YAML treats as line breaks or refuses
// as non-printable. A "#" starts a comment only at the start of a line's
// content or after a space, where the parser refuses it.
func plainCharacters(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
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
	nodes *Nodes
	// stack holds the children of the collections being read; each takes
	// its Content from the top of it once complete, sized exactly.
	stack []*yaml.Node

	colLine, colAt, colRunes int // where column last counted to
}

// node is a new node holding v.
func (p *plainParser) node(v yaml.Node) *yaml.Node {
	n := p.nodes
	if n == nil {
		at := new(yaml.Node) // not &v, which would put every v on the heap
		*at = v
		return at
	}
	if n.node == len(n.nodes) {
		n.nodes = append(n.nodes, make([]yaml.Node, nodeChunk))
	}
	at := &n.nodes[n.node][n.nodeAt]
	*at = v
	if n.nodeAt++; n.nodeAt == nodeChunk {
		n.node, n.nodeAt = n.node+1, 0
	}
	return at
}

// content is a collection's Content: the children on the stack from start
// on, which it pops. An empty collection's is nil, as yaml.v3's is.
func (p *plainParser) contentFrom(start int) []*yaml.Node {
	c := p.content(p.stack[start:])
	p.stack = p.stack[:start]
	return c
}

// content copies items into a slice of their own, exactly as long.
func (p *plainParser) content(items []*yaml.Node) []*yaml.Node {
	n := p.nodes
	switch {
	case len(items) == 0:
		return nil
	case n == nil || len(items) > ptrChunk:
		return append([]*yaml.Node(nil), items...)
	}
	if n.ptr < len(n.ptrs) && n.ptrAt+len(items) > ptrChunk {
		n.ptr, n.ptrAt = n.ptr+1, 0
	}
	if n.ptr == len(n.ptrs) {
		n.ptrs = append(n.ptrs, make([]*yaml.Node, ptrChunk))
	}
	c := n.ptrs[n.ptr][n.ptrAt : n.ptrAt+len(items) : n.ptrAt+len(items)]
	copy(c, items)
	n.ptrAt += len(items)
	return c
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
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: i + 1, Column: p.column(i, indent)})
	start := len(p.stack)
	for first := true; ; first = false {
		if !first {
			i = p.nextContent(i)
			if i == len(p.lines) {
				m.Content = p.contentFrom(start)
				return m, i, true
			}
			switch ind := indentOf(p.lines[i]); {
			case ind < indent:
				m.Content = p.contentFrom(start)
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
		key := p.scalarNode(p.str(line[indent:keyEnd]), i, p.column(i, indent))
		valueAt := keyEnd + 1 + indentOf(line[keyEnd+1:])
		if valueAt < len(line) {
			value, ok := p.inlineValue(i, valueAt)
			if !ok {
				return nil, 0, false
			}
			p.stack = append(p.stack, key, value)
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
			value, next, ok = p.scalarNode("", i, p.column(i, keyEnd+1)), i+1, true
		}
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, key, value)
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
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: p.column(i, indent)})
	start := len(p.stack)
	for {
		i = p.nextContent(i)
		line := []byte(nil)
		if i < len(p.lines) {
			line = p.lines[i]
		}
		switch ind := indentOf(line); {
		case i == len(p.lines), ind < indent,
			// A key of the mapping this sequence is a value of, written
			// at the key's own indentation.
			ind == indent && !isItem(line, indent):
			s.Content = p.contentFrom(start)
			return s, i, true
		case ind > indent:
			return nil, 0, false
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
		p.stack = append(p.stack, item)
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
		if bytes.Contains(value, []byte(": ")) || value[len(value)-1] == ':' || bytes.Contains(value, []byte(" #")) {
			return nil, false // a key, or a comment after the value
		}
		return p.scalarNode(p.str(value), i, p.column(i, at)), true
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
// on the same line, and returns it with the offset after its closing quote.
func (p *plainParser) quoted(i, at int) (*yaml.Node, int) {
	line := p.lines[i]
	style, value, end := yaml.DoubleQuotedStyle, "", -1
	if line[at] == '\'' {
		style = yaml.SingleQuotedStyle
		value, end = p.singleQuoted(line, at+1)
	} else {
		value, end = p.doubleQuoted(line, at+1)
	}
	if end < 0 {
		return nil, 0
	}
	return p.node(yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: value,
		Line: i + 1, Column: p.column(i, at)}), end + 1
}

// singleQuoted is the value of the single-quoted scalar whose text starts
// at line[from], where a quote written twice stands for one, and the
// offset of its closing quote, or -1.
func (p *plainParser) singleQuoted(line []byte, from int) (string, int) {
	end := bytes.IndexByte(line[from:], '\'')
	if end < 0 {
		return "", -1
	}
	if end += from; end+1 == len(line) || line[end+1] != '\'' {
		return p.str(line[from:end]), end // no quote inside: as written
	}
	var b []byte
	for i := from; i < len(line); i++ {
		switch {
		case line[i] != '\'':
			b = append(b, line[i])
		case i+1 < len(line) && line[i+1] == '\'':
			b = append(b, '\'')
			i++
		default:
			return owned(b), i
		}
	}
	return "", -1
}

// doubleQuoted is the value of the double-quoted scalar whose text starts
// at line[from], and the offset of its closing quote; -1 when it does not
// close on the line, or holds an escape other than the ones of one
// character that quoted text needs (quote, backslash, space, tab,
// line breaks, no-break space), which yaml.v3 is left to read.
func (p *plainParser) doubleQuoted(line []byte, from int) (string, int) {
	end := bytes.IndexAny(line[from:], `"\`)
	if end < 0 {
		return "", -1
	}
	if end += from; line[end] == '"' {
		return p.str(line[from:end]), end // no escape: as written
	}
	b := append([]byte(nil), line[from:end]...)
	for i := end; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"':
			return owned(b), i
		case c != '\\':
			b = append(b, c)
			continue
		case i+1 == len(line):
			return "", -1
		}
		i++
		switch c := line[i]; c {
		case '"', '\\', ' ':
			b = append(b, c)
		case 't':
			b = append(b, '\t')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case '_':
			b = append(b, "\u00a0"...)
		default:
			return "", -1
		}
	}
	return "", -1
}

// flowCollection parses the one-line flow sequence or mapping at offset at
// of line i, whose entries are scalars (a mapping's keys are words) and returns it
// with the offset after its closing bracket.
func (p *plainParser) flowCollection(i, at int) (*yaml.Node, int) {
	line := p.lines[i]
	open := line[at]
	n := p.node(yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Tag: "!!seq", Line: i + 1, Column: p.column(i, at)})
	closing := byte(']')
	if open == '{' {
		n.Kind, n.Tag, closing = yaml.MappingNode, "!!map", '}'
	}
	j := at + 1 + indentOf(line[at+1:])
	if j < len(line) && line[j] == closing {
		return n, j + 1
	}
	start := len(p.stack)
	for {
		if open == '{' {
			end, ok := keyAt(line, j)
			if !ok || end+1 == len(line) {
				return nil, 0 // no key, or no value after it
			}
			p.stack = append(p.stack, p.scalarNode(p.str(line[j:end]), i, p.column(i, j)))
			j = end + 1 + indentOf(line[end+1:])
		}
		value, end := p.flowScalar(i, j)
		if value == nil {
			return nil, 0
		}
		p.stack = append(p.stack, value)
		j = end + indentOf(line[end:])
		if j == len(line) {
			return nil, 0
		}
		switch line[j] {
		case closing:
			n.Content = p.contentFrom(start)
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
	return p.scalarNode(p.str(value), i, p.column(i, j)), j + len(value)
}

// scalarNode makes the node of a plain scalar on line index i, tagged as
// yaml.v3 resolves it.
func (p *plainParser) scalarNode(value string, i, col int) *yaml.Node {
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: i + 1, Column: col})
	n.Tag = plainTag(n)
	return n
}

// plainTag is the tag yaml.v3 resolves plain scalar n's value to, told
// without resolving where that is certain: resolving costs a deferred
// recover and an allocation per value, and failed parses an allocated
// error each.
func plainTag(n *yaml.Node) string {
	value := n.Value
	switch {
	case value != "" && !mayResolve(value[0]):
		return "!!str"
	case isDate(value):
		// What yaml.v3 resolves to a timestamp after three layouts that
		// fail first: every entity has a date or two.
		return "!!timestamp"
	case value != "" && strings.IndexByte("yYnNtTfFoO~<", value[0]) >= 0:
		return wordTag(value)
	case isDecimal(value):
		// A share or a weight ("0.35"), which yaml.v3 finds a float only
		// after parsing it as a signed and an unsigned integer, each
		// failure an allocated error.
		return "!!float"
	case value != "" && !numberLike(value):
		return wordTag(value) // the infinities and NaN are words too
	}
	return n.ShortTag() // resolves Value, as the node has no tag yet
}

// wordTag is how yaml.v3 resolves a plain scalar that is not a number:
// one of the words in its map, else a string. For a value starting with
// a letter of its table's 'M' class (yYnNtTfFoO~<), that is all resolve
// does, told here without the deferred recover and the allocation resolve
// costs for every such value ("team", "finance", "operations").
func wordTag(value string) string {
	switch value {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "~", "null", "Null", "NULL":
		return "!!null"
	case "<<":
		return "!!merge"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	}
	return "!!str"
}

// numberLike reports whether value holds only bytes that yaml.v3's
// numbers and timestamps are written with (digits, signs, points, hex
// digits, base prefixes, a time's separators and zone): a value with any
// other ("25%", "500 employees") resolves to a string, and yaml.v3 would
// find that out through three failed parses, each an allocated error.
func numberLike(value string) bool {
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		case strings.IndexByte("+-._:, \txXoOtTzZ", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// isDecimal reports whether value is digits, a point and digits, short
// enough that no float overflows: a float for yaml.v3 however it is
// written ("007.50" too).
func isDecimal(value string) bool {
	point := strings.IndexByte(value, '.')
	if point < 1 || point == len(value)-1 || len(value) > 20 {
		return false
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; i != point && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// isDate reports whether value is a calendar date written YYYY-MM-DD.
func isDate(value string) bool {
	if len(value) != len("2006-01-02") || value[4] != '-' || value[7] != '-' {
		return false
	}
	_, err := time.Parse("2006-01-02", value)
	return err == nil
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
	return (*Nodes)(nil).Parse(text)
}
