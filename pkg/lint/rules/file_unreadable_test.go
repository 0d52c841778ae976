package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/workspace"
)

func TestFileUnreadable(t *testing.T) {
	runRuleCases(t, "file-unreadable", []ruleCase{
		{"latin-1 front matter of an entity", with(map[string]string{"personas/x.md": "---\nkind: persona\nname: \xe9t\xe9\n---\n"}), "", []string{"personas/x.md:1:1 error"}},
		{"latin-1 page without kind is ignored", with(map[string]string{"docs/x.md": "---\ntitle: \xe9t\xe9\n---\n"}), "", nil},
		{"latin-1 body is fine", with(map[string]string{"personas/fiona.md": persona() + "caf\xe9\n"}), "", nil},
		{"turned off", with(map[string]string{"personas/x.md": "---\nkind: persona\nname: \xe9\n---\n"}), "rules:\n  file-unreadable: off\n", nil},
	})
}

func TestFileUnreadableOnDisk(t *testing.T) {
	root := t.TempDir()
	write := func(p, content string) {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("locked.md", "---\nkind: persona\n---\n")
	if err := os.Chmod(filepath.Join(root, "locked.md"), 0o000); err != nil {
		t.Fatal(err)
	}
	mustSymlink(t, "missing.md", filepath.Join(root, "dangling.md"))
	mustSymlink(t, "loop.md", filepath.Join(root, "loop.md"))
	if err := os.MkdirAll(filepath.Join(root, "dir.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, workspace.MaxFileSize+10)
	copy(big, "---\nkind: interview\ndate: 2026-01-01\n---\n")
	for i := 40; i < len(big); i++ {
		big[i] = 'x'
	}
	write("big.md", string(big))
	for i := range big {
		big[i] = 'y'
	}
	write("big-plain.md", string(big))

	runner, err := lint.NewRunner(config.Default(), All())
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(root, workspace.Options{Inspect: runner.Inspector()})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range runner.Run(ws, lint.Options{Today: today}) {
		if f.Rule == "file-unreadable" {
			got[f.Path] = f.Message
		}
	}
	want := []string{"big.md", "dangling.md", "loop.md"}
	if os.Geteuid() != 0 { // root reads files whatever their mode
		want = append(want, "locked.md")
	}
	for _, p := range want {
		if got[p] == "" {
			t.Errorf("no file-unreadable finding for %s (got %v)", p, got)
		}
		delete(got, p)
	}
	if len(got) != 0 {
		t.Errorf("unexpected file-unreadable findings: %v", got)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
