package matchout

import (
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
)

// Text writes the summary for a terminal.
func Text(w io.Writer, s *match.Summary, _ Style) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s, read from %s; matched against %s.\n",
		words.Plural(s.Accounts, "account"), words.Plural(s.Customers, "customer"),
		fileList(s.Files, textsafe.Line), words.Plural(len(s.ICPs), "ICP"))
	if len(s.ICPs) > 0 {
		rows := [][]string{{"ICP", "FIT", "INSUFFICIENT DATA", "NO FIT", "SHARE", "BY VALUE", "DECLARED"}}
		for _, c := range s.ICPs {
			rows = append(rows, []string{textsafe.Line(c.ID), words.Number(float64(c.CustomersFit)),
				words.Number(float64(c.CustomersInsufficientData)), words.Number(float64(c.CustomersNoFit)),
				words.Percent(c.CustomerShare), pct(c.ValueShare), pct(c.DeclaredShare)})
		}
		b.WriteString("\n" + textsafe.Columns(rows, 2))
		for _, c := range s.ICPs {
			if line := exclusionLine(c); line != "" {
				fmt.Fprintf(&b, "%s: %s\n", textsafe.Line(c.ID), line)
			}
			if line := declaredLine(c); line != "" {
				fmt.Fprintf(&b, "%s: %s\n", textsafe.Line(c.ID), line)
			}
		}
	}
	for _, sk := range s.SkippedICPs {
		fmt.Fprintf(&b, "skipped %s: %s\n", textsafe.Line(sk.ID), skipWhy(sk.Why))
	}
	fmt.Fprintf(&b, "\nCustomers in no ICP: %s (%s%s)\n", words.Number(float64(s.Unmatched.Customers)),
		words.Percent(s.Unmatched.Share), ofValue(s.Unmatched.ValueShare))
	for _, l := range s.Unmatched.Largest {
		fmt.Fprintf(&b, "  %s  %s\n", textsafe.Line(accountLabel(l)), words.Number(l.Value))
	}
	if len(s.UncoveredSegments) > 0 {
		b.WriteString("\nUncovered segments (customers in no ICP, the largest groups):\n")
		for _, g := range s.UncoveredSegments {
			fmt.Fprintf(&b, "  %s: %s (%s%s)\n", textsafe.Line(segmentLabel(g)), words.Plural(g.Customers, "customer"),
				words.Percent(g.Share), ofValue(g.ValueShare))
		}
	}
	writeQualityText(&b, s)
	if n := len(s.RowsSkipped) + s.RowsSkippedMore; n > 0 {
		fmt.Fprintf(&b, "\nSkipped %s:\n", words.Plural(n, "row"))
		for _, r := range s.RowsSkipped {
			fmt.Fprintf(&b, "  %s:%d: %s\n", textsafe.Line(r.File), r.Line, textsafe.Line(r.Error))
		}
		if s.RowsSkippedMore > 0 {
			fmt.Fprintf(&b, "  and %s more\n", words.Plural(s.RowsSkippedMore, "row"))
		}
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&b, "note: %s\n", textsafe.Line(n))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeQualityText(b *strings.Builder, s *match.Summary) {
	lines := qualityLines(s, textsafe.Line)
	if len(lines) == 0 {
		return
	}
	b.WriteString("\nData quality:\n")
	for _, l := range lines {
		fmt.Fprintf(b, "  %s\n", l)
	}
}

// qualityLines says, per field, what is missing or unreadable, then the
// values that could not be placed, each with a suggestion; esc makes user
// text safe for the format.
func qualityLines(s *match.Summary, esc func(string) string) []string {
	var out []string
	for _, name := range []string{"industry", "employees", "revenue", "country", "technologies", "value"} {
		q, ok := s.DataQuality.Fields[name]
		if !ok || q.Missing == 0 && q.Unreadable == 0 {
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s): %s missing, %s unreadable", name, esc(strings.Join(q.Column, ", ")),
			words.Percent(q.Missing), words.Percent(q.Unreadable)))
	}
	for _, field := range []string{"country", "industry"} {
		for _, u := range s.DataQuality.Unrecognised[field] {
			line := fmt.Sprintf("%s %s is not recognised (%s)", field, esc(fmt.Sprintf("%q", u.Value)), words.Plural(u.Count, "row"))
			if field == "industry" {
				line = fmt.Sprintf("industry %s fits no ICP industry (%s)", esc(fmt.Sprintf("%q", u.Value)), words.Plural(u.Count, "row"))
			}
			if u.Suggest != nil {
				line += "; did you mean " + esc(*u.Suggest) + "?"
			}
			out = append(out, line)
		}
	}
	return out
}

func pct(f *float64) string {
	if f == nil {
		return "-"
	}
	return words.Percent(*f)
}

func ofValue(f *float64) string {
	if f == nil {
		return ""
	}
	return ", " + words.Percent(*f) + " of value"
}

func exclusionLine(c match.ICPSummary) string {
	e := c.LargestExclusion
	if e == nil {
		return ""
	}
	return fmt.Sprintf("%s excludes the most customers: %s (%s%s)", e.Constraint,
		words.Number(float64(e.Customers)), words.Percent(e.CustomerShare), ofValue(e.ValueShare))
}

func declaredLine(c match.ICPSummary) string {
	if c.DeclaredShare == nil {
		return ""
	}
	return fmt.Sprintf("declares %s of customers; measured %s", words.Percent(*c.DeclaredShare), words.Percent(c.CustomerShare))
}

func skipWhy(why string) string {
	if why == "b2c" {
		return "a b2c ICP describes people, not accounts"
	}
	return "it declares no industries, employees, revenue, regions or tech_stack to match"
}

func accountLabel(l match.Largest) string {
	switch {
	case l.Name != "" && l.ID != "":
		return l.Name + " (" + l.ID + ")"
	case l.Name != "":
		return l.Name
	case l.ID != "":
		return l.ID
	}
	return fmt.Sprintf("%s row %d", l.File, l.Row)
}

func segmentLabel(g match.Segment) string {
	part := func(p *string, what string) string {
		if p == nil {
			return what + " unknown"
		}
		return *p
	}
	return part(g.Industry, "industry") + " · " + part(g.Employees, "employees") + " · " + part(g.Country, "country")
}

func fileList(files []string, esc func(string) string) string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = esc(f)
	}
	if len(out) > 3 {
		return strings.Join(out[:3], ", ") + fmt.Sprintf(" and %d more files", len(out)-3)
	}
	return strings.Join(out, ", ")
}
