package output

import (
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	"github.com/personakit/persona/pkg/finding"
)

// InformationURI is where SARIF consumers and reviewdog link the tool.
const InformationURI = "https://github.com/personakit/persona"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	Invocations        []sarifInvocation        `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
	ColumnKind         string                   `json:"columnKind"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
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
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

// sarifFix is a finding's fix: its edits, file by file.
type sarifFix struct {
	Description     sarifText           `json:"description"`
	ArtifactChanges []sarifArtifactEdit `json:"artifactChanges"`
}

type sarifArtifactEdit struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifSpan `json:"deletedRegion"`
	InsertedContent sarifText `json:"insertedContent"`
}

type sarifSpan struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

// SARIFMaxResults is the most results one run may hold: GitHub code scanning
// rejects a run with more.
const SARIFMaxResults = 25_000

// srcRoot names the repository's top level, which relative URIs resolve
// against. Its absolute location is left to the consumer (code scanning
// knows its checkout), so the log is the same on every machine.
const srcRoot = "%SRCROOT%"

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// sarifLevel maps a severity to SARIF's level vocabulary.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	case finding.Info:
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
	kept := mostSevere(r.Findings, SARIFMaxResults)
	results := make([]sarifResult, 0, len(kept))
	baseID := ""
	if r.RepoRelative {
		baseID = srcRoot
	}
	for _, i := range kept {
		f := r.Findings[i]
		results = append(results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: URIReference(f.Path), URIBaseID: baseID},
				Region:           sarifRegion{StartLine: max(f.Line, 1), StartColumn: max(f.Column, 1)},
			}}},
			PartialFingerprints: map[string]string{"primaryLocationLineHash": r.fingerprint(i)},
			Fixes:               sarifFixes(f.Fix, baseID),
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "unicodeCodePoints"}
	if r.RepoRelative {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {
			Description: &sarifText{Text: "The git repository's top level; every artifact URI is relative to it."}}}
	}
	if left := len(r.Findings) - len(kept); left > 0 {
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{{
			Level:   "warning",
			Message: sarifText{Text: SARIFCapMessage(len(r.Findings))},
		}}}}
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	return WriteJSON(w, log)
}

// SARIFCapMessage says how many of total findings a SARIF log leaves out.
func SARIFCapMessage(total int) string {
	return fmt.Sprintf("this SARIF log holds the %d most severe of %d findings and leaves %d out, as GitHub code scanning rejects a run with more than %d results; run persona lint with --format json for all of them",
		SARIFMaxResults, total, total-SARIFMaxResults, SARIFMaxResults)
}

// mostSevere returns the indices of at most limit findings, the most severe
// first chosen, in their original order.
func mostSevere(findings []finding.Finding, limit int) []int {
	idx := make([]int, len(findings))
	for i := range idx {
		idx[i] = i
	}
	if len(idx) <= limit {
		return idx
	}
	sort.SliceStable(idx, func(a, b int) bool { return findings[idx[a]].Severity > findings[idx[b]].Severity })
	idx = idx[:limit]
	sort.Ints(idx)
	return idx
}

// URIReference turns a '/'-separated relative path into an RFC 3986
// relative reference: net/url percent-encodes what a path cannot hold
// ('[', '|', '#', '%', controls, non-ASCII) and prefixes "./" where a colon
// in the first segment would read as a scheme ("c:x.md").
func URIReference(p string) string { return (&url.URL{Path: p}).String() }

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

// sarifFixes writes a fix as SARIF's fixes, one artifact change per file
// in the order the edits name them.
func sarifFixes(fix *finding.Fix, baseID string) []sarifFix {
	if fix == nil {
		return nil
	}
	out := sarifFix{Description: sarifText{Text: fix.Description}}
	for _, e := range fix.Edits {
		r := sarifReplacement{
			DeletedRegion:   sarifSpan{StartLine: e.Start.Line, StartColumn: e.Start.Column, EndLine: e.End.Line, EndColumn: e.End.Column},
			InsertedContent: sarifText{Text: e.NewText},
		}
		if n := len(out.ArtifactChanges); n > 0 && out.ArtifactChanges[n-1].ArtifactLocation.URI == URIReference(e.Path) {
			out.ArtifactChanges[n-1].Replacements = append(out.ArtifactChanges[n-1].Replacements, r)
			continue
		}
		out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactEdit{
			ArtifactLocation: sarifArtifact{URI: URIReference(e.Path), URIBaseID: baseID},
			Replacements:     []sarifReplacement{r},
		})
	}
	return []sarifFix{out}
}
