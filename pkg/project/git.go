package project

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/gitrepo"
	"github.com/personakit/persona/pkg/workspace"
)

// Git is the project's git repository, and where the workspace sits in it.
type Git struct {
	Repo *gitrepo.Repo
	// Prefix is the workspace root relative to the repository's top
	// level ("" when they are the same).
	Prefix string
}

// OpenGit opens the repository the workspace is in; command names the
// command or flag that needs it, for the message ("persona diff").
func (p *Project) OpenGit(command string) (*Git, error) {
	repo, err := gitrepo.Open(p.Loc.Root)
	if err != nil {
		if errors.Is(err, gitrepo.ErrNoGit) {
			return nil, fmt.Errorf("%s needs git: %w", command, err)
		}
		return nil, fmt.Errorf("%s needs a git repository: %w", command, err)
	}
	prefix, err := repo.Prefix(p.Loc.Root)
	if err != nil {
		return nil, fmt.Errorf("the workspace %s is outside the git repository %s", p.Loc.Root, repo.Top)
	}
	return &Git{Repo: repo, Prefix: prefix}, nil
}

// At loads the workspace's Markdown files as they are at rev.
func (p *Project) At(g *Git, rev string) (*workspace.Workspace, error) {
	all, err := g.Repo.Files(rev, g.Prefix)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range all {
		if frontmatter.IsPage(f) {
			paths = append(paths, f)
		}
	}
	data, err := g.Repo.Read(rev, paths, workspace.MaxFileSize)
	if err != nil {
		return nil, err
	}
	files := make([]workspace.File, 0, len(paths))
	for _, f := range paths {
		rel := f
		if g.Prefix != "" {
			rel = strings.TrimPrefix(f, g.Prefix+"/")
		}
		if data[f] != nil {
			files = append(files, workspace.File{Rel: path.Clean(rel), Data: data[f]})
		}
	}
	return workspace.FromFiles(p.Loc.Root, files, workspace.Options{Config: p.Config, Inspect: p.Runner.Inspector()}), nil
}

// ReadSide reads repository paths at head: files on disk for the working
// tree, git objects for a revision. A path deleted from the working tree,
// or a special file there, is left out.
func (g *Git) ReadSide(head string, paths []string) (map[string][]byte, error) {
	if head != gitrepo.Worktree {
		return g.Repo.Read(head, paths, workspace.MaxFileSize)
	}
	out := make(map[string][]byte, len(paths))
	for _, p := range paths {
		data, _, err := fileio.ReadRegular(filepath.Join(g.Repo.Top, filepath.FromSlash(p)), workspace.MaxFileSize)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) || errors.Is(err, fileio.ErrNotRegular) {
				continue
			}
			return nil, fmt.Errorf("cannot read %s: %v", p, fileio.Describe(err))
		}
		out[p] = data
	}
	return out, nil
}
