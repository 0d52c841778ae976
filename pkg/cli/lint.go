package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/gitrepo"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/output"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
	"github.com/spf13/cobra"
)

type lintOptions struct {
	formats          []string
	failOn           string
	outFile          string
	today            string
	newFromRev       string
	quiet            bool
	newFromMergeBase string
}

// formatSpec is one --format FORMAT[=FILE].
type formatSpec struct {
	name    string
	printer output.Printer
	file    string // "" = the default destination (-o, or stdout)
}

func newLintCmd(g *globalOptions) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check ICPs, personas and interviews against the rules",
		Long: `Lint the workspace. PATHs (files or directories) limit what is reported; the
whole workspace is still loaded to resolve references.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 for a
usage error, an invalid config or an unreadable workspace.`,
		Example: `  persona lint
  persona lint personas/
  persona lint --format text --format sarif=persona.sarif
  persona lint --format json --fail-on warning --today 2026-01-31`,
		RunE: func(cmd *cobra.Command, args []string) error { return runLint(g, o, args) },
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.formats, "format", nil, "report format, optionally sent to its own file, as `FORMAT[=FILE]`; repeatable; one of "+strings.Join(output.Formats(), ", ")+" (default text)")
	completeWith(cmd, "format", output.Formats)
	choiceVar(cmd, &o.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning or info", "error", "warning", "info")
	f.StringVarP(&o.outFile, "output", "o", "", "write the report to `FILE` instead of stdout")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print findings only, no summary line (nothing when there is none)")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) that stale measures from, instead of today")
	f.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings new since git `REV`: in files changed since (working tree and untracked files included), or not there at REV")
	f.StringVar(&o.newFromMergeBase, "new-from-merge-base", "", "report only findings in files changed since the merge base of HEAD and `BRANCH`")
	cmd.MarkFlagsMutuallyExclusive("new-from-rev", "new-from-merge-base")
	return cmd
}

func parseFormats(specs []string) ([]formatSpec, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var out []formatSpec
	for _, s := range specs {
		name, file, _ := strings.Cut(s, "=")
		p, err := output.Lookup(name)
		if err != nil {
			return nil, usageErrorf("--format: %v", err)
		}
		if strings.Contains(s, "=") && file == "" {
			return nil, usageErrorf("--format %s: name a file after =, or drop the =", s)
		}
		out = append(out, formatSpec{name: name, printer: p, file: file})
	}
	return out, nil
}

func runLint(g *globalOptions, o *lintOptions, args []string) error {
	formats, err := parseFormats(o.formats)
	if err != nil {
		return err
	}
	failOn, ok := lint.ParseSeverity(o.failOn)
	if !ok || failOn == lint.Off {
		return usageErrorf("--fail-on %q is not one of error, warning, info", o.failOn)
	}
	today, err := parseToday(o.today, g.now())
	if err != nil {
		return err
	}
	p, targets, err := g.projectOfTargets(args, "lint")
	if err != nil {
		return err
	}
	g.limitMemory()
	ws, err := p.loadWith(g, workspace.Options{Slim: true}, true)
	if err != nil {
		return err
	}
	opts := lint.Options{Today: today, Display: p.showRel}
	if opts.Customers, _, err = match.Measure(p.cfg, configDir(p), p.show, ws.Entities(model.KindICP)); err != nil {
		return matchError(err)
	}
	if len(args) > 0 {
		opts.Include = underAny(p.loc.Root, targets)
	}
	findings := p.runner.Run(ws, opts)
	// Files the report lists (JUnit): all of them, or with --new-from-rev
	// the changed ones and those with a new finding.
	listed := opts.Include
	if o.newFromRev != "" || o.newFromMergeBase != "" {
		var changed map[string]bool
		if findings, changed, err = newSince(p, findings, o.newFromRev, o.newFromMergeBase, opts); err != nil {
			return err
		}
		withNew := map[string]bool{}
		for _, f := range findings {
			withNew[f.Path] = true
		}
		listed = both(listed, func(rel string) bool { return changed[rel] || withNew[p.showRel(rel)] })
	}
	entities := map[model.Kind]int{}
	total := 0
	for _, k := range model.Kinds {
		entities[k] = ws.Count(k)
		total += entities[k]
	}
	if total == 0 && ws.Files > 0 {
		// A docs site full of persona pages would otherwise pass in
		// silence (SPEC §12); the exit status stays what the findings say.
		fmt.Fprintf(g.streams.ErrOut, "persona: warning: read %s, but none has kind: icp, persona or interview in its front matter, so nothing was checked; persona import adopts the pages that describe one (see \"Adopting persona pages\" in the README)\n",
			words.Plural(ws.Files, "Markdown file"))
	}
	report := &output.Report{
		Findings: findings,
		Summary:  output.Summarize(ws.Files, entities, findings),
		Rules:    p.runner.Rules(),
		FailOn:   failOn,
		Quiet:    o.quiet,
	}
	if p.loc.ConfigPath == "" {
		report.Summary.ImplicitRoot = p.show(p.loc.Root)
	}
	report.ToolVersion, _, _ = buildInfo()
	if slices.ContainsFunc(formats, func(f formatSpec) bool { return output.ListsFiles(f.name) }) {
		for _, d := range ws.Docs {
			if listed == nil || listed(d.Path) {
				report.Files = append(report.Files, p.showRel(d.Path))
			}
		}
	}
	base, err := g.dir()
	if err != nil {
		return err
	}
	if slices.ContainsFunc(formats, func(f formatSpec) bool { return output.ShowsFixes(f.name) }) {
		fixes.PlaceAll(report.Findings, func(shown string) ([]byte, error) {
			src, _, err := fileio.ReadRegular(filepath.Join(base, filepath.FromSlash(shown)), workspace.MaxFileSize)
			return src, err
		})
	}
	ciReport := forCI(p, base, formats, report)
	if err := writeReports(g, p, formats, o.outFile, report, ciReport); err != nil {
		return err
	}
	if err := appendStepSummary(g, formats, ciReport); err != nil {
		return err
	}
	for _, f := range formats {
		if limit := output.MaxResults(f.name); limit > 0 && len(findings) > limit {
			fmt.Fprintf(g.streams.ErrOut, "persona: warning: %s\n", output.SARIFCapMessage(len(findings)))
			break
		}
	}
	for _, f := range findings {
		if f.Severity >= failOn {
			return errFindings
		}
	}
	return nil
}

// underAny returns a filter accepting workspace-relative paths at or under
// one of targets (absolute paths inside root).
func underAny(root string, targets []string) func(rel string) bool {
	prefixes := make([]string, len(targets))
	for i, t := range targets {
		rel, _ := filepath.Rel(root, t)
		prefixes[i] = filepath.ToSlash(rel)
	}
	return func(rel string) bool {
		for _, p := range prefixes {
			if p == "." || rel == p || strings.HasPrefix(rel, p+"/") {
				return true
			}
		}
		return false
	}
}

// both combines two reporting filters; nil accepts everything.
func both(a, b func(string) bool) func(string) bool {
	if a == nil {
		return b
	}
	return func(rel string) bool { return a(rel) && b(rel) }
}

// newSince keeps the findings that are new since rev (or since the merge
// base with branch), SPEC §5: every finding in a file git reports as
// changed, and in any other file a finding the workspace at rev, linted
// from git's objects, did not have — a persona broken by a renamed ICP id
// is new although its file is not. It also returns the changed files
// (workspace-relative). The revision is linted only when an unchanged
// file has a finding.
func newSince(p *project, findings []lint.Finding, rev, branch string, opts lint.Options) ([]lint.Finding, map[string]bool, error) {
	repo, err := gitrepo.Open(p.loc.Root)
	if err != nil {
		if errors.Is(err, gitrepo.ErrNoGit) {
			return nil, nil, usageErrorf("--new-from-rev needs git: %v", err)
		}
		return nil, nil, usageErrorf("--new-from-rev needs a git repository: %v", err)
	}
	if branch != "" {
		if rev, err = repo.MergeBase(branch); err != nil {
			return nil, nil, usageError(err)
		}
	}
	changed, err := repo.ChangedSince(rev, p.loc.Root)
	if err != nil {
		return nil, nil, usageError(err)
	}
	changedShown := make(map[string]bool, len(changed))
	for rel := range changed {
		changedShown[p.showRel(rel)] = true
	}
	if !slices.ContainsFunc(findings, func(f lint.Finding) bool { return !changedShown[f.Path] }) {
		return findings, changed, nil
	}
	prefix, err := repoPrefix(repo, p.loc.Root)
	if err != nil {
		return nil, nil, err
	}
	baseWS, err := workspaceAt(repo, p, rev, prefix)
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
	for _, b := range p.runner.Run(baseWS, opts) {
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

// forCI returns the report the formats read by CI services print: paths
// relative to the git repository's top level when the workspace is in one
// (those services resolve them there, wherever persona ran), with the
// fingerprints and byte columns those formats need. base is the directory
// shown paths are relative to.
func forCI(p *project, base string, formats []formatSpec, r *output.Report) *output.Report {
	if !slices.ContainsFunc(formats, func(f formatSpec) bool { return output.ForCI(f.name) }) {
		return r
	}
	ci, top := r, base
	if p.loc.GitTop != "" {
		top = p.loc.GitTop
		ci = r.Relocated(func(shown string) string {
			rel, err := filepath.Rel(top, filepath.Join(base, filepath.FromSlash(shown)))
			if err != nil {
				return shown
			}
			return filepath.ToSlash(rel)
		})
	}
	// Only what lint itself may read: a regular file, at most the size
	// limit (an 8 GiB sparse file is not loaded whole).
	lineText := func(path string) ([]byte, error) {
		src, _, err := fileio.ReadRegular(filepath.Join(top, filepath.FromSlash(path)), workspace.MaxFileSize)
		return src, err
	}
	if slices.ContainsFunc(formats, func(f formatSpec) bool { return output.NeedsFingerprints(f.name) }) {
		ci.Fingerprints = output.Fingerprints(ci.Findings, lineText)
	}
	if slices.ContainsFunc(formats, func(f formatSpec) bool { return output.NeedsByteColumns(f.name) }) {
		ci.ByteColumns = output.ByteColumns(ci.Findings, lineText)
	}
	return ci
}

// stepSummaryLimit keeps the appended summary under GitHub's 1 MiB cap.
const stepSummaryLimit = 1<<20 - 16<<10

// appendStepSummary adds a Markdown summary of every finding to the file
// named by GITHUB_STEP_SUMMARY when the github format is in use, since
// GitHub shows only the first ten annotations of each level.
func appendStepSummary(g *globalOptions, formats []formatSpec, r *output.Report) error {
	path := g.streams.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	for _, f := range formats {
		if !output.WritesStepSummary(f.name) {
			continue
		}
		file, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return usageErrorf("GITHUB_STEP_SUMMARY: %v", describeFSError(err))
		}
		_, werr := io.WriteString(file, output.StepSummary(r, stepSummaryLimit))
		if cerr := file.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return usageErrorf("GITHUB_STEP_SUMMARY: %v", werr)
		}
		return nil
	}
	return nil
}

// writeReports renders every requested format to its destination.
func writeReports(g *globalOptions, p *project, formats []formatSpec, outFile string, r, ci *output.Report) error {
	for _, f := range formats {
		dest := f.file
		if dest == "" {
			dest = outFile
		}
		shown := r
		if output.ForCI(f.name) {
			shown = ci
		}
		var buf bytes.Buffer
		color := dest == "" && g.color(g.streams.OutIsTTY)
		if err := f.printer(&buf, shown, output.Style{Color: color}); err != nil {
			return usageErrorf("rendering %s: %v", f.name, err)
		}
		if err := g.writeOutput(p, dest, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
