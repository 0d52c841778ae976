package rules

import "testing"

func TestPersonaFewSources(t *testing.T) {
	runRuleCases(t, "persona-few-sources", []ruleCase{
		{"one", with(map[string]string{"personas/fiona.md": persona("sources: [one]")}), "", []string{"personas/fiona.md:9:11 warning"}},
		{"same interview twice counts once", with(map[string]string{"personas/fiona.md": persona("sources: [one, ../interviews/one.md, interviews/one.md]")}), "", []string{"personas/fiona.md:9:11 warning"}},
		{"missing ones do not count", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, nope]")}), "", []string{"personas/fiona.md:9:11 warning"}},
		{"min from config", with(map[string]string{"personas/fiona.md": persona("sources: [one, two]")}), "rules:\n  persona-few-sources: {min: 2}\n", nil},
		{"none is persona-no-sources", with(map[string]string{"personas/fiona.md": persona("sources: []")}), "", nil},
	})
}
