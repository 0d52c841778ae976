package reporthtml

import (
	"bytes"
	_ "embed"
	"fmt"
	"testing"

	"github.com/personakit/persona/pkg/report"
)

func card(v personaView) string {
	var b bytes.Buffer
	writeCard(&b, &v)
	return b.String()
}

// hostileView fills every field a card shows with s, in each shape the
// card distinguishes (present, absent, several).
func hostileView(s string, flags byte) personaView {
	on := func(bit byte) bool { return flags&bit != 0 }
	v := personaView{
		Anchor: s, Name: s, RoleLine: s, BuyingRole: s, Share: s, Reviewed: s,
		Owners: s, Channels: s, EvidenceLabel: s, Monogram: s, Quote: s, StatusLabel: s, Href: s,
		Persona: report.Persona{
			ID: s, ICP: s, Type: s, Status: s, Path: s, Stale: on(2),
			Evidence:         report.Evidence{Confidence: s},
			Quotes:           []string{s, s + "2", "<three>"},
			ExternalEvidence: []string{"https://example.com/" + s, s},
			Interviews: []report.Interview{
				{ID: s, Path: s, Date: s, Role: s, CompanySize: s},
				{ID: "bare", Path: "interviews/bare.md"},
			},
		},
		Standalone: on(1), Redacted: on(4),
		EvidenceChart: `<svg role="img"><title>chart</title></svg>`,
		Body:          "<p>body</p>",
		ClaimGroups: []claimGroup{
			{Label: s, Claims: []report.Claim{
				{Text: s},
				{Text: s, Evidence: []report.ClaimEvidence{
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

// cardOf writes the card of the hostile view of s.
func cardOf(flags byte) func(s string) string {
	return func(s string) string { return card(hostileView(s, flags)) }
}

func TestCardEscapesUserText(t *testing.T) {
	for name, s := range hostileTexts {
		for flags := range byte(16) {
			checkMarkup(t, fmt.Sprintf("card of %s, flags %04b", name, flags), cardOf(flags), s)
		}
	}
}

func FuzzCard(f *testing.F) {
	f.Add("Finance lead", byte(0))
	f.Add(`<a href="x">&amp;</a>+'`, byte(5))
	f.Add("Http:%4g%41//x", byte(10))
	f.Fuzz(func(t *testing.T, s string, flags byte) {
		checkMarkup(t, fmt.Sprintf("card, flags %04b", flags&15), cardOf(flags&15), s)
	})
}
