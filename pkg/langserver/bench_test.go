package langserver

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/generate"
)

// BenchmarkEdit is one keystroke's work in a 10,500-file workspace: an
// edit of an open persona, re-decoded and re-checked with what it affects
// (the figure the README's editor latency rests on; persona-bench lsp
// measures it end to end, over stdio).
func BenchmarkEdit(b *testing.B) {
	for _, shape := range []struct {
		name string
		opts func(int) generate.Options
	}{{"", generate.Defaults}, {"realistic/", generate.RealisticDefaults}} {
		for _, icps := range []int{500, 2500} {
			b.Run(fmt.Sprintf("%sfiles=%d", shape.name, icps*21), func(b *testing.B) { benchmarkEdit(b, shape.opts(icps)) })
		}
	}
}

func benchmarkEdit(b *testing.B, opts generate.Options) {
	root := b.TempDir()
	if _, err := generate.Workspace(root, opts); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(root, "personas", "icp-00007", "persona-00007-2.md")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	s := newServer(Options{Today: func() time.Time { return testToday }})
	uri := uriOf(path)
	s.didOpen(nil, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Text: text, Version: 1}})
	edited := strings.Replace(text, "\nicp: ", "\nicp: x", 1)
	b.ResetTimer()
	for i := range b.N {
		next := []string{edited, text}[i%2]
		s.didChange(nil, &protocol.DidChangeTextDocumentParams{
			TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: protocol.Integer(i + 2)},
			ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: next}},
		})
	}
}
