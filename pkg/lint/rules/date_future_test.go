package rules

import (
	"fmt"
	"testing"
)

func TestDateFuture(t *testing.T) {
	fiona := cleanWorkspace()["personas/fiona.md"]
	iv := "---\nkind: interview\ndate: %s\nicp: saas\ninterviewee: {company_size: 200}\nconsent: true\n---\n"
	runRuleCases(t, "date-future", []ruleCase{
		{"an interview tomorrow", with(map[string]string{"interviews/one.md": fmt.Sprintf(iv, "2026-11-23")}), "", []string{"interviews/one.md:3:7 warning"}},
		{"an interview today, with a time", with(map[string]string{"interviews/one.md": fmt.Sprintf(iv, "2026-11-22T18:30")}), "", nil},
		{"reviewed next year", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "reviewed: 2026-10-01", "reviewed: 2027-01-01")}), "",
			[]string{"personas/fiona.md:6:11 warning"}},
		{"all in the past", cleanWorkspace(), "", nil},
	})
}

func TestSourceAbsolute(t *testing.T) {
	fiona := cleanWorkspace()["personas/fiona.md"]
	runRuleCases(t, "source-absolute", []ruleCase{
		{"unix, windows, UNC and file URL", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "sources: [one, two, three]",
			"sources:\n  - /home/sam/interviews/one.md\n  - 'C:\\Users\\sam\\two.md'\n  - '\\\\share\\three.md'\n  - file:///tmp/x.md\n  - one")}), "",
			[]string{"personas/fiona.md:10:5 warning", "personas/fiona.md:11:5 warning", "personas/fiona.md:12:5 warning", "personas/fiona.md:13:5 warning"}},
		{"relative paths and ids", with(map[string]string{"personas/fiona.md": replaceLine(fiona, "sources: [one, two, three]",
			"sources: [../interviews/one.md, interviews/two.md, three]")}), "", nil},
	})
}

func TestRetiredPersonasKeepTheirHistory(t *testing.T) {
	retired := "---\nkind: persona\nname: Old\nstatus: retired\nicp: saas\nowners: [m]\nreviewed: 2020-01-01\ngoals: [x]\nsources: [one, missing-one]\n---\n"
	bare := "---\nkind: persona\nname: Older\nstatus: retired\nicp: saas\nowners: [m]\ngoals: [x]\n---\n"
	files := with(map[string]string{"personas/old.md": retired, "personas/older.md": bare})
	for _, rule := range []string{"persona-no-sources", "persona-few-sources", "source-icp-mismatch", "stale"} {
		if got := lintFindings(t, files, "", rule); len(got) != 0 {
			t.Errorf("%s fired on a retired persona: %v", rule, got)
		}
	}
	// A broken reference is still broken.
	if got := lintFindings(t, files, "", "source-missing"); len(got) != 1 {
		t.Errorf("source-missing on a retired persona: %v, want the one broken source", got)
	}
}

func TestOneInterviewCitedTwiceCountsOnce(t *testing.T) {
	fiona := replaceLine(cleanWorkspace()["personas/fiona.md"], "sources: [one, two, three]",
		"sources: [one, interviews/one.md, ../interviews/one.md, ./interviews/one.md, two]")
	got := lintFindings(t, with(map[string]string{"personas/fiona.md": fiona}), "", "persona-few-sources")
	if len(got) != 1 {
		t.Fatalf("persona-few-sources = %v; five citations of two interviews are two", got)
	}
}
