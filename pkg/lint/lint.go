// Package lint runs rules over a loaded workspace and turns what they find
// into findings with a severity, honouring the config and lint.ignore.
package lint

import (
	"fmt"
	"time"

	"github.com/personakit/persona/pkg/config"
	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/frontmatter"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/workspace"
)

// Severity orders findings; Off means the rule does not run.
// Severity and Finding are the shared vocabulary of pkg/finding, named
// here too so that rules read naturally.
type (
	Severity = finding.Severity
	Finding  = finding.Finding
)

// Severities from least to most severe.
const (
	Off     = finding.Off
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, bool) { return finding.ParseSeverity(s) }

// Rule is a lint rule's identity and documentation. What it checks comes
// from one of the checker interfaces; rules without one report the problems
// the loader found for them (file-unreadable, frontmatter-invalid, ...).
type Rule = finding.RuleDoc

// Checker is a rule that looks at the loaded workspace.
type Checker interface {
	Rule
	Check(c *Context)
}

// Costly is a Checker whose Check takes far longer than the others (it
// reads files, or compares entities pairwise); the runner starts those
// first, so that the quick ones fill the other cores meanwhile instead of
// leaving one costly check to finish alone at the end.
type Costly interface {
	Costly()
}

// TextChecker is a rule that reads an entity file's full text while it is
// loaded (bodies are not kept). It must be safe for concurrent use.
type TextChecker interface {
	Rule
	// block is src already split into front matter and body.
	CheckText(doc *model.Document, src []byte, block frontmatter.Block) []model.Problem
}

// Finisher is a rule that judges the other rules' results, so it runs after
// all of them.
type Finisher interface {
	Rule
	Finish(c *Context)
}

// Configurable is a rule with options under `rules.<id>` in the config.
type Configurable interface {
	Rule
	// Options declares the options the rule takes; the runner refuses
	// any other name before Configure sees them.
	Options() []Option
	Configure(opts map[string]config.Option, configPath string) error
}

// Option documents one option of a rule, for persona rules and the README.
type Option struct {
	Name        string `json:"name"`
	Default     string `json:"default"`
	Description string `json:"description"`
}

// Context is what a rule sees while it checks.
type Context struct {
	WS    *workspace.Workspace
	Today time.Time
	// Customers is what matching the config's match.accounts measured;
	// nil when the config names none (SPEC §13).
	Customers *model.CustomerCoverage
	// QuoteFound is Options.QuoteFound: nil unless the caller asked.
	QuoteFound func(interview *model.Document, quote string, line int)

	rule   string
	runner *run
	sink   *sink
	docs   []*model.Document
}

// Docs returns the documents the run checks, in path order: every one in
// the workspace, or the run's scope. A rule loops over these for what it
// reports, and over c.WS for what it only reads.
func (c *Context) Docs() []*model.Document { return c.docs }

// Entities returns the entities of kind k among Docs, in path order, in
// a slice the rule must not modify.
func (c *Context) Entities(k model.Kind) []*model.Document {
	if !c.Scoped() {
		return c.WS.SharedEntities(k)
	}
	var out []*model.Document
	for _, d := range c.docs {
		if d.Kind == k {
			out = append(out, d)
		}
	}
	return out
}

// Scoped reports whether the run checks only some documents (Options.Scope).
func (c *Context) Scoped() bool { return c.runner.scope != nil }

// Report records a finding of the running rule in doc at pos.
func (c *Context) Report(doc *model.Document, pos model.Pos, format string, args ...any) {
	c.runner.add(c.sink, c.rule, doc, pos.Or(model.FileStart), fmt.Sprintf(format, args...), nil)
}

// ReportRemoval is Report with a fix that deletes the list item old
// written at pos (an unused lint.ignore entry).
func (c *Context) ReportRemoval(doc *model.Document, pos model.Pos, old, description string, format string, args ...any) {
	fix := &finding.Suggestion{Description: description, Line: int(pos.Line), Column: int(pos.Column), Old: old, Remove: true}
	c.runner.add(c.sink, c.rule, doc, pos.Or(model.FileStart), fmt.Sprintf(format, args...), fix)
}

// ReportFix is Report with the certain repair of the finding (SPEC §10):
// the value old written at pos is to read new.
func (c *Context) ReportFix(doc *model.Document, pos model.Pos, old, new, description string, format string, args ...any) {
	fix := &finding.Suggestion{Description: description, Line: int(pos.Line), Column: int(pos.Column), Old: old, New: new,
		Prose: doc.BodyLine > 0 && int(pos.Line) >= doc.BodyLine}
	c.runner.add(c.sink, c.rule, doc, pos.Or(model.FileStart), fmt.Sprintf(format, args...), fix)
}

// Suppressed reports whether doc's lint.ignore silenced a finding of rule;
// it is known to Finishers, which run after every Checker.
func (c *Context) Suppressed(doc *model.Document, rule string) bool {
	return c.runner.suppressed[suppression{doc, rule}]
}

// Enabled reports whether rule is on in this run.
func (c *Context) Enabled(rule string) bool { return c.runner.severity[rule] != Off }

// Known reports whether rule is a registered rule id.
func (c *Context) Known(rule string) bool {
	_, ok := c.runner.severity[rule]
	return ok
}

// RuleIDs lists the registered rule ids, for suggestions.
func (c *Context) RuleIDs() []string {
	ids := make([]string, 0, len(c.runner.rules))
	for _, r := range c.runner.rules {
		ids = append(ids, r.ID())
	}
	return ids
}

// Path turns a workspace-relative path into the one shown to the user.
func (c *Context) Path(rel string) string { return c.runner.display(rel) }
