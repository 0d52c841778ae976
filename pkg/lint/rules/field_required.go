package rules

import (
	"strings"

	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type fieldRequired struct{ meta }

func (r *fieldRequired) Check(c *lint.Context) {
	for _, d := range c.Docs() {
		switch d.Kind {
		case model.KindICP:
			if strings.TrimSpace(d.ICP.Title.Value) == "" {
				c.Report(d, d.ICP.Title.Pos, "ICP has no title; add title: followed by a short name for the segment")
			}
		case model.KindPersona:
			if strings.TrimSpace(d.Persona.Name.Value) == "" {
				c.Report(d, d.Persona.Name.Pos, "persona has no name; add name: such as \"Finance Director Fiona\"")
			}
		case model.KindInterview:
			if !d.Interview.Date.Valid && d.Interview.Date.Pos.Line == 0 {
				c.Report(d, model.FileStart, "interview has no date; add date: YYYY-MM-DD of the conversation")
			}
		}
	}
}
