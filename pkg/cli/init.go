package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/scaffold"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type initOptions struct {
	force, noExamples bool
	today             string
}

func newInitCmd(g *globalOptions) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a persona workspace: config, folders, examples, templates and a CI workflow",
		Long: `Create .persona.yaml, icps/, personas/, interviews/ and templates/, one
example of each kind that lint clean together, the built-in templates to
customise, and .github/workflows/persona.yml. When DIR is a subdirectory of a
git repository, the workflow goes to the repository's .github/workflows/,
where GitHub runs it, and lints DIR.

A DIR holding anything but version-control or editor metadata (.git,
.gitignore, .vscode, ...) is refused unless --force is given; even then no
existing file is replaced: the ones kept are listed. --no-examples leaves out
the example entities, for a team that starts with its own.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return runInit(g, o, args) },
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "add to a non-empty directory (existing files are kept)")
	cmd.Flags().BoolVar(&o.noExamples, "no-examples", false, "leave out the example ICP, persona and interview")
	cmd.Flags().StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) the examples are reviewed on (default: today)")
	return cmd
}

func runInit(g *globalOptions, o *initOptions, args []string) error {
	target := "."
	if len(args) == 1 {
		target = args[0]
	}
	dir, err := g.abs(target)
	if err != nil {
		return err
	}
	day, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	today := day.Format("2006-01-02")
	show, err := g.display()
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(dir); err == nil && !o.force {
		for _, e := range entries {
			if !isRepositoryMetadata(e.Name()) {
				return usageErrorf("%s is not empty (it holds %s); pass --force to add the workspace files next to what is there (nothing is replaced)", show(dir), textsafe.Line(e.Name()))
			}
		}
	} else if err != nil && !os.IsNotExist(err) {
		return usageErrorf("cannot read %s: %v", show(dir), describeFSError(err))
	}
	files, err := scaffold.InitFiles(today, !o.noExamples)
	if err != nil {
		return err
	}
	for _, d := range scaffold.Dirs() {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return usageErrorf("cannot create %s: %v", show(filepath.Join(dir, d)), describeFSError(err))
		}
	}
	// In a subdirectory of a git repository, the workflow goes where
	// GitHub reads it, the repository's .github/, and lints DIR.
	top := workspace.GitTop(dir)
	var created, kept []string
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if rel, err := filepath.Rel(top, dir); f.Path == scaffold.WorkflowPath && top != "" && err == nil && rel != "." && filepath.IsLocal(rel) {
			path = filepath.Join(top, filepath.FromSlash(f.Path))
			f.Content = scaffold.WorkflowLinting(f.Content, filepath.ToSlash(rel))
		}
		switch err := fileio.Write(path, f.Content, false); {
		case errors.Is(err, fileio.ErrExists):
			kept = append(kept, show(path))
		case err != nil:
			return usageErrorf("cannot write %s: %v", show(path), describeFSError(err))
		default:
			created = append(created, show(path))
		}
	}
	out := g.streams.Out
	fmt.Fprintf(out, "created %s in %s:\n  %s\n", words.Plural(len(created), "file"), show(dir), strings.Join(created, "\n  "))
	if len(kept) > 0 {
		fmt.Fprintf(out, "kept %s unchanged:\n  %s\n", words.Plural(len(kept), "existing file"), strings.Join(kept, "\n  "))
	}
	_, err = fmt.Fprintf(out, "next: persona -C %s lint\n", show(dir))
	return err
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
