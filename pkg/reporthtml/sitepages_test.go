package reporthtml

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"testing"

	"github.com/personakit/persona/pkg/report"
)

// hostileSitePage fills every field the Go-written pages show with s.
func hostileSitePage(s string, flags byte) sitePage {
	on := func(bit byte) bool { return flags&bit != 0 }
	v := sitePage{
		Site: s, Title: s, Root: "../", Generated: s, Report: &report.Report{Redacted: on(4)},
		ChartDefs: `<svg aria-hidden="true"><defs></defs></svg>`,
		Persona:   hostileView(s, flags), ICPPage: s, ICPTitle: s,
		Interview: report.Interview{ID: s, Path: s, Date: s, ICP: s, Role: s, CompanySize: s, Region: s, Interviewer: s, Channel: s, Consent: on(2)},
		CitedBy:   []siteLink{{Name: s, Page: s}, {Name: "b", Page: "../personas/b.html"}},
		Claims:    []string{s, s},
		Head:      []string{s, "Date"},
		Lines:     [][]siteCell{{{Text: s, Href: s}, {Text: s}}, {{Text: s}, {Text: s, Href: "x.html"}}},
		Empty:     s,
		ICP:       hostileICP(s, flags<<4),
		Personas:  []personaView{hostileView(s, flags), hostileView(s, flags^8)},
		Citations: []siteCitation{{Citation: report.Citation{Interview: s, CitedBy: []string{s}, Claims: []string{s, s}}, Page: s}, {Citation: report.Citation{Interview: s}}},
		More:      on(16), MoreCitations: on(32),
		Page:  2,
		Pages: []string{"p.html", "p-2.html", s},
	}
	if on(1) {
		v.BodyClass = s
	}
	if on(8) {
		v.Root, v.ICPPage, v.Pages, v.Lines, v.CitedBy, v.Claims, v.Personas, v.Citations = "", "", nil, nil, nil, nil, nil, nil
		v.Interview = report.Interview{ID: s, Path: s}
	}
	return v
}

// sitePagesOf writes each of the site's pages for the hostile page of s.
func sitePagesOf(t testing.TB, index *template.Template, flags byte) map[string]func(s string) string {
	pages := map[string]func(s string) string{
		"site-index": func(s string) string {
			v := hostileSitePage(s, flags)
			v.Report.Title, v.Rows, v.ICP = s, []icpView{hostileICP(s, flags)}, hostileICP(s, flags)
			v.Personas, v.Unassigned = v.ICP.Personas, v.ICP.Personas
			var b bytes.Buffer
			if err := index.ExecuteTemplate(&b, "site-index", v); err != nil {
				t.Fatal(err)
			}
			return b.String()
		},
	}
	for name, write := range map[string]func(*bytes.Buffer, *sitePage){
		"site-persona": writePersonaPage, "site-interview": writeInterviewPage, "site-list": writeListPage, "site-icp": writeICPPage,
	} {
		pages[name] = func(s string) string {
			v := hostileSitePage(s, flags)
			var b bytes.Buffer
			write(&b, &v)
			return b.String()
		}
	}
	return pages
}

func parsedSite(t testing.TB) *template.Template {
	index, err := parseSite()
	if err != nil {
		t.Fatal(err)
	}
	return index
}

func TestSitePagesEscapeUserText(t *testing.T) {
	index := parsedSite(t)
	for flags := range byte(64) {
		for page, write := range sitePagesOf(t, index, flags) {
			for name, s := range hostileTexts {
				checkMarkup(t, fmt.Sprintf("%s of %s, flags %06b", page, name, flags), write, s)
			}
		}
	}
}

func FuzzSitePages(f *testing.F) {
	f.Add("Acme", byte(0))
	f.Add(`javascript:<"&'+>`, byte(13))
	index := parsedSite(f)
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		for page, write := range sitePagesOf(t, index, flags&63) {
			checkMarkup(t, fmt.Sprintf("%s, flags %06b", page, flags&63), write, s)
		}
	})
}
