package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/personakit/persona/pkg/lint"
)

func TestFileOutsideWorkspace(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("---\nkind: interview\ndate: 2026-01-01\n---\nprivate notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "inside.md"), []byte("---\nkind: interview\ndate: 2026-01-01\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustSymlink(t, secret, filepath.Join(root, "leak.md"))
	mustSymlink(t, "inside.md", filepath.Join(root, "alias.md"))
	runner, ws := loadWithAllRules(t, root)
	var got []string
	for _, f := range runner.Run(ws, lint.Options{Today: today}) {
		if f.Rule == "file-outside-workspace" {
			got = append(got, f.Path)
		}
	}
	if len(got) != 1 || got[0] != "leak.md" {
		t.Errorf("file-outside-workspace on %q, want only leak.md", got)
	}
	for _, d := range ws.Docs {
		if d.Path == "leak.md" && d.Kind != "" {
			t.Error("the linked file outside the workspace was loaded as an entity")
		}
	}
}
