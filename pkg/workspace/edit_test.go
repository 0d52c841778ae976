package workspace

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/personakit/persona/pkg/model"
)

// Put keeps the indexes and the reference index as a fresh load builds
// them, through files that appear, change kind or id, share ids and go.
func TestPutKeepsIndexes(t *testing.T) {
	files := map[string]string{
		"icps/a.md":          "---\nkind: icp\nid: a\ntitle: A\n---\n",
		"personas/p.md":      "---\nkind: persona\nid: p\nicp: a\nsources: [iv-1, ../interviews/iv-2.md]\n---\n",
		"personas/q.md":      "---\nkind: persona\nid: q\nicp: b\nsources: [iv-2]\n---\n",
		"interviews/iv-1.md": "---\nkind: interview\nid: iv-1\nicp: a\ndate: 2026-01-01\n---\n",
		"interviews/iv-2.md": "---\nkind: interview\nid: iv-2\nicp: b\ndate: 2026-01-02\n---\n",
	}
	root := writeTree(t, files)
	ws, err := Load(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ws.CitersOf(ws.Docs[0]) // build the reference index, so Put keeps it
	steps := []struct{ rel, text string }{
		{"icps/b.md", "---\nkind: icp\nid: b\ntitle: B\n---\n"},
		{"icps/a.md", "---\nkind: icp\nid: b\ntitle: now B too\n---\n"},
		{"icps/a.md", "---\nkind: icp\nid: c\ntitle: C, which gives b back to icps/b.md\n---\n"},
		{"personas/p.md", "---\nkind: persona\nid: q\nicp: b\nsources: [iv-2]\n---\n"},
		{"interviews/iv-1.md", "---\nkind: interview\nid: iv-2\nicp: b\n---\n"},
		{"icps/b.md", ""}, // deleted
		{"personas/q.md", "not an entity any more\n"},
		{"personas/new.md", "---\nkind: persona\nid: n\nicp: a\n---\n"},
		{"interviews/iv-2.md", "---\nkind: persona\nid: iv-2\nicp: a\n---\n"},
		{"personas/broken.md", "---\nkind: persona\nid: [\n---\n"},
		{"notes/plain.md", "just notes\n"},
		{"notes/plain.md", "---\nkind: interview\nid: iv-9\ndate: 2026-01-03\n---\n"}, // a page becomes an entity
		{"notes/plain.md", ""},
	}
	for i, st := range steps {
		path := filepath.Join(root, filepath.FromSlash(st.rel))
		if st.text == "" {
			os.Remove(path)
		} else {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(st.text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ws.Put(st.rel)
		fresh, err := Load(root, Options{})
		if err != nil {
			t.Fatal(err)
		}
		fresh.CitersOf(fresh.Docs[0])
		if got, want := describeIndex(ws), describeIndex(fresh); got != want {
			t.Fatalf("step %d (%s):\n got %s\nwant %s", i, st.rel, got, want)
		}
	}
}

// describeIndex prints every index by path, so two workspaces with the
// same files compare equal.
func describeIndex(ws *Workspace) string {
	paths := func(ds []*model.Document) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Path)
		}
		return out
	}
	s := fmt.Sprintf("docs=%v files=%d md=%v\n", paths(ws.Docs), ws.Files(), ws.MarkdownFiles())
	for _, k := range model.Kinds {
		for _, id := range slices.Sorted(maps.Keys(ws.byKind[k])) {
			s += fmt.Sprintf("%s/%s=%s ", k, id, ws.byKind[k][id].Path)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(ws.ofKind)) {
		if len(ws.ofKind[k]) > 0 {
			s += fmt.Sprintf("\nof kind %q: %v (%d)", k, paths(ws.ofKind[k]), ws.Count(k))
		}
	}
	s += fmt.Sprintf("\npaths=%v\n", slices.Sorted(maps.Keys(ws.byPath)))
	for _, icp := range slices.Sorted(maps.Keys(ws.personasByICP)) {
		s += fmt.Sprintf("icp %q: %v ", icp, paths(ws.personasByICP[icp]))
	}
	for _, key := range slices.Sorted(maps.Keys(ws.refs.citers)) {
		s += fmt.Sprintf("\ncites %q: %v", key, slices.Sorted(slices.Values(paths(ws.refs.citers[key]))))
	}
	for _, icp := range slices.Sorted(maps.Keys(ws.refs.interviews)) {
		if len(ws.refs.interviews[icp]) > 0 {
			s += fmt.Sprintf("\ninterviews of %q: %v", icp, slices.Sorted(slices.Values(paths(ws.refs.interviews[icp]))))
		}
	}
	return s
}

// TestInterviewIndexesLastUntilAnInterviewChanges: the did-you-mean
// indexes are made once and kept across lint runs while personas are
// edited, and made again when an interview comes or goes.
func TestInterviewIndexesLastUntilAnInterviewChanges(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(root, rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("interviews/cfo-1.md", "---\nkind: interview\ndate: 2026-01-01\n---\n")
	write("personas/p.md", "---\nkind: persona\nname: P\nsources: [cfo-2]\n---\n")
	ws, err := Load(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids, paths := ws.InterviewIDs(), ws.InterviewPaths()
	if got := ids.Suggester().Nearest("cfo-2", 3); got != "cfo-1" {
		t.Fatalf("Nearest(cfo-2) = %q", got)
	}
	write("personas/p.md", "---\nkind: persona\nname: P\nsources: [cfo-3]\n---\n")
	ws.Put("personas/p.md")
	if ws.InterviewIDs() != ids || ws.InterviewPaths() != paths {
		t.Error("editing a persona made the interview indexes again")
	}
	write("interviews/cfo-3.md", "---\nkind: interview\ndate: 2026-01-02\n---\n")
	ws.Put("interviews/cfo-3.md")
	if ws.InterviewIDs() == ids || ws.InterviewPaths() == paths {
		t.Fatal("a new interview left the old indexes")
	}
	if got := ws.InterviewPaths().Suggester().Nearest("interviews/cfo-4.md", 3); got != "interviews/cfo-1.md" && got != "interviews/cfo-3.md" {
		t.Errorf("Nearest(interviews/cfo-4.md) = %q", got)
	}
}
