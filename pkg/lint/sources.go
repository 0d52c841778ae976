package lint

import (
	"iter"
	"sync"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/workspace"
)

// Sources yields each reference of persona p (its sources, its claims'
// evidence and its quotes' sources, as model.Persona.Refs lists them) with
// what it resolves to, as Workspace.ResolveSource says, but for the path
// tried for a missing one, which no rule reads: working it out again for
// each of a million misspelt references would undo the table. Five rules
// walk every reference of every persona; a run resolves each one once, on
// all cores, the first time a rule asks.
func (c *Context) Sources(p *model.Document) iter.Seq2[model.Str, workspace.Source] {
	return func(yield func(model.Str, workspace.Source) bool) {
		if p.Persona == nil {
			return
		}
		var resolved []resolvedRef
		if c.runner.scope == nil {
			// A scoped run (the editor's, after an edit) checks a few
			// files: resolving every reference of the workspace first
			// would cost more than it saves.
			resolved = c.runner.resolvedReferences()[p]
		}
		i := 0
		for ref := range p.Persona.Refs() {
			var src workspace.Source
			if i < len(resolved) {
				src = resolved[i].source(c.WS, p, ref)
			} else {
				src = c.WS.ResolveSource(p, ref.Value) // a scoped run, or a persona not in the table
				if src.Status == workspace.SourceMissing {
					src.Path = ""
				}
			}
			i++
			if !yield(ref, src) {
				return
			}
		}
	}
}

// resolvedRef is a reference resolved: 16 bytes instead of a Source's 40,
// since the path it holds is the document's, or worked out again for a
// file that is not an interview.
type resolvedRef struct {
	doc    *model.Document
	status workspace.SourceStatus
}

func (r resolvedRef) source(ws *workspace.Workspace, p *model.Document, ref model.Str) workspace.Source {
	switch {
	case r.doc != nil:
		return workspace.Source{Status: r.status, Doc: r.doc, Path: r.doc.Path}
	case r.status == workspace.SourceNotInterview:
		return ws.ResolveSource(p, ref.Value)
	}
	return workspace.Source{Status: r.status}
}

// references is the run's table of resolved references, made once.
type references struct {
	once  sync.Once
	table map[*model.Document][]resolvedRef
}

func (rn *run) resolvedReferences() map[*model.Document][]resolvedRef {
	rn.refs.once.Do(func() {
		personas := rn.ws.Entities(model.KindPersona)
		rows := make([][]resolvedRef, len(personas))
		parallel.Each(len(personas), func(int) func(int) {
			return func(i int) {
				p := personas[i]
				row := make([]resolvedRef, 0, len(p.Persona.Sources)+p.Persona.EvidenceCount()+len(p.Persona.QuoteItems))
				for ref := range p.Persona.Refs() {
					res := rn.ws.ResolveSource(p, ref.Value)
					row = append(row, resolvedRef{doc: res.Doc, status: res.Status})
				}
				rows[i] = row
			}
		})
		rn.refs.table = make(map[*model.Document][]resolvedRef, len(personas))
		for i, p := range personas {
			rn.refs.table[p] = rows[i]
		}
	})
	return rn.refs.table
}
