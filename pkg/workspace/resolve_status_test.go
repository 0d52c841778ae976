package workspace

import (
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/model"
)

func FuzzAppendClean(f *testing.F) {
	for _, p := range []string{"", ".", "..", "/", "a/b/../c", "../../x", "/../a", "a//b/./c/", "./..", "a/../..", "abc/def/..", strings256()} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := string(appendClean([]byte("keep"), p)), "keep"+path.Clean(p); got != want {
			t.Fatalf("appendClean(%q) = %q, want %q", p, got[4:], want[4:])
		}
	})
}

// strings256 is a path longer than ResolveStatus's buffers.
func strings256() string {
	s := ""
	for len(s) < 300 {
		s += "dir/../long-name/"
	}
	return s + "x.md"
}

// resolveWorkspace has an interview, a persona, a page that is no entity
// and a directory above the personas, for references of every outcome.
func resolveWorkspace(t testing.TB) *Workspace {
	t.Helper()
	ws, err := Load(writeTree(t, map[string]string{
		"interviews/iv-1.md":      "---\nkind: interview\nid: iv-1\n---\n",
		"interviews/deep/iv-2.md": "---\nkind: interview\nid: iv-2\n---\n",
		"personas/a/p.md":         "---\nkind: persona\nid: p\nicp: x\nsources: [iv-1]\n---\n",
		"personas/q.md":           "---\nkind: persona\nid: q\nicp: x\n---\n",
		"notes/readme.md":         "just notes\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// resolveSourceSlowly is ResolveSource as it was written with path.Join
// and path.Clean, before it resolved in buffers on the stack.
func resolveSourceSlowly(ws *Workspace, from *model.Document, ref string) Source {
	if d := ws.Lookup(model.KindInterview, ref); d != nil {
		return Source{Status: SourceFound, Doc: d, Path: d.Path}
	}
	if strings.Contains(ref, "://") && IsExternal(ref) {
		return Source{Status: SourceExternal}
	}
	var candidates []string
	if filepath.IsAbs(ref) {
		rel, err := filepath.Rel(ws.Root, filepath.Clean(ref))
		if err != nil {
			return Source{Status: SourceOutside}
		}
		candidates = append(candidates, filepath.ToSlash(rel))
	} else {
		ref = filepath.ToSlash(ref)
		candidates = append(candidates, path.Join(path.Dir(from.Path), ref), path.Clean(ref))
	}
	inside := ""
	for _, c := range candidates {
		if c == ".." || strings.HasPrefix(c, "../") {
			continue
		}
		if d := ws.byPath[c]; d != nil {
			if d.Kind == model.KindInterview {
				return Source{Status: SourceFound, Doc: d, Path: c}
			}
			return Source{Status: SourceNotInterview, Doc: d, Path: c}
		}
		if ws.others[c] {
			return Source{Status: SourceNotInterview, Path: c}
		}
		if inside == "" {
			inside = c
		}
	}
	if inside == "" {
		return Source{Status: SourceOutside}
	}
	return Source{Status: SourceMissing, Path: inside}
}

// checkResolveStatus holds ResolveSource and ResolveStatus to
// resolveSourceSlowly.
func checkResolveStatus(t testing.TB, ws *Workspace, from *model.Document, ref string) {
	t.Helper()
	want := resolveSourceSlowly(ws, from, ref)
	if got := ws.ResolveSource(from, ref); got != want {
		t.Fatalf("ResolveSource(%s, %q) = %+v, want %+v", from.Path, ref, got, want)
	}
	if status, doc := ws.ResolveStatus(from, ref); status != want.Status || doc != want.Doc {
		t.Fatalf("ResolveStatus(%s, %q) = %v, %v; want %v, %v", from.Path, ref, status, doc, want.Status, want.Doc)
	}
}

func TestResolveStatusAsResolveSource(t *testing.T) {
	ws := resolveWorkspace(t)
	for _, from := range ws.Docs {
		for _, ref := range []string{"iv-1", "iv-2", "", ".", "..", "../../interviews/iv-1.md", "../interviews/deep/iv-2.md",
			"interviews/iv-1.md", "./interviews//deep/./iv-2.md", "notes/readme.md", "../notes/readme.md", "personas/q.md",
			"q.md", "../q.md", "missing.md", "../../../outside.md", "/abs/path.md", "https://example.com/x", "ftp://x/y",
			"interviews/iv-1.md/..", strings256(), "a\\b.md"} {
			checkResolveStatus(t, ws, from, ref)
		}
	}
}

func FuzzResolveStatus(f *testing.F) {
	for _, ref := range []string{"iv-1", "../interviews/iv-1.md", "../../notes/readme.md", "x/../../y", "https://a.b/c"} {
		f.Add(ref, uint8(0))
	}
	ws := resolveWorkspace(f)
	f.Fuzz(func(t *testing.T, ref string, from uint8) {
		checkResolveStatus(t, ws, ws.Docs[int(from)%len(ws.Docs)], ref)
	})
}
