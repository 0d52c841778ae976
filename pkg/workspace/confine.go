package workspace

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/personakit/persona/pkg/fileio"
)

// ErrOutside is returned for a write that a symbolic link would carry out
// of the workspace.
var ErrOutside = errors.New("a symbolic link leads it outside the workspace")

// ErrExcludedTarget is returned for a write that a symbolic link would
// carry into a path the config excludes.
var ErrExcludedTarget = errors.New("a symbolic link leads it to a path the config excludes")

// Confine returns the file a write to abs would change, with every
// symbolic link resolved, and refuses it when that file lies outside
// realRoot (the workspace root, its own links resolved with fileio.Resolve
// once per run) or under an excluded path: a pull request can add a link,
// so where a write lands is decided by the links on disk, checked before
// each write rather than once.
func Confine(realRoot string, exclude []string, abs string) (string, error) {
	target, err := fileio.Resolve(abs)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(realRoot, target)
	if err != nil || !filepath.IsLocal(rel) {
		return "", fmt.Errorf("%w (to %s)", ErrOutside, target)
	}
	if Ignored(exclude, filepath.ToSlash(rel)) {
		return "", fmt.Errorf("%w (%s)", ErrExcludedTarget, filepath.ToSlash(rel))
	}
	return target, nil
}
