// Package gitrepo is persona's narrow window onto git. It shells out to the
// git binary, so it behaves exactly like the user's git (worktrees, sparse
// checkouts, config), and keeps every call behind one small type.
package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// ErrNoGit means the git binary is not installed or not on PATH.
var ErrNoGit = errors.New("git is not installed or not on PATH")

// Repo is a git work tree.
type Repo struct {
	// Top is the absolute path of the work tree's top-level directory.
	Top string
	// resolved holds the commit ids revisions resolved to, each id to
	// itself too: a diff passes its base's id on to calls that would ask
	// git for it again, a process start apiece.
	mu       sync.Mutex
	resolved map[string]string
}

// Open finds the repository containing dir.
func Open(dir string) (*Repo, error) {
	out, err := run(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	return &Repo{Top: filepath.Clean(strings.TrimSpace(out))}, nil
}

// RevError says a revision could not be resolved.
type RevError struct {
	Rev     string
	Shallow bool
	// NoCommits says the repository has no commit at all yet, so no
	// revision can resolve.
	NoCommits bool
}

func (e *RevError) Error() string {
	msg := fmt.Sprintf("cannot resolve git revision %q", e.Rev)
	if strings.HasPrefix(e.Rev, "-") {
		// Never paste it back into a command line, where it reads as an option.
		return msg + ": a revision cannot start with -; name a branch, tag or commit"
	}
	if e.NoCommits {
		return msg + ": this repository has no commits yet; commit the workspace first (git add -A && git commit), then compare later changes with it"
	}
	if e.Shallow {
		return msg + ": this is a shallow clone; fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"
	}
	return msg + ": check the name, or fetch it (git fetch origin " + e.Rev + "; fetch-depth: 0 in actions/checkout)"
}

// Resolve returns the commit id of rev.
func (r *Repo) Resolve(rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", &RevError{Rev: rev}
	}
	r.mu.Lock()
	id, ok := r.resolved[rev]
	r.mu.Unlock()
	if ok {
		return id, nil
	}
	out, err := run(r.Top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if errors.Is(err, ErrNoGit) {
			return "", err
		}
		if !r.HasCommits() {
			return "", &RevError{Rev: rev, NoCommits: true}
		}
		return "", &RevError{Rev: rev, Shallow: r.shallow()}
	}
	id = strings.TrimSpace(out)
	r.mu.Lock()
	if r.resolved == nil {
		r.resolved = map[string]string{}
	}
	r.resolved[rev], r.resolved[id] = id, id
	r.mu.Unlock()
	return id, nil
}

// HasCommits reports whether any branch of the repository has a commit: a
// fresh `git init` has none, and then no revision resolves.
func (r *Repo) HasCommits() bool {
	out, err := run(r.Top, "for-each-ref", "--count=1", "--format=x", "refs/heads", "refs/remotes")
	return err == nil && strings.TrimSpace(out) != ""
}

func (r *Repo) shallow() bool {
	out, err := run(r.Top, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(out) == "true"
}

// MergeBase returns the best common ancestor of HEAD and rev.
func (r *Repo) MergeBase(rev string) (string, error) {
	commit, err := r.Resolve(rev)
	if err != nil {
		return "", err
	}
	out, err := run(r.Top, "merge-base", "HEAD", commit)
	if err != nil {
		if r.shallow() {
			return "", fmt.Errorf("%s and HEAD have no common commit in this shallow clone; fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)", rev)
		}
		return "", fmt.Errorf("%s and HEAD have no common commit; name a branch that shares history with HEAD", rev)
	}
	return strings.TrimSpace(out), nil
}

// ChangedSince returns the files under dir added, modified, renamed (their
// new path), copied or retyped between rev and the working tree, staged or
// not, plus untracked files that are not ignored, as '/'-separated paths
// relative to dir.
func (r *Repo) ChangedSince(rev, dir string) (map[string]bool, error) {
	prefix, err := r.Prefix(dir)
	if err != nil {
		return nil, err
	}
	changes, err := r.Changes(rev, Worktree)
	if err != nil {
		return nil, err
	}
	paths := map[string]bool{}
	for _, c := range changes {
		// Every change but a deletion leaves a file.
		if rel, ok := Under(prefix, c.NewPath); c.NewPath != "" && ok {
			paths[rel] = true
		}
	}
	return paths, nil
}

// ErrOutside says a directory is not inside the repository's work tree.
var ErrOutside = errors.New("outside the git repository")

// Prefix is dir relative to the top-level, '/'-separated ("" when they are
// the same). Real paths are compared, so that a checkout reached through a
// symbolic link still matches what git reports.
func (r *Repo) Prefix(dir string) (string, error) {
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		realDir = dir
	}
	realTop, err := filepath.EvalSymlinks(r.Top)
	if err != nil {
		realTop = r.Top
	}
	rel, err := filepath.Rel(realTop, realDir)
	if err != nil || !filepath.IsLocal(rel) {
		return "", fmt.Errorf("%s is %w %s", dir, ErrOutside, r.Top)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel), nil
}

// Under maps a repository path to one relative to the directory at prefix
// (see Prefix), and reports whether it lies under it.
func Under(prefix, repoPath string) (string, bool) {
	if prefix == "" {
		return repoPath, true
	}
	if !strings.HasPrefix(repoPath, prefix+"/") {
		return "", false
	}
	return repoPath[len(prefix)+1:], true
}

// run executes git in dir and returns its standard output.
func run(dir string, args ...string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", ErrNoGit
	}
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}
