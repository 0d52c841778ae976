package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/finding"
)

// TestFixReportsWhatThePassesDidNotReach: findings are capped at 100 per
// file and rule, so 600 fixable sources take six passes; fix stops after
// five and must say that the rest are still there, and exit 1 (#28).
func TestFixReportsWhatThePassesDidNotReach(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"icps/saas.md":        "---\nkind: icp\ntitle: SaaS\nowners: [a]\nreviewed: 2026-11-01\nfirmographics: {industries: [software], regions: [emea]}\n---\n",
		"interviews/cfo-1.md": "---\nkind: interview\ndate: 2026-10-01\nicp: saas\nconsent: true\n---\nNotes.\n",
		"personas/fiona.md": "---\nkind: persona\nname: Fiona\nicp: saas\nowners: [a]\nreviewed: 2026-11-01\ngoals: [Close faster]\nsources:\n" +
			strings.Repeat("  - cfo-l\n", 600) + "---\n",
	}
	for rel, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, _, code := run(t, dir, false, nil, "fix", "--today", "2026-11-22")
	if code != 1 || !strings.Contains(stdout, "fixed 400 findings in 1 file") || !strings.Contains(stdout, "source-missing") {
		t.Errorf("exit %d, want 1 with the source-missing findings left:\n%s", code, lastLines(stdout, 8))
	}
	src, _ := os.ReadFile(filepath.Join(dir, "personas", "fiona.md"))
	if n := strings.Count(string(src), "- cfo-l\n"); n != 200 {
		t.Errorf("%d sources left unfixed, want 200", n)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

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
	g := &globalOptions{streams: IOStreams{Out: &strings.Builder{}, ErrOut: &errOut, Dir: dir, Getenv: func(string) string { return "" }}}
	p, err := g.openProject(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(placed, "mid-markt-saas")
	f := finding.Finding{Path: rel, Line: 3, Column: 6, Rule: "persona-unknown-icp", Fix: &finding.Fix{Description: "set icp",
		Edits: []finding.Edit{{Path: rel, NewText: "mid-market-saas", StartByte: start, EndByte: start + len("mid-markt-saas")}}}}
	n, err := fixFiles(g, p, map[string][]finding.Finding{rel: {f}}, map[string][]byte{rel: []byte(placed)}, &fixOptions{}, map[string]bool{})
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
