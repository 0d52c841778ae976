package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// IOStreams are the command's standard streams and environment, injected so
// that tests run commands in-process with buffers and a fake terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutIsTTY says whether Out is a terminal (colour, prompts).
	OutIsTTY bool
	// InIsTTY says whether In is a terminal a person can answer prompts on.
	InIsTTY bool
	// Getenv reads the environment (NO_COLOR, GITHUB_STEP_SUMMARY, ...).
	Getenv func(string) string
	// Dir is the directory relative paths start from; empty means the
	// process's working directory.
	Dir string
	// Collector tunes the process's garbage collector; the zero value
	// leaves it alone, as tests that run commands in-process must. Only
	// main sets it: the collector is the whole process's.
	Collector Collector
}

// Collector is the process's garbage-collector settings, as
// runtime/debug sets them.
type Collector struct {
	SetGCPercent   func(percent int) int
	SetMemoryLimit func(limit int64) int64
}

func (c Collector) gcPercent(percent int) {
	if c.SetGCPercent != nil {
		c.SetGCPercent(percent)
	}
}

func (c Collector) memoryLimit(limit int64) {
	if c.SetMemoryLimit != nil {
		c.SetMemoryLimit(limit)
	}
}

// SystemStreams returns the process's real streams.
func SystemStreams() IOStreams {
	return IOStreams{
		In:       os.Stdin,
		Out:      os.Stdout,
		ErrOut:   os.Stderr,
		OutIsTTY: isTerminal(os.Stdout),
		InIsTTY:  isTerminal(os.Stdin),
		Getenv:   os.Getenv,
	}
}

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }
