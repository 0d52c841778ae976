package reporthtml

import (
	"bytes"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"weak"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/report"
)

// TestPrerenderedBodiesServeTheReport builds the same report with bodies
// rendered ahead (all of them, or fewer than it shows, as for a report
// whose bodies changed) and without: the pages are the same, and equal
// bodies are rendered once.
func TestPrerenderedBodiesServeTheReport(t *testing.T) {
	files := map[string]string{
		"icps/saas.md":      "---\nkind: icp\ntitle: SaaS\n---\n# About\n\nMid-market *SaaS*.\n",
		"icps/bank.md":      "---\nkind: icp\ntitle: Bank\n---\n",
		"personas/a.md":     "---\nkind: persona\nname: A\nicp: saas\n---\n## Notes\n\nShared text.\n",
		"personas/b.md":     "---\nkind: persona\nname: B\nicp: saas\n---\n## Notes\n\nShared text.\n",
		"personas/c.md":     "---\nkind: persona\nname: C\nicp: bank\nstatus: retired\n---\n### Deep\n\n- one\n",
		"personas/lost.md":  "---\nkind: persona\nname: Lost\nicp: nowhere\n---\nShown in full.\n",
		"personas/blank.md": "---\nkind: persona\nname: Blank\nicp: bank\n---\n \n",
	}
	ws := load(t, files)
	opts := report.Options{Title: "t", Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	render := func(format string, bodies report.Prerendered) string {
		o := opts
		o.Bodies = bodies
		r := report.Build(ws, nil, o)
		var out bytes.Buffer
		if format == "html" {
			if err := HTML(&out, r); err != nil {
				t.Fatal(err)
			}
			return out.String()
		}
		// Pages come in any order, from all cores.
		var mu sync.Mutex
		pages := map[string]string{}
		err := Site(r, func(f SiteFile) error {
			mu.Lock()
			defer mu.Unlock()
			pages[f.Name] = string(f.Data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range slices.Sorted(maps.Keys(pages)) {
			out.WriteString(name + "\n" + pages[name])
		}
		return out.String()
	}
	for _, format := range []string{"html", "site"} {
		want := render(format, nil)
		// A persona without a known ICP is shown in full too (SPEC §8).
		for _, word := range []string{"<em>SaaS</em>", "Shared text.", "<li>one</li>", "Shown in full."} {
			if !strings.Contains(want, word) {
				t.Errorf("%s: the report shows no %q", format, word)
			}
		}
		pre := Prerender(ws, format)
		if got := render(format, pre); got != want {
			t.Errorf("%s: with bodies prerendered the report differs", format)
		}
		// Rendered for the other format: other heading levels, so none
		// serves, and the report renders its own.
		other := map[string]string{"html": "site", "site": "html"}[format]
		if got := render(format, Prerender(ws, other)); got != want {
			t.Errorf("%s: with the other format's bodies the report differs", format)
		}
		if n := pre.(*Bodies).distinct; n != 4 {
			t.Errorf("%s: %d bodies rendered ahead, want 4 (two ICPs' and three personas', one shared, blanks left out)", format, n)
		}
	}
	if Prerender(ws, "json") != nil {
		t.Error("Prerender started on bodies for JSON, which shows none")
	}
}

// TestReportLetsTheWorkspaceGo: once a report is built, what it holds
// (its prerendered bodies included) keeps no document of the workspace
// alive, so that a large workspace is freed while the page is rendered.
func TestReportLetsTheWorkspaceGo(t *testing.T) {
	ws := load(t, map[string]string{
		"icps/saas.md":  "---\nkind: icp\ntitle: SaaS\n---\n# About\n\nMid-market *SaaS*.\n",
		"personas/a.md": "---\nkind: persona\nname: A\nicp: saas\n---\n## Notes\n\nShared text.\n",
	})
	doc := weak.Make(ws.Lookup(model.KindPersona, "a"))
	if doc.Value() == nil {
		t.Fatal("the workspace has no persona a")
	}
	r := report.Build(ws, nil, report.Options{Title: "t", Bodies: Prerender(ws, "html")})
	ws = nil
	runtime.GC()
	if doc.Value() != nil {
		t.Error("the report keeps the workspace's documents alive")
	}
	var out bytes.Buffer
	if err := HTML(&out, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Shared text.") {
		t.Error("the page lost the persona's body")
	}
}
