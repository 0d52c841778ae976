package output

import (
	"io"
	"strings"

	"github.com/personakit/persona/pkg/lint"
)

// InformationURI is where SARIF consumers and reviewdog link the tool.
const InformationURI = "https://github.com/personakit/persona"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// sarifLevel maps a severity to SARIF's level vocabulary.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

// RulesURI documents every rule.
const RulesURI = InformationURI + "#rules"

// SARIF writes a SARIF 2.1.0 log that GitHub code scanning accepts: every
// rule described, relative URIs, 1-based lines and stable fingerprints.
func SARIF(w io.Writer, r *Report, _ Style) error {
	driver := sarifDriver{Name: "persona", InformationURI: InformationURI, Version: r.ToolVersion, Rules: []sarifRule{}}
	index := map[string]int{}
	for _, rule := range r.Rules {
		index[rule.ID()] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:               rule.ID(),
			Name:             ruleName(rule.ID()),
			ShortDescription: sarifText{Text: capitalise(rule.Summary())},
			FullDescription:  sarifText{Text: capitalise(rule.Summary()) + ". " + rule.Help()},
			Help: sarifText{
				Text:     rule.Help(),
				Markdown: "**" + rule.ID() + "**: " + rule.Help(),
			},
			HelpURI:              RulesURI,
			DefaultConfiguration: sarifRuleLevel{Level: sarifLevel(rule.DefaultSeverity())},
		})
	}
	results := make([]sarifResult, 0, len(r.Findings))
	for i, f := range r.Findings {
		results = append(results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uriPath(f.Path)},
				Region:           sarifRegion{StartLine: max(f.Line, 1), StartColumn: max(f.Column, 1)},
			}}},
			PartialFingerprints: map[string]string{"primaryLocationLineHash": r.fingerprint(i)},
		})
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "unicodeCodePoints"}},
	}
	return WriteJSON(w, log)
}

// uriPath turns a shown path into a relative URI reference: percent-encode
// what a URI cannot hold (spaces, '%', '#', '?').
func uriPath(p string) string {
	var b strings.Builder
	for _, c := range []byte(p) {
		switch {
		case c == ' ' || c == '%' || c == '#' || c == '?' || c < 0x20 || c >= 0x7f:
			b.WriteString("%")
			b.WriteString(strings.ToUpper(string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15])))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// ruleName is a rule id in PascalCase, as SARIF viewers show names.
func ruleName(id string) string {
	parts := strings.Split(id, "-")
	for i, p := range parts {
		parts[i] = capitalise(p)
	}
	return strings.Join(parts, "")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
