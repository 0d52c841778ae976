// Package mdtext makes arbitrary text safe to place in generated Markdown
// (lint reports, persona reports, diff comments): it can neither add
// structure nor break the table cell it stands in.
package mdtext

import (
	"strings"

	"github.com/personakit/persona/pkg/textsafe"
)

// escaper turns every character that means something in Markdown, in a
// table cell or in an HTML-capable renderer into its literal form.
var escaper = strings.NewReplacer(
	"\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]",
	"<", "&lt;", ">", "&gt;", "|", "\\|", "#", "\\#", "\r", " ", "\n", " ", "&", "&amp;", "@", "@\u200b",
	// An escaped colon keeps a URL in user text from becoming a bare
	// autolink (markdownlint MD034) while it still reads the same.
	"://", "\\://", "www.", "www\\.",
)

// Escape renders s as inert inline text, on one line: Markdown and HTML
// syntax escaped, control characters spelled out, and a zero-width space
// after every @ so that a name in user text never mentions (pings) anyone:
// GitHub decodes an entity such as &#64; before it links mentions.
func Escape(s string) string { return escaper.Replace(textsafe.KeepBreaks(s)) }

// Code renders s as inline code, fenced by a run of backticks longer than
// any inside it (as CommonMark allows), on one line and safe in a table.
func Code(s string) string {
	s = strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(textsafe.KeepBreaks(s))
	if s == "" {
		return "` `" // `` would be two literal backticks, not an empty span
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if fence != "`" {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
