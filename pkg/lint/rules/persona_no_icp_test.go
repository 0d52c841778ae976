package rules

import "testing"

func TestPersonaNoICP(t *testing.T) {
	runRuleCases(t, "persona-no-icp", []ruleCase{
		{"missing", with(map[string]string{"personas/fiona.md": persona("icp: <delete>")}), "", []string{"personas/fiona.md:1:1 error"}},
		{"empty", with(map[string]string{"personas/fiona.md": persona(`icp: ""`)}), "", []string{"personas/fiona.md:4:6 error"}},
		{"present", cleanWorkspace(), "", nil},
		{"a draft's is a warning (SPEC §3)", with(map[string]string{"personas/fiona.md": persona("icp: <delete>", "status: draft")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"a proto-persona's is a warning", with(map[string]string{"personas/fiona.md": persona("icp: <delete>", "status: proto")}), "", []string{"personas/fiona.md:1:1 warning"}},
	})
}
