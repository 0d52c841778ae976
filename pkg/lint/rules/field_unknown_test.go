package rules

import "testing"

func TestFieldUnknown(t *testing.T) {
	runRuleCases(t, "field-unknown", []ruleCase{
		{"typo", with(map[string]string{"personas/fiona.md": persona("frustratons: [x]")}), "", []string{"personas/fiona.md:10:1 warning"}},
		{"allowed by config", with(map[string]string{"personas/fiona.md": persona("jtbd: x")}), "fields:\n  allow: [jtbd]\n", nil},
		{"key of another kind", with(map[string]string{"personas/fiona.md": persona("firmographics: {}")}), "", []string{"personas/fiona.md:10:1 warning"}},
		{"nested closed mapping", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: x", "owners: [a]", "reviewed: 2026-10-01", "firmographics:", "  industrys: [a]", "  regions: [b]")}), "", []string{"icps/saas.md:7:3 warning"}},
		{"free demographics keys", with(map[string]string{"personas/fiona.md": persona("demographics: {pets: cat}")}), "", nil},
	})
}
