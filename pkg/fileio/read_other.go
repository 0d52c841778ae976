//go:build !unix

package fileio

import (
	"io"
	"io/fs"
	"os"
	"syscall"
)

// readRegular is ReadRegular through package os.
func readRegular(path string, limit int, buf []byte) (src []byte, tooLarge bool, err error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, false, err
	}
	if !info.Mode().IsRegular() {
		return nil, false, &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{Mode: info.Mode()}}
	}
	// Read into a buffer of the file's size plus one byte, as os.ReadFile
	// does: one allocation, and the extra byte tells a file that grew.
	size := int(min(info.Size(), int64(limit))) + 1
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	buf = buf[:0]
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
		if len(buf) > limit {
			return buf[:limit], true, nil
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file is longer than it said
		}
	}
	return buf, false, nil
}
