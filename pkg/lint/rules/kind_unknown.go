package rules

import "github.com/personakit/persona/pkg/lint"

// kind-unknown is found by the front matter decoder, which decides whether a
// file is an entity at all; this rule documents it.
func kindUnknown() lint.Rule {
	return meta{"kind-unknown", lint.Warning,
		"kind is a near miss of icp, persona or interview (a typo such as persnoa)",
		"A mistyped kind turns an entity into an ordinary page that no rule checks. Other kinds (kind: page) belong to other tools and are ignored."}
}
