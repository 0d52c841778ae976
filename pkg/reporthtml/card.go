package reporthtml

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/report"
)

// writeCard writes a persona card: what a workshop wall or a deck needs,
// on one page. It is written in Go rather than as a template because a
// report holds a card per persona, and html/template's escaping of each
// value, called by reflection, cost more than the rest of the report.
// Every value goes through the replacements html/template makes in the
// same place (escapeText, escapeURL); card_test.go holds that no text
// changes the card's markup, and the golden pages hold the markup itself.
func writeCard(b *bytes.Buffer, v *personaView) {
	b.WriteString(`<article class="persona card" id="`)
	escapeText(b, v.Anchor)
	b.WriteString(`" aria-labelledby="`)
	escapeText(b, v.Anchor)
	b.WriteString(`-h">
<header class="card-head"><span class="monogram" aria-hidden="true">`)
	escapeText(b, v.Monogram)
	b.WriteString(`</span>
<div>`)
	heading := "h4"
	if v.Standalone {
		heading = "h2"
	}
	b.WriteString("<" + heading + ` id="`)
	escapeText(b, v.Anchor)
	b.WriteString(`-h">`)
	escapeText(b, v.Name)
	b.WriteString("</" + heading + ">\n" + `<p class="meta">`)
	escapeText(b, v.RoleLine)
	b.WriteString(" · ICP ")
	if v.ICP != "" {
		escapeText(b, v.ICP)
	} else {
		b.WriteString("none")
	}
	b.WriteString(" · ")
	escapeText(b, v.Type)
	b.WriteString(" persona · ")
	writeStatus(b, v.Status, v.StatusLabel)
	b.WriteString(`</p></div></header>`)
	if v.Quote != "" {
		b.WriteString("\n" + `<blockquote class="pull">`)
		escapeText(b, v.Quote)
		b.WriteString(`</blockquote>`)
	}
	b.WriteString("\n" + `<dl class="fields">`)
	for _, g := range v.ClaimGroups {
		b.WriteString(`<dt>`)
		escapeText(b, g.Label)
		b.WriteString(`</dt><dd><ul>`)
		for _, c := range g.Claims {
			writeClaim(b, c)
		}
		b.WriteString(`</ul></dd>`)
	}
	writeFieldIfSet(b, "Channels", v.Channels)
	b.WriteString("\n<dt>Buying role</dt><dd>")
	escapeText(b, v.BuyingRole)
	b.WriteString("</dd>\n<dt>Share</dt><dd>")
	escapeText(b, v.Share)
	b.WriteString("</dd>\n<dt>Evidence</dt><dd>")
	b.WriteString(string(v.EvidenceChart))
	b.WriteString(`<span class="badge `)
	escapeText(b, v.Evidence.Confidence)
	b.WriteString(`">`)
	escapeText(b, v.Evidence.Confidence)
	b.WriteString(` confidence</span> `)
	escapeText(b, v.EvidenceLabel)
	b.WriteString(`. Upper bar: claims with evidence; lower bar: participants, full at 3.</dd>`)
	if len(v.Quotes) > 1 {
		b.WriteString(`<dt class="detail">More quotes</dt><dd class="detail">`)
		for _, q := range v.Quotes[1:] {
			b.WriteString(`<blockquote>`)
			escapeText(b, q)
			b.WriteString(`</blockquote>`)
		}
		b.WriteString(`</dd>`)
	}
	b.WriteString("\n<dt>Reviewed</dt>")
	writeReviewed(b, "dd", v.Reviewed, v.Stale)
	b.WriteString("\n" + `<dt class="detail">Owners</dt><dd class="detail">`)
	escapeText(b, v.Owners)
	b.WriteString(`</dd>`)
	if len(v.Interviews) > 0 {
		b.WriteString("\n" + `<dt class="detail">Interviews</dt><dd class="detail"><ul>`)
		for _, in := range v.Interviews {
			writeInterviewItem(b, in, v.Redacted)
		}
		b.WriteString(`</ul></dd>`)
	}
	if len(v.ExternalEvidence) > 0 {
		b.WriteString("\n" + `<dt class="detail">External evidence</dt><dd class="detail"><ul>`)
		for _, u := range v.ExternalEvidence {
			b.WriteString(`<li><a href="`)
			escapeURL(b, u)
			b.WriteString(`" rel="noopener noreferrer">`)
			escapeText(b, u)
			b.WriteString(`</a></li>`)
		}
		b.WriteString(`</ul></dd>`)
	}
	b.WriteString("\n" + `<dt class="detail">File</dt><dd class="detail">`)
	writeLink(b, v.Href, v.Path)
	b.WriteString("</dd>\n</dl>")
	writeBody(b, v.Body)
	b.WriteString("\n</article>")
}

// writeLink writes a link to href that reads text, both escaped as
// html/template escapes them there.
func writeLink(b *bytes.Buffer, href, text string) {
	b.WriteString(`<a href="`)
	escapeURL(b, href)
	b.WriteString(`">`)
	escapeText(b, text)
	b.WriteString("</a>")
}

// writeFieldIfSet writes a term of a field list with its value, escaped,
// when the value is set.
func writeFieldIfSet(b *bytes.Buffer, term, value string) {
	if value != "" {
		b.WriteString("<dt>" + term + "</dt><dd>")
		escapeText(b, value)
		b.WriteString("</dd>")
	}
}

// writeClaim writes one claim with its evidence, or says it has none.
func writeClaim(b *bytes.Buffer, c report.Claim) {
	b.WriteString(`<li>`)
	escapeText(b, c.Text)
	if len(c.Evidence) == 0 {
		b.WriteString(` <em>— no evidence</em></li>`)
		return
	}
	b.WriteString(` <span class="cite">— `)
	for i, e := range c.Evidence {
		if i > 0 {
			b.WriteString("; ")
		}
		if e.Path != "" {
			writeLink(b, report.Href(e.Path), e.Interview)
		} else {
			escapeText(b, e.Interview)
			b.WriteString(` (missing)`)
		}
		if e.Quote != "" {
			b.WriteString(`: “`)
			escapeText(b, e.Quote)
			b.WriteString(`”`)
			if e.Line != 0 {
				b.WriteString(` (line ` + strconv.Itoa(e.Line) + `)`)
			} else {
				b.WriteString(` (not found in the notes)`)
			}
		}
	}
	b.WriteString(`</span></li>`)
}

// writeInterviewItem lists an interview a persona cites; a redacted
// report leaves out who was interviewed.
func writeInterviewItem(b *bytes.Buffer, in report.Interview, redacted bool) {
	b.WriteString(`<li>`)
	writeLink(b, report.Href(in.Path), in.ID)
	if in.Date != "" {
		b.WriteString(", ")
		escapeText(b, in.Date)
	}
	if !redacted {
		if in.Role != "" {
			b.WriteString(", ")
			escapeText(b, in.Role)
		}
		if in.CompanySize != "" {
			b.WriteString(", ")
			escapeText(b, in.CompanySize)
			b.WriteString(" employees")
		}
	}
	b.WriteString(`</li>`)
}

// htmlReplacements are html/template's for text and quoted attribute
// values; other bytes, UTF-8 sequences included, pass through.
var htmlReplacements = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// escapeText writes s as text or a quoted attribute value, escaped as
// html/template escapes it there.
func escapeText(b *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if int(c) < len(htmlReplacements) && htmlReplacements[c] != "" {
			b.WriteString(s[written:i])
			b.WriteString(htmlReplacements[c])
			written = i + 1
		}
	}
	b.WriteString(s[written:])
}

// escapeURLPart writes s as the part of an href after its "#", as
// html/template does there: every byte but letters, digits and "-._~"
// percent-encoded.
func escapeURLPart(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		b.WriteString(s[written:i])
		b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		written = i + 1
	}
	b.WriteString(s[written:])
}

// escapeURL writes s as an href value as html/template does: a URL whose
// scheme is not http, https or mailto becomes "#ZgotmplZ"; bytes a URL
// may not hold are percent-encoded (escapes already there are kept); the
// result is escaped as an attribute value.
func escapeURL(b *bytes.Buffer, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		b.WriteString("#ZgotmplZ")
		return
	}
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '&' || c == '+':
			// Allowed in a URL, but not raw in an attribute.
			b.WriteString(s[written:i])
			b.WriteString(htmlReplacements[c])
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		default:
			b.WriteString(s[written:i])
			b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		}
		written = i + 1
	}
	b.WriteString(s[written:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
