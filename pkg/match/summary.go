package match

import (
	"container/heap"
	"math"
	"sort"

	"github.com/personakit/persona/pkg/accounts"
	"github.com/personakit/persona/pkg/firmo"
	"github.com/personakit/persona/pkg/suggest"
)

// Summary is the JSON summary of SPEC §13; the text and Markdown printers
// render it too. Shares are fractions rounded to 4 places.
type Summary struct {
	Version           int          `json:"version"`
	Accounts          int          `json:"accounts"`
	Customers         int          `json:"customers"`
	ByValue           bool         `json:"by_value"`
	ICPs              []ICPSummary `json:"icps"`
	SkippedICPs       []Skipped    `json:"skipped_icps"`
	Unmatched         Unmatched    `json:"unmatched"`
	UncoveredSegments []Segment    `json:"uncovered_segments"`
	DataQuality       DataQuality  `json:"data_quality"`
	RowsSkipped       []SkippedRow `json:"rows_skipped"`
	RowsSkippedMore   int          `json:"rows_skipped_more"`
	Notes             []string     `json:"notes"`
	Files             []string     `json:"files"`
	// covered is the share of customers that fit some ICP, unrounded, by
	// count and by value (-1 without a value column).
	covered [2]float64
}

// ICPSummary is one ICP's coverage.
type ICPSummary struct {
	ID                        string     `json:"id"`
	Title                     string     `json:"title"`
	AccountsFit               int        `json:"accounts_fit"`
	CustomersFit              int        `json:"customers_fit"`
	CustomersInsufficientData int        `json:"customers_insufficient_data"`
	CustomersNoFit            int        `json:"customers_no_fit"`
	CustomerShare             float64    `json:"customer_share"`
	ValueShare                *float64   `json:"value_share"`
	DeclaredShare             *float64   `json:"declared_share"`
	LargestExclusion          *Exclusion `json:"largest_exclusion"`
}

// Exclusion is the constraint that keeps the most customers out of an ICP.
type Exclusion struct {
	Constraint    string   `json:"constraint"`
	Customers     int      `json:"customers"`
	CustomerShare float64  `json:"customer_share"`
	ValueShare    *float64 `json:"value_share"`
}

// Unmatched is the customers that fit no ICP.
type Unmatched struct {
	Customers  int       `json:"customers"`
	Share      float64   `json:"share"`
	ValueShare *float64  `json:"value_share"`
	Largest    []Largest `json:"largest"`
}

// Largest is one of the most valuable customers that fit no ICP.
type Largest struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	File  string  `json:"file"`
	Row   int     `json:"row"`
}

// Segment is a group of customers that fit no ICP.
type Segment struct {
	Industry   *string  `json:"industry"`
	Employees  *string  `json:"employees"`
	Country    *string  `json:"country"`
	Customers  int      `json:"customers"`
	Share      float64  `json:"share"`
	ValueShare *float64 `json:"value_share"`
	value      float64
}

// DataQuality says how complete and readable each field is.
type DataQuality struct {
	Fields       map[string]FieldQuality   `json:"fields"`
	Unrecognised map[string][]Unrecognised `json:"unrecognised"`
}

// FieldQuality is the share of rows where a field is missing or unreadable.
type FieldQuality struct {
	Column     []string `json:"columns"`
	Missing    float64  `json:"missing"`
	Unreadable float64  `json:"unreadable"`
}

// Unrecognised is a value matching could not place, with a suggestion.
type Unrecognised struct {
	Value   string  `json:"value"`
	Count   int     `json:"count"`
	Suggest *string `json:"suggest"`
}

// SkippedRow is a row that could not be read.
type SkippedRow struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// Bounds on what a summary keeps, whatever the number of rows.
const (
	maxSkippedRows  = 100
	maxLargest      = 10
	maxSegments     = 5
	maxGroups       = 50_000 // distinct uncovered groups tracked
	maxUnrecognised = 10_000 // distinct unrecognised values tracked
	shownUnrecog    = 10
)

// tally accumulates a summary as rows stream by, in memory bounded by the
// constants above.
type tally struct {
	icps      []*ICP
	byValue   bool
	accounts  int
	customers int
	custValue float64
	per       []icpTally
	unmatched struct {
		n     int
		value float64
		top   largestHeap
	}
	groups        map[segmentKey]*Segment
	groupsDropped int
	fields        [accounts.FieldCount]struct{ missing, unreadable int }
	mapped        [accounts.FieldCount][]string
	industries    map[string]int
	countries     map[string]int
	skipped       []SkippedRow
	skippedMore   int
}

type icpTally struct {
	accountsFit int
	fit, insuff int
	nofit       int
	fitValue    float64
	excl        [5]struct {
		n     int
		value float64
	}
}

type segmentKey struct{ industry, employees, country string }

func newTally(icps []*ICP, byValue bool) *tally {
	return &tally{icps: icps, byValue: byValue, per: make([]icpTally, len(icps)),
		groups: map[segmentKey]*Segment{}, industries: map[string]int{}, countries: map[string]int{}}
}

// add counts one account with its verdicts on each ICP.
func (t *tally) add(a *Account, verdicts []Verdicts) {
	t.accounts++
	t.quality(a)
	overall := NoFit
	for i, v := range verdicts {
		st := v.Status()
		if st == Fit {
			t.per[i].accountsFit++
			overall = Fit
		} else if st == InsufficientData && overall != Fit {
			overall = InsufficientData
		}
		if !a.Customer {
			continue
		}
		p := &t.per[i]
		switch st {
		case Fit:
			p.fit++
			p.fitValue += a.Value
		case InsufficientData:
			p.insuff++
		default:
			p.nofit++
		}
		for c, x := range v {
			if x == firmo.Miss {
				p.excl[c].n++
				p.excl[c].value += a.Value
			}
		}
	}
	if !a.Customer {
		return
	}
	t.customers++
	t.custValue += a.Value
	if overall == Fit {
		return
	}
	t.unmatched.n++
	t.unmatched.value += a.Value
	if t.byValue && a.ValueSt == Readable {
		t.unmatched.top.offer(Largest{ID: a.ID, Name: a.Name, Value: a.Value, File: a.File, Row: a.Number})
	}
	key := segmentKey{a.Industry, EmployeeBand(a.Employees, a.EmployeesSt), a.Country}
	if a.CountrySt == Unreadable {
		key.country = a.CountryIn
	}
	g, ok := t.groups[key]
	if !ok {
		if len(t.groups) >= maxGroups {
			t.groupsDropped++
			return
		}
		g = &Segment{Industry: orNil(key.industry), Employees: orNil(key.employees), Country: orNil(key.country)}
		t.groups[key] = g
	}
	g.Customers++
	g.value += a.Value
}

func orNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (t *tally) quality(a *Account) {
	count := func(f accounts.Field, st State) {
		switch st {
		case Absent:
			t.fields[f].missing++
		case Unreadable:
			t.fields[f].unreadable++
		}
	}
	count(accounts.Industry, a.IndustrySt)
	count(accounts.Employees, a.EmployeesSt)
	count(accounts.Revenue, a.RevenueSt)
	count(accounts.Country, a.CountrySt)
	count(accounts.Technologies, a.TechSt)
	count(accounts.Value, a.ValueSt)
	if a.CountrySt == Unreadable {
		bump(t.countries, a.CountryIn)
	}
	if a.IndustrySt == Readable && !a.IndustryKnown {
		bump(t.industries, a.Industry)
	}
}

func bump(m map[string]int, v string) {
	if _, ok := m[v]; ok || len(m) < maxUnrecognised {
		m[v]++
	}
}

func (t *tally) skip(s *accounts.Skip) {
	if len(t.skipped) < maxSkippedRows {
		t.skipped = append(t.skipped, SkippedRow{File: s.File, Line: s.Line, Error: s.Err})
		return
	}
	t.skippedMore++
}

func round4(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return math.Round(f*10000) / 10000
}

func share(part, whole float64) float64 {
	if whole == 0 {
		return 0
	}
	return round4(part / whole)
}

// summary turns the tally into the summary.
func (t *tally) summary(skipped []Skipped, notes []string, files []string) *Summary {
	s := &Summary{Version: 1, Accounts: t.accounts, Customers: t.customers, ByValue: t.byValue,
		ICPs: []ICPSummary{}, SkippedICPs: skipped, Notes: notes, Files: files}
	if s.SkippedICPs == nil {
		s.SkippedICPs = []Skipped{}
	}
	if s.Notes == nil {
		s.Notes = []string{}
	}
	cust := float64(t.customers)
	valueShare := func(v float64) *float64 {
		if !t.byValue {
			return nil
		}
		x := share(v, t.custValue)
		return &x
	}
	for i, c := range t.icps {
		p := t.per[i]
		is := ICPSummary{ID: c.ID, Title: c.Title, AccountsFit: p.accountsFit, CustomersFit: p.fit,
			CustomersInsufficientData: p.insuff, CustomersNoFit: p.nofit,
			CustomerShare: share(float64(p.fit), cust), ValueShare: valueShare(p.fitValue), DeclaredShare: c.Declared}
		best := -1
		for k, e := range p.excl {
			if e.n == 0 {
				continue
			}
			if best < 0 || (t.byValue && e.value > p.excl[best].value) || (!t.byValue && e.n > p.excl[best].n) {
				best = k
			}
		}
		if best >= 0 {
			e := p.excl[best]
			is.LargestExclusion = &Exclusion{Constraint: Constraints()[best], Customers: e.n,
				CustomerShare: share(float64(e.n), cust), ValueShare: valueShare(e.value)}
		}
		s.ICPs = append(s.ICPs, is)
	}
	s.Unmatched = Unmatched{Customers: t.unmatched.n, Share: share(float64(t.unmatched.n), cust),
		ValueShare: valueShare(t.unmatched.value), Largest: t.unmatched.top.sorted()}
	s.covered = [2]float64{-1, -1}
	if t.customers > 0 {
		s.covered[0] = float64(t.customers-t.unmatched.n) / cust
	}
	if t.byValue && t.custValue > 0 {
		s.covered[1] = (t.custValue - t.unmatched.value) / t.custValue
	}
	s.UncoveredSegments = t.segments(valueShare)
	s.DataQuality = t.dataQuality()
	s.RowsSkipped, s.RowsSkippedMore = t.skipped, t.skippedMore
	if s.RowsSkipped == nil {
		s.RowsSkipped = []SkippedRow{}
	}
	if t.groupsDropped > 0 {
		s.Notes = append(s.Notes, "uncovered segments: more than 50,000 distinct groups; the largest are among the first 50,000 met")
	}
	return s
}

func (t *tally) segments(valueShare func(float64) *float64) []Segment {
	out := make([]Segment, 0, len(t.groups))
	for _, g := range t.groups {
		out = append(out, *g)
	}
	less := func(a, b Segment) bool {
		if t.byValue && a.value != b.value {
			return a.value > b.value
		}
		if a.Customers != b.Customers {
			return a.Customers > b.Customers
		}
		return segmentText(a) < segmentText(b)
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i], out[j]) })
	out = out[:min(len(out), maxSegments)]
	for i := range out {
		out[i].Share = share(float64(out[i].Customers), float64(t.customers))
		out[i].ValueShare = valueShare(out[i].value)
	}
	return out
}

func segmentText(s Segment) string {
	str := func(p *string) string {
		if p == nil {
			return "\x00"
		}
		return *p
	}
	return str(s.Industry) + "\x01" + str(s.Employees) + "\x01" + str(s.Country)
}

func (t *tally) dataQuality() DataQuality {
	dq := DataQuality{Fields: map[string]FieldQuality{}, Unrecognised: map[string][]Unrecognised{}}
	rows := float64(t.accounts)
	for _, f := range []accounts.Field{accounts.Industry, accounts.Employees, accounts.Revenue, accounts.Country, accounts.Technologies, accounts.Value} {
		if len(t.mapped[f]) == 0 {
			continue
		}
		q := t.fields[f]
		dq.Fields[f.String()] = FieldQuality{Column: t.mapped[f], Missing: share(float64(q.missing), rows), Unreadable: share(float64(q.unreadable), rows)}
	}
	countries := firmo.AllCountries()
	dq.Unrecognised["country"] = topValues(t.countries, func(v string) string { return countries.Suggest(v) })
	var known []string
	for _, c := range t.icps {
		for _, ind := range c.Industries {
			known = append(known, ind.Label)
		}
	}
	sug := suggest.NewSuggester(known)
	dq.Unrecognised["industry"] = topValues(t.industries, func(v string) string { return sug.Nearest(v, 3) })
	return dq
}

func topValues(m map[string]int, suggestFor func(string) string) []Unrecognised {
	out := make([]Unrecognised, 0, len(m))
	for v, n := range m {
		out = append(out, Unrecognised{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	out = out[:min(len(out), shownUnrecog)]
	for i := range out {
		if s := suggestFor(out[i].Value); s != "" {
			out[i].Suggest = &s
		}
	}
	return out
}

// largestHeap keeps the maxLargest most valuable accounts offered.
type largestHeap []Largest

func (h largestHeap) Len() int           { return len(h) }
func (h largestHeap) Less(i, j int) bool { return h[i].Value < h[j].Value }
func (h largestHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *largestHeap) Push(x any)        { *h = append(*h, x.(Largest)) }
func (h *largestHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (h *largestHeap) offer(l Largest) {
	if h.Len() < maxLargest {
		heap.Push(h, l)
		return
	}
	if (*h)[0].Value < l.Value {
		(*h)[0] = l
		heap.Fix(h, 0)
	}
}

func (h largestHeap) sorted() []Largest {
	out := append([]Largest{}, h...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Row < out[j].Row
	})
	return out
}
