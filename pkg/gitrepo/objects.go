package gitrepo

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Change is one file git reports as changed between two trees.
type Change struct {
	// Status is git's letter: A added, M modified, D deleted, R renamed,
	// C copied, T type changed.
	Status  byte
	OldPath string // repository-relative, '/'-separated; empty for A
	NewPath string // empty for D
}

// Worktree names the working tree (with untracked files) as a diff side.
const Worktree = ""

// Changes lists what changed from base to head (a commit, or Worktree),
// with git's rename detection.
func (r *Repo) Changes(base, head string) ([]Change, error) {
	baseID, err := r.Resolve(base)
	if err != nil {
		return nil, err
	}
	args := []string{"diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-color", baseID}
	if head != Worktree {
		headID, err := r.Resolve(head)
		if err != nil {
			return nil, err
		}
		args = append(args, headID)
	}
	// The untracked files are listed while git diff runs: each walks the
	// whole working tree, a tenth of a second apiece at 20,000 files.
	type listing struct {
		out string
		err error
	}
	var untracked chan listing
	if head == Worktree {
		untracked = make(chan listing, 1)
		go func() {
			out, err := run(r.Top, "ls-files", "--others", "--exclude-standard", "-z")
			untracked <- listing{out, err}
		}()
	}
	out, err := run(r.Top, append(args, "--")...)
	var changes []Change
	if err == nil {
		changes, err = parseNameStatus(out)
	}
	if untracked != nil {
		// Waited for whatever git diff said, so that no git process
		// outlives the call.
		list := <-untracked
		if err == nil {
			err = list.err
		}
		if err == nil {
			for _, p := range strings.Split(list.out, "\x00") {
				if p != "" {
					changes = append(changes, Change{Status: 'A', NewPath: p})
				}
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return changes, nil
}

// parseNameStatus reads the output of git diff --name-status -z.
func parseNameStatus(out string) ([]Change, error) {
	var changes []Change
	fields := strings.Split(strings.TrimSuffix(out, "\x00"), "\x00")
	for i := 0; i < len(fields) && fields[i] != ""; {
		status := fields[i][0]
		switch status {
		case 'R', 'C':
			if i+2 >= len(fields) {
				return nil, fmt.Errorf("git diff: truncated output")
			}
			changes = append(changes, Change{Status: status, OldPath: fields[i+1], NewPath: fields[i+2]})
			i += 3
		default:
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("git diff: truncated output")
			}
			c := Change{Status: status, OldPath: fields[i+1], NewPath: fields[i+1]}
			switch status {
			case 'A':
				c.OldPath = ""
			case 'D':
				c.NewPath = ""
			}
			changes = append(changes, c)
			i += 2
		}
	}
	return changes, nil
}

// Files lists the files of rev under dir (repository-relative; "" for all).
func (r *Repo) Files(rev, dir string) ([]string, error) {
	id, err := r.Resolve(rev)
	if err != nil {
		return nil, err
	}
	args := []string{"ls-tree", "-r", "-z", "--name-only", "--full-tree", id}
	if dir != "" {
		args = append(args, "--", dir)
	}
	out, err := run(r.Top, args...)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, p := range strings.Split(out, "\x00") {
		if p != "" {
			files = append(files, p)
		}
	}
	return files, nil
}

// Read returns the contents of paths at rev through one `git cat-file
// --batch` process, so that reading many files costs one process. Paths
// that do not exist map to a nil slice; a blob larger than limit bytes is
// cut to its first limit bytes, so that no file costs more memory.
func (r *Repo) Read(rev string, paths []string, limit int) (map[string][]byte, error) {
	out := make(map[string][]byte, len(paths))
	if len(paths) == 0 {
		return out, nil
	}
	id, err := r.Resolve(rev)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	// -z: names are NUL-terminated, so a path holding a newline is one
	// request, not two (git 2.38 and newer).
	cmd := exec.Command("git", "cat-file", "--batch", "-z")
	cmd.Dir = r.Top
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	writeErr := make(chan error, 1)
	go func() {
		w := bufio.NewWriter(stdin)
		for _, p := range paths {
			if _, err := w.WriteString(id + ":" + p + "\x00"); err != nil {
				writeErr <- err
				return
			}
		}
		err := w.Flush()
		if cerr := stdin.Close(); err == nil {
			err = cerr
		}
		writeErr <- err
	}()
	br := bufio.NewReader(stdout)
	// However reading ends, git must not be left blocked on a full pipe:
	// drain what it still writes before waiting for it.
	waited := false
	defer func() {
		if !waited {
			_, _ = io.Copy(io.Discard, br)
			_ = cmd.Wait()
		}
	}()
	for _, p := range paths {
		header, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %v %s", err, stderr.String())
		}
		fields := strings.Fields(header)
		if len(fields) == 2 && fields[1] == "missing" {
			out[p] = nil
			continue
		}
		if len(fields) != 3 {
			return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
		}
		keep := min(size, limit)
		data := make([]byte, keep)
		if _, err := io.ReadFull(br, data); err != nil {
			return nil, fmt.Errorf("git cat-file: %v", err)
		}
		// Skip what was not kept and the newline after every object.
		if _, err := io.CopyN(io.Discard, br, int64(size-keep+1)); err != nil {
			return nil, fmt.Errorf("git cat-file: %v", err)
		}
		if fields[1] == "blob" {
			out[p] = data
		}
	}
	if err := <-writeErr; err != nil {
		return nil, err
	}
	if _, err := io.Copy(io.Discard, br); err != nil {
		return nil, fmt.Errorf("git cat-file: %v", err)
	}
	waited = true
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// DefaultBranch returns the first of origin/HEAD, main and master that
// resolves, or a RevError.
func (r *Repo) DefaultBranch() (string, error) {
	for _, b := range []string{"origin/HEAD", "main", "master"} {
		if _, err := r.Resolve(b); err == nil {
			return b, nil
		}
	}
	return "", &RevError{Rev: "origin/HEAD, main or master", Shallow: r.shallow()}
}
