package matchout

import (
	"fmt"
	"io"
	"strings"

	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/mdtext"
	"github.com/personakit/persona/pkg/words"
)

// Markdown writes the summary for a pull-request comment or a CI job
// summary; every value from a file is escaped.
func Markdown(w io.Writer, s *match.Summary, _ Style) error {
	var b strings.Builder
	b.WriteString("## Customers against ICPs\n\n")
	fmt.Fprintf(&b, "%s, %s, read from %s; matched against %s.\n",
		words.Plural(s.Accounts, "account"), words.Plural(s.Customers, "customer"),
		fileList(s.Files, mdtext.Code), words.Plural(len(s.ICPs), "ICP"))
	if len(s.ICPs) > 0 {
		b.WriteString("\n| ICP | Fit | Insufficient data | No fit | Share | By value | Declared | Excluded most by |\n")
		b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
		for _, c := range s.ICPs {
			excl := "-"
			if e := c.LargestExclusion; e != nil {
				excl = fmt.Sprintf("%s (%s%s)", e.Constraint, words.Percent(e.CustomerShare), ofValue(e.ValueShare))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", mdtext.Code(c.ID),
				words.Number(float64(c.CustomersFit)), words.Number(float64(c.CustomersInsufficientData)),
				words.Number(float64(c.CustomersNoFit)), words.Percent(c.CustomerShare), pct(c.ValueShare),
				pct(c.DeclaredShare), excl)
		}
	}
	if len(s.SkippedICPs) > 0 {
		b.WriteString("\n")
		for _, sk := range s.SkippedICPs {
			fmt.Fprintf(&b, "- Skipped %s: %s\n", mdtext.Code(sk.ID), skipWhy(sk.Why))
		}
	}
	fmt.Fprintf(&b, "\n### Customers in no ICP\n\n%s customers (%s%s).\n", words.Number(float64(s.Unmatched.Customers)),
		words.Percent(s.Unmatched.Share), ofValue(s.Unmatched.ValueShare))
	if len(s.Unmatched.Largest) > 0 {
		b.WriteString("\n| Account | Value |\n| --- | ---: |\n")
		for _, l := range s.Unmatched.Largest {
			fmt.Fprintf(&b, "| %s | %s |\n", mdtext.Escape(accountLabel(l)), words.Number(l.Value))
		}
	}
	if len(s.UncoveredSegments) > 0 {
		b.WriteString("\n### Uncovered segments\n\n| Industry | Employees | Country | Customers | Share | By value |\n| --- | --- | --- | ---: | ---: | ---: |\n")
		for _, g := range s.UncoveredSegments {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdCell(g.Industry), mdCell(g.Employees), mdCell(g.Country),
				words.Number(float64(g.Customers)), words.Percent(g.Share), pct(g.ValueShare))
		}
	}
	if lines := qualityLines(s, mdtext.Escape); len(lines) > 0 {
		b.WriteString("\n### Data quality\n\n")
		for _, l := range lines {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	if n := len(s.RowsSkipped) + s.RowsSkippedMore; n > 0 {
		fmt.Fprintf(&b, "\n### Skipped rows\n\n%s could not be read.\n\n", words.Plural(n, "row"))
		for _, r := range s.RowsSkipped {
			fmt.Fprintf(&b, "- %s line %d: %s\n", mdtext.Code(r.File), r.Line, mdtext.Escape(r.Error))
		}
	}
	if len(s.Notes) > 0 {
		b.WriteString("\n")
		for _, n := range s.Notes {
			fmt.Fprintf(&b, "- Note: %s\n", mdtext.Escape(n))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(p *string) string {
	if p == nil {
		return "unknown"
	}
	return mdtext.Escape(*p)
}
