package workspace

import (
	"path"
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

// checkResolveStatus holds ResolveStatus to ResolveSource.
func checkResolveStatus(t testing.TB, ws *Workspace, from *model.Document, ref string) {
	t.Helper()
	want := ws.ResolveSource(from, ref)
	if status, doc := ws.ResolveStatus(from, ref); status != want.Status || doc != want.Doc {
		t.Fatalf("ResolveStatus(%s, %q) = %v, %v; ResolveSource says %v, %v", from.Path, ref, status, doc, want.Status, want.Doc)
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
