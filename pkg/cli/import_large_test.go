package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSkipsPagesOverTheReadLimit: a page larger than the 8 MiB
// persona reads would be cut short if it were adopted in place (#28).
func TestImportSkipsPagesOverTheReadLimit(t *testing.T) {
	dir := t.TempDir()
	page := []byte("# Finance Fiona\n\n## Goals\n\n- Close faster\n\n" + strings.Repeat("Notes of a long meeting.\n", 9<<20/25))
	path := filepath.Join(dir, "fiona.md")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, false, nil, "import", "--today", "2026-11-22")
	if code != 0 || !strings.Contains(stdout, "skipped 1 page (fiona.md): it is larger than 8 MiB") || !strings.Contains(stdout, "wrote 0 files") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, page) {
		t.Errorf("the page changed: %d bytes, was %d (%v)", len(after), len(page), err)
	}
}
