package lint

import (
	"iter"
	"runtime"
	"slices"
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
		var resolved refRow
		if c.runner.scope == nil {
			// A scoped run (the editor's, after an edit) checks a few
			// files: resolving every reference of the workspace first
			// would cost more than it saves.
			resolved = c.runner.resolvedReferences().of(p)
		}
		i := 0
		for ref := range p.Persona.Refs() {
			var src workspace.Source
			if r, ok := resolved.at(i); ok {
				src = r.source(c.WS, p, ref)
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

// resolvedRef is a reference resolved, as Sources reads it back from the
// table: the path a Source holds is the document's, or worked out again
// for a file that is not an interview.
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

// references is the run's table of resolved references, made once. A
// persona cites a few interviews many times over, and 52,500 files hold
// half a million references: each is two bytes, its status and which of
// its persona's distinct documents it resolves to, beside the array of
// those documents.
type references struct {
	once sync.Once
	rows map[*model.Document]refRow
}

// refRow is one persona's references and distinct documents, slices of
// the chunks of the core that resolved them; the zero row holds none.
type refRow struct {
	refs []uint16
	docs []*model.Document
}

// refChunks hands out the rows of one core from chunks of refChunk
// references and documents. Grown by appending, the two arrays of a core
// were copied each time they doubled: at 52,500 files, 10 MB made and
// thrown away while the rules ran, a collection or two more.
type refChunks struct {
	refs []uint16
	docs []*model.Document
}

const refChunk = 1 << 14

// row is the room of a persona of n references: n of them, reserved at
// once, and the rest of the documents' chunk, of which the row takes at
// most one a reference, and never more than maxRowDocs (keep).
func (c *refChunks) row(n int) refRow {
	if cap(c.refs)-len(c.refs) < n {
		c.refs = make([]uint16, 0, max(refChunk, n))
	}
	start := len(c.refs)
	c.refs = c.refs[:start+n]
	if cap(c.docs)-len(c.docs) < min(n, maxRowDocs) {
		c.docs = make([]*model.Document, 0, max(refChunk, min(n, maxRowDocs)))
	}
	return refRow{refs: c.refs[start : start : start+n], docs: c.docs[len(c.docs):len(c.docs)]}
}

// keep takes the documents of a finished row out of the chunk's room.
func (c *refChunks) keep(r refRow) { c.docs = c.docs[:len(c.docs)+len(r.docs)] }

// A reference is its status in the low statusBits bits and, above them,
// 1 + the index of its document among its persona's, or 0 for none.
const (
	statusBits = 3
	maxRowDocs = 1<<(16-statusBits) - 2
)

var _ [1<<statusBits - 1 - int(workspace.SourceExternal)]struct{} // every status fits

func (r refRow) at(i int) (resolvedRef, bool) {
	if i >= len(r.refs) {
		return resolvedRef{}, false
	}
	v := r.refs[i]
	out := resolvedRef{status: workspace.SourceStatus(v & (1<<statusBits - 1))}
	if slot := int(v >> statusBits); slot > 0 {
		out.doc = r.docs[slot-1]
	}
	return out, true
}

// recentSlot is the index of doc among the last of docs, or -1: a
// persona cites a few interviews many times over, and looking back over
// a bounded few keeps one that cites thousands linear (a document may
// then take two slots).
func recentSlot(docs []*model.Document, doc *model.Document) int {
	const lookBack = 16
	from := max(len(docs)-lookBack, 0)
	if i := slices.Index(docs[from:], doc); i >= 0 {
		return from + i
	}
	return -1
}

func (t *references) of(p *model.Document) refRow { return t.rows[p] }

func (rn *run) resolvedReferences() *references {
	rn.refs.once.Do(func() {
		personas := rn.ws.SharedEntities(model.KindPersona)
		rows := make([]refRow, len(personas))
		chunks := make([]refChunks, runtime.GOMAXPROCS(0))
		parallel.Each(len(personas), func(w int) func(int) {
			c := &chunks[w]
			return func(i int) {
				p := personas[i]
				row := c.row(p.Persona.RefCount())
				for ref := range p.Persona.Refs() {
					status, doc := rn.ws.ResolveStatus(p, ref.Value)
					v := uint16(status)
					if doc != nil {
						slot := recentSlot(row.docs, doc)
						if slot < 0 {
							if slot = len(row.docs); slot == maxRowDocs {
								// Too many documents for a slot: the
								// persona's references are resolved as
								// Sources reads them instead.
								return
							}
							row.docs = append(row.docs, doc)
						}
						v |= uint16(slot+1) << statusBits
					}
					row.refs = append(row.refs, v)
				}
				c.keep(row)
				rows[i] = row
			}
		})
		rn.refs.rows = make(map[*model.Document]refRow, len(personas))
		for i, p := range personas {
			rn.refs.rows[p] = rows[i]
		}
	})
	return &rn.refs
}
