package rules

import "github.com/personakit/persona/pkg/lint"

// file-unreadable is found by the workspace loader (permissions, links,
// size) and the front matter decoder (encoding); this rule documents it.
func fileUnreadable() lint.Rule {
	return meta{"file-unreadable", lint.Error,
		"a .md file that is (or may be) an entity cannot be read, is not UTF-8, or is larger than 8 MiB",
		"A file persona cannot read is evidence nobody can check; fix its permissions, encoding or size."}
}
