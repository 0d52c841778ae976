package rules

import (
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
