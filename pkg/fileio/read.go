// Package fileio reads and writes the files persona touches under the
// contract's safety rules: only regular files are read, every read is
// bounded, regular targets are replaced atomically with their mode kept,
// and special targets (FIFOs, devices) are written in place, never replaced.
package fileio

import (
	"errors"
	"fmt"
	"io/fs"
)

// MaxFileSize is the largest file persona reads whole; larger entity files
// are reported as file-unreadable rather than loaded into memory.
const MaxFileSize = 8 << 20

// ErrNotRegular is returned for a path that is a FIFO, a device, a socket or
// a directory: reading one could hang or never end.
var ErrNotRegular = errors.New("is not a regular file")

// NotRegularError names what kind of file a path is instead.
type NotRegularError struct{ Mode fs.FileMode }

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("is a %s, not a regular file", describeMode(e.Mode))
}

func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// ReadRegular reads a regular file (following symbolic links) of up to limit
// bytes, or its first limit bytes with tooLarge set. Anything else fails
// with an error matching ErrNotRegular, without blocking: the file is opened
// non-blocking, so a FIFO with no writer does not hang the read.
func ReadRegular(path string, limit int) (src []byte, tooLarge bool, err error) {
	return readRegular(path, limit, nil)
}

// ReadRegularInto is ReadRegular reading into buf when the file fits in
// its capacity, for callers that read many files one after another and
// keep nothing of each: a workspace's files are then read without
// allocating.
func ReadRegularInto(path string, limit int, buf []byte) (src []byte, tooLarge bool, err error) {
	return readRegular(path, limit, buf)
}

// ReadWhole reads a regular file that must fit in limit bytes; a larger one
// is an error that says so.
func ReadWhole(path string, limit int) ([]byte, error) {
	src, tooLarge, err := ReadRegular(path, limit)
	if err != nil {
		return nil, err
	}
	if tooLarge {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("is larger than %d KiB", limit>>10)}
	}
	return src, nil
}

// Describe is err as a user reads it: without the path an fs.PathError
// repeats (the message names the file already), and "no such file or
// directory" for a missing file on every platform.
func Describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such file or directory")
	}
	return err
}
