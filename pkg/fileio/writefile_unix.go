//go:build unix

package fileio

import (
	"io"
	"io/fs"
	"syscall"
)

// writeFile is os.WriteFile in three system calls (open, write, close)
// where package os makes five (it also sets the descriptor non-blocking
// and registers it with the poller, which refuses regular files): a site
// is ten thousand small pages, and the calls are most of what writing
// one costs.
func writeFile(path string, data []byte, perm fs.FileMode) error {
	fd, err := open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, uint32(perm.Perm()))
	if err != nil {
		return err
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		case n == 0:
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: io.ErrShortWrite}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}
