// Package match checks ICPs against the customer base (SPEC §13): which
// accounts fit which ICP and why, how much of the customers each ICP
// covers, which customers fit none, and whether declared shares hold.
package match

import (
	"fmt"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/firmo"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

// Constraint names, in the order an ICP's constraints are judged.
const (
	CIndustry   = "industry"
	CEmployees  = "employees"
	CRevenue    = "revenue"
	CCountry    = "country"
	CTechnology = "tech_stack"
)

// ICP is one ICP compiled for matching.
type ICP struct {
	// index is the ICP's place in the compiled list, which per-account
	// facts are kept by.
	index    int
	ID       string
	Title    string
	Declared *float64 // customer_share
	Doc      *model.Document

	Industries []Industry // nil: not constrained
	Employees  *model.Range
	Revenue    *Money
	Regions    *Regions
	Tech       *Tech
	// Problems are items that match nothing (an unknown region), said
	// once per run.
	Problems []string
	// text holds the parts of reasons that depend on the ICP alone.
	text reasonText
}

// reasonText are the ICP's parts of reasons, written once.
type reasonText struct {
	industryNot, techNone      string // " is not software, fintech"
	employeesMin, employeesMax string // the bounds as reasons write them
	revenueMin, revenueMax     string // with the ICP's currency
}

// Industry is one ICP industry with the phrases that fit it.
type Industry struct {
	Label   string
	Phrases []firmo.Phrase
}

// Money is a revenue range in the ICP's currency, with its bounds
// converted into each currency an account may be in (so that an amount is
// compared as written, without a conversion of its own: the warehouse
// query compares alike, to the last bit).
type Money struct {
	Range    *model.Range
	Currency string
	// bounds per account currency; a currency without a rate is absent.
	bounds map[string][2]*float64
}

// Bounds returns the range's bounds in currency cur, or false when there
// is no rate between cur and the ICP's currency.
func (m *Money) Bounds(cur string) (lo, hi *float64, ok bool) {
	b, ok := m.bounds[cur]
	return b[0], b[1], ok
}

// Currencies lists the currencies bounds are known in, sorted.
func (m *Money) Currencies() []string {
	out := make([]string, 0, len(m.bounds))
	for c := range m.bounds {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Regions is an ICP's regions as a set of countries.
type Regions struct {
	Labels    []string
	Countries map[string]bool
}

// Tech is an ICP's tech_stack as keys.
type Tech struct {
	Labels []string
	Keys   []string
}

// Skipped is an ICP not matched, and why (b2c, nothing to match).
type Skipped struct {
	ID  string `json:"id"`
	Why string `json:"why"`
}

// Settings are the config's match: section, resolved.
type Settings struct {
	Industries map[string][]string
	Regions    *firmo.Regions
	Currency   string
	Rates      map[string]float64
}

// NewSettings resolves the config's match: section.
func NewSettings(m config.Match) (*Settings, error) {
	regions, err := firmo.NewRegions(m.Regions)
	if err != nil {
		return nil, err
	}
	cur := m.Currency
	if cur == "" {
		cur = "USD"
	}
	return &Settings{Industries: m.Industries, Regions: regions, Currency: cur, Rates: m.Rates}, nil
}

// rate is how many units of the base currency one unit of cur is.
func (s *Settings) rate(cur string) (float64, bool) {
	if cur == s.Currency {
		return 1, true
	}
	r, ok := s.Rates[cur]
	return r, ok
}

// Compile turns the workspace's ICPs into what matching judges: retired
// ICPs are left out, b2c ICPs and ICPs with no matchable constraint are
// skipped with the reason. Both lists are in id order.
func Compile(icps []*model.Document, s *Settings) ([]*ICP, []Skipped) {
	docs := append([]*model.Document(nil), icps...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	var out []*ICP
	var skipped []Skipped
	for _, d := range docs {
		if d.ICP == nil || d.IsRetired() {
			continue
		}
		if d.ICP.Segment.Value == "b2c" {
			skipped = append(skipped, Skipped{ID: d.ID, Why: "b2c"})
			continue
		}
		c := compileICP(d, s)
		if c.Industries == nil && c.Employees == nil && c.Revenue == nil && c.Regions == nil && c.Tech == nil {
			skipped = append(skipped, Skipped{ID: d.ID, Why: "nothing to match"})
			continue
		}
		c.index = len(out)
		c.text = c.reasonText()
		out = append(out, c)
	}
	return out, skipped
}

func compileICP(d *model.Document, s *Settings) *ICP {
	f := d.ICP.Firmographics
	c := &ICP{ID: d.ID, Title: d.ICP.Title.Value, Declared: d.ICP.CustomerShare, Doc: d}
	if items := nonEmpty(f.Industries); len(items) > 0 {
		c.Industries = []Industry{}
		for _, label := range items {
			ind := Industry{Label: label, Phrases: firmo.IndustryPhrases(label)}
			for _, alias := range aliasesOf(s.Industries, label) {
				ind.Phrases = append(ind.Phrases, firmo.IndustryPhrases(alias)...)
			}
			c.Industries = append(c.Industries, ind)
		}
	}
	if f.Employees != nil && (f.Employees.Min != nil || f.Employees.Max != nil) {
		c.Employees = f.Employees
	}
	if f.Revenue != nil && (f.Revenue.Min != nil || f.Revenue.Max != nil) {
		c.Revenue = s.money(f.Revenue)
	}
	if items := nonEmpty(f.Regions); len(items) > 0 {
		c.Regions = &Regions{Labels: items, Countries: map[string]bool{}}
		for _, item := range items {
			set, ok := s.Regions.Resolve(item)
			if !ok {
				c.Problems = append(c.Problems, fmt.Sprintf("icp %s: %s; it matches no account", d.ID, s.Regions.Explain(item)))
			}
			for _, code := range set {
				c.Regions.Countries[code] = true
			}
		}
	}
	if items := nonEmpty(f.TechStack); len(items) > 0 {
		c.Tech = &Tech{Labels: items}
		for _, item := range items {
			if k := firmo.Key(item); k != "" {
				c.Tech.Keys = append(c.Tech.Keys, k)
			}
		}
	}
	return c
}

// aliasesOf returns the config's labels for an ICP industry, compared as
// industries are.
func aliasesOf(aliases map[string][]string, label string) []string {
	want := strings.Join(firmo.Words(label), " ")
	keys := make([]string, 0, len(aliases))
	for k := range aliases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if strings.Join(firmo.Words(k), " ") == want {
			out = append(out, aliases[k]...)
		}
	}
	return out
}

func nonEmpty(items []model.Str) []string {
	var out []string
	for _, it := range items {
		if strings.TrimSpace(it.Value) != "" {
			out = append(out, it.Value)
		}
	}
	return out
}

// money converts a revenue range's bounds into every currency with a
// rate, and into the ICP's own.
func (s *Settings) money(r *model.Range) *Money {
	cur := strings.ToUpper(strings.TrimSpace(r.Currency))
	if code, ok := firmo.CurrencyCode(cur); ok {
		cur = code
	} else {
		cur = s.Currency
	}
	m := &Money{Range: r, Currency: cur, bounds: map[string][2]*float64{}}
	icpRate, icpKnown := s.rate(cur)
	currencies := []string{cur, s.Currency}
	for c := range s.Rates {
		currencies = append(currencies, c)
	}
	for _, c := range currencies {
		if c == cur {
			m.bounds[c] = [2]*float64{r.Min, r.Max}
			continue
		}
		accRate, ok := s.rate(c)
		if !ok || !icpKnown {
			continue
		}
		// An amount a in c is a*accRate base units, and the bound b in the
		// ICP's currency is b*icpRate: a ≥ b ⇔ a ≥ b*icpRate/accRate.
		conv := func(b *float64) *float64 {
			if b == nil {
				return nil
			}
			v := *b * icpRate / accRate
			return &v
		}
		m.bounds[c] = [2]*float64{conv(r.Min), conv(r.Max)}
	}
	return m
}

func (c *ICP) reasonText() reasonText {
	var t reasonText
	if c.Industries != nil {
		t.industryNot = " is not " + labels(c.Industries)
	}
	if c.Tech != nil {
		t.techNone = " include none of " + strings.Join(c.Tech.Labels, ", ")
	}
	if c.Revenue != nil {
		if r := c.Revenue.Range; r.Min != nil {
			t.revenueMin = words.Number(*r.Min) + " " + c.Revenue.Currency
		}
		if r := c.Revenue.Range; r.Max != nil {
			t.revenueMax = words.Number(*r.Max) + " " + c.Revenue.Currency
		}
	}
	if c.Employees != nil {
		if c.Employees.Min != nil {
			t.employeesMin = words.Number(*c.Employees.Min)
		}
		if c.Employees.Max != nil {
			t.employeesMax = words.Number(*c.Employees.Max)
		}
	}
	return t
}
