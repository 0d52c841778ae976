package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/workspace"
)

// InitOptions say what persona init writes.
type InitOptions struct {
	Today    string // YYYY-MM-DD, the examples' review date
	Examples bool
	// Force adds the files to a directory that holds others (none is
	// replaced).
	Force bool
	// Show turns an absolute path into the path the user is shown.
	Show func(abs string) string
}

// Initialized says which files init created and which it kept, as shown.
type Initialized struct {
	Created, Kept []string
}

// Init creates a workspace in dir: config, folders, examples, templates
// and a CI workflow. In a subdirectory of a git repository the workflow
// goes where GitHub reads it, the repository's .github/, and lints dir.
func Init(dir string, o InitOptions) (*Initialized, error) {
	show := o.Show
	if entries, err := os.ReadDir(dir); err == nil && !o.Force {
		for _, e := range entries {
			if !isRepositoryMetadata(e.Name()) {
				return nil, fmt.Errorf("%s is not empty (it holds %s); pass --force to add the workspace files next to what is there (nothing is replaced)", show(dir), textsafe.Line(e.Name()))
			}
		}
	} else if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("cannot read %s: %v", show(dir), fileio.Describe(err))
	}
	files, err := InitFiles(o.Today, o.Examples)
	if err != nil {
		return nil, err
	}
	for _, d := range Dirs() {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return nil, fmt.Errorf("cannot create %s: %v", show(filepath.Join(dir, d)), fileio.Describe(err))
		}
	}
	top := workspace.GitTop(dir)
	res := &Initialized{}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if rel, err := filepath.Rel(top, dir); f.Path == WorkflowPath && top != "" && err == nil && rel != "." && filepath.IsLocal(rel) {
			path = filepath.Join(top, filepath.FromSlash(f.Path))
			f.Content = WorkflowLinting(f.Content, filepath.ToSlash(rel))
		}
		switch err := fileio.Write(path, f.Content, false); {
		case errors.Is(err, fileio.ErrExists):
			res.Kept = append(res.Kept, show(path))
		case err != nil:
			return nil, fmt.Errorf("cannot write %s: %v", show(path), fileio.Describe(err))
		default:
			res.Created = append(res.Created, show(path))
		}
	}
	return res, nil
}

// isRepositoryMetadata reports whether a directory entry is version-control
// or editor bookkeeping, which does not make a directory "not empty" for
// init: `git init && persona init` is how a team starts.
func isRepositoryMetadata(name string) bool {
	switch name {
	case ".git", ".gitignore", ".gitattributes", ".gitmodules", ".hg", ".hgignore", ".svn", ".jj", ".bzr",
		".idea", ".vscode", ".fleet", ".zed", ".helix", ".editorconfig", ".DS_Store", "Thumbs.db", "desktop.ini":
		return true
	}
	return false
}
