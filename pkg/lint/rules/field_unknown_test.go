package rules

import (
	"strings"
	"testing"
)

func TestFieldUnknown(t *testing.T) {
	runRuleCases(t, "field-unknown", []ruleCase{
		{"typo", with(map[string]string{"personas/fiona.md": persona("frustratons: [x]")}), "", []string{"personas/fiona.md:10:1 warning"}},
		{"allowed by config", with(map[string]string{"personas/fiona.md": persona("jtbd: x")}), "fields:\n  allow: [jtbd]\n", nil},
		{"key of another kind", with(map[string]string{"personas/fiona.md": persona("firmographics: {}")}), "", []string{"personas/fiona.md:10:1 warning"}},
		{"nested closed mapping", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: x", "owners: [a]", "reviewed: 2026-10-01", "firmographics:", "  industrys: [a]", "  regions: [b]")}), "", []string{"icps/saas.md:7:3 warning"}},
		{"free demographics keys", with(map[string]string{"personas/fiona.md": persona("demographics: {pets: cat}")}), "", nil},
		{"Docusaurus's page keys", with(map[string]string{"personas/fiona.md": persona("toc_min_heading_level: 2\ntoc_max_heading_level: 4\nhide_table_of_contents: true\ncustom_edit_url: null\npagination_label: Fiona")}), "", nil},
		{"tags is a site key of an ICP", with(map[string]string{"icps/saas.md": fm("kind: icp", "title: x", "owners: [a]", "reviewed: 2026-10-01", "firmographics: {industries: [a], regions: [b]}", "tags: [b2b]")}), "", nil},
	})
}

// TestFieldUnknownSuggestions: a site generator's keys are accepted but
// never suggested for a typo; the keys lint reads are.
func TestFieldUnknownSuggestions(t *testing.T) {
	tests := []struct {
		name, file, line, want string
	}{
		{"not a site key", "icps/saas.md", "foo: 1", `unknown key "foo" in an ICP; remove it, or list it under fields.allow in .persona.yaml`},
		{"a persona's title", "personas/fiona.md", "titel: Fiona", `unknown key "titel" in a persona; did you mean "title"?`},
		{"site keys are accepted", "personas/fiona.md", "sidebar_position: 3", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := persona(tc.line)
			if tc.file == "icps/saas.md" {
				src = fm("kind: icp", "title: x", tc.line)
			}
			got := lintMessages(t, with(map[string]string{tc.file: src}), "", "field-unknown")
			switch {
			case tc.want == "" && len(got) != 0:
				t.Errorf("got %q, want no finding", got)
			case tc.want != "" && (len(got) != 1 || !strings.HasSuffix(got[0], tc.want)):
				t.Errorf("got %q, want one ending %q", got, tc.want)
			}
		})
	}
}
