package rules

import "testing"

func TestInterviewOrphan(t *testing.T) {
	runRuleCases(t, "interview-orphan", []ruleCase{
		{"uncited", with(map[string]string{"interviews/four.md": fm("kind: interview", "date: 2026-01-01", "consent: true")}), "", []string{"interviews/four.md:1:1 info"}},
		{"cited by path", with(map[string]string{"interviews/four.md": fm("kind: interview", "date: 2026-01-01", "consent: true"),
			"personas/fiona.md": persona("sources: [one, two, three, ../interviews/four.md]")}), "", nil},
		{"turned off", with(map[string]string{"interviews/four.md": fm("kind: interview", "date: 2026-01-01", "consent: true")}), "rules:\n  interview-orphan: off\n", nil},
	})
}
