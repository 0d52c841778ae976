package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type personaNoSources struct{ meta }

func (r *personaNoSources) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		if !d.Persona.HasReferences() && !d.IsRetired() {
			c.Report(d, model.FileStart, "persona cites no interviews; list the interviews it rests on under sources:")
		}
	}
}

// LenientOnDrafts: a draft may not have its evidence yet.
func (r *personaNoSources) LenientOnDrafts() {}
