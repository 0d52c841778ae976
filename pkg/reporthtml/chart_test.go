package reporthtml

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/workspace"
)

func share(f float64) *float64 { return &f }

func TestShareChart(t *testing.T) {
	icp := func(total float64, ps ...report.Persona) report.ICP {
		c := report.ICP{Title: "T <b>", Personas: ps}
		c.Share.Total = total
		c.Share.Unassigned = max(0, 1-total)
		return c
	}
	fiona := report.Persona{Name: `Fiona "<script>"`, Status: "active", Type: "primary", Share: share(0.4)}
	ravi := report.Persona{Name: "Ravi", Status: "active", Type: "primary", Share: share(0.8)}
	tests := []struct {
		name        string
		icp         report.ICP
		want, avoid []string
	}{
		{"no shares: no chart", icp(0, report.Persona{Name: "x", Status: "active"}), nil, []string{"<svg"}},
		{"coverage with the rest unassigned", icp(0.4, fiona), []string{`role="img"`, "unassigned 60%", "url(#chart-gap)", "Fiona &#34;&lt;script&gt;&#34; 40%"}, []string{"<script>", "chart-over"}},
		{"overflow hatched, with the 100% mark", icp(1.2, fiona, ravi), []string{"over 100% by 20%", "url(#chart-over)", `<line x1="83.33"`}, []string{"unassigned"}},
		{"retired, draft and negative personas do not count", icp(0.4, fiona, report.Persona{Name: "Old", Status: "retired", Share: share(0.5)}, report.Persona{Name: "Neg", Status: "active", Type: "negative", Share: share(0.5)}), []string{"Fiona"}, []string{"Old", "Neg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(shareChart(tt.icp, "c"))
			if tt.want == nil && got != "" {
				t.Errorf("got a chart: %s", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("chart lacks %q:\n%s", w, got)
				}
			}
			for _, a := range tt.avoid {
				if strings.Contains(got, a) {
					t.Errorf("chart has %q:\n%s", a, got)
				}
			}
		})
	}
}

// The timeline runs from the first month to the last with zeros between,
// and never over MaxTimelineMonths, however far apart the dates are.
func TestTimeline(t *testing.T) {
	ws := workspace.FromFiles("/w", []workspace.File{
		{Rel: "interviews/old.md", Data: []byte("---\nkind: interview\ndate: 1970-01-01\n---\n")},
		{Rel: "interviews/a.md", Data: []byte("---\nkind: interview\ndate: 2026-09-03\n---\n")},
		{Rel: "interviews/b.md", Data: []byte("---\nkind: interview\ndate: 2026-09-30\n---\n")},
		{Rel: "personas/p.md", Data: []byte("---\nkind: persona\nreviewed: 2026-11-02\n---\n")},
	}, workspace.Options{})
	got := report.Build(ws, nil, report.Options{}).Timeline
	if len(got) != report.MaxTimelineMonths {
		t.Fatalf("%d months, want %d", len(got), report.MaxTimelineMonths)
	}
	last := got[len(got)-1]
	if got[0].Month != "2023-12" || last.Month != "2026-11" || last.Reviewed != 1 || got[len(got)-3].Interviews != 2 || got[len(got)-2].Interviews != 0 {
		t.Errorf("timeline %+v ... %+v", got[0], got[len(got)-3:])
	}
	svg := string(timelineChart(got, "tl"))
	if strings.Count(svg, "<rect") != report.MaxTimelineMonths || strings.Count(svg, "<path") != 1 {
		t.Errorf("the chart draws %d columns and %d marks", strings.Count(svg, "<rect"), strings.Count(svg, "<path"))
	}
}

func TestMonogram(t *testing.T) {
	for name, want := range map[string]string{"Finance Director Fiona": "FD", "ravi": "R", "  ": "?", "«Élise» van Dam": "ÉV", "123 Ops": "1O"} {
		if got := monogram(name); got != want {
			t.Errorf("monogram(%q) = %q, want %q", name, got, want)
		}
	}
}

// evidenceChartByFmt is evidenceChart as it was written with fmt.
func evidenceChartByFmt(p report.Persona, id string) string {
	e := p.Evidence
	coverage := 0.0
	if e.Claims > 0 {
		coverage = float64(e.SupportedClaims) / float64(e.Claims)
	}
	strength := math.Min(1, float64(e.Participants)/3)
	label := fmt.Sprintf("Evidence of %s: %d of %d claims supported; %d participants, %s confidence.", p.Name, e.SupportedClaims, e.Claims, e.Participants, e.Confidence)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" id="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t" preserveAspectRatio="%s"><title id="%s-t">%s</title>`,
		id, "100", "22", id, "none", id, esc(label))
	for i, v := range []float64{coverage, strength} {
		y := 1 + i*11
		fmt.Fprintf(&b, `<rect x="0" y="%d" width="100" height="9" fill="url(#%s)" stroke="%s" stroke-width=".3"/>`, y, gapPattern, chartInk)
		if v > 0 {
			fmt.Fprintf(&b, `<rect x="0" y="%d" width="%.2f" height="9" fill="%s"/>`, y, 100*v, chartFill[i])
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func TestEvidenceChartAsFmtWroteIt(t *testing.T) {
	for name, s := range hostileTexts {
		for _, counts := range [][3]int{{0, 0, 0}, {1, 3, 1}, {2, 3, 2}, {7, 7, 3}, {1, 6, 9}, {5, 17, 1000}} {
			p := report.Persona{Name: s}
			p.Evidence.SupportedClaims, p.Evidence.Claims, p.Evidence.Participants, p.Evidence.Confidence = counts[0], counts[1], counts[2], s
			if got, want := string(evidenceChart(p, "chart-"+name)), evidenceChartByFmt(p, "chart-"+name); got != want {
				t.Errorf("%s %v:\n got %s\nwant %s", name, counts, got, want)
			}
		}
	}
}
