package workspace

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
)

func (ws *Workspace) overlay(rel string) ([]byte, bool) {
	if ws.Overlay == nil {
		return nil, false
	}
	return ws.Overlay(rel)
}

// Put reads the file rel again, from the Overlay when it holds rel, else
// from disk, and puts what it decodes to in place of the document rel held,
// with the same exclusions, size limit, decoding and per-file rules as
// Load. A file that no longer exists leaves the workspace. It returns the
// document rel held before and the one it holds now; either may be nil.
//
// Only the one file is decoded: this is how the editor server keeps a
// loaded workspace current as files are edited.
func (ws *Workspace) Put(rel string) (old, now *model.Document) {
	old = ws.Doc(rel)
	eligible := frontmatter.IsPage(rel) && !Ignored(ws.Config.Exclude, rel) && filepath.IsLocal(filepath.FromSlash(rel))
	exists := false
	if eligible {
		if text, ok := ws.overlay(rel); ok {
			exists = true
			data, tooLarge := text, false
			if len(data) > MaxFileSize {
				data, tooLarge = data[:MaxFileSize], true
			}
			now = decodeFile(rel, data, tooLarge, ws.opts, new(decoders))
		} else {
			abs := filepath.Join(ws.Root, filepath.FromSlash(rel))
			if info, err := os.Lstat(abs); err == nil && !info.IsDir() {
				exists = true
				now = readDoc(job{abs: abs, rel: rel, entry: fs.FileInfoToDirEntry(info)}, ws.realRoot, ws.opts, nil)
			}
		}
	}
	if exists && (now == nil || now.Kind == "") {
		ws.others[rel] = true
	} else {
		delete(ws.others, rel)
	}
	if isInterview(old) || isInterview(now) {
		ws.suggest.drop()
	}
	i, found := sort.Find(len(ws.Docs), func(i int) int { return strings.Compare(rel, ws.Docs[i].Path) })
	switch {
	case found && now != nil:
		ws.Docs[i] = now
	case found:
		ws.Docs = append(ws.Docs[:i], ws.Docs[i+1:]...)
	case now != nil:
		ws.Docs = append(ws.Docs, nil)
		copy(ws.Docs[i+1:], ws.Docs[i:])
		ws.Docs[i] = now
	}
	ws.reindex(old, now)
	if ws.refs != nil {
		if old != nil {
			ws.refs.add(old, -1)
		}
		if now != nil {
			ws.refs.add(now, 1)
		}
	}
	return old, now
}

// reindex brings the indexes up to date after old was replaced by now in
// Docs (either may be nil), as index would build them from scratch, but
// touching only their entries: an edit must not cost a pass over every
// document's maps.
func (ws *Workspace) reindex(old, now *model.Document) {
	byPath := func(d *model.Document, p string) int { return strings.Compare(d.Path, p) }
	if old != nil {
		list := ws.ofKind[old.Kind]
		if i, found := slices.BinarySearchFunc(list, old.Path, byPath); found && list[i] == old {
			ws.ofKind[old.Kind] = slices.Delete(list, i, i+1)
		}
	}
	if now != nil {
		list := ws.ofKind[now.Kind]
		i, _ := slices.BinarySearchFunc(list, now.Path, byPath)
		ws.ofKind[now.Kind] = slices.Insert(list, i, now)
	}
	if old != nil && old.Kind != "" {
		delete(ws.byPath, old.Path)
		if ws.byKind[old.Kind][old.ID] == old {
			delete(ws.byKind[old.Kind], old.ID)
			for _, d := range ws.ofKind[old.Kind] { // the next in path order takes the id
				if d.ID == old.ID {
					ws.byKind[d.Kind][d.ID] = d
					break
				}
			}
		}
		if old.Kind == model.KindPersona {
			icp := old.Persona.ICP.Value
			ws.personasByICP[icp] = slices.DeleteFunc(ws.personasByICP[icp], func(d *model.Document) bool { return d == old })
			if len(ws.personasByICP[icp]) == 0 {
				delete(ws.personasByICP, icp)
			}
		}
	}
	if now != nil && now.Kind != "" {
		ws.byPath[now.Path] = now
		if ws.byKind[now.Kind] == nil {
			ws.byKind[now.Kind] = map[string]*model.Document{}
			ws.interviews = ws.byKind[model.KindInterview]
		}
		if holder := ws.byKind[now.Kind][now.ID]; holder == nil || now.Path < holder.Path {
			ws.byKind[now.Kind][now.ID] = now
		}
		if now.Kind == model.KindPersona {
			icp := now.Persona.ICP.Value
			list := ws.personasByICP[icp]
			i, _ := slices.BinarySearchFunc(list, now.Path, byPath)
			ws.personasByICP[icp] = slices.Insert(list, i, now)
		}
	}
}

// Doc returns the document at the workspace-relative path rel: an entity
// or a file with problems; nil for ordinary Markdown and unknown paths.
func (ws *Workspace) Doc(rel string) *model.Document {
	i, found := sort.Find(len(ws.Docs), func(i int) int { return strings.Compare(rel, ws.Docs[i].Path) })
	if !found {
		return nil
	}
	return ws.Docs[i]
}

// idsChanged reports whether the ids of kind k in the workspace changed
// when a document went from old to now.
func idsChanged(k model.Kind, old, now *model.Document) bool {
	was := old != nil && old.Kind == k
	is := now != nil && now.Kind == k
	return was != is || was && is && old.ID != now.ID
}

// refIndex answers "who may cite this?" without a pass over every
// persona: the editor server asks it on every edit, lint never does.
type refIndex struct {
	// citers maps a reference as written, and its last path element, to
	// the personas holding it: a superset of those whose reference
	// resolves to a document with that id or file name.
	citers map[string][]*model.Document
	// interviews maps an ICP id to its interviews.
	interviews map[string][]*model.Document
}

func refKeys(ref string) (string, string) {
	return ref, path.Base(filepath.ToSlash(ref))
}

func (ix *refIndex) add(d *model.Document, sign int) {
	switch d.Kind {
	case model.KindPersona:
		d.Persona.EachReference(func(ref model.Str) bool {
			a, b := refKeys(ref.Value)
			for _, k := range []string{a, b} {
				if sign > 0 {
					if list := ix.citers[k]; len(list) == 0 || list[len(list)-1] != d {
						ix.citers[k] = append(list, d)
					}
				} else {
					ix.citers[k] = slices.DeleteFunc(ix.citers[k], func(x *model.Document) bool { return x == d })
					if len(ix.citers[k]) == 0 {
						delete(ix.citers, k)
					}
				}
			}
			return true
		})
	case model.KindInterview:
		icp := d.Interview.ICP.Value
		if sign > 0 {
			ix.interviews[icp] = append(ix.interviews[icp], d)
		} else {
			ix.interviews[icp] = slices.DeleteFunc(ix.interviews[icp], func(x *model.Document) bool { return x == d })
		}
	}
}

func (ws *Workspace) refIndex() *refIndex {
	if ws.refs == nil {
		ws.refs = &refIndex{citers: map[string][]*model.Document{}, interviews: map[string][]*model.Document{}}
		for _, d := range ws.Docs {
			ws.refs.add(d, 1)
		}
	}
	return ws.refs
}

// CitersOf returns the personas that may cite d: every persona with a
// reference that reads as d's id or ends in d's file name (a superset of
// those whose references resolve to d), each once.
func (ws *Workspace) CitersOf(d *model.Document) []*model.Document {
	return ws.citersOf(d.Path, d.ID)
}

// citersOf is CitersOf for the file rel with the id id ("" for a file
// that is no entity).
func (ws *Workspace) citersOf(rel, id string) []*model.Document {
	ix := ws.refIndex()
	var out []*model.Document
	seen := map[*model.Document]bool{}
	for _, k := range []string{rel, id, path.Base(rel)} {
		for _, p := range ix.citers[k] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// Cites returns the interviews persona p cites, each once, in the order of
// its references: its sources, its claims' evidence (front matter and
// body) and its quotes' sources (SPEC §9). Every command that says what a
// persona cites asks this, so that lint, show, graph and the report agree.
func (ws *Workspace) Cites(p *model.Document) []*model.Document {
	return cites(p, func(ref string) Source { return ws.ResolveSource(p, ref) })
}

func cites(p *model.Document, resolve func(ref string) Source) []*model.Document {
	if p.Persona == nil {
		return nil
	}
	var out []*model.Document
	seen := map[*model.Document]bool{}
	for ref := range p.Persona.Refs() {
		if res := resolve(ref.Value); res.Status == SourceFound && !seen[res.Doc] {
			seen[res.Doc] = true
			out = append(out, res.Doc)
		}
	}
	return out
}

// CitedBy returns the personas that cite interview iv (as Cites says), in
// path order.
func (ws *Workspace) CitedBy(iv *model.Document) []*model.Document {
	var out []*model.Document
	for _, p := range ws.CitersOf(iv) {
		if slices.Contains(ws.Cites(p), iv) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *model.Document) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// InterviewsOf returns the interviews whose icp is id, in no set order.
func (ws *Workspace) InterviewsOf(id string) []*model.Document {
	return ws.refIndex().interviews[id]
}

// Affected returns, in path order, the documents whose findings may change
// when the file rel goes from old to now (either may be nil; Put returns
// both): the file itself; the entities that share its id; for an ICP, its
// personas and those citing its interviews; for an interview, the personas
// that may cite it or whose ICP it belongs to; for a persona, its ICP and
// the interviews it cites; and with every persona, its ICP and that ICP's
// other personas, which ICP-wide rules compare it with. A superset is
// harmless (more is checked than needed); a subset would leave findings
// stale. It costs what those documents cost, not a pass over all.
func (ws *Workspace) Affected(rel string, old, now *model.Document) []*model.Document {
	set := map[*model.Document]bool{}
	add := func(ds ...*model.Document) {
		for _, d := range ds {
			set[d] = true
		}
	}
	icps := map[string]bool{}
	var sameID []*model.Document // documents whose id may be shared
	add(ws.citersOf(rel, "")...) // references by path, to any file
	for _, d := range []*model.Document{old, now} {
		if d == nil || d.Kind == "" {
			continue
		}
		sameID = append(sameID, d)
		switch d.Kind {
		case model.KindICP:
			icps[d.ID] = true
			for _, iv := range ws.InterviewsOf(d.ID) {
				add(ws.CitersOf(iv)...)
			}
		case model.KindInterview:
			add(ws.CitersOf(d)...)
			icps[d.Interview.ICP.Value] = true
		case model.KindPersona:
			icps[d.Persona.ICP.Value] = true
			d.Persona.EachReference(func(ref model.Str) bool {
				if res := ws.ResolveSource(d, ref.Value); res.Doc != nil {
					add(res.Doc)
				}
				return true
			})
		}
	}
	if now != nil {
		add(now)
	}
	// Did-you-mean suggestions weigh every id of a kind: when an ICP or
	// interview id comes or goes, the personas with a broken reference of
	// that kind may gain or lose one. Ids change rarely (not as a persona
	// is typed), so this pass over the broken references is rare too.
	for _, k := range []model.Kind{model.KindICP, model.KindInterview} {
		if !idsChanged(k, old, now) {
			continue
		}
		if k == model.KindICP {
			for id, personas := range ws.personasByICP {
				if id != "" && ws.Lookup(model.KindICP, id) == nil {
					add(personas...)
				}
			}
			continue
		}
		for _, p := range ws.Docs {
			if p.Kind != model.KindPersona || set[p] {
				continue
			}
			p.Persona.EachReference(func(ref model.Str) bool {
				if ws.Lookup(model.KindInterview, ref.Value) == nil && ws.ResolveSource(p, ref.Value).Status == SourceMissing {
					add(p)
					return false
				}
				return true
			})
		}
	}
	for p := range set {
		if p.Kind == model.KindPersona {
			icps[p.Persona.ICP.Value] = true
		}
	}
	delete(icps, "")
	for id := range icps {
		add(ws.PersonasOf(id)...)
		sameID = append(sameID, &model.Document{Kind: model.KindICP, ID: id})
	}
	for _, d := range ws.Docs { // a comparison per document, no hashing
		for _, s := range sameID {
			if d.ID == s.ID && d.Kind == s.Kind {
				add(d)
			}
		}
	}
	out := make([]*model.Document, 0, len(set))
	for d := range set {
		if ws.byPath[d.Path] == d || ws.Doc(d.Path) == d {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *model.Document) int { return strings.Compare(a.Path, b.Path) })
	return out
}
