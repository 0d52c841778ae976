package rules

import (
	"slices"
	"testing"
)

func TestSectionMissing(t *testing.T) {
	cfg := "rules:\n  section-missing: {severity: warning, required: {persona: [Goals, Evidence]}}\n"
	runRuleCases(t, "section-missing", []ruleCase{
		{"off by default", with(map[string]string{"personas/fiona.md": persona() + "# Fiona\n"}), "", nil},
		{"both missing", with(map[string]string{"personas/fiona.md": persona() + "# Fiona\n"}), cfg, []string{"personas/fiona.md:1:1 warning", "personas/fiona.md:1:1 warning"}},
		{"present, any level and case", with(map[string]string{"personas/fiona.md": persona() + "## goals\ntext\n\n### Evidence\n"}), cfg, nil},
		{"heading in a code block does not count", with(map[string]string{"personas/fiona.md": persona() + "## Goals\n\n```\n# Evidence\n```\n"}), cfg, []string{"personas/fiona.md:1:1 warning"}},
		{"other kinds unaffected", with(map[string]string{"personas/fiona.md": persona() + "## Goals\n## Evidence\n",
			"interviews/one.md": fm("kind: interview", "date: 2026-01-01", "consent: true") + "no headings\n"}), cfg, nil},
	})
}

func TestHeadings(t *testing.T) {
	got := Headings([]byte("# A\ntext\n\nB\n---\n\n## C *em*\n"))
	if want := []string{"A", "B", "C *em*"}; !slices.Equal(got, want) {
		t.Errorf("Headings = %q, want %q", got, want)
	}
}
