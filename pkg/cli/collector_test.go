package cli

import (
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestCommandsLeaveTheCollectorAlone: a command run in-process (a test, a
// program embedding the CLI) must not change the process's garbage
// collector; only main hands the commands its settings.
func TestCommandsLeaveTheCollectorAlone(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(123))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	dir := filepath.Join(repoRoot(t), "examples", "acme-analytics")
	for _, args := range [][]string{{"lint"}, {"report", "--format", "json"}, {"fix", "--dry-run"}} {
		run(t, dir, false, nil, append(args, "--today", "2026-11-22")...)
		if got := debug.SetGCPercent(123); got != 123 {
			t.Errorf("persona %v left GOGC at %d", args, got)
		}
		if got := debug.SetMemoryLimit(-1); got != 1<<40 {
			t.Errorf("persona %v left the memory limit at %d", args, got)
		}
	}
}
