// Package report turns a loaded workspace and its lint findings into the
// views people read: per ICP its constraints and personas, per persona its
// evidence, and the interviews nobody cites. The data is built once and
// written as JSON here, as Markdown by reportmd and as a page or a site by
// reporthtml.
package report

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/match"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/pii"
	"github.com/personakit/persona/pkg/quote"
	"github.com/personakit/persona/pkg/words"
	"github.com/personakit/persona/pkg/workspace"
)

// Report is the whole summary; its JSON form is the json format.
type Report struct {
	Version   int    `json:"version"`
	Generated string `json:"generated"`
	Title     string `json:"title"`
	Redacted  bool   `json:"redacted"`
	Summary   Totals `json:"summary"`
	ICPs      []ICP  `json:"icps"`
	// Unassigned holds personas whose ICP is missing or unknown.
	Unassigned []Persona         `json:"unassigned_personas"`
	Uncited    []Interview       `json:"uncited_interviews"`
	Lint       LintCounts        `json:"lint"`
	Findings   []finding.Finding `json:"findings"`
	// Prerendered are the bodies a renderer started on before the report
	// was built (Options.Bodies), if any.
	Prerendered Prerendered `json:"-"`
	// Timeline counts interviews and reviews per month, for the last
	// MaxTimelineMonths months that have any.
	Timeline []Month `json:"interviews_by_month"`
	// UncoveredSegments are the largest groups of customers in no ICP,
	// with match.accounts in the config (SPEC §13); absent without.
	UncoveredSegments []match.Segment `json:"uncovered_segments,omitempty"`
}

// Customers is what matching the account data measured of one ICP (SPEC
// §13): its measured coverage beside its declared share.
type Customers struct {
	Source        string   `json:"source"`
	Customers     int      `json:"customers"`
	Fit           int      `json:"customers_fit"`
	Share         float64  `json:"customer_share"`
	ValueShare    *float64 `json:"value_share"`
	DeclaredShare *float64 `json:"declared_share"`
}

// Month is one month of the timeline.
type Month struct {
	Month      string `json:"month"` // YYYY-MM
	Interviews int    `json:"interviews"`
	// Reviewed counts the ICPs and personas last reviewed that month.
	Reviewed int `json:"reviewed"`
}

// MaxTimelineMonths bounds the timeline, so a stray date in 1970 cannot
// make the report grow with the years between.
const MaxTimelineMonths = 36

// Totals counts the workspace.
type Totals struct {
	ICPs              int `json:"icps"`
	Personas          int `json:"personas"`
	Interviews        int `json:"interviews"`
	UncitedInterviews int `json:"uncited_interviews"`
	StaleEntities     int `json:"stale"`
	// Reviewable counts the active ICPs and personas, those stale judges.
	Reviewable int `json:"reviewable"`
	// CountedPersonas are the active, non-negative personas lint counts;
	// GroundedPersonas those of them citing three or more interviews.
	CountedPersonas  int `json:"counted_personas"`
	GroundedPersonas int `json:"grounded_personas"`
	// NewestInterview is the date of the newest interview ("" for none).
	NewestInterview string `json:"newest_interview"`
	// AtAGlance is the summary a reader needs first, one sentence.
	AtAGlance string `json:"at_a_glance"`
}

// LintCounts counts findings by severity.
type LintCounts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Total is the number of findings.
func (c LintCounts) Total() int { return c.Errors + c.Warnings + c.Infos }

// Constraint is one attribute an ICP constrains.
type Constraint struct {
	Attribute string `json:"attribute"`
	Value     string `json:"value"`
}

// ICP is the view of one ideal customer profile.
type ICP struct {
	ID              string       `json:"id"`
	Title           string       `json:"title"`
	Segment         string       `json:"segment"`
	Status          string       `json:"status"`
	Path            string       `json:"path"`
	Owners          []string     `json:"owners"`
	Reviewed        string       `json:"reviewed"`
	Stale           bool         `json:"stale"`
	Constraints     []Constraint `json:"constraints"`
	Pains           []string     `json:"pains"`
	Needs           []string     `json:"needs"`
	Goals           []string     `json:"goals"`
	Triggers        []string     `json:"triggers"`
	Disqualifiers   []string     `json:"disqualifiers"`
	Channels        []string     `json:"channels"`
	BuyingCommittee []string     `json:"buying_committee"`
	Share           Share        `json:"share"`
	Lint            LintCounts   `json:"lint"`
	Personas        []Persona    `json:"personas"`
	// ActivePersonas counts the personas lint counts (active, not
	// negative), which may be fewer than Personas lists.
	ActivePersonas int        `json:"active_personas"`
	Citations      []Citation `json:"interview_citations"`
	Body           string     `json:"body"`
	// Customers is the ICP's measured coverage, with match.accounts.
	Customers *Customers `json:"customers,omitempty"`
}

// Share is the coverage of an ICP by its personas' shares.
type Share struct {
	Total      float64 `json:"total"`
	Unassigned float64 `json:"unassigned"`
	// Unknown counts counted personas that state no share.
	Unknown int `json:"personas_without_share"`
}

// Persona is the view of one persona.
type Persona struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Type         string   `json:"type"`
	Status       string   `json:"status"`
	ICP          string   `json:"icp"`
	Path         string   `json:"path"`
	Role         string   `json:"role"`
	Seniority    string   `json:"seniority"`
	Department   string   `json:"department"`
	BuyingRole   string   `json:"buying_role"`
	Share        *float64 `json:"share"`
	Owners       []string `json:"owners"`
	Reviewed     string   `json:"reviewed"`
	Stale        bool     `json:"stale"`
	Goals        []string `json:"goals"`
	Motivations  []string `json:"motivations"`
	Frustrations []string `json:"frustrations"`
	Aspirations  []string `json:"aspirations"`
	Channels     []string `json:"channels"`
	Objections   []string `json:"objections"`
	Quotes       []string `json:"quotes"`
	// Claims are the persona's claims, front matter and body, each with
	// its evidence (SPEC §9).
	Claims   []Claim  `json:"claims"`
	Evidence Evidence `json:"evidence"`
	// ExternalEvidence lists the http(s) URLs cited as evidence.
	ExternalEvidence []string    `json:"external_evidence"`
	Interviews       []Interview `json:"interviews"`
	Lint             LintCounts  `json:"lint"`
	Body             string      `json:"body"`
}

// Evidence says how well a persona is grounded.
type Evidence struct {
	Interviews int `json:"interviews"`
	// Participants counts the people behind the cited interviews: a
	// survey's 140 respondents are 140, not one file (SPEC §12).
	Participants int    `json:"participants"`
	Newest       string `json:"newest"`
	// Confidence is high (3+ participants, the newest interview within
	// a year), medium (2+ participants) or low.
	Confidence string `json:"confidence"`
	// External counts the distinct URLs of evidence kept elsewhere, never
	// fetched and not counted in Confidence.
	External int `json:"external"`
	// Claims and SupportedClaims are the persona's evidence coverage: its
	// claims, and those with evidence that resolves (SPEC §9).
	Claims          int `json:"claims"`
	SupportedClaims int `json:"supported_claims"`
}

// Interview is the view of one interview. Redacted reports drop the
// interviewee's details and the interviewer.
type Interview struct {
	ID          string `json:"id"`
	Path        string `json:"path"`
	Date        string `json:"date"`
	ICP         string `json:"icp"`
	Role        string `json:"role,omitempty"`
	CompanySize string `json:"company_size,omitempty"`
	Region      string `json:"region,omitempty"`
	Interviewer string `json:"interviewer,omitempty"`
	Channel     string `json:"channel,omitempty"`
	Consent     bool   `json:"consent"`
}

// Citation lists the personas of an ICP that cite one interview. Only
// citations that exist are listed, so the report grows with the number of
// citations, never with personas × interviews.
type Citation struct {
	Interview string   `json:"interview"`
	Path      string   `json:"path"`
	CitedBy   []string `json:"cited_by"`
	// Claims are the claims that cite the interview, as "persona: claim".
	Claims []string `json:"claims"`
}

// Claim is one claim of a persona with its evidence.
type Claim struct {
	List     string          `json:"list"`
	Text     string          `json:"text"`
	Evidence []ClaimEvidence `json:"evidence"`
}

// ClaimEvidence is one interview a claim cites, with the words quoted and
// the line of the interview file they are on when they are found there.
type ClaimEvidence struct {
	Interview string `json:"interview"`
	Path      string `json:"path,omitempty"` // empty when the reference resolves to no interview
	Quote     string `json:"quote,omitempty"`
	Line      int    `json:"line,omitempty"`
}

// Options shape the report.
type Options struct {
	Today time.Time
	// Stale is the stale rule's judgement of an entity (lint.Runner's),
	// so the report calls stale exactly what lint does; nil: nothing is.
	Stale  func(d *model.Document) bool
	Redact bool
	// PIIRegions are the regions whose national phone numbers a redacted
	// report removes (the interview-pii rule's regions).
	PIIRegions []string
	Title      string
	Display    func(rel string) string
	// ICP and Status scope the report: only that ICP (its personas and
	// interviews), only ICPs and personas of that status; "" is all.
	ICP, Status string
	// Bodies are the bodies a renderer started rendering before the
	// report was built (reporthtml.Prerender), or nil.
	Bodies Prerendered
	// Accounts is persona match's summary of the config's match.accounts,
	// nil without them.
	Accounts *match.Summary
	// QuoteLine says where a quote starts in an interview's notes when the
	// lint run found it there (lint.Options.QuoteFound); the report looks
	// for the others itself. Nil: it looks for every quote.
	QuoteLine func(interview *model.Document, quote string) (int, bool)
}

// Prerendered are entity bodies a renderer started on ahead of the report:
// the report takes each body's text from them, so that the two share one
// copy.
type Prerendered interface {
	Text(d *model.Document) (string, bool)
}

// Build assembles the report from a workspace loaded with bodies and the
// lint findings of the same run, whose paths must be workspace-relative
// (lint.Options.Display nil); opts.Display shows every path.
func Build(ws *workspace.Workspace, findings []finding.Finding, opts Options) *Report {
	if opts.Display == nil {
		opts.Display = func(rel string) string { return rel }
	}
	r := &Report{Version: 1, Generated: opts.Today.Format("2006-01-02"), Title: opts.Title, Redacted: opts.Redact,
		ICPs: []ICP{}, Unassigned: []Persona{}, Uncited: []Interview{}, Findings: []finding.Finding{}, Prerendered: opts.Bodies}
	lintByPath := map[string]LintCounts{}
	for _, f := range findings {
		c := lintByPath[f.Path]
		switch f.Severity {
		case finding.Error:
			c.Errors++
		case finding.Warning:
			c.Warnings++
		default:
			c.Infos++
		}
		lintByPath[f.Path] = c
	}
	b := newBuilder(ws, opts, lintByPath)
	r.ICPs = b.icps()
	if opts.Accounts != nil {
		addCustomers(r, opts.Accounts)
	}
	var unassigned []*model.Document
	for _, d := range ws.Entities(model.KindPersona) {
		if (d.Persona.ICP.Value == "" || ws.Lookup(model.KindICP, d.Persona.ICP.Value) == nil) && opts.ICP == "" && b.keep(d) {
			unassigned = append(unassigned, d)
		}
	}
	r.Unassigned = append(r.Unassigned, b.personasApart(unassigned)...)
	interviews := 0
	for _, d := range ws.Entities(model.KindInterview) {
		switch {
		case b.cited[d]:
			interviews++
			b.included[d.Path] = true
		case opts.ICP == "" || d.Interview.ICP.Value == opts.ICP:
			interviews++
			b.included[d.Path] = true
			r.Uncited = append(r.Uncited, b.interview(d))
		}
	}
	r.Summary = Totals{
		ICPs: len(r.ICPs), Personas: b.personas, Interviews: interviews,
		UncitedInterviews: len(r.Uncited), StaleEntities: b.stale, Reviewable: b.reviewable,
	}
	// Findings about what the report shows, and the lint totals of those.
	for _, f := range findings {
		if (opts.ICP != "" || opts.Status != "") && !b.included[f.Path] {
			continue
		}
		switch f.Severity {
		case finding.Error:
			r.Lint.Errors++
		case finding.Warning:
			r.Lint.Warnings++
		default:
			r.Lint.Infos++
		}
		msg := f.Message
		if opts.Redact {
			msg = pii.Finder{Regions: opts.PIIRegions}.Redact(msg)
		}
		f.Path, f.Message = opts.Display(f.Path), msg
		r.Findings = append(r.Findings, f)
	}
	r.Timeline = timeline(ws, func(d *model.Document) bool { return b.included[d.Path] })
	r.Summary.CountedPersonas, r.Summary.GroundedPersonas = b.counted, b.grounded
	var newest time.Time
	for _, d := range ws.Entities(model.KindInterview) {
		if t := d.Interview.Date; t.Valid && t.Time.After(newest) && b.included[d.Path] {
			newest = t.Time
		}
	}
	if !newest.IsZero() {
		r.Summary.NewestInterview = newest.Format("2006-01-02")
	}
	r.Summary.AtAGlance = atAGlance(r.Summary, newest, opts.Today)
	return r
}

// timeline counts interviews by the month of their date, and ICPs and
// personas by the month of their review, from the first month with any to
// the last, zeros included, the last MaxTimelineMonths at most.
func timeline(ws *workspace.Workspace, included func(*model.Document) bool) []Month {
	counts := map[string]*Month{}
	var first, last time.Time
	add := func(t time.Time, interview bool) {
		key := t.Format("2006-01")
		m := counts[key]
		if m == nil {
			m = &Month{Month: key}
			counts[key] = m
		}
		if interview {
			m.Interviews++
		} else {
			m.Reviewed++
		}
		start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		if first.IsZero() || start.Before(first) {
			first = start
		}
		if start.After(last) {
			last = start
		}
	}
	for _, d := range ws.Docs {
		if !included(d) {
			continue
		}
		switch {
		case d.Interview != nil && d.Interview.Date.Valid:
			add(d.Interview.Date.Time, true)
		case (d.ICP != nil || d.Persona != nil) && d.Reviewed.Valid:
			add(d.Reviewed.Time, false)
		}
	}
	out := []Month{}
	if last.IsZero() {
		return out
	}
	if from := last.AddDate(0, 1-MaxTimelineMonths, 0); first.Before(from) {
		first = from
	}
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		if m := counts[t.Format("2006-01")]; m != nil {
			out = append(out, *m)
		} else {
			out = append(out, Month{Month: t.Format("2006-01")})
		}
	}
	return out
}

// atAGlance says in one sentence what a reader needs first, and nothing
// vacuous: no "every interview is cited" without interviews.
func atAGlance(t Totals, newest, today time.Time) string {
	var parts []string
	switch {
	case t.CountedPersonas == 0:
		parts = append(parts, "no active personas yet")
	default:
		parts = append(parts, fmt.Sprintf("%d of %s grounded in 3 or more interviews", t.GroundedPersonas, words.Plural(t.CountedPersonas, "active persona")))
	}
	if t.StaleEntities > 0 {
		parts = append(parts, words.Plural(t.StaleEntities, "stale entity"))
	}
	switch {
	case newest.IsZero():
		parts = append(parts, "no interviews yet")
	default:
		days := int(today.Sub(newest).Hours() / 24)
		switch {
		case days < 0:
			parts = append(parts, "newest interview dated in the future ("+newest.Format("2006-01-02")+")")
		case days == 0:
			parts = append(parts, "newest interview today")
		default:
			unit := "days"
			if days == 1 {
				unit = "day"
			}
			parts = append(parts, fmt.Sprintf("newest interview %d %s ago", days, unit))
		}
		if t.UncitedInterviews > 0 {
			parts = append(parts, words.Plural(t.UncitedInterviews, "uncited interview"))
		}
	}
	s := strings.Join(parts, "; ") + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

type builder struct {
	ws    *workspace.Workspace
	opts  Options
	lint  map[string]LintCounts
	cited map[*model.Document]bool
	// claimsOf lists, per interview, the claims that cite it.
	claimsOf map[*model.Document][]string
	// folded holds each cited interview's notes, folded once for quotes.
	folded map[*model.Document]*quote.Text
	// shown holds the paths show made.
	shown map[*model.Document]string
	stale int
	// reviewable counts the active ICPs and personas.
	reviewable int
	// included are the workspace paths of what the report shows, and
	// personas how many personas it shows.
	included map[string]bool
	personas int
	// counted and grounded are the summary's active personas and those
	// citing three or more interviews.
	counted, grounded int
}

func newBuilder(ws *workspace.Workspace, opts Options, lint map[string]LintCounts) *builder {
	return &builder{ws: ws, opts: opts, lint: lint, cited: map[*model.Document]bool{}, claimsOf: map[*model.Document][]string{},
		folded: map[*model.Document]*quote.Text{}, included: map[string]bool{}, shown: map[*model.Document]string{}}
}

// apart builds n views on all cores, build(f, i) each on a builder f of
// its own, and joins the builders into b in order, calling joined(i)
// after the i-th: what a view says of its interviews' claims can then
// take in the views before it, as when they were built one after
// another. Each builder's folded notes are dropped with it, so the report
// never holds every interview's notes at once.
func (b *builder) apart(n int, build func(f *builder, i int), joined func(i int)) {
	builders := make([]*builder, n)
	parallel.Each(n, func(int) func(int) {
		return func(i int) {
			f := newBuilder(b.ws, b.opts, b.lint)
			build(f, i)
			f.folded, f.shown = nil, nil
			builders[i] = f
		}
	})
	for i, f := range builders {
		b.join(f)
		joined(i)
	}
}

// icps are the views of the ICPs the report shows (apart), each
// citation's claims those of the ICPs up to its own.
func (b *builder) icps() []ICP {
	var docs []*model.Document
	for _, d := range b.ws.Entities(model.KindICP) {
		if b.keep(d) {
			docs = append(docs, d)
		}
	}
	views := make([]ICP, len(docs))
	cites := make([][]*model.Document, len(docs)) // the interviews of each view's Citations
	b.apart(len(docs), func(f *builder, i int) { views[i], cites[i] = f.icp(docs[i]) }, func(i int) {
		for j, iv := range cites[i] {
			if claims := b.claimsOf[iv]; claims != nil {
				views[i].Citations[j].Claims = claims
			}
		}
	})
	return views
}

// personasApart are the views of personas shown outside any ICP, built
// as an ICP's are (apart): after an import every persona is one (SPEC §8).
func (b *builder) personasApart(docs []*model.Document) []Persona {
	views := make([]Persona, len(docs))
	b.apart(len(docs), func(f *builder, i int) { views[i], _ = f.persona(docs[i]) }, func(int) {})
	return views
}

// join adds what builder f counted and recorded to b's.
func (b *builder) join(f *builder) {
	b.stale += f.stale
	b.reviewable += f.reviewable
	b.personas += f.personas
	b.counted += f.counted
	b.grounded += f.grounded
	for d := range f.cited {
		b.cited[d] = true
	}
	for p := range f.included {
		b.included[p] = true
	}
	for iv, claims := range f.claimsOf {
		b.claimsOf[iv] = append(b.claimsOf[iv], claims...)
	}
}

// show is opts.Display of a document's path, once per document: a report
// links each interview from every claim that cites it.
func (b *builder) show(d *model.Document) string {
	s, ok := b.shown[d]
	if !ok {
		s = b.opts.Display(d.Path)
		b.shown[d] = s
	}
	return s
}

func texts(in []model.Str) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		out = append(out, s.Value)
	}
	return out
}

// keep reports whether the report's scope (--icp, --status) takes in an
// ICP or persona.
func (b *builder) keep(d *model.Document) bool {
	if b.opts.ICP != "" {
		if d.ICP != nil && d.ID != b.opts.ICP || d.Persona != nil && d.Persona.ICP.Value != b.opts.ICP {
			return false
		}
	}
	return b.opts.Status == "" || string(d.Status) == b.opts.Status
}

func (b *builder) reviewed(d *model.Document) (string, bool) {
	b.included[d.Path] = true
	stale := b.opts.Stale != nil && b.opts.Stale(d)
	if stale {
		b.stale++
	}
	if d.IsActive() {
		b.reviewable++
	}
	if !d.Reviewed.Valid {
		return "", stale
	}
	return d.Reviewed.Time.Format("2006-01-02"), stale
}

func (b *builder) icp(d *model.Document) (ICP, []*model.Document) {
	c := d.ICP
	reviewed, stale := b.reviewed(d)
	v := ICP{
		ID: d.ID, Title: c.Title.Value, Segment: orDefault(c.Segment.Value, "b2b"), Status: string(d.Status),
		Path: b.opts.Display(d.Path), Owners: texts(d.Owners), Reviewed: reviewed, Stale: stale,
		Constraints: constraints(c), Pains: texts(c.Pains), Needs: texts(c.Needs), Goals: texts(c.Goals),
		Triggers: texts(c.Triggers), Disqualifiers: texts(c.Disqualifiers), Channels: texts(c.Channels),
		BuyingCommittee: texts(c.BuyingCommittee), Lint: b.lint[d.Path],
		Personas: []Persona{}, Body: b.body(d),
	}
	if b.opts.Redact {
		finder := pii.Finder{Regions: b.opts.PIIRegions}
		v.Body = redactBody(v.Body, finder)
		for _, list := range []*[]string{&v.Pains, &v.Needs, &v.Goals, &v.Triggers, &v.Disqualifiers, &v.Channels} {
			*list = redactTexts(*list, finder)
		}
	}
	interviewSet := map[*model.Document]bool{}
	var interviews []*model.Document
	citedBy := map[*model.Document][]string{}
	for _, p := range b.ws.PersonasOf(d.ID) {
		if !b.keep(p) {
			continue
		}
		pv, cited := b.persona(p)
		v.Personas = append(v.Personas, pv)
		if p.CountsInICP() {
			v.ActivePersonas++
			if p.Persona.Share != nil {
				v.Share.Total += *p.Persona.Share
			} else {
				v.Share.Unknown++
			}
		}
		for _, iv := range cited {
			if !interviewSet[iv] {
				interviewSet[iv] = true
				interviews = append(interviews, iv)
			}
			citedBy[iv] = append(citedBy[iv], p.ID)
		}
	}
	v.Share.Total = round(v.Share.Total)
	v.Share.Unassigned = round(math.Max(0, 1-v.Share.Total))
	sort.Slice(interviews, func(i, j int) bool { return interviews[i].Path < interviews[j].Path })
	v.Citations = make([]Citation, 0, len(interviews))
	for _, iv := range interviews {
		claims := b.claimsOf[iv]
		if claims == nil {
			claims = []string{}
		}
		v.Citations = append(v.Citations, Citation{Interview: iv.ID, Path: b.show(iv), CitedBy: citedBy[iv], Claims: claims})
	}
	return v, interviews
}

// persona is d's view, and the interviews it cites (Workspace.Cites).
func (b *builder) persona(d *model.Document) (Persona, []*model.Document) {
	p := d.Persona
	refs := b.ws.ReferencesOf(d)
	claims := p.ClaimTexts()
	b.personas++
	reviewed, stale := b.reviewed(d)
	v := Persona{
		ID: d.ID, Name: p.Name.Value, Type: orDefault(p.Type.Value, "primary"), Status: string(d.Status),
		ICP: p.ICP.Value, Path: b.opts.Display(d.Path), Role: p.Role.Title.Value, Seniority: p.Role.Seniority.Value,
		Department: p.Role.Department.Value, BuyingRole: joinValues(p.BuyingRoles), Share: p.Share,
		Owners: texts(d.Owners), Reviewed: reviewed, Stale: stale,
		Goals: texts(claims.Goals), Motivations: texts(claims.Motivations), Frustrations: texts(claims.Frustrations),
		Aspirations: texts(claims.Aspirations), Channels: texts(p.Channels), Objections: texts(claims.Objections),
		Quotes: quoteTexts(p.QuoteItems), Interviews: []Interview{}, Lint: b.lint[d.Path], Body: b.body(d),
	}
	if b.opts.Redact {
		finder := pii.Finder{Regions: b.opts.PIIRegions}
		v.Quotes = []string{}
		v.Body = redactBody(v.Body, finder)
		for _, list := range []*[]string{&v.Goals, &v.Motivations, &v.Frustrations, &v.Aspirations, &v.Channels, &v.Objections} {
			*list = redactTexts(*list, finder)
		}
	}
	seen := map[*model.Document]bool{}
	var newest time.Time
	v.ExternalEvidence = []string{}
	for s := range p.Refs() {
		res := refs.Resolve(s.Value)
		if res.Status == workspace.SourceExternal {
			if u := strings.TrimSpace(s.Value); !slices.Contains(v.ExternalEvidence, u) {
				v.ExternalEvidence = append(v.ExternalEvidence, u)
			}
			continue
		}
		if res.Status != workspace.SourceFound || seen[res.Doc] {
			continue
		}
		v.Evidence.Participants += max(res.Doc.Interview.Participants, 1)
		seen[res.Doc] = true
		b.cited[res.Doc] = true
		v.Interviews = append(v.Interviews, b.interview(res.Doc))
		if t := res.Doc.Interview.Date; t.Valid && t.Time.After(newest) {
			newest = t.Time
		}
	}
	v.Claims = b.claims(d, refs)
	v.Evidence.Interviews = len(v.Interviews)
	if d.CountsInICP() {
		// Every persona is viewed once, so the summary counts here.
		b.counted++
		if v.Evidence.Interviews >= 3 {
			b.grounded++
		}
	}
	v.Evidence.SupportedClaims, v.Evidence.Claims = refs.EvidenceCoverage()
	if !newest.IsZero() {
		v.Evidence.Newest = newest.Format("2006-01-02")
	}
	fresh := !newest.IsZero() && b.opts.Today.Sub(newest).Hours()/24 <= 365
	v.Evidence.External = len(v.ExternalEvidence)
	switch n := v.Evidence.Participants; {
	case n >= 3 && fresh:
		v.Evidence.Confidence = "high"
	case n >= 2:
		v.Evidence.Confidence = "medium"
	default:
		v.Evidence.Confidence = "low"
	}
	return v, refs.Cites()
}

func (b *builder) interview(d *model.Document) Interview {
	iv := d.Interview
	v := Interview{ID: d.ID, Path: b.show(d), ICP: iv.ICP.Value, Channel: iv.Channel.Value,
		Consent: iv.Consent != nil && *iv.Consent}
	if iv.Date.Valid {
		v.Date = iv.Date.Time.Format("2006-01-02")
	}
	if !b.opts.Redact {
		v.Role, v.CompanySize, v.Region = iv.Interviewee.Role.Value, iv.Interviewee.CompanySize.Value, iv.Interviewee.Region.Value
		v.Interviewer = iv.Interviewer.Value
	}
	return v
}

func constraints(c *model.ICP) []Constraint {
	var out []Constraint
	list := func(name string, v []model.Str) {
		if len(v) > 0 {
			out = append(out, Constraint{name, strings.Join(texts(v), ", ")})
		}
	}
	rng := func(name string, r *model.Range) {
		if r == nil || (r.Min == nil && r.Max == nil) {
			return
		}
		out = append(out, Constraint{name, words.Range(r.Min, r.Max, r.Currency)})
	}
	f, g := c.Firmographics, c.Demographics
	list("Industries", f.Industries)
	rng("Employees", f.Employees)
	rng("Revenue", f.Revenue)
	list("Regions", f.Regions)
	list("Tech stack", f.TechStack)
	if f.BusinessModel.Value != "" {
		out = append(out, Constraint{"Business model", f.BusinessModel.Value})
	}
	rng("Age", g.Age)
	rng("Income", g.Income)
	list("Locations", g.Locations)
	list("Education", g.Education)
	list("Occupations", g.Occupations)
	list("Interests", g.Interests)
	if out == nil {
		out = []Constraint{}
	}
	return out
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// claims lists a persona's claims with their evidence: each reference
// resolved to its interview file, each quote placed at its line there.
func (b *builder) claims(d *model.Document, refs *workspace.References) []Claim {
	// Sized at once: a persona has dozens of claims, and a Claim is
	// large enough that growing the slice was a third of this.
	out := make([]Claim, 0, len(d.Persona.Claims))
	for _, c := range d.Persona.Claims {
		cv := Claim{List: c.List, Text: c.Text.Value, Evidence: make([]ClaimEvidence, 0, len(c.Evidence))}
		for _, e := range c.Evidence {
			ev := ClaimEvidence{Interview: e.Ref.Value}
			if res := refs.Resolve(e.Ref.Value); res.Status == workspace.SourceFound {
				ev.Interview, ev.Path = res.Doc.ID, b.show(res.Doc)
				if e.Quote.Value != "" && !b.opts.Redact {
					ev.Quote = e.Quote.Value
					if line, ok := b.quoteLine(res.Doc, e.Quote.Value); ok {
						ev.Line = res.Doc.BodyLine + line
					}
				}
				b.claimsOf[res.Doc] = append(b.claimsOf[res.Doc], d.ID+": "+c.Text.Value)
			}
			cv.Evidence = append(cv.Evidence, ev)
		}
		if b.opts.Redact {
			cv.Text = pii.Finder{Regions: b.opts.PIIRegions}.Redact(cv.Text)
		}
		out = append(out, cv)
	}
	return out
}

// quoteTexts are the words of a persona's quotes.
func quoteTexts(qs []model.Quote) []string {
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		out = append(out, q.Text.Value)
	}
	return out
}

// body is an entity's body as text: the text Prerender made of it, so
// that the report and the rendered bodies share one copy.
func (b *builder) body(d *model.Document) string {
	if b.opts.Bodies != nil {
		if t, ok := b.opts.Bodies.Text(d); ok {
			return t
		}
	}
	return d.Body
}

// quoteLine is where quote starts in interview iv's notes, as the lint
// run found it or, if it did not, as the report looks for it.
func (b *builder) quoteLine(iv *model.Document, quote string) (int, bool) {
	if b.opts.QuoteLine != nil {
		if line, ok := b.opts.QuoteLine(iv, quote); ok {
			return line, true
		}
	}
	return b.notes(iv).Locate(quote)
}

// notes is an interview's body folded for quote matching, once per report.
func (b *builder) notes(iv *model.Document) *quote.Text {
	t, ok := b.folded[iv]
	if !ok {
		t = quote.NewTextInPlace([]byte(iv.Body)) // the one copy made
		b.folded[iv] = t
	}
	return t
}

// joinValues lists values as people read them: "influencer, initiator".
func joinValues(values []model.Str) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.Value
	}
	return strings.Join(out, ", ")
}

// addCustomers puts the account data's measures beside each ICP.
func addCustomers(r *Report, s *match.Summary) {
	byID := map[string]match.ICPSummary{}
	for _, c := range s.ICPs {
		byID[c.ID] = c
	}
	for i := range r.ICPs {
		c, ok := byID[r.ICPs[i].ID]
		if !ok {
			continue
		}
		r.ICPs[i].Customers = &Customers{Source: s.Source(), Customers: s.Customers, Fit: c.CustomersFit, Share: c.CustomerShare,
			ValueShare: c.ValueShare, DeclaredShare: c.DeclaredShare}
	}
	r.UncoveredSegments = append([]match.Segment{}, s.UncoveredSegments...)
}
