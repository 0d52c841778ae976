package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/personakit/persona/pkg/mdtext"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
)

// JSON writes the diff as the contract's JSON (version 1).
func JSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// show renders a value for text and Markdown: strings quoted, lists and
// mappings as compact JSON.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("%q", x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func fieldLine(f FieldChange) (sign, text string) {
	switch f.Change {
	case "added":
		return "+", show(f.New)
	case "removed":
		return "-", show(f.Old)
	case "reordered":
		return "~", "reordered: " + show(f.Old) + " → " + show(f.New)
	}
	return "~", show(f.Old) + " → " + show(f.New)
}

// Summary counts changes by kind of change.
func Summary(r *Result) string {
	counts := map[string]int{}
	for _, c := range r.Changes {
		counts[c.Change]++
	}
	if len(r.Changes) == 0 {
		return "no entity changed"
	}
	var parts []string
	for _, k := range []string{"added", "removed", "renamed", "modified"} {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
		}
	}
	return words.Plural(len(r.Changes), "entity change") + ": " + strings.Join(parts, ", ")
}

// Text writes the diff for a terminal; colour only when asked.
func Text(w io.Writer, r *Result, color bool) error {
	st := func(c string) lipgloss.Style {
		if !color {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(lipgloss.Color(c))
	}
	bold := lipgloss.NewStyle().Bold(color)
	add, del, mod, warn := st("2"), st("1"), st("3"), st("5").Bold(color)
	var b strings.Builder
	for i, c := range r.Changes {
		if i > 0 {
			b.WriteByte('\n')
		}
		where := c.Path
		if c.Change == "renamed" {
			where = c.OldPath + " → " + c.Path
		} else if c.Change == "removed" {
			where = c.OldPath
		}
		label := c.Kind + "/" + c.ID
		if c.Name != "" {
			label += " (" + c.Name + ")"
		}
		fmt.Fprintf(&b, "%s  %s  %s\n", bold.Render(textsafe.Line(label)), c.Change, textsafe.Line(where))
		for _, n := range c.Notable {
			fmt.Fprintf(&b, "  %s\n", warn.Render("! "+textsafe.Line(n.Message)))
		}
		width := 0
		for _, f := range c.Fields {
			width = max(width, textsafe.Width(textsafe.Line(f.Field)))
		}
		for _, f := range c.Fields {
			sign, text := fieldLine(f)
			style := map[string]lipgloss.Style{"+": add, "-": del, "~": mod}[sign]
			fmt.Fprintf(&b, "  %s  %s\n", textsafe.PadRight(textsafe.Line(f.Field), width), style.Render(sign+" "+textsafe.Line(text)))
		}
		for _, s := range c.Sections {
			fmt.Fprintf(&b, "  § %s  %s\n", textsafe.Line(s.Heading), s.Change)
		}
	}
	if len(r.Changes) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(Summary(r) + "\n")
	if r.LintChecked {
		fmt.Fprintf(&b, "lint: %d introduced, %d resolved\n", len(r.Lint.Introduced), len(r.Lint.Resolved))
		for _, f := range r.Lint.Introduced {
			fmt.Fprintf(&b, "  %s %s:%d:%d  %s  %s  %s\n", del.Render("+"), textsafe.Line(f.Path), f.Line, f.Column, f.Severity, f.Rule, textsafe.Line(f.Message))
		}
		for _, f := range r.Lint.Resolved {
			fmt.Fprintf(&b, "  %s %s:%d:%d  %s  %s  %s\n", add.Render("-"), textsafe.Line(f.Path), f.Line, f.Column, f.Severity, f.Rule, textsafe.Line(f.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Marker starts every Markdown diff, so that a workflow can find and
// update its own pull request comment.
const Marker = "<!-- persona-diff -->"

// Markdown writes a pull request comment: a summary table, then one
// collapsible block per entity. It passes markdownlint with three rules
// switched off for it: inline HTML and long lines (<details> needs both) and
// a first-level first heading (a comment starts at level two).
func Markdown(w io.Writer, r *Result) error {
	var b strings.Builder
	b.WriteString(Marker + "\n<!-- markdownlint-disable MD013 MD033 MD041 -->\n")
	b.WriteString("## persona diff\n\n")
	fmt.Fprintf(&b, "Comparing `%s` with `%s`: %s.\n\n", short(r.Base), short(r.Head), Summary(r))
	var notables []string
	for _, c := range r.Changes {
		for _, n := range c.Notable {
			notables = append(notables, fmt.Sprintf("- **%s/%s**: %s", c.Kind, mdtext.Escape(c.ID), mdtext.Escape(n.Message)))
		}
	}
	if len(notables) > 0 {
		b.WriteString("> [!WARNING]\n> Changes to review with care:\n>\n")
		for _, n := range notables {
			b.WriteString("> " + n + "\n")
		}
		b.WriteString("\n")
	}
	if len(r.Changes) > 0 {
		b.WriteString("| Entity | Change | Fields | Sections | File |\n| --- | --- | ---: | ---: | --- |\n")
		for _, c := range r.Changes {
			path := c.Path
			if path == "" {
				path = c.OldPath
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %s |\n", mdtext.Code(c.Kind+"/"+c.ID), c.Change, len(c.Fields), len(c.Sections), mdtext.Code(path))
		}
		b.WriteString("\n")
	}
	for _, c := range r.Changes {
		title := c.Kind + "/" + c.ID
		if c.Name != "" {
			title = c.Name + " (" + title + ")"
		}
		fmt.Fprintf(&b, "<details><summary>%s — %s</summary>\n\n", htmlEsc(title), c.Change)
		if c.Change == "renamed" {
			fmt.Fprintf(&b, "Renamed from %s to %s.\n\n", mdtext.Code(c.OldPath), mdtext.Code(c.Path))
		}
		for _, n := range c.Notable {
			fmt.Fprintf(&b, "- ⚠️ %s\n", mdtext.Escape(n.Message))
		}
		if len(c.Notable) > 0 {
			b.WriteString("\n")
		}
		if len(c.Fields) > 0 {
			b.WriteString("| Field | Change | Old | New |\n| --- | --- | --- | --- |\n")
			for _, f := range c.Fields {
				old, new := "", ""
				if f.Change != "added" {
					old = mdtext.Escape(show(f.Old))
				}
				if f.Change != "removed" {
					new = mdtext.Escape(show(f.New))
				}
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdtext.Code(f.Field), f.Change, orDash(old), orDash(new))
			}
			b.WriteString("\n")
		}
		for _, s := range c.Sections {
			fmt.Fprintf(&b, "- Section *%s* %s\n", mdtext.Escape(s.Heading), s.Change)
		}
		if len(c.Sections) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("</details>\n\n")
	}
	if r.LintChecked {
		fmt.Fprintf(&b, "### Lint\n\n%s introduced, %d resolved.\n\n", words.Plural(len(r.Lint.Introduced), "finding"), len(r.Lint.Resolved))
		if len(r.Lint.Introduced)+len(r.Lint.Resolved) > 0 {
			b.WriteString("| | Severity | File | Line | Rule | Message |\n| --- | --- | --- | ---: | --- | --- |\n")
			for _, f := range r.Lint.Introduced {
				fmt.Fprintf(&b, "| introduced | %s | %s | %d | %s | %s |\n", f.Severity, mdtext.Code(f.Path), f.Line, mdtext.Code(f.Rule), mdtext.Escape(f.Message))
			}
			for _, f := range r.Lint.Resolved {
				fmt.Fprintf(&b, "| resolved | %s | %s | %d | %s | %s |\n", f.Severity, mdtext.Code(f.Path), f.Line, mdtext.Code(f.Rule), mdtext.Escape(f.Message))
			}
			b.WriteString("\n")
		}
	}
	out := strings.TrimRight(b.String(), "\n") + "\n"
	_, err := io.WriteString(w, out)
	return err
}

func short(rev string) string {
	if len(rev) == 40 {
		return rev[:12]
	}
	return rev
}

func htmlEsc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", " ", "\r", " ", "@", "@\u200b").Replace(textsafe.KeepBreaks(s))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
