package reporthtml

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/report"
)

// TestHTMLIDsAreUnique renders personas that share an id, and ids that
// would collide with another's heading or are not id material: every
// element id is unique and every in-page link has its target.
func TestHTMLIDsAreUnique(t *testing.T) {
	persona := func(id string) string {
		return "---\nkind: persona\nid: " + id + "\nname: P\nicp: saas\n---\n"
	}
	ws := load(t, map[string]string{
		"icps/saas.md":      "---\nkind: icp\ntitle: SaaS\n---\n",
		"personas/a.md":     persona("crowd-a"),
		"personas/b.md":     persona("crowd-a"),
		"personas/c.md":     persona("crowd-a-h"),
		"personas/d.md":     persona(`"a b<c"`),
		"personas/e.md":     persona("crowd-a-2"),
		"personas/lost.md":  "---\nkind: persona\nid: crowd-a\nname: Lost\nicp: nowhere\n---\n",
		"personas/lost2.md": "---\nkind: persona\nid: saas\nname: Lost\nicp: nowhere\n---\n",
	})
	var out bytes.Buffer
	if err := HTML(&out, report.Build(ws, nil, report.Options{Title: "t", Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(out.String(), -1) {
		if seen[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		if !regexp.MustCompile(`^[A-Za-z0-9_-]+$`).MatchString(m[1]) {
			t.Errorf("id %q is not made of letters, digits, - and _", m[1])
		}
		seen[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(out.String(), -1) {
		if !seen[m[1]] {
			t.Errorf("link to #%s has no target", m[1])
		}
	}
	if len(seen) < 14 {
		t.Errorf("only %d ids in the page", len(seen))
	}
}

// TestSectionsAreWrittenInOrder: the ICPs' sections, rendered on all cores
// and written as they are ready, reach the page in the report's order;
// and a write that fails stops the page with its error.
func TestSectionsAreWrittenInOrder(t *testing.T) {
	files := map[string]string{}
	var want []string
	for i := range 40 {
		id := fmt.Sprintf("icp-%02d", i)
		// Sizes differ, so that the cores finish out of turn.
		files["icps/"+id+".md"] = "---\nkind: icp\ntitle: T" + id + "\n---\n" + strings.Repeat("Notes.\n\n", (i%7)*200)
		want = append(want, "T"+id)
	}
	r := report.Build(load(t, files), nil, report.Options{Title: "t", Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	var out bytes.Buffer
	if err := HTML(&out, r); err != nil {
		t.Fatal(err)
	}
	at := -1
	for _, title := range want {
		i := strings.Index(out.String(), "ICP: "+title+"</h2>")
		if i < 0 || i < at {
			t.Fatalf("section %s at %d, after the one before it at %d", title, i, at)
		}
		at = i
	}
	for _, limit := range []int{10, len(out.String()) / 2, len(out.String()) - 10} {
		w := &failAfter{left: limit}
		if err := HTML(w, r); !errors.Is(err, errDiskFull) || w.after > 0 {
			t.Errorf("writing %d bytes of %d: error %v, want %v; %d writes tried after it", limit, out.Len(), err, errDiskFull, w.after)
		}
	}
}

// TestUnassignedCardsAreWrittenInOrder: the cards of personas without a
// known ICP, written between the tail's two parts rather than through
// the template, come in the report's order inside their section, with
// control characters escaped as in the rest of the page; a write that
// fails among them stops the page with its error.
func TestUnassignedCardsAreWrittenInOrder(t *testing.T) {
	files := map[string]string{"icps/saas.md": "---\nkind: icp\ntitle: SaaS\n---\n"}
	var want []string
	for i := range 30 {
		id := fmt.Sprintf("lost-%02d", i)
		files["personas/"+id+".md"] = "---\nkind: persona\nid: " + id + "\nname: \"Lost\\a " + id + "\"\nicp: nowhere\n---\n" + strings.Repeat("Notes.\n\n", i%5*100)
		want = append(want, `<article class="persona card" id="persona-`+id+`"`)
	}
	r := report.Build(load(t, files), nil, report.Options{Title: "t", Today: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)})
	var out bytes.Buffer
	if err := HTML(&out, r); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	at := strings.Index(page, "<h3>The personas in full</h3>\n<div class=\"cards\">\n<article")
	if at < 0 {
		t.Fatal("no section of cards of personas without a known ICP")
	}
	for _, card := range want {
		i := strings.Index(page, card)
		if i < at {
			t.Fatalf("card %s at %d, before the one before it at %d", card, i, at)
		}
		at = i
	}
	if end := strings.Index(page[at:], "\n</article>\n</div>\n</section>\n<section id=\"uncited\""); end < 0 || strings.Contains(page[at+1:at+end], "<article") {
		t.Errorf("the last card is not followed by the end of its section and the uncited interviews (at %d)", end)
	}
	if strings.ContainsRune(page, '\a') || !strings.Contains(page, `Lost\x07 lost-07`) {
		t.Errorf("a control character in a card's name is not written as \\x07")
	}
	for _, limit := range []int{at - 10, at + 10, len(page) - 10} {
		w := &failAfter{left: limit}
		if err := HTML(w, r); !errors.Is(err, errDiskFull) || w.after > 0 {
			t.Errorf("writing %d bytes of %d: error %v, want %v; %d writes tried after it", limit, len(page), err, errDiskFull, w.after)
		}
	}
}

var errDiskFull = errors.New("disk full")

// failAfter takes left bytes, then fails every write; after counts the
// writes tried once one failed.
type failAfter struct{ left, after int }

func (w *failAfter) Write(p []byte) (int, error) {
	if w.left == 0 {
		w.after++
		return 0, errDiskFull
	}
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errDiskFull
	}
	w.left -= len(p)
	return len(p), nil
}

// TestClaimGroupsAreRunsOfOneList: a card groups each run of claims of
// one list under its label, in order, a list that comes back starting a
// group of its own; the groups share no room that one could overwrite in
// another.
func TestClaimGroupsAreRunsOfOneList(t *testing.T) {
	claim := func(list, text string) report.Claim { return report.Claim{List: list, Text: text} }
	p := report.Persona{ID: "p", Claims: []report.Claim{
		claim("goals", "a"), claim("goals", "b"), claim("frustrations", "c"), claim("goals", "d"), claim("", "e"),
	}}
	v := newPersonaView(p, renderedBodies{}, viewIDs{"a", "c"})
	var got []string
	for _, g := range v.ClaimGroups {
		var texts []string
		for _, c := range g.Claims {
			texts = append(texts, c.Text)
		}
		got = append(got, g.Label+":"+strings.Join(texts, ","))
	}
	if want := []string{"Goals:a,b", "Frustrations:c", "Goals:d", ":e"}; !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	if g := v.ClaimGroups[0].Claims; cap(g) != len(g) {
		t.Errorf("the first group has room for %d claims past its own: appending to it would overwrite the next", cap(g)-len(g))
	}
	if &v.ClaimGroups[0].Claims[0] != &p.Claims[0] {
		t.Error("the view's groups are copies of the report's claims, not runs of them")
	}
}

// rowsByTemplate writes findings as the report's template wrote them
// before findingRows did.
func rowsByTemplate(t testing.TB, findings []finding.Finding) string {
	t.Helper()
	tmpl := template.Must(template.New("rows").Parse(`<tbody>
{{- range .}}
<tr><td>{{.Severity}}</td><td>{{.Path}}</td><td class="num">{{.Line}}</td><td>{{.Rule}}</td><td>{{.Message}}</td></tr>
{{- end}}
</tbody>`))
	var b strings.Builder
	if err := tmpl.Execute(&b, findings); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkFindingRows holds findingRows to the template, byte for byte.
func checkFindingRows(t testing.TB, findings []finding.Finding) {
	t.Helper()
	got := "<tbody>" + string(findingRows(findings)) + "\n</tbody>"
	if want := rowsByTemplate(t, findings); got != want {
		t.Fatalf("findingRows wrote\n%s\nthe template\n%s", got, want)
	}
}

func TestFindingRowsAsTheTemplateWroteThem(t *testing.T) {
	var all []finding.Finding
	for name, s := range hostileTexts {
		t.Run(name, func(t *testing.T) {
			for sev := finding.Off; sev <= finding.Error; sev++ {
				f := finding.Finding{Rule: s, Severity: sev, Path: s, Line: int(sev) * 1000, Message: s}
				checkFindingRows(t, []finding.Finding{f})
				all = append(all, f)
			}
		})
	}
	checkFindingRows(t, all)
	checkFindingRows(t, nil)
}

func FuzzFindingRows(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, -1)
	}
	f.Fuzz(func(t *testing.T, s string, line int) {
		checkFindingRows(t, []finding.Finding{
			{Rule: s, Severity: finding.Severity(line & 7), Path: s, Line: line, Message: s},
			{Rule: "id-invalid", Severity: finding.Warning, Path: "a.md", Line: 1, Message: s + s},
		})
	})
}

// The head's lines per ICP, as the report's template wrote them before
// contentsRows and glanceRows did.
const (
	contentsByTemplate = `
{{- range .ICPs}}
<li><a href="#{{.Anchor}}">ICP: {{.Title}}</a></li>
{{- end}}
{{- range .RetiredICPs}}
<li><a href="#{{.Anchor}}">Retired ICP: {{.Title}}</a></li>
{{- end}}`
	glanceByTemplate = `
{{- range .ICPs}}
<tr><th scope="row"><a href="#{{.Anchor}}">{{.Title}}</a></th><td><span class="status status-{{.Status}}">{{.Status}}</span></td><td class="num">{{.PersonaCount}}</td><td class="num">{{.ShareTotal}}</td><td class="num">{{.InterviewCount}}</td><td{{if .Stale}} class="stale"{{end}}>{{.Reviewed}}</td><td>{{.Lint}}</td></tr>
{{- end}}
{{- range .RetiredICPs}}
<tr class="retired"><th scope="row"><a href="#{{.Anchor}}">{{.Title}}</a></th><td><span class="status status-retired">retired</span></td><td class="num">{{.PersonaCount}}</td><td class="num">{{.ShareTotal}}</td><td class="num">{{.InterviewCount}}</td><td>{{.Reviewed}}</td><td>{{.Lint}}</td></tr>
{{- end}}`
)

// checkICPRows holds contentsRows and glanceRows to the template, byte
// for byte, in the places the head puts them.
func checkICPRows(t testing.TB, pg *page) {
	t.Helper()
	for _, c := range []struct {
		name, tmpl string
		write      func(*page) template.HTML
	}{
		{"contents", `<ol><li><a href="#overview">Overview</a></li>` + contentsByTemplate + "\n</ol>", contentsRows},
		{"glance", "<table><tbody>" + glanceByTemplate + "\n</tbody></table>", glanceRows},
	} {
		var want strings.Builder
		if err := template.Must(template.New(c.name).Parse(c.tmpl)).Execute(&want, pg); err != nil {
			t.Fatal(err)
		}
		open, end, _ := strings.Cut(c.tmpl, "\n{{- range .ICPs}}")
		_, end, _ = strings.Cut(end, "{{- end}}\n{{- range .RetiredICPs}}")
		_, end, _ = strings.Cut(end, "{{- end}}")
		if got := open + string(c.write(pg)) + end; got != want.String() {
			t.Fatalf("%s rows:\n got %s\nwant %s", c.name, got, want.String())
		}
	}
}

// icpViewOf is an ICP's view with s in every text the head shows.
func icpViewOf(s string, n int) icpView {
	v := icpView{Anchor: s, Title: s, Reviewed: s, Lint: s, PersonaCount: s, ShareTotal: s, InterviewCount: n}
	v.Status, v.Stale = s, n%2 == 0
	return v
}

func TestICPRowsAsTheTemplateWroteThem(t *testing.T) {
	all := &page{}
	for name, s := range hostileTexts {
		t.Run(name, func(t *testing.T) {
			pg := &page{ICPs: []icpView{icpViewOf(s, 2), icpViewOf(s, 3)}, RetiredICPs: []icpView{icpViewOf(s, -1)}}
			checkICPRows(t, pg)
			all.ICPs = append(all.ICPs, pg.ICPs...)
			all.RetiredICPs = append(all.RetiredICPs, pg.RetiredICPs...)
		})
	}
	checkICPRows(t, all)
	checkICPRows(t, &page{})
}

func FuzzICPRows(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		checkICPRows(t, &page{ICPs: []icpView{icpViewOf(s, n), icpViewOf(s+"x", n+1)}, RetiredICPs: []icpView{icpViewOf(s, n)}})
	})
}
