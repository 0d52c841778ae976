package langserver

import (
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/workspace"
)

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	abs, ok := pathOf(p.TextDocument.URI)
	if !ok {
		return nil
	}
	b := &buffer{uri: p.TextDocument.URI, abs: abs, text: []byte(p.TextDocument.Text), version: p.TextDocument.Version}
	if prev := s.buffers[b.uri]; prev != nil {
		s.forget(prev)
	}
	s.buffers[b.uri] = b
	if !frontmatter.IsPage(abs) {
		return nil
	}
	sp := s.spaceFor(abs)
	if sp == nil {
		return nil
	}
	b.sp = sp
	if rel, ok := sp.rel(abs); ok {
		b.rel = rel
		sp.open[rel] = b
		if sp.broken == "" {
			s.refresh(sp, rel) // publishes b, once
			return nil
		}
	}
	s.publish(b) // a file outside the workspace, or in a broken one: nothing
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return nil
	}
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			b.text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			if c.Range == nil {
				b.text = []byte(c.Text)
				continue
			}
			lines := newLineIndex(b.text)
			start, end := lines.offset(c.Range.Start), lines.offset(c.Range.End)
			if end < start {
				start, end = end, start
			}
			b.text = slices.Concat(b.text[:start], []byte(c.Text), b.text[end:])
		}
	}
	b.version = p.TextDocument.Version
	s.changed(b)
	return nil
}

func (s *server) changed(b *buffer) {
	if b.sp != nil && b.rel != "" {
		s.refresh(b.sp, b.rel)
	}
}

func (s *server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return nil
	}
	if path.Base(b.uri) == config.FileName {
		s.reloadFor(b.abs)
		return nil
	}
	s.changed(b)
	return nil
}

func (s *server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return nil
	}
	s.forget(b)
	// Diagnostics of a closed file are no longer kept up to date.
	s.notify(string(protocol.ServerTextDocumentPublishDiagnostics), protocol.PublishDiagnosticsParams{URI: b.uri, Diagnostics: []protocol.Diagnostic{}})
	return nil
}

// forget drops a buffer; the file reads as it is on disk again.
func (s *server) forget(b *buffer) {
	delete(s.buffers, b.uri)
	if b.sp != nil && b.rel != "" && b.sp.open[b.rel] == b {
		delete(b.sp.open, b.rel)
		s.refresh(b.sp, b.rel)
	}
}

// reloadFor reloads the workspaces whose config is the file abs.
func (s *server) reloadFor(abs string) {
	for _, sp := range s.spaces {
		if sp.loc.ConfigPath == abs || filepath.Dir(abs) == sp.loc.Root {
			loc, err := workspace.Locate(sp.loc.Root)
			if err == nil {
				sp.loc = loc
			}
			s.load(sp)
			for _, b := range sp.open {
				s.publish(b)
			}
		}
	}
}

func (s *server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, ev := range p.Changes {
		abs, ok := pathOf(ev.URI)
		if !ok {
			continue
		}
		if path.Base(abs) == config.FileName {
			s.reloadFor(abs)
			continue
		}
		for _, sp := range s.spaces {
			rel, ok := sp.rel(abs)
			if !ok || sp.broken != "" || sp.open[rel] != nil {
				continue // the editor's text wins over the disk's
			}
			if frontmatter.IsPage(rel) {
				s.refresh(sp, rel)
				continue
			}
			if ev.Type == protocol.UInteger(protocol.FileChangeTypeDeleted) {
				// A directory went: every file under it did.
				for _, d := range slices.Clone(sp.ws.Docs) {
					if strings.HasPrefix(d.Path, rel+"/") {
						s.refresh(sp, d.Path)
					}
				}
			}
		}
	}
	return nil
}
