package rules

import "github.com/personakit/persona/pkg/lint"

// field-type is found by the front matter decoder while it converts each
// value, where the position of the offending node is at hand.
func fieldType() lint.Rule {
	return meta{"field-type", lint.Error,
		"a known key has the wrong type or value (bad date, share outside [0,1], list given as string, unknown enum value)",
		"A value of the wrong type is silently misread by reports and other rules; write it as the contract describes."}
}
