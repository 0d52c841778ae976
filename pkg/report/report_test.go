package report

import (
	"testing"
	"time"

	"github.com/personakit/persona/pkg/generate"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

func load(t *testing.T, files map[string]string) *workspace.Workspace {
	t.Helper()
	root := t.TempDir()
	if err := generate.Files(root, files); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(root, workspace.Options{KeepBodies: true})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestBuild checks the logic a report adds to the workspace: share
// coverage, evidence strength, staleness as the caller judges it, citations
// and uncited interviews.
func TestAtAGlance(t *testing.T) {
	today := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		totals Totals
		newest time.Time
		want   string
	}{
		{"an empty workspace", Totals{}, time.Time{}, "No active personas yet; no interviews yet."},
		{"one day", Totals{CountedPersonas: 2, GroundedPersonas: 2}, today.AddDate(0, 0, -1), "2 of 2 active personas grounded in 3 or more interviews; newest interview 1 day ago."},
		{"today, all cited", Totals{CountedPersonas: 1}, today, "0 of 1 active persona grounded in 3 or more interviews; newest interview today."},
		{"a date ahead", Totals{CountedPersonas: 1, UncitedInterviews: 2, StaleEntities: 3}, today.AddDate(0, 0, 5),
			"0 of 1 active persona grounded in 3 or more interviews; 3 stale entities; newest interview dated in the future (2026-11-27); 2 uncited interviews."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := atAGlance(tc.totals, tc.newest, today); got != tc.want {
				t.Errorf("atAGlance = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBuild(t *testing.T) {
	iv := func(date string) string { return "---\nkind: interview\ndate: " + date + "\nicp: saas\n---\n" }
	ws := load(t, map[string]string{
		"icps/saas.md":        "---\nkind: icp\ntitle: SaaS\n---\n",
		"personas/fiona.md":   "---\nkind: persona\nname: Fiona\nicp: saas\nshare: 0.5\nsources: [a, b, interviews/c.md, c]\n---\n",
		"personas/ravi.md":    "---\nkind: persona\nname: Ravi\nicp: saas\nshare: \"70%\"\nsources: [a]\n---\n",
		"personas/neg.md":     "---\nkind: persona\nname: Neg\nicp: saas\ntype: negative\nshare: 0.9\n---\n",
		"personas/nobody.md":  "---\nkind: persona\nname: Nobody\nicp: nowhere\n---\n",
		"personas/noshare.md": "---\nkind: persona\nname: Noshare\nicp: saas\nstatus: active\n---\n",
		"interviews/a.md":     iv("2026-10-01"),
		"interviews/b.md":     iv("2026-09-01"),
		"interviews/c.md":     iv("2024-01-01"),
		"interviews/d.md":     iv("2026-01-01"),
	})
	staleOnes := map[string]bool{"ravi": true}
	r := Build(ws, nil, Options{
		Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
		Stale: func(d *model.Document) bool { return staleOnes[d.ID] },
	})
	if len(r.ICPs) != 1 {
		t.Fatalf("%d ICPs", len(r.ICPs))
	}
	icp := r.ICPs[0]
	// 0.5 + 0.7: the negative persona does not count, one states no share.
	if icp.Share.Total != 1.2 || icp.Share.Unassigned != 0 || icp.Share.Unknown != 1 {
		t.Errorf("share = %+v, want total 1.2, unassigned 0, 1 without share", icp.Share)
	}
	// fiona cites three interviews; ravi one; noshare and nobody none. Interview a
	// (2026-10-01) is the newest; d is cited by nobody.
	if want := "1 of 4 active personas grounded in 3 or more interviews; 1 stale entity; newest interview 52 days ago; 1 uncited interview."; r.Summary.AtAGlance != want {
		t.Errorf("at a glance = %q, want %q", r.Summary.AtAGlance, want)
	}
	// Lint's count: fiona, ravi, noshare; not the negative persona.
	if icp.ActivePersonas != 3 || len(icp.Personas) != 4 || PersonaCount(icp.ActivePersonas, len(icp.Personas)) != "3 active of 4" {
		t.Errorf("%d active of %d personas, want 3 of 4", icp.ActivePersonas, len(icp.Personas))
	}
	evidence := map[string]string{}
	for _, p := range icp.Personas {
		evidence[p.ID] = p.Evidence.Confidence
		if p.ID == "fiona" && (p.Evidence.Interviews != 3 || p.Evidence.Newest != "2026-10-01") {
			t.Errorf("fiona's evidence = %+v; c cited twice counts once", p.Evidence)
		}
	}
	if evidence["fiona"] != "high" || evidence["ravi"] != "low" {
		t.Errorf("evidence = %v", evidence)
	}
	if r.Summary.StaleEntities != 1 {
		t.Errorf("stale = %d, want the one the caller judged stale", r.Summary.StaleEntities)
	}
	if len(r.Unassigned) != 1 || r.Unassigned[0].ID != "nobody" {
		t.Errorf("unassigned = %+v", r.Unassigned)
	}
	if len(r.Uncited) != 1 || r.Uncited[0].ID != "d" {
		t.Errorf("uncited = %+v", r.Uncited)
	}
	var aCitedBy []string
	for _, c := range icp.Citations {
		if c.Interview == "a" {
			aCitedBy = c.CitedBy
		}
	}
	if len(aCitedBy) != 2 {
		t.Errorf("interview a cited by %v, want fiona and ravi", aCitedBy)
	}
}

// TestQuoteLinesFromTheLintRun: a claim's quote is shown on the line the
// lint run found it on (Options.QuoteLine), and a quote the run did not
// find is looked for in the notes, as without the run.
func TestQuoteLinesFromTheLintRun(t *testing.T) {
	ws := load(t, map[string]string{
		"icps/saas.md": "---\nkind: icp\ntitle: SaaS\n---\n",
		"personas/fiona.md": "---\nkind: persona\nname: Fiona\nicp: saas\ngoals:\n  - text: Close faster\n    evidence:\n" +
			"      - {interview: a, quote: told by the run}\n      - {interview: a, quote: second line}\n---\n",
		"interviews/a.md": "---\nkind: interview\nicp: saas\n---\nfirst line\nsecond line\ntold by the run\n",
	})
	iv := ws.Lookup(model.KindInterview, "a")
	lines := func(o Options) []int {
		r := Build(ws, nil, o)
		var out []int
		for _, e := range r.ICPs[0].Personas[0].Claims[0].Evidence {
			out = append(out, e.Line)
		}
		return out
	}
	today := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	if got := lines(Options{Today: today}); len(got) != 2 || got[0] != iv.BodyLine+2 || got[1] != iv.BodyLine+1 {
		t.Fatalf("lines looked for in the notes: %v, want %d and %d", got, iv.BodyLine+2, iv.BodyLine+1)
	}
	told := func(d *model.Document, q string) (int, bool) { return 40, d == iv && q == "told by the run" }
	if got := lines(Options{Today: today, QuoteLine: told}); len(got) != 2 || got[0] != iv.BodyLine+40 || got[1] != iv.BodyLine+1 {
		t.Errorf("lines with the run's: %v, want %d (as told) and %d (looked for)", got, iv.BodyLine+40, iv.BodyLine+1)
	}
}
