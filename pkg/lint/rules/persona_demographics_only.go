package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type demographicsOnly struct{ meta }

func (r *demographicsOnly) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		if d.Persona.Substance == 0 {
			c.Report(d, model.FileStart, "persona lists no goals, motivations, frustrations or aspirations; add what this person wants and struggles with")
		}
	}
}
