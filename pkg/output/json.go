package output

import (
	"io"

	"github.com/personakit/persona/pkg/finding"
	"github.com/personakit/persona/pkg/model"
)

type jsonSummary struct {
	Files    int            `json:"files"`
	Entities map[string]int `json:"entities"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
}

type jsonReport struct {
	Version  int               `json:"version"`
	Findings []finding.Finding `json:"findings"`
	Summary  jsonSummary       `json:"summary"`
}

// JSON writes the contract's lint JSON (version 1).
func JSON(w io.Writer, r *Report, _ Style) error {
	out := jsonReport{Version: 1, Findings: r.Findings}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
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

// WriteJSON writes v as persona writes every JSON document.
func WriteJSON(w io.Writer, v any) error { return finding.WriteJSON(w, v) }
