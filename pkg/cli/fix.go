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
		Long: `Apply every certain fix (README, "persona fix") of the findings in PATHs (files or
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
	ws, err := p.loadWith(g, workspace.Options{Slim: true}, true)
	if err != nil {
		return err
	}
	// A dry run makes the same passes as the real one, on the files as
	// its fixes leave them in memory, so that it announces exactly what
	// the real run then does (SPEC §10).
	f := &fileFixer{g: g, p: p, o: o, files: files, edited: map[string][]byte{}}
	if o.dryRun {
		ws.Overlay = func(rel string) ([]byte, bool) {
			text, ok := f.edited[rel]
			return text, ok
		}
	}
	for pass := 0; ; pass++ {
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
			src, err := f.read(rel)
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
		if len(byFile) == 0 || pass == maxFixPasses-1 {
			// Fixes the passes ran out before are findings still there.
			for _, fs := range byFile {
				left = append(left, fs...)
			}
			slices.SortFunc(left, lint.Compare)
			break
		}
		changed, n, err := f.fixFiles(byFile, placedOn)
		if err != nil {
			return err
		}
		fixed += n
		if len(changed) == 0 {
			break // every fix collided or its file changed: nothing new to lint
		}
		for _, rel := range changed {
			ws.Put(rel)
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

// fileFixer applies fixes to files, or in a dry run to their text in
// memory (edited), which the next pass then reads.
type fileFixer struct {
	g      *globalOptions
	p      *project
	o      *fixOptions
	files  map[string]bool // the files changed, for the summary
	edited map[string][]byte
}

// read returns the file rel as the fixes so far left it.
func (f *fileFixer) read(rel string) ([]byte, error) {
	if text, ok := f.edited[rel]; ok {
		return text, nil
	}
	src, _, err := fileio.ReadRegular(filepath.Join(f.p.loc.Root, filepath.FromSlash(rel)), workspace.MaxFileSize)
	return src, err
}

// fixFiles applies (or, in a dry run, shows) the fixes of each file's
// findings, in path order, printing a line per fix or the file's diff; it
// returns the files it changed and how many fixes it applied.
func (f *fileFixer) fixFiles(byFile map[string][]finding.Finding, placedOn map[string][]byte) ([]string, int, error) {
	g, p, o := f.g, f.p, f.o
	out := g.streams.Out
	fixed := 0
	var changed []string
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
		before, err := f.read(rel)
		if err != nil {
			return changed, fixed, fmt.Errorf("cannot read %s to fix it: %w", p.showRel(rel), err)
		}
		if !bytes.Equal(before, placedOn[rel]) {
			fmt.Fprintf(g.streams.ErrOut, "persona: %s changed while it was being fixed; left as it is, run persona fix again\n", p.showRel(rel))
			continue
		}
		// One edit per finding, in order; an edit that overlaps another
		// waits for the next pass.
		var edits []finding.Edit
		for _, fd := range byFile[rel] {
			edits = append(edits, fd.Fix.Edits...)
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
		f.files[rel] = true
		if o.diff {
			fmt.Fprint(out, fixes.Diff(filepath.ToSlash(p.showRel(rel)), before, after))
		} else {
			for i, fd := range byFile[rel] {
				if applied[i] {
					fmt.Fprintf(out, "%s:%d:%d: %s (%s)\n", p.showRel(rel), fd.Line, fd.Column, fd.Fix.Description, fd.Rule)
				}
			}
		}
		if o.dryRun {
			f.edited[rel] = after
		} else if err := fileio.Write(abs, after, true); err != nil {
			return changed, fixed, fmt.Errorf("cannot write %s: %w", p.showRel(rel), err)
		}
		changed = append(changed, rel)
	}
	return changed, fixed, nil
}
