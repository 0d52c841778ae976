//go:build !unix

package fileio

import "os"

// processGone reports whether no process has the id pid; on these systems
// finding a process opens it, which fails when it has exited.
func processGone(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return true
	}
	p.Release()
	return false
}
