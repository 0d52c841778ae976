package project

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/personakit/persona/pkg/workspace"
)

func TestUnder(t *testing.T) {
	root := t.TempDir()
	p := New(workspace.Location{Root: root}, func(abs string) string { return abs })
	tests := []struct {
		name    string
		targets []string
		rel     string
		want    bool
	}{
		{"the root holds everything", []string{root}, "personas/a.md", true},
		{"a file itself", []string{filepath.Join(root, "personas", "a.md")}, "personas/a.md", true},
		{"a folder holds its files", []string{filepath.Join(root, "personas")}, "personas/a.md", true},
		{"a prefix of a name is not a folder", []string{filepath.Join(root, "personas")}, "personas-old/a.md", false},
		{"a name starting with two dots is inside", []string{root}, "..notes.md", true},
		{"another folder", []string{filepath.Join(root, "icps")}, "personas/a.md", false},
		{"any of several", []string{filepath.Join(root, "icps"), filepath.Join(root, "personas")}, "personas/a.md", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Under(tt.targets)(tt.rel); got != tt.want {
				t.Errorf("Under(%v)(%q) = %v, want %v", tt.targets, tt.rel, got, tt.want)
			}
		})
	}
}

// TestConfine: a write lands in the workspace, never through a link out
// of it or into what the config excludes.
func TestConfine(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(root, ".persona.yaml"), []byte("version: 1\nexclude: [\"drafts/**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"personas", "drafts"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(root, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	loc, err := workspace.Locate(root)
	if err != nil {
		t.Fatal(err)
	}
	p := New(loc, func(abs string) string { return abs })
	if err := p.Configure(); err != nil {
		t.Fatal(err)
	}
	for rel, ok := range map[string]bool{"personas/a.md": true, "elsewhere/a.md": false, "drafts/a.md": false} {
		if _, err := p.Confine(p.Abs(rel)); (err == nil) != ok {
			t.Errorf("Confine(%s): %v, want allowed %v", rel, err, ok)
		}
	}
}
