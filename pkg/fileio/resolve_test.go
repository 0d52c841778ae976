package fileio

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestResolve(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ws, out := filepath.Join(base, "ws"), filepath.Join(base, "out")
	for _, d := range []string{filepath.Join(ws, "real", "sub"), out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"ws/dirlink":  "real",
		"ws/outlink":  "../out",
		"ws/absolute": out,
		"ws/dangling": "../out/planted.md",
		"ws/chain":    "dangling",
		"ws/loop":     "loop",
		"ws/up":       "real/sub",
	}
	for name, dest := range links {
		if err := os.Symlink(dest, filepath.Join(base, name)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, path, want string
		fails            bool
	}{
		{name: "an existing directory", path: "ws/real", want: "ws/real"},
		{name: "a new file", path: "ws/real/new.md", want: "ws/real/new.md"},
		{name: "new directories below a missing one", path: "ws/a/b/c.md", want: "ws/a/b/c.md"},
		{name: "a link to a directory inside", path: "ws/dirlink/x.md", want: "ws/real/x.md"},
		{name: "a link to a directory outside", path: "ws/outlink/x.md", want: "out/x.md"},
		{name: "an absolute link", path: "ws/absolute/x.md", want: "out/x.md"},
		{name: "a dangling link", path: "ws/dangling", want: "out/planted.md"},
		{name: "a chain of links ending dangling", path: "ws/chain", want: "out/planted.md"},
		{name: "dot-dot is cleaned before links are read, as the written path is", path: "ws/up/../x.md", want: "ws/x.md"},
		{name: "a link loop", path: "ws/loop", fails: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(filepath.Join(base, tt.path))
			if tt.fails {
				if err == nil {
					t.Fatalf("Resolve = %s, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(base, tt.want); got != want {
				t.Errorf("Resolve = %s, want %s", got, want)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	root := filepath.FromSlash("/ws")
	tests := []struct {
		path string
		want bool
	}{
		{"/ws", true},
		{"/ws/personas/a.md", true},
		{"/ws/..notes.md", true},
		{"/ws/a/../b.md", true},
		{"/wsx/a.md", false},
		{"/ws/../a.md", false},
		{"/", false},
		{"/other", false},
	}
	for _, tt := range tests {
		if got := Within(root, filepath.FromSlash(tt.path)); got != tt.want {
			t.Errorf("Within(%s, %s) = %v, want %v", root, tt.path, got, tt.want)
		}
	}
}
