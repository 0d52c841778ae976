package rules

import (
	"strings"
	"testing"
)

func TestSourceMissing(t *testing.T) {
	runRuleCases(t, "source-missing", []ruleCase{
		{"unknown id", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, fuor]")}), "", []string{"personas/fiona.md:9:28 error"}},
		{"missing file", with(map[string]string{"personas/fiona.md": persona("sources:", "  - one", "  - ../interviews/gone.md")}), "", []string{"personas/fiona.md:11:5 error"}},
		{"not an interview", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, ../icps/saas.md]"), "notes.md": "# notes\n"}), "", []string{"personas/fiona.md:9:28 error"}},
		{"plain markdown is not an interview", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, notes.md]"), "notes.md": "# notes\n"}), "", []string{"personas/fiona.md:9:28 error"}},
		{"draft is a warning", with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, nope]", "status: draft")}), "", []string{"personas/fiona.md:9:28 warning"}},
		{"paths relative to the file and the root", with(map[string]string{"personas/fiona.md": persona("sources: [../interviews/one.md, interviews/two.md, three]")}), "", nil},
	})
}

func TestSourceMissingSuggests(t *testing.T) {
	tests := []struct{ name, source, want string }{
		{"a misspelt id", "thre", `did you mean "three"?`},
		{"a misspelt path from the root", "interviews/thre.md", `did you mean "interviews/three.md"?`},
		{"a misspelt path from the persona", "../interviews/on.md", `did you mean "../interviews/one.md"?`},
		{"nothing near", "interviews/completely-different.md", "fix the id or path, or add the interview"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := with(map[string]string{"personas/fiona.md": persona("sources: [one, two, three, " + tt.source + "]")})
			got := lintMessages(t, files, "", "source-missing")
			if len(got) != 1 || !strings.HasSuffix(got[0], tt.want) {
				t.Errorf("got %q, want one finding ending %q", got, tt.want)
			}
		})
	}
}
