package rules

import "github.com/personakit/persona/pkg/lint"

// findingsCapped has no checker: the runner adds its findings when one file
// yields more than lint.MaxPerFileRule findings of one rule.
func findingsCapped() lint.Rule {
	return &meta{lint.RuleFindingsCapped, lint.Info,
		"one file produced more than 100 findings of one rule; the first 100 are kept",
		"A file with hundreds of findings of one kind has one cause; fix it, and the rest follow. Capping keeps reports readable and bounded."}
}
