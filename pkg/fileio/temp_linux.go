package fileio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// createTemp makes an unnamed O_TMPFILE inode on Linux, so that a process
// killed before commit leaves nothing behind.
func createTemp(dir string, mode fs.FileMode) (*tempFile, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, uint32(mode))
	if err == nil {
		f := os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)"))
		// The umask applies at creation; the mode promised is the one asked.
		if err := f.Chmod(mode); err != nil {
			f.Close()
			return nil, err
		}
		return &tempFile{file: f}, nil
	}
	return namedTemp(dir, mode)
}

func (t *tempFile) commit(path string, replace bool) error {
	if t.fallback != "" {
		return t.commitNamed(path, replace)
	}
	proc := "/proc/self/fd/" + strconv.Itoa(int(t.file.Fd()))
	link := func(dest string) error {
		return unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, dest, unix.AT_SYMLINK_FOLLOW)
	}
	if !replace {
		if err := link(path); err != nil {
			if errors.Is(err, unix.EEXIST) {
				return &fs.PathError{Op: "write", Path: path, Err: ErrExists}
			}
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		return nil
	}
	// A name is needed for rename, which replaces atomically; it exists only
	// for the instant between the link and the rename.
	for i := 0; ; i++ {
		tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".persona-"+strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(i))
		err := link(tmp)
		if errors.Is(err, unix.EEXIST) && i < 100 {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return err
		}
		return nil
	}
}
