package diff

import (
	"errors"
	"time"

	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/gitrepo"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/workspace"
)

// CompareOptions say which revisions persona diff compares and what it
// adds.
type CompareOptions struct {
	// Base is the base revision; "" is the merge base of HEAD and the
	// default branch.
	Base string
	// Head is the head revision; "" is the working tree.
	Head string
	// Order reports list items that only changed order.
	Order bool
	// Lint adds the findings the change introduces and resolves, with
	// stale measured from Today.
	Lint  bool
	Today time.Time
	// LoadWorktree loads the working tree's workspace (the caller reports
	// its tree warnings); forLint as in project.Load.
	LoadWorktree func(opts workspace.Options, forLint bool) (*workspace.Workspace, error)
}

// Compare is persona diff: the entities of two revisions of p's
// workspace, compared file by file where git reports a change (SPEC §9).
func Compare(p *project.Project, o CompareOptions) (*Result, error) {
	git, err := p.OpenGit("persona diff")
	if err != nil {
		return nil, err
	}
	baseID, headLabel, err := revisions(git.Repo, &o)
	if err != nil {
		return nil, err
	}
	pairs, renamed, err := changedPairs(p, git, baseID, o.Head)
	if err != nil {
		return nil, err
	}
	heads := headLoader{p: p, git: git, o: &o}
	changed := Compute(pairs, Options{Order: o.Order, Sections: claims.DefaultSections().Merge(p.Config.Sections), PersonasOf: heads.personasOf})
	if heads.err != nil {
		return nil, heads.err
	}
	result := &Result{Version: 1, Base: baseID, Head: headLabel, Changes: changed,
		Lint: Lint{Introduced: []finding.Finding{}, Resolved: []finding.Finding{}}}
	if !o.Lint {
		return result, nil
	}
	for _, c := range result.Changes {
		if c.Change == "renamed" {
			renamed[c.OldPath] = c.Path
		}
	}
	opts := lint.Options{Today: o.Today, Display: p.ShowRel}
	baseWS, err := p.At(git, baseID)
	if err != nil {
		return nil, err
	}
	headWS, err := heads.load(workspace.Options{}, true)
	if err != nil {
		return nil, err
	}
	result.Lint, result.LintChecked = LintDelta(p.Runner.Run(baseWS, opts), p.Runner.Run(headWS, opts), renamed), true
	return result, nil
}

// revisions resolves o's base and head (filling in the defaults) to the
// base commit and the head's label: a commit, or "worktree".
func revisions(repo *gitrepo.Repo, o *CompareOptions) (baseID, headLabel string, err error) {
	if o.Head == "" {
		o.Head = gitrepo.Worktree
	}
	if o.Base == "" {
		branch, err := repo.DefaultBranch()
		if err != nil && !repo.HasCommits() {
			return "", "", errors.New("this repository has no commits yet, so there is nothing to compare with; commit the workspace first (git add -A && git commit), then persona diff shows what later changes do")
		}
		if err != nil {
			return "", "", errors.New("no default branch to compare with (origin/HEAD, main or master); name a BASE revision")
		}
		if o.Base, err = repo.MergeBase(branch); err != nil {
			return "", "", err
		}
	}
	if baseID, err = repo.Resolve(o.Base); err != nil {
		return "", "", err
	}
	headLabel = "worktree"
	if o.Head != gitrepo.Worktree {
		if headLabel, err = repo.Resolve(o.Head); err != nil {
			return "", "", err
		}
	}
	return baseID, headLabel, nil
}

// changedPairs reads both sides of every workspace page git reports as
// changed between baseID and head; renamed maps a renamed file's old shown
// path to its new one.
func changedPairs(p *project.Project, git *project.Git, baseID, head string) ([]Pair, map[string]string, error) {
	changes, err := git.Repo.Changes(baseID, head)
	if err != nil {
		return nil, nil, err
	}
	inWorkspace := func(repoPath string) (string, bool) {
		if repoPath == "" {
			return "", false
		}
		rel, ok := gitrepo.Under(git.Prefix, repoPath)
		return rel, ok && frontmatter.IsPage(rel) && !workspace.Ignored(p.Config.Exclude, rel)
	}
	type filePair struct{ oldRepo, newRepo, oldRel, newRel string }
	var files []filePair
	var oldPaths, newPaths []string
	for _, c := range changes {
		var fp filePair
		if rel, ok := inWorkspace(c.OldPath); ok {
			fp.oldRepo, fp.oldRel = c.OldPath, rel
			oldPaths = append(oldPaths, c.OldPath)
		}
		if rel, ok := inWorkspace(c.NewPath); ok {
			fp.newRepo, fp.newRel = c.NewPath, rel
			newPaths = append(newPaths, c.NewPath)
		}
		if fp.oldRel != "" || fp.newRel != "" {
			files = append(files, fp)
		}
	}
	oldData, err := git.Repo.Read(baseID, oldPaths, workspace.MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	newData, err := git.ReadSide(head, newPaths)
	if err != nil {
		return nil, nil, err
	}
	pairs := make([]Pair, 0, len(files))
	renamed := map[string]string{}
	for _, f := range files {
		pr := Pair{}
		if f.oldRel != "" {
			pr.Old = Side{Path: p.ShowRel(f.oldRel), Data: oldData[f.oldRepo]}
		}
		if f.newRel != "" {
			pr.New = Side{Path: p.ShowRel(f.newRel), Data: newData[f.newRepo]}
		}
		if f.oldRel != "" && f.newRel != "" && f.oldRel != f.newRel {
			renamed[p.ShowRel(f.oldRel)] = p.ShowRel(f.newRel)
			pr.Renamed = true
		}
		pairs = append(pairs, pr)
	}
	return pairs, renamed, nil
}

// headLoader loads the head revision's workspace when it is needed: whole
// only when an ICP's id changed, to name the personas the change leaves
// pointing at the old id.
type headLoader struct {
	p    *project.Project
	git  *project.Git
	o    *CompareOptions
	slim *workspace.Workspace
	err  error
}

func (h *headLoader) load(opts workspace.Options, forLint bool) (*workspace.Workspace, error) {
	if h.o.Head == gitrepo.Worktree {
		return h.o.LoadWorktree(opts, forLint)
	}
	return h.p.At(h.git, h.o.Head)
}

func (h *headLoader) personasOf(id string) []string {
	if h.slim == nil && h.err == nil {
		h.slim, h.err = h.load(workspace.Options{Slim: true}, false)
	}
	if h.err != nil {
		return nil
	}
	var ids []string
	for _, d := range h.slim.PersonasOf(id) {
		ids = append(ids, d.ID)
	}
	return ids
}
