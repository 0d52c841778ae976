// Package output renders lint results, one file per format. Printers are
// pure functions of the report: no clock, no environment, no terminal
// detection, so their bytes are stable and golden-testable.
package output

import (
	"fmt"
	"io"
	"sort"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/model"
)

// Report is everything a printer may render.
type Report struct {
	Findings []finding.Finding
	Summary  Summary
	// Rules is the rule set in force, for formats that describe rules.
	Rules []finding.RuleDoc
	// ToolVersion is the persona version, for formats that name the tool.
	ToolVersion string
	// Files lists the reported files (shown paths) that are entities or
	// broken files, so that formats with one entry per file (JUnit) can
	// show the clean ones too; it is filled only for those (ListsFiles).
	Files []string
	// FailOn is the least severity that fails the run; formats with a
	// pass/fail notion (JUnit) follow it.
	FailOn finding.Severity
	// Fingerprints holds a stable identity per finding (same index as
	// Findings), for formats that track findings across runs; see
	// Fingerprints.
	Fingerprints []string
	// ByteColumns holds each finding's column in UTF-8 bytes (same index
	// as Findings), for formats that count bytes (rdjsonl); see
	// ByteColumns.
	ByteColumns []int
	// RepoRelative says paths are relative to the git repository's top
	// level rather than to the current directory (see Relocated).
	RepoRelative bool
	// Quiet leaves the summary line out of the text format: findings
	// only, nothing when there is none (lint -q).
	Quiet bool
}

// ForCI reports whether format is read by a CI service, which resolves
// paths from the repository's top level rather than the current directory.
func ForCI(format string) bool { return formats()[format].ForCI }

// ShowsFixes reports whether format carries findings' fixes (SPEC §10):
// the others need not have them placed.
func ShowsFixes(format string) bool { return formats()[format].ShowsFixes }

// ListsFiles reports whether format shows every linted file, clean ones
// included, and so needs Report.Files: working out ten thousand shown
// paths is not free, and the other formats show findings only.
func ListsFiles(format string) bool { return formats()[format].ListsFiles }

// NeedsFingerprints reports whether format tracks findings across runs by
// a fingerprint (Report.Fingerprints).
func NeedsFingerprints(format string) bool { return formats()[format].Fingerprints }

// NeedsByteColumns reports whether format counts columns in bytes
// (Report.ByteColumns).
func NeedsByteColumns(format string) bool { return formats()[format].ByteColumns }

// WritesStepSummary reports whether format is GitHub Actions', whose runs
// also get the job summary.
func WritesStepSummary(format string) bool { return formats()[format].StepSummary }

// MaxResults is how many findings format holds at most (0: no limit).
func MaxResults(format string) int { return formats()[format].MaxResults }

// Relocated returns a copy of r whose finding and file paths are mapped
// through path, marked as relative to the repository's top level.
// Fingerprints and byte columns are not copied: they are computed for the
// paths they will be shown with.
func (r *Report) Relocated(path func(shown string) string) *Report {
	out := *r
	out.Findings = make([]finding.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Path = path(f.Path)
		if f.Fix != nil {
			fix := *f.Fix
			fix.Edits = make([]finding.Edit, len(f.Fix.Edits))
			for j, e := range f.Fix.Edits {
				e.Path = path(e.Path)
				fix.Edits[j] = e
			}
			f.Fix = &fix
		}
		out.Findings[i] = f
	}
	out.Files = make([]string, len(r.Files))
	for i, f := range r.Files {
		out.Files[i] = path(f)
	}
	out.Fingerprints, out.ByteColumns, out.RepoRelative = nil, nil, true
	return &out
}

// Summary counts what was linted and found.
type Summary struct {
	Files    int
	Entities map[model.Kind]int
	Errors   int
	Warnings int
	Infos    int
	// ImplicitRoot is the workspace root as shown, set when no
	// .persona.yaml was found, so the summary says which directory
	// references resolved against.
	ImplicitRoot string
}

// Summarize counts findings by severity.
func Summarize(files int, entities map[model.Kind]int, findings []finding.Finding) Summary {
	s := Summary{Files: files, Entities: entities}
	for _, f := range findings {
		switch f.Severity {
		case finding.Error:
			s.Errors++
		case finding.Warning:
			s.Warnings++
		case finding.Info:
			s.Infos++
		}
	}
	return s
}

// Style says how to decorate text output.
type Style struct {
	Color bool
}

// Printer writes a report in one format.
type Printer func(w io.Writer, r *Report, style Style) error

// Format describes one output format once: its printer and what it needs
// and is, so that commands ask the description, never the name.
type Format struct {
	Print Printer
	// ForCI: read by a CI service (paths from the repository's top).
	ForCI bool
	// ShowsFixes: carries findings' fixes, which must be placed first.
	ShowsFixes bool
	// ListsFiles: shows every linted file (Report.Files).
	ListsFiles bool
	// Fingerprints and ByteColumns: needs Report's fields of those names.
	Fingerprints, ByteColumns bool
	// MaxResults caps the findings it holds (0: no cap).
	MaxResults int
	// StepSummary: GitHub shows only ten annotations of each level, so a
	// run in GitHub Actions also writes the job summary.
	StepSummary bool
}

// formats maps format names to their descriptions; built per call so
// that nothing package-level is mutable.
func formats() map[string]Format {
	return map[string]Format{
		"text":        {Print: Text},
		"json":        {Print: JSON, ShowsFixes: true},
		"sarif":       {Print: SARIF, ForCI: true, ShowsFixes: true, Fingerprints: true, MaxResults: SARIFMaxResults},
		"github":      {Print: GitHub, ForCI: true, StepSummary: true},
		"junit":       {Print: JUnit, ForCI: true, ListsFiles: true},
		"markdown":    {Print: Markdown},
		"rdjsonl":     {Print: RDJSONL, ForCI: true, ShowsFixes: true, ByteColumns: true},
		"codequality": {Print: CodeQuality, ForCI: true, Fingerprints: true},
	}
}

// Lookup returns the printer of a format.
func Lookup(format string) (Printer, error) {
	if f, ok := formats()[format]; ok {
		return f.Print, nil
	}
	return nil, fmt.Errorf("unknown format %q; use one of %v", format, Formats())
}

// Formats lists the format names, sorted.
func Formats() []string {
	var names []string
	for name := range formats() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
