package rules

import "testing"

func TestICPTooManyPersonas(t *testing.T) {
	many := func(n int, extra ...string) map[string]string {
		files := map[string]string{}
		for i := range n {
			files["personas/p"+string(rune('a'+i))+".md"] = persona(append([]string{"share: 0.01"}, extra...)...)
		}
		return with(files)
	}
	runRuleCases(t, "icp-too-many-personas", []ruleCase{
		{"seven with fiona", many(6), "", []string{"icps/saas.md:1:1 warning"}},
		{"six with fiona", many(5), "", nil},
		{"max from config", many(2), "rules:\n  icp-too-many-personas: {max: 2}\n", []string{"icps/saas.md:1:1 warning"}},
		{"negative personas do not count", many(6, "type: negative"), "", nil},
		{"drafts do not count", many(6, "status: draft"), "", nil},
	})
}
