package diff

import (
	"fmt"
	"math"
	"strings"

	"github.com/personakit/persona/pkg/model"
)

// Notable change types.
const (
	NotableICPNarrowed   = "icp-narrowed"
	NotableICPWidened    = "icp-widened"
	NotableICPChanged    = "icp-constraints-changed"
	NotablePersonaMoved  = "persona-moved"
	NotableEvidenceLost  = "evidence-removed"
	NotableShareChanged  = "share-changed"
	NotableRetired       = "retired"
	NotableRemoved       = "removed"
	NotableNewUnevidence = "added-without-evidence"
)

// notable finds what a reviewer must not miss in a modified entity.
func notable(old, new *entity, fields []FieldChange) []Notable {
	out := []Notable{}
	if old.doc.Status != model.StatusRetired && new.doc.Status == model.StatusRetired {
		out = append(out, Notable{NotableRetired, fmt.Sprintf("%s %s is retired", new.doc.Kind, new.doc.ID)})
	}
	switch new.doc.Kind {
	case model.KindICP:
		if old.doc.ICP != nil {
			out = append(out, icpScope(old.doc.ICP, new.doc.ICP, fields)...)
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
			out = append(out, Notable{NotableEvidenceLost, fmt.Sprintf("evidence removed: %s dropped (%s); %d sources remain",
				plural(len(dropped), "interview source"), strings.Join(dropped, ", "), len(np.Sources))})
		}
		if !sameShare(op.Share, np.Share) {
			out = append(out, Notable{NotableShareChanged, fmt.Sprintf("share %s → %s of ICP %s", share(op.Share), share(np.Share), orNone(np.ICP.Value))})
		}
	}
	return out
}

func notableAdded(e *entity) []Notable {
	if e.doc.Kind == model.KindPersona && len(e.doc.Persona.Sources) == 0 {
		return []Notable{{NotableNewUnevidence, "new persona cites no interviews"}}
	}
	return []Notable{}
}

func notableRemoved(e *entity) []Notable {
	if e.doc.Kind == model.KindInterview {
		return []Notable{{NotableRemoved, "interview removed: personas citing it lose evidence"}}
	}
	return []Notable{{NotableRemoved, fmt.Sprintf("%s %s removed", e.doc.Kind, e.doc.ID)}}
}

// icpScope classifies changes to an ICP's firmographics and demographics:
// narrowed (fewer companies fit), widened (more fit), or changed.
func icpScope(old, new *model.ICP, fields []FieldChange) []Notable {
	var narrowed, widened, changed []string
	for _, f := range fields {
		if !strings.HasPrefix(f.Field, "firmographics") && !strings.HasPrefix(f.Field, "demographics") {
			continue
		}
		attr := f.Field
		switch {
		case strings.HasSuffix(attr, ".min") || strings.HasSuffix(attr, ".max") || strings.HasSuffix(attr, ".currency"):
			continue // ranges are judged whole below
		case f.Change == "removed":
			widened = append(widened, attr)
		case f.Change == "added":
			narrowed = append(narrowed, attr)
		default:
			changed = append(changed, attr)
		}
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
		switch compareRanges(r.old, r.new) {
		case "narrowed":
			narrowed = append(narrowed, fmt.Sprintf("%s %s → %s", r.name, describe(r.old), describe(r.new)))
		case "widened":
			widened = append(widened, fmt.Sprintf("%s %s → %s", r.name, describe(r.old), describe(r.new)))
		case "changed":
			changed = append(changed, fmt.Sprintf("%s %s → %s", r.name, describe(r.old), describe(r.new)))
		}
	}
	var out []Notable
	switch {
	case len(narrowed) > 0 && len(widened) == 0 && len(changed) == 0:
		out = append(out, Notable{NotableICPNarrowed, "ICP narrowed: " + strings.Join(uniq(narrowed), "; ")})
	case len(widened) > 0 && len(narrowed) == 0 && len(changed) == 0:
		out = append(out, Notable{NotableICPWidened, "ICP widened: " + strings.Join(uniq(widened), "; ")})
	case len(narrowed)+len(widened)+len(changed) > 0:
		all := append(append(append([]string{}, narrowed...), widened...), changed...)
		out = append(out, Notable{NotableICPChanged, "ICP constraints changed: " + strings.Join(uniq(all), "; ")})
	}
	return out
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

func uniq(items []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		base := strings.SplitN(it, " ", 2)[0]
		if !seen[base] {
			seen[base] = true
			out = append(out, it)
		}
	}
	return out
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
	s := fmt.Sprintf("%.1f", *f*100)
	return strings.TrimSuffix(s, ".0") + "%"
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
