package rules

import (
	"strings"
	"testing"
)

func TestPlaceholderText(t *testing.T) {
	fiona := cleanWorkspace()["personas/fiona.md"]
	runRuleCases(t, "placeholder-text", []ruleCase{
		{"a built-in template's goal", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "goals: [Close faster]", "goals: [\"TODO: a goal you heard in interviews\"]")}), "",
			[]string{"personas/fiona.md:8:10 error"}},
		{"TODO in a name", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "name: Fiona", "name: \"TODO: a name\"")}), "",
			[]string{"personas/fiona.md:3:8 error"}},
		{"a slug placeholder", with(map[string]string{"interviews/one.md": cleanWorkspace()["interviews/one.md"] + "\nRegion: TODO-region\n"}), "",
			[]string{"interviews/one.md:9:9 error"}},
		{"TBD and lorem ipsum in the body", with(map[string]string{"personas/fiona.md": fiona + "Budget is TBD.\n\nLorem ipsum dolor sit amet.\n"}), "",
			[]string{"personas/fiona.md:11:11 error", "personas/fiona.md:13:1 error"}},
		{"a JSX style object in an MDX page is no template", with(map[string]string{"personas/fiona.md": fiona + "<img style={{border: 'none'}} />\n<Tabs groupId={{ id: 1 }}/>\n"}), "", nil},
		{"a handlebars expression still is", with(map[string]string{"personas/fiona.md": fiona + "Hello {{name}}\n"}), "", []string{"personas/fiona.md:11:7 error"}},
		{"a spoken TBD in an interview's notes is what was said", with(map[string]string{"interviews/one.md": cleanWorkspace()["interviews/one.md"] + "\nThe budget is TBD, she said, and the TODO list is long. Lorem ipsum, she called the draft.\n"}), "", nil},
		{"a template marker in an interview's notes is not", with(map[string]string{"interviews/one.md": cleanWorkspace()["interviews/one.md"] + "\nRole: TODO: their job title\n"}), "",
			[]string{"interviews/one.md:9:7 error"}},
		{"an unrendered template action", with(map[string]string{"personas/fiona.md": fiona + "# {{ .Name }}\n"}), "",
			[]string{"personas/fiona.md:11:3 error"}},
		{"placeholders of older templates", with(map[string]string{"personas/fiona.md": fiona + "- replace-with-an-industry\n"}), "",
			[]string{"personas/fiona.md:11:3 error"}},
		{"a YAML comment is guidance, not a value", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "name: Fiona", "name: Fiona # TODO check")}), "", nil},
		{"a quoted # is a value", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "name: Fiona", "name: \"Fiona #TODO\"")}), "",
			[]string{"personas/fiona.md:3:15 error"}},
		{"code blocks, Hugo shortcodes and ordinary words", with(map[string]string{"personas/fiona.md": fiona +
			"```\nTODO in an example\n```\n\n{{< figure src=\"x.png\" >}}\n\nHer todo list is long; she wants to replace her spreadsheet with one tool.\n"}), "", nil},
		{"turned off", with(map[string]string{"personas/fiona.md": fiona + "TODO\n"}), "rules:\n  placeholder-text: off\n", nil},
	})
}

// replaceLine returns src with its line old replaced by new.
func replaceLine(src, old, new string) string {
	if !strings.Contains(src, old+"\n") {
		panic("no line " + old)
	}
	return strings.Replace(src, old+"\n", new+"\n", 1)
}

// FuzzPlaceholderHint holds the quick pre-check to the expression: whatever
// the expression matches, the pre-check must let through.
func FuzzPlaceholderHint(f *testing.F) {
	for _, s := range []string{"TODO", "a TBD", "{{ .Name }}", "Lorem ipsum", "LOREM IPSUM", "x replace-with-y", `"Replace with z"`, "with", "p", "w"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if placeholderPattern.MatchString(s) && !mayHoldPlaceholder([]byte(s)) {
			t.Fatalf("%q matches the placeholder expression but the pre-check skips it", s)
		}
	})
}
