package gitrepo

import (
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// gitIn runs git in dir with a fixed identity and no user configuration.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestChangedSince(t *testing.T) {
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	for _, f := range []string{"keep.md", "edit.md", "gone.md", "move.md", "staged.md"} {
		write(t, filepath.Join(dir, f), "# "+f+"\nsome text that stays the same for rename detection\n")
	}
	write(t, filepath.Join(dir, ".gitignore"), "ignored.md\n")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "base")

	write(t, filepath.Join(dir, "edit.md"), "# changed\n")
	write(t, filepath.Join(dir, "staged.md"), "# staged change\n")
	gitIn(t, dir, "add", "staged.md")
	if err := os.Remove(filepath.Join(dir, "gone.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "mv", "move.md", "sub/moved.md")
	write(t, filepath.Join(dir, "new file.md"), "# untracked\n")
	write(t, filepath.Join(dir, "ignored.md"), "# ignored\n")

	repo, err := Open(filepath.Join(dir))
	if err != nil {
		t.Fatal(err)
	}
	changed, err := repo.ChangedSince("HEAD", dir)
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(maps.Keys(changed))
	want := []string{"edit.md", "new file.md", "staged.md", "sub/moved.md"}
	if !slices.Equal(got, want) {
		t.Errorf("ChangedSince = %q, want %q", got, want)
	}
	// Under a subdirectory, paths are relative to it and others left out.
	sub, err := repo.ChangedSince("HEAD", filepath.Join(dir, "sub"))
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(sub)); !slices.Equal(got, []string{"moved.md"}) {
		t.Errorf("ChangedSince under sub = %q, want [moved.md]", got)
	}
	// Through a symbolic link to the checkout, the same.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	viaLink, err := repo.ChangedSince("HEAD", filepath.Join(link, "sub"))
	if err != nil || !viaLink["moved.md"] {
		t.Errorf("ChangedSince through a link = %v, %v", viaLink, err)
	}
	if _, err := repo.ChangedSince("HEAD", t.TempDir()); !errors.Is(err, ErrOutside) {
		t.Errorf("a directory outside the repository: %v, want ErrOutside", err)
	}
}

func TestResolveErrors(t *testing.T) {
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	write(t, filepath.Join(dir, "a.md"), "a\n")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "one")
	write(t, filepath.Join(dir, "a.md"), "b\n")
	gitIn(t, dir, "commit", "-q", "-am", "two")

	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, rev := range []string{"nope", "--all", "HEAD~5"} {
		var re *RevError
		if _, err := repo.Resolve(rev); !errors.As(err, &re) || re.Shallow {
			t.Errorf("Resolve(%q) = %v, want a RevError for a full clone", rev, err)
		}
	}
	if _, err := repo.MergeBase("main"); err != nil {
		t.Errorf("MergeBase(main): %v", err)
	}

	shallow := filepath.Join(t.TempDir(), "shallow")
	gitIn(t, dir, "clone", "-q", "--depth", "1", "file://"+dir, shallow)
	srepo, err := Open(shallow)
	if err != nil {
		t.Fatal(err)
	}
	var re *RevError
	if _, err := srepo.ChangedSince("HEAD~1", srepo.Top); !errors.As(err, &re) || !re.Shallow {
		t.Fatalf("ChangedSince(HEAD~1) in a shallow clone = %v, want a shallow RevError", err)
	}
}

func TestOpenOutsideARepository(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil {
		t.Fatal("Open succeeded outside a repository")
	}
}

func TestReadCutsLargeBlobs(t *testing.T) {
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	write(t, filepath.Join(dir, "big.md"), "0123456789abcdef")
	write(t, filepath.Join(dir, "small.md"), "tiny")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "one")
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := repo.Read("HEAD", []string{"big.md", "missing.md", "small.md"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if string(got["big.md"]) != "0123456789" || got["missing.md"] != nil || string(got["small.md"]) != "tiny" {
		t.Errorf("Read = %q", got)
	}
}

// TestReadOddNames reads files whose names hold a newline, a tab and
// non-ASCII text, next to a large file that sorts after them: every name
// is one request, and nothing is left blocked on a full pipe.
func TestReadOddNames(t *testing.T) {
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	names := []string{"a\nb.md", "c.md", "tab\there.md", "grüße.md", "z-large.md"}
	big := make([]byte, 200<<10)
	for i := range big {
		big[i] = 'x'
	}
	for _, n := range names {
		content := "content of " + n
		if n == "z-large.md" {
			content = string(big)
		}
		write(t, filepath.Join(dir, n), content)
	}
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Read("HEAD", append(names, "missing.md"), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		want := "content of " + n
		if n == "z-large.md" {
			want = string(big)
		}
		if string(got[n]) != want {
			t.Errorf("Read(%q) = %.40q, want %.40q", n, got[n], want)
		}
	}
	if got["missing.md"] != nil {
		t.Error("a missing file has content")
	}
	changes, err := r.Changes("HEAD", Worktree)
	if err != nil || len(changes) != 0 {
		t.Errorf("Changes on a clean tree = %v, %v", changes, err)
	}
}
