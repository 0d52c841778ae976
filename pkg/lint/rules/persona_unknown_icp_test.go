package rules

import "testing"

func TestPersonaUnknownICP(t *testing.T) {
	runRuleCases(t, "persona-unknown-icp", []ruleCase{
		{"typo", with(map[string]string{"personas/fiona.md": persona("icp: sass")}), "", []string{"personas/fiona.md:4:6 error"}},
		{"icp of no workspace file", with(map[string]string{"personas/fiona.md": persona("icp: enterprise")}), "", []string{"personas/fiona.md:4:6 error"}},
		{"persona id is not an icp", with(map[string]string{"personas/fiona.md": persona("icp: fiona")}), "", []string{"personas/fiona.md:4:6 error"}},
		{"known", cleanWorkspace(), "", nil},
	})
}
