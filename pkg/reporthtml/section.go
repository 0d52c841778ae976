package reporthtml

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/personakit/persona/pkg/report"
)

// writeICPSection writes one ICP's section of the single-file report:
// its fields, its personas as a table and as cards, and which personas
// cite each interview. Written in Go for the reason card is, with its
// escapes.
func writeICPSection(b *bytes.Buffer, v *icpView) {
	b.WriteString(`<section id="`)
	escapeText(b, v.Anchor)
	b.WriteString(`" aria-labelledby="`)
	escapeText(b, v.Anchor)
	b.WriteString("-h\">\n" + `<h2 id="`)
	escapeText(b, v.Anchor)
	b.WriteString(`-h">`)
	if v.Status == "retired" {
		b.WriteString("Retired ")
	}
	b.WriteString("ICP: ")
	escapeText(b, v.Title)
	b.WriteString("</h2>\n" + `<p class="meta">Segment `)
	escapeText(b, v.Segment)
	b.WriteString(" · status ")
	escapeText(b, v.Status)
	writeICPMetaTail(b, v)
	if len(v.Constraints) > 0 {
		writeConstraints(b, v.Constraints, "Constraints of "+v.Title)
	}
	b.WriteString("\n" + `<dl class="fields">`)
	writeICPLists(b, &v.ICP)
	writeFieldIfSet(b, "Buying committee", v.BuyingCommittee)
	writeShareCovered(b, v, true)
	writeBody(b, v.Body)
	if len(v.Personas) > 0 {
		b.WriteString("\n<h3>Personas</h3>")
		writeTableStart(b, "Personas of "+v.Title, "Personas of "+v.Title)
		b.WriteString(`<thead><tr><th scope="col">Persona</th><th scope="col">Status</th><th scope="col">Type</th><th scope="col">Role</th><th scope="col">Buying role</th><th scope="col" class="num">Share</th><th scope="col">Evidence</th><th scope="col">Reviewed</th><th scope="col">Lint</th></tr></thead>
<tbody>`)
		for i := range v.Personas {
			writePersonaRow(b, &v.Personas[i], false)
		}
		b.WriteString(tableEnd + "\n" + `<div class="cards">`)
		for i := range v.Personas {
			b.WriteString("\n")
			writeCard(b, &v.Personas[i])
		}
		b.WriteString("\n</div>")
	}
	if len(v.Retired) > 0 {
		b.WriteString("\n<h3>Retired personas</h3>\n" + `<p class="meta">No longer targets; kept for the record.</p>` + "\n" + `<div class="cards retired">`)
		for i := range v.Retired {
			b.WriteString("\n")
			writeCard(b, &v.Retired[i])
		}
		b.WriteString("\n</div>")
	}
	if len(v.Citations) > 0 {
		b.WriteString("\n<h3>Interviews and the personas citing them</h3>")
		writeTableStart(b, "Interviews cited by the personas of "+v.Title, "Which personas cite each interview ("+v.Title+")")
		b.WriteString(`<thead><tr><th scope="col">Interview</th><th scope="col">Cited by</th><th scope="col">Claims citing it</th></tr></thead>
<tbody>`)
		for _, c := range v.Citations {
			writeCitationRow(b, c, "")
		}
		b.WriteString(tableEnd)
	}
	b.WriteString("\n</section>")
}

// writePersonaRow is a persona's row in its ICP's table. In the single-
// file report it links the persona's card and names its buying role; in a
// site it links the persona's page, marks a retired persona and shows its
// evidence chart.
func writePersonaRow(b *bytes.Buffer, p *personaView, site bool) {
	b.WriteString("\n<tr")
	if site && p.Status == "retired" {
		b.WriteString(` class="retired"`)
	}
	b.WriteString(`><th scope="row"><a href="`)
	if site {
		escapeURL(b, p.Page)
	} else {
		b.WriteString("#")
		escapeURLPart(b, p.Anchor)
	}
	b.WriteString(`">`)
	escapeText(b, p.Name)
	b.WriteString(`</a></th><td>`)
	writeStatus(b, p.Status, p.StatusLabel)
	b.WriteString("</td><td>")
	escapeText(b, p.Type)
	b.WriteString("</td><td>")
	escapeText(b, p.Role)
	if !site {
		b.WriteString("</td><td>")
		escapeText(b, p.BuyingRole)
	}
	b.WriteString(`</td><td class="num">`)
	escapeText(b, p.Share)
	b.WriteString("</td><td>")
	if site {
		b.WriteString(string(p.EvidenceChart))
	}
	b.WriteString(`<span class="badge `)
	escapeText(b, p.Evidence.Confidence)
	b.WriteString(`">`)
	escapeText(b, p.Evidence.Confidence)
	b.WriteString("</span> ")
	escapeText(b, p.EvidenceCount)
	b.WriteString("</td>")
	writeReviewed(b, "td", p.Reviewed, p.Stale)
	b.WriteString("<td>")
	escapeText(b, p.Lint)
	b.WriteString("</td></tr>")
}

// writeReviewed writes an entity's review label in an element of its
// own, marked when the entity is stale.
func writeReviewed(b *bytes.Buffer, element, label string, stale bool) {
	b.WriteString("<" + element)
	if stale {
		b.WriteString(` class="stale"`)
	}
	b.WriteString(">")
	escapeText(b, label)
	b.WriteString("</" + element + ">")
}

// writeStatus is a status as a badge: its class names the status, for
// the badge's colour; label is what it says.
func writeStatus(b *bytes.Buffer, status, label string) {
	b.WriteString(`<span class="status status-`)
	escapeText(b, status)
	b.WriteString(`">`)
	escapeText(b, label)
	b.WriteString("</span>")
}

// writeConstraints is an ICP's table of constraints, labelled for a
// screen reader's list of regions.
func writeConstraints(b *bytes.Buffer, constraints []report.Constraint, label string) {
	writeTableStart(b, label, "Constraints")
	b.WriteString(`<thead><tr><th scope="col">Attribute</th><th scope="col">Constraint</th></tr></thead>
<tbody>`)
	for _, c := range constraints {
		b.WriteString("\n" + `<tr><th scope="row">`)
		escapeText(b, c.Attribute)
		b.WriteString(`</th><td>`)
		escapeText(b, c.Value)
		b.WriteString(`</td></tr>`)
	}
	b.WriteString(tableEnd)
}

// writeTableStart opens a table with its caption, inside a region that a
// screen reader lists by label and that scrolls on a narrow screen. The
// caller writes the head and the rows, then tableEnd.
func writeTableStart(b *bytes.Buffer, label, caption string) {
	b.WriteString("\n" + `<div class="table-wrap" role="region" aria-label="`)
	escapeText(b, label)
	b.WriteString(`" tabindex="0">` + "\n<table>\n<caption>")
	escapeText(b, caption)
	b.WriteString("</caption>\n")
}

// tableEnd closes what writeTableStart opened, after the rows.
const tableEnd = "\n</tbody>\n</table>\n</div>"

// writeICPLists writes an ICP's lists that are set, each as a term of
// its fields.
func writeICPLists(b *bytes.Buffer, c *report.ICP) {
	for _, l := range [...]struct {
		label string
		items []string
	}{{"Pains", c.Pains}, {"Needs", c.Needs}, {"Goals", c.Goals}, {"Triggers", c.Triggers}, {"Disqualifiers", c.Disqualifiers}} {
		if len(l.items) == 0 {
			continue
		}
		b.WriteString("<dt>" + l.label + "</dt><dd><ul>")
		for _, item := range l.items {
			b.WriteString("<li>")
			escapeText(b, item)
			b.WriteString("</li>")
		}
		b.WriteString("</ul></dd>")
	}
}

// writeCitationRow is an interview's row in an ICP's table of citations;
// page links the interview's page, when there is one.
func writeCitationRow(b *bytes.Buffer, c report.Citation, page string) {
	b.WriteString("\n" + `<tr><th scope="row">`)
	if page != "" {
		writeLink(b, page, c.Interview)
	} else {
		escapeText(b, c.Interview)
	}
	b.WriteString("</th><td>")
	for i, p := range c.CitedBy {
		if i > 0 {
			b.WriteString(", ")
		}
		escapeText(b, p)
	}
	b.WriteString("</td><td>")
	for i, claim := range c.Claims {
		if i > 0 {
			b.WriteString("; ")
		}
		escapeText(b, claim)
	}
	b.WriteString("</td></tr>")
}

// writeICPMetaTail ends an ICP's line of facts: owners, review, lint and
// its file.
func writeICPMetaTail(b *bytes.Buffer, c *icpView) {
	b.WriteString(" · owners ")
	escapeText(b, c.Owners)
	b.WriteString(" · ")
	writeReviewed(b, "span", c.Reviewed, c.Stale)
	b.WriteString(" · lint ")
	escapeText(b, c.Lint)
	b.WriteString(` · `)
	writeLink(b, c.Href, c.Path)
	b.WriteString(`</p>`)
}

// writeShareCovered ends an ICP's fields with its share coverage, as a
// chart with its numbers or as the numbers alone; unknown says how many
// active personas state no share.
func writeShareCovered(b *bytes.Buffer, c *icpView, unknown bool) {
	b.WriteString("\n<dt>Share covered</dt><dd>")
	if c.ShareChart != "" {
		b.WriteString(`<figure class="chart-fig">`)
		b.WriteString(string(c.ShareChart))
		b.WriteString("<figcaption>")
	}
	escapeText(b, c.ShareTotal)
	b.WriteString(" by active personas; ")
	escapeText(b, c.ShareUnassigned)
	b.WriteString(" unassigned")
	if unknown && c.ShareUnknown != 0 {
		b.WriteString("; " + strconv.Itoa(c.ShareUnknown) + " active personas state no share")
	}
	if c.ShareChart != "" {
		b.WriteString("</figcaption></figure>")
	}
	b.WriteString("</dd>")
	if c.CustomersLine != "" {
		b.WriteString("\n<dt>Customers that fit</dt><dd><figure class=\"chart-fig\">")
		b.WriteString(string(c.CustomersChart))
		b.WriteString("<figcaption>")
		escapeText(b, c.CustomersLine)
		b.WriteString("</figcaption></figure></dd>")
	}
	b.WriteString("\n</dl>")
}

// writeBody places an entity's rendered body, if it has one.
func writeBody(b *bytes.Buffer, body template.HTML) {
	if body != "" {
		b.WriteString("\n" + `<div class="body">`)
		b.WriteString(string(body))
		b.WriteString("</div>")
	}
}
