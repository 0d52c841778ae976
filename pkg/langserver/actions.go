package langserver

import (
	"slices"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/fixes"
)

// codeActionFixAll applies every certain fix of a file at once.
const codeActionFixAll = protocol.CodeActionKind("source.fixAll.persona")

// placedFix is a finding whose suggestion was placed in the buffer's text.
type placedFix struct {
	finding finding.Finding
	edit    finding.Edit
}

// placedFixes places the suggestions of a buffer's findings in its text
// (SPEC §10): a suggestion that no longer matches the text has none.
func placedFixes(b *buffer) []placedFix {
	if b.sp == nil || b.rel == "" {
		return nil
	}
	var out []placedFix
	for _, f := range b.sp.findings[b.rel] {
		if f.Suggestion == nil {
			continue
		}
		if e, err := fixes.Place(b.text, b.rel, *f.Suggestion); err == nil {
			out = append(out, placedFix{finding: f, edit: e})
		}
	}
	return out
}

func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	b := s.buffers[p.TextDocument.URI]
	actions := []protocol.CodeAction{}
	if b == nil {
		return actions, nil
	}
	wantQuick, wantAll := true, true
	if len(p.Context.Only) > 0 {
		wantQuick = slices.ContainsFunc(p.Context.Only, func(k protocol.CodeActionKind) bool { return kindCovers(k, protocol.CodeActionKindQuickFix) })
		wantAll = slices.ContainsFunc(p.Context.Only, func(k protocol.CodeActionKind) bool { return kindCovers(k, codeActionFixAll) })
	}
	lines := newLineIndex(b.text)
	placed := placedFixes(b)
	for _, pf := range placed {
		d := diagnostic(lines, pf.finding)
		if !wantQuick || !overlaps(d.Range, p.Range) {
			continue
		}
		actions = append(actions, protocol.CodeAction{
			Title:       pf.finding.Suggestion.Description,
			Kind:        ptr(protocol.CodeActionKindQuickFix),
			Diagnostics: []protocol.Diagnostic{d},
			IsPreferred: ptr(true),
			Edit:        s.editOf(b, lines, pf.edit),
		})
	}
	if wantAll && len(placed) > 0 {
		// Every fix whose bytes no earlier fix touches; the rest are
		// offered again once these are applied.
		var edits []protocol.TextEdit
		var taken []finding.Edit
		for _, pf := range placed {
			if slices.ContainsFunc(taken, func(t finding.Edit) bool {
				return pf.edit.StartByte < t.EndByte && t.StartByte < pf.edit.EndByte || pf.edit.StartByte == t.StartByte
			}) {
				continue
			}
			taken = append(taken, pf.edit)
			edits = append(edits, textEdit(lines, pf.edit))
		}
		actions = append(actions, protocol.CodeAction{
			Title: "Apply every certain persona fix in this file",
			Kind:  ptr(codeActionFixAll),
			Edit:  &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{b.uri: edits}},
		})
	}
	return actions, nil
}

func (s *server) editOf(b *buffer, lines *lineIndex, e finding.Edit) *protocol.WorkspaceEdit {
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{b.uri: {textEdit(lines, e)}}}
}

func textEdit(lines *lineIndex, e finding.Edit) protocol.TextEdit {
	return protocol.TextEdit{
		Range:   protocol.Range{Start: lines.position(e.StartByte), End: lines.position(e.EndByte)},
		NewText: e.NewText,
	}
}

// kindCovers reports whether a requested code action kind includes kind:
// "quickfix" covers "quickfix", "source" covers "source.fixAll.persona".
func kindCovers(requested, kind protocol.CodeActionKind) bool {
	return requested == kind || len(kind) > len(requested) && kind[:len(requested)] == requested && kind[len(requested)] == '.'
}

func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}
