package langserver

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Renaming an ICP in its open buffer re-checks the open personas that name
// it, before the file is saved.
func TestEditPublishesForOtherOpenFiles(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	const icp = "icps/mid-market-saas.md"
	c.open(fiona)
	c.open(icp)
	if d := c.diagnostics(fiona); len(d) != 0 {
		t.Fatalf("fiona starts with %+v", d)
	}
	text := c.read(icp)
	c.replace(icp, strings.Replace(text, "id: mid-market-saas", "id: mid-market", 1))
	d := c.diagnostics(fiona)
	if len(d) != 1 || d[0].Code != "persona-unknown-icp" || !strings.Contains(d[0].Message, `"mid-market-saas" does not exist`) {
		t.Fatalf("fiona after the rename: %+v", d)
	}
	if d[0].CodeDescription.Href == "" || d[0].Source != "persona" || d[0].Severity != 1 {
		t.Errorf("the diagnostic lacks its documentation link, source or severity: %+v", d[0])
	}
	c.replace(icp, text)
	if d := c.diagnostics(fiona); len(d) != 0 {
		t.Errorf("fiona after the rename is undone: %+v", d)
	}
}

// Files changed outside the editor are seen through the watcher; the
// config too, and a broken config says so instead of checking nothing in
// silence.
func TestWatchedFiles(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	c.open(fiona)
	changed := func(rel string) {
		c.notify("workspace/didChangeWatchedFiles", protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: c.uri(rel), Type: protocol.UInteger(protocol.FileChangeTypeChanged)}}})
		c.sync()
	}
	const iv = "interviews/2026-09-03-cfo-logistics-saas.md"
	notes := c.read(iv)
	os.WriteFile(c.path(iv), []byte(strings.Replace(notes, "The close takes nine working days.", "It is slow.", 1)), 0o644)
	changed(iv)
	if d := c.diagnostics(fiona); len(d) != 1 || d[0].Code != "quote-not-found" {
		t.Fatalf("after the notes changed on disk: %+v", d)
	}
	os.WriteFile(c.path(iv), []byte(notes), 0o644)
	changed(iv)
	if d := c.diagnostics(fiona); len(d) != 0 {
		t.Fatalf("after the notes were restored: %+v", d)
	}
	cfg := c.read(".persona.yaml")
	os.WriteFile(c.path(".persona.yaml"), []byte(strings.Replace(cfg, "{min: 3}", "{min: 9}", 1)), 0o644)
	changed(".persona.yaml")
	if d := c.diagnostics(fiona); len(d) != 1 || d[0].Code != "persona-few-sources" {
		t.Fatalf("after the config changed: %+v", d)
	}
	os.WriteFile(c.path(".persona.yaml"), []byte(cfg+"  no-such-rule: error\n"), 0o644)
	changed(".persona.yaml")
	c.mu.Lock()
	msgs := strings.Join(c.messages, "\n")
	c.mu.Unlock()
	if !strings.Contains(msgs, `unknown rule "no-such-rule"`) {
		t.Errorf("a broken config was not shown: %q", msgs)
	}
	if d := c.diagnostics(fiona); len(d) != 0 {
		t.Errorf("with a broken config nothing is checked, as lint checks nothing: %+v", d)
	}
}

// An editor sends text, not bytes: a file that is not UTF-8 on disk is
// checked as the editor decoded it, and it reads as on disk again once
// closed.
func TestNotUTF8OnDisk(t *testing.T) {
	c := start(t, "../../examples/flawed")
	const rel = "personas/latin1.md"
	disk, _ := os.ReadFile(c.path(rel))
	if utf8.Valid(disk) {
		t.Fatal("the example is meant to be Latin-1")
	}
	decoded := make([]rune, len(disk))
	for i, b := range disk {
		decoded[i] = rune(b) // Latin-1 is the first 256 code points
	}
	c.open(rel, string(decoded))
	for _, d := range c.diagnostics(rel) {
		if d.Code == "file-unreadable" {
			t.Errorf("the decoded buffer is reported unreadable: %+v", d)
		}
	}
	c.notify("textDocument/didClose", protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(rel)}})
	c.sync()
	if d := c.diagnostics(rel); len(d) != 0 {
		t.Errorf("a closed file keeps diagnostics: %+v", d)
	}
}

// Half-written front matter, edits out of range and requests anywhere
// never crash the server or drop the connection.
func TestHostileEditsKeepTheConnection(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	const rel = "personas/typing.md"
	c.open(rel, "")
	texts := []string{"---\n", "---\nkind: persona\nid: [", "---\nkind: persona\nname: &a [*a, *a]\n", "---\nkind: persona\n\tgoals:\n - x\n---\n" + strings.Repeat(">", 5000),
		"---\nkind: persona\nicp: \"unterminated\n", "---\r\nkind: persona\r\nicp: x\r", "---\nkind: persona\nid: 😀\n" + strings.Repeat("[", 10000) + "\n---\n" + strings.Repeat("- ", 20000)}
	far := protocol.Position{Line: 1 << 30, Character: 1 << 30}
	for _, text := range texts {
		c.replace(rel, text)
		for _, d := range c.diagnostics(rel) {
			if d.Range.Start.Line > protocol.UInteger(strings.Count(text, "\n")+1) {
				t.Errorf("diagnostic %+v is outside the text %q", d, text)
			}
		}
		c.edit(rel, protocol.Range{Start: far, End: protocol.Position{}}, "x")
		for _, method := range []string{"textDocument/completion", "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/documentSymbol", "textDocument/codeAction"} {
			var out json.RawMessage
			params := map[string]any{"textDocument": map[string]any{"uri": c.uri(rel)}, "position": far, "range": map[string]any{"start": far, "end": far},
				"context": map[string]any{"diagnostics": []any{}, "includeDeclaration": true}}
			if err := c.callErr(method, params, &out); err != nil {
				t.Errorf("%s on %q: %v", method, text, err)
			}
		}
	}
	var out json.RawMessage
	if err := c.callErr("textDocument/formatting", map[string]any{}, &out); err == nil || !strings.Contains(err.Error(), "does not handle") {
		t.Errorf("an unsupported method: %v", err)
	}
	c.sync()
}

func TestRequestBeforeInitialize(t *testing.T) {
	c2sR, c2sW := io.Pipe()
	s2cR, s2cW := io.Pipe()
	go Serve(context.Background(), Options{In: c2sR, Out: s2cW})
	conn := jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(duplex{s2cR, c2sW}, jsonrpc2.VSCodeObjectCodec{}), clientHandler{&client{t: t}})
	defer func() { conn.Close(); c2sW.Close() }()
	var out json.RawMessage
	err := conn.Call(context.Background(), "textDocument/hover", map[string]any{}, &out)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != codeServerNotInitialized {
		t.Errorf("a request before initialize: %v, want error %d", err, codeServerNotInitialized)
	}
}

func TestShutdownThenExit(t *testing.T) {
	c := start(t, "")
	var out json.RawMessage
	c.call("shutdown", nil, &out)
	if err := c.callErr("textDocument/hover", map[string]any{}, &out); err == nil {
		t.Error("a request after shutdown was answered")
	}
	c.notify("exit", nil)
	select {
	case <-c.conn.DisconnectNotify():
	case <-timeAfter():
		t.Fatal("exit did not end the connection")
	}
}

// A notification the server has no use for (Neovim sends
// workspace/didChangeConfiguration) is ignored in silence: nothing in the
// log, no reply, the connection goes on.
func TestUnknownNotificationIsQuiet(t *testing.T) {
	c2sR, c2sW := io.Pipe()
	s2cR, s2cW := io.Pipe()
	var logged syncBuffer
	go Serve(context.Background(), Options{In: c2sR, Out: s2cW, Log: &logged})
	c := &client{t: t, diags: map[string]published{}}
	conn := jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(duplex{s2cR, c2sW}, jsonrpc2.VSCodeObjectCodec{}), clientHandler{c})
	defer func() { conn.Close(); c2sW.Close() }()
	c.conn = conn
	var out json.RawMessage
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &out)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{}})
	c.notify("$/cancelRequest", map[string]any{"id": 1})
	c.sync()
	if s := logged.String(); s != "" {
		t.Errorf("the log says %q", s)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestOpenPublishesOnce: opening a file sends its diagnostics once — the
// editor drew them twice on open — and the first open, which loads the
// workspace, too.
func TestOpenPublishesOnce(t *testing.T) {
	c := start(t, "../../examples/acme-analytics")
	for _, rel := range []string{fiona, "icps/mid-market-saas.md"} {
		c.mu.Lock()
		before := c.published
		c.mu.Unlock()
		c.open(rel)
		c.mu.Lock()
		n := c.published - before
		c.mu.Unlock()
		if n != 1 {
			t.Errorf("opening %s published diagnostics %d times, want once", rel, n)
		}
	}
}
