package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/lint"
)

// Markdown writes a report for a pull request comment or a job summary: a
// heading, the counts and a table of findings. It passes markdownlint with
// its default rules; table rows are as long as their messages, so the one
// rule about line length is switched off for this document.
func Markdown(w io.Writer, r *Report, _ Style) error {
	_, err := io.WriteString(w, markdownReport(r, 0))
	return err
}

// markdownReport renders the report, keeping at most limit bytes of table
// rows when limit > 0 (GitHub caps job summaries at 1 MiB).
func markdownReport(r *Report, limit int) string {
	var b strings.Builder
	b.WriteString("<!-- markdownlint-disable MD013 -->\n")
	b.WriteString("# persona lint\n\n")
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "No findings in %s.\n", summaryScope(r.Summary))
		return b.String()
	}
	fmt.Fprintf(&b, "**%s, %s, %s** in %s.\n\n",
		lint.Plural(r.Summary.Errors, "error"), lint.Plural(r.Summary.Warnings, "warning"),
		lint.Plural(r.Summary.Infos, "info"), summaryScope(r.Summary))
	b.WriteString("| Severity | File | Line | Rule | Message |\n")
	b.WriteString("| --- | --- | ---: | --- | --- |\n")
	header := b.Len()
	for i, f := range r.Findings {
		row := fmt.Sprintf("| %s | %s | %d | %s | %s |\n",
			severityLabel(f.Severity), code(f.Path), f.Line, code(f.Rule), cell(f.Message))
		if limit > 0 && b.Len()-header+len(row) > limit {
			fmt.Fprintf(&b, "\n%d more findings are not shown; run persona lint locally to see them all.\n", len(r.Findings)-i)
			return b.String()
		}
		b.WriteString(row)
	}
	return b.String()
}

func summaryScope(s Summary) string {
	return fmt.Sprintf("%s (%s, %s, %s)", lint.Plural(s.Files, "file"),
		lint.Plural(s.Entities["icp"], "ICP"), lint.Plural(s.Entities["persona"], "persona"),
		lint.Plural(s.Entities["interview"], "interview"))
}

func severityLabel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "❌ error"
	case lint.Warning:
		return "⚠️ warning"
	}
	return "ℹ️ info"
}

// cell escapes text for a table cell: pipes split cells, newlines end rows,
// and HTML must stay text in a PR comment.
func cell(s string) string {
	return strings.NewReplacer("\\", "\\\\", "|", "\\|", "\r", " ", "\n", " ", "<", "&lt;", ">", "&gt;", "`", "\\`", "*", "\\*", "_", "\\_").Replace(s)
}

// code renders a path or rule id as inline code; a backtick inside is
// fenced by a longer run, as CommonMark allows.
func code(s string) string {
	s = strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if fence != "`" {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// StepSummary is the Markdown report cut to at most about limit bytes, for
// GitHub's job summary.
func StepSummary(r *Report, limit int) string { return markdownReport(r, limit) }
