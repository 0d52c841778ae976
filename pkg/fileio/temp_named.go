package fileio

import (
	"errors"
	"io/fs"
	"os"
)

// tempFile is content on its way into place.
type tempFile struct {
	file     *os.File
	fallback string // the named temporary file, where there is one
}

// namedTemp creates a hidden temporary file beside its target, for
// platforms and file systems without unnamed temporary files.
func namedTemp(dir string, mode fs.FileMode) (*tempFile, error) {
	f, err := os.CreateTemp(dir, ".persona-tmp-*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &tempFile{file: f, fallback: f.Name()}, nil
}

func (t *tempFile) commitNamed(path string, replace bool) error {
	if err := t.file.Close(); err != nil {
		return err
	}
	if replace {
		return os.Rename(t.fallback, path)
	}
	// A hard link fails when path exists, so nothing is clobbered.
	if err := os.Link(t.fallback, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fs.PathError{Op: "write", Path: path, Err: ErrExists}
		}
		return err
	}
	return nil
}

// discard releases the temporary file; after a commit only the named
// fallback's leftover name is removed (the target keeps its own link).
func (t *tempFile) discard() {
	t.file.Close()
	if t.fallback != "" {
		os.Remove(t.fallback)
	}
}
