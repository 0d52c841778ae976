package rules

import "testing"

func TestPersonaOverlap(t *testing.T) {
	p := func(name, extra string) string {
		return "---\nkind: persona\nname: " + name + "\nicp: saas\nowners: [m]\nreviewed: 2026-10-01\nshare: 0.1\nsources: [one, two, three]\n" + extra + "---\n"
	}
	runRuleCases(t, "persona-overlap", []ruleCase{
		{"the same claims, worded alike", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days, Trust the revenue numbers]\n"),
			"personas/b.md": p("B", "goals: [Close the books within five days, Trust the revenue numbers again, Hire two analysts]\n"),
		}), "", []string{"personas/b.md:1:1 warning"}},
		{"the same role and interviews", with(map[string]string{
			"personas/a.md": p("A", "role: {title: CFO}\ngoals: [x]\n"),
			"personas/b.md": p("B", "role: {title: cfo}\ngoals: [y]\n"),
		}), "", []string{"personas/b.md:1:1 warning"}},
		{"different people", with(map[string]string{
			"personas/a.md": p("A", "role: {title: CFO}\ngoals: [Close the books in five days]\n"),
			"personas/b.md": p("B", "role: {title: Data engineer}\ngoals: [Ship pipelines without paging]\nsources: [one]\n"),
		}), "rules:\n  persona-few-sources: off\n", nil},
		{"a negative persona is not compared", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days]\n"),
			"personas/b.md": p("B", "type: negative\ngoals: [Close the books in five days]\n"),
		}), "", nil},
		{"a stricter min_overlap", with(map[string]string{
			"personas/a.md": p("A", "goals: [Close the books in five days, Trust the revenue numbers]\n"),
			"personas/b.md": p("B", "goals: [Close the books within five days, Hire two analysts]\n"),
		}), "rules:\n  persona-overlap: {min_overlap: 0.9}\n", nil},
	})
}
