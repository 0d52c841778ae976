//go:build unix

package fileio

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the id pid: signal 0 checks
// without sending anything. A process of another user (EPERM) is alive.
func processGone(pid int) bool {
	return pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
