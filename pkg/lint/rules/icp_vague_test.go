package rules

import "testing"

func TestICPVague(t *testing.T) {
	icp := func(lines ...string) string {
		return fm(append([]string{"kind: icp", "title: SaaS", "owners: [a]", "reviewed: 2026-10-01"}, lines...)...)
	}
	runRuleCases(t, "icp-vague", []ruleCase{
		{"one constraint", with(map[string]string{"icps/saas.md": icp("firmographics: {industries: [a]}")}), "", []string{"icps/saas.md:1:1 warning"}},
		{"none", with(map[string]string{"icps/saas.md": icp()}), "", []string{"icps/saas.md:1:1 warning"}},
		{"empty values do not count", with(map[string]string{"icps/saas.md": icp("firmographics: {industries: [], regions: [a]}")}), "", []string{"icps/saas.md:1:1 warning"}},
		{"demographics count", with(map[string]string{"icps/saas.md": icp("segment: b2c", "demographics: {age: {min: 18}, interests: [games]}")}), "", nil},
		{"min_constraints from config", with(map[string]string{"icps/saas.md": icp("firmographics: {industries: [a], regions: [b]}")}), "rules:\n  icp-vague: {min_constraints: 3}\n", []string{"icps/saas.md:1:1 warning"}},
	})
}
