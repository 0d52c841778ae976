package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/output"
	"github.com/spf13/cobra"
)

type lintOptions struct {
	formats []string
	failOn  string
	outFile string
	today   string
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
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: error, warning or info")
	f.StringVarP(&o.outFile, "output", "o", "", "write the report to `FILE` instead of stdout")
	f.StringVar(&o.today, "today", "", "the `DATE` (YYYY-MM-DD) that stale measures from, instead of today")
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

func parseToday(s string, now time.Time) (time.Time, error) {
	if s == "" {
		y, m, d := now.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usageErrorf("--today %q is not a date; write it as YYYY-MM-DD", s)
	}
	return t, nil
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
	targets, err := g.targets(args)
	if err != nil {
		return err
	}
	p, err := g.openProject(targets[0])
	if err != nil {
		return err
	}
	for _, t := range targets {
		if rel, err := filepath.Rel(p.loc.Root, t); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return usageErrorf("%s is outside the workspace %s; lint each workspace on its own", p.show(t), p.show(p.loc.Root))
		}
	}
	ws, err := p.load(g)
	if err != nil {
		return err
	}
	opts := lint.Options{Today: today, Display: p.showRel}
	if len(args) > 0 {
		opts.Include = underAny(p.loc.Root, targets)
	}
	findings := p.runner.Run(ws, opts)
	entities := map[model.Kind]int{}
	for _, k := range model.Kinds {
		entities[k] = ws.Count(k)
	}
	report := &output.Report{
		Findings: findings,
		Summary:  output.Summarize(ws.Files, entities, findings),
		Rules:    p.runner.Rules(),
	}
	report.ToolVersion, _, _ = buildInfo()
	if err := writeReports(g, formats, o.outFile, report); err != nil {
		return err
	}
	for _, f := range findings {
		if f.Severity >= failOn {
			return errFindings
		}
	}
	return nil
}

// targets resolves the PATH arguments (default: the working directory).
func (g *globalOptions) targets(args []string) ([]string, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	out := make([]string, 0, len(args))
	for _, a := range args {
		abs, err := g.abs(a)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, usageErrorf("%s: %v", a, describeFSError(err))
		}
		out = append(out, abs)
	}
	return out, nil
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

// writeReports renders every requested format to its destination.
func writeReports(g *globalOptions, formats []formatSpec, outFile string, r *output.Report) error {
	for _, f := range formats {
		dest := f.file
		if dest == "" {
			dest = outFile
		}
		var buf bytes.Buffer
		color := dest == "" && g.color(g.streams.OutIsTTY)
		if err := f.printer(&buf, r, output.Style{Color: color}); err != nil {
			return usageErrorf("rendering %s: %v", f.name, err)
		}
		if dest == "" {
			if _, err := io.Copy(g.streams.Out, &buf); err != nil {
				return usageErrorf("writing the report: %v", err)
			}
			continue
		}
		path, err := g.abs(dest)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return usageErrorf("cannot write %s: %v", dest, err)
		}
	}
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so readers never see half a report.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return describeFSError(err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return describeFSError(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%v", describeFSError(err))
	}
	return nil
}
