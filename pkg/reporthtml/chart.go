package reporthtml

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/report"
)

// Charts are inline SVG drawn here, on the server side: no script, no
// request, and each says in words what it shows (role="img", a <title>
// and an aria-label), while the numbers stand in text beside it. Colours
// keep 3:1 contrast with white for graphics (WCAG 1.4.11) and each part
// has its own pattern or outline, so a greyscale print still tells them
// apart.

// chartFill are the personas' colours, taken in turn; dark enough on
// white, and told apart in greyscale by the white gap between segments.
var chartFill = []string{"#0b5cad", "#1a6b32", "#5b3f99", "#7a4a00", "#0f6b6b", "#6b2f5a"}

const (
	overflowFill = "#a4161a" // over 100%: the bad colour of the page
	chartInk     = "#4a535e" // outlines, ticks: the page's muted ink
)

// ChartDefs are the patterns every chart of a page uses, defined once at
// the top of the page: hatching for what is missing (unassigned share)
// and for what is wrong (share over 100%, stale). Their ids are taken
// from the page's anchor set before any other.
const (
	gapPattern  = "chart-gap"
	overPattern = "chart-over"
)

func chartDefs() template.HTML {
	return template.HTML(fmt.Sprintf(`<svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>`+
		`<pattern id="%[1]s" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="%[3]s" stroke-width="1"/></pattern>`+
		`<pattern id="%[2]s" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="4" height="4" fill="%[4]s"/><line x1="0" y1="0" x2="0" y2="4" stroke="#fff" stroke-width="1.5"/></pattern></defs></svg>`,
		gapPattern, overPattern, chartInk, overflowFill))
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// svgOpen starts an accessible chart: its title is also its label. Bars
// stretch to the width they are given (aspect "none"); a chart whose marks
// must keep their shape passes "xMinYMax meet".
func svgOpen(b *strings.Builder, id, width, height, aspect, label string) {
	for _, s := range []string{`<svg class="chart" id="`, id, `" viewBox="0 0 `, width, " ", height,
		`" role="img" aria-labelledby="`, id, `-t" preserveAspectRatio="`, aspect, `"><title id="`, id, `-t">`, esc(label), `</title>`} {
		b.WriteString(s)
	}
}

// shareChart draws an ICP's share coverage as one stacked bar: each active
// persona's share, the unassigned rest, and any overflow past 100%.
func shareChart(icp report.ICP, id string) template.HTML {
	type seg struct {
		label string
		value float64
		fill  string
	}
	var segs []seg
	var parts []string
	n := 0
	for _, p := range icp.Personas {
		if p.Status != "active" || p.Type == "negative" || p.Share == nil || *p.Share <= 0 {
			continue
		}
		segs = append(segs, seg{p.Name, *p.Share, chartFill[n%len(chartFill)]})
		parts = append(parts, fmt.Sprintf("%s %s", p.Name, report.Percent(*p.Share)))
		n++
	}
	total := icp.Share.Total
	if len(segs) == 0 {
		return ""
	}
	over := math.Max(0, total-1)
	if icp.Share.Unassigned > 0 {
		segs = append(segs, seg{"unassigned", icp.Share.Unassigned, "url(#" + gapPattern + ")"})
		parts = append(parts, "unassigned "+report.Percent(icp.Share.Unassigned))
	}
	if over > 0 {
		parts = append(parts, "over 100% by "+report.Percent(over))
	}
	label := fmt.Sprintf("Share coverage of %s: %s.", icp.Title, strings.Join(parts, ", "))
	scale := 100 / math.Max(1, total) // the bar is 100 wide; past 100% it shrinks
	var b strings.Builder
	svgOpen(&b, id, "100", "12", "none", label)
	x := 0.0
	for _, s := range segs {
		w := s.value * scale
		fmt.Fprintf(&b, `<rect x="%.2f" y="1" width="%.2f" height="10" fill="%s" stroke="#fff" stroke-width=".4"/>`, x, w, s.fill)
		x += w
	}
	if over > 0 {
		// The part past 100% is drawn over the bar's end, hatched.
		fmt.Fprintf(&b, `<rect x="%.2f" y="1" width="%.2f" height="10" fill="url(#%s)"/>`, 100-over*scale, over*scale, overPattern)
	}
	if over > 0 { // where 100% lies
		fmt.Fprintf(&b, `<line x1="%.2f" y1="0" x2="%.2f" y2="12" stroke="%s" stroke-width=".6"/>`, scale, scale, chartInk)
	}
	fmt.Fprintf(&b, `<rect x="0" y="1" width="100" height="10" fill="none" stroke="%s" stroke-width=".3"/></svg>`, chartInk)
	return template.HTML(b.String())
}

// evidenceChart draws a persona's evidence as two meters: the share of its
// claims with evidence, and its participants against the three that make
// evidence strong.
func evidenceChart(p report.Persona, id string) template.HTML {
	e := p.Evidence
	coverage := 0.0
	if e.Claims > 0 {
		coverage = float64(e.SupportedClaims) / float64(e.Claims)
	}
	strength := math.Min(1, float64(e.Participants)/3)
	// Written without fmt: every persona card has one, and fmt's
	// formatting was most of the chart's cost.
	label := "Evidence of " + p.Name + ": " + strconv.Itoa(e.SupportedClaims) + " of " + strconv.Itoa(e.Claims) +
		" claims supported; " + strconv.Itoa(e.Participants) + " participants, " + e.Confidence + " confidence."
	var b strings.Builder
	b.Grow(512)
	svgOpen(&b, id, "100", "22", "none", label)
	var num []byte
	for i, v := range []float64{coverage, strength} {
		y := strconv.Itoa(1 + i*11)
		b.WriteString(`<rect x="0" y="` + y + `" width="100" height="9" fill="url(#` + gapPattern + `)" stroke="` + chartInk + `" stroke-width=".3"/>`)
		if v > 0 {
			num = strconv.AppendFloat(num[:0], 100*v, 'f', 2, 64)
			b.WriteString(`<rect x="0" y="` + y + `" width="`)
			b.Write(num)
			b.WriteString(`" height="9" fill="` + chartFill[i] + `"/>`)
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// timelineChart draws interviews per month as columns, with a mark under
// each month in which an ICP or persona was reviewed.
func timelineChart(months []report.Month, id string) template.HTML {
	if len(months) == 0 {
		return ""
	}
	most := 1
	total := 0
	for _, m := range months {
		most = max(most, m.Interviews)
		total += m.Interviews
	}
	label := fmt.Sprintf("Interviews per month, %s to %s: %d in all, at most %d in a month; marks below show months with reviews.",
		months[0].Month, months[len(months)-1].Month, total, most)
	const step = 24 // a month's width; its column is 18 of it
	width := len(months) * step
	var b strings.Builder
	svgOpen(&b, id, fmt.Sprint(width), "60", "xMinYMax meet", label)
	for i, m := range months {
		h := 44 * float64(m.Interviews) / float64(most)
		fmt.Fprintf(&b, `<rect x="%d" y="%.2f" width="18" height="%.2f" fill="%s"/>`, i*step+3, 46-h, h, chartFill[0])
		if m.Reviewed > 0 {
			fmt.Fprintf(&b, `<path d="M%d 58 l5 -8 l5 8 z" fill="%s"/>`, i*step+7, chartInk)
		}
	}
	fmt.Fprintf(&b, `<line x1="0" y1="46.5" x2="%d" y2="46.5" stroke="%s" stroke-width=".6"/></svg>`, width, chartInk)
	return template.HTML(b.String())
}

// staleChart draws how many of the ICPs and personas lint judges stale.
func staleChart(t report.Totals, id string) template.HTML {
	if t.Reviewable == 0 {
		return ""
	}
	label := fmt.Sprintf("%d of %d active ICPs and personas are stale.", t.StaleEntities, t.Reviewable)
	var b strings.Builder
	svgOpen(&b, id, "100", "12", "none", label)
	stale := 100 * float64(t.StaleEntities) / float64(t.Reviewable)
	fmt.Fprintf(&b, `<rect x="0" y="1" width="100" height="10" fill="%s"/>`, chartFill[1])
	if stale > 0 {
		fmt.Fprintf(&b, `<rect x="%.2f" y="1" width="%.2f" height="10" fill="url(#%s)"/>`, 100-stale, stale, overPattern)
	}
	fmt.Fprintf(&b, `<rect x="0" y="1" width="100" height="10" fill="none" stroke="%s" stroke-width=".3"/></svg>`, chartInk)
	return template.HTML(b.String())
}

// customersChart draws an ICP's measured coverage of customers: a bar by
// count, a thinner one by value below it, and a mark at the declared
// customer_share.
func customersChart(c report.ICP, id string) template.HTML {
	m := c.Customers
	if m == nil {
		return ""
	}
	clamp := func(f float64) float64 { return math.Max(0, math.Min(1, f)) * 100 }
	label := fmt.Sprintf("Customers of %s that fit: %s by count", c.Title, report.Percent(m.Share))
	if m.ValueShare != nil {
		label += ", " + report.Percent(*m.ValueShare) + " by value"
	}
	if m.DeclaredShare != nil {
		label += "; declared " + report.Percent(*m.DeclaredShare)
	}
	var b strings.Builder
	svgOpen(&b, id, "100", "16", "none", label+".")
	fmt.Fprintf(&b, `<rect x="0" y="1" width="%.2f" height="8" fill="%s"/>`, clamp(m.Share), chartFill[0])
	fmt.Fprintf(&b, `<rect x="0" y="1" width="100" height="8" fill="none" stroke="%s" stroke-width=".3"/>`, chartInk)
	if m.ValueShare != nil {
		fmt.Fprintf(&b, `<rect x="0" y="11" width="%.2f" height="4" fill="%s"/>`, clamp(*m.ValueShare), chartFill[1%len(chartFill)])
		fmt.Fprintf(&b, `<rect x="0" y="11" width="100" height="4" fill="none" stroke="%s" stroke-width=".3"/>`, chartInk)
	}
	if m.DeclaredShare != nil {
		x := clamp(*m.DeclaredShare)
		fmt.Fprintf(&b, `<line x1="%.2f" y1="0" x2="%.2f" y2="16" stroke="%s" stroke-width=".8"/>`, x, x, chartInk)
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}
