package rules

import "testing"

func TestInterviewNoConsent(t *testing.T) {
	runRuleCases(t, "interview-no-consent", []ruleCase{
		{"missing", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01")}), "", []string{"interviews/one.md:1:1 warning"}},
		{"false", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: false")}), "", []string{"interviews/one.md:4:10 warning"}},
		{"malformed is field-type's", with(map[string]string{"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: maybe")}), "", nil},
	})
}
