package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type icpNoPersonas struct{ meta }

func (r *icpNoPersonas) Check(c *lint.Context) {
	for _, d := range c.Entities(model.KindICP) {
		if d.IsActive() && len(countedPersonas(c.WS, d)) == 0 {
			c.Report(d, model.FileStart, "ICP has no active persona; add a persona with icp: %s for the people you sell to in it", d.ID)
		}
	}
}
