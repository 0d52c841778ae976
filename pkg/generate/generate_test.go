package generate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestWorkspaceIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		n, err := Workspace(dir, Defaults(2))
		if err != nil {
			t.Fatal(err)
		}
		if n != 2*FilesPerICP {
			t.Fatalf("wrote %d files, want %d", n, 2*FilesPerICP)
		}
	}
	for _, rel := range []string{"icps/icp-00001.md", "personas/icp-00000/persona-00000-3.md", "interviews/icp-00001/interview-00001-11.md"} {
		x, err1 := os.ReadFile(filepath.Join(a, rel))
		y, err2 := os.ReadFile(filepath.Join(b, rel))
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs (%v, %v)", rel, err1, err2)
		}
		if len(x) < 4000 || len(x) > 5500 {
			t.Errorf("%s is %d bytes, want about 4.7 KB", rel, len(x))
		}
	}
}
