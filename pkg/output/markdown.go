package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/mdtext"
	"github.com/personakit/persona/pkg/words"
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
		words.Plural(r.Summary.Errors, "error"), words.Plural(r.Summary.Warnings, "warning"),
		words.Plural(r.Summary.Infos, "info"), summaryScope(r.Summary))
	b.WriteString("| Severity | File | Line | Rule | Message |\n")
	b.WriteString("| --- | --- | ---: | --- | --- |\n")
	header := b.Len()
	for i, f := range r.Findings {
		row := fmt.Sprintf("| %s | %s | %d | %s | %s |\n",
			severityLabel(f.Severity), mdtext.Code(f.Path), f.Line, mdtext.Code(f.Rule), mdtext.Escape(f.Message))
		if limit > 0 && b.Len()-header+len(row) > limit {
			fmt.Fprintf(&b, "\n%d more findings are not shown; run persona lint locally to see them all.\n", len(r.Findings)-i)
			return b.String()
		}
		b.WriteString(row)
	}
	return b.String()
}

func summaryScope(s Summary) string {
	return fmt.Sprintf("%s (%s, %s, %s)", words.Plural(s.Files, "file"),
		words.Plural(s.Entities["icp"], "ICP"), words.Plural(s.Entities["persona"], "persona"),
		words.Plural(s.Entities["interview"], "interview"))
}

func severityLabel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "❌ error"
	case finding.Warning:
		return "⚠️ warning"
	}
	return "ℹ️ info"
}

// StepSummary is the Markdown report cut to at most about limit bytes, for
// GitHub's job summary.
func StepSummary(r *Report, limit int) string { return markdownReport(r, limit) }
