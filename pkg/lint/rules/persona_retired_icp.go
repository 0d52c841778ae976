package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type personaRetiredICP struct{ meta }

func (r *personaRetiredICP) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindPersona) {
		if !d.IsActive() {
			continue
		}
		if icp := c.WS.Lookup(model.KindICP, d.Persona.ICP.Value); icp != nil && icp.Status == model.StatusRetired {
			c.Report(d, d.Persona.ICP.Pos, "icp %q is retired; move this persona to an active ICP or set status: retired", icp.ID)
		}
	}
}
