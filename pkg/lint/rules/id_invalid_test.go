package rules

import "testing"

func TestIDInvalid(t *testing.T) {
	runRuleCases(t, "id-invalid", []ruleCase{
		{"explicit id", with(map[string]string{"personas/fiona.md": persona("id: Fiona_F")}), "", []string{"personas/fiona.md:10:5 error"}},
		{"file name with spaces", with(map[string]string{"personas/Fiona F.md": persona(), "personas/fiona.md": ""}), "", []string{"personas/Fiona F.md:1:1 error"}},
		{"leading dash", with(map[string]string{"personas/fiona.md": persona("id: -fiona")}), "", []string{"personas/fiona.md:10:5 error"}},
		{"slug", with(map[string]string{"personas/fiona.md": persona("id: fiona-2")}), "", nil},
	})
}
