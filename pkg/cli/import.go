package cli

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/adopt"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
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
	ws, err := g.load(p, workspace.Options{Slim: true}, false)
	if err != nil {
		return err
	}
	imp := adopt.ImportOptions{Kind: model.Kind(o.kind), ICP: o.icp, HeadingLevel: o.headingLevel,
		Targets: targets, DryRun: o.dryRun, Diff: o.diff, Out: g.streams.Out}
	if o.out != "" {
		if imp.OutDir, err = g.abs(o.out); err != nil {
			return err
		}
		if !fileio.Within(p.Loc.Root, imp.OutDir) {
			return usageErrorf("--out %s is outside the workspace %s", o.out, p.Show(p.Loc.Root))
		}
	}
	res, err := adopt.Import(p, ws, imp)
	if err != nil {
		return usageError(err)
	}
	printImported(g, p, res, o.dryRun)
	if o.dryRun || res.Written == 0 {
		return nil
	}
	return nextSteps(g, p, today)
}

// printImported sums an import up: the pages skipped, the files written
// and, when personas were left without an ICP, why.
func printImported(g *globalOptions, p *project, res *adopt.Imported, dryRun bool) {
	out := g.streams.Out
	for _, line := range adopt.SkippedLines(res.Skipped, p.ShowRel) {
		fmt.Fprintln(out, line)
	}
	verb := "wrote"
	if dryRun {
		verb = "would write"
	}
	fmt.Fprintf(out, "%s %s\n", verb, words.Plural(res.Written, "file"))
	if res.ICP == "" && res.Personas > 0 && len(res.ICPs) > 1 {
		// Without --icp, several ICPs leave the personas without one; say
		// so rather than leave it to lint (SPEC §12).
		fmt.Fprintf(out, "note: the imported personas have no icp: this workspace has %s (%s); pass --icp ID, or set icp: in each\n",
			words.Plural(len(res.ICPs), "ICP"), strings.Join(res.ICPs[:min(len(res.ICPs), 5)], ", "))
	}
}

// nextSteps lints the workspace after an import and prints what is left,
// grouped by rule, most frequent first.
func nextSteps(g *globalOptions, p *project, today time.Time) error {
	ws, err := g.load(p, workspace.Options{Slim: true}, true)
	if err != nil {
		return err
	}
	findings := p.Runner.Run(ws, lint.Options{Today: today})
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
