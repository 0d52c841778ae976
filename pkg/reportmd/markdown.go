// Package reportmd writes the report as Markdown that passes markdownlint,
// for pull-request comments and wikis.
package reportmd

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"net/url"
	"strings"

	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/mdtext"
	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/words"
)

// Markdown writes the report as Markdown that passes markdownlint: one H1,
// unique headings, tables surrounded by blank lines. User text is escaped
// so that it cannot add structure. Entity bodies are not embedded (they may
// be any Markdown); each entity links to its file.
func Markdown(w io.Writer, r *report.Report) error {
	// Written as it is made: the report of 10,500 files is 40 MB, which a
	// strings.Builder grew by copying before a single write.
	b := bufio.NewWriterSize(w, 64<<10)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	b.WriteString("<!-- markdownlint-disable MD013 -->\n")
	p("# %s\n\n", mdtext.Escape(r.Title))
	p("Generated %s from %s, %s and %s. Lint: %s, %s, %s.", r.Generated,
		words.Plural(r.Summary.ICPs, "ICP"), words.Plural(r.Summary.Personas, "persona"), words.Plural(r.Summary.Interviews, "interview"),
		words.Plural(r.Lint.Errors, "error"), words.Plural(r.Lint.Warnings, "warning"), words.Plural(r.Lint.Infos, "info"))
	if r.Redacted {
		b.WriteString(" Interviewee details and quotes are redacted.")
	}
	p("\n\n**At a glance:** %s", mdtext.Escape(r.Summary.AtAGlance))
	b.WriteString("\n\n## Overview\n\n")
	if len(r.ICPs) == 0 {
		b.WriteString("The workspace has no ICP yet.\n\n")
	} else {
		b.WriteString("| ICP | Status | Personas | Share covered | Interviews | Reviewed | Lint |\n")
		b.WriteString("| --- | --- | ---: | ---: | ---: | --- | --- |\n")
		for _, c := range r.ICPs {
			p("| %s | %s | %s | %s | %d | %s | %s |\n", link(c.Title, c.Path), c.Status, report.PersonaCount(c.ActivePersonas, len(c.Personas)),
				words.Percent(c.Share.Total), len(c.Citations), report.ReviewedLabel(c.Reviewed, c.Stale), report.LintLabel(c.Lint))
		}
		b.WriteString("\n")
	}
	if r.Summary.Reviewable > 0 {
		p("Stale: %d of the %d active ICPs and personas.\n\n", r.Summary.StaleEntities, r.Summary.Reviewable)
	}
	if len(r.Timeline) > 0 {
		// The HTML report draws these; here they are the numbers.
		b.WriteString("| Month | Interviews | ICPs and personas reviewed |\n| --- | ---: | ---: |\n")
		for _, m := range r.Timeline {
			p("| %s | %d | %d |\n", m.Month, m.Interviews, m.Reviewed)
		}
		b.WriteString("\n")
	}
	for _, c := range r.ICPs {
		p("## ICP: %s (%s)\n\n", mdtext.Escape(cmp.Or(c.Title, c.ID)), mdtext.Code(c.ID))
		p("Segment %s, status %s, owners %s. %s. [Source](%s).\n\n", c.Segment, c.Status, orNone(c.Owners),
			strings.ToUpper(report.ReviewedLabel(c.Reviewed, c.Stale)[:1])+report.ReviewedLabel(c.Reviewed, c.Stale)[1:], mdPath(c.Path))
		if len(c.Constraints) > 0 {
			b.WriteString("| Attribute | Constraint |\n| --- | --- |\n")
			for _, k := range c.Constraints {
				p("| %s | %s |\n", k.Attribute, mdtext.Escape(k.Value))
			}
			b.WriteString("\n")
		}
		bullets(b, "Pains", c.Pains)
		bullets(b, "Needs", c.Needs)
		bullets(b, "Triggers", c.Triggers)
		bullets(b, "Disqualifiers", c.Disqualifiers)
		p("Share covered by active personas: %s (unassigned %s)", words.Percent(c.Share.Total), words.Percent(c.Share.Unassigned))
		if c.Share.Unknown > 0 {
			p("; %s no share", stateVerb(words.Plural(c.Share.Unknown, "active persona")))
		}
		b.WriteString(".\n\n")
		if c.Customers != nil {
			p("Customers that fit: %s %s.\n\n", mdtext.Code(textBar(c.Customers.Share, c.Customers.DeclaredShare)), report.CustomersLine(*c.Customers))
		}
		if len(c.Personas) > 0 {
			p("### Personas of %s\n\n", mdtext.Code(c.ID))
			personaTable(b, c.Personas)
			for _, pv := range c.Personas {
				personaSection(b, pv, r.Redacted)
			}
			if len(c.Citations) > 0 {
				p("### Interviews cited by the personas of %s\n\n", mdtext.Code(c.ID))
				b.WriteString("| Interview | Cited by | Claims citing it |\n| --- | --- | --- |\n")
				for _, ct := range c.Citations {
					cited := make([]string, len(ct.CitedBy))
					for i, id := range ct.CitedBy {
						cited[i] = mdtext.Code(id)
					}
					claims := "—"
					if len(ct.Claims) > 0 {
						claims = escJoin(ct.Claims)
					}
					p("| %s | %s | %s |\n", mdtext.Code(ct.Interview), strings.Join(cited, ", "), claims)
				}
				b.WriteString("\n")
			}
		}
	}
	if r.UncoveredSegments != nil {
		b.WriteString("## Customers in no ICP\n\n")
		if len(r.UncoveredSegments) == 0 {
			b.WriteString("Every customer fits an ICP.\n\n")
		} else {
			b.WriteString("The largest groups of customers that fit no ICP:\n\n| Industry | Employees | Country | Customers | Share | By value |\n| --- | --- | --- | ---: | ---: | ---: |\n")
			for _, g := range r.UncoveredSegments {
				p("| %s | %s | %s | %s | %s | %s |\n", mdtext.Escape(report.SegmentPart(g.Industry)), mdtext.Escape(report.SegmentPart(g.Employees)),
					mdtext.Escape(report.SegmentPart(g.Country)), words.Number(float64(g.Customers)), words.Percent(g.Share), report.PercentOrDash(g.ValueShare))
			}
			b.WriteString("\n")
		}
	}
	if len(r.Unassigned) > 0 {
		b.WriteString("## Personas without a known ICP\n\n")
		personaTable(b, r.Unassigned)
	}
	b.WriteString("## Uncited interviews\n\n")
	switch {
	case r.Summary.Interviews == 0:
		// Not "every interview is cited": there is none to cite.
		b.WriteString("There are no interviews yet.\n\n")
	case len(r.Uncited) == 0:
		b.WriteString("Every interview is cited by at least one persona.\n\n")
	default:
		interviewTable(b, r.Uncited, r.Redacted)
	}
	b.WriteString("## Lint findings\n\n")
	if len(r.Findings) == 0 {
		b.WriteString("No findings.\n")
	} else {
		b.WriteString("| Severity | File | Line | Rule | Message |\n| --- | --- | ---: | --- | --- |\n")
		for _, f := range r.Findings {
			p("| %s | %s | %d | %s | %s |\n", f.Severity, mdtext.Code(f.Path), f.Line, mdtext.Code(f.Rule), mdtext.Escape(f.Message))
		}
	}
	return b.Flush()
}

func personaTable(b *bufio.Writer, ps []report.Persona) {
	b.WriteString("| Persona | Status | Type | Role | Buying role | Share | Evidence | Reviewed | Lint |\n")
	b.WriteString("| --- | --- | --- | --- | --- | ---: | --- | --- | --- |\n")
	for _, p := range ps {
		share := "—"
		if p.Share != nil {
			share = words.Percent(*p.Share)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", link(p.Name, p.Path), report.StatusLabel(p.Status), p.Type, mdtext.Escape(report.OrDash(p.Role)),
			report.OrDash(p.BuyingRole), share, report.EvidenceLabel(p.Evidence), report.ReviewedLabel(p.Reviewed, p.Stale), report.LintLabel(p.Lint))
	}
	b.WriteString("\n")
}

func personaSection(b *bufio.Writer, p report.Persona, redacted bool) {
	fmt.Fprintf(b, "#### %s (%s)\n\n", mdtext.Escape(cmp.Or(p.Name, p.ID)), mdtext.Code(p.ID))
	role := strings.TrimSpace(strings.Join(report.NonEmpty(p.Role, p.Seniority, p.Department), ", "))
	fmt.Fprintf(b, "- Role: %s\n", mdtext.Escape(report.OrDash(role)))
	fmt.Fprintf(b, "- Status: %s, type %s, buying role %s\n", p.Status, p.Type, report.OrDash(p.BuyingRole))
	// Claims, front matter and body, each with its evidence, grouped by
	// list; then the lists that are not claims.
	for _, list := range contract.ClaimLists() {
		first := true
		for _, c := range p.Claims {
			if c.List != list {
				continue
			}
			if first {
				fmt.Fprintf(b, "- %s:\n", strings.ToUpper(list[:1])+list[1:])
				first = false
			}
			fmt.Fprintf(b, "  - %s — %s\n", mdtext.Escape(c.Text), claimEvidenceLabel(c))
		}
	}
	if len(p.ExternalEvidence) > 0 {
		links := make([]string, len(p.ExternalEvidence))
		for i, u := range p.ExternalEvidence {
			links[i] = externalLink(u)
		}
		fmt.Fprintf(b, "- External evidence (not fetched): %s\n", strings.Join(links, ", "))
	}
	for _, f := range []struct {
		label string
		items []string
	}{{"Channels", p.Channels}, {"Quotes", p.Quotes}} {
		if len(f.items) > 0 {
			fmt.Fprintf(b, "- %s: %s\n", f.label, escJoin(f.items))
		}
	}
	fmt.Fprintf(b, "- Evidence: %s\n", report.EvidenceLabel(p.Evidence))
	fmt.Fprintf(b, "- File: [%s](%s)\n\n", mdtext.Escape(p.Path), mdPath(p.Path))
	if len(p.Interviews) > 0 {
		interviewTable(b, p.Interviews, redacted)
	}
}

func interviewTable(b *bufio.Writer, ivs []report.Interview, redacted bool) {
	if redacted {
		b.WriteString("| Interview | Date | ICP | Consent |\n| --- | --- | --- | --- |\n")
	} else {
		b.WriteString("| Interview | Date | ICP | Interviewee | Company size | Region | Consent |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	}
	for _, iv := range ivs {
		consent := "no"
		if iv.Consent {
			consent = "yes"
		}
		if redacted {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", link(iv.ID, iv.Path), report.OrDash(iv.Date), mdtext.Escape(report.OrDash(iv.ICP)), consent)
			continue
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", link(iv.ID, iv.Path), report.OrDash(iv.Date), mdtext.Escape(report.OrDash(iv.ICP)),
			mdtext.Escape(report.OrDash(iv.Role)), mdtext.Escape(report.OrDash(iv.CompanySize)), mdtext.Escape(report.OrDash(iv.Region)), consent)
	}
	b.WriteString("\n")
}

func bullets(b *bufio.Writer, label string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "%s:\n\n", label)
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", mdtext.Escape(it))
	}
	b.WriteString("\n")
}

func escJoin(items []string) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = mdtext.Escape(it)
	}
	return strings.Join(out, "; ")
}

// mdPath is a relative link target; spaces and parentheses are encoded.
// mdPath is a relative link destination for any file name: net/url
// percent-encodes spaces, control characters, '#', '?' and '%', and the
// characters CommonMark and tables give meaning to are encoded on top.
func mdPath(p string) string {
	return markdownDestination(report.Href(p))
}

// markdownDestination encodes, in a URL net/url wrote, the characters
// CommonMark link destinations and tables give meaning to.
func markdownDestination(u string) string {
	if !strings.ContainsAny(u, "()<>|[]") {
		return u // nearly every path: no replacer to build
	}
	return strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C", "[", "%5B", "]", "%5D").Replace(u)
}

// externalLink is a link to evidence kept elsewhere: the URL as net/url
// writes it (spaces and control characters percent-encoded), with the
// characters Markdown gives meaning to encoded on top.
func externalLink(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return mdtext.Escape(raw)
	}
	return "[" + mdtext.Escape(raw) + "](" + markdownDestination(u.String()) + ")"
}

func link(text, path string) string {
	if strings.TrimSpace(text) == "" {
		text = path
	}
	return "[" + mdtext.Escape(text) + "](" + mdPath(path) + ")"
}

func orNone(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return escJoin(items)
}

// stateVerb adds "states" or "state" to a counted noun.
func stateVerb(counted string) string {
	if strings.HasPrefix(counted, "1 ") {
		return counted + " states"
	}
	return counted + " state"
}

// claimEvidenceLabel lists a claim's evidence as links, with the words
// quoted and their line, or says it has none.
func claimEvidenceLabel(c report.Claim) string {
	if len(c.Evidence) == 0 {
		return "no evidence"
	}
	parts := make([]string, 0, len(c.Evidence))
	for _, e := range c.Evidence {
		s := mdtext.Escape(e.Interview) + " (missing)"
		if e.Path != "" {
			s = "[" + mdtext.Escape(e.Interview) + "](" + mdPath(e.Path) + ")"
		}
		if e.Quote != "" {
			s += ": “" + mdtext.Escape(e.Quote) + "”"
			if e.Line > 0 {
				s += fmt.Sprintf(" (line %d)", e.Line)
			} else {
				s += " (not found in the notes)"
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// textBar draws a share as 20 blocks, with the declared share marked │.
func textBar(share float64, declared *float64) string {
	const width = 20
	filled := int(math.Round(math.Max(0, math.Min(1, share)) * width))
	bar := []rune(strings.Repeat("█", filled) + strings.Repeat("░", width-filled))
	if declared != nil {
		at := int(math.Round(math.Max(0, math.Min(1, *declared)) * width))
		bar = append(bar[:at], append([]rune{'│'}, bar[at:]...)...)
	}
	return string(bar)
}
