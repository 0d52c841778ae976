package rules

import "testing"

func TestICPNoPersonas(t *testing.T) {
	runRuleCases(t, "icp-no-personas", []ruleCase{
		{"no persona", with(map[string]string{"personas/fiona.md": persona("icp: other")}), "", []string{"icps/saas.md:1:1 warning"}},
		{"only a draft", with(map[string]string{"personas/fiona.md": persona("status: draft")}), "", []string{"icps/saas.md:1:1 warning"}},
		{"only a negative persona", with(map[string]string{"personas/fiona.md": persona("type: negative")}), "", []string{"icps/saas.md:1:1 warning"}},
		{"retired icp is not judged", with(map[string]string{"personas/fiona.md": persona("icp: other"),
			"icps/saas.md": fm("kind: icp", "title: SaaS", "status: retired")}), "", nil},
	})
}
