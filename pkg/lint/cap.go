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
	counts := map[capKey]int{}
	entity := map[capKey]string{}
	kept := sorted[:0]
	for _, f := range sorted {
		k := capKey{f.Path, f.Rule}
		counts[k]++
		entity[k] = f.Entity
		if counts[k] <= MaxPerFileRule {
			kept = append(kept, f)
		}
	}
	sev := rn.severity[RuleFindingsCapped]
	if sev == Off {
		return kept
	}
	var capped []Finding
	for k, n := range counts {
		more := max(n-MaxPerFileRule, 0) + dropped[k]
		if more == 0 {
			continue
		}
		capped = append(capped, Finding{
			Rule: RuleFindingsCapped, Severity: sev, Path: k.path, Line: 1, Column: 1, Entity: entity[k],
			Message: fmt.Sprintf("%s of rule %s in this file left out (the first %d are shown); fix those, then lint again",
				words.Plural(more, "more finding"), k.rule, MaxPerFileRule),
		})
	}
	if len(capped) == 0 {
		return kept
	}
	out := append(kept, capped...)
	slices.SortFunc(out, Compare)
	return out
}
