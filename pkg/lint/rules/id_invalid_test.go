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

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{"Fiona F": "fiona-f", "Bad_ID": "bad-id", "--": "entity", "Ünïcode 2": "n-code-2"} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
