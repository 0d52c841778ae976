package rules

import (
	"fmt"
	"strings"
	"testing"
)

func TestFindingsCapped(t *testing.T) {
	emails := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "write to person%d@example.com\n", i)
		}
		return b.String()
	}
	interview := cleanWorkspace()["interviews/one.md"]
	runRuleCases(t, "findings-capped", []ruleCase{
		{"100 findings are not capped", with(map[string]string{"interviews/one.md": interview + emails(100)}), "", nil},
		{"101 findings are", with(map[string]string{"interviews/one.md": interview + emails(101)}), "", []string{"interviews/one.md:1:1 info"}},
		{"200,000 findings are, once", with(map[string]string{"interviews/one.md": interview + emails(200_000)}), "", []string{"interviews/one.md:1:1 info"}},
		{"turned off", with(map[string]string{"interviews/one.md": interview + emails(101)}), "rules:\n  findings-capped: off\n", nil},
		{"a suppressed rule is not capped", with(map[string]string{"interviews/one.md": strings.Replace(interview, "consent: true", "consent: true\nlint: {ignore: [interview-pii], reason: synthetic}", 1) + emails(101)}), "", nil},
	})
	t.Run("the first 100 are kept", func(t *testing.T) {
		got := lintFindings(t, with(map[string]string{"interviews/one.md": interview + emails(250)}), "", "interview-pii")
		if len(got) != 100 || got[0] != "interviews/one.md:8:10 warning" || got[99] != "interviews/one.md:107:10 warning" {
			t.Errorf("kept %d interview-pii findings, from %q to %q; want 100, lines 8 to 107", len(got), got[0], got[len(got)-1])
		}
	})
}
