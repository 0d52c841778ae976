package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
)

// SiteMarker is the file WriteDir leaves in every directory it writes, so
// that a second run knows the directory is its own to replace.
const SiteMarker = ".persona-site"

// writingMarker is the file a WriteDir in progress keeps in its temporary
// directory, holding its process id, so that a later run can tell the
// directory of a run that was killed from one still writing.
const writingMarker = ".persona-writing"

// ErrNotOurs is returned when the target directory holds files that
// WriteDir did not write and replacing them was not forced.
var ErrNotOurs = errors.New("it is not empty and was not written by persona")

// WriteDir writes a directory whole, never half: fill writes the files
// (from several goroutines at once, if it likes) into a new temporary
// directory beside target, which then takes target's place by renames. A
// target that exists must be a directory that is empty, or one WriteDir
// wrote (it holds SiteMarker), or force must be set; it is replaced only
// once every file is written. Names are '/'-separated and relative, and
// may not leave the directory.
func WriteDir(target string, force bool, fill func(write func(name string, data []byte) error) error) error {
	target = filepath.Clean(target)
	if info, err := os.Lstat(target); err == nil {
		if !info.IsDir() {
			return fmt.Errorf("%s exists and is not a directory", target)
		}
		entries, err := os.ReadDir(target)
		if err != nil {
			return err
		}
		ours := false
		for _, e := range entries {
			ours = ours || e.Name() == SiteMarker && e.Type().IsRegular()
		}
		if len(entries) > 0 && !ours && !force {
			return ErrNotOurs
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	sweepAbandoned(parent, filepath.Base(target))
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".tmp-")
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, writingMarker), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		return err
	}
	var mu sync.Mutex
	made := map[string]bool{}
	write := func(name string, data []byte) error {
		clean := filepath.FromSlash(name)
		if name == "" || filepath.IsAbs(clean) || !filepath.IsLocal(clean) || strings.Contains(name, "\\") {
			return fmt.Errorf("refusing to write %q: not a name inside the directory", name)
		}
		full := filepath.Join(tmp, clean)
		dir := filepath.Dir(full)
		mu.Lock()
		if !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				mu.Unlock()
				return err
			}
			made[dir] = true
		}
		mu.Unlock()
		return writeFile(full, data, 0o644)
	}
	if err := fill(write); err != nil {
		return err
	}
	marker := "Written by persona report --format site, which replaces this directory whole when it writes the site again.\n"
	if err := write(SiteMarker, []byte(marker)); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(tmp, writingMarker)); err != nil {
		return err
	}
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, target); err != nil {
			return err
		}
		committed = true
		return nil
	}
	// The old directory steps aside, the new one takes its place, then the
	// old one goes; if the second step fails, the old one comes back.
	old, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".old-")
	if err != nil {
		return err
	}
	os.Remove(old)
	if err := os.Rename(target, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Rename(old, target)
		return err
	}
	committed = true
	return removeTree(old)
}

// removeTree is os.RemoveAll with dir's subdirectories removed on all
// cores at once: an old site of 10,500 files took a seventh of the time
// of writing the new one to remove, one file after another.
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, e := range entries {
		if e.IsDir() {
			sub := filepath.Join(dir, e.Name())
			g.Go(func() error { return os.RemoveAll(sub) })
		}
	}
	return errors.Join(g.Wait(), os.RemoveAll(dir))
}

// sweepAbandoned removes the temporary directories beside the target that
// runs killed before they finished left behind: those holding the writing
// marker of a process that no longer exists. A directory of a run still
// writing, or one persona did not make, is left alone.
func sweepAbandoned(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		data, _, err := ReadRegular(filepath.Join(dir, writingMarker), 64)
		if err != nil {
			continue
		}
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && processGone(pid) {
			os.RemoveAll(dir)
		}
	}
}
