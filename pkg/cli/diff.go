package cli

import (
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/diff"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/gitrepo"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	format   string
	lint     bool
	order    bool
	exitCode bool
	output   string
	today    string
}

func newDiffCmd(g *globalOptions) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff [BASE [HEAD]]",
		Short: "Show what a change means for the ICPs, personas and interviews",
		Long: `Compare the entities of two git revisions: BASE defaults to the merge base of
HEAD and the default branch (origin/HEAD, else main, else master), HEAD to the
working tree (untracked files included). Only files git reports as changed are
read; renames are followed, by git's rename detection and by kind and id.

Per entity: added, removed, modified or renamed; per field, scalar changes,
list items added and removed (order changes only with --order) and mapping
keys; per body section (Markdown heading), what was edited. Changes a
reviewer must not miss are called out: an ICP narrowed or widened, a persona
moved to another ICP, evidence removed, a share changed, an entity retired.
--lint adds the lint findings the change introduces and resolves.`,
		Example: `  persona diff
  persona diff origin/main --format markdown --lint > comment.md
  persona diff v1.0 v1.1 --format json`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(_ *cobra.Command, args []string) error { return runDiff(g, o, args) },
	}
	f := cmd.Flags()
	choiceVar(cmd, &o.format, "format", "text", "`FORMAT`: text, markdown or json", "text", "markdown", "json")
	f.BoolVar(&o.lint, "lint", false, "add the lint findings introduced and resolved (lints both sides)")
	f.BoolVar(&o.order, "order", false, "also report list items that only changed order")
	f.BoolVar(&o.exitCode, "exit-code", false, "exit 1 when entities changed, like git diff --exit-code")
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of stdout")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) stale measures from, for --lint")
	return cmd
}

func runDiff(g *globalOptions, o *diffOptions, args []string) error {
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	p, err := g.projectFor(nil, true)
	if err != nil {
		return err
	}
	repo, err := gitrepo.Open(p.loc.Root)
	if err != nil {
		if errors.Is(err, gitrepo.ErrNoGit) {
			return usageErrorf("persona diff needs git: %v", err)
		}
		return usageErrorf("persona diff needs a git repository: %v", err)
	}
	base, head := "", gitrepo.Worktree
	if len(args) > 0 {
		base = args[0]
	} else {
		branch, err := repo.DefaultBranch()
		if err != nil && !repo.HasCommits() {
			return usageErrorf("this repository has no commits yet, so there is nothing to compare with; commit the workspace first (git add -A && git commit), then persona diff shows what later changes do")
		}
		if err != nil {
			return usageErrorf("no default branch to compare with (origin/HEAD, main or master); name a BASE revision")
		}
		if base, err = repo.MergeBase(branch); err != nil {
			return usageError(err)
		}
	}
	if len(args) > 1 {
		head = args[1]
	}
	baseID, err := repo.Resolve(base)
	if err != nil {
		return usageError(err)
	}
	headLabel := "worktree"
	if head != gitrepo.Worktree {
		if headLabel, err = repo.Resolve(head); err != nil {
			return usageError(err)
		}
	}
	changes, err := repo.Changes(baseID, head)
	if err != nil {
		return usageError(err)
	}
	prefix, err := repoPrefix(repo, p.loc.Root)
	if err != nil {
		return err
	}
	inWorkspace := func(repoPath string) (string, bool) {
		rel, ok := gitrepo.Under(prefix, repoPath)
		return rel, ok && frontmatter.IsPage(rel) && !workspace.Ignored(p.cfg.Exclude, rel)
	}
	type filePair struct{ oldRepo, newRepo, oldRel, newRel string }
	var files []filePair
	var oldPaths, newPaths []string
	for _, c := range changes {
		var fp filePair
		if c.OldPath != "" {
			if rel, ok := inWorkspace(c.OldPath); ok {
				fp.oldRepo, fp.oldRel = c.OldPath, rel
				oldPaths = append(oldPaths, c.OldPath)
			}
		}
		if c.NewPath != "" {
			if rel, ok := inWorkspace(c.NewPath); ok {
				fp.newRepo, fp.newRel = c.NewPath, rel
				newPaths = append(newPaths, c.NewPath)
			}
		}
		if fp.oldRel != "" || fp.newRel != "" {
			files = append(files, fp)
		}
	}
	oldData, err := repo.Read(baseID, oldPaths, workspace.MaxFileSize)
	if err != nil {
		return usageError(err)
	}
	newData, err := readSide(repo, head, newPaths)
	if err != nil {
		return err
	}
	pairs := make([]diff.Pair, 0, len(files))
	renamed := map[string]string{}
	for _, f := range files {
		pr := diff.Pair{}
		if f.oldRel != "" {
			pr.Old = diff.Side{Path: p.showRel(f.oldRel), Data: oldData[f.oldRepo]}
		}
		if f.newRel != "" {
			pr.New = diff.Side{Path: p.showRel(f.newRel), Data: newData[f.newRepo]}
		}
		if f.oldRel != "" && f.newRel != "" && f.oldRel != f.newRel {
			renamed[p.showRel(f.oldRel)] = p.showRel(f.newRel)
			pr.Renamed = true
		}
		pairs = append(pairs, pr)
	}
	// The head revision is loaded whole only when an ICP's id changed, to
	// name the personas the change leaves pointing at the old id.
	var headWS *workspace.Workspace
	var headErr error
	personasOf := func(id string) []string {
		if headWS == nil && headErr == nil {
			if head == gitrepo.Worktree {
				headWS, headErr = p.loadWith(g, workspace.Options{Slim: true}, false)
			} else {
				headWS, headErr = workspaceAt(repo, p, head, prefix)
			}
		}
		if headErr != nil {
			return nil
		}
		var ids []string
		for _, d := range headWS.PersonasOf(id) {
			ids = append(ids, d.ID)
		}
		return ids
	}
	changed := diff.Compute(pairs, diff.Options{Order: o.order, Sections: claims.DefaultSections().Merge(p.cfg.Sections), PersonasOf: personasOf})
	if headErr != nil {
		return headErr
	}
	result := &diff.Result{Version: 1, Base: baseID, Head: headLabel, Changes: changed,
		Lint: diff.Lint{Introduced: []finding.Finding{}, Resolved: []finding.Finding{}}}
	if o.lint {
		for _, c := range result.Changes {
			if c.Change == "renamed" {
				renamed[c.OldPath] = c.Path
			}
		}
		delta, err := lintDelta(g, p, repo, baseID, head, prefix, today, renamed)
		if err != nil {
			return err
		}
		result.Lint, result.LintChecked = delta, true
	}
	var buf bytes.Buffer
	switch o.format {
	case "json":
		err = diff.JSON(&buf, result)
	case "markdown":
		err = diff.Markdown(&buf, result)
	default:
		err = diff.Text(&buf, result, o.output == "" && g.color(g.streams.OutIsTTY))
	}
	if err != nil {
		return err
	}
	if err := g.writeOutput(p, o.output, buf.Bytes()); err != nil {
		return err
	}
	if o.exitCode && len(result.Changes) > 0 {
		return errFindings
	}
	return nil
}

// repoPrefix is the workspace root relative to the repository top-level
// ("" when they are the same).
func repoPrefix(repo *gitrepo.Repo, root string) (string, error) {
	prefix, err := repo.Prefix(root)
	if err != nil {
		return "", usageErrorf("the workspace %s is outside the git repository %s", root, repo.Top)
	}
	return prefix, nil
}

// readSide reads the head side: files on disk for the working tree, git
// objects for a revision.
func readSide(repo *gitrepo.Repo, head string, paths []string) (map[string][]byte, error) {
	if head != gitrepo.Worktree {
		data, err := repo.Read(head, paths, workspace.MaxFileSize)
		if err != nil {
			return nil, usageError(err)
		}
		return data, nil
	}
	out := make(map[string][]byte, len(paths))
	for _, p := range paths {
		data, _, err := fileio.ReadRegular(filepath.Join(repo.Top, filepath.FromSlash(p)), workspace.MaxFileSize)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) || errors.Is(err, fileio.ErrNotRegular) {
				continue // deleted, or a special file: not an entity on this side
			}
			return nil, usageErrorf("cannot read %s: %v", p, describeFSError(err))
		}
		out[p] = data
	}
	return out, nil
}

// lintDelta lints the workspace at base (from git objects) and at head
// (the working tree, or git objects) and compares the findings.
func lintDelta(g *globalOptions, p *project, repo *gitrepo.Repo, baseID, head, prefix string, today time.Time, renamed map[string]string) (diff.Lint, error) {
	opts := lint.Options{Today: today, Display: p.showRel}
	baseWS, err := workspaceAt(repo, p, baseID, prefix)
	if err != nil {
		return diff.Lint{}, err
	}
	var headWS *workspace.Workspace
	if head == gitrepo.Worktree {
		if headWS, err = p.load(g); err != nil {
			return diff.Lint{}, err
		}
	} else if headWS, err = workspaceAt(repo, p, head, prefix); err != nil {
		return diff.Lint{}, err
	}
	return diff.LintDelta(p.runner.Run(baseWS, opts), p.runner.Run(headWS, opts), renamed), nil
}

// workspaceAt loads the workspace's Markdown files as they are at rev.
func workspaceAt(repo *gitrepo.Repo, p *project, rev, prefix string) (*workspace.Workspace, error) {
	all, err := repo.Files(rev, prefix)
	if err != nil {
		return nil, usageError(err)
	}
	var paths []string
	for _, f := range all {
		if frontmatter.IsPage(f) {
			paths = append(paths, f)
		}
	}
	data, err := repo.Read(rev, paths, workspace.MaxFileSize)
	if err != nil {
		return nil, usageError(err)
	}
	files := make([]workspace.File, 0, len(paths))
	for _, f := range paths {
		rel := f
		if prefix != "" {
			rel = strings.TrimPrefix(f, prefix+"/")
		}
		if data[f] != nil {
			files = append(files, workspace.File{Rel: path.Clean(rel), Data: data[f]})
		}
	}
	return workspace.FromFiles(p.loc.Root, files, workspace.Options{Config: p.cfg, Inspect: p.runner.Inspector()}), nil
}
