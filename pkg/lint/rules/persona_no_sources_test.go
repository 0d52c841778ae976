package rules

import "testing"

func TestPersonaNoSources(t *testing.T) {
	runRuleCases(t, "persona-no-sources", []ruleCase{
		{"none", with(map[string]string{"personas/fiona.md": persona("sources: <delete>")}), "", []string{"personas/fiona.md:1:1 error"}},
		{"empty list", with(map[string]string{"personas/fiona.md": persona("sources: []")}), "", []string{"personas/fiona.md:1:1 error"}},
		{"draft is a warning", with(map[string]string{"personas/fiona.md": persona("sources: <delete>", "status: draft")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"proto is a warning", with(map[string]string{"personas/fiona.md": persona("sources: <delete>", "status: proto")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"config re-levels", with(map[string]string{"personas/fiona.md": persona("sources: <delete>")}), "rules:\n  persona-no-sources: info\n", []string{"personas/fiona.md:1:1 info"}},
		{"suppressed per file", with(map[string]string{"personas/fiona.md": persona("sources: <delete>", "lint: {ignore: [persona-no-sources], reason: kick-off}")}), "", nil},
	})
}
