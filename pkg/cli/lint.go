package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/fixes"
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/lintrun"
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
	ws, err := g.load(p, workspace.Options{Slim: true, Lean: true}, true)
	if err != nil {
		return err
	}
	ro := lintrun.Options{Today: today, NewFromRev: o.newFromRev, NewFromMergeBase: o.newFromMergeBase}
	if len(args) > 0 {
		ro.Targets = targets
	}
	result, err := lintrun.Run(p, ws, ro)
	if err != nil {
		return usageError(err)
	}
	report := lintReport(g, p, ws, result, formats, failOn)
	report.Quiet = o.quiet
	if err := printLintReport(g, p, formats, o.outFile, report); err != nil {
		return err
	}
	if finding.Fails(result.Findings, failOn) {
		return errFindings
	}
	return nil
}

// lintReport is what lint's printers render, warning on errOut when the
// workspace holds no entity at all.
func lintReport(g *globalOptions, p *project, ws *workspace.Workspace, result *lintrun.Result, formats []formatSpec, failOn lint.Severity) *output.Report {
	entities := ws.Counts()
	total := 0
	for _, n := range entities {
		total += n
	}
	if total == 0 && ws.Files() > 0 {
		// A docs site full of persona pages would otherwise pass in
		// silence (SPEC §12); the exit status stays what the findings say.
		fmt.Fprintf(g.streams.ErrOut, "persona: warning: read %s, but none has kind: icp, persona or interview in its front matter, so nothing was checked; persona import adopts the pages that describe one (see \"Adopting persona pages\" in the README)\n",
			words.Plural(ws.Files(), "Markdown file"))
	}
	report := &output.Report{
		Findings: result.Findings,
		Summary:  output.Summarize(ws.Files(), entities, result.Findings),
		Rules:    p.Runner.Rules(),
		FailOn:   failOn,
	}
	if p.Loc.ConfigPath == "" {
		report.Summary.ImplicitRoot = p.Show(p.Loc.Root)
	}
	report.ToolVersion, _, _ = buildInfo()
	if slices.ContainsFunc(formats, func(f formatSpec) bool { return output.ListsFiles(f.name) }) {
		for _, d := range ws.Docs {
			if result.Listed == nil || result.Listed(d.Path) {
				report.Files = append(report.Files, p.ShowRel(d.Path))
			}
		}
	}
	return report
}

// printLintReport places the fixes the formats show, writes every format
// and GitHub's step summary, and warns when a format had to leave findings
// out.
func printLintReport(g *globalOptions, p *project, formats []formatSpec, outFile string, report *output.Report) error {
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
	if err := writeReports(g, p, formats, outFile, report, ciReport); err != nil {
		return err
	}
	if err := appendStepSummary(g, formats, ciReport); err != nil {
		return err
	}
	for _, f := range formats {
		if limit := output.MaxResults(f.name); limit > 0 && len(report.Findings) > limit {
			fmt.Fprintf(g.streams.ErrOut, "persona: warning: %s\n", output.SARIFCapMessage(len(report.Findings)))
			break
		}
	}
	return nil
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
	if p.Loc.GitTop != "" {
		top = p.Loc.GitTop
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
			return usageErrorf("GITHUB_STEP_SUMMARY: %v", fileio.Describe(err))
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
		style := output.Style{Color: dest == "" && g.color(g.streams.OutIsTTY)}
		render := func(w io.Writer) error { return f.printer(w, shown, style) }
		if err := g.writeRendered(p, f.name, dest, render); err != nil {
			return err
		}
	}
	return nil
}
