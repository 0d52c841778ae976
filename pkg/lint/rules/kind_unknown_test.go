package rules

import "testing"

func TestKindUnknown(t *testing.T) {
	runRuleCases(t, "kind-unknown", []ruleCase{
		{"typo", with(map[string]string{"personas/x.md": fm("name: x", "kind: persnoa")}), "", []string{"personas/x.md:3:7 warning"}},
		{"capitalised", with(map[string]string{"icps/x.md": fm("kind: ICP")}), "", []string{"icps/x.md:2:7 warning"}},
		{"another tool's kind", with(map[string]string{"docs/x.md": fm("kind: page")}), "", nil},
		{"far from every kind", with(map[string]string{"docs/x.md": fm("kind: documentation")}), "", nil},
	})
}
