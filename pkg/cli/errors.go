package cli

import (
	"errors"
	"fmt"
)

// Exit codes of the contract.
const (
	ExitClean    = 0
	ExitFindings = 1
	ExitUsage    = 2
	// ExitInterrupted is what shells report for a command ended by
	// Ctrl-C (128 + SIGINT), so scripts can tell a cancel from a failure.
	ExitInterrupted = 130
)

// exitError carries the exit code an error maps to. Findings use it with a
// nil Err: the report already said everything.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageErrorf is a usage, config or runtime error: exit 2.
func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

func usageError(err error) error { return &exitError{code: ExitUsage, err: err} }

// interruptedErrorf is a command the user cancelled with Ctrl-C: exit 130.
func interruptedErrorf(format string, args ...any) error {
	return &exitError{code: ExitInterrupted, err: fmt.Errorf(format, args...)}
}

// errFindings reports that findings at or above --fail-on were printed.
var errFindings = &exitError{code: ExitFindings}

// exitCode maps any error to the contract's exit codes: anything that is
// not explicitly findings is a usage or runtime error.
func exitCode(err error) int {
	if err == nil {
		return ExitClean
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return ExitUsage
}
