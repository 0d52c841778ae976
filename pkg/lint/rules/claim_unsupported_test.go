package rules

import (
	"fmt"
	"testing"
)

func TestClaimUnsupported(t *testing.T) {
	fiona := replaceLine(cleanWorkspace()["personas/fiona.md"], "goals: [Close faster]",
		"goals:\n  - Close faster\n  - text: Trust the numbers\n    evidence: [one]\nobjections: [Too expensive]")
	on := "rules:\n  claim-unsupported: warning\n"
	runRuleCases(t, "claim-unsupported", []ruleCase{
		{"off by default", with(map[string]string{"personas/fiona.md": fiona}), "", nil},
		{"every claim without evidence, when on", with(map[string]string{"personas/fiona.md": fiona}), on,
			[]string{"personas/fiona.md:9:5 warning", "personas/fiona.md:12:14 warning"}},
		{"only the lists asked for", with(map[string]string{"personas/fiona.md": fiona}), "rules:\n  claim-unsupported: {severity: warning, lists: [objections]}\n",
			[]string{"personas/fiona.md:12:14 warning"}},
	})
}

func TestPersonaNewEvidence(t *testing.T) {
	newer := "---\nkind: interview\ndate: 2026-10-20\nicp: saas\nconsent: true\n---\n"
	runRuleCases(t, "persona-new-evidence", []ruleCase{
		{"uncited interviews after reviewed", with(map[string]string{"interviews/four.md": newer, "interviews/five.md": newer}), "",
			[]string{"personas/fiona.md:6:11 info"}},
		{"cited, or older, is fine", with(map[string]string{"interviews/four.md": "---\nkind: interview\ndate: 2026-09-20\nicp: saas\nconsent: true\n---\n"}), "", nil},
		{"another ICP's interview", with(map[string]string{"interviews/four.md": "---\nkind: interview\ndate: 2026-10-20\nicp: other\nconsent: true\n---\n"}), "", nil},
	})
	got := lintMessages(t, with(map[string]string{"interviews/four.md": newer, "interviews/five.md": newer}), "", "persona-new-evidence")
	if len(got) != 1 || got[0] != `personas/fiona.md:6:11 info 2 interviews of ICP "saas", dated after this persona was reviewed (2026-10-01), are not cited; the newest is "five" of 2026-10-20 — re-validate the persona against them` {
		t.Errorf("got %q", got)
	}
}

func TestClaimUnsupportedOption(t *testing.T) {
	configErrorCases(t, []configErrorCase{
		{"not a list", "rules:\n  claim-unsupported: {lists: goals}\n", "must be a list, such as [goals, frustrations]"},
		{"not a claim list", "rules:\n  claim-unsupported: {lists: [goals, channels]}\n", `"channels" is not a claim list; use goals, motivations`},
	})
}

// TestClaimUnsupportedKeepsTheFirstInOutputOrder: a persona of more
// unsupported claims than a file may report keeps the first in output
// order (SPEC findings-capped), also when an alias repeats claims written
// above those decoded before it.
func TestClaimUnsupportedKeepsTheFirstInOutputOrder(t *testing.T) {
	lines := []string{"kind: persona", "name: Fiona", "icp: saas", "owners: [marketing]", "reviewed: 2026-10-01",
		"share: 0.5", "sources: [one, two, three]", "motivations: &m"}
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("  - Motivation %d", i))
	}
	lines = append(lines, "goals:")
	for i := range 60 {
		lines = append(lines, fmt.Sprintf("  - Goal %d", i))
	}
	lines = append(lines, "aspirations: *m")
	got := lintFindings(t, with(map[string]string{"personas/fiona.md": fm(lines...)}), "rules:\n  claim-unsupported: warning\n", "claim-unsupported")
	// Motivations are on lines 10 to 69, each reported twice (as itself
	// and through the alias): the first 100 are lines 10 to 59.
	if len(got) != 100 || got[0] != "personas/fiona.md:10:5 warning" || got[99] != "personas/fiona.md:59:5 warning" {
		t.Errorf("kept %d findings, %q ... %q; want 100, from line 10 to line 59", len(got), got[0], got[len(got)-1])
	}
}
