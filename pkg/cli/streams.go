package cli

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"

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
	// AfterEachGC arranges for fn to run after every collection from now
	// on (on one goroutine, never two at once).
	AfterEachGC func(fn func())
}

// ProcessCollector is the collector of the whole process: what a program's
// main passes in IOStreams.Collector, and nothing else may. AfterEachGC
// runs fn on the finalizer goroutine once each collection is done: the
// collection that finds a sentinel unreachable finalizes it, and the
// finalizer arms the next one.
func ProcessCollector() Collector {
	return Collector{SetGCPercent: debug.SetGCPercent, SetMemoryLimit: debug.SetMemoryLimit, AfterEachGC: afterEachGC}
}

func afterEachGC(fn func()) {
	type sentinel struct{ _ *byte } // a pointer keeps it out of the tiny allocator, whose objects may never be finalized
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			fn()
			arm()
		})
	}
	arm()
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
