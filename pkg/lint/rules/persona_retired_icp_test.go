package rules

import "testing"

func TestPersonaRetiredICP(t *testing.T) {
	retired := fm("kind: icp", "title: Old", "status: retired", "firmographics: {industries: [a], regions: [b]}")
	runRuleCases(t, "persona-retired-icp", []ruleCase{
		{"active persona", with(map[string]string{"icps/old.md": retired, "personas/fiona.md": persona("icp: old")}), "", []string{"personas/fiona.md:4:6 warning"}},
		{"retired persona", with(map[string]string{"icps/old.md": retired, "personas/fiona.md": persona("icp: old", "status: retired")}), "", nil},
		{"draft persona", with(map[string]string{"icps/old.md": retired, "personas/fiona.md": persona("icp: old", "status: draft")}), "", nil},
	})
}
