// Package model holds the entity types persona works with. It does no I/O:
// loading lives in frontmatter and workspace, judging in lint.
package model

import (
	"iter"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/finding"
)

// Kind is the kind of an entity, taken from the `kind` key of its front matter.
type Kind string

// The kinds the contract knows. Any other `kind` belongs to another tool.
const (
	KindICP       Kind = "icp"
	KindPersona   Kind = "persona"
	KindInterview Kind = "interview"
)

// Noun is the kind as a sentence names it, with its article: "an ICP",
// "a persona", "an interview"; other kinds as written.
func (k Kind) Noun() string {
	switch k {
	case KindICP:
		return "an ICP"
	case KindPersona:
		return "a persona"
	case KindInterview:
		return "an interview"
	}
	if s := string(k); s != "" && strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + string(k)
}

// Kinds lists the known kinds in their canonical order (ICP → persona → interview).
var Kinds = []Kind{KindICP, KindPersona, KindInterview}

// Status is the lifecycle state of an entity.
type Status string

// Statuses of the contract; an entity without `status` is active.
const (
	StatusDraft   Status = "draft"
	StatusProto   Status = "proto"
	StatusActive  Status = "active"
	StatusRetired Status = "retired"
)

// Pos is a 1-based line and column in a file. The zero Pos means "unknown";
// Or turns it into line 1, column 1, where the contract points missing keys.
// Its numbers are int32: a file read is at most 8 MiB, and a workspace
// holds millions of positions (two per claim), which two ints made 8 bytes
// larger each.
type Pos struct {
	Line   int32
	Column int32
}

// Or returns p, or fallback when p is unknown.
func (p Pos) Or(fallback Pos) Pos {
	if p.Line <= 0 {
		return fallback
	}
	return p
}

// FileStart is where findings about a whole file, or about a missing key, point.
var FileStart = Pos{Line: 1, Column: 1}

// Str is a scalar value together with where it was written.
type Str struct {
	Value string
	Pos   Pos
}

// Date is a calendar date with its position; Valid is false when absent or malformed.
type Date struct {
	Time  time.Time
	Valid bool
	Pos   Pos
}

// Range is a numeric {min, max} range; a nil bound is open.
type Range struct {
	Min, Max *float64
	Currency string
	Pos      Pos
}

// Contains reports whether [lo, hi] overlaps the range; a value that only
// partly overlaps is still a fit, since interview notes round sizes.
func (r *Range) Contains(lo, hi float64) bool {
	if r == nil {
		return true
	}
	if r.Max != nil && lo > *r.Max {
		return false
	}
	if r.Min != nil && hi < *r.Min {
		return false
	}
	return true
}

// Problem is something wrong that was found while reading a file, before any
// rule ran; the rule named by Rule reports it.
type Problem struct {
	Rule    string
	Pos     Pos
	Message string
	// Dropped counts further problems of the same rule in the file that
	// were not kept, to bound memory; lint reports them as findings-capped.
	Dropped int
	// Suggest is the certain repair, when there is one (SPEC §10).
	Suggest *finding.Suggestion
}

// Key is a front matter key as written, with its position.
type Key struct {
	Name string
	Pos  Pos
	// Siblings are the other keys of the mapping the key is in, so that
	// a rename suggested for a misspelt key never writes a key twice.
	Siblings []string
}

// LintDirective is the per-file `lint:` suppression block.
type LintDirective struct {
	Ignore []Str
	Reason string
	Pos    Pos
}

// Document is one Markdown file of the workspace that is an entity, or that
// might have been one and has problems to report. Bodies are not kept: what
// rules need from them is extracted while the file is read.
type Document struct {
	Path      string // workspace-root-relative, '/'-separated
	Kind      Kind   // empty when the file is not (usable as) an entity
	KindPos   Pos
	ID        string
	IDPos     Pos // unknown when the id comes from the file name
	Status    Status
	StatusPos Pos
	Owners    []Str
	Reviewed  Date
	Lint      *LintDirective // nil when the file has no lint: block
	Unknown   []Key          // top-level (and closed nested) keys the contract does not know
	Problems  []Problem

	ICP       *ICP
	Persona   *Persona
	Interview *Interview

	// Body is the Markdown after the front matter, kept only when the
	// loader is asked to (reports); lint never holds bodies. It is a string
	// because what keeps it only reads it: the report shows it and renders
	// it, and a string is one exact copy of the body where a slice would
	// have held the whole file. BodyLine is the file line it starts on,
	// known for every entity: a position at or after it is in Markdown
	// prose, not in YAML.
	Body     string
	BodyLine int
}

// Entity returns the "kind/id" label findings carry, or "" for a non-entity.
func (d *Document) Entity() string {
	if d.Kind == "" {
		return ""
	}
	return string(d.Kind) + "/" + d.ID
}

// IsActive reports whether the entity counts as in use.
func (d *Document) IsActive() bool { return d.Status == StatusActive }

// CountsInICP reports whether a persona counts among its ICP's personas:
// active and not negative. Lint's limits and shares and the report's counts
// use this one rule, so that they agree.
func (d *Document) CountsInICP() bool {
	return d.Persona != nil && d.IsActive() && !d.Persona.IsNegative()
}

// IsRetired reports whether the entity is kept only for the record: its
// evidence is no longer checked.
func (d *Document) IsRetired() bool { return d.Status == StatusRetired }

// ICP is an ideal customer profile: the organisation or group that fits best.
type ICP struct {
	Title   Str
	Segment Str
	// Shares is "overlapping" when the personas' shares may add up to
	// more than the whole (self-identified user types).
	Shares Str
	// CustomerShare is the share of current customers the ICP claims to
	// cover (SPEC §13); nil when not declared.
	CustomerShare    *float64
	CustomerSharePos Pos
	Firmographics    Firmographics
	Demographics     GroupDemographics
	Constraints      int // non-empty firmographic and demographic keys
	Pains            []Str
	Needs            []Str
	Goals            []Str
	Behaviors        []Str
	Channels         []Str
	Triggers         []Str
	Disqualifiers    []Str
	BuyingCommittee  []Str
}

// Firmographics constrain the organisations of a B2B ICP.
type Firmographics struct {
	Pos           Pos // where the firmographics key is; unknown when absent
	Industries    []Str
	Employees     *Range
	Revenue       *Range
	Regions       []Str
	TechStack     []Str
	BusinessModel Str
}

// GroupDemographics constrain the people of a B2C ICP.
type GroupDemographics struct {
	Age         *Range
	Income      *Range
	Locations   []Str
	Education   []Str
	Occupations []Str
	Interests   []Str
}

// Persona is an individual inside an ICP.
type Persona struct {
	Name         Str
	Type         Str
	ICP          Str
	Role         Role
	Demographics map[string]string
	Share        *float64
	SharePos     Pos
	BuyingRoles  []Str // one or several (SPEC §12)
	// Texts are the claim lists' texts, nil after a slim load, which
	// keeps none (and in a persona that writes no claim list): ClaimTexts
	// reads them either way.
	Texts    *ClaimTexts
	Channels []Str
	Sources  []Str
	// Claims are the items of the claim lists (goals, motivations,
	// frustrations, aspirations, objections) with their evidence (SPEC
	// §9). A lean load keeps Digest instead, and Claims is nil.
	Claims []Claim
	Digest *ClaimDigest
	// QuoteItems are the quotes with who said them.
	QuoteItems []Quote
	// Substance counts goals, motivations, frustrations and aspirations,
	// kept or not.
	Substance int
}

// ClaimTexts are the texts of a persona's claim lists.
type ClaimTexts struct {
	Goals, Motivations, Frustrations, Aspirations, Objections []Str
}

// ClaimTexts returns the texts of p's claim lists, none when they were not
// kept.
func (p *Persona) ClaimTexts() ClaimTexts {
	if p.Texts == nil {
		return ClaimTexts{}
	}
	return *p.Texts
}

// Substantive reports whether a claim list makes a persona more than
// demographics (persona-demographics-only): goals, motivations,
// frustrations and aspirations, not objections.
func Substantive(list string) bool {
	return list == "goals" || list == "motivations" || list == "frustrations" || list == "aspirations"
}

// Claim is one item of a claim list: what the persona says, and the
// interviews (with the words said, when given) it rests on.
type Claim struct {
	List     string // goals, motivations, frustrations, aspirations or objections
	Text     Str
	Evidence []Evidence
}

// Evidence is one interview reference of a claim, optionally with a quote
// from it.
type Evidence struct {
	Ref   Str
	Quote Str
}

// Quote is one quotes item: the words, and the interview that holds them
// (Source.Value is "" when the quote names none).
type Quote struct {
	Text   Str
	Source Str
}

// References lists every interview reference of the persona, each at its
// own position: its sources, its claims' evidence and its quotes' sources
// (SPEC §9: all of them count as the persona's sources).
func (p *Persona) References() []Str {
	out := make([]Str, 0, len(p.Sources)+p.EvidenceCount()+len(p.QuoteItems))
	p.EachReference(func(ref Str) bool {
		out = append(out, ref)
		return true
	})
	return out
}

// Refs yields the references References lists, in the same order,
// without building the list: a persona may cite a million of them, and
// several rules walk them all.
func (p *Persona) Refs() iter.Seq[Str] {
	return func(yield func(Str) bool) { p.EachReference(yield) }
}

// DistinctReferences is References with each value once, at its first
// position.
func (p *Persona) DistinctReferences() []Str {
	var out []Str
	seen := map[string]bool{}
	for ref := range p.Refs() {
		if !seen[ref.Value] {
			seen[ref.Value] = true
			out = append(out, ref)
		}
	}
	return out
}

// HasReferences reports whether the persona cites anything at all.
func (p *Persona) HasReferences() bool {
	has := false
	p.EachReference(func(Str) bool { has = true; return false })
	return has
}

// EachReference calls fn with the references References lists, in the
// same order, without building the list, until fn returns false: for the
// scans over every persona that the editor server makes on each edit.
func (p *Persona) EachReference(fn func(Str) bool) {
	for _, s := range p.Sources {
		if !fn(s) {
			return
		}
	}
	// Not through EachEvidence: five rules walk every reference of every
	// persona, and a closure per item was a tenth of a report's time.
	if p.Digest != nil {
		if !p.Digest.eachRef(fn) {
			return
		}
	} else {
		for _, c := range p.Claims {
			for _, e := range c.Evidence {
				if !fn(e.Ref) {
					return
				}
			}
		}
	}
	for _, q := range p.QuoteItems {
		if q.Source.Value != "" && !fn(q.Source) {
			return
		}
	}
}

// EachEvidence calls fn with each claim's evidence items in order, claim
// after claim, until fn returns false: the reference, and the quote (the
// zero Str when the item gives none). It reads Claims, or Digest after a
// lean load.
func (p *Persona) EachEvidence(fn func(ref, quote Str) bool) {
	if p.Digest != nil {
		p.Digest.eachEvidence(fn)
		return
	}
	for _, c := range p.Claims {
		for _, e := range c.Evidence {
			if !fn(e.Ref, e.Quote) {
				return
			}
		}
	}
}

// EvidenceCount counts the claims' evidence items.
func (p *Persona) EvidenceCount() int {
	if p.Digest != nil {
		return p.Digest.Evidence()
	}
	n := 0
	for _, c := range p.Claims {
		n += len(c.Evidence)
	}
	return n
}

// RefCount counts the references EachReference yields.
func (p *Persona) RefCount() int {
	n := len(p.Sources) + p.EvidenceCount()
	for _, q := range p.QuoteItems {
		if q.Source.Value != "" {
			n++
		}
	}
	return n
}

// QuoteCount counts the quotes the persona gives: its claims' evidence
// items with a quote, and its quotes items, with a source or not.
func (p *Persona) QuoteCount() int {
	n := len(p.QuoteItems)
	if p.Digest != nil {
		return n + p.Digest.quoteCount()
	}
	for _, c := range p.Claims {
		for _, e := range c.Evidence {
			if e.Quote != (Str{}) {
				n++
			}
		}
	}
	return n
}

// IsNegative reports whether the persona describes who the product is not for;
// such personas stay out of share sums and persona counts.
func (p *Persona) IsNegative() bool { return p.Type.Value == "negative" }

// Role is a persona's job.
type Role struct {
	Title           Str
	Seniority       Str
	Department      Str
	BudgetAuthority *bool
}

// Interview is one customer conversation: the evidence personas cite.
type Interview struct {
	Date Date
	// Participants is how many people took part (a survey's respondents);
	// 0 when not given, which counts as 1.
	Participants int
	ICP          Str
	Interviewee  Interviewee
	Interviewer  Str
	Consent      *bool
	ConsentPos   Pos
	Channel      Str
}

// Interviewee describes who was interviewed, never by name.
type Interviewee struct {
	Role        Str
	CompanySize Str
	Region      Str
}

// CustomerCoverage is what matching the account data measured of each ICP
// (SPEC §13), for the rules that check ICPs against it.
type CustomerCoverage struct {
	// Source names the account files, as messages show them.
	Source    string
	Customers int
	// Fit counts, per matched ICP id, the customers that fit it; an ICP
	// not matched (retired, b2c, nothing to match) is absent.
	Fit map[string]int
}
