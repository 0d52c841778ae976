package reporthtml

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"path"
	"strconv"
	"strings"

	"github.com/personakit/persona/pkg/report"
	"github.com/personakit/persona/pkg/slug"
	"github.com/personakit/persona/pkg/textsafe"
	"github.com/personakit/persona/pkg/words"
)

//go:embed site.html.tmpl
var siteTemplate string

// SiteRows is how many rows a list page holds; longer lists go on to
// numbered pages (index-2.html, ...), so that no page nears MaxSitePage.
const SiteRows = 200

// MaxSitePage is the most a page of the site may weigh. A page that would
// weigh more (a persona with a body of megabytes) is written with its
// body left out and a link to the file instead.
const MaxSitePage = 1 << 20

// SiteFile is one file of the site: its path, '/'-separated and relative
// to the site's directory, and its bytes.
type SiteFile struct {
	Name string
	Data []byte
}

// Site renders the report as a static site: an index with the ICPs at a
// glance and the charts, a page per ICP, persona (its card) and interview,
// and the persona, interview and finding lists, paginated. Links are
// relative, so the site works from a file system or any static host. The
// report must be built with entity paths relative to a page one directory
// below the site's root (icps/, personas/, interviews/), the only pages
// that link to entity files. write receives every file, from several
// goroutines at once; a file's Data is the caller's only until write
// returns, as its buffer then serves the next page.
func Site(r *report.Report, write func(SiteFile) error) error {
	bodies, err := bodiesOf(r, siteICPLevel, sitePersonaLevel)
	if err != nil {
		return err
	}
	pg := newPage(r, bodies, false)
	t, err := parseSite()
	if err != nil {
		return err
	}
	s := &site{r: r, pg: pg, t: t}
	s.personaViews = s.personas()
	s.name()
	// One stylesheet for every page: inlined, it would be half the site.
	if err := write(SiteFile{Name: "style.css", Data: []byte(reportCSS + siteCSS)}); err != nil {
		return err
	}
	return s.render(write)
}

// parseSite parses the template of the index pages, the one kind of site
// page still written by html/template: there are a few of them.
func parseSite() (*template.Template, error) {
	funcs := template.FuncMap{"plural": words.Plural, "head": siteHead, "foot": siteFoot, "pager": sitePager}
	return template.New("site").Funcs(funcs).Parse(siteTemplate)
}

// siteCSS adds the site's navigation to the report's stylesheet.
const siteCSS = `
.site-nav { margin: 0 0 .5rem; }
nav.pager p { margin: .5rem 0 1.5rem; }
td svg.chart { max-width: 10rem; height: 1.2rem; }
@media print {
  /* A persona's page prints as its card, on one sheet for the workshop
     wall: the notes, citations and file details stay on screen. */
  body.persona-page { font-size: 10pt; }
  body.persona-page header, body.persona-page footer, body.persona-page .detail,
  body.persona-page .body, body.persona-page .cite, body.persona-page p.meta + .cards ~ * { display: none; }
  body.persona-page main > p.meta { display: none; }
  body.persona-page article.persona { border: 1px solid #000; margin: 0; }
  body.persona-page dl.fields { gap: .1rem .75rem; }
}
`

type site struct {
	r  *report.Report
	pg *page
	t  *template.Template
	// pages maps an entity's path to its page, relative to the root.
	pages map[string]string
	// interviews are every interview the report names, each once.
	interviews []report.Interview
	citedBy    map[string][]siteLink
	claims     map[string][]string
	icpOf      map[string]*icpView // a persona's ICP, by persona path: the page's view
	// personaViews are every persona's view (personas), listed once for
	// the names, the pages and the list.
	personaViews []*personaView
}

// siteLink is a link from a page: text and a relative href.
type siteLink struct {
	Name, Page string
}

// siteCell is one cell of a list page.
type siteCell struct {
	Text, Href string
}

// sitePage is every page's data, flat: the fields every page shows and
// those of each kind of page side by side (the index, still a template,
// would find a field of an embedded struct by a slow search on every use).
type sitePage struct {
	Site, Title, Root, Generated string
	Report                       *report.Report
	// BodyClass styles a kind of page: a persona's prints as one card.
	BodyClass string
	ChartDefs template.HTML

	// Lists (the index's ICPs, or a list page's lines), paginated.
	Rows                      []icpView
	Head                      []string
	Lines                     [][]siteCell
	Page                      int
	Pages                     []string // every page's name when there are several
	Empty                     string
	StaleChart, TimelineChart template.HTML
	Unassigned                []personaView
	// HasAccounts and Uncovered: the customers in no ICP, on the first
	// index page, with match.accounts.
	HasAccounts bool
	Uncovered   []segmentView

	ICP                 icpView
	Personas            []personaView
	Citations           []siteCitation
	More, MoreCitations bool

	Persona           personaView
	ICPPage, ICPTitle string

	Interview report.Interview
	CitedBy   []siteLink
	Claims    []string
}

// name gives every entity its page: icps/, personas/ and interviews/,
// each name made once per directory from the id, in lower case so that
// case-insensitive file systems keep them apart. It runs on one core
// before any page is written, so it sizes its maps up front and reads
// the views and the report where they are, never copying a view or a
// Persona (grown and copied, it took 15 ms and 25 MB for 10,500 pages).
func (s *site) name() {
	views := s.icpViews()
	icps, personas, interviews := len(views), len(s.personaViews), s.r.Summary.Interviews
	s.pages = make(map[string]string, icps+personas+interviews)
	s.citedBy = make(map[string][]siteLink, interviews)
	s.claims = make(map[string][]string, interviews)
	s.icpOf = make(map[string]*icpView, personas)
	s.interviews = make([]report.Interview, 0, interviews)
	names := map[string]anchorSet{"icps": make(anchorSet, icps), "personas": make(anchorSet, personas), "interviews": make(anchorSet, interviews)}
	give := func(dir, p, id string) {
		if _, ok := s.pages[p]; !ok {
			name := strings.ToLower(cmp.Or(id, "untitled"))
			if slug.ReservedOnWindows(name) {
				name += "-page" // interviews/con.html cannot be checked out on Windows
			}
			s.pages[p] = dir + "/" + names[dir].unique(name) + ".html"
		}
	}
	seen := make(map[string]bool, interviews)
	addInterview := func(iv *report.Interview) {
		if !seen[iv.Path] {
			seen[iv.Path] = true
			s.interviews = append(s.interviews, *iv)
			give("interviews", iv.Path, iv.ID)
		}
	}
	for _, c := range views {
		give("icps", c.Path, c.ID)
		for _, ps := range [][]personaView{c.Personas, c.Retired} {
			for j := range ps {
				give("personas", ps[j].Path, ps[j].ID)
				s.icpOf[ps[j].Path] = c
			}
		}
		for _, ct := range c.Citations {
			s.claims[ct.Path] = append(s.claims[ct.Path], ct.Claims...)
		}
	}
	for _, p := range s.pg.Unassigned {
		give("personas", p.Path, p.ID)
	}
	// The interviews come from the Report's personas, whose paths are the
	// paths as shown (a view's are already links, percent-encoded).
	cite := func(ps []report.Persona) {
		for i := range ps {
			p := &ps[i]
			from := siteLink{cmp.Or(p.Name, p.ID), "../" + s.pages[p.Path]}
			for k := range p.Interviews {
				iv := &p.Interviews[k]
				addInterview(iv)
				s.citedBy[iv.Path] = append(s.citedBy[iv.Path], from)
			}
		}
	}
	for i := range s.r.ICPs {
		cite(s.r.ICPs[i].Personas)
	}
	cite(s.r.Unassigned)
	for i := range s.r.Uncited {
		addInterview(&s.r.Uncited[i])
	}
}

func (s *site) icps() []icpView {
	return append(append([]icpView(nil), s.pg.ICPs...), s.pg.RetiredICPs...)
}

// icpViews are the page's ICP views, active then retired, where the page
// holds them: icps copies them, for pages that change their copy.
func (s *site) icpViews() []*icpView {
	out := make([]*icpView, 0, len(s.pg.ICPs)+len(s.pg.RetiredICPs))
	for _, list := range [][]icpView{s.pg.ICPs, s.pg.RetiredICPs} {
		for i := range list {
			out = append(out, &list[i])
		}
	}
	return out
}

// personas are every persona of the site, in the views the page holds:
// pointers, since a copy per persona would grow with the site.
func (s *site) personas() []*personaView {
	var out []*personaView
	for _, c := range s.icpViews() {
		for _, ps := range [][]personaView{c.Personas, c.Retired} {
			for j := range ps {
				out = append(out, &ps[j])
			}
		}
	}
	for i := range s.pg.Unassigned {
		out = append(out, &s.pg.Unassigned[i])
	}
	return out
}

func (s *site) common(title, root string) sitePage {
	return sitePage{Site: s.r.Title, Title: title, Root: root, Generated: s.r.Generated, Report: s.r, ChartDefs: s.pg.ChartDefs}
}

// job is one page to render: its name, its data, and the template or
// the function that writes it.
type job struct {
	name, tmpl string
	write      func(*bytes.Buffer, *sitePage)
	data       sitePage
	// lean is the same page without what can make it heavy, for a page
	// that would weigh more than MaxSitePage; nil when nothing can go.
	lean func() sitePage
}

func (s *site) render(write func(SiteFile) error) error {
	// A page's data is made when its turn comes: made up front, every
	// page's data would be held at once.
	var jobs []func() job
	for _, j := range s.indexPages() {
		jobs = append(jobs, func() job { return j })
	}
	for _, c := range s.icps() {
		jobs = append(jobs, func() job { return s.icpPage(c) })
	}
	for _, p := range s.personaViews {
		jobs = append(jobs, func() job { return s.personaPage(*p) })
	}
	for i := range s.interviews {
		iv := &s.interviews[i]
		for page := range interviewPages(len(s.citedBy[iv.Path]), len(s.claims[iv.Path])) {
			jobs = append(jobs, func() job { return s.interviewPage(*iv, page) })
		}
	}
	jobs = append(jobs, s.lists()...)
	return onAllCores(len(jobs), func() func(int) error {
		// One buffer per worker, grown once to its largest page: a new
		// one per page grew by doubling ten thousand times.
		var b bytes.Buffer
		return func(i int) error { return s.renderOne(jobs[i](), write, &b) }
	})
}

func (s *site) renderOne(j job, write func(SiteFile) error, b *bytes.Buffer) error {
	b.Reset()
	execute := func(v sitePage) error {
		if j.write != nil {
			j.write(b, &v)
			return nil
		}
		return s.t.ExecuteTemplate(b, j.tmpl, v)
	}
	if err := execute(j.data); err != nil {
		return err
	}
	if b.Len() > MaxSitePage && j.lean != nil {
		b.Reset()
		if err := execute(j.lean()); err != nil {
			return err
		}
	}
	page := textsafe.HTML(b.Bytes())
	if len(page) > MaxSitePage {
		return fmt.Errorf("the page %s would weigh %d KiB, more than the %d KiB a page may", j.name, len(page)>>10, MaxSitePage>>10)
	}
	return write(SiteFile{Name: j.name, Data: page})
}

// pageNames names the pages of a list of n rows: base.html, base-2.html...
func pageNames(base string, n int) []string {
	count := max(1, (n+SiteRows-1)/SiteRows)
	out := make([]string, count)
	for i := range out {
		out[i] = base + ".html"
		if i > 0 {
			out[i] = fmt.Sprintf("%s-%d.html", base, i+1)
		}
	}
	return out
}

func (s *site) indexPages() []job {
	rows := s.icps()
	for i := range rows {
		rows[i].Page = s.pages[rows[i].Path]
	}
	names := pageNames("index", len(rows))
	var out []job
	for i, name := range names {
		v := s.common(s.r.Title, "")
		v.Page, v.Rows = i+1, rows[min(i*SiteRows, len(rows)):min((i+1)*SiteRows, len(rows))]
		if len(names) > 1 {
			v.Pages = names
		}
		if i == 0 {
			v.StaleChart, v.TimelineChart = s.pg.StaleChart, s.pg.TimelineChart
			v.HasAccounts, v.Uncovered = s.pg.HasAccounts, s.pg.Uncovered
			for _, p := range s.pg.Unassigned {
				p.Page = s.pages[p.Path]
				v.Unassigned = append(v.Unassigned, p)
			}
		}
		out = append(out, job{name: name, tmpl: "site-index", data: v})
	}
	return out
}

type siteCitation struct {
	report.Citation
	Page string
}

// siteListCap bounds the tables of an ICP page; the lists hold them all.
const siteListCap = 500

func (s *site) icpPage(c icpView) job {
	v := s.common(titleWord(c.Status, "ICP")+": "+c.Title, "../")
	v.ICP = c
	for _, p := range append(append([]personaView(nil), c.Personas...), c.Retired...) {
		p.Page = "../" + s.pages[p.Path]
		v.Personas = append(v.Personas, p)
	}
	if len(v.Personas) > siteListCap {
		v.Personas, v.More = v.Personas[:siteListCap], true
	}
	for _, ct := range c.Citations {
		sc := siteCitation{Citation: ct}
		if name, ok := s.pages[ct.Path]; ok {
			sc.Page = "../" + name
		}
		v.Citations = append(v.Citations, sc)
	}
	if len(v.Citations) > siteListCap {
		v.Citations, v.MoreCitations = v.Citations[:siteListCap], true
	}
	lean := func() sitePage {
		l := v
		l.ICP.Body = template.HTML(`<p class="meta">The notes of this ICP are too long for this page; read them in the file.</p>`)
		return l
	}
	return job{name: s.pages[c.Path], write: writeICPPage, data: v, lean: lean}
}

func (s *site) personaPage(p personaView) job {
	p.Standalone = true
	v := s.common(titleWord(p.Status, "Persona")+": "+p.Name, "../")
	v.Persona = p
	v.BodyClass = "persona-page"
	if c, ok := s.icpOf[p.Path]; ok {
		v.ICPPage, v.ICPTitle = "../"+s.pages[c.Path], c.Title
	}
	lean := func() sitePage {
		l := v
		l.Persona.Body = template.HTML(`<p class="meta">The notes of this persona are too long for this page; read them in the file.</p>`)
		return l
	}
	return job{name: s.pages[p.Path], write: writePersonaPage, data: v, lean: lean}
}

// interviewPages is how many pages an interview's page takes: the
// personas and claims citing it go on by SiteRows a page, like the lists,
// so that an interview cited 20,000 times still gets pages it can write.
func interviewPages(citedBy, claims int) int {
	return max(1, (max(citedBy, claims)+SiteRows-1)/SiteRows)
}

// interviewPage is page (0-based) of an interview's page. The pages after
// the first are named with a dot (cfo-1.2.html), which no page name made
// from an id holds, so they never take another interview's name.
func (s *site) interviewPage(iv report.Interview, page int) job {
	v := s.common("Interview "+iv.ID, "../")
	citedBy, claims := s.citedBy[iv.Path], s.claims[iv.Path]
	chunk := func(n int) (int, int) { return min(page*SiteRows, n), min((page+1)*SiteRows, n) }
	from, to := chunk(len(citedBy))
	v.Interview, v.CitedBy = iv, citedBy[from:to]
	from, to = chunk(len(claims))
	v.Claims = claims[from:to]
	first := s.pages[iv.Path]
	name := first
	if n := interviewPages(len(citedBy), len(claims)); n > 1 {
		base := strings.TrimSuffix(path.Base(first), ".html")
		for i := range n {
			p := base + ".html"
			if i > 0 {
				p = base + "." + strconv.Itoa(i+1) + ".html"
			}
			v.Pages = append(v.Pages, p)
		}
		v.Page = page + 1
		name = path.Dir(first) + "/" + v.Pages[page]
	}
	return job{name: name, write: writeInterviewPage, data: v}
}

// lists are the persona, interview and finding lists, paginated: a job
// per page, each making its own rows when its turn comes, on whichever
// core takes it (made up front, the rows of 20,000 entities and findings
// were made on one core before the first page).
func (s *site) lists() []func() job {
	personas := s.personaViews
	var out []func() job
	add := func(base, title, empty string, head []string, n int, row func(i int) []siteCell) {
		names := pageNames(base, n)
		for i, name := range names {
			out = append(out, func() job {
				v := s.common(title, "")
				v.Head, v.Page, v.Empty = head, i+1, empty
				from, to := min(i*SiteRows, n), min((i+1)*SiteRows, n)
				if to > from {
					v.Lines = make([][]siteCell, 0, to-from)
				}
				for k := from; k < to; k++ {
					v.Lines = append(v.Lines, row(k))
				}
				if len(names) > 1 {
					v.Pages = names
				}
				return job{name: name, write: writeListPage, data: v}
			})
		}
	}
	add("personas", "Personas", "There are no personas yet.", []string{"Persona", "ICP", "Status", "Type", "Evidence", "Reviewed", "Lint"}, len(personas), func(i int) []siteCell {
		p := personas[i]
		return []siteCell{{Text: p.Name, Href: s.pages[p.Path]}, {Text: report.OrDash(p.ICP)}, {Text: p.StatusLabel},
			{Text: p.Type}, {Text: p.EvidenceLabel}, {Text: p.Reviewed}, {Text: p.Lint}}
	})
	add("interviews", "Interviews", "There are no interviews yet.", []string{"Interview", "Date", "ICP", "Cited by"}, len(s.interviews), func(i int) []siteCell {
		iv := &s.interviews[i]
		return []siteCell{{Text: iv.ID, Href: s.pages[iv.Path]}, {Text: report.OrDash(iv.Date)}, {Text: report.OrDash(iv.ICP)},
			{Text: words.Plural(len(s.citedBy[iv.Path]), "persona")}}
	})
	add("findings", "Lint findings", "No findings.", []string{"Severity", "File", "Line", "Rule", "Message"}, len(s.r.Findings), func(i int) []siteCell {
		f := &s.r.Findings[i]
		return []siteCell{{Text: f.Severity.String()}, {Text: f.Path}, {Text: strconv.Itoa(f.Line)}, {Text: f.Rule}, {Text: f.Message}}
	})
	return out
}

// titleWord names a page's kind, saying when it is retired.
func titleWord(status, kind string) string {
	if status == "retired" {
		return "Retired " + strings.ToLower(kind[:1]) + kind[1:]
	}
	return kind
}
