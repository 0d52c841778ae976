package langserver

import (
	"bytes"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/mdguard"
)

// documentSymbol outlines a file: the front matter's top-level keys, then
// the body's headings nested by level.
func (s *server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	out := []protocol.DocumentSymbol{}
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return out, nil
	}
	lines := newLineIndex(b.text)
	block := frontmatter.Split(b.text)
	if block.Format == frontmatter.YAML {
		out = append(out, keySymbols(lines, block)...)
	}
	out = append(out, headingSymbols(lines, block)...)
	return out, nil
}

// keySymbols reads the top-level keys line by line, so that front matter
// being written, which does not parse yet, still has its outline.
func keySymbols(lines *lineIndex, block frontmatter.Block) []protocol.DocumentSymbol {
	last := block.BodyLine - 3 // 0-based line before the closing delimiter
	if !block.Closed {
		last = lines.lines() - 1
	}
	var out []protocol.DocumentSymbol
	for n := 1; n <= last; n++ {
		l := lines.line(n)
		m := keyValueLine.FindSubmatchIndex(l)
		if m == nil || len(l) == 0 || l[0] == ' ' || l[0] == '\t' {
			continue
		}
		if len(out) > 0 {
			prev := &out[len(out)-1]
			prev.Range.End = endOfLine(lines, n-1)
		}
		name := string(l[m[2]:m[3]])
		sel := protocol.Range{
			Start: protocol.Position{Line: protocol.UInteger(n)},
			End:   protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(utf16Count(l[:m[3]]))},
		}
		out = append(out, protocol.DocumentSymbol{Name: name, Kind: protocol.SymbolKindProperty, Range: protocol.Range{Start: sel.Start, End: endOfLine(lines, n)}, SelectionRange: sel})
	}
	if len(out) > 0 {
		out[len(out)-1].Range.End = endOfLine(lines, last)
	}
	return out
}

func endOfLine(lines *lineIndex, n int) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(n), Character: protocol.UInteger(utf16Count(lines.line(n)))}
}

// headingSymbols outlines the body's headings, each holding the headings
// of lower levels that follow it. A body mdguard refuses to parse (deep
// nesting, too large) has none.
func headingSymbols(lines *lineIndex, block frontmatter.Block) []protocol.DocumentSymbol {
	if mdguard.Check(block.Body) != nil {
		return nil
	}
	body := newLineIndex(block.Body)
	// Symbols are built as a tree of pointers, so that a heading's range
	// can end when a later heading closes it, and copied out at the end.
	type node struct {
		level    int
		sym      protocol.DocumentSymbol
		children []*node
	}
	root := &node{}
	stack := []*node{root}
	closeUpTo := func(level, lastLine int) {
		for len(stack) > 1 && stack[len(stack)-1].level >= level {
			n := stack[len(stack)-1]
			n.sym.Range.End = endOfLine(lines, max(lastLine, int(n.sym.Range.Start.Line)))
			stack = stack[:len(stack)-1]
		}
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(block.Body))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		seg := h.Lines().At(0)
		line := int(body.position(seg.Start).Line) + block.BodyLine - 1
		name := string(bytes.TrimSpace(seg.Value(block.Body)))
		if name == "" {
			name = "(untitled heading)"
		}
		closeUpTo(h.Level, line-1)
		sel := protocol.Range{Start: protocol.Position{Line: protocol.UInteger(line)}, End: endOfLine(lines, line)}
		child := &node{level: h.Level, sym: protocol.DocumentSymbol{Name: name, Kind: protocol.SymbolKindString, Range: sel, SelectionRange: sel}}
		parent := stack[len(stack)-1]
		parent.children = append(parent.children, child)
		stack = append(stack, child)
	}
	closeUpTo(0, lines.lines()-1)
	var flatten func(n *node) []protocol.DocumentSymbol
	flatten = func(n *node) []protocol.DocumentSymbol {
		var out []protocol.DocumentSymbol
		for _, c := range n.children {
			c.sym.Children = flatten(c)
			out = append(out, c.sym)
		}
		return out
	}
	return flatten(root)
}
