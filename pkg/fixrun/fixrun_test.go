package fixrun

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/workspace"
)

// TestFixLeavesAFileChangedSinceItsEditsWerePlaced: edits placed on one
// read are never applied to other bytes (an editor saving while fix runs
// turned "kind: persona" into "kimid-market-saasme", #28).
func TestFixLeavesAFileChangedSinceItsEditsWerePlaced(t *testing.T) {
	dir := t.TempDir()
	rel := "personas/zed.md"
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	placed := "---\nkind: persona\nicp: mid-markt-saas\n---\n"
	saved := "---\nkind: persona\nname: Zed\nicp: mid-markt-saas\n---\n" // the editor's save, in between
	if err := os.WriteFile(path, []byte(saved), 0o644); err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	loc, err := workspace.Locate(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := project.New(loc, func(abs string) string { rel, _ := filepath.Rel(dir, abs); return filepath.ToSlash(rel) })
	if err := p.Configure(); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(placed, "mid-markt-saas")
	f := finding.Finding{Path: rel, Line: 3, Column: 6, Rule: "persona-unknown-icp", Fix: &finding.Fix{Description: "set icp",
		Edits: []finding.Edit{{Path: rel, NewText: "mid-market-saas", StartByte: start, EndByte: start + len("mid-markt-saas")}}}}
	fx := &fileFixer{p: p, o: &Options{Out: &strings.Builder{}, ErrOut: &errOut}, files: map[string]bool{}, edited: map[string][]byte{}}
	_, n, err := fx.fixFiles(map[string][]finding.Finding{rel: {f}}, map[string][]byte{rel: []byte(placed)})
	if err != nil || n != 0 {
		t.Fatalf("fixed %d, %v", n, err)
	}
	if got, _ := os.ReadFile(path); string(got) != saved {
		t.Errorf("the file was changed:\n%s", got)
	}
	if !strings.Contains(errOut.String(), "personas/zed.md changed while it was being fixed") {
		t.Errorf("stderr %q", errOut.String())
	}
}
