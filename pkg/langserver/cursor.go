package langserver

import (
	"bytes"
	"regexp"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
)

// cursor is what surrounds a position in a buffer, read from the text as
// typed: front matter that is being written rarely parses, so the key path
// comes from indentation, line by line, as a person reads it.
type cursor struct {
	lines  *lineIndex
	line   int    // 0-based
	text   []byte // the line
	at     int    // byte offset of the cursor in text
	inHead bool   // in the YAML front matter
	kind   model.Kind
	// parents are the keys of the mappings and lists holding the line,
	// outermost first: ["goals", "evidence"] inside a claim's evidence.
	parents []string
	// lastHead is the front matter's last line (0-based).
	lastHead int
}

var (
	keyLine      = regexp.MustCompile(`^([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \t]*:[ \t]*(#.*)?$`)
	keyValueLine = regexp.MustCompile(`^([A-Za-z0-9_][A-Za-z0-9_.-]*)[ \t]*:[ \t]*`)
)

func newCursor(b *buffer, pos protocol.Position) *cursor {
	c := &cursor{lines: newLineIndex(b.text), line: int(pos.Line)}
	c.text = c.lines.line(c.line)
	c.at = c.lines.offset(pos) - c.lines.starts[min(c.line, len(c.lines.starts)-1)]
	c.at = min(max(c.at, 0), len(c.text))
	block := frontmatter.Split(b.text)
	if block.Format != frontmatter.YAML {
		return c
	}
	c.kind = frontmatter.DeclaredKind(block.Text)
	// Front matter lines are 2 up to the closing delimiter (1-based).
	last := block.BodyLine - 2
	if !block.Closed {
		last = c.lines.lines()
	}
	c.inHead = c.line+1 >= 2 && c.line+1 <= last
	c.lastHead = last - 1
	if c.inHead {
		c.parents = parentKeys(c.lines, c.line)
	}
	return c
}

// keyColumn is where a line's key or value starts: after its indentation
// and any "- " item markers.
func keyColumn(line []byte) int {
	i := 0
	for {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		if i+1 < len(line) && line[i] == '-' && line[i+1] == ' ' || i+1 == len(line) && line[i] == '-' {
			i++
			continue
		}
		return i
	}
}

// parentKeys walks up from line n to the keys whose blocks hold it.
func parentKeys(lines *lineIndex, n int) []string {
	col := keyColumn(lines.line(n))
	var parents []string
	for i := n - 1; i >= 1 && col > 0; i-- {
		l := lines.line(i)
		trimmed := bytes.TrimSpace(l)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		kc := keyColumn(l)
		if kc >= col {
			continue
		}
		m := keyLine.FindSubmatch(l[kc:])
		if m == nil {
			break // a value, not a key that opens a block: no more is known
		}
		parents = append([]string{string(m[1])}, parents...)
		col = kc
	}
	return parents
}

// siblingKeys are the keys already written in the mapping the cursor's
// line belongs to (other lines at its indentation, up to where a less
// indented line or a new list item closes the mapping), so that key
// completion offers only keys not there yet. last is the front matter's
// last line (0-based).
func (c *cursor) siblingKeys(last int) map[string]bool {
	col := len(c.text) - len(bytes.TrimLeft(c.text, " "))
	keys := map[string]bool{}
	scan := func(from, step int) {
		for i := from; i >= 1 && i <= last; i += step {
			l := c.lines.line(i)
			trimmed := bytes.TrimSpace(l)
			if len(trimmed) == 0 || trimmed[0] == '#' {
				continue
			}
			indent := len(l) - len(bytes.TrimLeft(l, " "))
			if indent < col {
				return
			}
			if indent > col {
				continue // a nested block
			}
			if trimmed[0] == '-' {
				return // the next item of the list holding this mapping
			}
			if m := keyValueLine.FindSubmatch(l[indent:]); m != nil {
				keys[string(m[1])] = true
			}
		}
	}
	scan(c.line-1, -1)
	scan(c.line+1, 1)
	return keys
}

// before is the line's text up to the cursor.
func (c *cursor) before() string { return string(c.text[:c.at]) }

// dotted joins keys into the contract's dotted path.
func dotted(keys ...string) string { return strings.Join(keys, ".") }

// keyAt returns the key the line defines and its byte span, if the line is
// "key: ..." (after any item markers).
func (c *cursor) keyAt() (key string, start, end int, ok bool) {
	kc := keyColumn(c.text)
	m := keyValueLine.FindSubmatchIndex(c.text[kc:])
	if m == nil {
		return "", 0, 0, false
	}
	return string(c.text[kc+m[2] : kc+m[3]]), kc + m[2], kc + m[3], true
}

// keyOf describes the key at a dotted path of kind k, whether a
// top-level or nested key or a key of a list item written as a mapping.
func keyOf(k model.Kind, keys []string) (contract.Key, bool) {
	if key, ok := contract.Lookup(k, dotted(keys...)); ok {
		return key, true
	}
	if len(keys) < 2 {
		return contract.Key{}, false
	}
	for _, key := range contract.ItemKeys(k, dotted(keys[:len(keys)-1]...)) {
		if key.Name == keys[len(keys)-1] {
			return key, true
		}
	}
	return contract.Key{}, false
}

// keysUnder lists the keys that may be written in the block of parents.
func keysUnder(k model.Kind, parents []string) []contract.Key {
	if len(parents) == 0 {
		if k == "" {
			key, _ := contract.Lookup(model.KindPersona, "kind")
			return []contract.Key{key}
		}
		return contract.Keys(k)
	}
	if items := contract.ItemKeys(k, dotted(parents...)); items != nil {
		return items
	}
	if key, ok := contract.Lookup(k, dotted(parents...)); ok && key.Type == contract.Mapping {
		return key.Keys
	}
	return nil
}
