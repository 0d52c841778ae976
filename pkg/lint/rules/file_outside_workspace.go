package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/workspace"
)

// fileOutsideWorkspace reports what the loader found: a .md symbolic link
// whose target lies outside the workspace root and was therefore skipped.
func fileOutsideWorkspace() lint.Rule {
	return &meta{workspace.RuleFileOutside, lint.Warning,
		"a `.md` in the workspace is a symbolic link to a file outside the workspace root; it is not loaded or published",
		"A link can pull any file on the machine into a report; only files inside the repository are evidence others can review."}
}
