package reporthtml

import (
	"bytes"
	_ "embed"
	"fmt"
	"testing"

	"github.com/personakit/persona/pkg/report"
)

// hostileICP fills every field a section shows with s, with personas
// active and retired built by hostileView.
func hostileICP(s string, flags byte) icpView {
	on := func(bit byte) bool { return flags&bit != 0 }
	v := icpView{
		ICP: report.ICP{
			Segment: s, Status: s, Path: s, Stale: on(2),
			Constraints: []report.Constraint{{Attribute: s, Value: s}, {Attribute: "size", Value: "10-50"}},
			Pains:       []string{s, s}, Needs: []string{s}, Goals: []string{s}, Triggers: []string{s}, Disqualifiers: []string{s},
			Citations: []report.Citation{{Interview: s, CitedBy: []string{s, s}, Claims: []string{s, s}}, {Interview: "bare"}},
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

// sectionOf writes the section of the hostile ICP of s.
func sectionOf(flags byte) func(s string) string {
	return func(s string) string {
		var b bytes.Buffer
		v := hostileICP(s, flags)
		writeICPSection(&b, &v)
		return b.String()
	}
}

func TestICPSectionEscapesUserText(t *testing.T) {
	for name, s := range hostileTexts {
		for flags := range byte(64) {
			checkMarkup(t, fmt.Sprintf("section of %s, flags %06b", name, flags), sectionOf(flags), s)
		}
	}
}

func FuzzICPSection(f *testing.F) {
	f.Add("Mid-market SaaS", byte(0))
	f.Add(`#a b%zz<"&'+>`, byte(21))
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		checkMarkup(t, fmt.Sprintf("section, flags %06b", flags&63), sectionOf(flags&63), s)
	})
}
