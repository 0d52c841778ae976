package rules

import "testing"

func TestSourceOutsideWorkspace(t *testing.T) {
	runRuleCases(t, "source-outside-workspace", []ruleCase{
		{"dot-dot escape", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, ../../x.md]")}), "", []string{"personas/fiona.md:9:28 error"}},
		{"absolute path", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, /etc/passwd]")}), "", []string{"personas/fiona.md:9:28 error"}},
		{"escape that one reading keeps inside is missing, not outside", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, ../gone.md]")}), "", nil},
	})
}
