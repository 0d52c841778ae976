package langserver

import (
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// FuzzEditorRequests opens any text as a persona of a real workspace and
// asks for everything the server offers at any position: no panic, and
// positions convert back and forth without loss.
func FuzzEditorRequests(f *testing.F) {
	f.Add("---\nkind: persona\nicp: mid\nsources:\n  - 2026\n---\n# H\n", uint32(2), uint32(7))
	f.Add("---\nkind: persona\ngoals:\n  - text: x\n    evidence:\n      - interview: a\n        quote: \"b\"\n---\n", uint32(6), uint32(16))
	f.Add("---\r\nkind: persona\rid: zoë😀\r\n", uint32(1), uint32(3))
	f.Add("# only a body [@x]\n\n## two\n", uint32(0), uint32(16))
	root := f.TempDir()
	copyTree(f, "../../examples/acme-analytics", root)
	s := newServer(Options{Today: func() time.Time { return testToday }})
	uri := uriOf(filepath.Join(root, "personas", "fuzzed.md"))
	f.Fuzz(func(t *testing.T, text string, line, char uint32) {
		if !utf8.ValidString(text) {
			return // JSON carries text: an editor cannot send invalid UTF-8
		}
		s.didOpen(nil, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: text, Version: 1}})
		pos := protocol.Position{Line: protocol.UInteger(line % 64), Character: protocol.UInteger(char % 128)}
		id := protocol.TextDocumentIdentifier{URI: uri}
		tdp := protocol.TextDocumentPositionParams{TextDocument: id, Position: pos}
		s.completion(nil, &protocol.CompletionParams{TextDocumentPositionParams: tdp})
		s.hover(nil, &protocol.HoverParams{TextDocumentPositionParams: tdp})
		s.definition(nil, &protocol.DefinitionParams{TextDocumentPositionParams: tdp})
		s.references(nil, &protocol.ReferenceParams{TextDocumentPositionParams: tdp})
		s.documentSymbol(nil, &protocol.DocumentSymbolParams{TextDocument: id})
		s.codeAction(nil, &protocol.CodeActionParams{TextDocument: id, Range: protocol.Range{Start: protocol.Position{}, End: pos}})
		lines := newLineIndex([]byte(text))
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			if back := lines.offset(lines.position(off)); back != off && !lineEndInside(text, off) {
				t.Fatalf("offset %d → %+v → %d", off, lines.position(off), back)
			}
		}
		s.didClose(nil, &protocol.DidCloseTextDocumentParams{TextDocument: id})
	})
}

// lineEndInside reports whether off falls between the CR and LF of a
// CRLF, a place no position names.
func lineEndInside(text string, off int) bool {
	return off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n'
}
