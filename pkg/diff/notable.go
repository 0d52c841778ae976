package diff

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/words"
)

// Notable change types.
const (
	NotableICPNarrowed   = "icp-narrowed"
	NotableICPWidened    = "icp-widened"
	NotableICPChanged    = "icp-constraints-changed"
	NotableICPIDChanged  = "icp-id-changed"
	NotablePersonaMoved  = "persona-moved"
	NotableEvidenceLost  = "evidence-removed"
	NotableShareChanged  = "share-changed"
	NotableRetired       = "retired"
	NotableRemoved       = "removed"
	NotableNewUnevidence = "added-without-evidence"
	NotableInvalid       = "frontmatter-invalid"
	// The claim notables of SPEC §9.
	NotableClaimEvidenceLost = "claim-evidence-lost"
	NotableQuoteEdited       = "quote-edited"
	NotableClaimUnevidenced  = "claim-added-without-evidence"
)

// invalidNotable names a side whose front matter could not be read.
func invalidNotable(e *entity, side string) []Notable {
	if e == nil || e.invalid == "" {
		return nil
	}
	return []Notable{{NotableInvalid, fmt.Sprintf("front matter %sis invalid (%s); its fields were not compared", side, e.invalid)}}
}

// notable finds what a reviewer must not miss in a modified entity.
func notable(old, new *entity, fields []FieldChange, opts Options) []Notable {
	if old.invalid != "" || new.invalid != "" {
		return append(invalidNotable(old, "in the base revision "), invalidNotable(new, "in the head revision ")...)
	}
	out := []Notable{}
	if old.doc.Status != model.StatusRetired && new.doc.Status == model.StatusRetired {
		out = append(out, Notable{NotableRetired, fmt.Sprintf("%s %s is retired", new.doc.Kind, new.doc.ID)})
	}
	switch new.doc.Kind {
	case model.KindICP:
		if old.doc.ICP != nil {
			out = append(out, icpScope(old.doc.ICP, new.doc.ICP)...)
		}
		if old.doc.ID != new.doc.ID && opts.PersonasOf != nil {
			out = append(out, icpIDChanged(old.doc.ID, new.doc.ID, opts.PersonasOf(old.doc.ID)))
		}
	case model.KindPersona:
		op, np := old.doc.Persona, new.doc.Persona
		if op == nil {
			break
		}
		if op.ICP.Value != np.ICP.Value {
			out = append(out, Notable{NotablePersonaMoved, fmt.Sprintf("moved from ICP %s to %s", orNone(op.ICP.Value), orNone(np.ICP.Value))})
		}
		var dropped []string
		for _, f := range fields {
			if f.Field == "sources" && f.Change == "removed" {
				dropped = append(dropped, fmt.Sprint(f.Old))
			}
		}
		if len(dropped) > 0 {
			out = append(out, Notable{NotableEvidenceLost, fmt.Sprintf("evidence removed: %s dropped (%s); %s left",
				words.Plural(len(dropped), "interview source"), strings.Join(dropped, ", "), words.Plural(len(np.DistinctReferences()), "source"))})
		}
		out = append(out, claimNotables(op, np)...)
		if !sameShare(op.Share, np.Share) {
			out = append(out, Notable{NotableShareChanged, fmt.Sprintf("share %s → %s of ICP %s", share(op.Share), share(np.Share), orNone(np.ICP.Value))})
		}
	}
	return out
}

func notableAdded(e *entity) []Notable {
	if e.invalid != "" {
		return invalidNotable(e, "")
	}
	if e.doc.Kind == model.KindPersona && !e.doc.Persona.HasReferences() {
		return []Notable{{NotableNewUnevidence, "new persona cites no interviews"}}
	}
	return []Notable{}
}

func notableRemoved(e *entity) []Notable {
	if e.invalid != "" {
		return append([]Notable{{NotableRemoved, fmt.Sprintf("%s %s removed", e.doc.Kind, e.doc.ID)}}, invalidNotable(e, "")...)
	}
	if e.doc.Kind == model.KindInterview {
		return []Notable{{NotableRemoved, "interview removed: personas citing it lose evidence"}}
	}
	return []Notable{{NotableRemoved, fmt.Sprintf("%s %s removed", e.doc.Kind, e.doc.ID)}}
}

// icpScope classifies changes to an ICP's firmographics and demographics:
// narrowed (fewer organisations or people fit), widened (more fit), or
// changed both ways.
func icpScope(old, new *model.ICP) []Notable {
	var narrowed, widened, changed []string
	lists := []struct {
		name     string
		old, new []model.Str
	}{
		{"firmographics.industries", old.Firmographics.Industries, new.Firmographics.Industries},
		{"firmographics.regions", old.Firmographics.Regions, new.Firmographics.Regions},
		{"firmographics.tech_stack", old.Firmographics.TechStack, new.Firmographics.TechStack},
		{"demographics.locations", old.Demographics.Locations, new.Demographics.Locations},
		{"demographics.education", old.Demographics.Education, new.Demographics.Education},
		{"demographics.occupations", old.Demographics.Occupations, new.Demographics.Occupations},
		{"demographics.interests", old.Demographics.Interests, new.Demographics.Interests},
	}
	for _, l := range lists {
		added, removed := setDiff(l.old, l.new)
		switch {
		case len(added) == 0 && len(removed) == 0:
		case len(l.old) == 0:
			narrowed = append(narrowed, l.name+" now required: "+strings.Join(added, ", "))
		case len(l.new) == 0:
			widened = append(widened, l.name+" no longer constrained")
		case len(added) == 0:
			narrowed = append(narrowed, l.name+" − "+strings.Join(removed, ", "))
		case len(removed) == 0:
			widened = append(widened, l.name+" + "+strings.Join(added, ", "))
		default:
			changed = append(changed, l.name+" + "+strings.Join(added, ", ")+" − "+strings.Join(removed, ", "))
		}
	}
	if o, n := old.Firmographics.BusinessModel.Value, new.Firmographics.BusinessModel.Value; o != n {
		changed = append(changed, fmt.Sprintf("firmographics.business_model %s → %s", orNone(o), orNone(n)))
	}
	ranges := []struct {
		name     string
		old, new *model.Range
	}{
		{"firmographics.employees", old.Firmographics.Employees, new.Firmographics.Employees},
		{"firmographics.revenue", old.Firmographics.Revenue, new.Firmographics.Revenue},
		{"demographics.age", old.Demographics.Age, new.Demographics.Age},
		{"demographics.income", old.Demographics.Income, new.Demographics.Income},
	}
	for _, r := range ranges {
		what := fmt.Sprintf("%s %s → %s", r.name, describe(r.old), describe(r.new))
		switch compareRanges(r.old, r.new) {
		case "narrowed":
			narrowed = append(narrowed, what)
		case "widened":
			widened = append(widened, what)
		case "changed":
			changed = append(changed, what)
		}
	}
	switch {
	case len(narrowed) > 0 && len(widened) == 0 && len(changed) == 0:
		return []Notable{{NotableICPNarrowed, "ICP narrowed: " + strings.Join(narrowed, "; ")}}
	case len(widened) > 0 && len(narrowed) == 0 && len(changed) == 0:
		return []Notable{{NotableICPWidened, "ICP widened: " + strings.Join(widened, "; ")}}
	case len(narrowed)+len(widened)+len(changed) > 0:
		all := append(append(append([]string{}, narrowed...), widened...), changed...)
		return []Notable{{NotableICPChanged, "ICP constraints changed: " + strings.Join(all, "; ")}}
	}
	return nil
}

// setDiff returns the values only in new and only in old.
func setDiff(old, new []model.Str) (added, removed []string) {
	in := func(list []model.Str, v string) bool {
		for _, s := range list {
			if s.Value == v {
				return true
			}
		}
		return false
	}
	for _, s := range new {
		if !in(old, s.Value) {
			added = append(added, s.Value)
		}
	}
	for _, s := range old {
		if !in(new, s.Value) {
			removed = append(removed, s.Value)
		}
	}
	return added, removed
}

// compareRanges says whether new admits fewer values than old (narrowed),
// more (widened), different ones (changed), or the same ("").
func compareRanges(old, new *model.Range) string {
	lo := func(r *model.Range) float64 {
		if r == nil || r.Min == nil {
			return math.Inf(-1)
		}
		return *r.Min
	}
	hi := func(r *model.Range) float64 {
		if r == nil || r.Max == nil {
			return math.Inf(1)
		}
		return *r.Max
	}
	ol, oh, nl, nh := lo(old), hi(old), lo(new), hi(new)
	switch {
	case ol == nl && oh == nh:
		return ""
	case nl >= ol && nh <= oh:
		return "narrowed"
	case nl <= ol && nh >= oh:
		return "widened"
	}
	return "changed"
}

func describe(r *model.Range) string {
	if r == nil || (r.Min == nil && r.Max == nil) {
		return "any"
	}
	switch {
	case r.Min != nil && r.Max != nil:
		return fmt.Sprintf("%g–%g", *r.Min, *r.Max)
	case r.Min != nil:
		return fmt.Sprintf("%g+", *r.Min)
	}
	return fmt.Sprintf("up to %g", *r.Max)
}

func sameShare(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) < 1e-9
}

func share(f *float64) string {
	if f == nil {
		return "none"
	}
	return words.Percent(*f)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// claimNotables finds what a persona's claims lost (SPEC §9): a claim that
// had evidence and has none, an edited quote, a claim added without
// evidence. Claims are matched by list and text, quotes by the interview
// they cite.
func claimNotables(old, new *model.Persona) []Notable {
	key := func(c model.Claim) string { return c.List + "\x00" + strings.Join(strings.Fields(c.Text.Value), " ") }
	oldEvidence := map[string]int{}
	for _, c := range old.Claims {
		oldEvidence[key(c)] += len(c.Evidence)
	}
	var out []Notable
	for _, c := range new.Claims {
		had, existed := oldEvidence[key(c)]
		switch {
		case existed && had > 0 && len(c.Evidence) == 0:
			out = append(out, Notable{NotableClaimEvidenceLost, fmt.Sprintf("claim of %s lost all its evidence: %q", c.List, c.Text.Value)})
		case !existed && len(c.Evidence) == 0:
			out = append(out, Notable{NotableClaimUnevidenced, fmt.Sprintf("claim of %s added without evidence: %q", c.List, c.Text.Value)})
		}
	}
	quotes := func(p *model.Persona) map[string][]string {
		bySource := map[string][]string{}
		for _, q := range p.QuoteItems {
			if q.Source.Value != "" {
				bySource[q.Source.Value] = append(bySource[q.Source.Value], q.Text.Value)
			}
		}
		for _, c := range p.Claims {
			for _, e := range c.Evidence {
				if e.Quote.Value != "" {
					bySource[e.Ref.Value] = append(bySource[e.Ref.Value], e.Quote.Value)
				}
			}
		}
		return bySource
	}
	oldQuotes, newQuotes := quotes(old), quotes(new)
	for _, source := range sortedKeys(newQuotes) {
		gone := without(oldQuotes[source], newQuotes[source])
		came := without(newQuotes[source], oldQuotes[source])
		for i := 0; i < len(gone) && i < len(came); i++ {
			out = append(out, Notable{NotableQuoteEdited, fmt.Sprintf("quote from %s edited: %q → %q", source, gone[i], came[i])})
		}
	}
	return out
}

// without returns the items of a not in b, in order, in time linear in
// both (a pull request may hold thousands of quotes of one interview).
func without(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, t := range b {
		in[t] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// icpIDChanged flags an ICP whose id changed: the personas that still
// name the old id no longer belong to any ICP.
func icpIDChanged(old, new string, left []string) Notable {
	if len(left) == 0 {
		return Notable{NotableICPIDChanged, fmt.Sprintf("id %s → %s; no persona names %s any more", old, new, old)}
	}
	shown := left[:min(len(left), 5)]
	more := ""
	if len(left) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(left)-len(shown))
	}
	return Notable{NotableICPIDChanged, fmt.Sprintf("id %s → %s; %s still %s icp %s (%s%s): change %s to icp: %s",
		old, new, words.Plural(len(left), "persona"), pluralVerb(len(left), "names", "name"), old, strings.Join(shown, ", "), more,
		pluralVerb(len(left), "it", "them"), new)}
}

func pluralVerb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
