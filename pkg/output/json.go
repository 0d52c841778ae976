package output

import (
	"encoding/json"
	"io"

	"github.com/personakit/persona/pkg/model"
)

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Entity   string `json:"entity"`
	Message  string `json:"message"`
}

type jsonSummary struct {
	Files    int            `json:"files"`
	Entities map[string]int `json:"entities"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
}

type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

// JSON writes the contract's lint JSON (version 1).
func JSON(w io.Writer, r *Report, _ Style) error {
	out := jsonReport{Version: 1, Findings: make([]jsonFinding, 0, len(r.Findings))}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Path: f.Path,
			Line: f.Line, Column: f.Column, Entity: f.Entity, Message: f.Message,
		})
	}
	out.Summary = jsonSummary{
		Files:    r.Summary.Files,
		Entities: map[string]int{},
		Errors:   r.Summary.Errors,
		Warnings: r.Summary.Warnings,
		Infos:    r.Summary.Infos,
	}
	for _, k := range model.Kinds {
		out.Summary.Entities[string(k)] = r.Summary.Entities[k]
	}
	return WriteJSON(w, out)
}

// WriteJSON writes v as indented JSON, leaving <, > and & as they are:
// the documents are read by tools and people, never embedded in HTML.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
