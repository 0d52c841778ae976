package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/adopt"
	"github.com/personakit/persona/pkg/claims"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type importOptions struct {
	dryRun       bool
	diff         bool
	out          string
	kind         string
	icp          string
	headingLevel int
	today        string
}

func newImportCmd(g *globalOptions) *cobra.Command {
	o := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import [PATH...]",
		Short: "Adopt existing persona pages: add kind:, or split a page of several personas",
		Long: `Turn pages that already describe personas, ICPs or interviews (a handbook, a
docs site) into entities without losing anything (README, "Adopting persona pages"). PATHs are files or
directories (the workspace by default).

A page that describes one persona (its sections are claim sections: Goals,
Frustrations, ...) gets kind: persona inserted at the top of its front matter,
and status: proto when it cites no evidence; every other byte stays. A page
with several (a heading per persona whose section holds claim sections, or
bold-label bullets) is split into one file per persona under --out (default: a
personas/ directory beside it), named by the heading's anchor; the page itself
is left as it is. Interview notes named by date (2019-06-24-..., P1-06242019-...)
get that date. Pages that are entities already are skipped, so a second run
changes nothing; no file is ever overwritten.

Exit status: 0 when it wrote (or, with --dry-run, would write) what it planned,
whatever lint finds afterwards; 2 for a usage error or a file it cannot write.`,
		Example: `  persona import handbook/
  persona import handbook/personas.md --dry-run --diff
  persona import research/notes --kind interview --icp mid-market-saas`,
		RunE: func(cmd *cobra.Command, args []string) error { return runImport(g, o, args) },
	}
	f := cmd.Flags()
	f.BoolVar(&o.dryRun, "dry-run", false, "write nothing; say what would be written")
	f.BoolVar(&o.diff, "diff", false, "print the unified diff of each file written")
	f.StringVar(&o.out, "out", "", "put split personas in `DIR` (default: personas/ beside the page)")
	choiceVar(cmd, &o.kind, "kind", "", "adopt one-entity pages as this kind instead of detecting it: icp, persona or interview", "icp", "persona", "interview")
	f.StringVar(&o.icp, "icp", "", "give every imported persona (and interview) the ICP `ID` (default: the workspace's only ICP)")
	completeWith(cmd, "icp", g.idsOf(model.KindICP))
	f.IntVar(&o.headingLevel, "heading-level", 0, "the heading level `N` (1-6) that starts each persona on a page of several (default: detected)")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) the lint of what is left measures from")
	return cmd
}

func runImport(g *globalOptions, o *importOptions, args []string) error {
	if o.headingLevel < 0 || o.headingLevel > 6 {
		return usageErrorf("--heading-level %d is not a heading level; use 1 to 6", o.headingLevel)
	}
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	p, targets, err := g.projectOfTargets(args, "import")
	if err != nil {
		return err
	}
	ws, err := p.loadWith(g, workspace.Options{Slim: true}, false)
	if err != nil {
		return err
	}
	opts := adopt.Options{Kind: model.Kind(o.kind), ICP: o.icp, HeadingLevel: o.headingLevel,
		Sections: claims.DefaultSections().Merge(p.cfg.Sections)}
	if o.out != "" {
		abs, err := g.abs(o.out)
		if err != nil {
			return err
		}
		if !fileio.Within(p.loc.Root, abs) {
			return usageErrorf("--out %s is outside the workspace %s", o.out, p.show(p.loc.Root))
		}
		rel, _ := filepath.Rel(p.loc.Root, abs)
		opts.OutDir = filepath.ToSlash(rel)
	}
	opts.Taken = map[string]string{}
	for _, d := range ws.Entities(model.KindPersona) {
		opts.Taken[d.ID] = d.Path
	}
	icps := ws.IDs(model.KindICP)
	switch {
	case o.icp != "" && !slices.Contains(icps, o.icp):
		return usageErrorf("--icp %q is not an ICP of this workspace%s", o.icp, suggest.DidYouMeanOr(o.icp, icps, "; create it first, or leave --icp out"))
	case o.icp == "" && len(icps) == 1:
		opts.ICP = icps[0]
	}
	// The pages are the Markdown files the load read, at or under PATHs.
	var pages []string
	inTargets := underAny(p.loc.Root, targets)
	for _, rel := range ws.MarkdownFiles() {
		if inTargets(rel) {
			pages = append(pages, rel)
		}
	}
	out := g.streams.Out
	skipped := map[string][]string{}
	planned, personas := 0, 0
	for _, rel := range pages {
		abs := filepath.Join(p.loc.Root, filepath.FromSlash(rel))
		if _, err := p.confine(abs); err != nil {
			// Adopting writes the page back: never through a link that
			// leaves the workspace (lint does not load it either).
			why := "it is a symbolic link to a file outside the workspace"
			if errors.Is(err, workspace.ErrExcludedTarget) {
				why = "it is a symbolic link to a file the config excludes"
			}
			skipped[why] = append(skipped[why], rel)
			continue
		}
		src, tooLarge, err := fileio.ReadRegular(abs, workspace.MaxFileSize)
		switch {
		case err != nil:
			skipped["it cannot be read"] = append(skipped["it cannot be read"], rel)
			continue
		case tooLarge:
			// Only the first 8 MiB were read: adopting that would cut the
			// page short when it is written back.
			why := "it is larger than 8 MiB, more than persona reads of a page"
			skipped[why] = append(skipped[why], rel)
			continue
		}
		plan := adopt.PlanPage(rel, src, opts)
		if plan.Skipped != "" {
			if o.dryRun {
				// A dry run explains every page, one line each.
				fmt.Fprintf(out, "%s: skipped: %s\n", p.showRel(rel), plan.Skipped)
			}
			skipped[plan.Skipped] = append(skipped[plan.Skipped], rel)
			continue
		}
		if o.dryRun {
			fmt.Fprintf(out, "%s: %s\n", p.showRel(rel), plan.Why)
		}
		for _, w := range plan.Writes {
			if w.Kind == model.KindPersona {
				personas++
			}
			n, err := applyWrite(g, p, o, w, src)
			if err != nil {
				return err
			}
			planned += n
		}
	}
	reasons := make([]string, 0, len(skipped))
	for r := range skipped {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	for _, r := range reasons {
		paths := skipped[r]
		shown := make([]string, 0, min(len(paths), 3))
		for _, rel := range paths[:min(len(paths), 3)] {
			shown = append(shown, p.showRel(rel))
		}
		more := ""
		if len(paths) > 3 {
			more = fmt.Sprintf(" and %d more", len(paths)-3)
		}
		fmt.Fprintf(out, "skipped %s (%s%s): %s\n", words.Plural(len(paths), "page"), strings.Join(shown, ", "), more, r)
	}
	verb := "wrote"
	if o.dryRun {
		verb = "would write"
	}
	fmt.Fprintf(out, "%s %s\n", verb, words.Plural(planned, "file"))
	if opts.ICP == "" && personas > 0 && len(icps) > 1 {
		// Without --icp, several ICPs leave the personas without one; say
		// so rather than leave it to lint (SPEC §12).
		fmt.Fprintf(out, "note: the imported personas have no icp: this workspace has %s (%s); pass --icp ID, or set icp: in each\n",
			words.Plural(len(icps), "ICP"), strings.Join(icps[:min(len(icps), 5)], ", "))
	}
	if o.dryRun || planned == 0 {
		return nil
	}
	return nextSteps(g, p, today)
}

// applyWrite writes (or, in a dry run, shows) one planned file and says so;
// it returns 1 when the file is (or would be) written. src is the page the
// write came from.
func applyWrite(g *globalOptions, p *project, o *importOptions, w adopt.Write, src []byte) (int, error) {
	out := g.streams.Out
	shown := p.showRel(w.Path)
	abs, err := p.confine(filepath.Join(p.loc.Root, filepath.FromSlash(w.Path)))
	if err != nil {
		return 0, fmt.Errorf("will not write %s: %w; remove the link or choose another --out", shown, err)
	}
	var before []byte
	if !w.InPlace {
		existing, _, err := fileio.ReadRegular(abs, workspace.MaxFileSize)
		switch {
		case err == nil && bytes.Equal(existing, w.Content):
			fmt.Fprintf(out, "unchanged %s\n", shown)
			return 0, nil
		case err == nil:
			fmt.Fprintf(out, "kept %s: it exists and differs from the persona %q of %s; not overwritten\n", shown, w.ID, p.showRel(w.From))
			return 0, nil
		case !errors.Is(err, fs.ErrNotExist):
			return 0, fmt.Errorf("cannot check %s before writing it: %w", shown, err)
		}
	} else {
		before = src
	}
	note := ""
	if w.Proto {
		note = ", status: proto (no evidence yet)"
	}
	switch {
	case o.diff:
		fmt.Fprint(out, fixes.Diff(filepath.ToSlash(shown), before, w.Content))
	case w.InPlace:
		fmt.Fprintf(out, "adopted %s as %s %q%s\n", shown, w.Kind, w.ID, note)
	default:
		fmt.Fprintf(out, "split %s into %s (persona %q%s)\n", p.showRel(w.From), shown, w.ID, note)
	}
	if o.dryRun {
		return 1, nil
	}
	if err := fileio.Write(abs, w.Content, w.InPlace); err != nil {
		return 0, fmt.Errorf("cannot write %s: %w", shown, err)
	}
	return 1, nil
}

// nextSteps lints the workspace after an import and prints what is left,
// grouped by rule, most frequent first.
func nextSteps(g *globalOptions, p *project, today time.Time) error {
	ws, err := p.loadWith(g, workspace.Options{Slim: true}, true)
	if err != nil {
		return err
	}
	findings := p.runner.Run(ws, lint.Options{Today: today})
	out := g.streams.Out
	if len(findings) == 0 {
		fmt.Fprintln(out, "next: persona lint finds nothing left to do")
		return nil
	}
	type group struct {
		rule     string
		severity lint.Severity
		n        int
	}
	byRule := map[string]*group{}
	var groups []*group
	for _, f := range findings {
		gr := byRule[f.Rule]
		if gr == nil {
			gr = &group{rule: f.Rule, severity: f.Severity}
			byRule[f.Rule] = gr
			groups = append(groups, gr)
		}
		gr.n++
		gr.severity = max(gr.severity, f.Severity)
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.rule, b.rule)
	})
	fmt.Fprintf(out, "next: persona lint finds %s left:\n", words.Plural(len(findings), "finding"))
	for _, gr := range groups {
		fmt.Fprintf(out, "  %5d  %-8s %s\n", gr.n, gr.severity, gr.rule)
	}
	fmt.Fprintln(out, "run persona lint for each one; persona fix applies the certain fixes")
	return nil
}
