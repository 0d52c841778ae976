package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lint/rules"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/output"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type fixOptions struct {
	rules  []string
	dryRun bool
	diff   bool
	failOn string
	today  string
}

// maxFixPasses bounds the rounds of fixing: a fix can make a file an entity
// (a misspelt kind) whose keys then have fixes of their own.
const maxFixPasses = 5

func newFixCmd(g *globalOptions) *cobra.Command {
	o := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply the certain fixes of lint's findings",
		Long: `Apply every certain fix (SPEC §10) of the findings in PATHs (files or
directories; the whole workspace by default), or those of the --rule ids: a
misspelt ICP, interview id, key or kind with exactly one candidate within two
edits. Each file is rewritten atomically and only where a fix applies; comments,
key order, quoting and line endings stay as they are. Then the workspace is
linted again and what is left is printed. Running fix twice changes nothing the
second time.

Exit status: 0 when no finding at or above --fail-on is left, 1 when one is, 2
for a usage error or a file that cannot be written.`,
		Example: `  persona fix
  persona fix --dry-run --diff
  persona fix personas/ --rule persona-unknown-icp`,
		RunE: func(cmd *cobra.Command, args []string) error { return runFix(g, o, args) },
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.rules, "rule", nil, "apply only the fixes of rule `ID`; repeatable")
	completeWith(cmd, "rule", func() []string {
		var ids []string
		for _, r := range rules.All() {
			ids = append(ids, r.ID())
		}
		return ids
	})
	f.BoolVar(&o.dryRun, "dry-run", false, "write nothing; say what would change")
	f.BoolVar(&o.diff, "diff", false, "print the unified diff of each changed file")
	choiceVar(cmd, &o.failOn, "fail-on", "error", "exit 1 when a finding left is at least this severe: error, warning or info", "error", "warning", "info")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) that stale measures from, instead of today")
	return cmd
}

func runFix(g *globalOptions, o *fixOptions, args []string) error {
	failOn, _ := lint.ParseSeverity(o.failOn)
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	p, targets, err := g.projectOfTargets(args, "fix")
	if err != nil {
		return err
	}
	var ids []string
	for _, r := range p.runner.Rules() {
		ids = append(ids, r.ID())
	}
	for _, r := range o.rules {
		if !slices.Contains(ids, r) {
			return usageErrorf("--rule %q is not a rule%s", r, suggest.DidYouMeanOr(r, ids, "; persona rules lists them"))
		}
	}
	// Each pass is a lint: the same soft memory limit keeps a file of a
	// million bad values from holding five passes' garbage.
	g.limitMemory()
	include := underAny(p.loc.Root, targets)
	wanted := func(f finding.Finding) bool {
		return f.Suggestion != nil && (len(o.rules) == 0 || slices.Contains(o.rules, f.Rule))
	}
	out := g.streams.Out
	fixed, files := 0, map[string]bool{}
	var left []finding.Finding
	var ws *workspace.Workspace
	for pass := 0; ; pass++ {
		if ws, err = p.loadWith(g, workspace.Options{Slim: true}, true); err != nil {
			return err
		}
		// Findings keep workspace-relative paths here, to read and write
		// the files; they are shown through p.showRel.
		findings := p.runner.Run(ws, lint.Options{Today: today, Include: include})
		// The fixable findings of each file; each fix is one edit.
		byFile := map[string][]finding.Finding{}
		// The bytes each file's edits are placed on: they are applied to
		// those bytes only, never to a file changed since (an editor saving
		// while fix runs).
		placedOn := map[string][]byte{}
		fixes.PlaceAll(findings, func(rel string) ([]byte, error) {
			src, _, err := fileio.ReadRegular(filepath.Join(p.loc.Root, filepath.FromSlash(rel)), workspace.MaxFileSize)
			if err == nil {
				placedOn[rel] = src
			}
			return src, err
		})
		left = left[:0]
		for _, f := range findings {
			if f.Fix == nil || !wanted(f) {
				left = append(left, f)
				continue
			}
			byFile[f.Path] = append(byFile[f.Path], f)
		}
		last := len(byFile) == 0 || o.dryRun || pass == maxFixPasses-1
		if len(byFile) > 0 && (o.dryRun || !last) {
			n, err := fixFiles(g, p, byFile, placedOn, o, files)
			if err != nil {
				return err
			}
			fixed += n
		}
		if last {
			if !o.dryRun {
				// Fixes the passes ran out before are findings still there.
				for _, fs := range byFile {
					left = append(left, fs...)
				}
				slices.SortFunc(left, lint.Compare)
			}
			break
		}
	}
	verb := "fixed"
	if o.dryRun {
		verb = "would fix"
	}
	if fixed == 0 {
		fmt.Fprintln(out, "nothing to fix")
	} else {
		fmt.Fprintf(out, "%s %s in %s\n", verb, words.Plural(fixed, "finding"), words.Plural(len(files), "file"))
	}
	entities := map[model.Kind]int{}
	for _, k := range model.Kinds {
		entities[k] = ws.Count(k)
	}
	shown := make([]finding.Finding, len(left))
	for i, f := range left {
		f.Path = p.showRel(f.Path)
		shown[i] = f
	}
	report := &output.Report{Findings: shown, Summary: output.Summarize(ws.Files, entities, shown), Rules: p.runner.Rules(), FailOn: failOn}
	if len(shown) > 0 {
		fmt.Fprintln(out, "left:")
	}
	if err := output.Text(out, report, output.Style{Color: g.color(g.streams.OutIsTTY)}); err != nil {
		return err
	}
	for _, f := range shown {
		if f.Severity >= failOn {
			return errFindings
		}
	}
	return nil
}

// fixFiles applies (or, in a dry run, shows) the fixes of each file's
// findings, in path order, printing a line per fix or the file's diff; it
// returns how many it applied and adds the files it changed to files.
func fixFiles(g *globalOptions, p *project, byFile map[string][]finding.Finding, placedOn map[string][]byte, o *fixOptions, files map[string]bool) (int, error) {
	out := g.streams.Out
	fixed := 0
	paths := make([]string, 0, len(byFile))
	for rel := range byFile {
		paths = append(paths, rel)
	}
	slices.Sort(paths)
	for _, rel := range paths {
		abs, err := p.confine(filepath.Join(p.loc.Root, filepath.FromSlash(rel)))
		if err != nil {
			fmt.Fprintf(g.streams.ErrOut, "persona: %s not fixed: %v\n", p.showRel(rel), err)
			continue
		}
		before, _, err := fileio.ReadRegular(abs, workspace.MaxFileSize)
		if err != nil {
			return fixed, fmt.Errorf("cannot read %s to fix it: %w", p.showRel(rel), err)
		}
		if !bytes.Equal(before, placedOn[rel]) {
			fmt.Fprintf(g.streams.ErrOut, "persona: %s changed while it was being fixed; left as it is, run persona fix again\n", p.showRel(rel))
			continue
		}
		// One edit per finding, in order; an edit that overlaps another
		// waits for the next pass.
		var edits []finding.Edit
		for _, f := range byFile[rel] {
			edits = append(edits, f.Fix.Edits...)
		}
		after, applied := fixes.Apply(before, edits)
		n := 0
		for _, ok := range applied {
			if ok {
				n++
			}
		}
		if n == 0 {
			continue
		}
		fixed += n
		files[rel] = true
		if o.diff {
			fmt.Fprint(out, fixes.Diff(filepath.ToSlash(p.showRel(rel)), before, after))
		} else {
			for i, f := range byFile[rel] {
				if applied[i] {
					fmt.Fprintf(out, "%s:%d:%d: %s (%s)\n", p.showRel(rel), f.Line, f.Column, f.Fix.Description, f.Rule)
				}
			}
		}
		if !o.dryRun {
			if err := fileio.Write(abs, after, true); err != nil {
				return fixed, fmt.Errorf("cannot write %s: %w", p.showRel(rel), err)
			}
		}
	}
	return fixed, nil
}
