package rules

import "testing"

func TestLintIgnoreNoReason(t *testing.T) {
	runRuleCases(t, "lint-ignore-no-reason", []ruleCase{
		{"no reason", with(map[string]string{"personas/fiona.md": persona("owners: []", "lint:", "  ignore: [no-owners]")}), "", []string{"personas/fiona.md:11:3 warning"}},
		{"blank reason", with(map[string]string{"personas/fiona.md": persona("owners: []", `lint: {ignore: [no-owners], reason: " "}`)}), "", []string{"personas/fiona.md:10:7 warning"}},
		{"with reason", with(map[string]string{"personas/fiona.md": persona("owners: []", "lint: {ignore: [no-owners], reason: shared}")}), "", nil},
	})
}
