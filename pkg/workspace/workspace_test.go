package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/model"
)

func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := generate.Files(root, files); err != nil {
		t.Fatal(err)
	}
	return root
}

const persona = "---\nkind: persona\nname: x\n---\n"

func TestLocate(t *testing.T) {
	root := writeTree(t, map[string]string{
		"outer/.persona.yaml":          "version: 1\n",
		"outer/repo/.git/HEAD":         "ref: refs/heads/main\n",
		"outer/repo/a/b/x.md":          persona,
		"outer/repo/cfg/.persona.yaml": "",
		"outer/repo/cfg/deep/y.md":     persona,
		"plain/sub/z.md":               persona,
	})
	tests := []struct {
		name, start, wantRoot, wantConfig string
	}{
		{"no config: the git top-level", "outer/repo/a/b", "outer/repo", ""},
		{"a file's directory, no config: the git top-level", "outer/repo/a/b/x.md", "outer/repo", ""},
		{"nearest config", "outer/repo/cfg/deep", "outer/repo/cfg", "outer/repo/cfg/.persona.yaml"},
		{"outside git, upwards", "outer", "outer", "outer/.persona.yaml"},
		{"outside git, no config: the directory itself", "plain/sub", "plain/sub", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := Locate(filepath.Join(root, tt.start))
			if err != nil {
				t.Fatal(err)
			}
			wantConfig := ""
			if tt.wantConfig != "" {
				wantConfig = filepath.Join(root, tt.wantConfig)
			}
			if loc.Root != filepath.Join(root, tt.wantRoot) || loc.ConfigPath != wantConfig {
				t.Errorf("Locate = %+v, want root %s config %s", loc, tt.wantRoot, wantConfig)
			}
		})
	}
}

func TestLoadSkipsHiddenAndExcluded(t *testing.T) {
	root := writeTree(t, map[string]string{
		"personas/a.md":          persona,
		"personas/b.markdown":    persona,
		"personas/c.mdx":         persona + "\n<Tabs style={{border: 'none'}} />\n",
		"personas/d.txt":         persona,
		".github/c.md":           persona,
		"drafts/d.md":            persona,
		"archive/2020/e.md":      persona,
		"notes/f.md":             "# plain\n",
		"with space/Grüße g.md":  persona,
		"personas/.hidden-ok.md": persona,
	})
	cfg := config.Default()
	cfg.Exclude = []string{"drafts/**", "archive/**/*.md"}
	ws, err := Load(root, Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ws.Docs {
		got = append(got, d.Path)
	}
	// Markdown and MDX pages are read (SPEC §1), other files are not.
	want := []string{"personas/.hidden-ok.md", "personas/a.md", "personas/b.markdown", "personas/c.mdx", "with space/Grüße g.md"}
	if !slices.Equal(got, want) {
		t.Errorf("docs = %q, want %q", got, want)
	}
	if ws.Files() != 6 {
		t.Errorf("Files = %d, want 6 (the plain notes file counts as read)", ws.Files())
	}
}

func TestLoadUnreadableRoot(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing"), Options{}); err == nil {
		t.Fatal("Load of a missing root succeeded")
	}
}

func TestResolveSource(t *testing.T) {
	root := writeTree(t, map[string]string{
		"personas/p.md":          persona,
		"interviews/one.md":      "---\nkind: interview\n---\n",
		"interviews/sub/two.md":  "---\nkind: interview\nid: second\n---\n",
		"icps/x.md":              "---\nkind: icp\n---\n",
		"README.md":              "# readme\n",
		"personas/near/three.md": "---\nkind: interview\n---\n",
	})
	ws, err := Load(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := ws.Lookup(model.KindPersona, "p")
	tests := []struct {
		ref    string
		status SourceStatus
		path   string
	}{
		{"one", SourceFound, "interviews/one.md"},
		{"second", SourceFound, "interviews/sub/two.md"},
		{"two", SourceMissing, "personas/two"},
		{"../interviews/one.md", SourceFound, "interviews/one.md"},
		{"interviews/sub/two.md", SourceFound, "interviews/sub/two.md"},
		{"near/three.md", SourceFound, "personas/near/three.md"},
		{"./../interviews/./one.md", SourceFound, "interviews/one.md"},
		{"../icps/x.md", SourceNotInterview, "icps/x.md"},
		{"../README.md", SourceNotInterview, "README.md"},
		{"../../etc/passwd", SourceOutside, ""},
		{filepath.Join(root, "interviews/one.md"), SourceFound, "interviews/one.md"},
		{"/etc/passwd", SourceOutside, ""},
	}
	refs := ws.ReferencesOf(p)
	for _, tt := range tests {
		got := ws.ResolveSource(p, tt.ref)
		if got.Status != tt.status || got.Path != tt.path {
			t.Errorf("ResolveSource(%q) = %v %q, want %v %q", tt.ref, got.Status, got.Path, tt.status, tt.path)
		}
		// Asked twice: the second answer is the one kept.
		for range 2 {
			if again := refs.Resolve(tt.ref); again != got {
				t.Errorf("References.Resolve(%q) = %+v, ResolveSource %+v", tt.ref, again, got)
			}
		}
	}
}

// TestReferencesAgreeWithTheWorkspace: what a persona cites and how many
// of its claims are supported, asked of its References, are what the
// workspace says.
func TestReferencesAgreeWithTheWorkspace(t *testing.T) {
	root := writeTree(t, map[string]string{
		"personas/p.md": `---
kind: persona
icp: x
sources: [two, one, ../interviews/one.md]
goals:
  - text: Close the books
    evidence: [missing, two]
  - text: Sleep
    evidence: [nowhere]
  - Trust the numbers
quotes: [{text: "q", source: one}]
---
`,
		"interviews/one.md": "---\nkind: interview\n---\n",
		"interviews/two.md": "---\nkind: interview\n---\n",
	})
	ws, err := Load(root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := ws.Lookup(model.KindPersona, "p")
	refs := ws.ReferencesOf(p)
	want := []*model.Document{ws.Lookup(model.KindInterview, "two"), ws.Lookup(model.KindInterview, "one")}
	if got := refs.Cites(); !slices.Equal(got, want) || !slices.Equal(ws.Cites(p), want) {
		t.Errorf("References.Cites = %v, Workspace.Cites = %v, want %v", got, ws.Cites(p), want)
	}
	gotSupported, gotClaims := refs.EvidenceCoverage()
	wantSupported, wantClaims := ws.EvidenceCoverage(p)
	if gotSupported != wantSupported || gotClaims != wantClaims || wantSupported != 1 || wantClaims != 3 {
		t.Errorf("References.EvidenceCoverage = %d of %d, Workspace's %d of %d, want 1 of 3", gotSupported, gotClaims, wantSupported, wantClaims)
	}
}

// TestFileDeletedDuringWalk: a file the walk listed but that is gone by
// the time it is read is simply not there; nothing is reported.
func TestFileDeletedDuringWalk(t *testing.T) {
	root := writeTree(t, map[string]string{"gone.md": persona})
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "gone.md")); err != nil {
		t.Fatal(err)
	}
	if doc := readDoc(job{abs: filepath.Join(root, "gone.md"), rel: "gone.md", entry: entries[0]}, root, Options{}, nil); doc != nil {
		t.Fatalf("readDoc of a deleted file = %+v, want nil", doc)
	}
}

func TestIsExternal(t *testing.T) {
	tests := []struct {
		ref  string
		want bool
	}{
		{"https://gitlab.com/research/issues/12", true},
		{"http://example.org/deck?p=1", true},
		{" https://example.org ", true},
		{"file:///etc/passwd", false},
		{"ftp://example.org/x", false},
		{"https://", false},
		{"cfo-1", false},
		{"../interviews/cfo-1.md", false},
		{"c:/notes/cfo-1.md", false},
	}
	for _, tc := range tests {
		t.Run(tc.ref, func(t *testing.T) {
			if got := IsExternal(tc.ref); got != tc.want {
				t.Errorf("IsExternal(%q) = %v, want %v", tc.ref, got, tc.want)
			}
		})
	}
}

// TestLoadShallow: a shallow load reads the root's own files only, as the
// editor does for a file in no repository and under no config (#28: a file
// opened at / made the server walk the whole file system).
func TestLoadShallow(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a.md":            persona,
		"deep/er/b.md":    persona,
		"personas/c.md":   persona,
		"notes/plain.md":  "# plain\n",
		"README.markdown": "# plain\n",
	})
	ws, err := Load(root, Options{Config: config.Default(), Shallow: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ws.Docs {
		got = append(got, d.Path)
	}
	if !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("docs = %q, want only a.md", got)
	}
}

// TestBodyIntoReusesItsBuffer: bodies read one after another into one
// buffer are each the file's body, the buffer is reused when the next file
// fits, and a loaded document keeps nothing of the buffer its file was
// read into.
func TestBodyIntoReusesItsBuffer(t *testing.T) {
	iv := func(notes string) string {
		return "---\nkind: interview\ndate: 2026-01-01\n---\n" + notes
	}
	root := writeTree(t, map[string]string{
		"interviews/long.md":  iv("Close the books in five days, not ten.\n"),
		"interviews/short.md": iv("Fewer tools.\n"),
	})
	ws, err := Load(root, Options{Slim: true})
	if err != nil {
		t.Fatal(err)
	}
	long, short := ws.Lookup(model.KindInterview, "long"), ws.Lookup(model.KindInterview, "short")
	if long == nil || short == nil {
		t.Fatalf("interviews not loaded: %v", ws.Docs)
	}
	body, line, buf, err := ws.BodyInto(long, nil)
	if err != nil || string(body) != "Close the books in five days, not ten.\n" || line != 5 {
		t.Fatalf("BodyInto(long) = %q, line %d, %v", body, line, err)
	}
	first := &buf[:1][0]
	body, _, buf, err = ws.BodyInto(short, buf)
	if err != nil || string(body) != "Fewer tools.\n" {
		t.Fatalf("BodyInto(short) = %q, %v", body, err)
	}
	if &buf[:1][0] != first {
		t.Error("a body that fits was read into a new buffer")
	}
	if long.ID != "long" || short.ID != "short" || long.Path != "interviews/long.md" {
		t.Errorf("documents changed under reused buffers: %+v %+v", long, short)
	}
}

// TestBodyIntoCopiesAKeptBody: a workspace that keeps bodies answers from
// them (a copy the caller may change), without reading the file again.
func TestBodyIntoCopiesAKeptBody(t *testing.T) {
	root := writeTree(t, map[string]string{
		"interviews/cfo.md": "---\nkind: interview\ndate: 2026-01-01\n---\nClose the books in five days.\n",
	})
	ws, err := Load(root, Options{KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "interviews/cfo.md")); err != nil {
		t.Fatal(err)
	}
	iv := ws.Lookup(model.KindInterview, "cfo")
	body, line, _, err := ws.BodyInto(iv, nil)
	if err != nil || string(body) != "Close the books in five days.\n" || line != 5 {
		t.Fatalf("BodyInto = %q, line %d, %v; want the kept body at line 5", body, line, err)
	}
	body[0] = 'c'
	if string(iv.Body) != "Close the books in five days.\n" {
		t.Errorf("changing the body BodyInto gave changed the kept one: %q", iv.Body)
	}
}
