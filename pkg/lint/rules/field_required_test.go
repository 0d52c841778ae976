package rules

import "testing"

func TestFieldRequired(t *testing.T) {
	runRuleCases(t, "field-required", []ruleCase{
		{"persona without name", with(map[string]string{"personas/fiona.md": persona("name: <delete>")}), "", []string{"personas/fiona.md:1:1 error"}},
		{"persona with empty name", with(map[string]string{"personas/fiona.md": persona(`name: ""`)}), "", []string{"personas/fiona.md:3:7 error"}},
		{"icp without title", with(map[string]string{"icps/other.md": fm("kind: icp")}), "", []string{"icps/other.md:1:1 error"}},
		{"interview without date", with(map[string]string{"interviews/x.md": fm("kind: interview", "consent: true")}), "", []string{"interviews/x.md:1:1 error"}},
		{"malformed date is field-type's", with(map[string]string{"interviews/x.md": fm("kind: interview", "date: soon")}), "", nil},
	})
}
