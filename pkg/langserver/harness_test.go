package langserver

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/workspace"
)

// testToday is the date every test lints on, so stale findings are fixed.
var testToday = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// client drives a server in-process over a pipe, as an editor does over
// stdio: real JSON-RPC framing, one message at a time.
type client struct {
	t    *testing.T
	conn *jsonrpc2.Conn
	root string

	mu        sync.Mutex
	diags     map[string]published // latest, by URI
	published int
	messages  []string // window/showMessage texts
	versions  map[string]int32
}

type duplex struct {
	io.Reader
	io.Writer
}

func (d duplex) Close() error {
	for _, half := range []any{d.Reader, d.Writer} {
		if c, ok := half.(io.Closer); ok {
			c.Close()
		}
	}
	return nil
}

// clientHandler takes the server's messages as an editor does: in order,
// and never blocking the reading of the next one on a reply (the server
// may be writing to us while we write to it).
type clientHandler struct{ c *client }

func (h clientHandler) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	c := h.c
	if !req.Notif {
		go conn.Reply(ctx, req.ID, nil) // registerCapability: accepted
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch req.Method {
	case "textDocument/publishDiagnostics":
		var p published
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.diags[p.URI] = p
		c.published++
	case "window/showMessage":
		var p protocol.ShowMessageParams
		json.Unmarshal(*req.Params, &p)
		c.messages = append(c.messages, p.Message)
	}
}

// start copies the tree at src (if any) into a fresh workspace and starts
// a server on it, initialized.
func start(t *testing.T, src string) *client {
	t.Helper()
	root := t.TempDir()
	if src != "" {
		copyTree(t, src, root)
	}
	return startAt(t, root)
}

func startAt(t *testing.T, root string) *client {
	t.Helper()
	c2sR, c2sW := io.Pipe()
	s2cR, s2cW := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		Serve(context.Background(), Options{In: c2sR, Out: s2cW, Log: io.Discard, Today: func() time.Time { return testToday }, Version: "test"})
		s2cW.Close()
	}()
	c := &client{t: t, root: root, diags: map[string]published{}, versions: map[string]int32{}}
	handler := clientHandler{c}
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(duplex{s2cR, c2sW}, jsonrpc2.VSCodeObjectCodec{}), handler)
	t.Cleanup(func() {
		c.conn.Close()
		c2sW.Close()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop when its input closed")
		}
	})
	var init json.RawMessage
	params := map[string]any{
		"processId": nil,
		"rootUri":   uriOf(root),
		"capabilities": map[string]any{
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
		},
	}
	c.call("initialize", params, &init)
	c.notify("initialized", struct{}{})
	return c
}

func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) callErr(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// sync waits until the server has handled everything sent so far: it
// handles messages in order, so the reply to a request comes after every
// notification an earlier message made it send.
func (c *client) sync() {
	c.t.Helper()
	var out json.RawMessage
	c.call("textDocument/documentSymbol", protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: "file:///nonexistent/sync.md"}}, &out)
}

func (c *client) path(rel string) string { return filepath.Join(c.root, filepath.FromSlash(rel)) }
func (c *client) uri(rel string) string  { return uriOf(c.path(rel)) }

// open opens a workspace file with its text on disk, or with text.
func (c *client) open(rel string, text ...string) {
	c.t.Helper()
	body := ""
	if len(text) > 0 {
		body = text[0]
	} else {
		data, err := os.ReadFile(c.path(rel))
		if err != nil {
			c.t.Fatal(err)
		}
		body = string(data)
	}
	c.versions[rel] = 1
	c.notify("textDocument/didOpen", protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: c.uri(rel), LanguageID: "markdown", Version: 1, Text: body,
	}})
	c.sync()
}

// replace sends a whole new text for an open file.
func (c *client) replace(rel, text string) {
	c.t.Helper()
	c.versions[rel]++
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Version: c.versions[rel]},
		ContentChanges: []any{protocol.TextDocumentContentChangeEventWhole{Text: text}},
	})
	c.sync()
}

// edit sends an incremental change of an open file.
func (c *client) edit(rel string, r protocol.Range, text string) {
	c.t.Helper()
	c.versions[rel]++
	c.notify("textDocument/didChange", protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: c.uri(rel)}, Version: c.versions[rel]},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: text}},
	})
	c.sync()
}

// published is publishDiagnostics as it travels: glsp's types cannot
// read a diagnostic's code back, so the client decodes its own.
type published struct {
	URI         string           `json:"uri"`
	Version     *int32           `json:"version"`
	Diagnostics []wireDiagnostic `json:"diagnostics"`
}

type wireDiagnostic struct {
	Range           protocol.Range `json:"range"`
	Severity        int            `json:"severity"`
	Code            string         `json:"code"`
	CodeDescription struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source  string `json:"source"`
	Message string `json:"message"`
}

// diagnostics returns the latest diagnostics published for rel.
func (c *client) diagnostics(rel string) []wireDiagnostic {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.diags[c.uri(rel)]
	if !ok {
		c.t.Fatalf("no diagnostics were published for %s", rel)
	}
	return p.Diagnostics
}

// lintNow runs persona lint's engine on the files as they are on disk:
// what the diagnostics must equal.
func lintNow(t *testing.T, root string) map[string][]finding.Finding {
	t.Helper()
	loc, err := workspace.Locate(root)
	if err != nil {
		t.Fatal(err)
	}
	cfg, runner, err := rules.Configured(loc.ConfigPath, loc.ConfigPath)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(loc.Root, workspace.Options{Config: cfg, Inspect: runner.Inspector(), Slim: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]finding.Finding{}
	for _, f := range runner.Run(ws, lint.Options{Today: testToday}) {
		out[f.Path] = append(out[f.Path], f)
	}
	return out
}

// summary is a diagnostic or finding reduced to what both have, for
// comparing: 1-based line, code point column, rule, severity, message.
type summary struct {
	Line, Column int
	Rule         string
	Severity     int
	Message      string
}

func summarizeFindings(fs []finding.Finding) []summary {
	out := []summary{}
	sev := map[finding.Severity]int{finding.Error: 1, finding.Warning: 2, finding.Info: 3}
	for _, f := range fs {
		out = append(out, summary{f.Line, f.Column, f.Rule, sev[f.Severity], f.Message})
	}
	return out
}

func summarizeDiagnostics(text string, ds []wireDiagnostic) []summary {
	lines := newLineIndex([]byte(text))
	out := []summary{}
	for _, d := range ds {
		line, col := lines.column(d.Range.Start)
		out = append(out, summary{line, col, d.Code, d.Severity, d.Message})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	return out
}

// markdownFiles lists the workspace's Markdown files, relative.
func markdownFiles(t *testing.T, root string) []string {
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func timeAfter() <-chan time.Time { return time.After(10 * time.Second) }
