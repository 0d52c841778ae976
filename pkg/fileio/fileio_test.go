package fileio

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.md")
	if err := os.WriteFile(small, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	status, err := os.ReadFile("/proc/self/status") // size 0 to stat, text to read
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("small.md", link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		path       string
		limit      int
		want       string
		tooLarge   bool
		notRegular bool
		notExist   bool
	}{
		{name: "whole file", path: small, limit: 10, want: "hello"},
		{name: "cut at the limit", path: small, limit: 3, want: "hel", tooLarge: true},
		{name: "exactly the limit", path: small, limit: 5, want: "hello"},
		{name: "one byte over the limit", path: small, limit: 4, want: "hell", tooLarge: true},
		{name: "empty", path: empty, limit: 10, want: ""},
		{name: "a size of 0 to stat, read to its end", path: "/proc/self/status", limit: 1 << 20, want: string(status[:strings.Index(string(status), "\n")])},
		{name: "through a symlink", path: link, limit: 10, want: "hello"},
		{name: "fifo without a writer does not block", path: fifo, limit: 10, notRegular: true},
		{name: "directory", path: dir, limit: 10, notRegular: true},
		{name: "missing", path: filepath.Join(dir, "gone.md"), limit: 10, notExist: true},
		{name: "endless device", path: "/dev/zero", limit: 10, notRegular: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			var src []byte
			var tooLarge bool
			var err error
			go func() { src, tooLarge, err = ReadRegular(tc.path, tc.limit); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadRegular blocked")
			}
			if tc.notExist {
				var pe *fs.PathError
				if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != tc.path {
					t.Fatalf("err = %v, want a path error that is fs.ErrNotExist", err)
				}
				return
			}
			if tc.notRegular {
				if !errors.Is(err, ErrNotRegular) {
					t.Fatalf("err = %v, want ErrNotRegular", err)
				}
				return
			}
			if tc.path == "/proc/self/status" {
				// The text changes from one read to the next; its first
				// line, the process name, does not.
				if err != nil || !strings.HasPrefix(string(src), tc.want+"\n") || len(src) < 100 {
					t.Fatalf("got %q, %v", src, err)
				}
				return
			}
			if err != nil || string(src) != tc.want || tooLarge != tc.tooLarge {
				t.Fatalf("got %q, %v, %v; want %q, %v", src, tooLarge, err, tc.want, tc.tooLarge)
			}
		})
	}
}

func TestWriteRegular(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.txt")
	if err := Write(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("new file mode = %v, want 0644", info.Mode().Perm())
	}
	if err := Write(path, []byte("two"), false); !errors.Is(err, ErrExists) {
		t.Errorf("second write without replace: err = %v, want ErrExists", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "three" || info.Mode().Perm() != 0o600 {
		t.Errorf("after replace: %q mode %v, want %q mode 0600", got, info.Mode().Perm(), "three")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only out.txt (no temporary file left)", len(entries))
	}
}

func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new"), true); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a regular file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("link target holds %q, want %q", got, "new")
	}
}

func TestWriteFIFOInPlace(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	if err := Write(fifo, []byte("through the pipe"), true); err != nil {
		t.Fatal(err)
	}
	if b := <-got; !bytes.Equal(b, []byte("through the pipe")) {
		t.Errorf("reader got %q", b)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}

func TestWriteDevice(t *testing.T) {
	if err := Write("/dev/null", []byte("x"), true); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatal("/dev/null is no longer a character device")
	}
}

func TestWriteDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x"), true); !errors.Is(err, ErrNotRegular) {
		t.Errorf("err = %v, want ErrNotRegular", err)
	}
}

func TestWriteNeverClobbers(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "x.md")
	if err := Write(p, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two"), false); !errors.Is(err, ErrExists) {
		t.Fatalf("second Write = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Fatalf("content = %q after a refused write", b)
	}
	if err := Write(p, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "three" {
		t.Fatalf("content = %q after a forced write", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestWriteFile: writeFile writes as os.WriteFile does: a new file, an
// existing longer one cut to the data, and an error naming the path for
// what cannot be written.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "long.html")
	if err := os.WriteFile(long, []byte("a much longer page than the next"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, data string
		fails            bool
	}{
		{"new", filepath.Join(dir, "new.html"), "<p>new</p>", false},
		{"empty", filepath.Join(dir, "empty.html"), "", false},
		{"shorter over longer", long, "short", false},
		{"a directory", dir, "x", true},
		{"no such directory", filepath.Join(dir, "missing", "x.html"), "x", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := writeFile(tt.path, []byte(tt.data), 0o644)
			if tt.fails {
				var pe *fs.PathError
				if !errors.As(err, &pe) || pe.Path != tt.path {
					t.Fatalf("error %v, want one about %s", err, tt.path)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(tt.path)
			if err != nil || string(got) != tt.data {
				t.Fatalf("file holds %q (%v), want %q", got, err, tt.data)
			}
		})
	}
}
