package report

import (
	"bytes"
	_ "embed"
	"html/template"
	"strings"
	"testing"
)

// cardTemplate is the card as it was written in html/template: the oracle
// for card's escaping, which must match it byte for byte.
//
//go:embed testdata/card.html.tmpl
var cardTemplate string

func card(v personaView) string {
	var b bytes.Buffer
	writeCard(&b, &v)
	return b.String()
}

func viaTemplate(t *testing.T, tmpl *template.Template, v personaView) string {
	t.Helper()
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "card", v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// hostileView fills every field a card shows with s, in each shape the
// card distinguishes (present, absent, several).
func hostileView(s string, flags byte) personaView {
	on := func(bit byte) bool { return flags&bit != 0 }
	v := personaView{
		Anchor: s, Name: s, RoleLine: s, BuyingRole: s, Share: s, Reviewed: s,
		Owners: s, Channels: s, EvidenceLabel: s, Monogram: s, Quote: s, StatusLabel: s, Href: s,
		Persona: Persona{
			ID: s, ICP: s, Type: s, Status: s, Path: s, Stale: on(2),
			Evidence:         Evidence{Confidence: s},
			Quotes:           []string{s, s + "2", "<three>"},
			ExternalEvidence: []string{"https://example.com/" + s, s},
			Interviews: []Interview{
				{ID: s, Path: s, Date: s, Role: s, CompanySize: s},
				{ID: "bare", Path: "interviews/bare.md"},
			},
		},
		Standalone: on(1), Redacted: on(4),
		EvidenceChart: `<svg role="img"><title>chart</title></svg>`,
		Body:          "<p>body</p>",
		ClaimGroups: []claimGroup{
			{Label: s, Claims: []Claim{
				{Text: s},
				{Text: s, Evidence: []ClaimEvidence{
					{Interview: s, Path: s, Quote: s, Line: 12},
					{Interview: s},
					{Interview: s, Path: "javascript:" + s, Quote: s},
				}},
			}},
			{Label: "Empty"},
		},
	}
	if on(8) {
		v.ICP, v.Channels, v.Quote, v.Body = "", "", "", ""
		v.Quotes, v.Interviews, v.ExternalEvidence, v.ClaimGroups = nil, nil, nil, nil
	}
	return v
}

func TestCardMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("t").Parse(cardTemplate))
	for name, s := range map[string]string{
		"plain":            "Finance lead",
		"markup":           `<script>alert("x")</script> & 'q' + more`,
		"url-shaped":       "javascript:alert(1)",
		"percent":          "100% of %41 and %zz and %4",
		"file name":        "personas/a b#1?x=[y]|z.md",
		"control and nul":  "bell\a nul\x00 del\x7f",
		"non-ASCII":        "Zoë 😀 \u0085 \ufdd0 \xff",
		"mailto and https": "MAILTO:a@b.c",
		"empty":            "",
	} {
		for flags := range byte(16) {
			v := hostileView(s, flags)
			if got, want := card(v), viaTemplate(t, tmpl, v); got != want {
				t.Errorf("%s, flags %04b:\n got %s\nwant %s", name, flags, got, want)
			}
		}
	}
}

func FuzzCard(f *testing.F) {
	f.Add("Finance lead", byte(0))
	f.Add(`<a href="x">&amp;</a>+'`, byte(5))
	f.Add("Http:%4g%41//x", byte(10))
	tmpl := template.Must(template.New("t").Parse(cardTemplate))
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		v := hostileView(s, flags)
		if got, want := card(v), viaTemplate(t, tmpl, v); got != want {
			t.Fatalf("card(%q, %04b):\n got %s\nwant %s", s, flags, got, want)
		}
		if strings.Contains(card(v), "<script") {
			t.Fatalf("card(%q) holds a raw tag", s)
		}
	})
}
