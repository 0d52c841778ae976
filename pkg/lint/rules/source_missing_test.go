package rules

import "testing"

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
