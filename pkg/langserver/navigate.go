package langserver

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/quote"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/personakit/persona/pkg/yamlkit"
)

// target is a reference under the cursor and what it resolves to.
type target struct {
	ref   model.Str       // as written
	doc   *model.Document // the ICP or interview it names; nil when broken
	quote string          // the quote's words, for a quote
}

// contains reports whether the persona position line:column lies on a
// value written at pos (quotes around it included).
func contains(v model.Str, line, column int) bool {
	if v.Pos.Line <= 0 || v.Value == "" {
		return false
	}
	extra := strings.Count(v.Value, "\n")
	at, col := int(v.Pos.Line), int(v.Pos.Column)
	if line < at || line > at+extra {
		return false
	}
	return line > at || column >= col && column <= col+utf8.RuneCountInString(v.Value)+2
}

// targetAt finds the reference at a position of a buffer: an icp, a source
// or evidence item, a body citation, or a quote with its source.
func (s *server) targetAt(b *buffer, pos protocol.Position) (target, bool) {
	if b.sp == nil || b.sp.ws == nil || b.rel == "" {
		return target{}, false
	}
	ws := b.sp.ws
	d := ws.Doc(b.rel)
	if d == nil {
		return target{}, false
	}
	line, column := newLineIndex(b.text).column(pos)
	icp := func(v model.Str) (target, bool) {
		return target{ref: v, doc: ws.Lookup(model.KindICP, v.Value)}, true
	}
	interview := func(v model.Str) *model.Document {
		if res := ws.ResolveSource(d, v.Value); res.Status == workspace.SourceFound {
			return res.Doc
		}
		return nil
	}
	switch {
	case d.Interview != nil && contains(d.Interview.ICP, line, column):
		return icp(d.Interview.ICP)
	case d.Persona == nil:
		return target{}, false
	case contains(d.Persona.ICP, line, column):
		return icp(d.Persona.ICP)
	}
	var quoted *target
	d.Persona.EachEvidence(func(ref, quote model.Str) bool {
		if contains(quote, line, column) {
			quoted = &target{ref: ref, doc: interview(ref), quote: quote.Value}
		}
		return quoted == nil
	})
	if quoted != nil {
		return *quoted, true
	}
	for _, q := range d.Persona.QuoteItems {
		if q.Source.Value != "" && contains(q.Text, line, column) {
			return target{ref: q.Source, doc: interview(q.Source), quote: q.Text.Value}, true
		}
	}
	for ref := range d.Persona.Refs() {
		if contains(ref, line, column) {
			return target{ref: ref, doc: interview(ref)}, true
		}
	}
	return target{}, false
}

// textOf returns a workspace file's text as the editor has it: the open
// buffer's, else the file on disk's.
func (s *server) textOf(sp *space, rel string) []byte {
	if b := sp.open[rel]; b != nil {
		return b.text
	}
	src, _, err := fileio.ReadRegular(filepath.Join(sp.loc.Root, filepath.FromSlash(rel)), workspace.MaxFileSize)
	if err != nil {
		return nil
	}
	src, _ = yamlkit.FromUTF16(src)
	return src
}

// passage finds a quote in an interview's notes: the 1-based file line it
// starts on and that line's text, or the closest passage when the words do
// not occur (found false).
func (s *server) passage(sp *space, iv *model.Document, words string) (line int, text string, percent int, found bool) {
	body, bodyLine, err := sp.ws.Body(iv)
	if err != nil {
		return 0, "", 0, false
	}
	notes := quote.NewText(body)
	if at, ok := notes.Locate(words); ok {
		l := newLineIndex(body).line(at)
		return bodyLine + at, string(l), 100, true
	}
	best := notes.Closest(words)
	if best.Percent == 0 {
		return 0, "", 0, false
	}
	return bodyLine + best.Line, best.Text, best.Percent, false
}

func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return nil, nil
	}
	if t, ok := s.targetAt(b, p.Position); ok {
		var value string
		switch {
		case t.doc == nil:
			value = fmt.Sprintf("%s resolves to nothing in this workspace", "`"+strings.ReplaceAll(t.ref.Value, "`", "'")+"`")
		case t.quote != "":
			value = describe(t.doc)
			line, text, percent, found := s.passage(b.sp, t.doc, t.quote)
			switch {
			case found:
				value += fmt.Sprintf("\n\nSaid at line %d:\n\n> %s", line, markdownText(text))
			case line > 0:
				value += fmt.Sprintf("\n\nNot in the notes; the closest passage, at line %d, holds %d%% of its words:\n\n> %s", line, percent, markdownText(text))
			default:
				value += "\n\nNot in the notes."
			}
		default:
			value = describe(t.doc)
		}
		return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: value}}, nil
	}
	c := newCursor(b, p.Position)
	if !c.inHead {
		return nil, nil
	}
	name, start, end, ok := c.keyAt()
	if !ok || c.at < start || c.at > end {
		return nil, nil
	}
	key, known := keyOf(c.kind, append(append([]string(nil), c.parents...), name))
	if !known {
		return nil, nil
	}
	value := "**" + markdownText(key.Name) + "** (" + string(key.Type) + ")\n\n" + markdownText(key.Description)
	if len(key.Values) > 0 {
		value += "\n\nOne of: " + markdownText(strings.Join(key.Values, ", "))
	}
	r := protocol.Range{
		Start: protocol.Position{Line: protocol.UInteger(c.line), Character: protocol.UInteger(utf16Count(c.text[:start]))},
		End:   protocol.Position{Line: protocol.UInteger(c.line), Character: protocol.UInteger(utf16Count(c.text[:end]))},
	}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: value}, Range: &r}, nil
}

func (s *server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	b := s.buffers[p.TextDocument.URI]
	if b == nil {
		return nil, nil
	}
	t, ok := s.targetAt(b, p.Position)
	if !ok || t.doc == nil {
		return nil, nil
	}
	line := 1
	if t.quote != "" {
		if l, _, _, _ := s.passage(b.sp, t.doc, t.quote); l > 0 {
			line = l
		}
	}
	return s.location(b.sp, t.doc.Path, model.Pos{Line: int32(line), Column: 1}), nil
}

// location is a position of a workspace file in LSP's terms.
func (s *server) location(sp *space, rel string, pos model.Pos) protocol.Location {
	lines := newLineIndex(s.textOf(sp, rel))
	start := lines.fromPersona(int(pos.Line), int(max(pos.Column, 1)))
	return protocol.Location{
		URI:   uriOf(filepath.Join(sp.loc.Root, filepath.FromSlash(rel))),
		Range: protocol.Range{Start: start, End: start},
	}
}

// references lists what cites the entity under the cursor (a reference in
// a persona), or else the file's own ICP or interview: personas' icp,
// sources, evidence, body citations and quote sources, interviews' icp.
func (s *server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	b := s.buffers[p.TextDocument.URI]
	out := []protocol.Location{}
	if b == nil || b.sp == nil || b.sp.ws == nil || b.rel == "" {
		return out, nil
	}
	ws := b.sp.ws
	of := ws.Doc(b.rel)
	if t, ok := s.targetAt(b, p.Position); ok && t.doc != nil {
		of = t.doc
	}
	if of == nil || of.Kind != model.KindICP && of.Kind != model.KindInterview {
		return out, nil
	}
	if p.Context.IncludeDeclaration {
		pos := of.IDPos
		if pos.Line <= 0 {
			pos = model.FileStart
		}
		out = append(out, s.location(b.sp, of.Path, pos))
	}
	for _, d := range ws.Docs {
		switch {
		case of.Kind == model.KindICP && d.Persona != nil && d.Persona.ICP.Value == of.ID:
			out = append(out, s.location(b.sp, d.Path, d.Persona.ICP.Pos))
		case of.Kind == model.KindICP && d.Interview != nil && d.Interview.ICP.Value == of.ID:
			out = append(out, s.location(b.sp, d.Path, d.Interview.ICP.Pos))
		case of.Kind == model.KindInterview && d.Persona != nil:
			for ref := range d.Persona.Refs() {
				if res := ws.ResolveSource(d, ref.Value); res.Doc == of && res.Status == workspace.SourceFound {
					out = append(out, s.location(b.sp, d.Path, ref.Pos))
				}
			}
		}
	}
	return out, nil
}
