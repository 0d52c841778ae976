package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// persona fix on examples/flawed makes exactly the certain fixes, whose
// diff is golden; the files it writes read as that diff says; a second run
// has nothing left to fix and changes no byte.
func TestFixFlawedGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "flawed")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot(t), "examples", "flawed"))); err != nil {
		t.Fatal(err)
	}
	dry, _, code := run(t, dir, false, nil, "fix", "--dry-run", "--diff", "--today", "2026-11-22")
	if code != 1 {
		t.Fatalf("fix --dry-run exit %d, want 1 (findings are left)", code)
	}
	diff, _, found := strings.Cut(dry, "would fix ")
	if !found {
		t.Fatalf("no summary line in:\n%s", dry)
	}
	golden(t, "flawed.fix.diff", diff)
	before := snapshot(t, dir)
	applied, _, code := run(t, dir, false, nil, "fix", "--today", "2026-11-22")
	if code != 1 || !strings.Contains(applied, "fixed 5 findings in 4 files") {
		t.Fatalf("fix exit %d:\n%s", code, applied)
	}
	after := snapshot(t, dir)
	changed := 0
	for rel, text := range after {
		if before[rel] != text {
			changed++
			if !strings.Contains(diff, "+++ b/"+rel+"\n") {
				t.Errorf("%s changed, but the diff does not show it", rel)
			}
		}
	}
	if changed != strings.Count(diff, "+++ b/") {
		t.Errorf("%d files changed; the diff shows %d", changed, strings.Count(diff, "+++ b/"))
	}
	again, _, _ := run(t, dir, false, nil, "fix", "--today", "2026-11-22")
	if !strings.HasPrefix(again, "nothing to fix") {
		t.Errorf("a second run:\n%s", again)
	}
	for rel, text := range snapshot(t, dir) {
		if after[rel] != text {
			t.Errorf("the second run changed %s", rel)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
