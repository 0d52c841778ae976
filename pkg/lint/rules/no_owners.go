package rules

import (
	"github.com/personakit/persona/pkg/lint"
	"github.com/personakit/persona/pkg/model"
)

type noOwners struct{ meta }

func (r *noOwners) Check(c *lint.Context) {
	for _, d := range c.Docs() {
		if (d.Kind == model.KindICP || d.Kind == model.KindPersona) && len(d.Owners) == 0 {
			c.Report(d, model.FileStart, "%s has no owners; add owners: with the teams or people who keep it current", d.Kind)
		}
	}
}
