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
