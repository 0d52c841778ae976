package rules

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzIsAbsoluteRef holds isAbsoluteRef to its definition written
// plainly: an absolute path, a Windows drive path or a file: URL.
func FuzzIsAbsoluteRef(f *testing.F) {
	for _, ref := range []string{"i-001", "../interviews/a.md", "/home/a.md", `C:\notes\a.md`, "file:///a.md", "FILE:/a.md",
		"File:a", "file", "files:/a", "https://example.com/a", "file:%zz", "x:file:/a", "file:a b"} {
		f.Add(ref)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		want := filepath.IsAbs(ref) || strings.HasPrefix(ref, "/") || windowsAbsolute.MatchString(ref)
		if u, err := url.Parse(ref); !want && err == nil && u.Scheme == "file" {
			want = true
		}
		if got := isAbsoluteRef(ref); got != want {
			t.Fatalf("isAbsoluteRef(%q) = %v, want %v", ref, got, want)
		}
	})
}
