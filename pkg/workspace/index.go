package workspace

import (
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/model"
)

// finish puts the documents in path order, which id-duplicate and every
// output rely on, and indexes them.
func (ws *Workspace) finish(pages map[string]bool) {
	slices.SortFunc(ws.Docs, func(a, b *model.Document) int { return strings.Compare(a.Path, b.Path) })
	ws.index()
	ws.others = map[string]bool{}
	for rel := range pages {
		if ws.byPath[rel] == nil {
			ws.others[rel] = true
		}
	}
}

// Files counts the Markdown files read: the entities, and the others.
func (ws *Workspace) Files() int { return len(ws.byPath) + len(ws.others) }

func (ws *Workspace) index() {
	ws.ofKind = make(map[model.Kind][]*model.Document, len(model.Kinds)+1)
	for _, d := range ws.Docs {
		ws.ofKind[d.Kind] = append(ws.ofKind[d.Kind], d)
	}
	// The path index is made beside the others: at 52,500 files a map
	// insert misses the cache, and the two take 20 ms on one core.
	byPath := make(chan map[string]*model.Document)
	go func() {
		m := make(map[string]*model.Document, len(ws.Docs)-len(ws.ofKind[""]))
		for k, docs := range ws.ofKind {
			if k != "" {
				for _, d := range docs {
					m[d.Path] = d
				}
			}
		}
		byPath <- m
	}()
	ws.byKind = make(map[model.Kind]map[string]*model.Document, len(model.Kinds))
	for _, k := range model.Kinds {
		docs := ws.ofKind[k]
		ids := make(map[string]*model.Document, len(docs))
		// Backwards, so that the first file in path order keeps the id;
		// the duplicates are reported against it.
		for i := len(docs) - 1; i >= 0; i-- {
			ids[docs[i].ID] = docs[i]
		}
		ws.byKind[k] = ids
	}
	ws.interviews = ws.byKind[model.KindInterview]
	ws.personasByICP = map[string][]*model.Document{}
	for _, d := range ws.ofKind[model.KindPersona] {
		ws.personasByICP[d.Persona.ICP.Value] = append(ws.personasByICP[d.Persona.ICP.Value], d)
	}
	ws.byPath = <-byPath
}

// Entities returns the entities of one kind in path order, in a slice
// of the caller's own.
func (ws *Workspace) Entities(k model.Kind) []*model.Document {
	list := ws.ofKind[k]
	return append(make([]*model.Document, 0, len(list)), list...)
}

// SharedEntities is Entities without the copy: the workspace's own list,
// which the caller must not modify (its capacity is its length, so that
// an append copies it). Twenty lint rules each walk every persona or
// interview of 52,500 files, and a copy each was 4 MB thrown away.
func (ws *Workspace) SharedEntities(k model.Kind) []*model.Document {
	return slices.Clip(ws.ofKind[k])
}

// Count returns how many entities of kind k were loaded.
func (ws *Workspace) Count(k model.Kind) int { return len(ws.ofKind[k]) }

// MarkdownFiles lists the workspace-relative paths of every Markdown file
// the load read (entities or not, exclusions and hidden directories left
// out), in path order: what persona import adopts from.
func (ws *Workspace) MarkdownFiles() []string {
	out := make([]string, 0, ws.Files())
	for rel := range ws.byPath {
		out = append(out, rel)
	}
	for rel := range ws.others {
		out = append(out, rel)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the entity of kind k with the given id (the first in path
// order when several share it), or nil.
func (ws *Workspace) Lookup(k model.Kind, id string) *model.Document {
	if k == model.KindInterview {
		// Every reference of every persona is looked up here, by several
		// rules: one map lookup, not two.
		return ws.interviews[id]
	}
	return ws.byKind[k][id]
}

// IDs returns the sorted ids of kind k, for "did you mean" suggestions.
func (ws *Workspace) IDs(k model.Kind) []string {
	ids := make([]string, 0, len(ws.byKind[k]))
	for id := range ws.byKind[k] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// PersonasOf returns the personas whose icp is id, in path order.
func (ws *Workspace) PersonasOf(id string) []*model.Document {
	return ws.personasByICP[id]
}

// SourceStatus says what a persona's source reference resolved to.
type SourceStatus int

// Outcomes of resolving a source.
const (
	SourceFound SourceStatus = iota
	SourceMissing
	SourceNotInterview
	SourceOutside
	// SourceExternal is evidence kept elsewhere, named by an http(s) URL
	// (a research repository, an issue, a slide deck): never fetched,
	// counted apart from interviews (SPEC §12).
	SourceExternal
)

// IsExternal reports whether a reference is an http or https URL rather
// than an interview id or path.
func IsExternal(ref string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Source is a resolved source reference.
type Source struct {
	Status SourceStatus
	Doc    *model.Document // the interview, when found
	// Path is the workspace-relative path tried (or found), when the
	// reference was read as a path.
	Path string
}

// ResolveSource resolves a persona's source: an interview id, or a path to
// an interview file relative to the persona file or to the workspace root.
// Ids win over paths; a path counts as outside the workspace only when every
// reading of it leaves the root.
func (ws *Workspace) ResolveSource(from *model.Document, ref string) Source {
	return ws.resolve(from, ref, true)
}

// EvidenceCoverage counts a persona's claims, front matter and body, and
// those with at least one evidence item that resolves to an interview
// (SPEC §9).
func (ws *Workspace) EvidenceCoverage(d *model.Document) (supported, claims int) {
	return evidenceCoverage(d, func(ref string) Source { return ws.ResolveSource(d, ref) })
}

func evidenceCoverage(d *model.Document, resolve func(ref string) Source) (supported, claims int) {
	if d.Persona == nil {
		return 0, 0
	}
	for _, c := range d.Persona.Claims {
		claims++
		for _, e := range c.Evidence {
			if resolve(e.Ref.Value).Status == SourceFound {
				supported++
				break
			}
		}
	}
	return supported, claims
}

// References resolves one persona's references, each distinct one once,
// for a caller that asks about them several times: a report asks what a
// persona cites, where each claim's evidence is and how many claims it
// supports, for every reference each time.
type References struct {
	ws       *Workspace
	from     *model.Document
	resolved map[string]Source
}

// ReferencesOf is the References of persona d.
func (ws *Workspace) ReferencesOf(d *model.Document) *References {
	return &References{ws: ws, from: d, resolved: map[string]Source{}}
}

// Resolve is ResolveSource for the persona's reference ref.
func (r *References) Resolve(ref string) Source {
	res, ok := r.resolved[ref]
	if !ok {
		res = r.ws.ResolveSource(r.from, ref)
		r.resolved[ref] = res
	}
	return res
}

// Cites is Workspace.Cites for the persona.
func (r *References) Cites() []*model.Document { return cites(r.from, r.Resolve) }

// EvidenceCoverage is Workspace.EvidenceCoverage for the persona.
func (r *References) EvidenceCoverage() (supported, claims int) {
	return evidenceCoverage(r.from, r.Resolve)
}

// Counts is the number of entities of each kind, every kind present.
func (ws *Workspace) Counts() map[model.Kind]int {
	counts := make(map[model.Kind]int, len(model.Kinds))
	for _, k := range model.Kinds {
		counts[k] = len(ws.ofKind[k])
	}
	return counts
}
