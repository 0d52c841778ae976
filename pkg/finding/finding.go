// Package finding is the vocabulary every command shares about lint
// results: a finding, its severity, and the one JSON shape a finding has in
// lint, diff and report output. It is plain data, outside the rule engine,
// so printers and reports need not import lint.
package finding

import (
	"encoding/json"
)

// Severity orders findings; a rule can be turned Off.
type Severity int

// Severities from least to most severe.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, bool) {
	for _, sev := range []Severity{Off, Info, Warning, Error} {
		if sev.String() == s {
			return sev, true
		}
	}
	return Off, false
}

// Finding is one problem found in one file.
type Finding struct {
	Rule     string
	Severity Severity
	// Path is '/'-separated, relative to the directory the output says.
	Path    string
	Line    int
	Column  int
	Entity  string // "kind/id", or "" for a file that is not an entity
	Message string
	// Suggestion is the certain repair a rule knows, if any; Fix is that
	// repair placed in the file, filled where fixes are shown or applied.
	Suggestion *Suggestion
	Fix        *Fix
}

// RuleDoc is what outputs say about a rule: its id, default severity and
// documentation. Lint's rules are RuleDocs with a check besides.
type RuleDoc interface {
	ID() string
	DefaultSeverity() Severity
	// Summary says in one line when the rule fires.
	Summary() string
	// Help says why it matters and how to fix it.
	Help() string
}

// jsonFinding is a finding's one JSON shape, fields in this order.
type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Entity   string `json:"entity"`
	Message  string `json:"message"`
	Fix      *Fix   `json:"fix,omitempty"`
}

// MarshalJSON writes the shape of the contract's lint JSON.
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonFinding{f.Rule, f.Severity.String(), f.Path, f.Line, f.Column, f.Entity, f.Message, f.Fix})
}

// UnmarshalJSON reads that shape back.
func (f *Finding) UnmarshalJSON(b []byte) error {
	var j jsonFinding
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	sev, _ := ParseSeverity(j.Severity)
	*f = Finding{Rule: j.Rule, Severity: sev, Path: j.Path, Line: j.Line, Column: j.Column, Entity: j.Entity, Message: j.Message, Fix: j.Fix}
	return nil
}

// Fails says whether any of findings is at least as severe as failOn: the
// run then exits 1.
func Fails(findings []Finding, failOn Severity) bool {
	for _, f := range findings {
		if f.Severity >= failOn {
			return true
		}
	}
	return false
}
