package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type personaNoICP struct{ meta }

func (r *personaNoICP) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		if d.Persona.ICP.Value == "" {
			c.Report(d, d.Persona.ICP.Pos, "persona names no ICP; add icp: with the id of the ICP this person belongs to")
		}
	}
}

// LenientOnDrafts: a draft may not know its ICP yet (SPEC §3).
func (r *personaNoICP) LenientOnDrafts() {}
