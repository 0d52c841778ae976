package rules

import "github.com/personakit/persona/pkg/lint"

// frontmatter-invalid is found by the front matter decoder, which is the
// only place that sees the raw block; this rule documents it.
func frontmatterInvalid() lint.Rule {
	return meta{"frontmatter-invalid", lint.Error,
		"front matter that mentions kind is not closed, not valid YAML, or not a mapping",
		"A broken block hides an entity from every other rule; the message names the YAML error and its line."}
}
