//go:build unix

package fileio

import (
	"io/fs"
	"syscall"
)

// readRegular is ReadRegular in four system calls (open, fstat, read,
// close) where package os makes six (it also registers the descriptor with
// the poller, which refuses regular files, and reads once more to see the
// end): every file of a workspace is read this way, and the calls are most
// of what reading a small file costs.
func readRegular(path string, limit int, buf []byte) (src []byte, tooLarge bool, err error) {
	fd, err := open(path, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, false, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, false, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if mode := modeOf(uint32(st.Mode)); !mode.IsRegular() {
		return nil, false, &fs.PathError{Op: "read", Path: path, Err: &NotRegularError{Mode: mode}}
	}
	// A buffer of the file's size plus one byte: one allocation, and room
	// to tell a file that grew since fstat.
	size := int(min(st.Size, int64(limit)))
	if cap(buf) < size+1 {
		buf = make([]byte, 0, size+1)
	}
	buf = buf[:0]
	for {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, false, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break // the end
		}
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return buf[:limit], true, nil
		}
		if st.Size > 0 && int64(len(buf)) == st.Size && size < limit {
			// All that fstat promised: a file that grows meanwhile is
			// read as it was, which spares the read that sees the end.
			break
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file is longer than it said
		}
	}
	return buf, false, nil
}

// modeOf is the type bits of a stat mode as an fs.FileMode.
func modeOf(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// open is open(2) with O_CLOEXEC, tried again when a signal interrupts
// it; its error is a *fs.PathError.
func open(path string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(path, flags|syscall.O_CLOEXEC, perm)
		switch {
		case err == syscall.EINTR:
		case err != nil:
			return -1, &fs.PathError{Op: "open", Path: path, Err: err}
		default:
			return fd, nil
		}
	}
}
