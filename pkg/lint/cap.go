package lint

import (
	"fmt"
	"slices"

	"github.com/personakit/persona/pkg/words"
)

// MaxPerFileRule is how many findings of one rule one file may produce; the
// rest are counted in a single findings-capped finding, so that a huge or
// hostile file cannot make the output grow without bound.
const MaxPerFileRule = 100

// RuleFindingsCapped is the rule id of the finding that stands for the rest.
const RuleFindingsCapped = "findings-capped"

type capKey struct{ path, rule string }

// put adds f to s. When its file and rule reach twice the cap, only the
// first MaxPerFileRule of them in output order are kept and the rest
// counted: the first of all the findings of a key are among the first of
// any part of them, so capFindings shows what it would have shown, and a
// file with a million bad values costs what a few hundred do.
func (s *sink) put(f Finding) {
	k := capKey{f.Path, f.Rule}
	if s.groups == nil {
		s.groups, s.dropped = map[capKey][]Finding{}, map[capKey]int{}
	}
	g := append(s.groups[k], f)
	if len(g) >= 2*MaxPerFileRule {
		slices.SortFunc(g, Compare)
		s.dropped[k] += len(g) - MaxPerFileRule
		g = g[:MaxPerFileRule]
	}
	s.groups[k] = g
}

// capFindings keeps the first MaxPerFileRule findings (in output order) of
// each rule in each file and adds one findings-capped finding per file and
// rule that had more, counting those dropped while loading too.
func (rn *run) capFindings(sorted []Finding, dropped map[capKey]int) []Finding {
	sev := rn.severity[RuleFindingsCapped]
	// The findings of one file come together, and a file has findings of
	// a few rules: each file's are counted in a short list, not in maps
	// of every file and rule.
	type ruleCount struct {
		rule, entity string
		n            int
	}
	var rules []ruleCount
	var capped []Finding
	kept := sorted[:0]
	for i := 0; i < len(sorted); {
		path := sorted[i].Path
		rules = rules[:0]
		for ; i < len(sorted) && sorted[i].Path == path; i++ {
			f := sorted[i]
			at := slices.IndexFunc(rules, func(r ruleCount) bool { return r.rule == f.Rule })
			if at < 0 {
				at = len(rules)
				rules = append(rules, ruleCount{rule: f.Rule})
			}
			rules[at].n++
			rules[at].entity = f.Entity
			if rules[at].n <= MaxPerFileRule {
				kept = append(kept, f)
			}
		}
		if sev == Off {
			continue
		}
		for _, r := range rules {
			more := max(r.n-MaxPerFileRule, 0)
			if len(dropped) > 0 {
				more += dropped[capKey{path, r.rule}]
			}
			if more == 0 {
				continue
			}
			capped = append(capped, Finding{
				Rule: RuleFindingsCapped, Severity: sev, Path: path, Line: 1, Column: 1, Entity: r.entity,
				Message: fmt.Sprintf("%s of rule %s in this file left out (the first %d are shown); fix those, then lint again",
					words.Plural(more, "more finding"), r.rule, MaxPerFileRule),
			})
		}
	}
	if len(capped) == 0 {
		return kept
	}
	out := append(kept, capped...)
	slices.SortFunc(out, Compare)
	return out
}
