package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"testing"
)

// icpTemplate is an ICP's section as it was written in html/template:
// the oracle for writeICPSection, with the card's old template.
//
//go:embed testdata/icp.html.tmpl
var icpTemplate string

func parseSectionTemplate(t testing.TB) *template.Template {
	tmpl := template.Must(template.New("t").Parse(cardTemplate))
	return template.Must(tmpl.Parse(icpTemplate))
}

// hostileICP fills every field a section shows with s, with personas
// active and retired built by hostileView.
func hostileICP(s string, flags byte) icpView {
	on := func(bit byte) bool { return flags&bit != 0 }
	v := icpView{
		ICP: ICP{
			Segment: s, Status: s, Path: s, Stale: on(2),
			Constraints: []Constraint{{Attribute: s, Value: s}, {Attribute: "size", Value: "10-50"}},
			Pains:       []string{s, s}, Needs: []string{s}, Goals: []string{s}, Triggers: []string{s}, Disqualifiers: []string{s},
			Citations: []Citation{{Interview: s, CitedBy: []string{s, s}, Claims: []string{s, s}}, {Interview: "bare"}},
		},
		Anchor: s, Title: s, Reviewed: s, Lint: s, Owners: s, BuyingCommittee: s,
		ShareTotal: s, ShareUnassigned: s, PersonaCount: s, ShareUnknown: 2, InterviewCount: 3,
		Body: "<p>body</p>", ShareChart: `<svg role="img"><title>share</title></svg>`, Href: s,
		Personas: []personaView{hostileView(s, flags), hostileView(s+"2", flags^8)},
		Retired:  []personaView{hostileView(s, flags^1)},
	}
	if on(16) {
		v.Status = "retired"
	}
	if on(32) {
		v.Constraints, v.Pains, v.Needs, v.Goals, v.Triggers, v.Disqualifiers, v.Citations = nil, nil, nil, nil, nil, nil, nil
		v.BuyingCommittee, v.Body, v.ShareChart, v.ShareUnknown = "", "", "", 0
		v.Personas, v.Retired = nil, nil
	}
	return v
}

func sectionBothWays(t testing.TB, tmpl *template.Template, v icpView) (got, want string) {
	var b bytes.Buffer
	writeICPSection(&b, &v)
	got = b.String()
	b.Reset()
	if err := tmpl.ExecuteTemplate(&b, "icp", struct{ ICP icpView }{v}); err != nil {
		t.Fatal(err)
	}
	return got, b.String()
}

func TestICPSectionMatchesTemplate(t *testing.T) {
	tmpl := parseSectionTemplate(t)
	for name, s := range map[string]string{
		"plain":      "Mid-market SaaS",
		"markup":     `<b>"x"</b> & 'y' + z`,
		"anchor":     "icp-a b#c/d%41é",
		"url-shaped": "data:text/html,x",
		"controls":   "nul\x00 bell\a \xff",
		"empty":      "",
	} {
		for flags := range byte(64) {
			if got, want := sectionBothWays(t, tmpl, hostileICP(s, flags)); got != want {
				t.Errorf("%s, flags %06b:\n got %s\nwant %s", name, flags, got, want)
			}
		}
	}
}

func FuzzICPSection(f *testing.F) {
	f.Add("Mid-market SaaS", byte(0))
	f.Add(`#a b%zz<"&'+>`, byte(21))
	tmpl := parseSectionTemplate(f)
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		if got, want := sectionBothWays(t, tmpl, hostileICP(s, flags)); got != want {
			t.Fatalf("section(%q, %06b):\n got %s\nwant %s", s, flags, got, want)
		}
	})
}
