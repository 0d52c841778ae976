package rules

import "testing"

func TestPersonaNoICP(t *testing.T) {
	runRuleCases(t, "persona-no-icp", []ruleCase{
		{"missing", with(map[string]string{"personas/fiona.md": persona("icp: <delete>")}), "", []string{"personas/fiona.md:1:1 error"}},
		{"empty", with(map[string]string{"personas/fiona.md": persona(`icp: ""`)}), "", []string{"personas/fiona.md:4:6 error"}},
		{"present", cleanWorkspace(), "", nil},
	})
}
