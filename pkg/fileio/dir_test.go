package fileio

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestWriteDir(t *testing.T) {
	pages := func(names ...string) func(func(string, []byte) error) error {
		return func(write func(string, []byte) error) error {
			for _, n := range names {
				if err := write(n, []byte(n)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	failing := func(write func(string, []byte) error) error {
		write("index.html", []byte("half"))
		return errors.New("rendering failed")
	}
	tests := []struct {
		name    string
		before  map[string]string // existing files under the target; nil: no target
		force   bool
		fill    func(func(string, []byte) error) error
		wantErr string
		after   []string // files the target then holds, besides the marker
	}{
		{"a new directory", nil, false, pages("index.html", "personas/a.html"), "", []string{"index.html", "personas/a.html"}},
		{"an empty directory", map[string]string{}, false, pages("index.html"), "", []string{"index.html"}},
		{"its own site, replaced whole", map[string]string{SiteMarker: "", "old.html": ""}, false, pages("index.html"), "", []string{"index.html"}},
		{"its own site of many directories, replaced whole", map[string]string{SiteMarker: "", "old.html": "", "personas/a.html": "", "icps/b/c.html": "", "interviews/d.html": ""}, false, pages("index.html", "personas/a.html"), "", []string{"index.html", "personas/a.html"}},
		{"someone else's directory is kept", map[string]string{"keep.txt": "x"}, false, pages("index.html"), "not empty and was not written by persona", []string{"keep.txt"}},
		{"someone else's directory, forced", map[string]string{"keep.txt": "x"}, true, pages("index.html"), "", []string{"index.html"}},
		{"a failed render leaves the old site", map[string]string{SiteMarker: "", "old.html": ""}, false, failing, "rendering failed", []string{"old.html"}},
		{"a name that leaves the directory", nil, false, pages("../escape.html"), "not a name inside the directory", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, "site")
			if tt.before != nil {
				os.Mkdir(target, 0o755)
				for n, c := range tt.before {
					os.MkdirAll(filepath.Dir(filepath.Join(target, n)), 0o755)
					os.WriteFile(filepath.Join(target, n), []byte(c), 0o644)
				}
			}
			err := WriteDir(target, tt.force, tt.fill)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			var got []string
			filepath.WalkDir(target, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && d.Name() != SiteMarker {
					rel, _ := filepath.Rel(target, p)
					got = append(got, filepath.ToSlash(rel))
				}
				return nil
			})
			if strings.Join(got, ",") != strings.Join(tt.after, ",") {
				t.Errorf("the target holds %v, want %v", got, tt.after)
			}
			if entries, _ := os.ReadDir(parent); len(entries) > 1 || len(entries) == 1 && entries[0].Name() != "site" {
				t.Errorf("left beside the target: %v", entries)
			}
		})
	}
}

// TestWriteDirSweepsWhatAKilledRunLeft: a run killed while it wrote left
// its temporary directory; the next run removes it, and only it (#28).
func TestWriteDirSweepsWhatAKilledRunLeft(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "site")
	// A finished process's id: nobody holds it now.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	dirs := map[string]string{ // name → writing marker ("" for none)
		".site.tmp-killed":  strconv.Itoa(dead),
		".site.tmp-running": strconv.Itoa(os.Getpid()),
		".site.tmp-unknown": "",
		".other.tmp-killed": strconv.Itoa(dead),
	}
	for name, pid := range dirs {
		if err := os.MkdirAll(filepath.Join(parent, name, "p"), 0o755); err != nil {
			t.Fatal(err)
		}
		if pid != "" {
			if err := os.WriteFile(filepath.Join(parent, name, writingMarker), []byte(pid+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := WriteDir(target, false, func(write func(string, []byte) error) error { return write("index.html", []byte("x")) }); err != nil {
		t.Fatal(err)
	}
	for name := range dirs {
		_, err := os.Stat(filepath.Join(parent, name))
		if gone := err != nil; gone != (name == ".site.tmp-killed") {
			t.Errorf("%s: removed = %v", name, gone)
		}
	}
	if _, err := os.Stat(filepath.Join(target, writingMarker)); err == nil {
		t.Errorf("the site holds %s", writingMarker)
	}
}
