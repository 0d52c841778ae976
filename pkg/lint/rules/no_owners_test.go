package rules

import "testing"

func TestNoOwners(t *testing.T) {
	runRuleCases(t, "no-owners", []ruleCase{
		{"persona", with(map[string]string{"personas/fiona.md": persona("owners: <delete>")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"empty list", with(map[string]string{"personas/fiona.md": persona("owners: []")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"icp", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: SaaS", "reviewed: 2026-10-01", "firmographics: {industries: [a], regions: [b]}")}), "", []string{"icps/saas.md:1:1 warning"}},
		{"interviews need none", cleanWorkspace(), "", nil},
	})
}
