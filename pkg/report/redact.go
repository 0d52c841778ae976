package report

import (
	"regexp"
	"strings"

	"github.com/personakit/persona/pkg/pii"
)

// redactedQuote stands where a quotation was.
const redactedQuote = "[quote redacted]"

// inlineQuote is a quotation inside a line: typographic quotes of several
// languages, or straight double quotes around text with a space (so that
// "TLS" or a link title's quotes in `[a](u "t")` are left alone only when
// they hold one word).
var inlineQuote = regexp.MustCompile(`“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|"[^"\n]* [^"\n]*"`)

// redactBody removes what identifies people from a Markdown body: each
// blockquote becomes one "> [quote redacted]" line, inline quotations
// become “[quote redacted]”, and e-mail addresses, phone numbers and IBANs
// become [redacted]. Fenced code keeps its quote marks, which quote no one,
// but not its personal data.
func redactBody(body string, finder pii.Finder) string {
	if body == "" {
		return body
	}
	var b strings.Builder
	fence := ""
	inQuote := false
	for _, line := range strings.SplitAfter(body, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		eol := line[len(strings.TrimRight(line, "\r\n")):]
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			b.WriteString(finder.Redact(line))
			continue
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			inQuote = false
			b.WriteString(line)
			continue
		case strings.HasPrefix(trimmed, ">"):
			if !inQuote {
				b.WriteString(line[:len(line)-len(trimmed)] + "> " + redactedQuote + eol)
			}
			inQuote = true
			continue
		}
		inQuote = strings.TrimSpace(line) != "" && inQuote // a lazy continuation line
		if inQuote {
			continue
		}
		line = inlineQuote.ReplaceAllString(line, "“"+redactedQuote+"”")
		b.WriteString(finder.Redact(line))
	}
	return b.String()
}

// redactTexts returns items with personal data replaced.
func redactTexts(items []string, finder pii.Finder) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = finder.Redact(s)
	}
	return out
}
