package output

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
)

type textStyles struct {
	path, loc, rule, summary lipgloss.Style
	sev                      map[finding.Severity]lipgloss.Style
}

func newTextStyles(color bool) textStyles {
	plain := lipgloss.NewStyle()
	if !color {
		return textStyles{path: plain, loc: plain, rule: plain, summary: plain,
			sev: map[finding.Severity]lipgloss.Style{finding.Error: plain, finding.Warning: plain, finding.Info: plain}}
	}
	return textStyles{
		path:    plain.Bold(true),
		loc:     plain.Faint(true),
		rule:    plain.Faint(true),
		summary: plain.Bold(true),
		sev: map[finding.Severity]lipgloss.Style{
			finding.Error:   plain.Foreground(lipgloss.Color("1")).Bold(true),
			finding.Warning: plain.Foreground(lipgloss.Color("3")),
			finding.Info:    plain.Foreground(lipgloss.Color("4")),
		},
	}
}

// Text writes findings grouped by file, one `path:line:col  severity  rule
// message` line each, then a summary line. Without colour the bytes do not
// depend on the terminal.
func Text(w io.Writer, r *Report, style Style) error {
	st := newTextStyles(style.Color)
	var b strings.Builder
	// Columns line up within a file's group, where paths are equal.
	ruleWidth := 0
	locs := make([]string, len(r.Findings))
	locWidth := map[string]int{}
	for i, f := range r.Findings {
		ruleWidth = max(ruleWidth, len(f.Rule))
		locs[i] = fmt.Sprintf("%s:%d:%d", textsafe.Line(f.Path), f.Line, f.Column)
		locWidth[f.Path] = max(locWidth[f.Path], textsafe.Width(locs[i]))
	}
	prev := ""
	for i, f := range r.Findings {
		if f.Path != prev && i > 0 {
			b.WriteByte('\n')
		}
		prev = f.Path
		loc := textsafe.PadRight(locs[i], locWidth[f.Path])
		sev := fmt.Sprintf("%-7s", f.Severity)
		rule := fmt.Sprintf("%-*s", ruleWidth, f.Rule)
		fmt.Fprintf(&b, "%s  %s  %s  %s\n", st.path.Render(loc), st.sev[f.Severity].Render(sev), st.rule.Render(rule), textsafe.Line(f.Message))
	}
	if !r.Quiet {
		if len(r.Findings) > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(st.summary.Render(SummaryLine(r.Summary)))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// SummaryLine is the one-line account of a run.
func SummaryLine(s Summary) string {
	var ents []string
	for _, k := range model.Kinds {
		ents = append(ents, words.Plural(s.Entities[k], string(k)))
	}
	found := "no findings"
	if s.Errors+s.Warnings+s.Infos > 0 {
		found = fmt.Sprintf("%s, %s, %s", words.Plural(s.Errors, "error"), words.Plural(s.Warnings, "warning"), words.Plural(s.Infos, "info"))
	}
	line := fmt.Sprintf("%s in %s (%s)", found, words.Plural(s.Files, "file"), strings.Join(ents, ", "))
	if s.ImplicitRoot != "" {
		line += "; no .persona.yaml found, so the workspace root is " + textsafe.Line(s.ImplicitRoot)
	}
	return line
}
