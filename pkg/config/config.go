// Package config reads and validates .persona.yaml. Rule ids and rule
// options are checked by lint, which knows the rules; this package keeps
// the position of every value so those errors can name file:line too.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/personakit/persona/pkg/contract"
	"github.com/personakit/persona/pkg/fileio"
	"github.com/personakit/persona/pkg/model"
	"github.com/personakit/persona/pkg/suggest"
	"github.com/personakit/persona/pkg/yamlkit"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file.
const FileName = ".persona.yaml"

// Config is the decoded configuration. The zero value is not useful; start
// from Default.
type Config struct {
	// Path is the file the config came from, as it should be shown to the
	// user; empty for built-in defaults.
	Path        string
	Version     int
	Exclude     []string
	FieldsAllow []string
	Rules       map[string]RuleSetting
	// RuleOrder lists the rule ids in the order they were written, so that
	// errors about them come out in file order.
	RuleOrder []string
	Templates string
	// Sections adds headings that name a claim list in persona bodies
	// (SPEC §9), claim list → headings, merged over the defaults.
	Sections map[string][]string
	// Match is where account data is and how to read it (SPEC §13).
	Match Match
}

// Match is the config's match: section.
type Match struct {
	// Accounts are the account files, relative to the config's directory.
	Accounts []string
	// Columns names a field's header: field name → header.
	Columns map[string]string
	// Industries maps an ICP industry to more labels that fit it.
	Industries map[string][]string
	// Regions defines or redefines regions: name → countries or regions.
	Regions map[string][]string
	// Currency is what amounts without one are in, and what Rates are
	// against; USD by default.
	Currency string
	// Rates says how many units of Currency one unit of another is.
	Rates map[string]float64
}

// RuleSetting is one entry under `rules:`.
type RuleSetting struct {
	// Severity is "error", "warning", "info", "off", or "" to keep the default.
	Severity string
	Key      model.Pos // where the rule id is written
	Value    model.Pos
	Options  map[string]Option
}

// Option is one rule option as written, kept as YAML so that the rule that
// owns it can decode it and point at it when it is wrong.
type Option struct {
	Key, Value *yaml.Node
}

// Default is the configuration in force when the workspace has no file.
func Default() *Config {
	return &Config{Version: 1, Rules: map[string]RuleSetting{}, Templates: "templates", Match: Match{Currency: "USD"}}
}

// Error is a problem in the config file, at a position.
type Error struct {
	Path string
	Pos  model.Pos
	Msg  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, max(e.Pos.Column, 1), e.Msg)
}

// Problems is every problem found in a config, in file order. As an error
// it reads as the first, with how many more there are, so commands that
// stop at a bad config print one line; config verify prints them all.
type Problems []*Error

func (p Problems) Error() string {
	if len(p) == 1 {
		return p[0].Error()
	}
	return fmt.Sprintf("%s (and %d more problems; persona config verify lists them all)", p[0].Error(), len(p)-1)
}

// Add appends err, which is a *Error or a Problems, and reports whether it
// was one; other errors are not the config's.
func (p *Problems) Add(err error) bool {
	var many Problems
	if errors.As(err, &many) {
		*p = append(*p, many...)
		return true
	}
	var one *Error
	if errors.As(err, &one) {
		*p = append(*p, one)
		return true
	}
	return false
}

// Sorted returns the problems in file order.
func (p Problems) Sorted() Problems {
	out := append(Problems(nil), p...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos.Line != out[j].Pos.Line {
			return out[i].Pos.Line < out[j].Pos.Line
		}
		return out[i].Pos.Column < out[j].Pos.Column
	})
	return out
}

// Errorf builds an Error at node n of the config file at path.
func Errorf(path string, n *yaml.Node, format string, args ...any) *Error {
	return &Error{Path: path, Pos: NodePos(n), Msg: fmt.Sprintf(format, args...)}
}

// NodePos is the position of a node in the config file.
func NodePos(n *yaml.Node) model.Pos {
	if n == nil {
		return model.FileStart
	}
	return model.Pos{Line: int32(max(n.Line, 1)), Column: int32(max(n.Column, 1))}
}

// MaxSize bounds the config file: a config is a few hundred bytes, and a
// link to /dev/zero must not exhaust memory.
const MaxSize = 1 << 20

// Load reads the config file at path; display is how to name it in errors.
func Load(path, display string) (*Config, error) {
	data, err := fileio.ReadWhole(path, MaxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the config: %w", display, unwrapPath(err))
	}
	return Parse(display, data)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Severities a rule can be set to in the config.
var Severities = []string{"error", "warning", "info", "off"}

var topKeys = []string{"version", "exclude", "fields", "rules", "templates", "sections", "match"}

// Parse decodes and validates config text; path is used in errors. When
// keys are wrong it returns the config read from the rest together with
// Problems, so that every problem can be reported at once.
func Parse(path string, data []byte) (*Config, error) {
	c := Default()
	c.Path = path
	// One decoder reads the document and then tells whether another follows,
	// which would otherwise be ignored without a word.
	text, unmask := yamlkit.MaskSeparators(yamlkit.StripBOM(data))
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var root, next yaml.Node
	err := dec.Decode(&root)
	unmask.Unmask(&root)
	if errors.Is(err, io.EOF) {
		return c, nil // an empty file means defaults
	} else if err != nil {
		p := yamlkit.ExplainYAML(yamlkit.StripBOM(data), err)
		msg := "not valid YAML: " + p.Raw
		if p.Explanation != "" {
			msg = "not valid YAML: " + p.Explanation
		}
		return nil, &Error{Path: path, Pos: model.Pos{Line: int32(p.Line), Column: int32(p.Column)}, Msg: msg}
	}
	if dec.Decode(&next) == nil {
		line := next.Line
		if len(next.Content) > 0 {
			line = next.Content[0].Line - 1 // the --- before its first value
		}
		return nil, &Error{Path: path, Pos: model.Pos{Line: int32(max(line, 1)), Column: 1},
			Msg: "the config holds more than one YAML document; only one is read, so merge them into one (remove this ---)"}
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, Errorf(path, m, "the config must be a mapping with keys such as version, exclude, rules")
	}
	seen := map[string]bool{}
	var problems Problems
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			problems = append(problems, Errorf(path, k, "key %q is repeated; keep one", k.Value))
			continue
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "version":
			err = c.parseVersion(v)
		case "exclude":
			err = c.parseExclude(v)
		case "fields":
			err = c.parseFields(v)
		case "rules":
			err = c.parseRules(v)
		case "sections":
			err = c.parseSections(v)
		case "match":
			err = c.parseMatch(v)
		case "templates":
			var s string
			s, err = scalar(path, "templates", v)
			if err == nil && strings.TrimSpace(s) == "" {
				err = Errorf(path, v, "templates must name a directory, such as templates/")
			}
			c.Templates = s
		default:
			err = Errorf(path, k, "unknown key %q%s", k.Value,
				suggest.DidYouMeanOr(k.Value, topKeys, "; valid keys are "+strings.Join(topKeys, ", ")))
		}
		if err != nil && !problems.Add(err) {
			return nil, err
		}
	}
	if len(problems) > 0 {
		return c, problems.Sorted()
	}
	return c, nil
}

func (c *Config) parseVersion(v *yaml.Node) error {
	s, err := scalar(c.Path, "version", v)
	if err != nil {
		return err
	}
	n, convErr := strconv.Atoi(s)
	if convErr != nil || n != 1 {
		return Errorf(c.Path, v, "version %q is not supported; this persona reads version: 1", s)
	}
	c.Version = n
	return nil
}

func (c *Config) parseExclude(v *yaml.Node) error {
	globs, err := list(c.Path, "exclude", v)
	if err != nil {
		return err
	}
	for i, g := range globs {
		if !doublestar.ValidatePattern(g) {
			return Errorf(c.Path, v.Content[i], "exclude pattern %q is not a valid glob; check its brackets and braces", g)
		}
		if why := globTooCostly(g); why != "" {
			return Errorf(c.Path, v.Content[i], "exclude pattern %q %s", g, why)
		}
	}
	c.Exclude = globs
	return nil
}

func (c *Config) parseFields(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return Errorf(c.Path, v, "fields must be a mapping, such as fields: {allow: [jtbd]}")
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Value != "allow" {
			return Errorf(c.Path, k, "unknown key fields.%s%s; the only key is allow", k.Value,
				suggest.DidYouMean(k.Value, []string{"allow"}))
		}
		allow, err := list(c.Path, "fields.allow", val)
		if err != nil {
			return err
		}
		c.FieldsAllow = allow
	}
	return nil
}

func (c *Config) parseRules(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return Errorf(c.Path, v, "rules must be a mapping from rule id to a severity or a mapping of options")
	}
	var problems Problems
	for i := 0; i+1 < len(v.Content); i += 2 {
		if err := c.parseRule(v.Content[i], v.Content[i+1]); err != nil {
			problems.Add(err)
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// parseRule reads one rule's setting. A bad severity or a repeated option
// is reported and the rest still read, so that the rule's options are
// checked too: config verify names every problem at once.
func (c *Config) parseRule(k, val *yaml.Node) error {
	if _, dup := c.Rules[k.Value]; dup {
		return Errorf(c.Path, k, "rule %q is configured twice; merge the entries", k.Value)
	}
	rs := RuleSetting{Key: NodePos(k), Value: NodePos(val), Options: map[string]Option{}}
	var problems Problems
	switch val.Kind {
	case yaml.ScalarNode:
		sev, err := severity(c.Path, val)
		if err != nil {
			return err
		}
		rs.Severity = sev
	case yaml.MappingNode:
		for j := 0; j+1 < len(val.Content); j += 2 {
			ok, ov := val.Content[j], val.Content[j+1]
			if ok.Value == "severity" {
				sev, err := severity(c.Path, ov)
				if err != nil {
					problems.Add(err)
					continue
				}
				rs.Severity = sev
				continue
			}
			if _, dup := rs.Options[ok.Value]; dup {
				problems.Add(Errorf(c.Path, ok, "option %q is repeated; keep one", ok.Value))
				continue
			}
			rs.Options[ok.Value] = Option{Key: ok, Value: ov}
		}
	default:
		return Errorf(c.Path, val, "rule %s must be set to a severity (error, warning, info, off) or a mapping such as {severity: warning}", k.Value)
	}
	c.Rules[k.Value] = rs
	c.RuleOrder = append(c.RuleOrder, k.Value)
	if len(problems) > 0 {
		return problems
	}
	return nil
}

func scalar(path, name string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", Errorf(path, v, "%s must be a single value", name)
	}
	return v.Value, nil
}

func list(path, name string, v *yaml.Node) ([]string, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, Errorf(path, v, "%s must be a list, such as [\"a\", \"b\"]", name)
	}
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode {
			return nil, Errorf(path, item, "each item of %s must be a single value", name)
		}
		out = append(out, item.Value)
	}
	return out, nil
}

func severity(path string, v *yaml.Node) (string, error) {
	if v.Kind == yaml.ScalarNode {
		s := strings.ToLower(v.Value)
		if s == "false" {
			s = "off"
		}
		for _, sev := range Severities {
			if s == sev {
				return s, nil
			}
		}
	}
	return "", Errorf(path, v, "severity %q is not one of error, warning, info, off%s", v.Value,
		suggest.DidYouMean(v.Value, Severities))
}

// MaxAgeDays is the longest age Duration accepts: 10,000 years.
const MaxAgeDays = 10_000 * 365

// Duration parses a rule age such as "180d": days, weeks, months of 30 days
// or years of 365 days. It returns the number of days.
func Duration(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 {
		return 0, false
	}
	unit := map[byte]int{'d': 1, 'w': 7, 'm': 30, 'y': 365}[s[len(s)-1]]
	// Beyond MaxAgeDays nothing is ever stale; refusing it keeps the
	// product from overflowing.
	if unit == 0 || n > MaxAgeDays/unit {
		return 0, false
	}
	return n * unit, true
}

func (c *Config) parseSections(v *yaml.Node) error {
	if v.Kind != yaml.MappingNode {
		return Errorf(c.Path, v, "sections must map claim lists to headings, such as sections: {goals: [What success looks like]}")
	}
	c.Sections = map[string][]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if !slices.Contains(contract.ClaimLists(), k.Value) {
			return Errorf(c.Path, k, "%q is not a claim list%s", k.Value,
				suggest.DidYouMeanOr(k.Value, contract.ClaimLists(), "; use goals, motivations, frustrations, aspirations or objections"))
		}
		headings, err := list(c.Path, "sections."+k.Value, val)
		if err != nil {
			return err
		}
		c.Sections[k.Value] = headings
	}
	return nil
}
