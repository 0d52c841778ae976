package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"testing"

	"github.com/personakit/persona/pkg/words"
)

// siteTemplate0 is the site's pages as they were written in
// html/template: the oracle for the pages now written in Go.
//
//go:embed testdata/site.html.tmpl
var siteTemplate0 string

func parseOldSite(t testing.TB) *template.Template {
	funcs := template.FuncMap{"plural": words.Plural, "href": href, "inc": func(i int) int { return i + 1 }}
	tmpl := template.Must(template.New("t").Funcs(funcs).Parse(cardTemplate))
	return template.Must(tmpl.Parse(siteTemplate0))
}

// hostileSitePage fills every field the Go-written pages show with s.
func hostileSitePage(s string, flags byte) sitePage {
	on := func(bit byte) bool { return flags&bit != 0 }
	v := sitePage{
		Site: s, Title: s, Root: "../", Generated: s, Report: &Report{Redacted: on(4)},
		ChartDefs: `<svg aria-hidden="true"><defs></defs></svg>`,
		Persona:   hostileView(s, flags), ICPPage: s, ICPTitle: s,
		Interview: Interview{ID: s, Path: s, Date: s, ICP: s, Role: s, CompanySize: s, Region: s, Interviewer: s, Channel: s, Consent: on(2)},
		CitedBy:   []siteLink{{Name: s, Page: s}, {Name: "b", Page: "../personas/b.html"}},
		Claims:    []string{s, s},
		Head:      []string{s, "Date"},
		Lines:     [][]siteCell{{{Text: s, Href: s}, {Text: s}}, {{Text: s}, {Text: s, Href: "x.html"}}},
		Empty:     s,
		ICP:       hostileICP(s, flags<<4),
		Personas:  []personaView{hostileView(s, flags), hostileView(s, flags^8)},
		Citations: []siteCitation{{Citation: Citation{Interview: s, CitedBy: []string{s}, Claims: []string{s, s}}, Page: s}, {Citation: Citation{Interview: s}}},
		More:      on(16), MoreCitations: on(32),
		Page:  2,
		Pages: []string{"p.html", "p-2.html", s},
	}
	if on(1) {
		v.BodyClass = s
	}
	if on(8) {
		v.Root, v.ICPPage, v.Pages, v.Lines, v.CitedBy, v.Claims, v.Personas, v.Citations = "", "", nil, nil, nil, nil, nil, nil
		v.Interview = Interview{ID: s, Path: s}
	}
	return v
}

func TestSitePagesMatchTemplates(t *testing.T) {
	old := parseOldSite(t)
	pages := map[string]func(*bytes.Buffer, *sitePage){
		"site-persona": writePersonaPage, "site-interview": writeInterviewPage, "site-list": writeListPage, "site-icp": writeICPPage,
	}
	for name, s := range map[string]string{
		"plain":      "Acme",
		"markup":     `<i>"a"</i> & 'b' + c`,
		"url-shaped": "vbscript:x",
		"path":       "interviews/a b#1?.md",
		"controls":   "\x00\a\xff",
		"empty":      "",
	} {
		for tmpl, write := range pages {
			for flags := range byte(64) {
				v := hostileSitePage(s, flags)
				var got, want bytes.Buffer
				write(&got, &v)
				if err := old.ExecuteTemplate(&want, tmpl, v); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("%s of %s, flags %04b:\n got %s\nwant %s", tmpl, name, flags, got.String(), want.String())
				}
			}
		}
	}
}

// The index pages stay a template, whose head, foot and pager are now
// written in Go.
func TestSiteTemplatesMatchOld(t *testing.T) {
	old := parseOldSite(t)
	current, err := parseSite()
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{"plain": "Acme", "markup": `<i>"a"</i> & 'b' + c`, "empty": ""} {
		for flags := range byte(64) {
			v := hostileSitePage(s, flags)
			v.Report.Title, v.Rows, v.ICP = s, []icpView{hostileICP(s, flags)}, hostileICP(s, flags)
			v.Personas, v.Unassigned = v.ICP.Personas, v.ICP.Personas
			var got, want bytes.Buffer
			if err := current.ExecuteTemplate(&got, "site-index", v); err != nil {
				t.Fatal(err)
			}
			if err := old.ExecuteTemplate(&want, "site-index", v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("site-index of %s, flags %06b:\n got %s\nwant %s", name, flags, got.String(), want.String())
			}
		}
	}
}

func FuzzSitePages(f *testing.F) {
	f.Add("Acme", byte(0))
	f.Add(`javascript:<"&'+>`, byte(13))
	old := parseOldSite(f)
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		v := hostileSitePage(s, flags)
		for tmpl, write := range map[string]func(*bytes.Buffer, *sitePage){
			"site-persona": writePersonaPage, "site-interview": writeInterviewPage, "site-list": writeListPage, "site-icp": writeICPPage,
		} {
			var got, want bytes.Buffer
			write(&got, &v)
			if err := old.ExecuteTemplate(&want, tmpl, v); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("%s of %q, flags %04b:\n got %s\nwant %s", tmpl, s, flags, got.String(), want.String())
			}
		}
	})
}
