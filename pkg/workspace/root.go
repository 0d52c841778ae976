// Package workspace finds a workspace's root and config, reads its Markdown
// files concurrently, indexes the entities and resolves references.
package workspace

import (
	"os"
	"path/filepath"

	"github.com/personakit/persona/pkg/config"
)

// Location is where a workspace is and which config file governs it.
type Location struct {
	Root       string // absolute
	ConfigPath string // absolute; empty when built-in defaults apply
	GitTop     string // absolute; empty outside a git work tree
}

// Locate finds the workspace for start (a directory, or a file whose
// directory counts): the nearest directory at or above it that holds
// .persona.yaml, looking no higher than the git top-level; where none does,
// the git top-level (so that one file linted alone still sees the ICPs and
// interviews of its repository), else the start directory itself.
func Locate(start string) (Location, error) {
	abs, err := filepath.Abs(start)
	if err != nil {
		return Location{}, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return Location{}, err
	}
	if !info.IsDir() {
		abs = filepath.Dir(abs)
	}
	loc := Location{Root: abs, GitTop: gitTop(abs)}
	for dir := abs; ; {
		candidate := filepath.Join(dir, config.FileName)
		if fi, err := os.Stat(candidate); err == nil && !fi.IsDir() {
			loc.Root, loc.ConfigPath = dir, candidate
			return loc, nil
		}
		parent := filepath.Dir(dir)
		if dir == loc.GitTop || parent == dir {
			if loc.GitTop != "" {
				loc.Root = loc.GitTop
			}
			return loc, nil
		}
		dir = parent
	}
}

// gitTop returns the nearest directory at or above dir holding .git (a
// directory, or a file in worktrees and submodules), or "".
// GitTop is the top of the git work tree holding dir (absolute), or ""
// outside one. dir need not exist: its nearest existing parent decides.
func GitTop(dir string) string { return gitTop(dir) }

func gitTop(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
