package rules

import "testing"

func TestPersonaDemographicsOnly(t *testing.T) {
	runRuleCases(t, "persona-demographics-only", []ruleCase{
		{"demographics only", with(map[string]string{"personas/fiona.md": persona("goals: <delete>", "demographics: {age_range: 30-40}")}), "", []string{"personas/fiona.md:1:1 warning"}},
		{"frustrations suffice", with(map[string]string{"personas/fiona.md": persona("goals: <delete>", "frustrations: [Manual close]")}), "", nil},
		{"aspirations suffice", with(map[string]string{"personas/fiona.md": persona("goals: <delete>", "aspirations: [CFO]")}), "", nil},
	})
}
