// Package reporthtml writes the report as one self-contained HTML page or
// as a static site: cards, charts as inline SVG, bodies rendered by
// goldmark, every user string escaped.
package reporthtml

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

//go:embed report.html.tmpl
var htmlTemplate string

//go:embed report.css
var reportCSS string

// HTML writes the report as one self-contained page: inline CSS, no
// scripts, no external requests. Every user string is escaped as
// html/template escapes it: the page's head and tail are templates, the
// ICPs' sections are written by writeICPSection and the cards of personas
// outside any ICP by writeCard. Entity bodies are
// rendered by goldmark with raw HTML disabled and images reduced to their
// text.
func HTML(w io.Writer, r *report.Report) error {
	bodies, err := bodiesOf(r, htmlICPLevel, htmlPersonaLevel)
	if err != nil {
		return err
	}
	pg := newPage(r, bodies, true)
	pg.FindingRows = findingRows(r.Findings)
	pg.ContentsRows, pg.GlanceRows = contentsRows(pg), glanceRows(pg)
	funcs := template.FuncMap{
		"plural": words.Plural,
		"css":    func() template.CSS { return template.CSS(reportCSS) }, //nolint:gosec // our own stylesheet
		"href":   report.Href,
	}
	t, err := template.New("report").Funcs(funcs).Parse(htmlTemplate)
	if err != nil {
		return err
	}
	var head, tail, end bytes.Buffer
	for _, part := range []struct {
		b    *bytes.Buffer
		name string
	}{{&head, "head"}, {&tail, "tail"}, {&end, "tail-end"}} {
		if err := t.ExecuteTemplate(part.b, part.name, pg); err != nil {
			return err
		}
	}
	if _, err := w.Write(textsafe.HTML(head.Bytes())); err != nil {
		return err
	}
	if err := writeSections(w, pg); err != nil {
		return err
	}
	if _, err := w.Write(textsafe.HTML(tail.Bytes())); err != nil {
		return err
	}
	// The cards of the personas without a known ICP go between the
	// tail's two parts, made and written as the sections are: right
	// after an import they are every persona, 60 MB of cards for 10,500
	// files. Put into the template as one string, they were copied into
	// a buffer grown by doubling, which took longer than the rest of the
	// page; made before the page, they were all held until written.
	err = writeInOrder(w, len(pg.Unassigned), func(i int, b *bytes.Buffer) {
		writeCard(b, &pg.Unassigned[i])
	})
	if err != nil {
		return err
	}
	_, err = w.Write(textsafe.HTML(end.Bytes()))
	return err
}

// The views hold every label ready-made, so that what writes a page only
// escapes and places them.
type page struct {
	*report.Report
	ICPs, RetiredICPs []icpView
	Unassigned        []personaView
	// HasAccounts says the config names account data; Uncovered are then
	// the largest groups of customers in no ICP.
	HasAccounts bool
	Uncovered   []segmentView
	// Charts of the overview, with the ids they were given.
	StaleChart, TimelineChart template.HTML
	LastMonth                 string
	// ChartDefs holds the patterns the charts share, once per page.
	ChartDefs template.HTML
	// FindingRows are the rows of the findings table (findingRows);
	// ContentsRows and GlanceRows the ICPs' lines of the contents and of
	// the overview's table (contentsRows, glanceRows).
	FindingRows, ContentsRows, GlanceRows template.HTML
}

// segmentView is one row of the customers in no ICP.
type segmentView struct {
	Industry, Employees, Country, Customers, Share, ByValue string
}

type icpView struct {
	report.ICP
	// Anchor is the section's element id, unique in the page.
	Anchor                                         string
	Title, Reviewed, Lint, Owners, BuyingCommittee string
	ShareTotal, ShareUnassigned                    string
	PersonaCount                                   string
	ShareUnknown, InterviewCount                   int
	Body                                           template.HTML
	// Personas are those in play, Retired those set aside.
	Personas, Retired []personaView
	// cards, when set, fills Personas and Retired: the report's section
	// writer makes an ICP's persona views when its turn comes and drops
	// them once written, instead of every view being made before the
	// first section is written and kept until the last.
	cards      func(v *icpView)
	ShareChart template.HTML
	// CustomersChart and CustomersLine show the measured coverage of
	// customers, with match.accounts.
	CustomersChart template.HTML
	CustomersLine  string
	// Page is the ICP's page in a site, relative to the page linking it.
	Page string
	Href string // links the report.ICP's file
}

type personaView struct {
	report.Persona
	// Anchor is the card's element id, unique in the page: two
	// personas may share an id (id-duplicate says so), their cards not.
	Anchor                                                  string
	Name, Role, RoleLine, BuyingRole, Share, Reviewed, Lint string
	Owners, Channels, EvidenceLabel, EvidenceCount          string
	Body                                                    template.HTML
	// Monogram stands in for a picture on the card; Quote is the first
	// quote, the card's headline.
	Monogram, Quote, StatusLabel string
	ClaimGroups                  []claimGroup
	EvidenceChart                template.HTML
	Redacted                     bool
	// Page is the persona's page in a site, relative to the page linking it.
	Page string
	// Href links the persona's file; the view's interviews and claims
	// carry hrefs in their paths, made once here rather than by a
	// template function per link.
	Href string
	// Standalone: the card is a page of its own, its name the h2 under
	// the page's h1, not an h4 in an ICP's section.
	Standalone bool
}

// claimGroup is one claim list of a card (goals, frustrations, ...).
type claimGroup struct {
	Label  string
	Claims []report.Claim
}

// newPage makes the page's views; with lazyCards, each ICP's persona views
// are left to be made where its section is written (icpView.cards).
func newPage(r *report.Report, bodies renderedBodies, lazyCards bool) *page {
	pg := &page{Report: r, ChartDefs: chartDefs(), HasAccounts: r.UncoveredSegments != nil}
	for _, g := range r.UncoveredSegments {
		pg.Uncovered = append(pg.Uncovered, segmentView{Industry: report.SegmentPart(g.Industry), Employees: report.SegmentPart(g.Employees),
			Country: report.SegmentPart(g.Country), Customers: words.Number(float64(g.Customers)), Share: words.Percent(g.Share), ByValue: report.PercentOrDash(g.ValueShare)})
	}
	// Sized up front: two ids an ICP and two a persona, given one after
	// another on one core before the views are made on all of them.
	ids := len(r.Unassigned)
	for i := range r.ICPs {
		ids += 1 + len(r.ICPs[i].Personas)
	}
	anchors := make(anchorSet, 2*ids+8)
	anchors.unique(gapPattern)
	anchors.unique(overPattern)
	pg.StaleChart = staleChart(r.Summary, anchors.unique("chart-stale"))
	pg.TimelineChart = timelineChart(r.Timeline, anchors.unique("chart-timeline"))
	if len(r.Timeline) > 0 {
		pg.LastMonth = r.Timeline[len(r.Timeline)-1].Month
	}
	// Element ids are given in page order, one after another, so that
	// each is unique; the views are then made on all cores.
	personaIDs := func(id string) viewIDs {
		return viewIDs{anchors.unique("persona-" + id), anchors.unique("chart-evidence-" + id)}
	}
	icpIDs := make([]viewIDs, len(r.ICPs))
	cardIDs := make([][]viewIDs, len(r.ICPs))
	customerIDs := make([]string, len(r.ICPs))
	for i := range r.ICPs {
		c := &r.ICPs[i]
		icpIDs[i] = viewIDs{anchors.unique("icp-" + c.ID), anchors.unique("chart-share-" + c.ID)}
		if c.Customers != nil {
			customerIDs[i] = anchors.unique("chart-customers-" + c.ID)
		}
		cardIDs[i] = make([]viewIDs, len(c.Personas))
		for j := range c.Personas {
			cardIDs[i][j] = personaIDs(c.Personas[j].ID)
		}
	}
	unassignedIDs := make([]viewIDs, len(r.Unassigned))
	for i := range r.Unassigned {
		unassignedIDs[i] = personaIDs(r.Unassigned[i].ID)
	}
	// Personas without a known ICP are shown whole, as cards: right after
	// an import, that is every persona (SPEC §8). Their views are made on
	// all cores with the ICPs' views (made one after another, those of
	// 10,500 realistic files took 10-30 ms before any section); HTML
	// writes their cards as it writes the sections.
	pg.Unassigned = make([]personaView, len(r.Unassigned))
	views := make([]icpView, len(r.ICPs))
	_ = onAllCores(len(r.ICPs)+len(r.Unassigned), func() func(int) error {
		return func(i int) error {
			if i >= len(r.ICPs) {
				j := i - len(r.ICPs)
				pv := newPersonaView(r.Unassigned[j], bodies, unassignedIDs[j])
				pv.Redacted = r.Redacted
				pg.Unassigned[j] = pv
				return nil
			}
			c := r.ICPs[i]
			v := icpView{
				ICP: c, Anchor: icpIDs[i].anchor, Title: cmp.Or(c.Title, c.ID), Reviewed: report.ReviewedLabel(c.Reviewed, c.Stale), Lint: report.LintLabel(c.Lint),
				Owners: orNoneText(c.Owners), BuyingCommittee: strings.Join(c.BuyingCommittee, ", "),
				ShareTotal: words.Percent(c.Share.Total), ShareUnassigned: words.Percent(c.Share.Unassigned), ShareUnknown: c.Share.Unknown,
				PersonaCount: report.PersonaCount(c.ActivePersonas, len(c.Personas)), InterviewCount: len(c.Citations), Body: bodies.icp(c.Body),
				Href: report.Href(c.Path),
			}
			v.ShareChart = shareChart(c, icpIDs[i].chart)
			if c.Customers != nil {
				v.CustomersChart, v.CustomersLine = customersChart(c, customerIDs[i]), report.CustomersLine(*c.Customers)
			}
			ids := cardIDs[i]
			v.cards = func(v *icpView) {
				// Sized first: a persona's view is large, and appends
				// copied each ICP's views once or twice over.
				retired := 0
				for j := range c.Personas {
					if c.Personas[j].Status == string(model.StatusRetired) {
						retired++
					}
				}
				v.Personas, v.Retired = make([]personaView, 0, len(c.Personas)-retired), make([]personaView, 0, retired)
				for j, p := range c.Personas {
					pv := newPersonaView(p, bodies, ids[j])
					pv.Redacted = r.Redacted
					if p.Status == string(model.StatusRetired) {
						v.Retired = append(v.Retired, pv)
					} else {
						v.Personas = append(v.Personas, pv)
					}
				}
			}
			if !lazyCards {
				v.cards(&v)
				v.cards = nil
			}
			views[i] = v
			return nil
		}
	})
	for _, v := range views {
		if v.Status == string(model.StatusRetired) {
			pg.RetiredICPs = append(pg.RetiredICPs, v)
		} else {
			pg.ICPs = append(pg.ICPs, v)
		}
	}
	return pg
}

// monogram is up to two initials of a name, for the card without a picture.
func monogram(name string) string {
	var out []rune
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				out = append(out, unicode.ToUpper(r))
				break
			}
		}
		if len(out) == 2 {
			break
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return string(out)
}

// anchorSet hands out element ids, each once: an id is made of letters,
// digits, '-' and '_' (anything else becomes '-'), and a second "x" is
// "x-2". The page's fixed ids (summary, uncited, lint, ...) never start
// with "icp-" or "persona-".
//
// The set also remembers, under "\x00"+base (no id holds a NUL), the
// number to try next for a base, so that the thousandth "x" costs what
// the second does, not a scan past the 998 taken before it.
type anchorSet map[string]int

func (a anchorSet) unique(base string) string {
	base = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, base)
	taken := func(id string) bool {
		return a[id] > 0 || a[id+"-h"] > 0 || strings.HasSuffix(id, "-h") && a[strings.TrimSuffix(id, "-h")] > 0
	}
	id := base
	if taken(id) {
		n := max(a["\x00"+base], 2)
		for id = fmt.Sprintf("%s-%d", base, n); taken(id); id = fmt.Sprintf("%s-%d", base, n) {
			n++
		}
		a["\x00"+base] = n + 1
	}
	a[id] = 1
	return id
}

// viewIDs are the element ids of an ICP's section or a persona's card,
// and of its chart.
type viewIDs struct{ anchor, chart string }

// newPersonaView makes a persona's view, its card and evidence chart
// given the element ids ids.
func newPersonaView(p report.Persona, bodies renderedBodies, ids viewIDs) personaView {
	share := "—"
	if p.Share != nil {
		share = words.Percent(*p.Share)
	}
	// The view shares the report's interviews and claims, read only: their
	// paths are made links as they are written (writeClaim), not in copies
	// of them (20 MB in a report of 10,500 realistic files). A group is a
	// run of claims of one list, a slice of them capped at its end, its
	// label made once a list.
	var groups []claimGroup
	label, list, start := "", "", 0
	for i, c := range p.Claims {
		if i == 0 || c.List != list {
			list = c.List
			label = strings.ToUpper(list[:min(1, len(list))]) + list[min(1, len(list)):]
		}
		if len(groups) == 0 || groups[len(groups)-1].Label != label {
			groups = append(groups, claimGroup{Label: label})
			start = i
		}
		groups[len(groups)-1].Claims = p.Claims[start : i+1 : i+1]
	}
	quote := ""
	if len(p.Quotes) > 0 {
		quote = p.Quotes[0]
	}
	return personaView{
		Anchor: ids.anchor, Href: report.Href(p.Path), Monogram: monogram(cmp.Or(p.Name, p.ID)), Quote: quote, StatusLabel: report.StatusLabel(p.Status),
		ClaimGroups: groups, EvidenceChart: evidenceChart(p, ids.chart),
		Persona: p, Name: cmp.Or(p.Name, p.ID), Role: report.OrDash(p.Role),
		RoleLine: report.OrDash(strings.Join(report.NonEmpty(p.Role, p.Seniority, p.Department), ", ")), BuyingRole: report.OrDash(p.BuyingRole),
		Share: share, Reviewed: report.ReviewedLabel(p.Reviewed, p.Stale), Lint: report.LintLabel(p.Lint), Owners: orNoneText(p.Owners),
		Channels: strings.Join(p.Channels, ", "), EvidenceLabel: report.EvidenceLabel(p.Evidence),
		EvidenceCount: words.Plural(p.Evidence.Interviews, "interview"), Body: bodies.persona(p.Body),
	}
}

func orNoneText(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}

// writeSections writes every ICP's section to w, each after a line break,
// in order (writeInOrder). The sections are nearly all of the page (tens
// of megabytes for ten thousand personas), and none is kept once written.
func writeSections(w io.Writer, r *page) error {
	// Active ICPs first, then the retired ones, which sit apart.
	icps := append(append([]icpView(nil), r.ICPs...), r.RetiredICPs...)
	return writeInOrder(w, len(icps), func(i int, b *bytes.Buffer) {
		v := icps[i] // a copy, whose persona views go with it
		if v.cards != nil {
			v.cards(&v)
		}
		b.Grow(sectionSize(&v))
		b.WriteByte('\n')
		writeICPSection(b, &v)
	})
}

// writeInOrder writes n parts of the page to w in order: each rendered
// on all cores into its core's buffer, made valid HTML by textsafe there
// too, and written as soon as the ones before it are. A write that fails
// stops the rest, and its error is returned.
func writeInOrder(w io.Writer, n int, render func(i int, b *bytes.Buffer)) error {
	var mu sync.Mutex
	turn := sync.NewCond(&mu)
	next := 0 // the part to write next
	var werr error
	// Parts are handed out in order, so the one whose turn it is is
	// always being rendered by a core that is not waiting.
	parallel.Each(n, func(int) func(int) {
		// Each core renders into one buffer, grown to the largest part it
		// met: a buffer per section spent a tenth of the report's time
		// allocating and clearing memory.
		var b bytes.Buffer
		return func(i int) {
			b.Reset()
			mu.Lock()
			failed := werr != nil
			mu.Unlock()
			var part []byte
			if !failed {
				render(i, &b)
				part = textsafe.HTML(b.Bytes())
			}
			mu.Lock()
			for next != i {
				turn.Wait()
			}
			if werr == nil {
				_, werr = w.Write(part)
			}
			next++
			turn.Broadcast()
			mu.Unlock()
			if b.Cap() > maxKeptSection {
				b = bytes.Buffer{}
			}
		}
	})
	return werr
}

// maxKeptSection bounds the buffer a core keeps between sections: one huge
// ICP must not hold its size for the rest of the run.
const maxKeptSection = 4 << 20

// sectionSize guesses the bytes of an ICP's section from above: its
// rendered bodies, and for each card and table row the markup around
// them, so that the buffer is not grown (and copied) card after card.
func sectionSize(v *icpView) int {
	n := 4096 + len(v.Body)
	for _, ps := range [][]personaView{v.Personas, v.Retired} {
		for i := range ps {
			n += 6144 + 2*len(ps[i].Body)
			for _, g := range ps[i].ClaimGroups {
				for _, c := range g.Claims {
					n += 128 + 2*len(c.Text)
				}
			}
		}
	}
	return n
}

// newBodyRenderer renders entity bodies: CommonMark plus tables and
// strikethrough, headings shifted below the report's own, and images shown
// as their alt text so the page makes no request.
func newBodyRenderer(shift int) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(
			html.WithXHTML(),
			renderer.WithNodeRenderers(util.Prioritized(&bodyNodes{shift: shift}, 100)),
		),
	)
}

type bodyNodes struct{ shift int }

func (r *bodyNodes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindImage, r.image)
}

func (r *bodyNodes) heading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := min(n.Level+r.shift, 6)
	if entering {
		_, _ = w.WriteString("<h" + string(rune('0'+level)) + ">")
	} else {
		_, _ = w.WriteString("</h" + string(rune('0'+level)) + ">\n")
	}
	return ast.WalkContinue, nil
}

func (r *bodyNodes) image(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	var alt bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			alt.Write(t.Segment.Value(source))
		}
	}
	_, _ = w.WriteString(`<span class="image">[image: `)
	_, _ = w.Write(util.EscapeHTML(alt.Bytes()))
	_, _ = w.WriteString(`]</span>`)
	return ast.WalkSkipChildren, nil
}

// onAllCores calls work(i) for every i below n on every core; each worker
// gets its own work function from newWorker, so it may keep state (a
// parser) across the items it takes. It returns the error of the lowest
// item that failed.
func onAllCores(n int, newWorker func() func(i int) error) error {
	errs := make([]error, n)
	parallel.Each(n, func(int) func(int) {
		work := newWorker()
		return func(i int) { errs[i] = work(i) }
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// findingRows writes the findings table's rows, as the template wrote
// them: a big repository has thousands of findings, and the template
// took milliseconds on them by reflection while every core but one
// waited for the page's head and tail. contentsRows and glanceRows do
// the same for a line per ICP.
func findingRows(findings []finding.Finding) template.HTML {
	var b bytes.Buffer
	for _, f := range findings {
		b.WriteString("\n<tr><td>")
		escapeText(&b, f.Severity.String())
		b.WriteString("</td><td>")
		escapeText(&b, f.Path)
		b.WriteString(`</td><td class="num">`)
		b.WriteString(strconv.Itoa(f.Line))
		b.WriteString("</td><td>")
		escapeText(&b, f.Rule)
		b.WriteString("</td><td>")
		escapeText(&b, f.Message)
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String()) //nolint:gosec // every value escaped above
}

// contentsRows are the contents' lines of the ICPs, active then retired.
func contentsRows(pg *page) template.HTML {
	var b bytes.Buffer
	for i := range pg.ICPs {
		writeContentsRow(&b, &pg.ICPs[i], "ICP: ")
	}
	for i := range pg.RetiredICPs {
		writeContentsRow(&b, &pg.RetiredICPs[i], "Retired ICP: ")
	}
	return template.HTML(b.String()) //nolint:gosec // every value escaped
}

func writeContentsRow(b *bytes.Buffer, v *icpView, label string) {
	b.WriteString("\n<li><a href=\"#")
	escapeURLPart(b, v.Anchor)
	b.WriteString(`">`)
	b.WriteString(label)
	escapeText(b, v.Title)
	b.WriteString("</a></li>")
}

// glanceRows are the rows of the overview's table of ICPs, active then
// retired.
func glanceRows(pg *page) template.HTML {
	var b bytes.Buffer
	for i := range pg.ICPs {
		v := &pg.ICPs[i]
		b.WriteString("\n<tr>")
		writeGlanceTitle(&b, v)
		b.WriteString(`<td><span class="status status-`)
		escapeText(&b, v.Status)
		b.WriteString(`">`)
		escapeText(&b, v.Status)
		b.WriteString("</span></td>")
		writeGlanceCounts(&b, v)
		if v.Stale {
			b.WriteString(` class="stale"`)
		}
		writeGlanceEnd(&b, v)
	}
	for i := range pg.RetiredICPs {
		v := &pg.RetiredICPs[i]
		b.WriteString("\n<tr class=\"retired\">")
		writeGlanceTitle(&b, v)
		b.WriteString(`<td><span class="status status-retired">retired</span></td>`)
		writeGlanceCounts(&b, v)
		writeGlanceEnd(&b, v)
	}
	return template.HTML(b.String()) //nolint:gosec // every value escaped
}

func writeGlanceTitle(b *bytes.Buffer, v *icpView) {
	b.WriteString(`<th scope="row"><a href="#`)
	escapeURLPart(b, v.Anchor)
	b.WriteString(`">`)
	escapeText(b, v.Title)
	b.WriteString("</a></th>")
}

// writeGlanceCounts writes a row's counts, up to its review cell's
// attributes.
func writeGlanceCounts(b *bytes.Buffer, v *icpView) {
	b.WriteString(`<td class="num">`)
	escapeText(b, v.PersonaCount)
	b.WriteString(`</td><td class="num">`)
	escapeText(b, v.ShareTotal)
	b.WriteString(`</td><td class="num">`)
	b.WriteString(strconv.Itoa(v.InterviewCount))
	b.WriteString("</td><td")
}

func writeGlanceEnd(b *bytes.Buffer, v *icpView) {
	b.WriteString(">")
	escapeText(b, v.Reviewed)
	b.WriteString("</td><td>")
	escapeText(b, v.Lint)
	b.WriteString("</td></tr>")
}
