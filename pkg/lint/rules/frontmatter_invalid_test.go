package rules

import "testing"

func TestFrontmatterInvalid(t *testing.T) {
	runRuleCases(t, "frontmatter-invalid", []ruleCase{
		{"bad yaml points at its line and column", with(map[string]string{"personas/x.md": "---\nkind: persona\nname: x\ngoals: [a\n---\n"}), "", []string{"personas/x.md:4:8 error"}},
		{"unclosed", with(map[string]string{"personas/x.md": "---\nkind: persona\nname: x\n"}), "", []string{"personas/x.md:1:1 error"}},
		{"not a mapping", with(map[string]string{"personas/x.md": "---\n- kind: persona\n---\n"}), "", []string{"personas/x.md:1:1 error"}},
		{"toml entity", with(map[string]string{"personas/x.md": "+++\nkind = \"persona\"\n+++\n"}), "", []string{"personas/x.md:2:1 error"}},
		{"broken docs page without kind", with(map[string]string{"docs/x.md": "---\ntitle: [a\n---\n"}), "", nil},
		{"downgraded by config", with(map[string]string{"personas/x.md": "---\nkind: persona\n"}), "rules:\n  frontmatter-invalid: warning\n", []string{"personas/x.md:1:1 warning"}},
	})
}
