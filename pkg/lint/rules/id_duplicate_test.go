package rules

import "testing"

func TestIDDuplicate(t *testing.T) {
	runRuleCases(t, "id-duplicate", []ruleCase{
		{"same id, later path reported", with(map[string]string{"personas/z.md": persona("id: fiona")}), "", []string{"personas/z.md:10:5 error"}},
		{"file name collides with explicit id", with(map[string]string{"personas/a.md": persona("id: fiona")}), "", []string{"personas/fiona.md:1:1 error"}},
		{"three copies", with(map[string]string{"personas/x.md": persona("id: fiona"), "personas/y.md": persona("id: fiona")}), "", []string{"personas/x.md:10:5 error", "personas/y.md:10:5 error"}},
		{"same id, different kinds", with(map[string]string{"interviews/fiona.md": fm("kind: interview", "date: 2026-01-01", "consent: true")}), "", nil},
	})
}
