package rules

import (
	"strings"
	"testing"
)

func TestBodyTooComplex(t *testing.T) {
	nested := "text\n" + strings.Repeat(">", 1000) + " deep\n"
	runRuleCases(t, "body-too-complex", []ruleCase{
		{"nested blockquotes in a persona", with(map[string]string{"personas/fiona.md": cleanWorkspace()["personas/fiona.md"] + nested}), "",
			[]string{"personas/fiona.md:12:1 warning"}},
		{"open links in an interview", with(map[string]string{"interviews/one.md": cleanWorkspace()["interviews/one.md"] + strings.Repeat("[a](", 1000)}), "",
			[]string{"interviews/one.md:8:1 warning"}},
		{"ordinary prose", with(map[string]string{"personas/fiona.md": cleanWorkspace()["personas/fiona.md"] + "## Goals\n\n- *Close* the books [@one]\n"}), "", nil},
		{"turned off", with(map[string]string{"personas/fiona.md": cleanWorkspace()["personas/fiona.md"] + nested}), "rules:\n  body-too-complex: off\n", nil},
	})
}
