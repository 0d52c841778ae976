// Package langserver is persona's Language Server Protocol server (SPEC
// §11): lint's diagnostics, completion, hover, definitions, references,
// fixes as code actions and document symbols for the files being edited,
// on unsaved text. It keeps each workspace loaded and, on an edit, decodes
// the one changed file again and re-checks only the documents the change
// can affect.
//
// Messages are handled one at a time, in the order they arrive, so the
// state needs no locks; replies to the client's requests are the only
// calls made from other goroutines.
package langserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Options configure a server.
type Options struct {
	In  io.Reader
	Out io.Writer
	// Log receives the server's own messages (stderr: an LSP client shows
	// or keeps it, while stdout carries the protocol).
	Log io.Writer
	// Today is the date rules such as stale measure from; it is asked for
	// on every check, so that a server left running for days stays right.
	Today   func() time.Time
	Version string
	// Loaded, if set, is called after each workspace load: the command
	// tunes the garbage collector for loading, then for editing.
	Loaded func()
}

// Serve runs the server on opts.In and opts.Out until the client sends
// exit or closes the stream.
func Serve(ctx context.Context, opts Options) error {
	s := newServer(opts)
	stream := newTransport(pipe{opts.In, opts.Out})
	handler := jsonrpc2.HandlerWithError(s.handle)
	// The library's own complaints go to the server's log, not the
	// process's stderr.
	conn := jsonrpc2.NewConn(ctx, stream, handler, jsonrpc2.SetLogger(log.New(s.opts.Log, "persona lsp: ", 0)))
	s.conn = conn
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	if s.exitEarly {
		return ErrExitWithoutShutdown
	}
	return nil
}

// ErrExitWithoutShutdown is Serve's error when the client sent exit before
// shutdown: the process then exits 1, as LSP asks.
var ErrExitWithoutShutdown = errors.New("the client sent exit without shutdown")

// pipe joins the two halves of stdio into the stream jsonrpc2 reads and
// writes; closing it closes whichever half can be closed.
type pipe struct {
	io.Reader
	io.Writer
}

func (p pipe) Close() error {
	var errs []error
	for _, half := range []any{p.Reader, p.Writer} {
		if c, ok := half.(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}

type server struct {
	opts     Options
	conn     *jsonrpc2.Conn
	protocol protocol.Handler
	buffers  map[string]*buffer // open files, by URI
	spaces   map[string]*space  // loaded workspaces, by root
	watch    bool               // the client watches files for us on request
	shutdown bool
	// exitEarly: exit came before shutdown.
	exitEarly bool
}

func newServer(opts Options) *server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Today == nil {
		opts.Today = time.Now
	}
	s := &server{opts: opts, buffers: map[string]*buffer{}, spaces: map[string]*space{}}
	s.protocol = protocol.Handler{
		Initialize:                     s.initialize,
		Initialized:                    s.initialized,
		Shutdown:                       s.shutdownRequest,
		Exit:                           func(*glsp.Context) error { return nil },
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
		TextDocumentCompletion:         s.completion,
		TextDocumentHover:              s.hover,
		TextDocumentDefinition:         s.definition,
		TextDocumentReferences:         s.references,
		TextDocumentCodeAction:         s.codeAction,
		TextDocumentDocumentSymbol:     s.documentSymbol,
	}
	return s
}

// handle dispatches one message. A panic in a handler becomes an error
// reply (and a line in the log) rather than the end of the connection: a
// half-written file must never take the editor's server down.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.opts.Log, "persona lsp: internal error in %s: %v\n%s", req.Method, r, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("persona: internal error in %s: %v", req.Method, r)}
		}
	}()
	gctx := &glsp.Context{Method: req.Method}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	if req.Method == "exit" {
		s.exitEarly = !s.shutdown
		return nil, conn.Close()
	}
	if !s.protocol.IsInitialized() && req.Method != "initialize" && !req.Notif {
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "send initialize first"}
	}
	if s.shutdown && !req.Notif {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down; send exit"}
	}
	r, validMethod, validParams, err := s.protocol.Handle(gctx)
	switch {
	case !validMethod && req.Notif:
		return nil, nil // a notification the server has no use for
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "persona lsp does not handle " + req.Method}
	case !validParams:
		msg := "invalid parameters"
		if err != nil {
			msg += ": " + err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: err.Error()}
	}
	return r, nil
}

func (s *server) notify(method string, params any) {
	if s.conn == nil {
		return
	}
	if err := s.conn.Notify(context.Background(), method, params); err != nil {
		fmt.Fprintf(s.opts.Log, "persona lsp: cannot send %s: %v\n", method, err)
	}
}

func (s *server) showError(msg string) {
	s.notify(string(protocol.ServerWindowShowMessage), protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg})
}

func (s *server) initialize(_ *glsp.Context, params *protocol.InitializeParams) (any, error) {
	if w := params.Capabilities.Workspace; w != nil && w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil {
		s.watch = *w.DidChangeWatchedFiles.DynamicRegistration
	}
	syncKind := protocol.TextDocumentSyncKindIncremental
	version := s.opts.Version
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    &syncKind,
				Save:      protocol.SaveOptions{IncludeText: ptr(false)},
			},
			CompletionProvider: &protocol.CompletionOptions{TriggerCharacters: []string{":", " ", "-", "@", "[", ","}},
			HoverProvider:      true,
			DefinitionProvider: true,
			ReferencesProvider: true,
			CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{
				protocol.CodeActionKindQuickFix, codeActionFixAll,
			}},
			DocumentSymbolProvider: true,
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "persona", Version: &version},
	}, nil
}

func (s *server) initialized(*glsp.Context, *protocol.InitializedParams) error {
	if !s.watch || s.conn == nil {
		return nil
	}
	params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:     "persona-watch",
		Method: string(protocol.MethodWorkspaceDidChangeWatchedFiles),
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
			{GlobPattern: "**/*.md"}, {GlobPattern: "**/.persona.yaml"},
		}},
	}}}
	// A request to the client waits for its reply, which is read by the
	// loop this handler runs on: it must not wait here.
	go func() {
		var result json.RawMessage
		if err := s.conn.Call(context.Background(), string(protocol.ServerClientRegisterCapability), params, &result); err != nil {
			fmt.Fprintf(s.opts.Log, "persona lsp: the editor would not watch files for us (%v); files changed outside it are seen when opened\n", err)
		}
	}()
	return nil
}

func (s *server) shutdownRequest(*glsp.Context) error {
	s.shutdown = true
	return nil
}

func ptr[T any](v T) *T { return &v }
