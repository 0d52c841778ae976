package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/parallel"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/workspace"
)

// Runner applies a configured rule set. Build it before loading the
// workspace: its Inspector must be handed to workspace.Load.
type Runner struct {
	rules    []Rule
	severity map[string]Severity
	// lenient are the rules whose errors are warnings on draft and proto
	// entities (see LenientOnDrafts).
	lenient map[string]bool
}

// LenientOnDrafts is a rule whose errors are reported as warnings on draft
// and proto entities, which may be assumptions while they are worked on
// (the evidence rules and persona-no-icp, SPEC §3).
type LenientOnDrafts interface {
	LenientOnDrafts()
}

// NewRunner checks the config against the rules (unknown rule ids, bad
// options) and returns a runner, or a *config.Error.
func NewRunner(cfg *config.Config, rules []Rule) (*Runner, error) {
	r := &Runner{rules: rules, severity: make(map[string]Severity, len(rules)), lenient: map[string]bool{}}
	byID := make(map[string]Rule, len(rules))
	ids := make([]string, 0, len(rules))
	for _, rule := range rules {
		byID[rule.ID()] = rule
		ids = append(ids, rule.ID())
		r.severity[rule.ID()] = rule.DefaultSeverity()
		if _, ok := rule.(LenientOnDrafts); ok {
			r.lenient[rule.ID()] = true
		}
	}
	var problems config.Problems
	for _, id := range cfg.RuleOrder {
		setting := cfg.Rules[id]
		rule, ok := byID[id]
		if !ok {
			problems = append(problems, &config.Error{Path: cfg.Path, Pos: setting.Key, Msg: fmt.Sprintf(
				"unknown rule %q%s", id, suggest.DidYouMeanOr(id, ids, "; `persona rules` lists them"))})
			continue
		}
		if setting.Severity != "" {
			r.severity[id], _ = ParseSeverity(setting.Severity)
		}
		if len(setting.Options) == 0 {
			continue
		}
		c, ok := rule.(Configurable)
		if !ok {
			var first config.Option
			for _, o := range setting.Options {
				if first.Key == nil || o.Key.Line < first.Key.Line {
					first = o
				}
			}
			problems = append(problems, config.Errorf(cfg.Path, first.Key,
				"rule %s has no option %q; it only takes severity", id, first.Key.Value))
			continue
		}
		names := make([]string, 0, len(c.Options()))
		for _, o := range c.Options() {
			names = append(names, o.Name)
		}
		options := setting.Options
		if err := CheckOptionNames(id, options, cfg.Path, names...); err != nil {
			problems.Add(err)
			// The known options are still checked: every problem at once.
			options = map[string]config.Option{}
			for name, o := range setting.Options {
				if slices.Contains(names, name) {
					options[name] = o
				}
			}
		}
		if err := c.Configure(options, cfg.Path); err != nil && !problems.Add(err) {
			return nil, err
		}
	}
	if len(problems) > 0 {
		return nil, problems.Sorted()
	}
	return r, nil
}

// Rules returns the rule set, in the contract's order; Severity tells the
// severity in force for each.
func (r *Runner) Rules() []Rule { return r.rules }

// Severity returns the severity in force for a rule id.
func (r *Runner) Severity(id string) Severity { return r.severity[id] }

// Inspector returns the per-file hook for workspace.Load that runs the
// enabled text rules.
func (r *Runner) Inspector() workspace.Inspector {
	var checkers []TextChecker
	for _, rule := range r.rules {
		if tc, ok := rule.(TextChecker); ok && r.severity[rule.ID()] != Off {
			checkers = append(checkers, tc)
		}
	}
	if len(checkers) == 0 {
		return nil
	}
	return func(doc *model.Document, src []byte, block frontmatter.Block) []model.Problem {
		var out []model.Problem
		for _, tc := range checkers {
			found := tc.CheckText(doc, src, block)
			if len(found) > MaxPerFileRule {
				// Keep what will be shown, the first in output order as
				// capFindings keeps them (a rule may find them out of
				// order: an alias repeats claims written above); the rest
				// only needs counting.
				slices.SortFunc(found, compareProblems)
				found[MaxPerFileRule-1].Dropped = len(found) - MaxPerFileRule
				found = found[:MaxPerFileRule:MaxPerFileRule]
			}
			out = append(out, found...)
		}
		return out
	}
}

// compareProblems orders one rule's problems in one file as Compare
// orders their findings: by the line and column reported, then message.
func compareProblems(a, b model.Problem) int {
	pa, pb := a.Pos.Or(model.FileStart), b.Pos.Or(model.FileStart)
	return cmp.Or(
		cmp.Compare(pa.Line, pb.Line),
		cmp.Compare(max(pa.Column, 1), max(pb.Column, 1)),
		strings.Compare(a.Message, b.Message),
	)
}

type suppression struct {
	doc  *model.Document
	rule string
}

type run struct {
	*Runner
	ws         *workspace.Workspace
	display    func(rel string) string
	include    func(rel string) bool
	suppressed map[suppression]bool // filled once every Checker has run
	scope      map[*model.Document]bool
	refs       references
}

// sink collects what one rule reports. Rules run concurrently, each into
// its own sink, so that nothing is shared while they run.
type sink struct {
	// groups holds the findings by file and rule, so that put can bound
	// each group; dropped counts what it left out.
	groups     map[capKey][]Finding
	dropped    map[capKey]int
	suppressed []suppression
	// shown is the path and entity findings show for the document reported
	// on last: a rule reports on one file after another, and 18,500
	// findings made as many copies of each.
	shown struct {
		doc          *model.Document
		path, entity string
	}
}

// Options for one run.
type Options struct {
	Today time.Time
	// Display turns a workspace-relative path into the path shown to the
	// user; nil keeps it as is.
	Display func(rel string) string
	// Include limits reporting to the files (workspace-relative paths) it
	// accepts; nil reports every file. Suppressions are tracked for all.
	Include func(rel string) bool
	// Scope limits the run to these documents, in path order: rules check
	// them and report only about them, reading the rest of the workspace
	// as context. The editor server re-checks only the documents an edit
	// can affect (workspace.Affected); nil checks every document.
	Scope []*model.Document
	// Customers is what matching the account data measured, for the rules
	// that check ICPs against it; nil without match.accounts.
	Customers *model.CustomerCoverage
	// QuoteFound, when set, is told of each quote quote-not-found finds
	// in an interview's notes, and the line of the notes' body it starts
	// on (0-based), from any goroutine: a report shows where each quote
	// is and need not look for it again.
	QuoteFound func(interview *model.Document, quote string, line int)
}

// Run lints the workspace and returns the findings sorted by path, line,
// column and rule.
func (r *Runner) Run(ws *workspace.Workspace, opts Options) []Finding {
	rn := &run{Runner: r, ws: ws, display: opts.Display, include: opts.Include, suppressed: map[suppression]bool{}}
	if rn.display == nil {
		rn.display = func(rel string) string { return rel }
	}
	docs := ws.Docs
	if opts.Scope != nil {
		docs = opts.Scope
		rn.scope = make(map[*model.Document]bool, len(docs))
		for _, d := range docs {
			rn.scope[d] = true
		}
	}
	loaded := &sink{}
	dropped := map[capKey]int{}
	for _, doc := range docs {
		for _, p := range doc.Problems {
			if rn.add(loaded, p.Rule, doc, p.Pos.Or(model.FileStart), p.Message, p.Suggest) && p.Dropped > 0 {
				dropped[capKey{rn.display(doc.Path), p.Rule}] += p.Dropped
			}
		}
	}
	ctx := func(rule Rule, s *sink) *Context {
		return &Context{WS: ws, Today: opts.Today, Customers: opts.Customers, QuoteFound: opts.QuoteFound, rule: rule.ID(), runner: rn, sink: s, docs: docs}
	}
	checkers := r.checkers()
	sinks := make([]*sink, len(checkers))
	parallel.Each(len(checkers), func(int) func(int) {
		return func(i int) {
			sinks[i] = &sink{}
			checkers[i].Check(ctx(checkers[i], sinks[i]))
		}
	})
	all := append([]*sink{loaded}, sinks...)
	for _, s := range all {
		for _, sup := range s.suppressed {
			rn.suppressed[sup] = true
		}
	}
	for _, rule := range r.rules {
		if f, ok := rule.(Finisher); ok && r.severity[rule.ID()] != Off {
			s := &sink{}
			f.Finish(ctx(rule, s))
			all = append(all, s)
		}
	}
	n := 0
	for _, s := range all {
		for _, g := range s.groups {
			n += len(g)
		}
	}
	findings := make([]Finding, 0, n) // tens of thousands, in a big repository
	for _, s := range all {
		for _, g := range s.groups {
			findings = append(findings, g...)
		}
		for k, n := range s.dropped {
			dropped[k] += n
		}
	}
	slices.SortFunc(findings, Compare)
	return rn.capFindings(findings, dropped)
}

// checkers are the enabled rules that check the workspace, in the order
// they are handed to the cores: the costly ones first, so that they are
// not the last to start while the other cores sit idle.
func (r *Runner) checkers() []Checker {
	var checkers []Checker
	for _, rule := range r.rules {
		if c, ok := rule.(Checker); ok && r.severity[rule.ID()] != Off {
			checkers = append(checkers, c)
		}
	}
	slices.SortStableFunc(checkers, func(a, b Checker) int {
		_, costlyA := a.(Costly)
		_, costlyB := b.(Costly)
		switch {
		case costlyA && !costlyB:
			return -1
		case costlyB && !costlyA:
			return 1
		}
		return 0
	})
	return checkers
}

// Compare orders findings by path, line, column and rule, then message so
// that the order is total and output is byte-for-byte stable. It stops
// at the first difference (cmp.Or would compare every field first): a
// run sorts its findings on one core, 18,500 of them at 52,500 files.
func Compare(a, b Finding) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return cmp.Compare(a.Line, b.Line)
	}
	if a.Column != b.Column {
		return cmp.Compare(a.Column, b.Column)
	}
	if c := strings.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// add reports a finding into s and says whether it was kept.
func (rn *run) add(s *sink, rule string, doc *model.Document, pos model.Pos, msg string, fix *finding.Suggestion) bool {
	sev := rn.severity[rule]
	if sev == Off {
		return false
	}
	if doc.Lint != nil {
		for _, ig := range doc.Lint.Ignore {
			if ig.Value == rule {
				s.suppressed = append(s.suppressed, suppression{doc, rule})
				return false
			}
		}
	}
	if rn.include != nil && !rn.include(doc.Path) || rn.scope != nil && !rn.scope[doc] {
		return false
	}
	if sev == Error && rn.lenient[rule] && (doc.Status == model.StatusDraft || doc.Status == model.StatusProto) {
		sev = Warning
	}
	if s.shown.doc != doc {
		s.shown.doc, s.shown.path, s.shown.entity = doc, rn.display(doc.Path), doc.Entity()
	}
	s.put(Finding{
		Rule:       rule,
		Severity:   sev,
		Path:       s.shown.path,
		Line:       int(pos.Line),
		Column:     int(max(pos.Column, 1)),
		Entity:     s.shown.entity,
		Message:    msg,
		Suggestion: fix,
	})
	return true
}
