// Package lintrun is the use case behind persona lint: the findings of a
// project's workspace, limited to what the user asked about (PATHs,
// --new-from-rev), with the customer coverage the ICP rules measure.
package lintrun

import (
	"slices"
	"time"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/project"
	"github.com/personakit/persona/pkg/workspace"
)

// Options say what persona lint reports.
type Options struct {
	Today time.Time
	// Targets are the PATHs (absolute) findings are reported under; none
	// reports the whole workspace.
	Targets []string
	// NewFromRev, or the merge base of HEAD and NewFromMergeBase, limits
	// the findings to those new since that revision.
	NewFromRev, NewFromMergeBase string
}

// Result is what lint found.
type Result struct {
	Findings []lint.Finding
	// Listed says which workspace-relative files the report lists (JUnit
	// lists every file checked); nil lists all.
	Listed func(rel string) bool
}

// Run lints ws, the workspace of p loaded for lint.
func Run(p *project.Project, ws *workspace.Workspace, o Options) (*Result, error) {
	opts := lint.Options{Today: o.Today, Display: p.ShowRel}
	var err error
	if opts.Customers, _, err = match.Measure(p.Config, p.ConfigDir(), p.Show, ws.Entities(model.KindICP)); err != nil {
		return nil, match.Describe(err)
	}
	if len(o.Targets) > 0 {
		opts.Include = p.Under(o.Targets)
	}
	r := &Result{Findings: p.Runner.Run(ws, opts), Listed: opts.Include}
	if o.NewFromRev == "" && o.NewFromMergeBase == "" {
		return r, nil
	}
	var changed map[string]bool
	if r.Findings, changed, err = newSince(p, r.Findings, o.NewFromRev, o.NewFromMergeBase, opts); err != nil {
		return nil, err
	}
	withNew := map[string]bool{}
	for _, f := range r.Findings {
		withNew[f.Path] = true
	}
	inScope := func(rel string) bool { return changed[rel] || withNew[p.ShowRel(rel)] }
	if include := r.Listed; include != nil {
		r.Listed = func(rel string) bool { return include(rel) && inScope(rel) }
	} else {
		r.Listed = inScope
	}
	return r, nil
}

// newSince keeps the findings that are new since rev (or since the merge
// base with branch), SPEC §5: every finding in a file git reports as
// changed, and in any other file a finding the workspace at rev, linted
// from git's objects, did not have — a persona broken by a renamed ICP id
// is new although its file is not. It also returns the changed files
// (workspace-relative). The revision is linted only when an unchanged
// file has a finding.
func newSince(p *project.Project, findings []lint.Finding, rev, branch string, opts lint.Options) ([]lint.Finding, map[string]bool, error) {
	git, err := p.OpenGit("--new-from-rev")
	if err != nil {
		return nil, nil, err
	}
	if branch != "" {
		if rev, err = git.Repo.MergeBase(branch); err != nil {
			return nil, nil, err
		}
	}
	changed, err := git.Repo.ChangedSince(rev, p.Loc.Root)
	if err != nil {
		return nil, nil, err
	}
	changedShown := make(map[string]bool, len(changed))
	for rel := range changed {
		changedShown[p.ShowRel(rel)] = true
	}
	if !slices.ContainsFunc(findings, func(f lint.Finding) bool { return !changedShown[f.Path] }) {
		return findings, changed, nil
	}
	baseWS, err := p.At(git, rev)
	if err != nil {
		return nil, nil, err
	}
	// A finding is the same finding at rev when its rule, file, position
	// and message are: the file did not change, so neither did they.
	type print struct {
		rule, path, message string
		line, column        int
	}
	before := map[print]int{}
	for _, b := range p.Runner.Run(baseWS, opts) {
		before[print{b.Rule, b.Path, b.Message, b.Line, b.Column}]++
	}
	kept := findings[:0]
	for _, f := range findings {
		k := print{f.Rule, f.Path, f.Message, f.Line, f.Column}
		if !changedShown[f.Path] && before[k] > 0 {
			before[k]--
			continue
		}
		kept = append(kept, f)
	}
	return kept, changed, nil
}
