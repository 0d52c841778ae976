package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrExists is returned when the target exists and replacing it was not
// asked for.
var ErrExists = errors.New("already exists")

// newFileMode is the mode of a file persona creates; an existing file keeps
// its own.
const newFileMode fs.FileMode = 0o644

// maxLinkHops bounds symbolic link resolution, as the kernel does (ELOOP).
const maxLinkHops = 40

// Write puts content at path, creating parent directories. A regular file
// (or a new one) is written atomically: readers see the old or the new
// content, never half of it, and a process killed mid-write leaves no
// partial or temporary file behind where the platform allows it. An
// existing file is replaced only with replace set, and keeps its mode.
// A symbolic link is written through, not replaced; a FIFO or a device is
// written in place, as a shell redirection would.
func Write(path string, content []byte, replace bool) error {
	return WriteFrom(path, replace, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
}

// WriteFrom is Write for content that fill streams, so that an output of
// any size is never held in memory; when fill fails, nothing is committed.
func WriteFrom(path string, replace bool, fill func(io.Writer) error) error {
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return writeAtomic(target, fill, newFileMode, false)
	case err != nil:
		return err
	case info.Mode().IsRegular():
		if !replace {
			return &fs.PathError{Op: "write", Path: path, Err: ErrExists}
		}
		return writeAtomic(target, fill, info.Mode().Perm(), true)
	case info.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice|fs.ModeDevice) != 0:
		if !replace {
			return &fs.PathError{Op: "write", Path: path, Err: ErrExists}
		}
		return writeInPlace(target, fill)
	default:
		return &fs.PathError{Op: "write", Path: path, Err: &NotRegularError{Mode: info.Mode()}}
	}
}

// resolveLinks follows symbolic links at path to the file they name, which
// may not exist yet (a dangling link is written through, like `>` does).
func resolveLinks(path string) (string, error) {
	for range maxLinkHops {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("too many levels of symbolic links")}
}

func writeInPlace(path string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	werr := fill(f)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// writeAtomic writes a temporary file beside path and then links or renames
// it into place. Without replace it never clobbers: the final link fails
// when path appeared meanwhile.
func writeAtomic(path string, fill func(io.Writer) error, mode fs.FileMode, replace bool) error {
	t, err := createTemp(filepath.Dir(path), mode)
	if err != nil {
		return err
	}
	defer t.discard()
	if err := fill(t.file); err != nil {
		return err
	}
	if err := t.file.Sync(); err != nil {
		return err
	}
	return t.commit(path, replace)
}

// Resolve returns the absolute path that a write to path would change:
// symbolic links followed in every component that exists, the last one
// included, and a dangling link followed to the file it names. Unlike
// filepath.EvalSymlinks it answers for a path that does not exist yet,
// which is the one case where a write creates a file through a link.
func Resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	vol := filepath.VolumeName(abs)
	top := vol + string(filepath.Separator)
	resolved := top
	pending := splitPath(abs[len(vol):])
	for hops := 0; len(pending) > 0; {
		name := pending[0]
		pending = pending[1:]
		switch name {
		case "", ".":
			continue
		case "..":
			resolved = filepath.Dir(resolved)
			continue
		}
		next := filepath.Join(resolved, name)
		info, err := os.Lstat(next)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// Nothing below a missing directory can be a link yet.
			return filepath.Join(append([]string{next}, pending...)...), nil
		case err != nil:
			return "", err
		case info.Mode()&fs.ModeSymlink == 0:
			resolved = next
			continue
		}
		if hops++; hops > maxLinkHops {
			return "", &fs.PathError{Op: "resolve", Path: path, Err: fmt.Errorf("too many levels of symbolic links")}
		}
		dest, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(dest) {
			dvol := filepath.VolumeName(dest)
			resolved = dvol + string(filepath.Separator)
			dest = dest[len(dvol):]
		}
		pending = append(splitPath(dest), pending...)
	}
	return resolved, nil
}

func splitPath(p string) []string {
	return strings.FieldsFunc(p, func(r rune) bool { return os.IsPathSeparator(uint8(r)) && r < 0x80 })
}

// Within reports whether path lies at or under dir, both absolute (or both
// relative to one directory): the one test of "inside" every command uses,
// so that a file named ..notes.md is inside and ../notes.md is not.
func Within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel)
}
